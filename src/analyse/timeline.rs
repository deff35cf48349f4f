//! The timeline: dated happenings (calls, talks, meetings, releases, sessions) with their
//! place and participants; and [`merge`], which joins the events of many stories into one
//! timeline.
//!
//! An event is a clause that holds both a concrete date (not a duration, a set or a vague
//! `recently`) and a word naming a happening (`event_nouns.tsv`). Sentences are cut into
//! clauses only between two dates, at a clause break (`;`, `, followed by`, `, and`, ` and a`),
//! so that `talks in Geneva on January 10, followed by a meeting in Brussels on January 12`
//! gives two events. The place is the `in Name` nearest the date; participants are the
//! speakers mentioned in the clause.

use crate::analyse::attribution::Attribution;
use crate::lexicon::Initials;
use crate::output::record::{DateType, Record};
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::parse::paragraphs::{trimmed, Paragraph};
use crate::span::Span;
use serde::Serialize;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// One event found in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFound {
    /// Index of its date in the story's date mentions.
    pub date: usize,
    /// The clause or sentence reporting it.
    pub clause: Span,
    /// Where it took place.
    pub place: Option<String>,
    /// Indices of the speakers taking part.
    pub participants: Vec<usize>,
}

/// Event words (`call`, `talks`, `meeting`...) and happening verbs (`held`, `took`), as a
/// table looked up with each word of a clause, ASCII lower-cased.
struct Words {
    /// Per word (lower case): (an event word, a happening verb).
    kinds: HashMap<&'static [u8], (bool, bool)>,
    /// The first two bytes of the words: most words of a clause are rejected on them, with no
    /// lower-casing and no hashing.
    heads: Initials,
    /// The shortest and longest word, in bytes.
    lengths: (usize, usize),
}

/// The longest word of a clause looked up.
const MAX_WORD: usize = 24;

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut kinds: HashMap<&'static [u8], (bool, bool)> = HashMap::default();
    for row in crate::lexicon::rows(include_str!("../lexicon/event_nouns.tsv")) {
        let Some(&word) = row.first() else { continue };
        // A clause's words are split at anything but letters, digits and `-` (see
        // [`words_of`]) and lower-cased in ASCII: an entry that cannot be such a word never
        // matches.
        let lookable = !word.is_empty()
            && word.len() <= MAX_WORD
            && !word.bytes().any(|b| b.is_ascii_uppercase())
            && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !lookable {
            continue;
        }
        let kind = kinds.entry(word.as_bytes()).or_default();
        if row.get(1) == Some(&"happen") {
            kind.1 = true;
        } else {
            kind.0 = true;
        }
    }
    let heads = Initials::new(kinds.keys().copied());
    let mut lengths = (usize::MAX, 0);
    for w in kinds.keys() {
        lengths = (lengths.0.min(w.len()), lengths.1.max(w.len()));
    }
    Words {
        kinds,
        heads,
        lengths,
    }
});

/// Words that are capitalised but do not start a place name after `in`.
const NOT_PLACES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
    "It",
    "Addition",
    "Particular",
    "Fact",
    "General",
    "Turn",
    "Response",
    "Order",
    "Congress",
    "Parliament",
    "Senate",
    "Court",
    "Government",
    "Office",
    "Power",
    "Part",
    "Accordance",
    "Line",
    "Light",
    "Total",
    "Return",
    "Exchange",
    "Support",
    "Favor",
    "Favour",
    "Principle",
    "Connection",
    "Reply",
    "Time",
    "Case",
    "Spite",
    "View",
    "Terms",
    "Washington's",
    "Group",
];

/// Capitalised words too common in news to tell two events apart.
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Secretary",
    "Vice",
    "King",
    "Chairman",
    "Senior",
    "Former",
    "United",
    "States",
    "Nations",
    "State",
    "National",
    "Minister's",
    "But",
    "And",
    "For",
    "With",
    "After",
    "Meanwhile",
    "However",
    "Officials",
    "Party",
];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "St", "Lt", "Col", "Maj", "Capt", "Sgt",
    "Prof", "Inc", "Corp", "Co", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "vs", "Adm", "Pres", "Amb",
];

/// Builds the events of a story.
pub fn build(
    text: &str,
    metadata: &StoryMetadata,
    paragraphs: &[Paragraph],
    dates: &[DateMention],
    attribution: &Attribution,
) -> Vec<EventFound> {
    // The lead: the story's first real sentence, whose events are the story's own news.
    let mut lead: Option<Span> = None;
    let mut found: Vec<(EventFound, u32)> = Vec::new();
    // Built on the first event only: most stories have none.
    let mut people: Option<Participants> = None;
    // The dates that may date an event, by start: a sentence holding none of them is only
    // split (to find the lead) while there is no lead yet. Sorted here, not taken as sorted,
    // so that the test is exact whatever order the dates come in.
    let mut candidates: Vec<Span> = dates
        .iter()
        .filter(|d| is_concrete(d) && !metadata.dateline.is_some_and(|l| l.overlaps(d.span)))
        .map(|d| d.span)
        .collect();
    if candidates.is_empty() {
        // No date can date an event (the lead only matters for events).
        return Vec::new();
    }
    candidates.sort_unstable();
    // The story date's value, made on the first event only.
    let mut story_value: Option<Option<String>> = None;
    let has_candidate = |given: Span| {
        let first = candidates.partition_point(|c| c.start < given.start);
        candidates[first..]
            .iter()
            .take_while(|c| c.start < given.end)
            .any(|&c| given.contains(c))
    };
    let mut next_date = 0; // dates are in text order; sentences too
    let mut in_sentence: Vec<usize> = Vec::new();
    // Buffers reused from sentence to sentence.
    let mut pieces: Vec<Span> = Vec::new();
    let mut clauses_found: Vec<(Span, usize)> = Vec::new();
    for p in paragraphs {
        for &given in &p.sentences {
            // Skipping a sentence leaves `next_date` behind, but it only ever moves forward to
            // the first date at or after the (rising) sentence start: later sentences bring
            // it to the same place.
            if lead.is_some() && !has_candidate(given) {
                continue;
            }
            sentences(text, given, &mut pieces);
            for &sentence in &pieces {
                if lead.is_none() && more_words_than(sentence.slice(text), 7) {
                    lead = Some(sentence);
                }
                // the dates inside this sentence
                while next_date < dates.len() && dates[next_date].span.start < sentence.start {
                    next_date += 1;
                }
                in_sentence.clear();
                let mut k = next_date;
                while k < dates.len() && dates[k].span.start < sentence.end {
                    if sentence.contains(dates[k].span)
                        && is_concrete(&dates[k])
                        && !metadata.dateline.is_some_and(|d| d.overlaps(dates[k].span))
                    {
                        in_sentence.push(k);
                    }
                    k += 1;
                }
                if in_sentence.is_empty() {
                    continue;
                }
                clauses(text, sentence, &in_sentence, dates, &mut clauses_found);
                for &(clause, date) in &clauses_found {
                    let Some(score) = event_score(clause.slice(text)) else {
                        continue;
                    };
                    let mut place = place_near(text, clause, dates[date].span);
                    let story_value = story_value
                        .get_or_insert_with(|| metadata.date.map(|d| d.value()))
                        .as_deref();
                    let own_news = story_value == Some(dates[date].value.as_str())
                        || lead.is_some_and(|l| l.contains(clause));
                    if place.is_none() && own_news {
                        place = metadata.place.clone();
                    }
                    let participants = people
                        .get_or_insert_with(|| Participants::new(attribution))
                        .in_clause(text, clause);
                    found.push((
                        EventFound {
                            date,
                            clause,
                            place,
                            participants,
                        },
                        score,
                    ));
                }
            }
        }
    }
    dedupe(found, dates)
}

/// Keeps one event per date and place: the clause that reports it best (a `took place` or
/// `was held` over a passing mention), the earlier on ties.
fn dedupe(found: Vec<(EventFound, u32)>, dates: &[DateMention]) -> Vec<EventFound> {
    if found.len() < 2 {
        return found.into_iter().map(|(e, _)| e).collect();
    }
    let mut best: HashMap<(String, Option<String>), usize> = HashMap::default();
    let mut keep = vec![true; found.len()];
    for (i, (e, score)) in found.iter().enumerate() {
        let key = (
            dates[e.date].value.clone(),
            e.place.as_ref().map(|p| p.to_lowercase()),
        );
        match best.get(&key) {
            Some(&j) if found[j].1 >= *score => keep[i] = false,
            Some(&j) => {
                keep[j] = false;
                best.insert(key, i);
            }
            None => {
                best.insert(key, i);
            }
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((e, _), _)| e)
        .collect()
}

/// A date that places an event: a day, a week or a month (`2022-01-18`, `2022-W02`,
/// `XXXX-WXX-2`, `2022-01`), not a year alone (`formed in 1983` dates no happening of the
/// sentence as a rule), a duration, a recurrence or a vague reference.
fn is_concrete(d: &DateMention) -> bool {
    let v = d.value.as_bytes();
    let year = v.len() >= 4 && (v[..4].iter().all(u8::is_ascii_digit) || &v[..4] == b"XXXX");
    let second = v.get(5..7).unwrap_or(b"");
    let finer = v.get(4) == Some(&b'-')
        && (second.iter().all(u8::is_ascii_digit) || second.first() == Some(&b'W'));
    matches!(d.date_type, DateType::Date | DateType::Time) && year && finer
}

/// Splits `span` into sentences: at `.`, `!` or `?` followed by space and a word that does
/// not start in lower case or a digit (not after an abbreviation or an initial), and at
/// blank lines, into `out` (cleared first).
fn sentences(text: &str, span: Span, out: &mut Vec<Span>) {
    out.clear();
    let s = span.slice(text);
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The next line end and the next `.`, `!` or `?` at or after `i`, found with memchr:
    // every other byte is skipped at once.
    let mut next_nl = memchr::memchr(b'\n', b).unwrap_or(b.len());
    let mut next_stop = memchr::memchr3(b'.', b'!', b'?', b).unwrap_or(b.len());
    while i < b.len() {
        if next_nl < i {
            next_nl = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
        }
        if next_stop < i {
            next_stop = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map_or(b.len(), |k| i + k);
        }
        i = next_nl.min(next_stop);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let mut cut = None;
        if c == b'\n' && matches!(b.get(i + 1), Some(b'\n' | b' ' | b'\t')) {
            // a blank line, or an indented line: a new paragraph
            cut = Some(i);
        } else if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            let next_ok = j < b.len() && b[j].is_ascii_whitespace() && {
                let rest = s[j..].trim_start();
                !rest.starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit())
                    && !rest.is_empty()
            };
            if next_ok && !(c == b'.' && abbreviation_before(s, i)) {
                cut = Some(j);
            }
        }
        if let Some(e) = cut {
            let piece = trimmed(text, Span::new(span.start + start, span.start + e));
            if !piece.is_empty() {
                out.push(piece);
            }
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    let piece = trimmed(text, Span::new(span.start + start, span.end));
    if !piece.is_empty() {
        out.push(piece);
    }
}

/// True when `s` has more than `n` words (runs of non-white-space, as `split_whitespace`
/// counts them). ASCII bytes are classed one by one; only other chars are decoded.
fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (white, len) = if c.is_ascii() {
            // `char::is_whitespace` on ASCII: these and the vertical tab, which
            // `u8::is_ascii_whitespace` leaves out.
            (c.is_ascii_whitespace() || c == 0x0B, 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(ch) => (ch.is_whitespace(), ch.len_utf8()),
                None => break,
            }
        };
        if !white && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !white;
        i += len;
    }
    false
}

/// True when the word before the full stop at `dot` is an abbreviation or an initial
/// (`Mr.`, `U.S.`, `J.`).
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map(|k| k + before[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    let last = word.rsplit('.').next().unwrap_or(word);
    (last.len() == 1 && last.chars().all(|c| c.is_uppercase())) || ABBREVIATIONS.contains(&last)
}

/// Clause breaks: where a sentence reporting several dated events may be cut.
const BREAKS: &[&str] = &[
    ";",
    ", followed by",
    ", and ",
    " and a ",
    " and an ",
    " and the ",
    ", while ",
    ", after ",
    ", before ",
    ", when ",
    ", then ",
    " followed by ",
];

/// The last clause break in `s`: where it starts, and its length. Every break starts with `;`,
/// `,` or a space, so only those bytes are tried, from the end: the first break found is the
/// one that starts last (no two breaks can start at one place).
fn last_break(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(k) = memchr::memrchr3(b';', b',', b' ', &b[..end]) {
        // Most spaces start no break: the breaks are compared whole only where one's first
        // two bytes stand.
        let second = b.get(k + 1).copied();
        let may_break = BREAKS.iter().any(|br| {
            let h = br.as_bytes();
            h[0] == b[k] && h.get(1).is_none_or(|&c| Some(c) == second)
        });
        if !may_break {
            end = k;
            continue;
        }
        if let Some(br) = BREAKS.iter().find(|br| b[k..].starts_with(br.as_bytes())) {
            return Some((k, br.len()));
        }
        end = k;
    }
    None
}

/// The clause of each date in a sentence: the sentence cut at the last clause break between
/// each two consecutive dates. Puts in `out` (cleared first) one (clause, date) pair per
/// clause, with the clause's first date.
fn clauses(
    text: &str,
    sentence: Span,
    in_sentence: &[usize],
    dates: &[DateMention],
    out: &mut Vec<(Span, usize)>,
) {
    out.clear();
    let mut push = |from: usize, to: usize| {
        let mut clause = trimmed(text, Span::new(from, to));
        // a clause cut before ", followed by" keeps no trailing comma
        while clause.end > clause.start && text[..clause.end].ends_with([',', ';']) {
            clause.end -= 1;
        }
        if let Some(&d) = in_sentence
            .iter()
            .find(|&&d| clause.contains(dates[d].span))
        {
            out.push((clause, d));
        }
    };
    let mut from = sentence.start;
    for w in in_sentence.windows(2) {
        let (a, b) = (dates[w[0]].span, dates[w[1]].span);
        if a.end >= b.start {
            continue;
        }
        let between = &text[a.end..b.start];
        if let Some((k, len)) = last_break(between) {
            // the break's words (", followed by") go with the later clause
            let at = a.end + k;
            let at = if text[at..at + len].starts_with([',', ';']) {
                at + 1
            } else {
                at
            };
            push(from, at);
            from = at;
        }
    }
    push(from, sentence.end);
}

/// `Some(score)` when the clause names an event: 1, or 2 with a verb of happening.
///
/// The table's words are ASCII, so only runs of ASCII letters, digits and `-` are looked up,
/// when they are whole words (no letter or digit, ASCII or not, on either side): one pass
/// over the bytes, a char decoded only next to a run.
fn event_score(clause: &str) -> Option<u32> {
    let w = &*WORDS;
    let mut event = false;
    let mut happen = false;
    let mut buf = [0u8; MAX_WORD];
    let b = clause.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !joins_ascii(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += crate::ascii::run(&b[i..], true);
        let word = &b[start..i];
        if word.len() < w.lengths.0 || word.len() > w.lengths.1 || !w.heads.may_start(word) {
            continue;
        }
        // The run is maximal, so an ASCII byte next to it joins no word: only a non-ASCII
        // neighbour is decoded.
        let whole = b[..start].last().is_none_or(u8::is_ascii)
            || !clause[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let whole = whole
            && (b.get(i).is_none_or(u8::is_ascii)
                || !clause[i..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric));
        if !whole {
            continue;
        }
        let Some(lower) = crate::lexicon::ascii_lower_bytes(word, &mut buf) else {
            continue;
        };
        if let Some(&(is_event, is_happen)) = w.kinds.get(lower) {
            event |= is_event;
            happen |= is_happen;
            if event && happen {
                break;
            }
        }
    }
    event.then_some(if happen { 2 } else { 1 })
}

/// True for the ASCII bytes that join a word: letters, digits and `-`.
fn joins_ascii(c: u8) -> bool {
    ASCII_JOINS[usize::from(c)]
}

/// The words of `s`: its maximal runs of letters, digits and `-` (any alphanumeric char), each
/// non-empty. ASCII bytes are classed by a table, without decoding chars.
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut i = 0;
    // Whether the char at byte `i` joins a word, and its length; `None` at the end.
    let joins_at = move |i: usize| -> Option<(bool, usize)> {
        let c = *b.get(i)?;
        if c.is_ascii() {
            return Some((joins_ascii(c), 1));
        }
        let ch = s.get(i..)?.chars().next()?;
        Some((ch.is_alphanumeric(), ch.len_utf8()))
    };
    std::iter::from_fn(move || {
        loop {
            let (joins, len) = joins_at(i)?;
            if joins {
                break;
            }
            i += len;
        }
        let start = i;
        while let Some((true, len)) = joins_at(i) {
            i += len;
        }
        Some(&s[start..i])
    })
}

/// Per byte, whether it is an ASCII byte that joins a word: letters, digits and `-`.
const ASCII_JOINS: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'-';
        c += 1;
    }
    t
};

/// A searcher for `in `, built once.
static IN_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("in "));

/// The place named by `in Name` nearest the date (`in Geneva on January 10`).
fn place_near(text: &str, clause: Span, date: Span) -> Option<String> {
    let s = clause.slice(text);
    let mut best: Option<(usize, String)> = None;
    let mut from = 0;
    while let Some(k) = IN_FINDER.find(&s.as_bytes()[from..]) {
        let at = from + k;
        from = at + 3;
        if at > 0
            && s[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let rest = &s[at + 3..];
        let name = place_name(rest);
        if name.is_empty() {
            continue;
        }
        let abs = clause.start + at;
        let dist = if abs < date.start {
            date.start - abs
        } else {
            abs.saturating_sub(date.end)
        };
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, name.to_string()));
        }
    }
    best.map(|(_, n)| n)
}

/// The capitalised words at the start of `rest` that make a place name (`New York`,
/// `Nur-Sultan`); empty when it does not start with one.
fn place_name(rest: &str) -> &str {
    let mut end = 0;
    let mut words = 0;
    for word in rest.split(' ') {
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"']);
        let capital = core.starts_with(|c: char| c.is_uppercase())
            && core
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}');
        let joiner = words > 0 && matches!(core, "de" | "del" | "am" | "upon");
        let bare = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("\u{2019}s"))
            .unwrap_or(core);
        if !(capital || joiner) || NOT_PLACES.contains(&bare) {
            break;
        }
        let start = word.as_ptr() as usize - rest.as_ptr() as usize;
        end = start + core.len();
        words += 1;
        let possessive = core.ends_with("'s") || core.ends_with("\u{2019}s");
        if core.len() != word.len() || words == 4 || possessive {
            break;
        }
    }
    let name = rest[..end].trim_end_matches(|c: char| !c.is_alphabetic());
    // "in Turkey's election": the place is Turkey
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
}

/// Finds the speakers taking part in a clause: a linked mention inside it, or the last word of
/// the speaker's name (`Lavrov`) standing in it as a word.
///
/// Built once per story so that each clause costs a binary search over the mentions and a
/// hash lookup per word, not a pass over every speaker and mention: a long story has many
/// events and many mentions, and scanning all of them per event would be quadratic.
struct Participants<'a> {
    /// Every mention of every speaker, sorted by start: (mention, speaker index).
    mentions: Vec<(Span, usize)>,
    /// Speakers by the last word of their name (three letters or more, capitalised).
    by_surname: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Participants<'a> {
    fn new(attribution: &'a Attribution) -> Participants<'a> {
        let mut mentions = Vec::new();
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, e) in attribution.speakers.iter().enumerate() {
            mentions.extend(e.mentions.iter().map(|&m| (m, i)));
            if let Some(w) = e
                .name
                .split_whitespace()
                .next_back()
                .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()))
            {
                by_surname.entry(w).or_default().push(i);
            }
        }
        mentions.sort_unstable();
        Participants {
            mentions,
            by_surname,
        }
    }

    fn in_clause(&self, text: &str, clause: Span) -> Vec<usize> {
        let mut out = Vec::new();
        let first = self
            .mentions
            .partition_point(|(m, _)| m.start < clause.start);
        for &(m, i) in self.mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < clause.end)
        {
            if clause.contains(m) {
                out.push(i);
            }
        }
        if !self.by_surname.is_empty() {
            for w in words_of(clause.slice(text)) {
                // Surnames are capitalised and three bytes long or more: a word in lower case
                // or a short one is not looked up.
                let lower = w.as_bytes()[0].is_ascii_lowercase();
                if w.len() < 3 || lower {
                    continue;
                }
                if let Some(found) = self.by_surname.get(w) {
                    out.extend(found);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One report of a merged event: which story said it, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSource {
    /// The story's `path`, or `null`.
    pub path: Option<String>,
    /// The story's `id`, or `null`.
    pub id: Option<String>,
    /// The story date (`YYYY-MM-DD` or `XXXX-MM-DD`), or `null`.
    pub story_date: Option<String>,
    /// The date expression as the story wrote it.
    pub date_text: String,
    /// The clause reporting the event.
    pub text: String,
}

/// One event of a timeline built from many stories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedEvent {
    /// The normalised date (a TIMEX3 value).
    pub date: String,
    /// Where it took place, when any report names it.
    pub place: Option<String>,
    /// The names of the speakers taking part, over all reports.
    pub participants: Vec<String>,
    /// Every report of the event, in input order.
    pub sources: Vec<EventSource>,
}

/// Merges the events of many records into one timeline sorted by date (dates without a year
/// after those with one, by month and day). Reports of one event are joined: the same date
/// and, where both name one, the same place, with participant names in common (by surname)
/// or, when neither lists participants, a place both name.
pub fn merge(records: &[Record]) -> Vec<MergedEvent> {
    let mut out: Vec<MergedEvent> = Vec::new();
    let mut surnames: Vec<HashSet<String>> = Vec::new();
    let mut signatures: Vec<HashSet<String>> = Vec::new();
    let mut by_date: HashMap<String, Vec<usize>> = HashMap::default();
    for r in records {
        for e in &r.events {
            let people: Vec<&crate::output::record::Speaker> = e
                .participants
                .iter()
                .filter_map(|id| r.speakers.iter().find(|s| &s.id == id))
                .collect();
            let names: Vec<String> = people.iter().map(|s| s.name.clone()).collect();
            // Only people's surnames identify an event across stories: "officials" or
            // "the ministry" are in every story.
            let keys: HashSet<String> = people
                .iter()
                .filter(|s| s.kind == crate::output::record::SpeakerKind::Person)
                .filter_map(|s| surname(&s.name))
                .collect();
            let place = e.place.as_ref().map(|p| p.trim().to_string());
            let signature = names_in(&e.text, place.as_deref());
            let source = EventSource {
                path: r.path.clone(),
                id: r.id.clone(),
                story_date: r.metadata.date.clone(),
                date_text: e.date_text.clone(),
                text: e.text.clone(),
            };
            let same = by_date.get(&e.date).and_then(|cands| {
                cands.iter().copied().find(|&g| {
                    let m = &out[g];
                    // two events of one story are two events: the story already joined its own
                    if m.sources.iter().any(|s| s.path == r.path && s.id == r.id) {
                        return false;
                    }
                    let places_agree = match (&m.place, &place) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        _ => true,
                    };
                    let overlap = !keys.is_disjoint(&surnames[g]);
                    // without a person in common, the reports must share three names with
                    // the first report (`Indian`, `Moslem`, `Srinagar`): a date and a dateline
                    // city are not enough
                    let shared = signature.intersection(&signatures[g]).take(3).count();
                    places_agree && (overlap || shared >= 3)
                })
            });
            match same {
                Some(g) => {
                    let m = &mut out[g];
                    if m.place.is_none() {
                        m.place = place;
                    }
                    for n in names {
                        // one entry per surname, the fullest name
                        let key = surname(&n);
                        match m.participants.iter_mut().find(|p| surname(p) == key) {
                            Some(p) if p.len() < n.len() => *p = n,
                            Some(_) => {}
                            None => m.participants.push(n),
                        }
                    }
                    m.sources.push(source);
                    surnames[g].extend(keys);
                }
                None => {
                    by_date.entry(e.date.clone()).or_default().push(out.len());
                    out.push(MergedEvent {
                        date: e.date.clone(),
                        place,
                        participants: names,
                        sources: vec![source],
                    });
                    surnames.push(keys);
                    signatures.push(signature);
                }
            }
        }
    }
    // stable: reports of one date keep input order
    out.sort_by_key(|m| date_key(&m.date));
    out
}

/// The capitalised words of an event's text (`Geneva`, `NATO`, `Moslem`), lower-cased, but
/// not its place, dates or sentence-initial function words: what two reports of one event
/// name in common.
fn names_in(text: &str, place: Option<&str>) -> HashSet<String> {
    let place = place.map(str::to_lowercase).unwrap_or_default();
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()))
        .filter(|w| !NOT_PLACES.contains(w) && !TITLES.contains(w))
        .map(str::to_lowercase)
        .filter(|w| !place.split_whitespace().any(|p| p == w))
        .collect()
}

fn surname(name: &str) -> Option<String> {
    name.split_whitespace()
        .next_back()
        .filter(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_uppercase()))
        .map(|w| w.to_lowercase())
}

/// A sort key for a TIMEX3 value: known years first, then year, month, day and the rest
/// (weeks by their Monday, quarters, halves and seasons by their first month).
fn date_key(v: &str) -> (bool, i32, u32, u32, String) {
    let mut parts = v.splitn(3, '-');
    let y = parts.next().unwrap_or("");
    let year = y.parse::<i32>().ok();
    let second = parts.next().unwrap_or("");
    let third = parts.next().unwrap_or("");
    let (month, day) = if let Some(w) = second.strip_prefix('W') {
        match (year, w.parse::<u32>().ok()) {
            (Some(yy), Some(wk)) => {
                chrono::NaiveDate::from_isoywd_opt(yy, wk, chrono::Weekday::Mon)
                    .map(|d| {
                        use chrono::Datelike;
                        (d.month(), d.day())
                    })
                    .unwrap_or((0, 0))
            }
            _ => (0, 0),
        }
    } else if let Some(q) = second.strip_prefix('Q') {
        (
            q.parse::<u32>()
                .map(|q| (q.saturating_sub(1)) * 3 + 1)
                .unwrap_or(0),
            0,
        )
    } else if let Some(h) = second.strip_prefix('H') {
        (
            h.parse::<u32>()
                .map(|h| if h == 2 { 7 } else { 1 })
                .unwrap_or(0),
            0,
        )
    } else {
        let season = match second {
            "SP" => Some(3),
            "SU" => Some(6),
            "FA" => Some(9),
            "WI" => Some(12),
            _ => None,
        };
        match season {
            Some(m) => (m, 0),
            None => {
                let m = second.parse::<u32>().unwrap_or(0);
                let d = third
                    .get(..2)
                    .and_then(|d| d.parse::<u32>().ok())
                    .unwrap_or(0);
                (m, d)
            }
        }
    };
    (year.is_none(), year.unwrap_or(0), month, day, v.to_string())
}

#[cfg(test)]
mod tests;
