//! Event words: whether a clause names a happening (`event_nouns.tsv`), and the words of a
//! clause as the participants look them up.

use crate::lexicon::Initials;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

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

/// `Some(score)` when the clause names an event: 1, or 2 with a verb of happening.
///
/// The table's words are ASCII, so only runs of ASCII letters, digits and `-` are looked up,
/// when they are whole words (no letter or digit, ASCII or not, on either side): one pass
/// over the bytes, a char decoded only next to a run. `lower` is the clause in ASCII lower
/// case (from the story's `Doc::norm`): a word is looked up without lower-casing it again.
pub(super) fn event_score(clause: &str, lower: &[u8]) -> Option<u32> {
    let w = &*WORDS;
    let mut event = false;
    let mut happen = false;
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
        // in lower case already; no longer than the table's longest word (tested above)
        if let Some(&(is_event, is_happen)) = w.kinds.get(&lower[start..i]) {
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
