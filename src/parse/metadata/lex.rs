//! The metadata reader's word lists, parsed once from `src/lexicon/*.tsv`: agencies and their
//! aliases, calendar words, header keys, place-name connectors and credit lines.

use crate::lexicon::{ascii_lower, ascii_lower_bytes, rows, Initials};
// Fx hash: the keys here are short words, looked up many times per story (every word of the
// first lines), where SipHash's set-up cost dominates. No untrusted key is ever inserted, so a
// keyed hash buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// The longest word lower-cased on the stack by [`ascii_lower`]; longer ones are allocated.
const LOWER_BUF: usize = 64;

/// Agency aliases (lower-cased) to canonical names.
static AGENCIES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/agencies.tsv"))
        .filter(|r| r.len() >= 2)
        .map(|r| (r[0].to_lowercase(), r[1]))
        .collect()
});

/// The [`Initials`] of the agency aliases.
static AGENCY_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(AGENCIES.keys().map(String::as_bytes)));

/// The longest agency alias, in bytes: a longer ASCII name (a headline) is none.
static LONGEST_AGENCY: LazyLock<usize> =
    LazyLock::new(|| AGENCIES.keys().map(String::len).max().unwrap_or(0));

/// A word of ASCII letters (1 to 16 of them) lower-cased and packed into one integer, first
/// letter lowest; `None` for any other word. Calendar words are all such words, so they are
/// compared as numbers: no hashing, no allocation, for the many words of the first lines that
/// are looked up (`pack(w) & 0xff_ffff` is the packed first three letters).
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 || !word.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut buf = [0u8; 16];
    for (o, &b) in buf.iter_mut().zip(word) {
        // `| 0x20` lower-cases an ASCII letter
        *o = b | 0x20;
    }
    Some(u128::from_le_bytes(buf))
}

/// Packed calendar words and their numbers, sorted.
type Calendar = Vec<(u128, u32)>;

/// Packed month and weekday names (see [`pack`]) with their numbers. A name that is not
/// letters only could never match a word and is left out.
static CALENDAR: LazyLock<(Calendar, Calendar)> = LazyLock::new(|| {
    let mut months: Calendar = Vec::new();
    let mut weekdays: Calendar = Vec::new();
    for r in rows(include_str!("../../lexicon/metadata_calendar.tsv")) {
        if r.len() < 3 {
            continue;
        }
        let Ok(n) = r[2].parse::<u32>() else { continue };
        let Some(key) = pack(r[1].to_lowercase().as_bytes()) else {
            continue;
        };
        let list = match r[0] {
            "month" => &mut months,
            "weekday" => &mut weekdays,
            _ => continue,
        };
        // a repeated name: the last number wins
        match list.iter_mut().find(|(k, _)| *k == key) {
            Some(e) => e.1 = n,
            None => list.push((key, n)),
        }
    }
    // sorted, for a binary search
    months.sort_unstable();
    weekdays.sort_unstable();
    (months, weekdays)
});

/// The [`Initials`] of the month names and of the weekday names: most words of the first
/// lines start like none of them, and are rejected before they are packed and searched for.
static CALENDAR_INITIALS: LazyLock<(Initials, Initials)> = LazyLock::new(|| {
    let initials = |list: &Calendar| {
        let words: Vec<[u8; 16]> = list.iter().map(|&(key, _)| key.to_le_bytes()).collect();
        // A packed word ends at its first zero byte.
        Initials::new(
            words
                .iter()
                .map(|w| &w[..w.iter().position(|&b| b == 0).unwrap_or(w.len())]),
        )
    };
    (initials(&CALENDAR.0), initials(&CALENDAR.1))
});

/// The number of a packed calendar word in `list` (sorted).
fn calendar_number(list: &[(u128, u32)], key: u128) -> Option<u32> {
    list.binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| list[i].1)
}

/// Per month number (1-12), its longest spelling (`september`): near-misses are measured
/// against it.
static MONTH_FULL: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut full = vec![String::new(); 13];
    for r in rows(include_str!("../../lexicon/metadata_calendar.tsv")) {
        if r.len() < 3 || r[0] != "month" {
            continue;
        }
        let Ok(n) = r[2].parse::<usize>() else {
            continue;
        };
        if let Some(f) = full.get_mut(n) {
            if r[1].len() >= f.len() {
                *f = r[1].to_lowercase();
            }
        }
    }
    full
});

/// The month names of four letters or more (lower-cased), in file order, with their
/// numbers: what a misspelt month is compared with.
static MONTH_LONG: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_calendar.tsv"))
        .filter(|r| r.len() >= 3 && r[0] == "month" && r[1].len() >= 4)
        .filter_map(|r| Some((r[1].to_lowercase(), r[2].parse::<u32>().ok()?)))
        .collect()
});

/// What a header key gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeaderRole {
    /// The story date.
    Date,
    /// The agency.
    Agency,
    /// The headline.
    Headline,
    /// The byline.
    Byline,
    /// The dateline place.
    Place,
    /// Nothing the reader uses, but a sure sign of a header block.
    Other,
}

/// Known header keys (lower-cased) and their roles.
static HEADERS: LazyLock<HashMap<String, HeaderRole>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_headers.tsv"))
        .filter(|r| r.len() >= 2)
        .map(|r| {
            let role = match r[1] {
                "date" => HeaderRole::Date,
                "agency" => HeaderRole::Agency,
                "headline" => HeaderRole::Headline,
                "byline" => HeaderRole::Byline,
                "place" => HeaderRole::Place,
                _ => HeaderRole::Other,
            };
            (r[0].to_lowercase(), role)
        })
        .collect()
});

/// Lower-case words allowed inside place names.
static PLACE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_place_words.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// Phrases naming the story's own agency (`told AFP`) or citing one (`according to Xinhua`),
/// as an automaton, with their agencies and whether they cite.
#[allow(clippy::type_complexity)]
static SELF_MENTIONS: LazyLock<Option<(aho_corasick::AhoCorasick, Vec<(&'static str, bool)>)>> =
    LazyLock::new(|| {
        let rows: Vec<Vec<&'static str>> =
            rows(include_str!("../../lexicon/metadata_self_mentions.tsv"))
                .filter(|r| r.len() >= 3)
                .collect();
        let automaton = aho_corasick::AhoCorasick::new(rows.iter().map(|r| r[0])).ok()?;
        Some((
            automaton,
            rows.iter().map(|r| (r[1], r[2] == "cite")).collect(),
        ))
    });

/// The agency a story names as its own in `text` (`... told AFP`): the first one named so
/// that the text does not also cite as a source (`according to AFP`).
pub(super) fn self_mention(text: &str) -> Option<&'static str> {
    let (automaton, info) = SELF_MENTIONS.as_ref()?;
    let mut own: Vec<&'static str> = Vec::new();
    let mut cited: Vec<&'static str> = Vec::new();
    for m in automaton.find_iter(text) {
        if let Some(&(agency, cite)) = info.get(m.pattern().as_usize()) {
            if cite {
                cited.push(agency);
            } else {
                own.push(agency);
            }
        }
    }
    own.into_iter().find(|a| !cited.contains(a))
}

/// Page furniture lines (lower-cased prefixes).
static BOILERPLATE: LazyLock<Vec<String>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_boilerplate.tsv"))
        .filter_map(|r| r.first().map(|w| w.to_lowercase()))
        .collect()
});

/// The [`Initials`] of the furniture lines.
static BOILERPLATE_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(BOILERPLATE.iter().map(String::as_bytes)));

/// True when a (trimmed) line is page furniture: `FOR IMMEDIATE RELEASE`, `BRIEFING ROOM`.
pub(super) fn boilerplate(line: &str) -> bool {
    line.len() <= 80
        && BOILERPLATE_INITIALS.may_start(line.as_bytes())
        && BOILERPLATE.iter().any(|p| {
            line.get(..p.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(p))
        })
}

/// Headline openings that name their issuer (`Readout of President ...` -> The White House),
/// lower-cased, longest first.
static ISSUER_TITLES: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(String, &'static str)> =
        rows(include_str!("../../lexicon/metadata_issuer_titles.tsv"))
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0].to_lowercase(), r[1]))
            .collect();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    v
});

/// The issuer a headline's opening names: `Readout of President Caldwell's Call ...` -> The
/// White House.
pub(super) fn issuer_of_title(headline: &str) -> Option<&'static str> {
    let h = headline.trim();
    ISSUER_TITLES
        .iter()
        .find(|(p, _)| {
            h.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p))
                && h[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|&(_, a)| a)
}

/// Labels opening a date line (`Updated`, `Published on`), lower-cased, longest first.
static DATE_LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = rows(include_str!("../../lexicon/metadata_date_labels.tsv"))
        .filter_map(|r| r.first().map(|w| w.to_lowercase()))
        .collect();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});

/// The [`Initials`] of the date labels.
static DATE_LABEL_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(DATE_LABELS.iter().map(String::as_bytes)));

/// The length of the date label opening a (trimmed) line, with a `:` after it: `Updated `,
/// `Published: `; `None` when the line opens with none (or the label runs into a longer word).
pub(super) fn date_label(line: &str) -> Option<usize> {
    if !DATE_LABEL_INITIALS.may_start(line.as_bytes()) {
        return None;
    }
    DATE_LABELS.iter().find_map(|p| {
        let head = line.get(..p.len())?;
        if !head.eq_ignore_ascii_case(p) {
            return None;
        }
        let rest = &line[p.len()..];
        let after = rest.trim_start();
        let after = after.strip_prefix(':').unwrap_or(after);
        (rest.starts_with([' ', ':', '\t'])).then(|| line.len() - after.trim_start().len())
    })
}

/// The agency an e-mail address in a (short) line is at: `jane.roe@wsj.com` -> The Wall
/// Street Journal. `Some(None)` when the line holds an address of no known agency.
pub(super) fn agency_of_email(line: &str) -> Option<Option<&'static str>> {
    let at = line.find('@')?;
    let local = line[..at]
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '<' | '(' | '[' | ':' | ','))
        .next()
        .unwrap_or("");
    let domain = line[at + 1..]
        .split(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | ',' | ';'))
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let ok = !local.is_empty()
        && domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    ok.then(|| agency_of_url(domain))
}

/// How a credit pattern matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CreditKind {
    /// The whole line.
    Line,
    /// The start of the line.
    Prefix,
    /// The end of the line.
    Ends,
    /// The start of a parenthesised group closing the line.
    Paren,
    /// The end of the last line, after a space.
    Suffix,
    /// The start of a line holding an e-mail address, whose domain may name the agency
    /// (`Write to Jane Roe at jane.roe@wsj.com`).
    Mail,
}

/// One credit-line pattern.
#[derive(Debug, Clone)]
pub(super) struct Credit {
    /// The pattern, lower-cased.
    pub pattern: String,
    /// How it matches.
    pub kind: CreditKind,
    /// The agency it names, if any.
    pub agency: Option<&'static str>,
}

/// Credit-line patterns, in file order (first match wins).
static CREDITS: LazyLock<Vec<Credit>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_credits.tsv"))
        .filter(|r| r.len() >= 2)
        .filter_map(|r| {
            let kind = match r[1] {
                "line" => CreditKind::Line,
                "prefix" => CreditKind::Prefix,
                "ends" => CreditKind::Ends,
                "paren" => CreditKind::Paren,
                "suffix" => CreditKind::Suffix,
                "mail" => CreditKind::Mail,
                _ => return None,
            };
            Some(Credit {
                pattern: r[0].to_lowercase(),
                kind,
                agency: r.get(2).copied().filter(|a| !a.is_empty()),
            })
        })
        .collect()
});

/// The canonical agency an alias names (`Reuter` -> `Reuters`), case-insensitively.
pub(super) fn agency(name: &str) -> Option<&'static str> {
    // A name between printable ASCII bytes, not ending in a full stop (nearly always), has
    // nothing to trim: the trims below decode chars from both ends.
    let b = name.as_bytes();
    let trimmed = b.first().is_some_and(u8::is_ascii_graphic)
        && b.last().is_some_and(|&c| c.is_ascii_graphic() && c != b'.');
    let name = if trimmed {
        name
    } else {
        name.trim().trim_end_matches('.').trim()
    };
    if name.is_empty() || name.len() > 60 {
        return None;
    }
    let mut buf = [0u8; LOWER_BUF];
    if name.is_ascii() {
        // ASCII: lower-cased on the stack, the same as `to_lowercase`, and no longer.
        if name.len() > *LONGEST_AGENCY || !AGENCY_INITIALS.may_start(name.as_bytes()) {
            return None;
        }
        return ascii_lower(name, &mut buf).and_then(|n| AGENCIES.get(n).copied());
    }
    AGENCIES.get(&name.to_lowercase()).copied()
}

/// The agency named by the first words of a longer name: `TASS Russian News Agency`.
pub(super) fn agency_leading(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let ends = v
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ';' | '(' | '-'))
        .map(|(i, _)| i)
        .take(3);
    let mut found = None;
    for end in ends {
        if let Some(a) = agency(&v[..end]) {
            found = Some(a);
        }
    }
    found
}

/// The agency a misspelt credit means (`Xinhau`, `Xinhu`): one edit away from an alias of
/// five letters or more, or a cut-short alias of four letters or more.
pub(super) fn agency_misspelt(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    if n.len() < 4 || n.len() > 30 || n.contains('.') {
        return None;
    }
    AGENCIES
        .iter()
        .filter(|(alias, _)| alias.len() >= 5 && !alias.contains('.'))
        .find(|(alias, _)| {
            one_edit(n.as_bytes(), alias.as_bytes()) || alias.starts_with(n.as_str())
        })
        .map(|(_, &a)| a)
}

/// The agency whose web site a URL (or bare host name) is on: `https://tass.com/politics/1`.
pub(super) fn agency_of_url(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let rest = match v.find("://") {
        Some(i) => &v[i + 3..],
        None => v,
    };
    let host = rest
        .split(|c: char| c == '/' || c == '?' || c == '#' || c == ':' || c.is_whitespace())
        .next()?
        .to_lowercase();
    if !host.contains('.') {
        return None;
    }
    let mut h = host.as_str();
    loop {
        if let Some(a) = AGENCIES.get(h) {
            return Some(a);
        }
        match h.find('.') {
            Some(i) if h[i + 1..].contains('.') => h = &h[i + 1..],
            _ => return None,
        }
    }
}

/// The month a word names (`March`, `Dec.`, `SEPT`), allowing the near-misses of wire copy:
/// a word that a month name starts with (`Apri`) or that starts with a month name plus one
/// stray letter (`Junee`).
pub(super) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // A near-miss starts with a name's first three letters, so with its initials too.
    if w.len() < 3 || w.len() > 10 || !CALENDAR_INITIALS.0.may_start(w.as_bytes()) {
        return None;
    }
    // `None` unless the word is ASCII letters only.
    let key = pack(w.as_bytes())?;
    let months = &CALENDAR.0;
    if let Some(m) = calendar_number(months, key) {
        return Some(m);
    }
    let abbr = calendar_number(months, key & 0xff_ffff)?;
    // Near-misses are compared with the month's full name (its longest spelling); a stray
    // extra letter is only forgiven on names long enough not to make `Mayo` a month.
    let full = MONTH_FULL
        .get(abbr as usize)
        .map(String::as_bytes)
        .filter(|f| !f.is_empty())?;
    let w = w.as_bytes();
    // `full` is lower case: comparing it case-insensitively is comparing it with `w`
    // lower-cased
    let shortened =
        full.len() >= w.len() && full[..w.len()].eq_ignore_ascii_case(w) && w.len() >= 4;
    let stray =
        w.len() == full.len() + 1 && w[..full.len()].eq_ignore_ascii_case(full) && full.len() >= 4;
    (shortened || stray).then_some(abbr)
}

/// A misspelt month name, one edit away from a name of four letters or more (`Narch`, `Mach`,
/// `Macrh`, `Juen`, `Jne`). Only for where nothing but a date can stand: before a day number
/// in a dateline.
pub(super) fn month_misspelt(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 10 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 10];
    let w = ascii_lower_bytes(w.as_bytes(), &mut buf)?;
    // In file order: a word one edit from two months (`Juny`) takes the first.
    MONTH_LONG
        .iter()
        .find(|(k, _)| k.len().abs_diff(w.len()) <= 1 && one_edit(w, k.as_bytes()))
        .map(|&(_, m)| m)
}

/// True when `a` and `b` differ by exactly one substitution, insertion, deletion or
/// transposition of neighbours.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// True when the word is exactly a month name or abbreviation (no near-misses).
pub(super) fn month_exact(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // Month names are ASCII letters, and no non-ASCII letter lower-cases to the letters they
    // use.
    w.len() <= 10
        && CALENDAR_INITIALS.0.may_start(w.as_bytes())
        && pack(w.as_bytes()).is_some_and(|k| calendar_number(&CALENDAR.0, k).is_some())
}

/// True when the word names a day of the week (`Tuesday`, `Tue.`).
pub(super) fn weekday(word: &str) -> bool {
    // Most words start like no weekday name: they are rejected before the trim, which leaves
    // the start of a word long enough to be one as it is.
    if !CALENDAR_INITIALS.1.may_start(word.as_bytes()) {
        return false;
    }
    let w = word.trim_end_matches('.').as_bytes();
    if w.len() < 3 || w.len() > 9 {
        return false;
    }
    // `| 0x20` lower-cases an ASCII letter, and makes a lower-case letter of nothing else: a
    // word whose first three bytes are not a weekday's first three letters is none.
    let head = u32::from_le_bytes([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20, 0]);
    WEEKDAY_HEADS.contains(&head)
        && pack(w).is_some_and(|k| calendar_number(&CALENDAR.1, k).is_some())
}

/// The first three letters of the weekday names (`mon`, `tue`, `thu`...), lower-cased, as
/// little-endian numbers: most words are rejected on them, before a search of the names.
static WEEKDAY_HEADS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut heads: Vec<u32> = CALENDAR
        .1
        .iter()
        .filter_map(|&(k, _)| u32::try_from(k & 0xff_ffff).ok())
        .collect();
    heads.sort_unstable();
    heads.dedup();
    heads
});

/// The role of a header key, if it is a known one.
pub(super) fn header_role(key: &str) -> Option<HeaderRole> {
    HEADERS.get(&key.to_lowercase()).copied()
}

/// A small class of words of `metadata_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// The suffixes of an ordinal day (`st`, `nd`, `rd`, `th`).
    Ordinal,
    /// Small words before a date line's date (`am`, `on`, `at`).
    DateFiller,
    /// The lower-case words of an issuing office's name (`of`, `the`).
    OfficeConnector,
    /// How a byline's role ends (`writer`, `correspondent`).
    BylineRole,
}

/// The words of each [`WordClass`], in file order, indexed by the class.
static WORD_CLASSES: LazyLock<[Vec<&'static str>; 4]> = LazyLock::new(|| {
    let mut classes: [Vec<&'static str>; 4] = Default::default();
    for r in rows(include_str!("../../lexicon/metadata_words.tsv")) {
        let class = match r.first().copied() {
            Some("ordinal") => WordClass::Ordinal,
            Some("date_filler") => WordClass::DateFiller,
            Some("office_connector") => WordClass::OfficeConnector,
            Some("byline_role") => WordClass::BylineRole,
            _ => continue,
        };
        if let Some(&word) = r.get(1) {
            classes[class as usize].push(word);
        }
    }
    classes
});

/// The words of a class, lower case.
pub(super) fn words(class: WordClass) -> &'static [&'static str] {
    &WORD_CLASSES[class as usize]
}

/// True when a lower-case word may sit inside a place name (`es` in `Dar es Salaam`).
pub(super) fn place_word(word: &str) -> bool {
    PLACE_WORDS.contains(word)
}

/// The credit-line patterns.
pub(super) fn credits() -> &'static [Credit] {
    &CREDITS
}

/// The credit-line patterns of each kind, in file order: the closing credits of a line of
/// text are of two kinds, looked for in every line read from the bottom.
static CREDITS_BY_KIND: LazyLock<Vec<(CreditKind, Vec<Credit>)>> = LazyLock::new(|| {
    let mut by_kind: Vec<(CreditKind, Vec<Credit>)> = Vec::new();
    for c in CREDITS.iter() {
        match by_kind.iter_mut().find(|(k, _)| *k == c.kind) {
            Some((_, list)) => list.push(c.clone()),
            None => by_kind.push((c.kind, vec![c.clone()])),
        }
    }
    by_kind
});

/// The credit-line patterns of one kind, in file order.
pub(super) fn credits_of(kind: CreditKind) -> &'static [Credit] {
    CREDITS_BY_KIND
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[], |(_, list)| list.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_and_months() {
        let cases = [
            ("Reuter", Some("Reuters")),
            ("REUTERS", Some("Reuters")),
            ("The Associated Press", Some("AP")),
            ("Xinhua", Some("Xinhua")),
            ("ITAR-TASS", Some("TASS")),
            ("Leningrad Region", None),
        ];
        for (name, want) in cases {
            assert_eq!(agency(name), want, "{name}");
        }
        let urls = [
            ("https://tass.com/politics/1389423", Some("TASS")),
            ("https://www.reuters.com/world/x", Some("Reuters")),
            ("http://english.news.cn/20220118/x.htm", Some("Xinhua")),
            ("https://example.org/a", None),
            ("TASS", None),
        ];
        for (url, want) in urls {
            assert_eq!(agency_of_url(url), want, "{url}");
        }
        let months = [
            ("March", Some(3)),
            ("Dec.", Some(12)),
            ("SEPT", Some(9)),
            ("APril", Some(4)),
            ("Junee", Some(6)),
            ("Apri", Some(4)),
            ("Mayor", None),
            ("Marching", None),
            ("Jane", None),
            ("Ma", None),
        ];
        for (w, want) in months {
            assert_eq!(month(w), want, "{w}");
        }
        let misspelt = [
            ("Narch", Some(3)),
            ("Mach", Some(3)),
            ("Macrh", Some(3)),
            ("Mayo", None),
            ("March", None),
        ];
        for (w, want) in misspelt {
            assert_eq!(month_misspelt(w), want, "{w}");
        }
        assert!(weekday("Tuesday") && weekday("tue.") && !weekday("Tuesdays"));
        // Packed lookups: case, stops, non-ASCII and non-letters.
        let calendar = [
            ("JUNE.", Some(6), true, false),
            ("dEc", Some(12), true, false),
            ("Mär", None, false, false),
            ("Jun3", None, false, false),
            ("THURS", None, false, true),
            ("Sat.", None, false, true),
            ("Wedding", None, false, false),
            ("", None, false, false),
        ];
        for (w, m, exact, day) in calendar {
            assert_eq!(
                (month(w), month_exact(w), weekday(w)),
                (m, exact, day),
                "{w:?}"
            );
        }
        assert_eq!(month_misspelt("JUEN"), Some(6));
    }

    #[test]
    fn issuers_labels_and_addresses() {
        let titles = [
            (
                "Readout of President Marlow’s Call with the King",
                Some("The White House"),
            ),
            (
                "READOUT OF THE VICE PRESIDENT’S MEETING",
                Some("The White House"),
            ),
            (
                "Statement from Press Secretary Dana Vell",
                Some("The White House"),
            ),
            ("Readout of Presidential Envoy’s Visit", None),
            ("Readout of the Minister’s Call", None),
            ("President says talks went well", None),
        ];
        for (t, want) in titles {
            assert_eq!(issuer_of_title(t), want, "{t}");
        }
        let labels = [
            ("Updated 9:15 PM EDT, Wed June 5, 2024", Some(8)),
            ("Published: 3 March 2024", Some(11)),
            ("Posted on March 3, 2024", Some(10)),
            ("Postedon March 3", None),
            ("Updates follow", None),
            ("Date line", Some(5)),
        ];
        for (t, want) in labels {
            assert_eq!(date_label(t), want, "{t}");
        }
        let mails = [
            (
                "Write to Jane Roe at jane.roe@wsj.com",
                Some(Some("The Wall Street Journal")),
            ),
            ("<jroe@reuters.com>", Some(Some("Reuters"))),
            ("ann.lee@bbc.co.uk.", Some(Some("BBC"))),
            ("Contact: desk@example.org", Some(None)),
            ("Meet @ noon", None),
            ("user@localhost", None),
        ];
        for (t, want) in mails {
            assert_eq!(agency_of_email(t), want, "{t}");
        }
    }

    #[test]
    fn word_classes() {
        let cases = [
            (WordClass::Ordinal, "rd", true),
            (WordClass::Ordinal, "on", false),
            (WordClass::DateFiller, "p.m.", true),
            (WordClass::DateFiller, "of", false),
            (WordClass::OfficeConnector, "the", true),
            (WordClass::OfficeConnector, "am", false),
            (WordClass::BylineRole, "correspondent", true),
            (WordClass::BylineRole, "th", false),
        ];
        for (class, word, want) in cases {
            assert_eq!(words(class).contains(&word), want, "{class:?} {word}");
        }
    }
}
