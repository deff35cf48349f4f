//! Calendar dates as the top of a story writes them: in datelines (`March 3`, `Dec. 9`,
//! `21 jan 2019`, `April 3 , 1997`), on date lines (`Tuesday, January 18, 2022`) and in
//! header values (`2022-01-18`). Month and weekday names come from `metadata_calendar.tsv`
//! through [`super::lex`].

use super::lex::{self, WordClass};
use super::text::{char_at, floor_boundary, skip_spaces};
use super::StoryDate;

/// The end of the ASCII letters from byte `i`.
fn alpha_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut e = i;
    while b.get(e).is_some_and(u8::is_ascii_alphabetic) {
        e += 1;
    }
    e
}

/// The end of the ASCII digits from byte `i`.
fn digit_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut e = i;
    while b.get(e).is_some_and(u8::is_ascii_digit) {
        e += 1;
    }
    e
}

/// The number of days in a month (February has 29 when the year is unknown).
fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// A valid date, or `None`.
fn make_date(year: Option<i32>, month: u32, day: u32) -> Option<StoryDate> {
    (day >= 1 && day <= days_in_month(year, month)).then_some(StoryDate { year, month, day })
}

/// A day of the month at byte `i` (`3`, `21`, `3rd`), and where it ends.
fn day_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let e = digit_end(s, i);
    if e == i || e - i > 2 {
        return None;
    }
    let day: u32 = s[i..e].parse().ok()?;
    let mut end = e;
    let suffix = alpha_end(s, e);
    if suffix > e {
        let w = &s[e..suffix];
        if !lex::words(WordClass::Ordinal)
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        {
            return None;
        }
        end = suffix;
    }
    Some((day, end))
}

/// A four-digit year at byte `i` (1800-2200), and where it ends.
pub(super) fn year_at(s: &str, i: usize) -> Option<(i32, usize)> {
    let e = digit_end(s, i);
    if e - i != 4 {
        return None;
    }
    let y: i32 = s[i..e].parse().ok()?;
    (1800..=2200).contains(&y).then_some((y, e))
}

/// An optional year after a month and day: ` 2019`, `, 1997`, ` , 2005`.
fn year_after(s: &str, i: usize) -> (Option<i32>, usize) {
    let mut k = skip_spaces(s, i);
    if s[k..].starts_with(',') {
        k = skip_spaces(s, k + 1);
    }
    match year_at(s, k) {
        Some((y, e)) if k > i => (Some(y), e),
        _ => (None, i),
    }
}

/// An ISO-style date at byte `i`: `2022-01-18`, `2022/1/18`.
fn iso_at(s: &str, i: usize) -> Option<(StoryDate, usize)> {
    let (y, e) = year_at(s, i)?;
    let sep = char_at(s, e).filter(|&c| c == '-' || c == '/')?;
    let me = digit_end(s, e + 1);
    if me == e + 1 || me - e - 1 > 2 || char_at(s, me) != Some(sep) {
        return None;
    }
    let de = digit_end(s, me + 1);
    if de == me + 1 || de - me - 1 > 2 {
        return None;
    }
    let month: u32 = s[e + 1..me].parse().ok()?;
    let day: u32 = s[me + 1..de].parse().ok()?;
    make_date(Some(y), month, day).map(|d| (d, de))
}

/// A month name at byte `i` (`March`, `Dec.`), and where it ends (after its `.`). `fuzzy`
/// also takes a misspelt full name (`Narch`, `Macrh`) where only a date can stand.
fn month_at(s: &str, i: usize, fuzzy: bool) -> Option<(u32, usize)> {
    let e = alpha_end(s, i);
    if e == i {
        return None;
    }
    let w = &s[i..e];
    let m = lex::month(w).or_else(|| fuzzy.then(|| lex::month_misspelt(w)).flatten())?;
    let end = if s[e..].starts_with('.') { e + 1 } else { e };
    Some((m, end))
}

/// Reads a date at byte `i` of `s`: `March 3`, `Dec. 9`, `December 26`, `21 jan 2019`,
/// `April 3 , 1997`, `Tuesday, January 18, 2022`, `2022-01-18`; returns it and where it ends.
pub(super) fn read_date(s: &str, i: usize) -> Option<(StoryDate, usize)> {
    read_date_in(s, i, false)
}

/// [`read_date`], taking misspelt month names too when `fuzzy` (inside a dateline, where a
/// word followed by a day number can only be a month).
pub(super) fn read_date_in(s: &str, i: usize, fuzzy: bool) -> Option<(StoryDate, usize)> {
    let mut j = i;
    // `we`: the end of the letters at `j`.
    let mut we = alpha_end(s, j);
    if we > j && lex::weekday(&s[j..we]) {
        let mut k = if s[we..].starts_with('.') { we + 1 } else { we };
        k = skip_spaces(s, k);
        if s[k..].starts_with(',') {
            k = skip_spaces(s, k + 1);
        }
        j = k;
        we = alpha_end(s, j);
    }
    // Every form below starts with a digit, or with a month name followed (after an optional
    // `.` and spaces) by a day number: a word with no digit after it is no date, and is not
    // looked up (most words of a line that is no dateline).
    let b = s.as_bytes();
    match b.get(j) {
        Some(c) if c.is_ascii_digit() => {}
        Some(c) if c.is_ascii_alphabetic() => {
            let m = if b.get(we) == Some(&b'.') { we + 1 } else { we };
            if !b.get(skip_spaces(s, m)).is_some_and(u8::is_ascii_digit) {
                return None;
            }
        }
        _ => return None,
    }
    if let Some(found) = iso_at(s, j) {
        return Some(found);
    }
    if let Some((month, me)) = month_at(s, j, fuzzy) {
        let k = skip_spaces(s, me);
        if k == me && !s[j..me].ends_with('.') {
            return None;
        }
        let (day, de) = day_at(s, k)?;
        if char_at(s, de).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let (year, end) = year_after(s, de);
        return make_date(year, month, day).map(|d| (d, end));
    }
    let (day, de) = day_at(s, j)?;
    let k = skip_spaces(s, de);
    if k == de {
        return None;
    }
    let (month, me) = month_at(s, k, fuzzy)?;
    if char_at(s, me).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let (year, end) = year_after(s, me);
    make_date(year, month, day).map(|d| (d, end))
}

/// Parses a free-standing date value (a `Date:` header, a date line): ISO forms, possibly with
/// a time after them, or the written forms [`read_date`] knows.
pub(super) fn parse_date_value(value: &str) -> Option<StoryDate> {
    let v = value.trim();
    let v = &v[..floor_boundary(v, 80)];
    let (date, _) = read_date(v, 0)?;
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: Option<i32>, month: u32, day: u32) -> Option<StoryDate> {
        Some(StoryDate { year, month, day })
    }

    #[test]
    fn dates() {
        let cases = [
            ("March 3 - x", d(None, 3, 3), "March 3"),
            ("Dec. 9 Kyodo", d(None, 12, 9), "Dec. 9"),
            ("December 26. /TASS/.", d(None, 12, 26), "December 26"),
            ("21 jan 2019 (AFP)", d(Some(2019), 1, 21), "21 jan 2019"),
            (
                "April 3 , 1997 (AFP)",
                d(Some(1997), 4, 3),
                "April 3 , 1997",
            ),
            (
                "Tuesday, January 18, 2022",
                d(Some(2022), 1, 18),
                "Tuesday, January 18, 2022",
            ),
            ("2022-01-18T10:00:00Z", d(Some(2022), 1, 18), "2022-01-18"),
            ("JUne 15 -", d(None, 6, 15), "JUne 15"),
            ("Feb 30 -", None, ""),
            ("March 2000 troops", None, ""),
            ("3 pct", None, ""),
        ];
        for (s, want, text) in cases {
            let got = read_date(s, 0);
            assert_eq!(got.map(|g| g.0), want, "{s}");
            if let Some((_, e)) = got {
                assert_eq!(&s[..e], text, "{s}");
            }
        }
    }
}
