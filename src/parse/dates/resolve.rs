//! Anchoring: the discourse context carried along a story (the story date, the last day,
//! quarter, year, month and weekday spoken of), written only through the `note_*` methods
//! here, and the periods read from it.

use super::grammar::{G, M};
use super::normalise::{self as n, Day};
use crate::vocab::DateType;

/// The state carried along the story: the last day and quarter spoken of, which anaphoric
/// expressions (`the day before`, `a year earlier`, `the quarter`) refer to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ctx {
    pub(super) anchor: Option<Day>,
    pub(super) last_day: Option<Day>,
    pub(super) last_quarter: Option<(Option<i32>, u32)>,
    pub(super) last_year: Option<i32>,
    /// The token just after the last bare weekday and its day, so that the second of
    /// `Monday and Tuesday` or `from Tuesday to Saturday` follows the first.
    pub(super) last_weekday: Option<(usize, Day)>,
    /// The last month named alone (`January sales`), and whether it came after the last
    /// quarter noted: `the same period last year` means whichever was spoken of last.
    pub(super) last_month: Option<(Option<i32>, u32)>,
    pub(super) month_newer: bool,
}

impl Ctx {
    pub(super) fn reference(&self) -> Option<Day> {
        self.last_day.or(self.anchor)
    }
}

/// `a year earlier` and `a year ago` in a story about a quarter mean that quarter a year
/// before (`1988-Q3`), as financial copy and its TimeML annotation use them.
pub(super) const QUARTER_AWARE: bool = true;

impl G<'_> {
    /// Remembers a year named in the story (`that year`, `the following year`).
    pub(super) fn note_year(&mut self, y: i32) {
        self.cx.last_year = Some(y);
    }

    /// Remembers a month named alone (`January sales`), newer than the last quarter noted.
    pub(super) fn note_month(&mut self, y: Option<i32>, mo: u32) {
        self.cx.last_month = Some((y, mo));
        self.cx.month_newer = true;
    }

    /// Remembers a bare weekday resolved to `day`, the token after it being `after`, for the
    /// second of `Monday and Tuesday`.
    pub(super) fn note_weekday(&mut self, after: usize, day: Day) {
        self.cx.last_weekday = Some((after, day));
    }

    /// Remembers a quarter named in the story as the one `a year ago`, `the year-earlier
    /// period` and `the quarter` compare with. A quarter still ahead of the story (`losses
    /// through the third quarter of 1990`, `into the fourth quarter`) is a forecast, and one
    /// before the quarter already noted (`after a flat second quarter`) is background; neither
    /// is the period the figures report, so neither replaces it.
    pub(super) fn note_quarter(&mut self, y: Option<i32>, q: u32) {
        let ahead = match (y, n::quarter_offset(self.cx.anchor, -1)) {
            (Some(y), (Some(ay), aq)) => (y, q) > (ay, aq),
            _ => false,
        };
        let behind = match (y, self.cx.last_quarter) {
            (Some(y), Some((Some(ly), lq))) => (y, q) < (ly, lq),
            _ => false,
        };
        if (!ahead && !behind) || self.cx.last_quarter.is_none() {
            self.cx.last_quarter = Some((y, q));
            self.cx.month_newer = false;
        }
    }

    /// Remembers a resolved day for anaphora and returns the match.
    pub(super) fn day_match(
        &mut self,
        start: usize,
        end: usize,
        d: Option<Day>,
        value: String,
        ty: DateType,
    ) -> Option<M> {
        if d.is_some() {
            self.cx.last_day = d;
            if let Some(y) = d.and_then(|d| d.year()) {
                self.cx.last_year = Some(y);
            }
        }
        Some(M {
            start,
            end,
            value,
            ty,
            day: d,
            extra: None,
        })
    }

    /// The period a year before the one last spoken of, `unit` being `q`, `m` or the vague
    /// `period`: `the same quarter a year ago`, `the corresponding period last year`.
    pub(super) fn year_before(&self, unit: &str) -> String {
        let month = self
            .cx
            .last_month
            .filter(|_| unit == "m" || (unit == "period" && self.cx.month_newer));
        if let Some((y, mo)) = month {
            return format!("{}-{mo:02}", n::year_str(y.map(|y| y - 1)));
        }
        match self.cx.last_quarter.filter(|_| unit != "m") {
            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
            None => n::year_str(n::year_offset(self.cx.anchor, -1)),
        }
    }

    /// The length of `last year`, `a year ago`, `a year earlier`, `the previous year` at `j`.
    pub(super) fn year_back_len(&self, j: usize) -> Option<usize> {
        let k = if self.wd(j, "of") { j + 1 } else { j };
        let k2 = if self.wd(k, "the") { k + 1 } else { k };
        if matches!(self.rel(k2), Some("last" | "prev")) && self.unit(k2 + 1) == Some("y") {
            return Some(k2 + 2 - j);
        }
        if self.wd(k, "a")
            && self.unit(k + 1) == Some("y")
            && (self.wd(k + 2, "ago")
                || self.lex(k + 2).and_then(|l| l.modifier) == Some("earlier"))
        {
            return Some(k + 3 - j);
        }
        None
    }

    /// The current period of a unit: `2022-W03`, `2022-01`, `2022`.
    pub(super) fn this_unit(&self, u: &str) -> Option<String> {
        let a = self.cx.anchor;
        Some(match u {
            "d" => a.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
            "w" => n::week_offset(a, 0),
            "we" => format!("{}-WE", n::week_offset(a, 0)),
            "m" => n::month_offset(a, 0),
            "q" => {
                let (y, q) = n::quarter_offset(a, 0);
                n::quarter_value(y, q)
            }
            "y" => n::year_str(n::year_offset(a, 0)),
            "de" => n::year_str(n::year_offset(a, 0)).chars().take(3).collect(),
            "c" => n::year_str(n::year_offset(a, 0)).chars().take(2).collect(),
            _ => return None,
        })
    }

    /// A period moved by `k` units from the story date: `last week`, `next month`.
    pub(super) fn unit_offset(&self, u: &str, k: i32) -> Option<String> {
        let a = self.cx.anchor;
        Some(match u {
            "d" => a
                .map(|d| d.plus_days(k as i64).value())
                .unwrap_or("XXXX-XX-XX".into()),
            "w" => n::week_offset(a, k as i64),
            "we" => format!("{}-WE", n::week_offset(a, k as i64)),
            "fn" => n::week_offset(a, 2 * k as i64),
            "m" => n::month_offset(a, k),
            "q" => {
                let (y, q) = n::quarter_offset(a, k);
                n::quarter_value(y, q)
            }
            "y" => n::year_str(n::year_offset(a, k)),
            "de" => n::year_str(n::year_offset(a, 10 * k))
                .chars()
                .take(3)
                .collect(),
            "c" => n::year_str(n::year_offset(a, 100 * k))
                .chars()
                .take(2)
                .collect(),
            _ => return None,
        })
    }
}
