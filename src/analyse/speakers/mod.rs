//! Speaker entities: every mention of one real-world source grouped under one canonical name.
//!
//! Each speaker mention the attribution finds is read into a name, a title and a head noun,
//! then resolved against the speakers met so far:
//!
//! - a named person by surname (`Lavrov` joins `Russian Foreign Minister Sergey Lavrov`,
//!   unless both give different first names);
//! - a named organisation by its name without articles;
//! - a definite description by its head noun against the most recent compatible speaker
//!   (`the minister` -> the last person titled minister; `the diplomatic agency` -> the last
//!   organisation of the ministry class; `the statement` -> the last organisation);
//! - a pronoun by the most recent compatible speaker (`he` -> a person, `it` -> an
//!   organisation, `they` -> a group or organisation);
//! - an indefinite description (`a Western diplomat`, `sources`) is a new source.
//!
//! Resolution looks only at a small window of recently used speakers and at hash maps, so it
//! is linear in the number of mentions. The canonical name is the fullest name used.

mod identity;
mod key;
mod mention;
mod resolver;

pub use identity::{identify, Identity};
pub use resolver::Resolver;

use mention::words;

use crate::lexicon::{ascii_lower_bytes, Initials};
use crate::span::Span;
use crate::text::{WordFilter, WordSet};
use crate::vocab::SpeakerKind;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// One source with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest name the story uses.
    pub name: String,
    /// Person, organization, group or unknown.
    pub kind: SpeakerKind,
    /// Title or role, where given.
    pub title: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Span>,
}

/// What a speaker noun heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NounKind {
    Person,
    Org,
    Doc,
    Group,
}

struct Noun {
    kind: NounKind,
    class: Option<&'static str>,
}

static NOUNS: LazyLock<HashMap<String, Noun>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/speaker_nouns.tsv")) {
        let Some(&word) = row.first() else { continue };
        let kind = match row.get(1).copied() {
            Some("person") => NounKind::Person,
            Some("org") => NounKind::Org,
            Some("doc") => NounKind::Doc,
            Some("group") => NounKind::Group,
            _ => continue,
        };
        let class = row.get(2).copied().filter(|c| !c.is_empty());
        m.entry(word.to_string()).or_insert(Noun { kind, class });
    }
    m
});

/// The bit filter of the nouns: most words asked (`noun` is asked of the head of every
/// mention, and of its singular) are ruled out with one bit test.
static NOUN_FILTER: LazyLock<WordFilter> =
    LazyLock::new(|| WordFilter::new(NOUNS.keys().map(|w| w.as_bytes())));

/// The lexicon entry of a (lower-case) noun as written.
fn noun_entry(word: &str) -> Option<&'static Noun> {
    if !NOUN_FILTER.may_contain(word.as_bytes()) {
        return None;
    }
    NOUNS.get(word)
}

/// Words that may stand before a name without being part of it: titles and the person nouns
/// of the speaker lexicon, in one set so that a word costs one look-up, behind the set's bit
/// filter (most words asked are names, ruled out with one bit test).
static TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set: HashSet<&'static [u8]> =
        crate::lexicon::rows(include_str!("../../lexicon/titles.tsv"))
            .filter_map(|r| r.first().map(|w| w.as_bytes()))
            .collect();
    for row in crate::lexicon::rows(include_str!("../../lexicon/speaker_nouns.tsv")) {
        // The first row of a word decides its kind, as in `NOUNS`.
        if let Some(&word) = row.first() {
            if NOUNS.get(word).is_some_and(|n| n.kind == NounKind::Person) {
                set.insert(word.as_bytes());
            }
        }
    }
    WordSet::new(set.into_iter())
});

/// Lower-case `word` for a look-up: in `buf`, without allocating, when it is short ASCII (the
/// usual case), else with `to_lowercase` (which may change non-ASCII letters and lengths).
pub(super) fn lower<'b, 'w: 'b>(word: &'w str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    // A word already in lower-case ASCII (the head noun of most descriptions) is its own.
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(word);
    }
    if word.is_ascii() {
        if let Some(w) = crate::lexicon::ascii_lower(word, buf) {
            return Cow::Borrowed(w);
        }
    }
    Cow::Owned(word.to_lowercase())
}

/// `s.to_lowercase()`: by the ASCII table when `s` is ASCII (nearly always), which gives the
/// same string without reading it char by char.
pub(super) fn lower_string(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Whether `s` in lower case holds `part` (lower case), without lower-casing a copy of an
/// ASCII `s`: no other byte of a lower-case `part` equals an ASCII letter's lower case.
pub(super) fn lower_contains(s: &str, part: &str) -> bool {
    if !s.is_ascii() {
        return s.to_lowercase().contains(part);
    }
    part.is_empty()
        || s.as_bytes()
            .windows(part.len())
            .any(|w| w.eq_ignore_ascii_case(part.as_bytes()))
}

/// The lexicon entry for a (lower-case) noun, with plurals read as groups.
pub(super) fn noun(word: &str) -> Option<(NounKind, Option<&'static str>)> {
    if let Some(n) = noun_entry(word) {
        return Some((n.kind, n.class));
    }
    // The singular is built on the stack: most words that end in `s` are looked up again.
    let mut buf = [0u8; 32];
    let singular = if let Some(stem) = word.strip_suffix("ies") {
        joined(stem, "y", &mut buf)
    } else if let Some(stem) = word.strip_suffix("men") {
        joined(stem, "man", &mut buf)
    } else {
        Cow::Borrowed(word.strip_suffix('s')?)
    };
    let n = noun_entry(singular.as_ref())?;
    Some(match n.kind {
        NounKind::Person => (NounKind::Group, None),
        k => (k, n.class),
    })
}

/// [`noun`] of `word` lower-cased. An ASCII word that can be neither a noun of the lexicon
/// (its filter bit unset) nor a plural (no `s` or `men` ending) is ruled out before it is
/// lower-cased: most words asked are the last words of names.
pub(super) fn noun_of(word: &str) -> Option<(NounKind, Option<&'static str>)> {
    let b = word.as_bytes();
    let plural = b.last().is_some_and(|c| c.eq_ignore_ascii_case(&b's'))
        || b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"men");
    if !plural && word.is_ascii() && !NOUN_FILTER.may_contain_ascii_lower(b) {
        return None;
    }
    noun(&lower(word, &mut [0; 32]))
}

/// `stem` then `ending`, in `buf` when it fits.
fn joined<'b>(stem: &'b str, ending: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    let len = stem.len() + ending.len();
    if let Some(out) = buf.get_mut(..len) {
        out[..stem.len()].copy_from_slice(stem.as_bytes());
        out[stem.len()..].copy_from_slice(ending.as_bytes());
        if let Ok(s) = std::str::from_utf8(out) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(format!("{stem}{ending}"))
}

/// Whether a lower-case word heads a mention of a source (`minister`, `ministry`,
/// `officials`, `statement`).
pub(crate) fn is_source_noun(word: &str) -> bool {
    noun(word).is_some()
}

/// Whether a lower-case word names a document (`statement`, `report`, `poll`).
pub(crate) fn is_doc_noun(word: &str) -> bool {
    noun(word).is_some_and(|(k, _)| k == NounKind::Doc)
}

/// Whether a word is a title or a person noun that may stand before a name (`Secretary`,
/// `Ambassador`, `Spokesperson`).
pub(crate) fn is_title_word(word: &str) -> bool {
    if word.is_ascii() {
        // Most words asked are names: the filter rules them out before any lower-casing.
        if !TITLE_WORDS.filter.may_contain_ascii_lower(word.as_bytes()) {
            return false;
        }
        if let Some(w) = ascii_lower_bytes(word.as_bytes(), &mut [0; 32]) {
            return TITLE_WORDS.contains_past_filter(w);
        }
    }
    // Non-ASCII words take `to_lowercase`, which also lower-cases their non-ASCII letters.
    TITLE_WORDS.contains(word.to_lowercase().as_bytes())
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Words of time or discourse that can sit between a subject and its verb (`The Cypriot
/// government Saturday condemned`, `X, on Tuesday, added`): never part of a speaker's name.
/// Their first two bytes reject most words of a mention before any lower-casing or hashing.
static EDGE_WORDS: LazyLock<(WordSet, Initials)> = LazyLock::new(|| {
    let words = || {
        crate::lexicon::rows(include_str!("../../lexicon/speakers_edge_words.tsv"))
            .filter_map(|r| r.first().map(|w| w.as_bytes()))
    };
    (WordSet::new(words()), Initials::new(words()))
});

/// An ASCII word without the bytes at its edges that are not letters or digits, trimmed by
/// bytes (for ASCII the same as trimming the chars, without decoding them).
fn trim_ascii_non_alphanumeric(w: &str) -> &str {
    let b = w.as_bytes();
    let start = b
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    w.get(start..end).unwrap_or_default()
}

/// The length of the longest of [`BARE_DETERMINERS`] (`their`), checked by a test.
const BARE_DETERMINER_BYTES: usize = 5;

/// Possessive determiners (`pronouns.tsv`, case `possessive`): on their own they are not a
/// mention of anyone (`His lawyer` names the lawyer, and a bare `His` means the mention was
/// cut short).
static BARE_DETERMINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::closed::pronouns()
        .iter()
        .filter(|p| p.case == crate::lexicon::closed::Case::Possessive)
        .map(|p| p.word)
        .collect()
});

/// The mention without the time and discourse words at its edges, or `None` when nothing that
/// can name a source is left (`Saturday`, `on Tuesday`, a bare `His`).
pub(crate) fn clean_mention(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let is_edge = |w: &str| {
        let w = if w.is_ascii() {
            trim_ascii_non_alphanumeric(w)
        } else {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        };
        // A non-ASCII word is none of the (ASCII) edge words.
        let (edge_words, initials) = &*EDGE_WORDS;
        w.is_empty()
            || initials.may_start(w.as_bytes())
                && ascii_lower_bytes(w.as_bytes(), &mut [0; 32])
                    .is_some_and(|w| edge_words.contains(w))
    };
    let offset = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    // At the start, a capitalised time word may be a name (`Friday Okonkwo`) unless a comma
    // sets it off (`Saturday, Kabila`).
    let is_lead_edge =
        |w: &str| is_edge(w) && (w.starts_with(|c: char| c.is_lowercase()) || w.ends_with(','));
    // A word that is not an edge word is not a lead edge word either: `first` is not after
    // `last`.
    let ws = words(s);
    let first = ws.clone().find(|w| !is_lead_edge(w))?;
    let last = ws.rev().find(|w| !is_edge(w))?;
    let start = offset(first);
    let core = s.get(start..offset(last) + last.len())?;
    let core = core.trim_end_matches([',', ';', ':']);
    // The determiners are short words: their length rules out nearly every mention.
    if core.is_empty()
        || core.len() <= BARE_DETERMINER_BYTES
            && BARE_DETERMINERS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(core))
    {
        return None;
    }
    Some(Span::new(
        span.start + start,
        span.start + start + core.len(),
    ))
}

#[cfg(test)]
mod tests;
