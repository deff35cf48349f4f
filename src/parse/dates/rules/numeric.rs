//! Rules on numbers: years, decades, day-month dates and counted units.

use super::{stop, Out, Out::Pass, Out::Stop};
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::lexicon::List;
use crate::parse::dates::normalise::{self as n, Day};
use crate::parse::dates::resolve::QUARTER_AWARE;
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::{Date as DT, Duration as DU, Set as ST};

/// A count and its unit ([`G::count_and_unit`]).
struct Count {
    /// The count; `None` for a vague one (`several`).
    cnt: Option<f64>,
    /// The unit (`y`, `m`, `d`, ...).
    unit: &'static str,
    /// The token after the unit (and any `and a half`).
    end: usize,
    /// Joined by a hyphen: `two-year`, an adjective.
    hyphen: bool,
}

impl G<'_> {
    /// Counted units: durations (`two years`, `the past five days`), `ago` points, `earlier`
    /// and `later` points, and per-unit sets (`$5 million a year`).
    pub(super) fn counted(&mut self, j: usize, _the: bool) -> Option<M> {
        let c = self.count_and_unit(j)?;
        let (cnt, u, e) = (c.cnt, c.unit, c.end);
        if c.hyphen {
            // two-year, 52-week
            return m(j, e, n::duration(cnt, u), DU);
        }
        // a week or so ago
        let mut s = e;
        if self.wd(s, "or") && self.wd(s + 1, "so") {
            s += 2;
        }
        if let Some(x) = self.counted_point(j, s, &c) {
            return Some(x);
        }
        // "$33 million a year", "twice a day": a set
        if self.wd(j, "a") && j > 0 && self.amount_before(j - 1) {
            return m(j, e, n::duration(Some(1.0), u), ST);
        }
        if u == "we" && cnt.is_none() {
            return None;
        }
        // "the nine months", "two years"
        let end = if self.wd(e, "ahead") { e + 1 } else { e };
        m(j, end, n::duration(cnt, u), DU)
    }

    /// The count at `j` and the unit after it (`two years`, `12 to 18 months`, `a
    /// five-year`, `three straight days`, `an hour and a half`); `None` where the count is
    /// no length (`a quarter of`, `six years old`, `a second round`).
    fn count_and_unit(&self, j: usize) -> Option<Count> {
        let (cnt, mut k) = self.count(j)?;
        // "two to three weeks", "12 to 18 months": the first count stands
        if cnt.is_some() && (self.wd(k, "to") || self.wd(k, "or")) {
            if let Some((_, k2)) = self.cardinal(k + 1) {
                if self.unit(k2).or(self.units(k2)).is_some() {
                    k = k2;
                }
            }
        }
        let hyphen = self.p(k, '-');
        if hyphen {
            k += 1;
        }
        // adjectives between the count and the unit
        while matches!(
            self.lex(k).and_then(|l| l.word),
            Some("more" | "straight" | "consecutive" | "trading" | "business")
        ) || self.is_word_text(k, "full")
        {
            k += 1;
        }
        if self.no_length_at(k, hyphen) {
            return None;
        }
        let sing = self.unit(k);
        let unit = sing.or(self.units(k))?;
        // "a year" but not "a years"; "two year" is fine in adjectives ("a five year low")
        if self.wd(j, "a") && cnt == Some(1.0) && sing.is_none() {
            return None;
        }
        let mut end = k + 1;
        let mut cnt = cnt;
        // "a minute and a half", "an hour and a half"
        if self.wd(end, "and") && self.wd(end + 1, "a") && self.wd(end + 2, "half") {
            cnt = cnt.map(|c| c + 0.5);
            end += 3;
        }
        Some(Count {
            cnt,
            unit,
            end,
            hyphen,
        })
    }

    /// Whether the unit word at `k` after a count is no length: an ordinal (`the second
    /// quarter`), a fraction (`a quarter of`, `three-quarters`), an age (`six years old`), an
    /// ordinal `second` (`a second consecutive day`, `a second round`).
    fn no_length_at(&self, k: usize, hyphen: bool) -> bool {
        let ord = self.lex(k).and_then(|l| l.ord).is_some();
        if ord
            && (self.unit(k + 1) == Some("q")
                || self.wd(k + 1, "half")
                || self.unit(k + 1).is_some())
        {
            return true;
        }
        if (self.unit(k) == Some("q") && self.wd(k + 1, "of"))
            || (hyphen && self.units(k) == Some("q"))
        {
            return true;
        }
        if self.wd(k + 1, "old") || (self.p(k + 1, '-') && self.wd(k + 2, "old")) {
            return true;
        }
        self.unit(k) == Some("s")
            && ord
            && matches!(self.t.get(k + 1).map(|t| t.k), Some(K::Word { .. }))
            && !(["and", "or", "ago", "after", "before"]
                .iter()
                .any(|w| self.wd(k + 1, w))
                || self.lex(k + 1).and_then(|l| l.modifier).is_some())
    }

    /// A counted length placed in time by the word at `s` after it: `two days ago`, `three
    /// days later`, `a year earlier`, `two weeks before,`, `a month from now`.
    fn counted_point(&self, j: usize, s: usize, c: &Count) -> Option<M> {
        let (cnt, u, e) = (c.cnt, c.unit, c.end);
        let a = self.cx.anchor;
        // `a year ago` in a story about a quarter: that quarter a year before
        let year_back = || {
            self.cx
                .last_quarter
                .filter(|_| QUARTER_AWARE && cnt == Some(1.0) && u == "y")
                .map(|(y, q)| n::quarter_value(y.map(|y| y - 1), q))
        };
        if self.wd(s, "ago") {
            let v = match cnt {
                Some(c) if c.fract() != 0.0 => n::shifted(a, -(c.round() as i64), u),
                Some(c) => n::shifted(a, -(c as i64), u),
                None => "PAST_REF".into(),
            };
            return m(j, s + 1, year_back().unwrap_or(v), DT);
        }
        let md = self.lex(s).and_then(|l| l.modifier);
        if md == Some("later") || (self.wd(s, "after") && !self.starts_clause(s + 1)) {
            // TimeML marks the length only: "[three days] later"
            return m(j, e, n::duration(cnt, u), DU);
        }
        if md == Some("earlier") || (self.wd(s, "before") && !self.starts_clause(s + 1)) {
            let base = if matches!(u, "y" | "de" | "c") {
                a
            } else {
                self.cx.reference()
            };
            let v = match cnt {
                Some(c) if c == 1.0 && u == "y" => {
                    year_back().unwrap_or_else(|| n::shifted(base, -1, u))
                }
                Some(c) => n::shifted(base, -(c as i64), u),
                None => "PAST_REF".into(),
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
        None
    }

    /// Whether the token at `i` is an amount or a number word, before which `a year` is a
    /// rate (`$33 million a year`, `twice a day`).
    fn amount_before(&self, i: usize) -> bool {
        matches!(self.t[i].k, K::Num { .. } | K::P('%')) || self.in_list(i, List::Amount)
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
            g.note_year(y);
            stop(m(j, e, format!("{y}"), DT))
        }
        None => Pass,
    }
}

/// `will one day be`, `hopes to one day return`: some time ahead, not a length.
pub(super) fn one_day(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let one = g.lex(j).is_some_and(|l| l.num == Some(1));
    if one && g.unit(j + 1) == Some("d") && j > 0 && g.in_list(j - 1, List::FutureModal) {
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
