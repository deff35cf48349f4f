//! The rules: which is tried at a token, in what order, and what a match is.

mod calendar;
mod clock;
mod numeric;
mod relative;

use super::grammar::{m, G, M};
use super::normalise::{self as n, Day, Dir, Tense};
use super::tokens::K;
use crate::output::record::DateType;
use crate::span::Span;
use DateType::{Date as DT, Duration as DU, Set as ST, Time as TI};

/// One expression found by the grammar, in tokens.
#[derive(Debug, Clone)]
pub(in crate::parse::dates) struct Found {
    /// Byte span.
    pub span: Span,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    pub date_type: DateType,
}

impl G<'_> {
    /// A programme or column title in running text (`ABC's This Week`, `on 60 Minutes`):
    /// every word of the match capitalised, ending in a unit word, after a lower-case word
    /// or a possessive (a Title Case headline has no lower-case word before it).
    pub(in crate::parse::dates) fn is_title(&self, x: &M) -> bool {
        let last = x.end - 1;
        // `This Week`, `60 Minutes`; not a holiday (`on Thanksgiving Day`)
        let opens = matches!(self.t[x.start].k, K::Num { .. }) || self.rel(x.start).is_some();
        if x.start == 0
            || !opens
            || !(self.unit(last).is_some() || self.units(last).is_some())
            || !self.cap(last)
        {
            return false;
        }
        let all_caps = (x.start..x.end).all(|k| match self.t[k].k {
            K::Word { cap, .. } => cap,
            _ => true,
        });
        let before = match self.t[x.start - 1].k {
            K::Word { cap, .. } => !cap,
            K::Poss => true,
            _ => false,
        };
        all_caps && before
    }

    /// A function word no rule can start a match at here, the commonest failed starts.
    /// After `the`, [`Self::body`] fails at a word outside the lexicon or punctuation; `a` and
    /// `an` count only before a lexicon word, a hyphen or the adjectives of `an extra year`
    /// ([`Self::body`], [`Self::count`], [`Self::counted`]); `at`, `up`, `more` and `less`
    /// start only `at least`, `up to`, `more than` ([`Self::approx_len`]); `that` only `that
    /// day`, `that year`, `that quarter`. These words have no other reading. Debug builds
    /// check the skip like the others.
    pub(in crate::parse::dates) fn idle_function_word(&self, i: usize) -> bool {
        let next = i + 1;
        match self.lex(i).and_then(|l| l.word) {
            Some("the") => matches!(
                self.t.get(next).map(|t| t.k),
                None | Some(K::Word { lex: None, .. } | K::P(_) | K::Poss | K::AmPm(_))
            ),
            Some("a") => {
                self.lex(next).is_none()
                    && !self.p(next, '-')
                    && !["additional", "extra", "further"]
                        .iter()
                        .any(|w| self.is_word_text(next, w))
            }
            Some("at") => !self.wd(next, "least"),
            Some("up") => !self.wd(next, "to"),
            Some("more" | "less") => !self.wd(next, "than"),
            Some("that") => self.unit(next).is_none(),
            _ => false,
        }
    }

    /// Tries every rule at token `i`.
    pub(in crate::parse::dates) fn at(&mut self, i: usize) -> Option<M> {
        let r = self.at_inner(i)?;
        // a month named alone (`2022-01`, `XXXX-01`)
        let v = r.value.as_bytes();
        if r.ty == DT && v.len() == 7 && v[4] == b'-' && v[5..].iter().all(u8::is_ascii_digit) {
            let mo = (v[5] - b'0') as u32 * 10 + (v[6] - b'0') as u32;
            self.cx.last_month = Some((r.value[..4].parse().ok(), mo));
            self.cx.month_newer = true;
        }
        Some(r)
    }

    pub(in crate::parse::dates) fn at_inner(&mut self, i: usize) -> Option<M> {
        let tok = self.t[i];
        match tok.k {
            K::P(_) | K::Poss => {
                // '80s
                if self.p(i, '\'') {
                    if let Some(K::Num {
                        val,
                        digits: 2,
                        plural: true,
                        ..
                    }) = self.t.get(i + 1).map(|t| t.k)
                    {
                        return m(i, i + 2, format!("19{}", val / 10), DT);
                    }
                    // '82: a year, after a preposition
                    let prep = i > 0
                        && matches!(
                            self.lex(i - 1).and_then(|l| l.word),
                            Some("in" | "since" | "of" | "until" | "by" | "from")
                        );
                    if let Some((v, 2)) = self.int(i + 1).filter(|_| prep) {
                        let y = if v < 50 { 2000 + v } else { 1900 + v };
                        return m(i, i + 2, format!("{y}"), DT);
                    }
                }
                None
            }
            K::AmPm(_) => None,
            _ => {
                // Approximators before a duration or `ago`: `about two years ago`, `nearly an hour`.
                if let Some(k) = self.approx_len(i) {
                    if let Some(mut r) = self.core(i + k) {
                        let ago = self.raw(r.end - 1).eq_ignore_ascii_case("ago");
                        // "about two years", but not "over [the next two years]"
                        if (matches!(r.ty, DU | TI) || ago) && !self.wd(i + k, "the") {
                            r.start = i;
                        }
                        if ago {
                            // "about two years ago" is annotated as the length, not the point
                            if let Some(v) = self.ago_length(i + k, r.end - 1) {
                                r.value = v;
                                r.ty = DU;
                            }
                        }
                        return Some(r);
                    }
                    return None;
                }
                self.core(i)
            }
        }
    }

    /// The length named before `ago` in `[s, e)`: `two years` gives `P2Y`.
    pub(in crate::parse::dates) fn ago_length(&self, s: usize, e: usize) -> Option<String> {
        let (cnt, k) = self.count(s)?;
        let u = self.unit(k).or(self.units(k))?;
        (k + 1 == e).then(|| n::duration(cnt, u))
    }

    /// The length of an approximator at `i` (`about`, `more than`, `at least`, `up to`).
    pub(in crate::parse::dates) fn approx_len(&self, i: usize) -> Option<usize> {
        let l = self.lex(i)?;
        if l.approx && !l.fuzzy {
            return Some(1);
        }
        if (l.word == Some("more") || l.word == Some("less")) && self.wd(i + 1, "than") {
            return Some(2);
        }
        if self.is_word_text(i, "no") && self.wd(i + 1, "more") && self.wd(i + 2, "than") {
            return Some(3);
        }
        if self.is_word_text(i, "at") && self.wd(i + 1, "least") {
            return Some(2);
        }
        if l.word == Some("up") && self.wd(i + 1, "to") {
            return Some(2);
        }
        None
    }

    pub(in crate::parse::dates) fn core(&mut self, i: usize) -> Option<M> {
        if i >= self.t.len() {
            return None;
        }
        if self.wd(i, "the") {
            let r = self.body(i + 1, true)?;
            // `the` belongs to phrases built on a common noun (`the third quarter`, `the past
            // two years`, `the weekend`), not to names (`the 1960s`, `the Aug. 7 bombings`).
            if r.start == i + 1 && self.keeps_the(i + 1) {
                return Some(M { start: i, ..r });
            }
            return Some(r);
        }
        self.body(i, false)
    }

    pub(in crate::parse::dates) fn keeps_the(&self, j: usize) -> bool {
        if self.month_at(j).is_some() || self.weekday_at(j).is_some() || self.year_num(j).is_some()
        {
            return false;
        }
        !matches!(
            self.t.get(j).map(|t| t.k),
            Some(K::Num { plural: true, .. })
        )
    }

    /// The rules proper, at `j`; `the` says whether `the` precedes.
    pub(in crate::parse::dates) fn body(&mut self, j: usize, the: bool) -> Option<M> {
        let tok = *self.t.get(j)?;
        match tok.k {
            K::Clock { .. } => return self.clock(j),
            K::Iso { y, m: mo, d } => {
                let date = chrono::NaiveDate::from_ymd_opt(y, mo, d)?;
                let day = Day {
                    date,
                    year_known: true,
                };
                return self.day_match(j, j + 1, Some(day), day.value(), DT);
            }
            K::Slash { a, b, c: Some(c) } => {
                if !(1..=12).contains(&a) || !(1..=31).contains(&b) {
                    return None;
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
                let date = chrono::NaiveDate::from_ymd_opt(y as i32, a, b)?;
                let day = Day {
                    date,
                    year_known: true,
                };
                return self.day_match(j, j + 1, Some(day), day.value(), DT);
            }
            K::Num { .. } => return self.numeric(j, the),
            K::Word { .. } => {}
            _ => return None,
        }
        let l = self.lex(j)?;
        // early / late / mid / earlier / later + an expression
        if let Some(md) = l.modifier {
            return self.modified(j, md, the);
        }
        if let Some((mo, k)) = self.month_at(j) {
            return self.month_expr(j, mo, k);
        }
        if let Some((wd, k)) = self.weekday_at(j) {
            // Tuesday nights: every such night
            let pods = [
                ("nights", "NI"),
                ("mornings", "MO"),
                ("afternoons", "AF"),
                ("evenings", "EV"),
            ];
            if let Some((_, pod)) = pods.iter().find(|(w, _)| self.is_word_text(k, w)) {
                return m(j, k + 1, format!("XXXX-WXX-{wd}T{pod}"), ST);
            }
            return self.weekday_expr(j, wd, k, Dir::Bare);
        }
        // Mondays: every Monday
        if l.weekdays > 0 && self.cap(j) {
            return m(j, j + 1, format!("XXXX-WXX-{}", l.weekdays), ST);
        }
        if let Some(dr) = l.dayrel {
            return self.dayrel(j, dr);
        }
        if l.word == Some("noon") || l.word == Some("midnight") {
            return self.clock(j);
        }
        if let Some(r) = l.rel {
            if let Some(x) = self.rel_expr(j, r, the) {
                return Some(x);
            }
        }
        if let Some(r) = l.reference {
            return self.reference(j, r, the);
        }
        if let Some(s) = l.set {
            return m(j, j + 1, s.to_string(), ST);
        }
        if l.word == Some("each") || (l.word == Some("per") && self.unit(j + 1).is_some()) {
            return self.set_expr(j);
        }
        if l.ord.is_some() {
            if let Some(x) = self.ordinal_expr(j, the) {
                return Some(x);
            }
        }
        if l.word == Some("fiscal") {
            return self.fiscal(j, the);
        }
        if l.word == Some("yearend") {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 1, n::year_str(y), DT);
        }
        if let Some(s) = l.season {
            // "fall" is more often the verb or noun than the season
            if the || s != "FA" || self.is_word_text(j, "autumn") {
                return self.season(j, j, s, 0, the);
            }
            return None;
        }
        if let Some(h) = l.holiday {
            return self.holiday(j, h);
        }
        // the nineties, the early sixties: the latest such decade up to the story's
        let after_mod = j >= 1
            && (self.lex(j - 1).and_then(|l| l.modifier).is_some()
                || (self.p(j - 1, '-')
                    && j >= 2
                    && self.lex(j - 2).and_then(|l| l.modifier).is_some()));
        if let Some(d) = l.decade.filter(|_| the || after_mod) {
            let story = n::year_offset(self.cx.anchor, 0).unwrap_or(1999);
            let century = if 2000 + 10 * d as i32 <= story {
                200
            } else {
                190
            };
            return m(j, j + 1, format!("{}", century + d), DT);
        }
        if l.pod.is_some() && the && self.pod_ok(j) {
            // "the morning": the reference day's
            let d = self.cx.reference();
            let v = format!(
                "{}T{}",
                d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into()),
                l.pod.unwrap_or("MO")
            );
            return m(j, j + 1, v, TI);
        }
        // `will soon begin`, `may soon seek`, `very soon`: an event ahead; not `as soon as`,
        // `soon after` (a relation to another event) nor a past `was soon released`
        if l.word == Some("soon") {
            let linked = (j > 0 && self.is_word_text(j - 1, "as"))
                || ["after", "before", "as", "afterwards", "thereafter"]
                    .iter()
                    .any(|w| self.is_word_text(j + 1, w))
                || self.p(j + 1, '-');
            let modal = j > 0
                && [
                    "will", "may", "might", "could", "would", "should", "to", "'ll",
                ]
                .iter()
                .any(|w| self.is_word_text(j - 1, w));
            if linked || !(modal || self.tense(j, j + 1) == Tense::Future) {
                return None;
            }
            let s = if j > 0 && self.is_word_text(j - 1, "very") {
                j - 1
            } else {
                j
            };
            return m(s, j + 1, "FUTURE_REF".into(), DT);
        }
        if l.word == Some("present") && j > 0 && self.is_word_text(j - 1, "at") {
            return m(j, j + 1, "PRESENT_REF".into(), DT);
        }
        if l.word == Some("these") && self.units(j + 1) == Some("d") {
            return m(j, j + 2, "PRESENT_REF".into(), DT);
        }
        if l.word == Some("that") {
            match self.unit(j + 1) {
                Some("d") => {
                    let d = self.cx.reference();
                    return m(
                        j,
                        j + 2,
                        d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                        DT,
                    );
                }
                Some("y") => {
                    let y = self
                        .cx
                        .last_year
                        .or_else(|| n::year_offset(self.cx.anchor, 0));
                    return m(j, j + 2, n::year_str(y), DT);
                }
                Some("q") => {
                    let (y, q) = self.cx.last_quarter?;
                    return m(j, j + 2, n::quarter_value(y, q), DT);
                }
                _ => {}
            }
        }
        // spoken years: "nineteen ninety-six"
        if let Some((y, e)) = self.year_at(j).filter(|_| l.num.is_some()) {
            self.cx.last_year = Some(y);
            return m(j, e, format!("{y}"), DT);
        }
        // year-ago, year-earlier
        if l.unit == Some("y") && self.p(j + 1, '-') {
            if self.wd(j + 2, "ago") || self.lex(j + 2).and_then(|l| l.modifier) == Some("earlier")
            {
                return self.year_ago_adj(j, j + 3);
            }
            if self.lex(j + 2).and_then(|l| l.modifier) == Some("end") {
                let y = n::year_offset(self.cx.anchor, 0);
                return m(j, j + 3, n::year_str(y), DT);
            }
        }
        if l.unit == Some("y")
            && matches!(self.t.get(j + 1).map(|t| t.k), Some(K::Poss))
            && self.lex(j + 2).and_then(|l| l.modifier) == Some("end")
        {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 3, n::year_str(y), DT);
        }
        if l.unit == Some("y") && (self.lex(j + 1).and_then(|l| l.modifier) == Some("end")) {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 2, n::year_str(y), DT);
        }
        // the near term, the long term; a later date
        if the && matches!(l.word, Some("near" | "short" | "long")) && self.wd(j + 1, "term") {
            return m(j, j + 2, "FUTURE_REF".into(), DT);
        }
        if l.word == Some("full") && the && self.unit(j + 1) == Some("y") {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 2, n::year_str(y), DT);
        }
        if l.unit.is_some() && the {
            return self.the_unit(j);
        }
        // decades-long, day-long
        if (l.unit.is_some() || l.units.is_some()) && self.p(j + 1, '-') && self.wd(j + 2, "long") {
            let u = l.unit.or(l.units).unwrap_or("y");
            let c = if l.unit.is_some() { Some(1.0) } else { None };
            return m(j, j + 3, n::duration(c, u), DU);
        }
        // the same period last year, the corresponding quarter a year ago
        if the && (l.rel == Some("same") || matches!(l.word, Some("corresponding" | "comparable")))
        {
            let u = if self.is_word_text(j + 1, "period") {
                Some("period")
            } else {
                self.unit(j + 1).filter(|u| matches!(*u, "q" | "m"))
            };
            if let Some(u) = u {
                if let Some(len) = self.year_back_len(j + 2) {
                    return m(j, j + 2 + len, self.year_before(u), DT);
                }
            }
        }
        // the weeks ahead, the years to come; over the years
        if let Some(u) = l.units.filter(|_| the) {
            let ahead = self.is_word_text(j + 1, "ahead")
                || (self.is_word_text(j + 1, "to") && self.is_word_text(j + 2, "come"));
            let over = j >= 2 && self.is_word_text(j - 2, "over");
            if ahead || over {
                let e = if self.is_word_text(j + 1, "to") {
                    j + 3
                } else if ahead {
                    j + 2
                } else {
                    j + 1
                };
                return m(j, e, n::duration(None, u), DU);
            }
        }
        // bare plurals after "for", "over", "within": `for years`
        if let Some(u) = l.units {
            let prev = j.checked_sub(1).and_then(|p| self.lex(p));
            if prev.is_some_and(|p| matches!(p.word, Some("for" | "in" | "within")) || p.approx)
                && !self.wd(j + 1, "of")
            {
                if self.raw(j - 1).eq_ignore_ascii_case("in") && u != "y" && u != "de" {
                    return None;
                }
                return m(j, j + 1, n::duration(None, u), DU);
            }
        }
        // an additional year, an extra month
        if l.word == Some("a")
            && ["additional", "extra", "further"]
                .iter()
                .any(|w| self.is_word_text(j + 1, w))
        {
            if let Some(u) = self.unit(j + 2) {
                return m(j, j + 3, n::duration(Some(1.0), u), DU);
            }
        }
        // `will one day be`, `hopes to one day return`: some time ahead, not a length
        if l.num == Some(1)
            && self.unit(j + 1) == Some("d")
            && j > 0
            && [
                "will", "would", "may", "might", "could", "can", "to", "shall", "'ll",
            ]
            .iter()
            .any(|w| self.is_word_text(j - 1, w))
        {
            return m(j, j + 2, "FUTURE_REF".into(), DT);
        }
        // "a year-earlier loss": the article belongs to the noun, the adjective is the date
        if l.word == Some("a")
            && self.unit(j + 1) == Some("y")
            && self.p(j + 2, '-')
            && (self.wd(j + 3, "ago")
                || self.lex(j + 3).and_then(|l| l.modifier) == Some("earlier"))
        {
            return self.year_ago_adj(j + 1, j + 4);
        }
        // counts: "two years", "a week ago", "several days"
        if l.num.is_some() || l.word == Some("a") || l.fuzzy {
            return self.counted(j, the);
        }
        None
    }

    pub(in crate::parse::dates) fn pod_ok(&self, j: usize) -> bool {
        !self.wd(j + 1, "of")
    }
}
