//! Clock times: `10:35`, `6 p.m.`, `noon`, with a zone and a day.

use super::{stop, Out};
use crate::parse::dates::grammar::{m, G, M};
use crate::parse::dates::normalise::{self as n, Day, Dir};
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::Time as TI;

impl G<'_> {
    /// Clock times: `10:35`, `6 p.m.`, `noon`, with a time zone and a day after them.
    pub(super) fn clock(&mut self, j: usize) -> Option<M> {
        // `10:35 a.m. (0735 GMT)`: the same moment restated in another zone
        if j >= 2 && self.p(j - 1, '(') && matches!(self.t[j - 2].k, K::AmPm(_) | K::Clock { .. }) {
            return None;
        }
        // `high noon`, the film and the idiom
        if j >= 1 && self.wd(j, "noon") && self.raw(j - 1).eq_ignore_ascii_case("high") {
            return None;
        }
        let (mut h, mi, mut e) = match self.t[j].k {
            K::Clock { h, m } => (h, m, j + 1),
            K::Num { val, digits: 4, .. } => (val / 100, val % 100, j + 1),
            K::Num { val, .. } => (val, 0, j + 1),
            K::Word { .. } if self.wd(j, "noon") => (12, 0, j + 1),
            K::Word { .. } if self.wd(j, "midnight") => (24, 0, j + 1),
            _ => return None,
        };
        let mut ampm = false;
        if let Some(K::AmPm(pm)) = self.t.get(e).map(|t| t.k) {
            ampm = true;
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
            e += 1;
        }
        if h > 24 || mi > 59 {
            return None;
        }
        if !ampm && matches!(self.t[j].k, K::Clock { .. }) {
            // "3:1" is not a time; "10:35" without am/pm is, when 24-hour shaped.
            let raw = self.raw(j);
            if raw.len() < 4 {
                return None;
            }
        }
        let mut zone = "";
        if let Some(tz) = self.lex(e).and_then(|l| l.tz) {
            zone = tz;
            e += 1;
            // "(GMT +8)" and friends are left out of the value
        }
        let (day, e) = self.clock_day(j, e)?;
        let date = day.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into());
        let v = format!(
            "{date}T{h:02}:{mi:02}{}",
            if zone == "Z" { "Z" } else { "" }
        );
        m(j, e, v, TI)
    }

    /// The day after a clock time ending before `e` (`10 p.m. Wednesday`, `16:00 UTC today`,
    /// `5 p.m. EST, Nov. 6`), else the day last spoken of; and where the expression ends.
    fn clock_day(&mut self, j: usize, mut e: usize) -> Option<(Option<Day>, usize)> {
        let mut k = e;
        if self.p(k, ',') {
            k += 1;
        }
        if self.wd(k, "on") {
            k += 1;
        }
        let mut day = self.cx.reference();
        // `10:35 a.m. (0735 GMT) Friday`: the day after the restatement dates the time, and
        // stays an expression of its own
        let restated = if self.p(k, '(') {
            (k + 1..(k + 6).min(self.t.len()))
                .find(|&c| self.p(c, ')'))
                .and_then(|c| self.weekday_at(c + 1))
        } else {
            None
        };
        if let Some((wd, k2)) = restated {
            day = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(j, k2)).1;
        } else if let Some((wd, k2)) = self.weekday_at(k) {
            let (_, d) = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(j, k2));
            day = d;
            e = k2;
        } else if let Some(dr) = self.lex(k).and_then(|l| l.dayrel) {
            let o: i64 = dr.trim_end_matches('N').parse().ok()?;
            day = self.cx.anchor.map(|a| a.plus_days(o));
            e = k + 1;
        } else if let Some((mo, k2)) = self.month_at(k) {
            if self.day_num(k2).is_some() {
                let r = self.month_expr(k, mo, k2)?;
                day = r.day;
                e = r.end;
            }
        }
        Some((day, e))
    }
}

/// `10:35`, `noon`, `midnight`: a clock time.
pub(super) fn clock_time(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    stop(g.clock(j))
}
