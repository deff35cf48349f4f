//! Normalisation: TIMEX3 values computed against the story date.
//!
//! Every function here takes the [`Anchor`] (the story date, possibly without a year) and
//! returns the value string. Without a year, values keep `XXXX` where the year would go; days
//! are still counted on a stand-in calendar year so that `yesterday` on `XXXX-03-01` gives
//! `XXXX-02-28` (a leap year is used only when the anchor itself is 29 February).

use crate::parse::metadata::StoryDate;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The tense of the clause around an underspecified expression, which says whether `Friday`
/// is the one before or after the story date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// No cue: news convention treats it as past.
    Unknown,
    /// A past-tense verb is nearest.
    Past,
    /// A future cue (`will`, `next`, `scheduled`) is nearest.
    Future,
    /// A present-tense verb of a schedule (`is on a visit`, `meet`) comes just before: a
    /// weekday is the coming one, a month is resolved by nearness alone.
    Present,
}

/// A reference day: a calendar date whose year may be a stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day {
    /// The date on the (possibly stand-in) calendar.
    pub date: NaiveDate,
    /// False when the year is a stand-in and must print as `XXXX`.
    pub year_known: bool,
}

impl Day {
    /// The `YYYY-MM-DD` (or `XXXX-MM-DD`) value.
    pub fn value(&self) -> String {
        // built by hand: `format!` costs a dozen times more, once per date found
        let mut s = String::with_capacity(10);
        push_year(&mut s, self.year());
        s.push('-');
        push_digits(&mut s, self.date.month(), 2);
        s.push('-');
        push_digits(&mut s, self.date.day(), 2);
        s
    }

    /// The year when known.
    pub fn year(&self) -> Option<i32> {
        self.year_known.then(|| self.date.year())
    }

    /// This day moved by `n` days.
    pub fn plus_days(&self, n: i64) -> Day {
        let date = if n >= 0 {
            self.date.checked_add_days(Days::new(n as u64))
        } else {
            self.date.checked_sub_days(Days::new(n.unsigned_abs()))
        };
        Day {
            date: date.unwrap_or(self.date),
            year_known: self.year_known,
        }
    }

    /// The ISO week value `YYYY-Www`, `XXXX-WXX` without a year.
    pub fn week_value(&self) -> String {
        if !self.year_known {
            return "XXXX-WXX".into();
        }
        let w = self.date.iso_week();
        format!("{:04}-W{:02}", w.year(), w.week())
    }

    /// Month number 1-12.
    pub fn month(&self) -> u32 {
        self.date.month()
    }

    /// The quarter, 1-4.
    pub fn quarter(&self) -> u32 {
        (self.date.month() - 1) / 3 + 1
    }
}

/// `2022` or `XXXX`.
pub(crate) fn year_str(y: Option<i32>) -> String {
    let mut s = String::with_capacity(4);
    push_year(&mut s, y);
    s
}

/// A month's value, `2022-01` or `XXXX-01`: [`year_str`], a hyphen, the month in two digits.
pub(crate) fn month_value(y: Option<i32>, mo: u32) -> String {
    let mut s = String::with_capacity(7);
    push_year(&mut s, y);
    s.push('-');
    push_digits(&mut s, mo, 2);
    s
}

/// Appends [`year_str`]'s text: four digits, or `XXXX`.
fn push_year(s: &mut String, y: Option<i32>) {
    match y {
        Some(y) if (0..=9999).contains(&y) => push_digits(s, y as u32, 4),
        _ => s.push_str("XXXX"),
    }
}

/// Appends `v` as decimal digits, zero-padded to `width` (as `{:0width$}` prints it).
fn push_digits(s: &mut String, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut k = buf.len();
    let mut x = v;
    loop {
        k -= 1;
        buf[k] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    k = k.min(buf.len().saturating_sub(width));
    for &b in &buf[k..] {
        s.push(b as char);
    }
}

/// The story date as a [`Day`], when there is one.
pub(crate) fn anchor_day(anchor: Option<StoryDate>) -> Option<Day> {
    let a = anchor?;
    match a.year {
        Some(y) => NaiveDate::from_ymd_opt(y, a.month, a.day).map(|date| Day {
            date,
            year_known: true,
        }),
        None => {
            let stand_in = if a.month == 2 && a.day == 29 {
                2000
            } else {
                2001
            };
            NaiveDate::from_ymd_opt(stand_in, a.month, a.day).map(|date| Day {
                date,
                year_known: false,
            })
        }
    }
}

/// `YYYY-MM` with the year shifted so that the month offset `k` from the anchor's month is
/// applied (`last month` is `k = -1`).
pub(crate) fn month_offset(anchor: Option<Day>, k: i32) -> String {
    let Some(a) = anchor else {
        return "XXXX-XX".into();
    };
    let total = a.date.year() * 12 + a.month() as i32 - 1 + k;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    format!("{}-{:02}", year_str(a.year_known.then_some(y)), m)
}

/// The anchor's year moved by `k`.
pub(crate) fn year_offset(anchor: Option<Day>, k: i32) -> Option<i32> {
    anchor.and_then(|a| a.year()).map(|y| y + k)
}

/// The anchor's week moved by `k` weeks.
pub(crate) fn week_offset(anchor: Option<Day>, k: i64) -> String {
    match anchor {
        Some(a) => a.plus_days(7 * k).week_value(),
        None => "XXXX-WXX".into(),
    }
}

/// `(year, quarter)` of the anchor moved by `k` quarters.
pub(crate) fn quarter_offset(anchor: Option<Day>, k: i32) -> (Option<i32>, u32) {
    let Some(a) = anchor else {
        return (None, 0);
    };
    let total = a.date.year() * 4 + a.quarter() as i32 - 1 + k;
    (
        a.year_known.then_some(total.div_euclid(4)),
        (total.rem_euclid(4) + 1) as u32,
    )
}

/// `YYYY-Qn`; `YYYY-QX` when the quarter is unknown.
pub(crate) fn quarter_value(year: Option<i32>, q: u32) -> String {
    if q == 0 {
        format!("{}-QX", year_str(year))
    } else {
        format!("{}-Q{q}", year_str(year))
    }
}

fn weekday_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// How a weekday relates to the reference day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Bare `Friday`: by tense; the reference day itself when it is that weekday.
    Bare,
    /// `last Friday`, `the previous Friday`: strictly before.
    Before,
    /// `next Friday`, `the following Friday`: strictly after.
    After,
    /// `this Friday`: in the reference day's week.
    This,
}

/// The date of weekday `wd` (1 = Monday) relative to `anchor`; `XXXX-WXX-n` when the year is
/// not known (the weekday of a stand-in date means nothing).
pub(crate) fn weekday(
    anchor: Option<Day>,
    wd: u32,
    dir: Dir,
    tense: Tense,
) -> (String, Option<Day>) {
    let Some(a) = anchor.filter(|a| a.year_known) else {
        return (format!("XXXX-WXX-{wd}"), None);
    };
    let target = weekday_of(wd).num_days_from_monday() as i64;
    let cur = a.date.weekday().num_days_from_monday() as i64;
    let back = (cur - target).rem_euclid(7); // days back to the latest such day, 0 = today
    let fwd = (target - cur).rem_euclid(7);
    let delta = match dir {
        Dir::Bare => match tense {
            Tense::Future if fwd != 0 => fwd,
            // a schedule in the present (`is on a visit from Tuesday`, `meet Monday`): the
            // nearest such day, the coming one on a tie
            Tense::Present if fwd <= back => fwd,
            _ => -back,
        },
        Dir::Before => -(if back == 0 { 7 } else { back }),
        Dir::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::This => target - cur,
    };
    let d = a.plus_days(delta);
    (d.value(), Some(d))
}

/// The year of a month (and day) given without one: the year that puts it nearest the
/// anchor, where a date on the wrong side of the anchor for the tense (after it in a past
/// clause, before it in a future one) counts as twice as far. Wire copy names near dates
/// without a year, and tense cues are noisy, so nearness decides and tense breaks the
/// half-year ties (`Aug. 6` in February, past tense: last August).
const PAST_AGAINST: i64 = 20;
const FUTURE_AGAINST: i64 = 20;
const UNKNOWN_AGAINST: i64 = 15;

pub(crate) fn resolve_year(
    anchor: Option<Day>,
    month: u32,
    day: Option<u32>,
    tense: Tense,
) -> Option<i32> {
    let a = anchor.filter(|a| a.year_known)?;
    let y = a.date.year();
    // A month alone in a future clause: the first from the story month on (`will be held
    // in November`); a day of the month is precise enough for nearness to decide.
    if day.is_none() && tense == Tense::Future {
        return Some(if month >= a.month() { y } else { y + 1 });
    }
    // Days from the anchor, on a 372-day grid (31 × 12) that is fine for ordering.
    let pos = |yy: i32, m: u32, d: u32| yy as i64 * 372 + (m as i64 - 1) * 31 + d as i64;
    let here = pos(y, a.month(), a.date.day());
    let d = day.unwrap_or(if month == a.month() { a.date.day() } else { 16 });
    let cost = |yy: i32| {
        let diff = pos(yy, month, d) - here;
        let other_month = day.is_some() || month != a.month();
        // (weights in tenths) news mostly reports the past: a later date needs more support
        let weight = match tense {
            Tense::Past if diff > 0 && other_month => PAST_AGAINST,
            Tense::Future if diff < 0 && other_month => FUTURE_AGAINST,
            Tense::Unknown if diff > 0 && other_month => UNKNOWN_AGAINST,
            _ => 10,
        };
        diff.abs() * weight
    };
    [y, y - 1, y + 1].into_iter().min_by_key(|&yy| cost(yy))
}

/// [`resolve_year`] of a day of the month, the tense asked for (by calling `tense`) only when
/// it can change the year. Reading the tense walks the clause around the date, the costliest
/// part of most dates; for a day near the story date, as most are in wire copy, every tense
/// gives the same year.
pub(crate) fn resolve_day_year(
    anchor: Option<Day>,
    month: u32,
    day: u32,
    tense: impl FnOnce() -> Tense,
) -> Option<i32> {
    let y = resolve_year(anchor, month, Some(day), Tense::Unknown);
    let same = [Tense::Past, Tense::Future, Tense::Present]
        .into_iter()
        .all(|t| resolve_year(anchor, month, Some(day), t) == y);
    if same {
        y
    } else {
        resolve_year(anchor, month, Some(day), tense())
    }
}

/// The year of a month named alone when the clause cannot change it: when every tense, and
/// the latest such month ([`month_on_or_before`]), give the same year (the story's own month,
/// or a story without a year). `None` when the clause decides.
pub(crate) fn month_year_any_tense(anchor: Option<Day>, month: u32) -> Option<Option<i32>> {
    let y = month_on_or_before(anchor, month);
    [Tense::Unknown, Tense::Past, Tense::Future, Tense::Present]
        .into_iter()
        .all(|t| resolve_year(anchor, month, None, t) == y)
        .then_some(y)
}

/// The year of the latest `month` up to and including the anchor's month (`since October`).
pub(crate) fn month_on_or_before(anchor: Option<Day>, month: u32) -> Option<i32> {
    let a = anchor.filter(|a| a.year_known)?;
    let y = a.date.year();
    Some(if month <= a.month() { y } else { y - 1 })
}

/// The most recent `month` strictly before the anchor's month (`last April`), or the next one
/// strictly after (`next April`).
pub(crate) fn month_before_after(anchor: Option<Day>, month: u32, after: bool) -> Option<i32> {
    let a = anchor.filter(|a| a.year_known)?;
    let y = a.date.year();
    Some(if after {
        if month > a.month() {
            y
        } else {
            y + 1
        }
    } else if month < a.month() {
        y
    } else {
        y - 1
    })
}

/// The fourth Thursday of November (US Thanksgiving).
pub(crate) fn thanksgiving(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
}

/// A duration value: `P3D`, `PT5H`, `P2Y6M` (two and a half years), `PXY` when the count is
/// unknown. Fractions go into the next smaller unit, as TimeML writes them.
pub(crate) fn duration(n: Option<f64>, unit: &str) -> String {
    let Some(v) = n else {
        return match unit {
            "s" => "PTXS".into(),
            "mi" => "PTXM".into(),
            "h" => "PTXH".into(),
            "d" | "we" => "PXD".into(),
            "w" | "fn" => "PXW".into(),
            "m" => "PXM".into(),
            "q" => "PXQ".into(),
            "c" => "PXC".into(),
            _ => "PXY".into(),
        };
    };
    let whole = v.trunc() as i64;
    let frac = v - v.trunc();
    // (designator, time part?, how many of the next smaller unit make one, its designator)
    let (des, time, sub, sub_des) = match unit {
        "s" => ("S", true, 0, ""),
        "mi" => ("M", true, 60, "S"),
        "h" => ("H", true, 60, "M"),
        "d" => ("D", false, 24, "H"),
        "w" => ("W", false, 7, "D"),
        "we" => return format!("P{}D", (v * 2.0).round() as i64),
        "fn" => return format!("P{}W", (v * 2.0).round() as i64),
        "m" => ("M", false, 0, ""),
        "q" => ("Q", false, 3, "M"),
        "de" => return format!("P{}Y", (v * 10.0).round() as i64),
        "c" => return format!("P{}Y", (v * 100.0).round() as i64),
        _ => ("Y", false, 12, "M"),
    };
    let t = if time { "T" } else { "" };
    // whole millennia: TimeML's `L` (`two thousand years` = P2L)
    if des == "Y" && frac.abs() < 1e-9 && whole >= 1000 && whole % 1000 == 0 {
        return format!("P{}L", whole / 1000);
    }
    if frac.abs() < 1e-9 {
        return format!("P{t}{whole}{des}");
    }
    let part = (frac * sub as f64).round() as i64;
    if sub == 0 || part == 0 {
        return format!("P{t}{v}{des}");
    }
    match (unit, whole) {
        ("d", 0) => format!("PT{part}H"),
        ("d", _) => format!("P{whole}DT{part}H"),
        (_, 0) => format!("P{t}{part}{sub_des}"),
        _ => format!("P{t}{whole}{des}{part}{sub_des}"),
    }
}

/// The value of a point `n` units before (negative) or after the reference day, at the
/// granularity of the unit: days and weeks give a day, months a month, years a year.
pub(crate) fn shifted(base: Option<Day>, n: i64, unit: &str) -> String {
    let Some(b) = base else {
        return "XXXX-XX-XX".into();
    };
    match unit {
        "d" | "we" => b.plus_days(n).value(),
        "w" => b.plus_days(7 * n).value(),
        "fn" => b.plus_days(14 * n).value(),
        "m" => month_offset(Some(b), n as i32),
        "q" => {
            let (y, q) = quarter_offset(Some(b), n as i32);
            quarter_value(y, q)
        }
        "de" => year_str(b.year().map(|y| y + 10 * n as i32)),
        "c" => year_str(b.year().map(|y| y + 100 * n as i32)),
        "h" | "mi" | "s" => b.value(),
        _ => year_str(b.year().map(|y| y + n as i32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Day> {
        anchor_day(StoryDate::parse_iso(s))
    }

    #[test]
    fn weekdays_resolve_by_tense() {
        let a = day("2022-01-18"); // a Tuesday
        let cases = [
            (2, Dir::Bare, Tense::Past, "2022-01-18"),
            (5, Dir::Bare, Tense::Past, "2022-01-14"),
            (5, Dir::Bare, Tense::Future, "2022-01-21"),
            (2, Dir::Bare, Tense::Future, "2022-01-18"),
            (1, Dir::Before, Tense::Unknown, "2022-01-17"),
            (2, Dir::Before, Tense::Unknown, "2022-01-11"),
            (2, Dir::After, Tense::Unknown, "2022-01-25"),
            (5, Dir::This, Tense::Unknown, "2022-01-21"),
        ];
        for (wd, dir, tense, want) in cases {
            assert_eq!(weekday(a, wd, dir, tense).0, want, "{wd} {dir:?} {tense:?}");
        }
        let no_year = anchor_day(Some(StoryDate {
            year: None,
            month: 1,
            day: 18,
        }));
        assert_eq!(weekday(no_year, 2, Dir::Bare, Tense::Past).0, "XXXX-WXX-2");
    }

    #[test]
    fn offsets() {
        let a = day("2022-01-18");
        let cases = [
            (month_offset(a, -1), "2021-12"),
            (month_offset(a, 0), "2022-01"),
            (week_offset(a, 0), "2022-W03"),
            (week_offset(a, -1), "2022-W02"),
            (shifted(a, -2, "d"), "2022-01-16"),
            (shifted(a, -2, "y"), "2020"),
            (duration(Some(3.0), "d"), "P3D"),
            (duration(Some(2.5), "y"), "P2Y6M"),
            (duration(Some(1.5), "mi"), "PT1M30S"),
            (duration(Some(5.5), "h"), "PT5H30M"),
            (duration(Some(0.5), "h"), "PT30M"),
            (duration(None, "y"), "PXY"),
            (duration(Some(5.0), "h"), "PT5H"),
            (duration(Some(2.0), "de"), "P20Y"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        let no_year = anchor_day(Some(StoryDate {
            year: None,
            month: 3,
            day: 1,
        }));
        assert_eq!(shifted(no_year, -1, "d"), "XXXX-02-28");
    }

    /// Asking for the tense only when it matters gives the year [`resolve_year`] gives, for
    /// every day of the year, tense and anchor (one with a year, one without).
    #[test]
    fn day_year_asks_the_tense_only_when_it_matters() {
        let tenses = [Tense::Unknown, Tense::Past, Tense::Future, Tense::Present];
        for a in [day("2022-01-18"), day("2021-07-01"), None] {
            for m in 1..=12 {
                for d in 1..=31 {
                    for t in tenses {
                        let want = resolve_year(a, m, Some(d), t);
                        assert_eq!(resolve_day_year(a, m, d, || t), want, "{m} {d} {t:?}");
                    }
                }
            }
        }
    }

    /// A month's year said to be the same for every clause is the year of every clause.
    #[test]
    fn month_year_any_tense_is_every_readings_year() {
        let tenses = [Tense::Unknown, Tense::Past, Tense::Future, Tense::Present];
        for a in [day("2022-01-18"), day("2021-07-01"), None] {
            for m in 1..=12 {
                if let Some(y) = month_year_any_tense(a, m) {
                    assert_eq!(month_on_or_before(a, m), y, "{m}");
                    for t in tenses {
                        assert_eq!(resolve_year(a, m, None, t), y, "{m} {t:?}");
                    }
                }
            }
        }
        assert_eq!(month_year_any_tense(day("2022-01-18"), 1), Some(Some(2022)));
        assert_eq!(month_year_any_tense(None, 5), Some(None));
    }

    #[test]
    fn years_of_month_days() {
        let a = day("2022-01-18");
        let cases = [
            (12, Some(17), Tense::Past, Some(2021)),
            (1, Some(10), Tense::Past, Some(2022)),
            (1, Some(20), Tense::Future, Some(2022)),
            (8, Some(6), Tense::Past, Some(2021)),
            (8, Some(6), Tense::Future, Some(2022)),
            (12, None, Tense::Unknown, Some(2021)),
            (3, None, Tense::Unknown, Some(2022)),
        ];
        for (m, d, t, want) in cases {
            assert_eq!(resolve_year(a, m, d, t), want, "{m} {d:?} {t:?}");
        }
    }
}
