//! Event words: whether a clause names a happening (`event_nouns.tsv`), and the words of a
//! clause as the participants look them up.

use crate::analyse::events::{tok_at_in, Shapes};
use crate::span::Span;
use crate::text::Doc;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Event words (`call`, `talks`, `meeting`...) and happening verbs (`held`, `took`), as a
/// table looked up with each word of a clause, ASCII lower-cased.
struct Words {
    /// Per word (lower case): (an event word, a happening verb).
    kinds: HashMap<&'static [u8], (bool, bool)>,
    /// The shapes of the words (first and last two bytes, with the length): most words of a
    /// clause are rejected on them, with no hashing.
    shapes: Shapes,
}

/// The longest word of a clause looked up.
const MAX_WORD: usize = 24;

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut kinds: HashMap<&'static [u8], (bool, bool)> = HashMap::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/event_nouns.tsv")) {
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
    let shapes = Shapes::new(kinds.keys().copied());
    Words { kinds, shapes }
});

/// `Some(score)` when the clause `clause` of `text` names an event: 1, or 2 with a verb of
/// happening.
///
/// The table's words are ASCII, so only runs of ASCII letters, digits and `-` are looked up,
/// when they are whole words (no letter or digit, ASCII or not, on either side). The runs are
/// the story's tokens (`doc`) where a token is one: a plain word (ASCII letters and digits)
/// with an ASCII byte other than `-` on either side. Around the other tokens the bytes are
/// read one pass, a char decoded only next to a run. A word is looked up in the story's
/// lower-cased text (`Doc::norm`), not lower-cased again.
///
/// `nth`: the index of the clause's sentence among the story's (see
/// [`crate::analyse::events::tok_at_in`]).
pub(super) fn event_score(text: &str, doc: &Doc, nth: usize, clause: Span) -> Option<u32> {
    let mut score = Score {
        clause: clause.slice(text),
        lower: &doc.norm.as_bytes()[clause.start..clause.end],
        event: false,
        happen: false,
    };
    let b = score.clause.as_bytes();
    // no hyphen to join it, no char to decode
    let apart = |k: Option<&u8>| k.is_none_or(|&c| c.is_ascii() && c != b'-');
    let toks = &doc.toks[tok_at_in(doc, nth, clause.start)..];
    // Where the byte pass would be: every word token before it ends at or before it. The
    // bytes before the first token are read (none, but for a mark, where a clause starts at
    // a token; all of a sentence the tokens do not hold).
    let lead = toks
        .first()
        .map_or(b.len(), |t| t.start as usize - clause.start);
    let mut i = score.bytes(0, lead.min(b.len()));
    for t in toks.iter().take_while(|t| (t.end as usize) <= clause.end) {
        let (a, e) = (
            t.start as usize - clause.start,
            t.end as usize - clause.start,
        );
        if !t.word || e <= i {
            continue;
        }
        let plain = a >= i && t.plain && apart(a.checked_sub(1).map(|k| &b[k])) && apart(b.get(e));
        i = if plain {
            score.word(a, e);
            e
        } else {
            score.bytes(i, e)
        };
        if score.event && score.happen {
            return Some(2);
        }
    }
    // the bytes after the last token
    score.bytes(i, b.len());
    score.event.then_some(if score.happen { 2 } else { 1 })
}

/// [`event_score`] read from the bytes alone, as it was before it read the tokens: the
/// reference the tests hold it to.
#[cfg(test)]
pub(super) fn event_score_of_bytes(clause: &str, lower: &[u8]) -> Option<u32> {
    let mut score = Score {
        clause,
        lower,
        event: false,
        happen: false,
    };
    score.bytes(0, clause.len());
    score.event.then_some(if score.happen { 2 } else { 1 })
}

/// The event words of a clause, as they are found.
struct Score<'a> {
    clause: &'a str,
    /// The clause in ASCII lower case.
    lower: &'a [u8],
    event: bool,
    happen: bool,
}

impl Score<'_> {
    /// Reads the bytes from `i` (where no run is under way) until a run ends at or past
    /// `until`, or both kinds of word are found; returns where the pass is then.
    fn bytes(&mut self, mut i: usize, until: usize) -> usize {
        let (clause, b) = (self.clause, self.clause.as_bytes());
        while i < until && !(self.event && self.happen) {
            if !joins_ascii(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            i += crate::ascii::run(&b[i..], true);
            // The run is maximal, so an ASCII byte next to it joins no word: only a
            // non-ASCII neighbour is decoded.
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
            if whole {
                self.word(start, i);
            }
        }
        i
    }

    /// Looks up the whole word at `start..end` of the clause (a maximal run). Inlined: it is
    /// asked of nearly every word of a clause, and rejects most on their shape, which costs less than a call.
    #[inline(always)]
    fn word(&mut self, start: usize, end: usize) {
        let w = &*WORDS;
        let word = &self.lower[start..end];
        if !w.shapes.may_be(word) {
            return;
        }
        // in lower case already, and of a word's shape
        if let Some(&(is_event, is_happen)) = w.kinds.get(word) {
            self.event |= is_event;
            self.happen |= is_happen;
        }
    }
}

/// True for the ASCII bytes that join a word: letters, digits and `-`.
fn joins_ascii(c: u8) -> bool {
    ASCII_JOINS[usize::from(c)]
}

/// The words of `s`: its maximal runs of letters, digits and `-` (any alphanumeric char), each
/// non-empty. ASCII bytes are classed by a table, without decoding chars.
pub(super) fn words_of(s: &str) -> impl Iterator<Item = &str> {
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
