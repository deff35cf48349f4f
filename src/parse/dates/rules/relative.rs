//! Relative rules: `last week`, `the day before`, `early next year`, `each Monday`.

use super::{stop, Out, Out::Pass, Out::Stop};
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::lexicon::List;
use crate::parse::dates::normalise::{self as n, Dir, Tense};
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::{Date as DT, Duration as DU, Set as ST, Time as TI};

impl G<'_> {
    /// A part of the day not followed by `of` (`the morning`, not `the morning of the vote`).
    pub(super) fn pod_ok(&self, j: usize) -> bool {
        !self.wd(j + 1, "of")
    }
    pub(super) fn modified(&mut self, j: usize, md: &str, the: bool) -> Option<M> {
        let mut k = j + 1;
        if self.p(k, '-') {
            k += 1;
        }
        match md {
            "end" | "start" | "mid" if self.wd(k, "of") => {
                // (the) end of X
                let r = self.core(k + 1)?;
                // the value of X itself: TimeML has no "end of" values
                return m(j, r.end, r.value, if r.ty == DU { DT } else { r.ty });
            }
            "end" | "start" => {
                // end-January
                let r = self.body(k, false)?;
                if r.start != k || !self.p(j + 1, '-') {
                    return None;
                }
                return m(j, r.end, r.value, r.ty);
            }
            _ => {}
        }
        // mid-afternoon yesterday, late morning: a part of the day named, or of the day spoken of
        if let Some(pod) = self.lex(k).and_then(|l| l.pod) {
            if !matches!(md, "mid" | "early" | "late") {
                return None;
            }
            return self.part_of_day_at(j, k, pod);
        }
        // early next year, late yesterday, mid-November, earlier this month, late 2006
        if self.wd(k, "in") && self.wd(k + 1, "the") && self.unit(k + 2).is_some() && md != "mid" {
            // "earlier in the year", "late in the day"
            let u = self.unit(k + 2)?;
            // `later in the day`: the day spoken of
            let v = if u == "d" {
                self.cx
                    .reference()
                    .map(|d| d.value())
                    .unwrap_or_else(|| "XXXX-XX-XX".into())
            } else {
                self.this_unit(u)?
            };
            return m(j, k + 3, v, DT);
        }
        let r = self.body(k, the)?;
        if r.start != k || !(r.ty == DT || r.ty == TI) {
            return None;
        }
        if r.value.ends_with("_REF") {
            return None;
        }
        let mut v = r.value;
        if md == "mid" && v.len() == 10 && r.ty == DT && self.wd(j + 1, "the") {
            v.truncate(7);
        }
        Some(M {
            start: j,
            end: r.end,
            value: v,
            ty: r.ty,
            day: r.day,
            extra: None,
        })
    }

    /// `mid-afternoon yesterday`, `late morning`, `mid-morning Tuesday`: the part of the day
    /// `pod` at `k` after a modifier at `j`, of the day named after it or the day spoken of.
    fn part_of_day_at(&mut self, j: usize, k: usize, pod: &str) -> Option<M> {
        let mut e = k + 1;
        let mut d = self.cx.reference();
        if let Some(dr) = self.lex(e).and_then(|l| l.dayrel) {
            if !dr.ends_with('N') {
                let off: i64 = dr.parse().ok()?;
                d = self.cx.anchor.map(|a| a.plus_days(off));
                e += 1;
            }
        } else if let Some((wd, we)) = self.weekday_at(e) {
            d = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(e, we)).1;
            e = we;
        }
        let v = format!(
            "{}T{pod}",
            d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into())
        );
        self.day_match(j, e, d, v, TI)
    }

    pub(super) fn reference(&mut self, j: usize, r: &str, the: bool) -> Option<M> {
        // "Now, ..." opening a sentence is a discourse marker, not a time
        let starts = j == 0 || matches!(self.t[j - 1].k, K::P(_));
        if r == "PRESENT_REF" && starts && self.p(j + 1, ',') && self.raw(j) == "Now" {
            return None;
        }
        if r == "FUTURE_REF" {
            // `the future of the alliance`: what becomes of it, not a time
            if self.wd(j + 1, "of") {
                return None;
            }
            // "the future", "the near future", "in future"
            let prev_in = j > 0
                && (self.wd(j - 1, "in")
                    || self.is_word_text(j - 1, "near")
                    || self.is_word_text(j - 1, "distant"));
            if !(the || prev_in) {
                return None;
            }
            if j >= 2
                && (self.is_word_text(j - 1, "near") || self.is_word_text(j - 1, "distant"))
                && self.wd(j - 2, "the")
            {
                return m(j - 1, j + 1, r.into(), DT);
            }
        }
        m(j, j + 1, r.into(), DT)
    }

    pub(super) fn set_expr(&mut self, j: usize) -> Option<M> {
        let mut k = j + 1;
        let mut mult = 1.0;
        if self.wd(k, "other") {
            mult = 2.0;
            k += 1;
        }
        if let Some((wd, e)) = self.weekday_at(k) {
            return m(j, e, format!("XXXX-WXX-{wd}"), ST);
        }
        if let Some((mo, e)) = self.month_at(k) {
            return m(j, e, format!("XXXX-{mo:02}"), ST);
        }
        if let Some(pod) = self.lex(k).and_then(|l| l.pod) {
            return m(j, k + 1, format!("XXXX-XX-XXT{pod}"), ST);
        }
        if let Some(u) = self.unit(k) {
            return m(j, k + 1, n::duration(Some(mult), u), ST);
        }
        if let Some((Some(c), e)) = self.cardinal(k).map(|(v, e)| (Some(v), e)) {
            if let Some(u) = self.units(e).or_else(|| self.unit(e)) {
                return m(j, e + 1, n::duration(Some(c * mult), u), ST);
            }
        }
        None
    }

    /// `year-ago`, `year-earlier`, and the noun after it: `the year-ago quarter`.
    pub(super) fn year_ago_adj(&mut self, j: usize, mut e: usize) -> Option<M> {
        let a = self.cx.anchor;
        // the year-earlier nine months: TimeML marks the length
        if let Some((Some(c), k)) = self.count(e) {
            if let Some(u) = self.units(k) {
                return m(j, k + 1, n::duration(Some(c), u), DU);
            }
        }
        let mut v = match self.cx.last_quarter {
            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
            None => n::year_str(n::year_offset(a, -1)),
        };
        if let Some(q) = self.lex(e).and_then(|l| l.ord) {
            if self.unit(e + 1) == Some("q") {
                let q = if q < 0 { 4 } else { q as u32 };
                v = n::quarter_value(
                    self.cx
                        .last_quarter
                        .map(|x| x.0)
                        .unwrap_or_else(|| n::year_offset(a, 0))
                        .map(|y| y - 1),
                    q,
                );
                e += 2;
            }
        } else if self.unit(e) == Some("q") || self.is_word_text(e, "period") {
            e += 1;
        }
        m(j, e, v, DT)
    }

    /// `the day`, `the day before`, `the day after`, `the day before yesterday`.
    fn the_day(&mut self, j: usize) -> Option<M> {
        if self.wd(j + 1, "before") || self.wd(j + 1, "after") {
            let off = if self.wd(j + 1, "before") { -1 } else { 1 };
            // "the day before yesterday"
            if let Some(dr) = self.lex(j + 2).and_then(|l| l.dayrel) {
                let o: i64 = dr.trim_end_matches('N').parse().ok()?;
                let d = self.cx.anchor.map(|d| d.plus_days(o + off));
                return self.day_match(
                    j,
                    j + 3,
                    d,
                    d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                    DT,
                );
            }
            let d = self.cx.reference().map(|d| d.plus_days(off));
            return self.day_match(
                j,
                j + 2,
                d,
                d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                DT,
            );
        }
        // "the day": the day the story is about (the last day it named)
        if self.wd(j + 1, "of") {
            return None;
        }
        let d = self.cx.reference();
        m(
            j,
            j + 1,
            d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
            DT,
        )
    }

    /// `the week of March 6`: the week of that day (`the year of`: nothing).
    fn the_week_of(&mut self, j: usize, u: &str) -> Option<M> {
        if u == "w" {
            if let Some((mo, k)) = self.month_at(j + 2) {
                if self.day_num(k).is_some() {
                    let r = self.month_expr(j + 2, mo, k)?;
                    let v = r.day.map(|d| d.week_value()).unwrap_or("XXXX-WXX".into());
                    return m(j, r.end, v, DT);
                }
            }
        }
        None
    }

    /// `the weekend`, `the quarter`, `the year`, `the day before`.
    pub(super) fn the_unit(&mut self, j: usize) -> Option<M> {
        let u = self.unit(j)?;
        let a = self.cx.anchor;
        if u == "d" {
            return self.the_day(j);
        }
        if self.wd(j + 1, "of") {
            // "the week of March 6", "the year of ..."
            return self.the_week_of(j, u);
        }
        let v = match u {
            "we" => format!(
                "{}-WE",
                n::week_offset(
                    a,
                    if self.tense(j, j + 1) == Tense::Future {
                        0
                    } else {
                        -1
                    }
                )
            ),
            "q" => {
                // the quarter a year ago
                if let Some(len) = self.year_back_len(j + 1) {
                    return m(j, j + 1 + len, self.year_before("q"), DT);
                }
                let (y, q) = self
                    .cx
                    .last_quarter
                    .unwrap_or_else(|| n::quarter_offset(a, -1));
                n::quarter_value(y, q)
            }
            "y" => {
                // the year 2000, the year two thousand
                if let Some((y, e)) = self
                    .year_at(j + 1)
                    .or_else(|| self.spoken_millennium(j + 1))
                {
                    self.note_year(y);
                    return m(j, e, format!("{y}"), DT);
                }
                if self.wd(j + 1, "ended") {
                    return m(j, j + 1, "P1Y".into(), DU);
                }
                n::year_str(n::year_offset(a, 0))
            }
            "w" => n::week_offset(a, 0),
            "m" => n::month_offset(a, 0),
            _ => return None,
        };
        m(j, j + 1, v, DT)
    }
}

// The productions of the relative rules ([`super::table::RULES`]).

/// `early next year`, `late yesterday`, `mid-November`, `the end of March`.
pub(super) fn modifier(g: &mut G<'_>, j: usize, the: bool) -> Out {
    match g.lex(j).and_then(|l| l.modifier) {
        Some(md) => stop(g.modified(j, md, the)),
        None => Pass,
    }
}

/// `yesterday`, `today`, `tonight`, `tomorrow morning`.
pub(super) fn day_word(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.lex(j).and_then(|l| l.dayrel) {
        Some(dr) => stop(g.dayrel(j, dr)),
        None => Pass,
    }
}

/// `now`, `currently`, `recently`, `the future`.
pub(super) fn reference_word(g: &mut G<'_>, j: usize, the: bool) -> Out {
    match g.lex(j).and_then(|l| l.reference) {
        Some(r) => stop(g.reference(j, r, the)),
        None => Pass,
    }
}

/// `weekly`, `annually`: a set in one word.
pub(super) fn set_word(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.lex(j).and_then(|l| l.set) {
        Some(s) => stop(m(j, j + 1, s.to_string(), ST)),
        None => Pass,
    }
}

/// `each Monday`, `every other year`, `per day`.
pub(super) fn each(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.wd(j, "each") || (g.wd(j, "per") && g.unit(j + 1).is_some()) {
        return stop(g.set_expr(j));
    }
    Pass
}

/// `the morning`: the reference day's.
pub(super) fn the_part_of_day(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let Some(pod) = g.lex(j).and_then(|l| l.pod) else {
        return Pass;
    };
    if !(the && g.pod_ok(j)) {
        return Pass;
    }
    let d = g.cx.reference();
    let v = format!(
        "{}T{}",
        d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into()),
        pod
    );
    stop(m(j, j + 1, v, TI))
}

/// `will soon begin`, `very soon`: an event ahead; not `as soon as`, `soon after` (a relation
/// to another event) nor a past `was soon released`.
pub(super) fn soon(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let linked = (j > 0 && g.is_word_text(j - 1, "as"))
        || g.in_list(j + 1, List::SoonLinked)
        || g.p(j + 1, '-');
    let modal = j > 0 && g.in_list(j - 1, List::SoonModal);
    if linked || !(modal || g.tense(j, j + 1) == Tense::Future) {
        return Stop;
    }
    let s = if j > 0 && g.is_word_text(j - 1, "very") {
        j - 1
    } else {
        j
    };
    stop(m(s, j + 1, "FUTURE_REF".into(), DT))
}

/// `at present`.
pub(super) fn at_present(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if j > 0 && g.is_word_text(j - 1, "at") {
        return stop(m(j, j + 1, "PRESENT_REF".into(), DT));
    }
    Pass
}

/// `these days`.
pub(super) fn these_days(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.units(j + 1) == Some("d") {
        return stop(m(j, j + 2, "PRESENT_REF".into(), DT));
    }
    Pass
}

/// `that day`, `that year`, `that quarter`: the one last spoken of.
pub(super) fn that_unit(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.unit(j + 1) {
        Some("d") => {
            let d = g.cx.reference();
            stop(m(
                j,
                j + 2,
                d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                DT,
            ))
        }
        Some("y") => {
            let y = g.cx.last_year.or_else(|| n::year_offset(g.cx.anchor, 0));
            stop(m(j, j + 2, n::year_str(y), DT))
        }
        Some("q") => match g.cx.last_quarter {
            Some((y, q)) => stop(m(j, j + 2, n::quarter_value(y, q), DT)),
            None => Stop,
        },
        _ => Pass,
    }
}

/// `year-ago`, `year-earlier` (and the noun after them), `year-end`.
pub(super) fn year_hyphen(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.unit(j) == Some("y") && g.p(j + 1, '-') {
        if g.wd(j + 2, "ago") || g.lex(j + 2).and_then(|l| l.modifier) == Some("earlier") {
            return stop(g.year_ago_adj(j, j + 3));
        }
        if g.lex(j + 2).and_then(|l| l.modifier) == Some("end") {
            let y = n::year_offset(g.cx.anchor, 0);
            return stop(m(j, j + 3, n::year_str(y), DT));
        }
    }
    Pass
}

/// `year's end`: the story's year.
pub(super) fn years_end(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.unit(j) == Some("y")
        && matches!(g.t.get(j + 1).map(|t| t.k), Some(K::Poss))
        && g.lex(j + 2).and_then(|l| l.modifier) == Some("end")
    {
        let y = n::year_offset(g.cx.anchor, 0);
        return stop(m(j, j + 3, n::year_str(y), DT));
    }
    Pass
}

/// `year end`: the story's year.
pub(super) fn year_end(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.unit(j) == Some("y") && (g.lex(j + 1).and_then(|l| l.modifier) == Some("end")) {
        let y = n::year_offset(g.cx.anchor, 0);
        return stop(m(j, j + 2, n::year_str(y), DT));
    }
    Pass
}

/// `the near term`, `the long term`: some time ahead.
pub(super) fn term(g: &mut G<'_>, j: usize, the: bool) -> Out {
    if the && g.wd(j + 1, "term") {
        return stop(m(j, j + 2, "FUTURE_REF".into(), DT));
    }
    Pass
}

/// `the full year`: the story's year.
pub(super) fn full_year(g: &mut G<'_>, j: usize, the: bool) -> Out {
    if the && g.unit(j + 1) == Some("y") {
        let y = n::year_offset(g.cx.anchor, 0);
        return stop(m(j, j + 2, n::year_str(y), DT));
    }
    Pass
}

/// `the weekend`, `the quarter`, `the year`, `the day before`.
pub(super) fn the_unit_word(g: &mut G<'_>, j: usize, the: bool) -> Out {
    if the && g.unit(j).is_some() {
        return stop(g.the_unit(j));
    }
    Pass
}

/// `decades-long`, `day-long`: a length.
pub(super) fn unit_long(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(l) = g.lex(j) else {
        return Pass;
    };
    if (l.unit.is_some() || l.units.is_some()) && g.p(j + 1, '-') && g.wd(j + 2, "long") {
        let u = l.unit.or(l.units).unwrap_or("y");
        let c = if l.unit.is_some() { Some(1.0) } else { None };
        return stop(m(j, j + 3, n::duration(c, u), DU));
    }
    Pass
}

/// `the same period last year`, `the corresponding quarter a year ago`.
pub(super) fn same_period(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let Some(l) = g.lex(j) else {
        return Pass;
    };
    if the && (l.rel == Some("same") || matches!(l.word, Some("corresponding" | "comparable"))) {
        let u = if g.is_word_text(j + 1, "period") {
            Some("period")
        } else {
            g.unit(j + 1).filter(|u| matches!(*u, "q" | "m"))
        };
        if let Some(u) = u {
            if let Some(len) = g.year_back_len(j + 2) {
                return stop(m(j, j + 2 + len, g.year_before(u), DT));
            }
        }
    }
    Pass
}

/// `the weeks ahead`, `the years to come`; `over the years`.
pub(super) fn units_ahead(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let Some(u) = g.units(j).filter(|_| the) else {
        return Pass;
    };
    let ahead = g.is_word_text(j + 1, "ahead")
        || (g.is_word_text(j + 1, "to") && g.is_word_text(j + 2, "come"));
    let over = j >= 2 && g.is_word_text(j - 2, "over");
    if ahead || over {
        let e = if g.is_word_text(j + 1, "to") {
            j + 3
        } else if ahead {
            j + 2
        } else {
            j + 1
        };
        return stop(m(j, e, n::duration(None, u), DU));
    }
    Pass
}

/// Bare plurals after `for`, `in`, `within` or an approximator: `for years`.
pub(super) fn bare_plural(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(u) = g.units(j) else {
        return Pass;
    };
    let prev = j.checked_sub(1).and_then(|p| g.lex(p));
    if prev.is_some_and(|p| matches!(p.word, Some("for" | "in" | "within")) || p.approx)
        && !g.wd(j + 1, "of")
    {
        if g.raw(j - 1).eq_ignore_ascii_case("in") && u != "y" && u != "de" {
            return Stop;
        }
        return stop(m(j, j + 1, n::duration(None, u), DU));
    }
    Pass
}

/// `an additional year`, `an extra month`.
pub(super) fn additional(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.in_list(j + 1, List::Extra) {
        if let Some(u) = g.unit(j + 2) {
            return stop(m(j, j + 3, n::duration(Some(1.0), u), DU));
        }
    }
    Pass
}

/// `a year-earlier loss`: the article belongs to the noun, the adjective is the date.
pub(super) fn a_year_earlier(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.unit(j + 1) == Some("y")
        && g.p(j + 2, '-')
        && (g.wd(j + 3, "ago") || g.lex(j + 3).and_then(|l| l.modifier) == Some("earlier"))
    {
        return stop(g.year_ago_adj(j + 1, j + 4));
    }
    Pass
}
