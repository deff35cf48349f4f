//! Rules on numbers: years, decades, day-month dates and counted units.

use super::{stop, Out, Out::Pass, Out::Stop};
use crate::output::record::DateType;
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::normalise::{self as n, Day};
use crate::parse::dates::resolve::QUARTER_AWARE;
use crate::parse::dates::tokens::K;
use DateType::{Date as DT, Duration as DU, Set as ST};

impl G<'_> {
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
