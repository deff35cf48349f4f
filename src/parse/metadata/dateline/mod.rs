//! Datelines: the place, date and agency credit that open a wire story, in each agency's
//! convention.
//!
//! TASS (`MOSCOW, January 18. /TASS/.`), Reuters 1987 (`BEVERLY HILLS, Calif., April 1 -`),
//! Reuters web, AP, Xinhua, AFP, Kyodo, Yonhap, Interfax and NYT (`NEWARK, N.J. _`): the
//! `CONVENTIONS` table in `tests.rs` holds a dateline of each, with what is read from it, and
//! runs them as tests.
//!
//! The reader is a small hand-written scanner over one line (bounded by the caller): a place
//! (words in capitals or title case, with a TASS `/Region/`), then comma-separated
//! qualifiers (`Calif.`, `Kenya`), a date, an agency credit (`(AP)`, `/TASS/`, `Kyodo`) and a
//! separator (`-`, `--`, `_`, `—`). A line only counts as a dateline on evidence: a date or an
//! agency credit, or, weaker, a place in capitals followed by a separator.

use super::calendar::{read_date_in, year_at};
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
    /// Whether the dateline is a place and a date alone on their line, with no credit and no
    /// separator after them (`Port Selva, 12 April 2027`): the place and date line of an
    /// official document as often as a news story's dateline.
    pub(in crate::parse::metadata) fn is_bare_line(&self, text: &str) -> bool {
        let rest = text.get(self.end..).unwrap_or("");
        let line_rest = rest.split('\n').next().unwrap_or("");
        self.agency.is_none()
            && self.date.is_some()
            && line_rest.trim().is_empty()
            && text
                .get(self.start..self.end)
                .is_some_and(|d| d.trim_end().ends_with(|c: char| c.is_ascii_digit()))
    }
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
///
/// The steps: [`place_at`] reads the place; [`Scan::run`] reads what follows it, one named
/// step per thing that can stand there (qualifier or date after a comma, date after a full
/// stop, credit in brackets, separator, date or credit without a comma); [`Scan::accepted`]
/// weighs the evidence. `STEPS` in `tests.rs` holds an example of each step.
pub(super) fn parse(s: &str, allow_weak: bool) -> Option<Dateline> {
    if surely_none(s) {
        return None;
    }
    read(s, allow_weak)
}

/// [`parse`] without its pre-test: reads the place and what follows it.
fn read(s: &str, allow_weak: bool) -> Option<Dateline> {
    let start = skip_spaces(s, 0);
    let first = char_at(s, start)?;
    if first == '(' {
        return credit_only(s, start);
    }
    if !first.is_alphabetic() && first != '*' {
        return None;
    }
    let mut scan = Scan::after(place_at(s, start)?);
    scan.run(s);
    scan.accepted(allow_weak).then(|| scan.dateline())
}

/// The bytes [`surely_none`] stops at: digits, `(`, `/`, `-`, `_`, `.`, `:`, and any byte but
/// the space and the tab that is no printable ASCII (a dash, a control character).
static EVIDENCE: [bool; 256] = {
    let mut t = [true; 256];
    let mut c = 0x21;
    while c < 0x7f {
        t[c] = matches!(
            c as u8,
            b'0'..=b'9' | b'(' | b'/' | b'-' | b'_' | b'.' | b':'
        );
        c += 1;
    }
    t[b' ' as usize] = false;
    t[b'\t' as usize] = false;
    t
};

/// Whether `s` surely holds no dateline, told before reading it: [`Scan::accepted`] wants a
/// date, a credit or a separator, and each needs a byte most headlines in capitals lack
/// (`BAHIA COCOA REVIEW`): a date its digits, a credit in brackets `(` or `/`, a separator
/// `-`, `_` or a dash past ASCII. Only a bare credit (`... Kyodo`) needs none; it ends the
/// line when no `.`, `:` or separator follows it ([`separator_or_end`]), and it is at most
/// three words ([`Scan::bare_credit`]), so the last three words are looked up.
fn surely_none(s: &str) -> bool {
    if s.bytes().any(|c| EVIDENCE[usize::from(c)]) {
        return false;
    }
    // ASCII from here on: byte offsets are char boundaries
    let b = s.as_bytes();
    let blank = |i: &usize| matches!(b[*i - 1], b' ' | b'\t');
    let end = (0..=b.len())
        .rev()
        .find(|i| *i == 0 || !blank(i))
        .unwrap_or(0);
    let mut k = end;
    for _ in 0..3 {
        let start = (0..=k).rev().find(|i| *i == 0 || blank(i)).unwrap_or(0);
        if lex::agency(&s[start..end]).is_some() {
            return false;
        }
        k = (0..=start)
            .rev()
            .find(|i| *i == 0 || !blank(i))
            .unwrap_or(0);
        if k == 0 {
            break;
        }
    }
    true
}

/// The place that opens a dateline: where it starts and ends, its words and their case.
struct Place {
    start: usize,
    end: usize,
    words: Words,
    case: Case,
}

/// Reads the place at byte `start`, or `None` when the line opens with something that is no
/// place (`By ...`, a month, a weekday, an agency's name) or with no place-like words.
fn place_at(s: &str, start: usize) -> Option<Place> {
    let (end, words) = words_at(s, start, MAX_PLACE_WORDS)?;
    if end - start > MAX_PLACE_BYTES {
        return None;
    }
    let first_word = &s[words[0].0..words[0].1];
    if first_word.eq_ignore_ascii_case("by")
        || lex::month_exact(first_word)
        || (first_word.len() > 3 && lex::weekday(first_word))
        || lex::agency(&s[start..end]).is_some()
    {
        return None;
    }
    let case = case_of(s, &words)?;
    Some(Place {
        start,
        end,
        words,
        case,
    })
}

/// Whether a step of the scan lets it read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Read,
    Stop,
}

/// The scan of what follows the place, and the evidence it gathered.
struct Scan {
    place: Place,
    date: Option<StoryDate>,
    agency: Option<String>,
    /// A separator was read (it ends the scan).
    separator: bool,
    /// How many qualifiers followed the place (`Calif.`, `Kenya`).
    qualifiers: usize,
    /// A date straight after the place, with no comma (`SARAJEVO April 13`): it must be
    /// followed by a credit or separator, as headlines end with dates too (`... ON OCTOBER 16`).
    loose_date: bool,
    /// A garbled date stood where the date goes (`March 119`).
    garbled: bool,
    /// The separator was a plain hyphen (`WASHINGTON -`), weaker evidence than `_` or `--`.
    hyphen: bool,
    /// Where the dateline text ends so far.
    end: usize,
    /// Where reading goes on.
    at: usize,
}

impl Scan {
    /// A scan starting after `place`.
    fn after(place: Place) -> Scan {
        let end = place.end;
        Scan {
            place,
            date: None,
            agency: None,
            separator: false,
            qualifiers: 0,
            loose_date: false,
            garbled: false,
            hyphen: false,
            end,
            at: end,
        }
    }

    /// Reads on to `e`, which also ends the dateline text.
    fn read_to(&mut self, e: usize) -> Next {
        (self.at, self.end) = (e, e);
        Next::Read
    }

    /// Reads what follows the place, a step at a time, until a step stops.
    fn run(&mut self, s: &str) {
        loop {
            let j = skip_spaces(s, self.at);
            let Some(c) = char_at(s, j) else { break };
            let next = match c {
                ',' if self.agency.is_none() => self.comma(s, j),
                '.' => self.full_stop(s, j),
                '(' | '/' if self.agency.is_none() => self.bracketed_credit(s, j, c),
                c if is_separator(c) => self.separator(s, j),
                c if c.is_alphabetic() => self.word(s, j),
                _ => Next::Stop,
            };
            if next == Next::Stop {
                break;
            }
        }
    }

    /// After a comma at `j`: a date, a year, a qualifier, a garbled date, or a separator or
    /// credit after a stray comma (`CHEVY CHASE, Md., - March 4 -`, `Nov. 22 , 2005, (Xinhua)`).
    fn comma(&mut self, s: &str, j: usize) -> Next {
        let k = skip_spaces(s, j + 1);
        if char_at(s, k).is_some_and(|c| is_separator(c) || c == '(') {
            self.at = k;
            return Next::Read;
        }
        if let Some((d, e)) = read_date_in(s, k, true) {
            self.date.get_or_insert(d);
            return self.read_to(e);
        }
        if let Some((y, e)) = year_at(s, k) {
            // `Dec 4 , 2006, 2006`: a year repeated or given apart from the date.
            let Some(d) = self.date.as_mut() else {
                return Next::Stop;
            };
            d.year.get_or_insert(y);
            return self.read_to(e);
        }
        if self.date.is_some() {
            return Next::Stop;
        }
        self.qualifier(s, k)
    }

    /// A qualifier of the place at `k` (`Calif.`, `Kenya`, `N.J.`, `BRITISH COLUMBIA`), or a
    /// garbled date (`NEW YORK, March 119 -`: the date is garbled, the dateline stands).
    fn qualifier(&mut self, s: &str, k: usize) -> Next {
        let case = self.place.case;
        // `Puerto rico` only after a place in capitals (`Putin, Xi meet ...` is a headline).
        let qualifier = words_at(s, k, 4).filter(|(_, q)| {
            let q_case = case_of(s, q);
            let q_ok = matches!(q_case, Some(Case::Caps | Case::Title))
                || (q_case == Some(Case::Mixed) && case == Case::Caps && q.len() <= 2);
            q_ok && self.qualifiers < 3 && lex::month(&s[q[0].0..q[0].1]).is_none()
        });
        if let Some((e, _)) = qualifier {
            self.qualifiers += 1;
            return self.read_to(e);
        }
        match garbled_date_end(s, k) {
            Some(e) => {
                self.garbled = true;
                self.at = e;
                Next::Read
            }
            None => Next::Stop,
        }
    }

    /// After a full stop at `j`: a date (`MOSCOW. April 2`), or the stop closing a date or
    /// credit (`December 26. /TASS/.`).
    fn full_stop(&mut self, s: &str, j: usize) -> Next {
        let k = skip_spaces(s, j + 1);
        if self.date.is_none() {
            if let Some((d, e)) = read_date_in(s, k, true) {
                self.date = Some(d);
                return self.read_to(e);
            }
        }
        if self.agency.is_some() && self.end == j {
            self.end = j + 1;
        }
        self.at = j + 1;
        if matches!(char_at(s, k), Some('/' | '(')) {
            Next::Read
        } else {
            Next::Stop
        }
    }

    /// A credit in brackets or slashes at `j` (`(AP)`, `/TASS/`, a misspelt `(Xinhau)`).
    fn bracketed_credit(&mut self, s: &str, j: usize, open: char) -> Next {
        let close = if open == '(' { ')' } else { '/' };
        let Some((inner, e)) = group_at(s, j, close) else {
            return Next::Stop;
        };
        // A colon after the brackets makes the line a transcript's speaker label naming the
        // asker's outlet (`QUESTION (Reuters): Will ...`), not a dateline with a credit.
        if s[e..].starts_with(':') {
            return Next::Stop;
        }
        match lex::agency(inner).or_else(|| lex::agency_misspelt(inner)) {
            Some(a) => self.agency = Some(a.to_string()),
            None if self.unknown_credit(s, inner, e) => self.agency = Some(inner.to_string()),
            None => return Next::Stop,
        }
        self.read_to(e)
    }

    /// True when an unknown name in brackets ending at `e` is a credit: it looks like an
    /// agency's name and stands where a credit can, after a date or a short place and before
    /// a separator (not `(MYR)` closing a headline).
    fn unknown_credit(&self, s: &str, inner: &str, e: usize) -> bool {
        looks_like_agency(inner)
            && (self.date.is_some() || (self.place.words.len() <= 3 && separator_follows(s, e)))
            && separator_or_end(s, e)
    }

    /// A separator at `j`, which ends the dateline; a date between it and a second one is
    /// the dateline's (`CHEVY CHASE, Md., - March 4 -`).
    fn separator(&mut self, s: &str, j: usize) -> Next {
        let k = separator_end(s, j);
        self.separator = true;
        self.hyphen = &s[j..k] == "-";
        self.read_to(k);
        let after = skip_spaces(s, k);
        let between = self
            .date
            .is_none()
            .then(|| read_date_in(s, after, true))
            .flatten();
        if let Some((d, e)) = between {
            if separator_follows(s, e) {
                self.date = Some(d);
                self.read_to(separator_end(s, skip_spaces(s, e)));
            }
        }
        Next::Stop
    }

    /// A word at `j` with no comma before it: a date after a place in capitals
    /// (`WASHINGTON, D.C. March 18 -`, `SARAJEVO April 13`), else a bare credit.
    fn word(&mut self, s: &str, j: usize) -> Next {
        let may_date = self.date.is_none()
            && self.place.case == Case::Caps
            && (self.qualifiers > 0 || self.place.words.len() <= 3);
        if may_date {
            if let Some((d, e)) = read_date_in(s, j, true) {
                self.loose_date = self.qualifiers == 0;
                self.date = Some(d);
                return self.read_to(e);
            }
        }
        if self.agency.is_some() {
            return Next::Stop;
        }
        self.bare_credit(s, j)
    }

    /// A credit without brackets at `j`, before a separator or the end:
    /// `SAITAMA, Japan, Dec. 9 Kyodo -`.
    fn bare_credit(&mut self, s: &str, j: usize) -> Next {
        let Some((_, ws)) = words_at(s, j, 3) else {
            return Next::Stop;
        };
        let found = (0..ws.len()).rev().find_map(|n| {
            let e = ws[n].1;
            lex::agency(&s[j..e])
                .filter(|_| separator_or_end(s, e))
                .map(|a| (a, e))
        });
        let Some((a, e)) = found else {
            return Next::Stop;
        };
        self.agency = Some(a.to_string());
        self.read_to(e)
    }

    /// True when the evidence makes a dateline: a date or credit (strong), or for a place in
    /// capitals, when `allow_weak`, a separator alone.
    fn accepted(&self, allow_weak: bool) -> bool {
        if self.loose_date && self.agency.is_none() && !self.separator {
            return false;
        }
        let strong = self.strong();
        let words = self.place.words.len();
        match self.place.case {
            Case::Caps => {
                // A plain hyphen closes many headlines (`PUTIN, XI MEET - REPORT`); it makes a
                // dateline only with a garbled date or on an indented line (a paragraph start).
                let indented = self.place.start > 0;
                strong
                    || (allow_weak
                        && self.separator
                        && words <= 4
                        && (self.garbled || !self.hyphen || indented))
            }
            Case::Title => strong,
            Case::Lower | Case::Mixed => {
                self.date.is_some() && (self.separator || self.agency.is_some()) && words <= 4
            }
        }
    }

    /// Backed by a date or an agency credit.
    fn strong(&self) -> bool {
        self.date.is_some() || self.agency.is_some()
    }

    /// The dateline read.
    fn dateline(self) -> Dateline {
        let strong = self.strong();
        Dateline {
            start: self.place.start,
            place: (self.place.start, self.place.end),
            date: self.date,
            agency: self.agency,
            end: self.end,
            consumed: self.at.max(self.end),
            strong,
            hyphen: self.hyphen,
        }
    }
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
mod tests;
