//! Rules on numbers: years, decades, day-month dates and counted units.

use super::{stop, Out, Out::Pass, Out::Stop};
use crate::output::record::DateType;
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::normalise::{self as n, Day};
use crate::parse::dates::resolve::QUARTER_AWARE;
use crate::parse::dates::tokens::K;
use DateType::{Date as DT, Duration as DU, Set as ST};

impl G<'_> {
    pub(super) fn numeric(&mut self, j: usize, the: bool) -> Option<M> {
        let K::Num {
            val,
            digits,
            ord,
            plural,
            plain,
            ..
        } = self.t[j].k
        else {
            return None;
        };
        // clock: 3 p.m., 10 am
        if matches!(self.t.get(j + 1).map(|t| t.k), Some(K::AmPm(_))) && plain && !ord && val <= 12
        {
            return self.clock(j);
        }
        // 0800 UTC, 1430 GMT
        if digits == 4
            && plain
            && val % 100 < 60
            && val / 100 < 24
            && self.lex(j + 1).and_then(|l| l.tz).is_some()
        {
            return self.clock(j);
        }
        // decades: 1990s
        if plural && plain {
            if digits == 4 && val % 10 == 0 {
                return m(j, j + 1, format!("{}", val / 10), DT);
            }
            // "the 70s" (not "in his 70s")
            let prev_ok = j > 0
                && (self.wd(j - 1, "the")
                    || self.p(j - 1, '\'')
                    || self.lex(j - 1).is_some_and(|l| l.modifier.is_some()));
            if digits == 2 && val % 10 == 0 && prev_ok {
                return m(j, j + 1, format!("19{}", val / 10), DT);
            }
            return None;
        }
        // centuries: 20th century
        if ord && self.unit(j + 1) == Some("c") {
            return m(j, j + 2, format!("{:02}", val.saturating_sub(1)), DT);
        }
        // day month: 11 December (2022)
        if let Some(d) = self.day_num(j) {
            if let Some((mo, k)) = self.month_at(j + 1) {
                let mut e = k;
                let mut y = None;
                if let Some(yy) = self.year_num(e) {
                    y = Some(yy);
                    e += 1;
                } else if self.p(e, ',') && self.year_num(e + 1).is_some() {
                    y = self.year_num(e + 1);
                    e += 2;
                }
                let y =
                    y.or_else(|| n::resolve_year(self.cx.anchor, mo, Some(d), self.tense(j, e)));
                let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)?;
                let day = Day {
                    date,
                    year_known: y.is_some(),
                };
                return self.day_match(j, e, Some(day), day.value(), DT);
            }
            // the 18th of January
            if ord && self.wd(j + 1, "of") {
                if let Some((mo, k)) = self.month_at(j + 2) {
                    let y = n::resolve_year(self.cx.anchor, mo, Some(d), self.tense(j, k));
                    let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)?;
                    let day = Day {
                        date,
                        year_known: y.is_some(),
                    };
                    return self.day_match(j, k, Some(day), day.value(), DT);
                }
            }
        }
        // years
        if let Some(y) = self.year_num(j) {
            let prev = j.checked_sub(1).map(|p| self.t[p].k);
            if matches!(
                prev,
                Some(K::P('$' | '#' | '\u{a3}' | '\u{20ac}' | '.' | ':'))
            ) && !matches!(prev, Some(K::P('.')))
            {
                return None;
            }
            let next = self.t.get(j + 1).map(|t| t.k);
            if matches!(next, Some(K::P('%')))
                || self.is_word_text(j + 1, "percent")
                || self.is_word_text(j + 1, "per")
            {
                return None;
            }
            // the 1988 second quarter, the 1988 quarter, the 1989 period
            if let Some(q) = self.lex(j + 1).and_then(|l| l.ord) {
                if self.unit(j + 2) == Some("q") {
                    let q = if q < 0 { 4 } else { q as u32 };
                    if q <= 4 {
                        self.note_quarter(Some(y), q);
                        return m(j, j + 3, n::quarter_value(Some(y), q), DT);
                    }
                }
            }
            if self.unit(j + 1) == Some("q") || self.is_word_text(j + 1, "period") {
                let v = match self.cx.last_quarter {
                    Some((_, q)) => n::quarter_value(Some(y), q),
                    None => format!("{y:04}"),
                };
                return m(j, j + 2, v, DT);
            }
            if self.unit(j + 1).is_some() || self.units(j + 1).is_some() {
                // "2000 years" is a count
                return self.counted(j, the);
            }
            self.cx.last_year = Some(y);
            if !(1900..=2100).contains(&y) {
                let prev_ok = j.checked_sub(1).and_then(|p| self.lex(p)).is_some_and(|l| {
                    matches!(
                        l.word,
                        Some(
                            "in" | "of"
                                | "since"
                                | "until"
                                | "by"
                                | "from"
                                | "to"
                                | "through"
                                | "during"
                                | "before"
                                | "after"
                                | "and"
                        )
                    ) || l.modifier.is_some()
                });
                if !prev_ok {
                    return None;
                }
            }
            return m(j, j + 1, n::year_str(Some(y)), DT);
        }
        if ord {
            return None;
        }
        self.counted(j, the)
    }

    /// Counted units: durations (`two years`, `the past five days`), `ago` points, `earlier`
    /// and `later` points, and per-unit sets (`$5 million a year`).
    pub(super) fn counted(&mut self, j: usize, the: bool) -> Option<M> {
        let (cnt, mut k) = self.count(j)?;
        // "two to three weeks", "12 to 18 months": the first count stands
        if cnt.is_some() && (self.wd(k, "to") || self.wd(k, "or")) {
            if let Some((_, k2)) = self.cardinal(k + 1) {
                if self.unit(k2).or(self.units(k2)).is_some() {
                    k = k2;
                }
            }
        }
        let hyph = self.p(k, '-');
        if hyph {
            k += 1;
        }
        // adjectives between the count and the unit
        while self.wd(k, "more")
            || self.wd(k, "straight")
            || self.wd(k, "consecutive")
            || self.wd(k, "trading")
            || self.wd(k, "business")
            || self.is_word_text(k, "full")
        {
            k += 1;
        }
        if self.lex(k).and_then(|l| l.ord).is_some()
            && (self.unit(k + 1) == Some("q")
                || self.wd(k + 1, "half")
                || self.unit(k + 1).is_some())
        {
            return None;
        }
        // fractions: "a quarter of the market", "three-quarters"
        if (self.unit(k) == Some("q") && self.wd(k + 1, "of"))
            || (hyph && self.units(k) == Some("q"))
        {
            return None;
        }
        // ages: "6-year-old", "six years old"
        if self.wd(k + 1, "old") || (self.p(k + 1, '-') && self.wd(k + 2, "old")) {
            return None;
        }
        // "a second consecutive day", "a second round": the ordinal
        if self.unit(k) == Some("s")
            && self.lex(k).and_then(|l| l.ord).is_some()
            && matches!(self.t.get(k + 1).map(|t| t.k), Some(K::Word { .. }))
            && !(self.wd(k + 1, "and")
                || self.wd(k + 1, "or")
                || self.wd(k + 1, "ago")
                || self.wd(k + 1, "after")
                || self.wd(k + 1, "before")
                || self.lex(k + 1).and_then(|l| l.modifier).is_some())
        {
            return None;
        }
        let sing = self.unit(k);
        let plur = self.units(k);
        let u = sing.or(plur)?;
        // "a year" but not "a years"; "two year" is fine in adjectives ("a five year low")
        if self.wd(j, "a") && cnt == Some(1.0) && sing.is_none() {
            return None;
        }
        if sing == Some("s")
            && self.lex(k).and_then(|l| l.ord).is_some()
            && self.units(k).is_none()
            && cnt.is_some()
            && !self.wd(j, "a")
            && !hyph
        {
            // "two second" is odd; "second" after a number is more likely an ordinal
        }
        let mut e = k + 1;
        let mut cnt = cnt;
        // "a minute and a half", "an hour and a half"
        if self.wd(e, "and") && self.wd(e + 1, "a") && self.wd(e + 2, "half") {
            cnt = cnt.map(|c| c + 0.5);
            e += 3;
        }
        if hyph {
            // two-year, 52-week
            return m(j, e, n::duration(cnt, u), DU);
        }
        // "two to three weeks", "12 to 18 months" (already consumed only the first count)
        let a = self.cx.anchor;
        // a week or so ago
        let mut s = e;
        if self.wd(s, "or") && self.wd(s + 1, "so") {
            s += 2;
        }
        if self.wd(s, "ago") {
            let v = match cnt {
                Some(c) => {
                    if c.fract() != 0.0 {
                        n::shifted(a, -(c.round() as i64), u)
                    } else {
                        n::shifted(a, -(c as i64), u)
                    }
                }
                None => "PAST_REF".into(),
            };
            let v = if cnt == Some(1.0) && u == "y" {
                match self.cx.last_quarter.filter(|_| QUARTER_AWARE) {
                    Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
                    None => v,
                }
            } else {
                v
            };
            return m(j, s + 1, v, DT);
        }
        let md = self.lex(s).and_then(|l| l.modifier);
        if md == Some("later") || (self.wd(s, "after") && !self.starts_clause(s + 1)) {
            // TimeML marks the length only: "[three days] later"
            return m(j, e, n::duration(cnt, u), DU);
        }
        if md == Some("earlier") || (self.wd(s, "before") && !self.starts_clause(s + 1)) {
            let sign = if md == Some("earlier") || self.wd(s, "before") {
                -1
            } else {
                1
            };
            let base = if matches!(u, "y" | "de" | "c") {
                a
            } else {
                self.cx.reference()
            };
            let v = match cnt {
                Some(c) => {
                    if cnt == Some(1.0) && u == "y" && sign < 0 {
                        match self.cx.last_quarter.filter(|_| QUARTER_AWARE) {
                            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
                            None => n::shifted(base, -1, u),
                        }
                    } else {
                        n::shifted(base, sign * c as i64, u)
                    }
                }
                None => (if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }).into(),
            };
            return m(j, s + 1, v, DT);
        }
        if self.wd(s, "from") && self.is_word_text(s + 1, "now") {
            let v = match cnt {
                Some(c) => n::shifted(a, c as i64, u),
                None => "FUTURE_REF".into(),
            };
            return m(j, s + 2, v, DT);
        }
        // "$33 million a year", "twice a day": a set
        if self.wd(j, "a") && j > 0 {
            let prev = self.t[j - 1].k;
            let numeric_before = matches!(prev, K::Num { .. } | K::P('%'))
                || matches!(
                    self.raw(j - 1).to_ascii_lowercase().as_str(),
                    "times"
                        | "once"
                        | "twice"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "percent"
                        | "cents"
                        | "dollars"
                        | "hundred"
                        | "trillion"
                );
            if numeric_before {
                return m(j, e, n::duration(Some(1.0), u), ST);
            }
        }
        if u == "we" && cnt.is_none() {
            return None;
        }
        // "the nine months", "two years"
        let _ = the;
        let mut end = e;
        if self.wd(end, "ahead") {
            end += 1;
        }

        m(j, end, n::duration(cnt, u), DU)
    }

    pub(super) fn starts_clause(&self, j: usize) -> bool {
        // "two days before the vote": a preposition with an object is not a point in time
        // we can place; "two days before," is.
        !matches!(self.t.get(j).map(|t| t.k), None | Some(K::P(_)))
    }
}

// The productions of the rules on number and date tokens ([`super::table::RULES`]).

/// `2022-01-18`.
pub(super) fn iso(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let K::Iso { y, m: mo, d } = g.t[j].k else {
        return Pass;
    };
    let Some(date) = chrono::NaiveDate::from_ymd_opt(y, mo, d) else {
        return Stop;
    };
    let day = Day {
        date,
        year_known: true,
    };
    stop(g.day_match(j, j + 1, Some(day), day.value(), DT))
}

/// `7/8/07`: month, day, year (two digits: 1950 to 2049).
pub(super) fn slash(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let K::Slash { a, b, c: Some(c) } = g.t[j].k else {
        return Stop;
    };
    if !(1..=12).contains(&a) || !(1..=31).contains(&b) {
        return Stop;
    }
    let y = if c < 100 {
        if c < 50 {
            2000 + c
        } else {
            1900 + c
        }
    } else {
        c
    };
    let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, a, b) else {
        return Stop;
    };
    let day = Day {
        date,
        year_known: true,
    };
    stop(g.day_match(j, j + 1, Some(day), day.value(), DT))
}

/// A number token: a clock time, a decade, a century, a day and month, a year or a count.
pub(super) fn number(g: &mut G<'_>, j: usize, the: bool) -> Out {
    stop(g.numeric(j, the))
}

/// `nineteen ninety-six`: a year in words.
pub(super) fn spoken_year(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.year_at(j) {
        Some((y, e)) => {
            g.cx.last_year = Some(y);
            stop(m(j, e, format!("{y}"), DT))
        }
        None => Pass,
    }
}

/// `will one day be`, `hopes to one day return`: some time ahead, not a length.
pub(super) fn one_day(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let one = g.lex(j).is_some_and(|l| l.num == Some(1));
    if one
        && g.unit(j + 1) == Some("d")
        && j > 0
        && [
            "will", "would", "may", "might", "could", "can", "to", "shall", "'ll",
        ]
        .iter()
        .any(|w| g.is_word_text(j - 1, w))
    {
        return stop(m(j, j + 2, "FUTURE_REF".into(), DT));
    }
    Pass
}

/// Counts: `two years`, `a week ago`, `several days`.
pub(super) fn counts(g: &mut G<'_>, j: usize, the: bool) -> Out {
    stop(g.counted(j, the))
}

/// `'80s`: a decade of the last century.
pub(super) fn decade_apostrophe(g: &mut G<'_>, i: usize, _the: bool) -> Out {
    if let Some(K::Num {
        val,
        digits: 2,
        plural: true,
        ..
    }) = g.t.get(i + 1).map(|t| t.k)
    {
        return stop(m(i, i + 2, format!("19{}", val / 10), DT));
    }
    Pass
}

/// `in '82`: a year, after a preposition.
pub(super) fn year_apostrophe(g: &mut G<'_>, i: usize, _the: bool) -> Out {
    let prep = i > 0
        && matches!(
            g.lex(i - 1).and_then(|l| l.word),
            Some("in" | "since" | "of" | "until" | "by" | "from")
        );
    if let Some((v, 2)) = g.int(i + 1).filter(|_| prep) {
        let y = if v < 50 { 2000 + v } else { 1900 + v };
        return stop(m(i, i + 2, format!("{y}"), DT));
    }
    Pass
}
