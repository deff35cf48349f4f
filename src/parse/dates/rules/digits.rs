//! The rules on a number in digits: `3 p.m.`, `1990s`, `20th century`, `11 December`, `the
//! 18th of January`, `1988`, `the 1988 second quarter`, `12 years`. They form the group
//! `number` of [`super::table::RULES`], tried in order at the number.

use super::{stop, Out, Out::Pass, Out::Stop};
use crate::parse::dates::grammar::{m, G};
use crate::parse::dates::lexicon::{in_list, List};
use crate::parse::dates::normalise::{self as n, Day};
use crate::parse::dates::tokens::K;
use crate::vocab::DateType;
use DateType::Date as DT;

/// The number token at `j`: its value, number of digits, and whether it has an ordinal
/// suffix (`2nd`), a plural one (`1990s`), and no separators or decimals (`plain`).
struct Num {
    val: u32,
    digits: u8,
    ord: bool,
    plural: bool,
    plain: bool,
}

#[inline]
fn num(g: &G<'_>, j: usize) -> Num {
    match g.t[j].k {
        K::Num {
            val,
            digits,
            ord,
            plural,
            plain,
            ..
        } => Num {
            val,
            digits,
            ord,
            plural,
            plain,
        },
        _ => Num {
            val: 0,
            digits: 0,
            ord: false,
            plural: false,
            plain: false,
        },
    }
}

/// `3 p.m.`, `10 am`: a clock time.
#[inline(always)]
pub(super) fn am_pm(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let x = num(g, j);
    let am_pm = matches!(g.t.get(j + 1).map(|t| t.k), Some(K::AmPm(_)));
    if am_pm && x.plain && !x.ord && x.val <= 12 {
        return stop(g.clock(j));
    }
    Pass
}

/// `0800 UTC`, `1430 GMT`: a clock time in four digits before a zone.
#[inline(always)]
pub(super) fn zone_time(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let x = num(g, j);
    if x.digits == 4
        && x.plain
        && x.val % 100 < 60
        && x.val / 100 < 24
        && g.lex(j + 1).and_then(|l| l.tz).is_some()
    {
        return stop(g.clock(j));
    }
    Pass
}

/// `1990s`; `the 70s` (not `in his 70s`).
#[inline(always)]
pub(super) fn decade(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let x = num(g, j);
    if !(x.plural && x.plain) {
        return Pass;
    }
    if x.digits == 4 && x.val.is_multiple_of(10) {
        return stop(m(j, j + 1, format!("{}", x.val / 10), DT));
    }
    let prev_ok = j > 0
        && (g.wd(j - 1, "the")
            || g.p(j - 1, '\'')
            || g.lex(j - 1).is_some_and(|l| l.modifier.is_some()));
    if x.digits == 2 && x.val.is_multiple_of(10) && prev_ok {
        return stop(m(j, j + 1, format!("19{}", x.val / 10), DT));
    }
    Stop
}

/// `20th century`.
#[inline(always)]
pub(super) fn century(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let x = num(g, j);
    if x.ord && g.unit(j + 1) == Some("c") {
        return stop(m(j, j + 2, format!("{:02}", x.val.saturating_sub(1)), DT));
    }
    Pass
}

/// `11 December`, `11 December 2021`, `11 December, 2021`.
#[inline]
pub(super) fn day_month(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let (Some(d), Some((mo, k))) = (g.day_num(j), g.month_at(j + 1)) else {
        return Pass;
    };
    let mut e = k;
    let mut y = None;
    if let Some(yy) = g.year_num(e) {
        y = Some(yy);
        e += 1;
    } else if g.p(e, ',') && g.year_num(e + 1).is_some() {
        y = g.year_num(e + 1);
        e += 2;
    }
    let y = y.or_else(|| n::resolve_day_year(g.cx.anchor, mo, d, || g.tense(j, e)));
    let Some(date) = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d) else {
        return Stop;
    };
    let day = Day {
        date,
        year_known: y.is_some(),
    };
    stop(g.day_match(j, e, Some(day), day.value(), DT))
}

/// `the 18th of January`.
#[inline]
pub(super) fn ordinal_of_month(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(d) = g.day_num(j) else {
        return Pass;
    };
    if !(num(g, j).ord && g.wd(j + 1, "of")) {
        return Pass;
    }
    let Some((mo, k)) = g.month_at(j + 2) else {
        return Pass;
    };
    let y = n::resolve_day_year(g.cx.anchor, mo, d, || g.tense(j, k));
    let Some(date) = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d) else {
        return Stop;
    };
    let day = Day {
        date,
        year_known: y.is_some(),
    };
    stop(g.day_match(j, k, Some(day), day.value(), DT))
}

/// A year that is an amount or a part of one (`$1990`, `2050%`, `1990 per share`, `3:1990`):
/// no date here.
#[inline(always)]
pub(super) fn money_or_percent(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    if g.year_num(j).is_none() {
        return Pass;
    }
    let prev = j.checked_sub(1).map(|p| g.t[p].k);
    if matches!(prev, Some(K::P('$' | '#' | '\u{a3}' | '\u{20ac}' | ':'))) {
        return Stop;
    }
    let next = g.t.get(j + 1).map(|t| t.k);
    if matches!(next, Some(K::P('%')))
        || g.is_word_text(j + 1, "percent")
        || g.is_word_text(j + 1, "per")
    {
        return Stop;
    }
    Pass
}

/// `the 1988 second quarter`; `the 1988 quarter`, `the 1989 period` (the quarter reported).
#[inline(always)]
pub(super) fn year_quarter(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(y) = g.year_num(j) else {
        return Pass;
    };
    if let Some(q) = g.lex(j + 1).and_then(|l| l.ord) {
        if g.unit(j + 2) == Some("q") {
            let q = if q < 0 { 4 } else { q as u32 };
            if q <= 4 {
                g.note_quarter(Some(y), q);
                return stop(m(j, j + 3, n::quarter_value(Some(y), q), DT));
            }
        }
    }
    if g.unit(j + 1) == Some("q") || g.is_word_text(j + 1, "period") {
        let v = match g.cx.last_quarter {
            Some((_, q)) => n::quarter_value(Some(y), q),
            None => format!("{y:04}"),
        };
        return stop(m(j, j + 2, v, DT));
    }
    Pass
}

/// `2000 years`: a year-shaped count.
#[inline(always)]
pub(super) fn year_count(g: &mut G<'_>, j: usize, the: bool) -> Out {
    if g.year_num(j).is_some() && (g.unit(j + 1).is_some() || g.units(j + 1).is_some()) {
        return stop(g.counted(j, the));
    }
    Pass
}

/// `1988`; outside 1900 to 2100 only after a preposition or a modifier (`in 1066`).
#[inline(always)]
pub(super) fn year(g: &mut G<'_>, j: usize, _the: bool) -> Out {
    let Some(y) = g.year_num(j) else {
        return Pass;
    };
    g.note_year(y);
    if !(1900..=2100).contains(&y) {
        let prev_ok = j.checked_sub(1).and_then(|p| g.lex(p)).is_some_and(|l| {
            l.word.is_some_and(|w| in_list(List::BeforeYear, w)) || l.modifier.is_some()
        });
        if !prev_ok {
            return Stop;
        }
    }
    stop(m(j, j + 1, n::year_str(Some(y)), DT))
}

/// `12 years`, `5 1/2 hours ago`: a count in digits (not an ordinal alone).
#[inline(always)]
pub(super) fn count(g: &mut G<'_>, j: usize, the: bool) -> Out {
    if num(g, j).ord {
        return Stop;
    }
    stop(g.counted(j, the))
}
