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
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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

/// A phrase of `context_cues.tsv`: a channel's (its row, in table order) or an addressee's.
#[derive(Clone, Copy)]
enum Cue {
    Channel(usize),
    To,
}

struct Cues {
    channels: Vec<(Vec<&'static str>, Channel)>,
    /// Every phrase, by its first word: (its words after the first, what it is).
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, Cue)>>,
    stops: HashSet<&'static str>,
    agencies: HashSet<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let words = |p: &'static str| p.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>();
    let mut cues = Cues {
        channels: Vec::new(),
        by_first: HashMap::default(),
        stops: HashSet::default(),
        agencies: HashSet::default(),
    };
    let mut add = |phrase: Vec<&'static str>, cue: Cue| {
        if let Some((first, rest)) = phrase.split_first() {
            cues.by_first
                .entry(first)
                .or_default()
                .push((rest.to_vec(), cue));
        }
    };
    let mut channels = Vec::new();
    for r in rows(include_str!("../lexicon/context_cues.tsv")) {
        match r[..] {
            ["channel", phrase, name] => {
                if let Some(c) = Channel::from_name(name) {
                    add(words(phrase), Cue::Channel(channels.len()));
                    channels.push((words(phrase), c));
                }
            }
            ["to", phrase] => add(words(phrase), Cue::To),
            ["stop", word] => {
                cues.stops.insert(word);
            }
            _ => {}
        }
    }
    cues.channels = channels;
    for r in rows(include_str!("../lexicon/agencies.tsv")) {
        if let Some(alias) = r.first().filter(|a| !a.contains('.')) {
            cues.agencies.insert(alias.to_lowercase());
        }
    }
    cues
});

/// A clause's words, and their lower case (ASCII, so that byte offsets stay the same).
struct Words<'t> {
    text: &'t str,
    clause: Span,
    spans: Vec<Span>,
    lower: String,
}

impl Words<'_> {
    fn len(&self) -> usize {
        self.spans.len()
    }

    /// Word `i`, as written.
    fn word(&self, i: usize) -> &str {
        self.spans[i].slice(self.text)
    }

    /// Word `i` in lower case.
    fn lower(&self, i: usize) -> &str {
        let s = self.spans[i];
        &self.lower[s.start - self.clause.start..s.end - self.clause.start]
    }

    /// The first channel phrase of the table found in words `from..to`, and where the first
    /// addressee phrase found ends.
    fn cues(&self, from: usize, to: usize) -> (Option<usize>, Option<usize>) {
        let (mut channel, mut addressee) = (None::<usize>, None::<usize>);
        for i in from..to {
            let Some(phrases) = CUES.by_first.get(self.lower(i)) else {
                continue;
            };
            for (rest, cue) in phrases {
                let end = i + 1 + rest.len();
                let fits = end <= to
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.lower(i + 1 + k) == *w);
                match cue {
                    Cue::Channel(row) if fits => {
                        channel = Some(channel.map_or(*row, |c| c.min(*row)))
                    }
                    Cue::To if fits && addressee.is_none() => addressee = Some(end),
                    _ => {}
                }
            }
        }
        (channel, addressee)
    }
}

/// The context of each statement of `attribution`, in its order; `dateline` is the story's
/// dateline, which no clause reaches into (its date is the story's, not the statement's).
pub fn read(
    text: &str,
    attribution: &Attribution,
    dates: &[DateMention],
    dateline: Option<Span>,
) -> Vec<Context> {
    attribution
        .statements
        .iter()
        .map(|st| match st.cue {
            Some(cue) => {
                let mut clause = clause(text, cue, st.content);
                if let Some(d) = dateline.filter(|d| d.end <= cue.start) {
                    clause.start = clause.start.max(d.end);
                }
                of_clause(text, clause, cue, attribution, dates)
            }
            None => Context::default(),
        })
        .collect()
}

/// How far from its cue a date may be to say when a statement was said, in bytes (`said on
/// Tuesday`; `told ... in a phone call with US Secretary of State Antony Blinken on Tuesday`).
const DATE_REACH: usize = 80;

/// The context the words of `clause` give a statement with cue `cue`.
fn of_clause(
    text: &str,
    clause: Span,
    cue: Span,
    attribution: &Attribution,
    dates: &[DateMention],
) -> Context {
    let words = Words {
        text,
        clause,
        spans: words(text, clause),
        lower: clause.slice(text).to_ascii_lowercase(),
    };
    let cues = &*CUES;
    let (row, after) = words.cues(0, words.len());
    let mut channel = row.map(|r| cues.channels[r].1);
    let addressee = after.and_then(|a| addressee(&words, a, attribution));
    let agency = addressee
        .as_ref()
        .is_some_and(|a| cues.agencies.contains(&a.name.slice(text).to_lowercase()));
    if agency && matches!(channel, None | Some(Channel::Briefing)) {
        channel = Some(Channel::ViaAgency);
    }
    let distance = |d: Span| d.start.abs_diff(cue.start).min(d.end.abs_diff(cue.end));
    let said_on = (0..dates.len())
        .filter(|&i| {
            let d = &dates[i];
            let day = date_precision(Some(&d.value)) == DatePrecision::Day;
            let near = distance(d.span) <= DATE_REACH;
            d.date_type == DateType::Date && day && near && clause.contains(d.span)
        })
        .min_by_key(|&i| distance(dates[i].span));
    Context {
        addressee,
        channel,
        said_on,
    }
}

/// Whom the clause says the statement was said to: the words from `after` (the end of the
/// first addressee phrase), up to a stop word or a punctuation mark between words, at most
/// six.
fn addressee(words: &Words<'_>, after: usize, attribution: &Attribution) -> Option<Addressee> {
    let cues = &*CUES;
    let text = words.text;
    let mut end = after;
    // `US` is no `us`: a word in capitals is a name
    let stop = |i: usize| {
        let w = words.word(i);
        cues.stops.contains(words.lower(i)) && (w.len() < 2 || w != w.to_uppercase())
    };
    while end < words.len() && end < after + 6 && !stop(end) {
        let gap = Span::new(words.spans[end - 1].end, words.spans[end].start).slice(text);
        if end > after && gap.trim() != "" && gap.trim() != "'s" {
            break;
        }
        end += 1;
    }
    if end == after {
        return None;
    }
    let first = if matches!(words.lower(after), "the" | "a" | "an") {
        after + 1
    } else {
        after
    };
    // `told a news conference`: a channel, not someone
    if first >= end || words.cues(first, end).0.is_some() {
        return None;
    }
    // `told the SEC.`: the full stop ends the sentence, not an abbreviation (`U.S.`)
    let last_word = words.word(end - 1);
    let full_stop = last_word.ends_with('.') && last_word.matches('.').count() == 1;
    let name = Span::new(
        words.spans[first].start,
        words.spans[end - 1].end - usize::from(full_stop),
    );
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

/// The words of `span`: runs of letters, digits, `-`, `'` and non-ASCII letters, and
/// abbreviations in capitals with their stops (`U.S.`).
fn words(text: &str, span: Span) -> Vec<Span> {
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
    let mut start = cue.start;
    while start > floor && !sentence_break(b, start - 1) {
        start -= 1;
    }
    let mut end = cue.end;
    while end < ceiling && !sentence_break(b, end) {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end.max(start))
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
