//! The timeline's sentence splitter: the paragraphs' sentences cut again where the timeline's
//! own rules see a sentence end.
//!
//! Why the timeline does not take the paragraphs' sentences as they are: tried on both shared
//! corpora at the redesign (issue 15), that changes the events of 39 stories (20 Reuters, 19
//! TempEval-3), and reading them, the paragraphs' sentences are right in 21 and these in 18,
//! no clear gain. The paragraphs' reading wins on times and titles before a name:
//! `10:30 a.m. (0230 GMT)`, `9:40 p.m. Sunday`, `Sens. Patrick Moynihan`, `Lt.-Gen. Dan
//! Halutz`, which this splitter cuts. This one wins where a hard-wrapped paragraph runs into
//! rows indented by one space, which it cuts at the line end and the paragraphs join (13
//! stories: 11 commodity price tables whose `Sales at call` row made `May 1191` an event, and
//! 2 crop tables swallowed by the sentence before them), and on `Ltd.` before a quotation or a
//! name, `Jan/Sept.` ending a sentence and a number ending one (`high of 306.10. Arbitrage`),
//! where the paragraphs do not end the sentence. Taking the paragraphs' sentences and cutting
//! only at such indented lines leaves 26 stories changed, 21 of them for the better: the way
//! to drop this splitter is to teach the paragraphs those line cuts and the 5 remaining ends.

use crate::span::Span;
use crate::text::paragraphs::trimmed;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Abbreviations after which a full stop does not end a sentence, as written
/// (`timeline_abbreviations.tsv`).
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../../lexicon/timeline_abbreviations.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// Splits `span` into sentences: at `.`, `!` or `?` followed by space and a word that does
/// not start in lower case or a digit (not after an abbreviation or an initial), and at
/// blank lines, into `out` (cleared first).
pub(super) fn sentences(text: &str, span: Span, out: &mut Vec<Span>) {
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
pub(super) fn more_words_than(s: &str, n: usize) -> bool {
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
    (last.len() == 1 && last.chars().all(|c| c.is_uppercase())) || ABBREVIATIONS.contains(last)
}
