//! Calendar rules: month and day names, weekdays, seasons, holidays, quarters and halves.

use super::{pass, stop, Out, Out::Pass, Out::Stop};
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::lexicon::List;
use crate::parse::dates::normalise::{self as n, Day, Dir, Tense};
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::{Date as DT, Duration as DU, Set as ST, Time as TI};

impl G<'_> {
    pub(super) fn month_expr(&mut self, j: usize, mo: u32, k: usize) -> Option<M> {
        // Month Day(, Year)?
        if let Some(d) = self.day_num(k) {
            let mut e = k + 1;
            let mut year = None;
            if self.p(e, ',') && self.year_num(e + 1).is_some() {
                year = self.year_num(e + 1);
                e += 2;
            } else if self.year_num(e).is_some() {
                year = self.year_num(e);
                e += 1;
            }
            let y =
                year.or_else(|| n::resolve_day_year(self.cx.anchor, mo, d, || self.tense(j, e)));
            let known = y.is_some();
            let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)
                .or_else(|| chrono::NaiveDate::from_ymd_opt(2000, mo, d))?;
            let day = Day {
                date,
                year_known: known,
            };
            let mut r = self.day_match(j, e, Some(day), day.value(), DT)?;
            // a range: January 10-12, January 10 and 12
            if year.is_none() {
                self.day_range(e, mo, d, y, &mut r);
            }
            return Some(r);
        }
        // Month Year
        if let Some((y, e)) = self.year_at(k) {
            self.note_year(y);
            return m(j, e, n::month_value(Some(y), mo), DT);
        }
        if self.wd(k, "of") && self.year_num(k + 1).is_some() {
            let y = self.year_num(k + 1)?;
            return m(j, k + 2, n::month_value(Some(y), mo), DT);
        }
        // June last year, October of next year
        let rk = if self.wd(k, "of") && self.rel(k + 1).is_some() && self.unit(k + 2) == Some("y") {
            k + 1
        } else {
            k
        };
        if let Some(r) = self.rel(rk) {
            if self.unit(rk + 1) == Some("y") {
                let off = match r {
                    "last" | "past" | "prev" => -1,
                    "next" | "coming" => 1,
                    "this" => 0,
                    _ => return self.month_alone(j, mo, k),
                };
                let y = n::year_offset(self.cx.anchor, off);
                return m(j, rk + 2, n::month_value(y, mo), DT);
            }
        }
        self.month_alone(j, mo, k)
    }

    /// The second day of a range after `Month Day` ending before `e` (`January 10-12`,
    /// `January 10 and 12`, `January 10 to 12, 2022`), kept in `r.extra`; `y` is the year of
    /// the first day, given by the story.
    fn day_range(&self, e: usize, mo: u32, d: u32, y: Option<i32>, r: &mut M) {
        if !(self.p(e, '-') || self.wd(e, "and") || self.wd(e, "to")) {
            return;
        }
        let Some(d2) = self.day_num(e + 1) else {
            return;
        };
        if d2 <= d
            || self.month_at(e + 2).is_some()
            || matches!(self.t.get(e + 2).map(|t| t.k), Some(K::P(':')))
        {
            return;
        }
        let mut e2 = e + 2;
        let mut y2 = y;
        if self.p(e2, ',') && self.year_num(e2 + 1).is_some() {
            y2 = self.year_num(e2 + 1);
            e2 += 2;
            r.value = format!("{}{}", n::year_str(y2), &r.value[4..]);
        }
        if let Some(date2) = chrono::NaiveDate::from_ymd_opt(y2.unwrap_or(2001), mo, d2) {
            let day2 = Day {
                date: date2,
                year_known: y2.is_some(),
            };
            r.extra = Some(Box::new(M {
                start: e + 1,
                end: e2,
                value: day2.value(),
                ty: DT,
                day: Some(day2),
                extra: None,
            }));
        }
    }

    pub(super) fn month_alone(&mut self, j: usize, mo: u32, k: usize) -> Option<M> {
        // `since October`: the one before, whatever the verb
        /// A past verb this near governs the month (`declared at a meeting in December`);
        /// farther off it only weighs in, as cues that far are often of another clause.
        const NEAR_PAST: usize = 8;
        // the story's own month, or a story without a year: no need to read the clause
        if let Some(y) = n::month_year_any_tense(self.cx.anchor, mo) {
            return m(j, k, n::month_value(y, mo), DT);
        }
        // the preposition may stand before a modifier: `until mid-November`
        let prep = |w: &str| (1..=3).any(|d| j >= d && self.wd(j - d, w));
        let (tense, dist) = if prep("since") {
            (Tense::Past, 0)
        } else if prep("until") {
            (Tense::Future, 0)
        } else {
            self.tense_at(j, k)
        };
        // `was planned for early March`: a plan made in the past may still lie ahead, so a
        // plan word only weighs in
        let plan = |k: usize| self.lex(k).and_then(|l| l.tense) == Some(Tense::Future);
        let planned = dist <= NEAR_PAST && ((j >= dist && plan(j - dist)) || plan(k + dist - 1));
        let y = if tense == Tense::Past && dist <= NEAR_PAST && !planned {
            n::month_on_or_before(self.cx.anchor, mo)
        } else {
            n::resolve_year(self.cx.anchor, mo, None, tense)
        };
        m(j, k, n::month_value(y, mo), DT)
    }

    pub(super) fn weekday_expr(&mut self, j: usize, wd: u32, k: usize, dir: Dir) -> Option<M> {
        // Tuesday, January 18(, 2022)
        if let Some(date) = self.weekday_date(j, k) {
            return date;
        }
        let mut e = k;
        let base = if dir == Dir::Before
            && self.cx.last_day.is_some()
            && self.wd(j.wrapping_sub(2), "the")
        {
            self.cx.last_day
        } else {
            self.cx.anchor
        };
        // the second of two coordinated weekdays: the first such day after the first one
        let joined =
            dir == Dir::Bare && j >= 1 && (self.in_list(j - 1, List::Joins) || self.p(j - 1, '-'));
        // only when the first one looked ahead: past days are each the latest such day
        // (`statements made Friday and Thursday`)
        let prev = self.cx.last_weekday.filter(|&(at, first)| {
            joined && at + 1 == j && self.cx.anchor.is_some_and(|a| first.date > a.date)
        });
        let (mut v, d) = if let Some((_, first)) = prev {
            n::weekday(Some(first), wd, Dir::After, Tense::Unknown)
        } else {
            let tense = match dir {
                // `Friday's closing price`, `to get around Wednesday's ruling`: a day gone,
                // whatever the verb before it (news names a day by its events once they are
                // done)
                Dir::Bare if self.raw(k) == "'s" || self.raw(k) == "’s" => Tense::Unknown,
                Dir::Bare => self.tense(j, k),
                _ => Tense::Unknown,
            };
            n::weekday(base, wd, dir, tense)
        };
        if let Some(day) = d.filter(|_| dir == Dir::Bare) {
            self.note_weekday(e, day);
        }
        let mut ty = DT;
        if let Some(pod) = self.lex(e).and_then(|l| l.pod) {
            v = format!("{v}T{pod}");
            ty = TI;
            e += 1;
        }
        self.day_match(j, e, d, v, ty)
    }

    /// `Tuesday, January 18(, 2022)`, `Tuesday January 18`: the date after the weekday at `j`
    /// (ending before `k`), with the weekday in its span; `Some(None)` where the date is
    /// invalid; `None` where no date follows.
    fn weekday_date(&mut self, j: usize, k: usize) -> Option<Option<M>> {
        let dated = |at: usize| {
            self.month_at(at)
                .filter(|&(_, k2)| self.day_num(k2).is_some())
                .map(|(mo, k2)| (at, mo, k2))
        };
        let (at, mo, k2) = if self.p(k, ',') {
            dated(k + 1)
        } else {
            dated(k)
        }?;
        let r = self.month_expr(at, mo, k2);
        Some(r.map(|r| M {
            start: j,
            extra: None,
            ..r
        }))
    }

    pub(super) fn dayrel(&mut self, j: usize, dr: &str) -> Option<M> {
        let night = dr.ends_with('N');
        let off: i64 = dr.trim_end_matches('N').parse().ok()?;
        let d = self.cx.anchor.map(|a| a.plus_days(off));
        let mut v = d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into());
        let mut e = j + 1;
        let mut ty = DT;
        if !night {
            if let Some(pod) = self.lex(e).and_then(|l| l.pod) {
                v = format!("{v}T{pod}");
                ty = TI;
                e += 1;
            }
        }
        self.day_match(j, e, d, v, ty)
    }

    pub(super) fn season(
        &mut self,
        j: usize,
        k: usize,
        s: &str,
        off: i32,
        _the: bool,
    ) -> Option<M> {
        let mut e = k + 1;
        let mut y = n::year_offset(self.cx.anchor, off);
        if let Some((yy, e2)) = self.year_at(e) {
            y = Some(yy);
            e = e2;
        } else if self.wd(e, "of") {
            if let Some((yy, e2)) = self.year_at(e + 1) {
                y = Some(yy);
                e = e2;
            } else if let Some(r) = self.rel(e + 1) {
                if self.unit(e + 2) == Some("y") {
                    let o = match r {
                        "last" | "past" | "prev" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    y = n::year_offset(self.cx.anchor, o);
                    e += 3;
                }
            }
        }
        m(j, e, format!("{}-{s}", n::year_str(y)), DT)
    }

    pub(super) fn holiday(&mut self, j: usize, h: &str) -> Option<M> {
        let mut e = j + 1;
        if self.unit(e) == Some("d") || self.is_word_text(e, "Eve") {
            e += 1;
        }
        let tense = self.tense(j, e);
        let a = self.cx.anchor;
        let (mo, d) = if h == "TG" {
            (11, 25)
        } else {
            let mut p = h.split('-');
            (p.next()?.parse().ok()?, p.next()?.parse::<u32>().ok()?)
        };
        let d = if self.is_word_text(j + 1, "Eve") {
            d - 1
        } else {
            d
        };
        let y = n::resolve_year(a, mo, Some(d), tense);
        let date = match (h, y) {
            ("TG", Some(y)) => n::thanksgiving(y),
            (_, Some(y)) => chrono::NaiveDate::from_ymd_opt(y, mo, d),
            _ => None,
        };
        match date {
            Some(date) => {
                let day = Day {
                    date,
                    year_known: true,
                };
                self.day_match(j, e, Some(day), day.value(), DT)
            }
            None => m(j, e, format!("XXXX-{mo:02}-{d:02}"), DT),
        }
    }

    /// `the third quarter (of 1990)`, `the first half of next year`, `the last half of the
    /// '80s`: the ordinal `o` at `j`, the unit (`quarter` or `half`) at `k`.
    fn quarter_or_half(&mut self, j: usize, k: usize, o: i32, half: bool) -> Option<M> {
        let q = match o {
            ..0 if half => 2,
            ..0 => 4,
            _ => o as u32,
        };
        if q > 4 || (half && q > 2) {
            return None;
        }
        let e = k + 1;
        // the last half of the '80s: the decade (TimeML has no halves of decades)
        if half && self.wd(e, "of") && self.year_num(e + 1).is_none() {
            let d = if self.wd(e + 1, "the") { e + 2 } else { e + 1 };
            if let Some(r) = self.at(d).filter(|r| r.value.len() == 3) {
                return m(j, r.end, r.value, DT);
            }
        }
        let (y, e) = self.period_year(e);
        let y = y.or_else(|| self.implied_year(j, e, q, half));
        if half {
            return m(j, e, format!("{}-H{q}", n::year_str(y)), DT);
        }
        self.note_quarter(y, q);
        m(j, e, n::quarter_value(y, q), DT)
    }

    /// The year named after a quarter or half ending before `e`: `of 1990`, `, 1990`, `of
    /// last year`, `of the fiscal year`, `of the year`, `1990`, `next year`; and the token
    /// after it.
    fn period_year(&self, e: usize) -> (Option<i32>, usize) {
        let a = self.cx.anchor;
        if self.wd(e, "of") || (self.p(e, ',') && self.year_num(e + 1).is_some()) {
            if let Some(yy) = self.year_num(e + 1) {
                return (Some(yy), e + 2);
            }
            if let Some(r) = self.rel(e + 1) {
                if self.unit(e + 2) == Some("y")
                    || (self.wd(e + 2, "fiscal") && self.unit(e + 3) == Some("y"))
                {
                    let o = match r {
                        "last" | "past" | "prev" => -1,
                        "next" | "coming" => 1,
                        _ => 0,
                    };
                    let len = if self.unit(e + 2) == Some("y") { 3 } else { 4 };
                    return (n::year_offset(a, o), e + len);
                }
            } else if self.wd(e + 1, "the") && self.unit(e + 2) == Some("y") {
                return (n::year_offset(a, 0), e + 3);
            }
            return (None, e);
        }
        if let Some(yy) = self.year_num(e) {
            return (Some(yy), e + 1);
        }
        let o = match self.rel(e) {
            Some("last") => -1,
            Some("next") => 1,
            Some("this") => 0,
            _ => return (None, e),
        };
        if self.unit(e + 1) == Some("y") {
            return (n::year_offset(a, o), e + 2);
        }
        (None, e)
    }

    /// The year of a quarter or half (`q`) named without one: the year just before it (`the
    /// 1988 second quarter`), else the story's, or the year before when the period has not
    /// begun and the clause is past.
    fn implied_year(&self, j: usize, e: usize, q: u32, half: bool) -> Option<i32> {
        if let Some(yy) = j.checked_sub(1).and_then(|p| self.year_num(p)) {
            return Some(yy);
        }
        let a = self.cx.anchor;
        let mut y = n::year_offset(a, 0);
        // A quarter not begun yet, spoken of in the past tense, is last year's.
        if let Some(ad) = a {
            let cur = if half {
                (ad.month() - 1) / 6 + 1
            } else {
                ad.quarter()
            };
            if q > cur && self.tense(j, e) == Tense::Past {
                y = n::year_offset(a, -1);
            }
        }
        y
    }

    pub(super) fn fiscal(&mut self, j: usize, the: bool) -> Option<M> {
        let mut k = j + 1;
        if self.unit(k) == Some("y") {
            if let Some(y) = self.year_num(k + 1) {
                return m(j, k + 2, format!("{y:04}"), DT);
            }
            if the {
                return m(j, k + 1, "P1Y".into(), DU);
            }
            return None;
        }
        if self.p(k, '-') {
            k += 1;
        }
        let y = self.year_num(k)?;
        m(j, k + 1, format!("{y:04}"), DT)
    }

    /// `third quarter`, `first half of 2022`, `the first nine months`.
    pub(super) fn ordinal_expr(&mut self, j: usize, _the: bool) -> Option<M> {
        let o = self.lex(j)?.ord?;
        self.ordinal_with(j, o)
    }

    /// [`Self::ordinal_expr`] with the ordinal given (`last` in `the last half` is -1).
    pub(super) fn ordinal_with(&mut self, j: usize, o: i32) -> Option<M> {
        let mut k = j + 1;
        let hyph = self.p(k, '-');
        if hyph {
            k += 1;
        }
        if self.wd(k, "fiscal") {
            k += 1;
        }
        let u = self.unit(k);
        let half = self.wd(k, "half");
        if u == Some("q") || half {
            return self.quarter_or_half(j, k, o, half);
        }
        if u == Some("w") && self.wd(k + 1, "of") {
            return None;
        }
        // the first nine months, the first two years
        if o == 1 && !hyph {
            if let Some((Some(c), e)) = self.count(k) {
                // the first two quarters of 1990: its first half
                if c == 2.0 && self.units(e) == Some("q") && self.wd(e + 1, "of") {
                    if let Some(y) = self.year_num(e + 2) {
                        return m(j, e + 3, format!("{y:04}-H1"), DT);
                    }
                }
                if let Some(u) = self.units(e) {
                    return m(j, e + 1, n::duration(Some(c), u), DU);
                }
            }
        }
        // the twentieth century
        if self.unit(k) == Some("c") && o > 0 {
            return m(j, k + 1, format!("{:02}", o - 1), DT);
        }
        None
    }
}

// The productions of the calendar rules ([`super::table::RULES`]).

/// `January 18`, `March 2022`, `June last year`, `October`.
pub(super) fn month(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.month_at(j) {
        Some((mo, k)) => stop(g.month_expr(j, mo, k)),
        None => Pass,
    }
}

/// `Tuesday nights`: every such night.
pub(super) fn weekday_nights(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some((wd, k)) = g.weekday_at(j) else {
        return Pass;
    };
    let pods = [
        ("nights", "NI"),
        ("mornings", "MO"),
        ("afternoons", "AF"),
        ("evenings", "EV"),
    ];
    match pods.iter().find(|(w, _)| g.is_word_text(k, w)) {
        Some((_, pod)) => stop(m(j, k + 1, format!("XXXX-WXX-{wd}T{pod}"), ST)),
        None => Pass,
    }
}

/// `Friday`, `Tuesday morning`, `Tuesday, January 18`.
pub(super) fn weekday(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.weekday_at(j) {
        Some((wd, k)) => stop(g.weekday_expr(j, wd, k, Dir::Bare)),
        None => Pass,
    }
}

/// `Mondays`: every Monday.
pub(super) fn weekdays(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let wd = g.lex(j).map_or(0, |l| l.weekdays);
    if wd > 0 && g.cap(j) {
        return stop(m(j, j + 1, format!("XXXX-WXX-{wd}"), ST));
    }
    Pass
}

/// `the third quarter`, `first half of 2022`, `the first nine months`.
pub(super) fn ordinal(g: &mut G<'_>, j: usize, the: bool) -> Out {
    pass(g.ordinal_expr(j, the))
}

/// `fiscal 1990`, `the fiscal year`.
pub(super) fn fiscal_year(g: &mut G<'_>, j: usize, the: bool) -> Out {
    stop(g.fiscal(j, the))
}

/// `this summer`'s season alone: `winter`, `the fall`, `autumn` (not the verb `fall`).
pub(super) fn season_word(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let Some(s) = g.lex(j).and_then(|l| l.season) else {
        return Pass;
    };
    // "fall" is more often the verb or noun than the season
    if the || s != "FA" || g.is_word_text(j, "autumn") {
        return stop(g.season(j, j, s, 0, the));
    }
    Stop
}

/// `Christmas`, `New Year's Day`, `Thanksgiving`.
pub(super) fn holiday_name(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    match g.lex(j).and_then(|l| l.holiday) {
        Some(h) => stop(g.holiday(j, h)),
        None => Pass,
    }
}

/// `the nineties`, `the early sixties`: the latest such decade up to the story's.
pub(super) fn decade_words(g: &mut G<'_>, j: usize, the: bool) -> Out {
    let after_mod = j >= 1
        && (g.lex(j - 1).and_then(|l| l.modifier).is_some()
            || (g.p(j - 1, '-') && j >= 2 && g.lex(j - 2).and_then(|l| l.modifier).is_some()));
    let Some(d) = g.lex(j).and_then(|l| l.decade).filter(|_| the || after_mod) else {
        return Pass;
    };
    let story = n::year_offset(g.cx.anchor, 0).unwrap_or(1999);
    let century = if 2000 + 10 * d as i32 <= story {
        200
    } else {
        190
    };
    stop(m(j, j + 1, format!("{}", century + d), DT))
}
