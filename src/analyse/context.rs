//! Statements in context: whom a statement was said to (`told the foreign minister`, `in a
//! letter to`), by what channel (`in an interview`, `told reporters`, `on Twitter`, `told
//! TASS`) and on what day (`said on Tuesday`), read from the words of its cue's clause after
//! attribution.
//!
//! The clause is the cue's sentence without the statement's own content: from the cue back
//! to the sentence's start (or the end of the content, when the content comes first) and on
//! to the sentence's end (or the start of the content). Its words are matched against the
//! phrases of `context_cues.tsv`; the first channel row found wins; the words after an
//! addressee phrase, up to a stop word or a punctuation mark, name the addressee; the date
//! mention of the clause nearest the cue that names a day gives `said_on`. A statement with no cue has no
//! context. The work is a few hundred bytes per statement, off the rest of the pipeline.

use crate::analyse::attribution::Attribution;
use crate::analyse::events::date_precision;
use crate::lexicon::rows;
use crate::parse::dates::DateMention;
use crate::span::Span;
use crate::vocab::{Channel, DatePrecision, DateType};
// Fx hash: short trusted keys, several lookups per statement.
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Whom a statement was said to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    /// The words naming it (`the foreign minister`, `reporters`, `TASS`).
    pub name: Span,
    /// Its index in the story's speakers, where it is one.
    pub speaker: Option<usize>,
}

/// The context of one statement; every part `None` when the story does not give it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Whom it was said to.
    pub addressee: Option<Addressee>,
    /// How it was said.
    pub channel: Option<Channel>,
    /// The index in the story's date mentions of the day it was said.
    pub said_on: Option<usize>,
}

/// The cue phrases of `context_cues.tsv` in ASCII lower case, each found by one automaton
/// over a clause's bytes as [`fold`] makes them: the channels' in table order (the first row found wins), the
/// addressees' apart, since `told reporters` is both.
struct Cues {
    channels: Vec<Channel>,
    channel_phrases: AhoCorasick,
    to_phrases: AhoCorasick,
    stops: HashSet<&'static str>,
    agencies: HashSet<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let (mut channels, mut channel_phrases, mut to_phrases) = (Vec::new(), Vec::new(), Vec::new());
    let mut stops = HashSet::default();
    for r in rows(include_str!("../lexicon/context_cues.tsv")) {
        match r[..] {
            ["channel", phrase, name] => {
                if let Some(c) = Channel::from_name(name) {
                    channels.push(c);
                    channel_phrases.push(phrase);
                }
            }
            ["to", phrase] => to_phrases.push(phrase),
            ["stop", word] => {
                stops.insert(word);
            }
            _ => {}
        }
    }
    // Matching lower-case phrases in a lower-case text is matching them ASCII case
    // insensitively, at a quarter of the cost: the automaton's prefilter then skips most
    // bytes of a clause, and so a DFA, ten times as costly to build, would search no faster.
    let automaton = |phrases: &[&str]| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(phrases.iter().map(|p| p.to_ascii_lowercase()))
            .expect("cue phrases")
    };
    let agencies = rows(include_str!("../lexicon/agencies.tsv"))
        .filter_map(|r| {
            r.first()
                .filter(|a| !a.contains('.'))
                .map(|a| a.to_lowercase())
        })
        .collect();
    Cues {
        channels,
        channel_phrases: automaton(&channel_phrases),
        to_phrases: automaton(&to_phrases),
        stops,
        agencies,
    }
});

/// Whether bytes `start..end` of `s` are whole words.
fn whole(s: &[u8], start: usize, end: usize) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b >= 0x80;
    let before = start > 0 && word(&s[start - 1]);
    !before && !s.get(end).is_some_and(word)
}

/// `bytes` in ASCII lower case with every line break and tab a space: a phrase wraps across
/// lines in wire copy (`told a news` / `conference`). In a loop the compiler vectorises;
/// folding folded bytes again changes nothing, so overlapping clauses may both be folded.
fn fold(bytes: &mut [u8]) {
    for b in bytes {
        *b = match b.is_ascii_whitespace() {
            true => b' ',
            false => b.to_ascii_lowercase(),
        };
    }
}

/// The channel of the first row of the table whose phrase is in `span` of the folded text.
fn channel_in(folded: &[u8], span: Span) -> Option<Channel> {
    let s = &folded[span.start..span.end];
    CUES.channel_phrases
        .find_iter(s)
        .filter(|m| whole(s, m.start(), m.end()))
        .map(|m| m.pattern().as_usize())
        .min()
        .map(|row| CUES.channels[row])
}

/// Where the first addressee phrase in `span` of the folded text ends.
fn addressee_phrase(folded: &[u8], span: Span) -> Option<usize> {
    let s = &folded[span.start..span.end];
    CUES.to_phrases
        .find_iter(s)
        .find(|m| whole(s, m.start(), m.end()))
        .map(|m| span.start + m.end())
}

/// The context of each statement of `attribution`, in its order; `dateline` is the story's
/// dateline, which no clause reaches into (its date is the story's, not the statement's).
pub fn read(
    text: &str,
    attribution: &Attribution,
    dates: &[DateMention],
    dateline: Option<Span>,
) -> Vec<Context> {
    let statements = &attribution.statements;
    // The clause of each statement with a cue, and its cue.
    let clauses: Vec<Option<(Span, Span)>> = statements
        .iter()
        .map(|st| {
            let cue = st.cue?;
            let mut clause = clause(text, cue, st.content);
            if let Some(d) = dateline.filter(|d| d.end <= cue.start) {
                clause.start = clause.start.max(d.end);
            }
            Some((clause, cue))
        })
        .collect();
    // Only the clauses are read folded (about a third of the bytes of a Reuters story): the
    // rest of the copy keeps the text's bytes, and is never read.
    let mut folded = Vec::new();
    if clauses.iter().any(Option::is_some) {
        folded = text.as_bytes().to_vec();
        for (clause, _) in clauses.iter().flatten() {
            fold(&mut folded[clause.start..clause.end]);
        }
    }
    let story = Story {
        text,
        folded: &folded,
        attribution,
        dates,
        dates_in_order: dates.is_sorted_by_key(|d| d.span.start),
    };
    clauses
        .iter()
        .map(|c| match *c {
            Some((clause, cue)) => of_clause(&story, clause, cue),
            None => Context::default(),
        })
        .collect()
}

/// How far from its cue a date may be to say when a statement was said, in bytes (`said on
/// Tuesday`; `told ... in a phone call with US Secretary of State Antony Blinken on Tuesday`).
const DATE_REACH: usize = 80;

/// What reading a statement's context needs of its story.
struct Story<'a> {
    text: &'a str,
    /// The text with the bytes of every clause as [`fold`] makes them (empty when no
    /// statement has a cue); the bytes out of the clauses are not folded.
    folded: &'a [u8],
    attribution: &'a Attribution,
    dates: &'a [DateMention],
    /// Whether `dates` are in the order of their starts (as the date rules find them).
    dates_in_order: bool,
}

/// The indices of the date mentions that may lie in `clause`, in their order: those that start
/// in it when the dates are in order of their starts (`in_order`) (two binary searches instead of a test of every date of
/// the story per statement), all of them otherwise.
fn dates_in(dates: &[DateMention], in_order: bool, clause: Span) -> std::ops::Range<usize> {
    if !in_order {
        return 0..dates.len();
    }
    let first = dates.partition_point(|d| d.span.start < clause.start);
    let end = dates.partition_point(|d| d.span.start <= clause.end);
    first..end.max(first)
}

/// The context the words of `clause` give a statement with cue `cue`.
fn of_clause(story: &Story<'_>, clause: Span, cue: Span) -> Context {
    let Story {
        text,
        folded,
        dates,
        ..
    } = *story;
    let cues = &*CUES;
    let mut channel = channel_in(folded, clause);
    let addressee = addressee_phrase(folded, clause)
        .and_then(|after| addressee(story, Span::new(after, clause.end)));
    let agency = addressee
        .as_ref()
        .is_some_and(|a| cues.agencies.contains(&a.name.slice(text).to_lowercase()));
    if agency && matches!(channel, None | Some(Channel::Briefing)) {
        channel = Some(Channel::ViaAgency);
    }
    let distance = |d: Span| d.start.abs_diff(cue.start).min(d.end.abs_diff(cue.end));
    let said_on = dates_in(dates, story.dates_in_order, clause)
        .filter(|&i| {
            let d = &dates[i];
            let near = distance(d.span) <= DATE_REACH && clause.contains(d.span);
            near && d.date_type == DateType::Date
                && date_precision(Some(&d.value)) == DatePrecision::Day
        })
        .min_by_key(|&i| distance(dates[i].span));
    Context {
        addressee,
        channel,
        said_on,
    }
}

/// Whom the clause says the statement was said to: the words at the start of `rest` (the
/// clause after its first addressee phrase), up to a stop word or a punctuation mark between
/// words, at most six.
fn addressee(story: &Story<'_>, rest: Span) -> Option<Addressee> {
    let (text, attribution) = (story.text, story.attribution);
    let cues = &*CUES;
    let words = words(text, rest, 7);
    let mut buf = [0u8; 24];
    // `US` is no `us`: a word in capitals is a name
    let stop = |i: usize, buf: &mut [u8; 24]| {
        let w = words[i].slice(text);
        let lower = crate::lexicon::ascii_lower(w, buf);
        lower.is_some_and(|l| cues.stops.contains(l)) && (w.len() < 2 || w != w.to_uppercase())
    };
    let mut end = 0;
    while end < words.len() && end < 6 && !stop(end, &mut buf) {
        // the gap before the first word is the phrase's own (`told, in Geneva, ...`)
        if end > 0 {
            let gap = Span::new(words[end - 1].end, words[end].start).slice(text);
            if gap.trim() != "" && gap.trim() != "'s" {
                break;
            }
        }
        end += 1;
    }
    let article = |w: &str| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a));
    let first = usize::from(end > 0 && article(words[0].slice(text)));
    if first >= end {
        return None;
    }
    // `told the SEC.`: the full stop ends the sentence, not an abbreviation (`U.S.`)
    let last_word = words[end - 1].slice(text);
    let full_stop = last_word.ends_with('.') && last_word.matches('.').count() == 1;
    let name = Span::new(
        words[first].start,
        words[end - 1].end - usize::from(full_stop),
    );
    // `told a news conference`: a channel, not someone
    if channel_in(story.folded, name).is_some() {
        return None;
    }
    let speakers = &attribution.speakers;
    let last = name.slice(text).rsplit(' ').next().unwrap_or("");
    let speaker = speakers
        .iter()
        .position(|s| s.mentions.iter().any(|m| m.overlaps(name)))
        .or_else(|| {
            let capital = last.starts_with(char::is_uppercase);
            speakers
                .iter()
                .position(|s| capital && s.name.rsplit(' ').next().is_some_and(|w| w == last))
        });
    Some(Addressee { name, speaker })
}

/// The first `most` words of `span`: runs of letters, digits, `-`, `'` and non-ASCII
/// letters, and abbreviations in capitals with their stops (`U.S.`).
fn words(text: &str, span: Span, most: usize) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        // the stops of an abbreviation in capitals are its own (`U.S.`)
        let stop = c == '.' && prev.is_ascii_uppercase() && start.is_some_and(|b| i - b <= 3);
        prev = c;
        let word = c.is_alphanumeric() || c == '-' || stop || (c == '\'' && start.is_some());
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push(Span::new(span.start + b, span.start + i));
                if out.len() == most {
                    return out;
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(Span::new(span.start + b, span.end));
    }
    out
}

/// How far the clause reaches either side of a cue, in bytes.
const REACH: usize = 240;

/// The clause of `cue`: its sentence, without the content of its statement.
fn clause(text: &str, cue: Span, content: Span) -> Span {
    let b = text.as_bytes();
    let floor = if content.end <= cue.start {
        content.end
    } else {
        cue.start.saturating_sub(REACH)
    };
    let ceiling = if content.start >= cue.end {
        content.start
    } else {
        (cue.end + REACH).min(text.len())
    };
    let mut start = last_break(b, floor, cue.start).map_or(floor, |i| i + 1);
    let mut end = first_break(b, cue.end, ceiling).unwrap_or(ceiling);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end.max(start))
}

/// The bytes that [`sentence_break`] may find a sentence's end at. (`memchr` finds them no
/// faster: a clause has a line break every line, and a search for the next one costs more
/// than testing the bytes up to it; [`break_marks`] passes over eight at a time.)
const MAY_BREAK: [bool; 256] = {
    let mut may = [false; 256];
    let bytes = [b'\n', b'"', b'?', b'!', b'.', 0x9c, 0x9d];
    let mut i = 0;
    while i < bytes.len() {
        may[bytes[i] as usize] = true;
        i += 1;
    }
    may
};

/// Whether the byte at `i` may end a sentence and does: only the few bytes of [`MAY_BREAK`]
/// are tested.
fn breaks(b: &[u8], i: usize) -> bool {
    MAY_BREAK[usize::from(b[i])] && sentence_break(b, i)
}

/// Every byte of a 64-bit word set to `byte`.
const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The bytes of `word` that may be [`MAY_BREAK`] bytes, as their high bit (0x80): every byte
/// past ASCII and every byte equal to one of the ASCII ones, and perhaps a few more (a zero
/// test's borrow may mark a byte above a true mark). Eight bytes of a clause with none, most
/// of them, are passed over with one test.
fn break_marks(word: u64) -> u64 {
    let zero = |v: u64| v.wrapping_sub(splat(1)) & !v;
    let ascii = [b'\n', b'"', b'?', b'!', b'.'].map(|c| zero(word ^ splat(c)));
    (word | ascii.iter().fold(0, |any, m| any | m)) & splat(0x80)
}

/// The first byte of `b[from..to]` that ends a sentence ([`breaks`]).
fn first_break(b: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut i = from;
    while i < to {
        let Some(word) = b[i..to].first_chunk::<8>() else {
            return (i..to).find(|&j| breaks(b, j));
        };
        let marks = break_marks(u64::from_le_bytes(*word));
        if marks != 0 {
            // No byte before the lowest mark may end a sentence.
            let first = i + (marks.trailing_zeros() / 8) as usize;
            if let Some(j) = (first..i + 8).find(|&j| breaks(b, j)) {
                return Some(j);
            }
        }
        i += 8;
    }
    None
}

/// The last byte of `b[from..to]` that ends a sentence ([`breaks`]).
fn last_break(b: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut i = to;
    while i > from {
        let Some(word) = b[from..i].last_chunk::<8>() else {
            return (from..i).rev().find(|&j| breaks(b, j));
        };
        if break_marks(u64::from_le_bytes(*word)) != 0 {
            if let Some(j) = (i - 8..i).rev().find(|&j| breaks(b, j)) {
                return Some(j);
            }
        }
        i -= 8;
    }
    None
}

/// Whether the byte at `i` ends a sentence: a paragraph break, a quotation mark, or a full stop,
/// `?` or `!` after a lower-case word of three letters or more (not `Mr.`, not `U.S.`).
fn sentence_break(b: &[u8], i: usize) -> bool {
    match b[i] {
        // a line break ends a paragraph only before a blank line or an indent (wire copy
        // wraps its lines)
        b'\n' => b
            .get(i + 1)
            .is_none_or(|&c| matches!(c, b'\n' | b'\r' | b' ' | b'\t')),
        b'"' => true,
        b'?' | b'!' => true,
        b'.' => {
            let word = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            word >= 3 && b[i - 1].is_ascii_lowercase()
        }
        // the curly quotation marks: the last byte of U+201C and U+201D
        0x9c | 0x9d => i >= 2 && b[i - 2] == 0xe2 && b[i - 1] == 0x80,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
