//! The rules on a relative word (`last`, `next`, `this`, `past`, `recent`, `latest`, ...) and
//! what follows it: `last Friday`, `next month`, `the past two years`, `this morning`. They
//! form the group `relative` of [`super::table::RULES`], tried in order at the relative word;
//! a row that stops ends the group, and the rules after the group are tried.

use super::{pass, stop, Out, Out::Match, Out::Pass, Out::Stop};
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::normalise::{self as n, Dir};
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::{Date as DT, Duration as DU, Time as TI};

/// The relative word at `j` (the group's first token has one).
#[inline]
fn rel_at(g: &G<'_>, j: usize) -> &'static str {
    g.rel(j).unwrap_or("")
}

/// `the last half of 1989`: the second half.
#[inline(always)]
pub(super) fn last_half(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if rel_at(g, j) == "last" && g.wd(j + 1, "half") {
        return stop(g.ordinal_with(j, -1));
    }
    Pass
}

/// `this Friday`, `last Friday`, `next Friday`, `the previous Friday`.
#[inline(always)]
pub(super) fn weekday(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let k = j + 1;
    let Some((wd, e)) = g.weekday_at(k) else {
        return Pass;
    };
    let dir = match rel_at(g, j) {
        "last" | "past" | "prev" => Dir::Before,
        "next" | "foll" | "coming" => Dir::After,
        "this" => Dir::This,
        _ => return Stop,
    };
    match g.weekday_expr(k, wd, e, dir) {
        Some(mut x) => {
            x.start = j;
            Match(x)
        }
        None => Stop,
    }
}

/// `last April`, `next June` (not `last April 3`).
#[inline(always)]
pub(super) fn month(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some((mo, e)) = g.month_at(j + 1) else {
        return Pass;
    };
    if g.day_num(e).is_some() {
        return Stop;
    }
    let a = g.cx.anchor;
    let y = match rel_at(g, j) {
        "last" | "past" | "prev" => n::month_before_after(a, mo, false),
        "next" | "coming" | "foll" => n::month_before_after(a, mo, true),
        "this" => n::year_offset(a, 0),
        _ => return Stop,
    };
    stop(m(j, e, n::month_value(y, mo), DT))
}

/// `last fall`, `this summer`.
#[inline(always)]
pub(super) fn season(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let k = j + 1;
    let Some(s) = g.lex(k).and_then(|l| l.season) else {
        return Pass;
    };
    let off = match rel_at(g, j) {
        "last" | "prev" => -1,
        "next" | "coming" | "foll" => 1,
        _ => 0,
    };
    stop(g.season(j, k, s, off, the))
}

/// `this past spring`.
#[inline(always)]
pub(super) fn this_past_season(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let k = j + 1;
    if rel_at(g, j) == "this" && g.rel(k) == Some("past") {
        if let Some(s) = g.lex(k + 1).and_then(|l| l.season) {
            return stop(g.season(j, k + 1, s, 0, the));
        }
    }
    Pass
}

/// `this morning`, `last night`, `the next morning` (the day after the reference day).
#[inline]
pub(super) fn part_of_day(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let k = j + 1;
    let Some(pod) = g.lex(k).and_then(|l| l.pod) else {
        return Pass;
    };
    let r = rel_at(g, j);
    let off = match (r, pod) {
        ("this", _) => 0,
        ("last", "NI") | ("last", "EV") => -1,
        ("next", _) | ("foll", _) => 1,
        _ => return Stop,
    };
    let base = if r == "foll" || r == "next" {
        g.cx.reference()
    } else {
        g.cx.anchor
    };
    let d = base.map(|d| d.plus_days(off));
    let day = d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into());
    if r == "next" || r == "foll" {
        // "the next morning" is the day after the reference day
        return stop(g.day_match(j, k + 1, d, day, DT));
    }
    stop(m(j, k + 1, format!("{day}T{pod}"), TI))
}

/// `the past two years`, `the next few days`, `last five years`, `the last 10 days or so`.
#[inline(always)]
pub(super) fn count(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let k = j + 1;
    let r = rel_at(g, j);
    if !matches!(
        r,
        "last" | "past" | "next" | "coming" | "foll" | "first" | "latest" | "recent" | "prev"
    ) {
        return Pass;
    }
    let Some((cnt, e)) = g.count(k) else {
        return Pass;
    };
    if cnt == Some(1.0) && g.wd(k, "a") && g.units(e).is_none() {
        return Pass;
    }
    let Some(u) = g.units(e).or_else(|| g.unit(e)) else {
        return Pass;
    };
    let mut end = e + 1;
    if g.wd(end, "or") && g.wd(end + 1, "so") {
        end += 2;
    }
    if r == "recent" {
        return stop(m(j, end, "PAST_REF".into(), DT));
    }
    stop(m(j, end, n::duration(cnt, u), DU))
}

/// `recent years`, `coming months`, `the past weeks`.
#[inline(always)]
pub(super) fn units(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let k = j + 1;
    let Some(u) = g.units(k) else {
        return Pass;
    };
    stop(match rel_at(g, j) {
        "recent" if matches!(u, "y" | "d" | "de" | "c") => m(j, k + 1, "PAST_REF".into(), DT),
        "recent" => m(j, k + 1, n::duration(None, u), DU),
        "coming" | "next" => m(j, k + 1, n::duration(None, u), DU),
        "past" | "last" if the => m(j, k + 1, n::duration(None, u), DU),
        _ => None,
    })
}

/// The unit after the relative word (and an optional `fiscal`), and the token after it.
#[inline]
fn unit_after(g: &G<'_>, j: usize) -> Option<(&'static str, usize)> {
    let uk = if g.wd(j + 1, "fiscal") { j + 2 } else { j + 1 };
    g.unit(uk).map(|u| (u, uk + 1))
}

/// `the last decade`, `the past century`: a length.
#[inline(always)]
pub(super) fn last_decade(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match unit_after(g, j) {
        Some((u @ ("de" | "c"), e)) if matches!(rel_at(g, j), "last" | "past") => {
            stop(m(j, e, n::duration(Some(1.0), u), DU))
        }
        _ => Pass,
    }
}

/// `the previous day`, `the next day`, `the same day`: from the day last spoken of.
#[inline(always)]
pub(super) fn day(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(("d", e)) = unit_after(g, j) else {
        return Pass;
    };
    let off = match rel_at(g, j) {
        "prev" => -1,
        "next" | "coming" | "foll" => 1,
        "same" => {
            let d = g.cx.reference();
            return stop(m(
                j,
                e,
                d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                DT,
            ));
        }
        _ => return Pass,
    };
    let d = g.cx.reference().map(|d| d.plus_days(off));
    let v = d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into());
    stop(g.day_match(j, e, d, v, DT))
}

/// `this week`, `last month`, `next year`, `the past year`, `the current fiscal year`,
/// `the following month`, `this year's third quarter`, `last year's quarter`.
#[inline]
pub(super) fn unit(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let Some((u, e)) = unit_after(g, j) else {
        return Pass;
    };
    let r = rel_at(g, j);
    let Some(v) = g.unit_period(r, u, e, the) else {
        return Stop;
    };
    if u == "q" {
        if let Some(q) = v.rsplit("-Q").next().and_then(|q| q.parse().ok()) {
            g.note_quarter(v.get(..4).and_then(|y| y.parse().ok()), q);
        }
    }
    if u == "y" && matches!(g.t.get(e).map(|t| t.k), Some(K::Poss)) {
        if let Some(x) = g.years_quarter(j, e, &v) {
            return Match(x);
        }
        // last year's quarter, last year's period: the one reported, a year before
        let q = g.unit(e + 1) == Some("q");
        if matches!(r, "last" | "prev")
            && (q || g.is_word_text(e + 1, "period"))
            && g.cx.last_quarter.is_some()
        {
            return stop(m(
                j,
                e + 2,
                g.year_before(if q { "q" } else { "period" }),
                DT,
            ));
        }
    }
    if u == "d" && r == "this" {
        return Stop;
    }
    stop(m(j, e, v, DT))
}

/// `the latest period`: the last quarter reported.
#[inline(always)]
pub(super) fn latest_period(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if rel_at(g, j) == "latest" && g.is_word_text(j + 1, "period") {
        let (y, q) = n::quarter_offset(g.cx.anchor, -1);
        return stop(m(j, j + 2, n::quarter_value(y, q), DT));
    }
    Pass
}

/// `the past`, `current`, `the then current price`.
#[inline(always)]
pub(super) fn alone(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let k = j + 1;
    pass(match rel_at(g, j) {
        // not `the past three summers`, a stretch this grammar has no value for
        "past" if the && !g.wd(k, "few") && g.count(k).is_none() => m(j, k, "PAST_REF".into(), DT),
        // `the then current price`: current as of a time gone
        "this"
            if g.raw(j).eq_ignore_ascii_case("current")
                && j > 0
                && g.is_word_text(j - 1, "then") =>
        {
            m(j - 1, k, "PAST_REF".into(), DT)
        }
        "this" if g.raw(j).eq_ignore_ascii_case("current") => m(j, k, "PRESENT_REF".into(), DT),
        _ => None,
    })
}

impl G<'_> {
    /// The period `r` (a relative word) and the unit `u` name, `e` being the token after the
    /// unit; `None` where the pair has no value here.
    fn unit_period(&self, r: &str, u: &str, e: usize, the: bool) -> Option<String> {
        let step = if r == "foll" { 1 } else { -1 };
        match r {
            // `This quarter's loss` in a report on a quarter: the one reported
            "this"
                if u == "q"
                    && matches!(self.t.get(e).map(|t| t.k), Some(K::Poss))
                    && self.cx.last_quarter.is_some() =>
            {
                self.cx.last_quarter.map(|(y, q)| n::quarter_value(y, q))
            }
            "this" => self.this_unit(u),
            "last" | "past" if u == "d" => None,
            "last" | "past" => self.unit_offset(u, -1),
            // `In March, ... The following month, ...`: after the month spoken of
            "foll" | "prev" if u == "m" && the && self.cx.last_month.is_some() => {
                let (y, mo) = self.cx.last_month?;
                let k = y.unwrap_or(2000) * 12 + mo as i32 - 1 + step;
                let y = y.map(|_| k.div_euclid(12));
                Some(format!("{}-{:02}", n::year_str(y), k.rem_euclid(12) + 1))
            }
            "foll" | "prev" if u == "y" && self.cx.last_year.is_some() && the => {
                Some(n::year_str(self.cx.last_year.map(|y| y + step)))
            }
            "prev" => self.unit_offset(u, -1),
            "next" | "coming" | "foll" => self.unit_offset(u, 1),
            "latest" if u == "q" => {
                let (y, q) = n::quarter_offset(self.cx.anchor, -1);
                Some(n::quarter_value(y, q))
            }
            "latest" => self.unit_offset(u, -1),
            _ => None,
        }
    }

    /// `this year's third quarter`, `next year's first-quarter`: `v` is the year, `e` the
    /// possessive.
    fn years_quarter(&mut self, j: usize, e: usize, v: &str) -> Option<M> {
        let q = self.lex(e + 1).and_then(|l| l.ord)?;
        let hyph = self.p(e + 2, '-');
        let unit = if hyph { e + 3 } else { e + 2 };
        if self.unit(unit) != Some("q") {
            return None;
        }
        let y = v.parse().ok();
        let q = if q < 0 { 4 } else { q as u32 };
        self.note_quarter(y, q);
        m(j, unit + 1, n::quarter_value(y, q), DT)
    }
}
