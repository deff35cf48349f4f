//! Datelines: the place, date and agency credit that open a wire story, in each agency's
//! convention.
//!
//! | convention | example |
//! |---|---|
//! | TASS | `MOSCOW, January 18. /TASS/.`, `IGORA /Leningrad Region/, December 26. /TASS/.` |
//! | Reuters 1987 | `BEVERLY HILLS, Calif., April 1 -` |
//! | Reuters web | `BRUSSELS (Reuters) -`, `LIMA, Jan 21 (Reuters) -` |
//! | AP | `NAIROBI, Kenya (AP) _`, `HAVANA (AP) --`, `JERUSALEM (AP)_` |
//! | Xinhua | `JOHANNESBURG, August 7 (Xinhua) --`, `GAZA, Nov. 8 , 2005 (Xinhua)` |
//! | AFP | `Paris, 21 jan 2019 (AFP) -`, `SEOUL. April 11 , 1997 (AFP)` |
//! | Kyodo | `SAITAMA, Japan, Dec. 9 Kyodo -`, `YILAN, Taiwan (Kyodo) --` |
//! | Yonhap, Interfax | `SEOUL, Oct. 12 (Yonhap) --`, `MOSCOW. April 2 (Interfax) -` |
//! | NYT | `WASHINGTON _`, `NEWARK, N.J. _` |
//!
//! The reader is a small hand-written scanner over one line (bounded by the caller): a place
//! (words in capitals or title case, with a TASS `/Region/`), then comma-separated
//! qualifiers (`Calif.`, `Kenya`), a date, an agency credit (`(AP)`, `/TASS/`, `Kyodo`) and a
//! separator (`-`, `--`, `_`, `—`). A line only counts as a dateline on evidence: a date or an
//! agency credit, or, weaker, a place in capitals followed by a separator.

use super::lex;
use super::text::{char_at, floor_boundary, skip_spaces};
use super::StoryDate;

/// The longest place name, in bytes.
const MAX_PLACE_BYTES: usize = 60;
/// The most words in a place name (`CITY OF COMMERCE`, `LAO CAI PROVINCE`).
const MAX_PLACE_WORDS: usize = 6;
/// The longest agency credit in parentheses or slashes, in bytes.
const MAX_CREDIT_BYTES: usize = 40;

/// A dateline found at the start of a line, in byte offsets relative to that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Dateline {
    /// Where the dateline starts (after leading white space).
    pub start: usize,
    /// The place as written, without qualifiers (`BEVERLY HILLS`, `IGORA /Leningrad Region/`).
    pub place: (usize, usize),
    /// The date, when the dateline gives one.
    pub date: Option<StoryDate>,
    /// The agency credited in the dateline (canonical name when known).
    pub agency: Option<String>,
    /// Where the dateline text ends (after its separator or credit).
    pub end: usize,
    /// Where reading stopped: the body may start here (after white space).
    pub consumed: usize,
    /// True when backed by a date or an agency credit, not only by its shape.
    pub strong: bool,
    /// True when its separator is a plain hyphen (`OSLO, March 3 -`).
    pub hyphen: bool,
}

impl Dateline {
    /// The same dateline with its offsets, relative to a slice, moved by `by` bytes.
    pub(super) fn shifted(mut self, by: usize) -> Dateline {
        for x in [
            &mut self.start,
            &mut self.place.0,
            &mut self.place.1,
            &mut self.end,
            &mut self.consumed,
        ] {
            *x += by;
        }
        self
    }
}

/// How the words of a place are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Every word in capitals: `MEXICO CITY`.
    Caps,
    /// Every word capitalised (connectors aside): `Mexico City`, `Dar es Salaam`.
    Title,
    /// Every word in lower case: `west fargo` (seen in wire copy).
    Lower,
    /// Capitalised first word, lower-case words after it: `La paz`, `Mexico city`.
    Mixed,
}

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
        if !["st", "nd", "rd", "th"]
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
fn year_at(s: &str, i: usize) -> Option<(i32, usize)> {
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
fn read_date_in(s: &str, i: usize, fuzzy: bool) -> Option<(StoryDate, usize)> {
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

/// The end of a place-name word starting at byte `i`: letters and marks, with `.`, `'`, `’`,
/// `&` and inner hyphens (`WINSTON-SALEM`, `N.J.`, `O'SMACH`). A run of ASCII letters, the
/// bulk of a word, is kept without looking around it.
fn word_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    let mut prev: Option<char> = None;
    while let Some(&byte) = b.get(end) {
        if byte.is_ascii_alphabetic() {
            let run = b[end..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            end += run;
            prev = Some(char::from(b[end - 1]));
            continue;
        }
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            match s[end..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        let after = end + c.len_utf8();
        let next = char_at(s, after);
        let next_is_letter = next.is_some_and(char::is_alphabetic);
        let prev_is_letter = prev.is_some_and(char::is_alphabetic);
        let keep = c.is_alphabetic()
            || c == '&'
            // `N.J.`, `ST.`, but not a row of dots.
            || (c == '.' && next != Some('.') && prev != Some('.'))
            // `****LONDON`: wire copy's flash markers stay part of the place.
            || (c == '*' && (end == i || prev == Some('*')))
            || (matches!(c, '\'' | '’' | '-') && next_is_letter && end > i)
            // `DALLAS/FORT WORTH`.
            || (c == '/' && next_is_letter && prev_is_letter);
        if !keep {
            break;
        }
        end = after;
        prev = Some(c);
    }
    end
}

/// A `/.../` or `(...)` group at byte `i` (opening char there): its inner text and end.
fn group_at(s: &str, i: usize, close: char) -> Option<(&str, usize)> {
    let inner_start = i + 1;
    let limit = floor_boundary(s, inner_start + MAX_CREDIT_BYTES);
    let k = s[inner_start..limit].find(close)?;
    let inner = &s[inner_start..inner_start + k];
    (!inner.trim().is_empty()).then_some((inner.trim(), inner_start + k + close.len_utf8()))
}

/// True when an unknown credit looks like an agency name: a few capitalised words.
fn looks_like_agency(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && name.len() <= 30
        && name.chars().next().is_some_and(|c| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '&'))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || lex::place_word(w))
}

/// True when what follows byte `i` is a dateline separator or the end of the line.
fn separator_or_end(s: &str, i: usize) -> bool {
    let k = skip_spaces(s, i);
    match char_at(s, k) {
        None => true,
        Some(c) => is_separator(c) || c == '.' || c == ':',
    }
}

/// True when a separator follows byte `i` (after white space).
fn separator_follows(s: &str, i: usize) -> bool {
    char_at(s, skip_spaces(s, i)).is_some_and(is_separator)
}

/// A short garbled date before a separator (`March 119 -`, `Apri l7 -`, `March 2O -`): where
/// the separator starts. At most three tokens and sixteen bytes, with a digit, and no comma or
/// bracket.
fn garbled_date_end(s: &str, i: usize) -> Option<usize> {
    let limit = floor_boundary(s, i + 16);
    let seg = &s[i..limit];
    let stop = seg.find(|c: char| is_separator(c) || matches!(c, ',' | '(' | ')' | '/'))?;
    let body = &seg[..stop];
    let c = seg[stop..].chars().next()?;
    let first_month = body
        .split_whitespace()
        .next()
        .is_some_and(|w| lex::month(w).is_some());
    let ok = is_separator(c)
        && (first_month || body.chars().any(|c| c.is_ascii_digit()))
        && body.split_whitespace().count() <= 3
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '.');
    ok.then_some(i + stop)
}

/// The end of the run of separator characters starting at byte `i`.
fn separator_end(s: &str, i: usize) -> usize {
    i + s[i..]
        .chars()
        .take_while(|&c| is_separator(c))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Dateline separators: hyphen, dashes, underscore.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '_' | '‒' | '―')
}

/// The most words [`Words`] holds: one more than any `max_words` given to [`words_at`].
const WORDS_CAP: usize = 8;

/// The (start, end) spans of the words [`words_at`] read, kept on the stack: it runs on every
/// line at the top of every story.
#[derive(Debug, Clone, Copy)]
struct Words {
    spans: [(usize, usize); WORDS_CAP],
    len: usize,
}

impl Words {
    /// Adds a word; `false` when full.
    fn push(&mut self, w: (usize, usize)) -> bool {
        match self.spans.get_mut(self.len) {
            Some(slot) => {
                *slot = w;
                self.len += 1;
                true
            }
            None => false,
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [(usize, usize)];
    fn deref(&self) -> &[(usize, usize)] {
        &self.spans[..self.len]
    }
}

/// Reads place-like words from byte `i` (at most `max_words`, below [`WORDS_CAP`]), returning
/// their end, or `None` when there are none; the second value is how they are written.
fn words_at(s: &str, i: usize, max_words: usize) -> Option<(usize, Words)> {
    let mut words = Words {
        spans: [(0, 0); WORDS_CAP],
        len: 0,
    };
    let mut k = i;
    loop {
        let c = char_at(s, k)?;
        if c == '/' && !words.is_empty() {
            // A TASS region: `IGORA /Leningrad Region/`; `/TASS/` itself is the credit.
            match group_at(s, k, '/') {
                Some((inner, e)) if lex::agency(inner).is_none() && looks_like_agency(inner) => {
                    if !words.push((k, e)) {
                        return None;
                    }
                }
                _ => break,
            }
        } else if c.is_alphabetic() || (c == '*' && words.is_empty()) {
            // `LAKE SUCCESS, N.Y. March 3`: a date ends the words.
            if !words.is_empty() && read_date_in(s, k, true).is_some() {
                break;
            }
            let we = word_end(s, k);
            let word = &s[k..we];
            // `MOSCOW. April 2 (Interfax)`: a final full stop before a date ends the place.
            if word.len() > 1 && word.ends_with('.') && !word[..word.len() - 1].contains('.') {
                let after = skip_spaces(s, we);
                if after > we && read_date_in(s, after, true).is_some() {
                    if !words.push((k, we - 1)) {
                        return None;
                    }
                    break;
                }
            }
            if !words.push((k, we)) {
                return None;
            }
        } else {
            break;
        }
        if words.len() > max_words {
            return None;
        }
        let end = words.last().map_or(k, |w| w.1);
        let next = skip_spaces(s, end);
        if next == end || next - end > 2 {
            break;
        }
        match char_at(s, next) {
            Some(c) if c.is_alphabetic() || c == '/' => k = next,
            _ => break,
        }
    }
    let end = words.last()?.1;
    Some((end, words))
}

/// How a list of words is written, or `None` when it is not a place name.
fn case_of(s: &str, words: &[(usize, usize)]) -> Option<Case> {
    let (mut caps, mut upper_words, mut lower_words) = (true, 0, 0);
    let mut first_upper = None;
    let mut upper_after_lower = false;
    for &(a, b) in words {
        let w = &s[a..b];
        if w.starts_with('/') {
            continue;
        }
        let (upper, rest_lower) = if w.is_ascii() {
            // Bytes: no char decoding for the usual ASCII word.
            let b = w.as_bytes();
            let k = b.iter().position(u8::is_ascii_alphabetic)?;
            (
                b[k].is_ascii_uppercase(),
                b[k + 1..].iter().any(u8::is_ascii_lowercase),
            )
        } else {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            let first = letters.next()?;
            (first.is_uppercase(), letters.any(char::is_lowercase))
        };
        if upper {
            upper_words += 1;
            upper_after_lower |= lower_words > 0;
            caps &= !rest_lower;
            first_upper.get_or_insert(true);
        } else if !lex::place_word(w) {
            lower_words += 1;
            caps = false;
            first_upper.get_or_insert(false);
        }
    }
    match (upper_words, lower_words, first_upper) {
        (0, 0, _) => None,
        (_, 0, _) if caps => Some(Case::Caps),
        (_, 0, _) => Some(Case::Title),
        (0, _, _) => Some(Case::Lower),
        (_, _, Some(true)) if !upper_after_lower => Some(Case::Mixed),
        _ => None,
    }
}

/// Reads the dateline at the start of `s` (one line, or the start of one), if there is one.
/// `allow_weak` accepts a place in capitals with a separator but no date or credit
/// (`WASHINGTON _`); such a dateline comes back with `strong` false.
pub(super) fn parse(s: &str, allow_weak: bool) -> Option<Dateline> {
    let start = skip_spaces(s, 0);
    let first = char_at(s, start)?;
    if first == '(' {
        return credit_only(s, start);
    }
    if !first.is_alphabetic() && first != '*' {
        return None;
    }
    let (place_end, words) = words_at(s, start, MAX_PLACE_WORDS)?;
    if place_end - start > MAX_PLACE_BYTES {
        return None;
    }
    let first_word = &s[words[0].0..words[0].1];
    if first_word.eq_ignore_ascii_case("by")
        || lex::month_exact(first_word)
        || (first_word.len() > 3 && lex::weekday(first_word))
        || lex::agency(&s[start..place_end]).is_some()
    {
        return None;
    }
    let case = case_of(s, &words)?;

    let mut date: Option<StoryDate> = None;
    let mut agency: Option<String> = None;
    let mut separator = false;
    let mut qualifiers = 0;
    // A date straight after the place, with no comma (`SARAJEVO April 13`): it must be
    // followed by a credit or separator, as headlines end with dates too (`... ON OCTOBER 16`).
    let mut loose_date = false;
    // A garbled date stood where the date goes (`March 119`).
    let mut garbled = false;
    // The separator was a plain hyphen (`WASHINGTON -`), weaker evidence than `_` or `--`.
    let mut hyphen = false;
    let mut end = place_end;
    let mut i = place_end;
    loop {
        let j = skip_spaces(s, i);
        let Some(c) = char_at(s, j) else { break };
        match c {
            ',' if agency.is_none() => {
                let k = skip_spaces(s, j + 1);
                if char_at(s, k).is_some_and(|c| is_separator(c) || c == '(') {
                    // `CHEVY CHASE, Md., - March 4 -`, `Nov. 22 , 2005, (Xinhua)`
                    i = k;
                    continue;
                }
                if let Some((d, e)) = read_date_in(s, k, true) {
                    date.get_or_insert(d);
                    (i, end) = (e, e);
                } else if let Some((y, e)) = year_at(s, k) {
                    // `Dec 4 , 2006, 2006`: a year repeated or given apart from the date.
                    let Some(d) = date.as_mut() else { break };
                    d.year.get_or_insert(y);
                    (i, end) = (e, e);
                } else if date.is_none() {
                    // `Calif.`, `Kenya`, `N.J.`, `BRITISH COLUMBIA`; `Puerto rico` only after a
                    // place in capitals (`Putin, Xi meet ...` is a headline).
                    let qualifier = words_at(s, k, 4).filter(|(_, q)| {
                        let q_case = case_of(s, q);
                        let q_ok = matches!(q_case, Some(Case::Caps | Case::Title))
                            || (q_case == Some(Case::Mixed) && case == Case::Caps && q.len() <= 2);
                        q_ok && qualifiers < 3 && lex::month(&s[q[0].0..q[0].1]).is_none()
                    });
                    if let Some((e, _)) = qualifier {
                        qualifiers += 1;
                        (i, end) = (e, e);
                    } else if let Some(e) = garbled_date_end(s, k) {
                        // `NEW YORK, March 119 -`: the date is garbled, the dateline stands.
                        garbled = true;
                        i = e;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            '.' => {
                // `MOSCOW. April 2`, `December 26. /TASS/.`
                let k = skip_spaces(s, j + 1);
                if date.is_none() {
                    if let Some((d, e)) = read_date_in(s, k, true) {
                        date = Some(d);
                        (i, end) = (e, e);
                        continue;
                    }
                }
                if agency.is_some() && end == j {
                    end = j + 1;
                }
                i = j + 1;
                if !matches!(char_at(s, k), Some('/' | '(')) {
                    break;
                }
            }
            '(' | '/' if agency.is_none() => {
                let close = if c == '(' { ')' } else { '/' };
                let Some((inner, e)) = group_at(s, j, close) else {
                    break;
                };
                // An unknown name in brackets is a credit only where a credit can stand:
                // after a date or a short place, before a separator (not `(MYR)` closing a
                // headline).
                let unknown_ok = looks_like_agency(inner)
                    && (date.is_some() || (words.len() <= 3 && separator_follows(s, e)));
                match lex::agency(inner).or_else(|| lex::agency_misspelt(inner)) {
                    Some(a) => agency = Some(a.to_string()),
                    None if unknown_ok && separator_or_end(s, e) => {
                        agency = Some(inner.to_string())
                    }
                    None => break,
                }
                (i, end) = (e, e);
            }
            c if is_separator(c) => {
                let k = separator_end(s, j);
                separator = true;
                hyphen = &s[j..k] == "-";
                (i, end) = (k, k);
                // `CHEVY CHASE, Md., - March 4 -`: a date between two separators.
                let after = skip_spaces(s, k);
                let between = date
                    .is_none()
                    .then(|| read_date_in(s, after, true))
                    .flatten();
                if let Some((d, e)) = between {
                    if separator_follows(s, e) {
                        date = Some(d);
                        let k2 = separator_end(s, skip_spaces(s, e));
                        (i, end) = (k2, k2);
                    }
                }
                break;
            }
            c if c.is_alphabetic()
                && date.is_none()
                && case == Case::Caps
                && (qualifiers > 0 || words.len() <= 3)
                && read_date_in(s, j, true).is_some() =>
            {
                loose_date = qualifiers == 0;
                // `WASHINGTON, D.C. March 18 -`, `SARAJEVO April 13`: a date without a comma.
                if let Some((d, e)) = read_date_in(s, j, true) {
                    date = Some(d);
                    (i, end) = (e, e);
                }
            }
            c if c.is_alphabetic() && agency.is_none() => {
                // A bare credit: `SAITAMA, Japan, Dec. 9 Kyodo -`.
                let Some((_, ws)) = words_at(s, j, 3) else {
                    break;
                };
                let found = (0..ws.len()).rev().find_map(|n| {
                    let e = ws[n].1;
                    lex::agency(&s[j..e])
                        .filter(|_| separator_or_end(s, e))
                        .map(|a| (a, e))
                });
                let Some((a, e)) = found else { break };
                agency = Some(a.to_string());
                (i, end) = (e, e);
            }
            _ => break,
        }
    }

    if loose_date && agency.is_none() && !separator {
        return None;
    }
    let strong = date.is_some() || agency.is_some();
    let accepted = match case {
        Case::Caps => {
            // A plain hyphen closes many headlines (`PUTIN, XI MEET - REPORT`); it makes a
            // dateline only with a garbled date or on an indented line (a paragraph start).
            let indented = start > 0;
            strong
                || (allow_weak && separator && words.len() <= 4 && (garbled || !hyphen || indented))
        }
        Case::Title => strong,
        Case::Lower | Case::Mixed => {
            date.is_some() && (separator || agency.is_some()) && words.len() <= 4
        }
    };
    accepted.then(|| Dateline {
        start,
        place: (start, place_end),
        date,
        agency,
        end,
        consumed: i.max(end),
        strong,
        hyphen,
    })
}

/// A dateline that is only a credit and a separator: `(Reuters) - Apple said ...`.
fn credit_only(s: &str, start: usize) -> Option<Dateline> {
    let (inner, e) = group_at(s, start, ')')?;
    let agency = lex::agency(inner)?;
    let sep = skip_spaces(s, e);
    if !char_at(s, sep).is_some_and(is_separator) {
        return None;
    }
    let end = separator_end(s, sep);
    Some(Dateline {
        start,
        place: (start, start),
        date: None,
        agency: Some(agency.to_string()),
        end,
        consumed: end,
        strong: true,
        hyphen: s[sep..end].trim() == "-",
    })
}

/// Looks for a dateline inside a line rather than at its start, as in a story whose headline
/// and dateline were run together (`Talks on security MOSCOW, January 18. /TASS/. ...`): finds
/// an agency credit (`(AP)`, `/TASS/`) in `s` and reads the dateline that ends with it,
/// preferring the longest place in capitals. Returns the dateline with offsets relative to `s`.
pub(super) fn find_inline(s: &str) -> Option<Dateline> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(b'(', b'/', &bytes[from..]) {
        let p = from + k;
        from = p + 1;
        let close = if bytes[p] == b'(' { ')' } else { '/' };
        let Some((inner, _)) = group_at(s, p, close) else {
            continue;
        };
        if lex::agency(inner).is_none() || p == 0 {
            continue;
        }
        // Candidate starts: word starts up to 100 bytes before the credit, nearest first.
        let lo = floor_boundary(s, p.saturating_sub(100));
        let mut best: Option<Dateline> = None;
        for (w, _) in s[lo..p].char_indices().rev() {
            let at = lo + w;
            let starts_word = at == 0 || s[..at].ends_with(|c: char| c.is_whitespace());
            if !starts_word || !char_at(s, at).is_some_and(|c| c.is_uppercase()) {
                continue;
            }
            let Some(d) = parse(&s[at..], false) else {
                continue;
            };
            if d.agency.is_none() || at + d.end <= p {
                continue;
            }
            let caps = s[at + d.place.0..at + d.place.1]
                .chars()
                .all(|c| !c.is_lowercase());
            let d = d.shifted(at);
            // Nearest start first; a start further back wins only with a place in capitals
            // (`MEXICO CITY` over `CITY`).
            if best.is_none() || caps {
                best = Some(d);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
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

    /// (line, place, date, agency, dateline text)
    type Case4 = (
        &'static str,
        &'static str,
        Option<StoryDate>,
        Option<&'static str>,
        &'static str,
    );

    #[test]
    fn datelines() {
        let cases: &[Case4] = &[
            (
                "    SILVER SPRING, Md., - March 4 - Acme said",
                "SILVER SPRING",
                d(None, 3, 4),
                None,
                "SILVER SPRING, Md., - March 4 -",
            ),
            (
                "    MAYAGUEZ, Puerto rico, April 9 -",
                "MAYAGUEZ",
                d(None, 4, 9),
                None,
                "MAYAGUEZ, Puerto rico, April 9 -",
            ),
            (
                "    GREAT NECK, N.Y. March 3 - Acme said",
                "GREAT NECK",
                d(None, 3, 3),
                None,
                "GREAT NECK, N.Y. March 3 -",
            ),
            (
                "    CHICAGO, Narch 2 - Acme said",
                "CHICAGO",
                d(None, 3, 2),
                None,
                "CHICAGO, Narch 2 -",
            ),
            (
                "    Santa cruz, march 18 - a bank said",
                "Santa cruz",
                d(None, 3, 18),
                None,
                "Santa cruz, march 18 -",
            ),
            (
                "****PARIS, June 18 - Prices fell",
                "****PARIS",
                d(None, 6, 18),
                None,
                "****PARIS, June 18 -",
            ),
            (
                "MINNEAPOLIS/ST. PAUL, March 3 - Acme said",
                "MINNEAPOLIS/ST. PAUL",
                d(None, 3, 3),
                None,
                "MINNEAPOLIS/ST. PAUL, March 3 -",
            ),
            (
                "DELFT, the Netherlands, March 31 - Acme said",
                "DELFT",
                d(None, 3, 31),
                None,
                "DELFT, the Netherlands, March 31 -",
            ),
            (
                "MOSCOW, January 18. /TASS/. Russian diplomats met.",
                "MOSCOW",
                d(None, 1, 18),
                Some("TASS"),
                "MOSCOW, January 18. /TASS/.",
            ),
            (
                "IGORA /Leningrad Region/, December 26. /TASS/. The leaders met.",
                "IGORA /Leningrad Region/",
                d(None, 12, 26),
                Some("TASS"),
                "IGORA /Leningrad Region/, December 26. /TASS/.",
            ),
            (
                "    OSLO, March 3 - Norway said on Tuesday",
                "OSLO",
                d(None, 3, 3),
                None,
                "OSLO, March 3 -",
            ),
            (
                "    SAN DIEGO, Calif., April 1 -",
                "SAN DIEGO",
                d(None, 4, 1),
                None,
                "SAN DIEGO, Calif., April 1 -",
            ),
            (
                "   Toronto, Apr 7- The bank said",
                "Toronto",
                d(None, 4, 7),
                None,
                "Toronto, Apr 7-",
            ),
            (
                "    ATHENS , March 3 - Greece",
                "ATHENS",
                d(None, 3, 3),
                None,
                "ATHENS , March 3 -",
            ),
            (
                "    east moline, april 7 - hogs rose",
                "east moline",
                d(None, 4, 7),
                None,
                "east moline, april 7 -",
            ),
            (
                "VIENNA (Reuters) - Ministers met",
                "VIENNA",
                None,
                Some("Reuters"),
                "VIENNA (Reuters) -",
            ),
            (
                "QUITO, Jan 21 (Reuters) - Ecuador said",
                "QUITO",
                d(None, 1, 21),
                Some("Reuters"),
                "QUITO, Jan 21 (Reuters) -",
            ),
            (
                "KAMPALA, Uganda (AP) _ Rebels said",
                "KAMPALA",
                None,
                Some("AP"),
                "KAMPALA, Uganda (AP) _",
            ),
            (
                "BOGOTA (AP) -- The army said",
                "BOGOTA",
                None,
                Some("AP"),
                "BOGOTA (AP) --",
            ),
            (
                "HAIFA (AP)_ Police said",
                "HAIFA",
                None,
                Some("AP"),
                "HAIFA (AP)_",
            ),
            (
                "ACCRA, August 7 (Xinhua) --",
                "ACCRA",
                d(None, 8, 7),
                Some("Xinhua"),
                "ACCRA, August 7 (Xinhua) --",
            ),
            (
                "Lyon, 21 jan 2019 (AFP) - Police said",
                "Lyon",
                d(Some(2019), 1, 21),
                Some("AFP"),
                "Lyon, 21 jan 2019 (AFP) -",
            ),
            (
                "HANOI. April 11 , 1997 (AFP)",
                "HANOI",
                d(Some(1997), 4, 11),
                Some("AFP"),
                "HANOI. April 11 , 1997 (AFP)",
            ),
            (
                "OSAKA, Japan, Dec. 9 Kyodo - A court ruled",
                "OSAKA",
                d(None, 12, 9),
                Some("Kyodo"),
                "OSAKA, Japan, Dec. 9 Kyodo -",
            ),
            (
                "TAINAN, Taiwan (Kyodo) -- Voters",
                "TAINAN",
                None,
                Some("Kyodo"),
                "TAINAN, Taiwan (Kyodo) --",
            ),
            (
                "BUSAN, Oct. 12 (Yonhap) -- A ship",
                "BUSAN",
                d(None, 10, 12),
                Some("Yonhap"),
                "BUSAN, Oct. 12 (Yonhap) --",
            ),
            (
                "KIEV. April 2 (Interfax) - The parliament",
                "KIEV",
                d(None, 4, 2),
                Some("Interfax"),
                "KIEV. April 2 (Interfax) -",
            ),
            (
                "DAR ES SALAAM, Tanzania (AP) _",
                "DAR ES SALAAM",
                None,
                Some("AP"),
                "DAR ES SALAAM, Tanzania (AP) _",
            ),
            (
                "ROME, Dec 13 , 2006, 2006",
                "ROME",
                d(Some(2006), 12, 13),
                None,
                "ROME, Dec 13 , 2006, 2006",
            ),
            (
                "MINSK (Sputnik) - Belarus said",
                "MINSK",
                None,
                Some("Sputnik"),
                "MINSK (Sputnik) -",
            ),
            (
                "TIRANA April 13 , 1997 (AFP)",
                "TIRANA",
                d(Some(1997), 4, 13),
                Some("AFP"),
                "TIRANA April 13 , 1997 (AFP)",
            ),
            (
                "LHASA, Nov. 22 , 2005, (xinhua)",
                "LHASA",
                d(Some(2005), 11, 22),
                Some("Xinhua"),
                "LHASA, Nov. 22 , 2005, (xinhua)",
            ),
            (
                "XIAN, Nov. 26 , 2005 (Xinhau)",
                "XIAN",
                d(Some(2005), 11, 26),
                Some("Xinhua"),
                "XIAN, Nov. 26 , 2005 (Xinhau)",
            ),
        ];
        for &(line, place, date, agency, dl) in cases {
            let got = parse(line, true).unwrap_or_else(|| panic!("no dateline in {line:?}"));
            assert_eq!(&line[got.place.0..got.place.1], place, "{line}");
            assert_eq!(got.date, date, "{line}");
            assert_eq!(got.agency.as_deref(), agency, "{line}");
            assert_eq!(&line[got.start..got.end], dl, "{line}");
        }
    }

    #[test]
    fn weak_and_rejected_datelines() {
        assert!(parse("PUTIN, XI MEET - REPORT", true).is_none());
        let bare = parse("(Reuters) - Acme said on Monday", false).unwrap();
        assert_eq!((bare.place.0, bare.place.1, bare.end), (0, 0, 11));
        assert_eq!(bare.agency.as_deref(), Some("Reuters"));
        assert!(parse("(Undated) - x", true).is_none());
        let weak = [
            ("BOSTON _ The city said", "BOSTON _"),
            ("TRENTON, N.J. _ A judge", "TRENTON, N.J. _"),
            ("    BOSTON, March 187 - Acme said", "BOSTON, March 187 -"),
            ("    DENVER, April - Acme said", "DENVER, April -"),
            ("    AKRON, Ohio - Acme said", "AKRON, Ohio -"),
        ];
        for (line, dl) in weak {
            let got = parse(line, true).unwrap();
            assert!(!got.strong);
            assert_eq!(&line[got.start..got.end], dl);
            assert!(parse(line, false).is_none());
        }
        let not = [
            "WHEAT CROP DAMAGED BY STORMS",
            "Explosions rock embassies in Kenya, Tanzania",
            "Russian Foreign Minister Sergey Lavrov said, on Tuesday",
            "EDITORIAL: A DECISION ON TRADE",
            "By JANE DOE, Associated Press Writer",
            "On March 3, the minister said",
            "The Hague, Netherlands, is the seat",
            "Readout of President Biden’s Call with Prime Minister Kishida",
            "",
            "   ",
            "(Undated)",
            "ACME BUYS STAKE IN BETA (BTA)",
            "Talks on security MOSCOW, January 18. /TASS/.",
            "TANDIL..........MAX TEMP",
            "ACME TO SIGN REFINERY DEAL MARCH 17",
            "BALANCES ROSE ON OCTOBER 16",
            "Putin, Xi to meet January 21",
            "Putin, Xi meet January 21",
            "PUTIN, XI MEET - REPORT",
            "OSLO STOCK PRICES - APRIL 7",
        ];
        for line in not {
            assert!(parse(line, false).is_none(), "{line}");
        }
    }

    #[test]
    fn inline_datelines() {
        let cases = [
            (
                "Talks on security MOSCOW, January 18. /TASS/. Lavrov said",
                "MOSCOW",
                "MOSCOW, January 18. /TASS/.",
            ),
            (
                "Big storm hits MEXICO CITY (AP) _ Rain fell",
                "MEXICO CITY",
                "MEXICO CITY (AP) _",
            ),
        ];
        for (line, place, dl) in cases {
            let got = find_inline(line).unwrap();
            assert_eq!(&line[got.place.0..got.place.1], place);
            assert_eq!(&line[got.start..got.end], dl);
        }
        assert!(find_inline("No credit here, March 3 - nothing").is_none());
    }
}
