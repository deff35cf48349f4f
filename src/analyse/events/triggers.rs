//! Finding the triggers of a sentence: at each word, its longest form in the trigger table
//! (`events_triggers.tsv`, `events_petrarch.tsv`), found by the vocabulary id of a word token
//! ([`crate::text::Vocabulary`]), or with one hash look-up where the scan reads bytes.
//!
//! A word, as the scan reads it, starts with an ASCII letter after no letter or digit and runs
//! over ASCII letters, digits, `-` and every byte of a non-ASCII character; its lower case is
//! read from the story's lower-cased text, not made again.
//!
//! The scan walks the story's tokens ([`Doc`]), not the bytes: a word token of ASCII letters
//! and digits followed by a byte that joins no word is a word of the scan as it stands, and
//! the bytes between word tokens (spaces, marks) start no word. Only around the other word
//! tokens (`U.S.-backed`, a word past ASCII, `talks-`) are the bytes read one by one.

use super::lexicon::TRIGGERS;
#[cfg(test)]
use super::tokens::doc_tokens;
use crate::span::Span;
use crate::text::Doc;
use std::sync::LazyLock;

/// The rows of the trigger table by the vocabulary id of their first word
/// ([`crate::analyse::vocabulary`]), longest form first: a word token finds its rows by the
/// id the tokenizer gave it, with no look-up.
static ROWS_BY_ID: LazyLock<Vec<Option<&'static [usize]>>> = LazyLock::new(|| {
    let words = crate::analyse::vocabulary();
    let mut by_id = vec![None; words.ids()];
    for (w, rows) in &TRIGGERS.by_first {
        // every first word has an id (none is 0)
        if let Some(slot) = by_id.get_mut(usize::from(words.id(w))) {
            *slot = Some(rows.as_slice());
        }
    }
    by_id[0] = None;
    by_id
});

/// A trigger found in a sentence: its span and its row in the trigger table.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub span: Span,
    pub row: usize,
}

/// Puts in `out` (cleared first) the triggers of `sentence`, in text order, the longest
/// form at each word, reading the story's tokens of it (`toks`: [`super::tokens::doc_tokens`]) where the
/// story's tokenizer read it.
pub(super) fn triggers_in(
    text: &str,
    doc: &Doc,
    sentence: Span,
    toks: Option<&[crate::text::Tok]>,
    out: &mut Vec<Hit>,
) {
    let mut scan = Scan::new(text, doc, sentence, out);
    let len = scan.s.len();
    let Some(toks) = toks else {
        scan.bytes(0, len);
        return;
    };
    let by_id = &*ROWS_BY_ID;
    // Where the byte scan would be: every word token before it ends at or before it.
    let mut i = 0;
    for t in toks.iter().filter(|t| t.word) {
        let (a, e) = (t.start as usize - scan.at, t.end as usize - scan.at);
        if e <= i {
            continue;
        }
        let w = &scan.s[a..e];
        let plain = a >= i
            && (t.plain || w.iter().all(u8::is_ascii_alphanumeric))
            && scan.s.get(e).is_none_or(|&b| !WORD_BYTE[usize::from(b)]);
        // a capital after the sentence's start: in a name (see `Scan::word`)
        let starts = w[0].is_ascii_lowercase() || (a == 0 && w[0].is_ascii_uppercase());
        i = if !plain {
            scan.bytes(i.max(a), e)
        } else if let Some(&Some(rows)) = by_id.get(usize::from(t.id)).filter(|_| starts) {
            // the scan's word is the token's word, whose rows are at hand
            scan.word(a, e, Some(rows))
        } else {
            // `3rd`: the scan's word starts after a digit, and is passed by; a word in a name
            // or no first word starts no trigger
            e
        };
    }
    // the marks after the last word (none of which starts a word)
    scan.bytes(i, len);
}

/// The scan of one sentence.
struct Scan<'a, 'o> {
    /// The sentence's bytes, and the same in ASCII lower case.
    s: &'a [u8],
    lower: &'a [u8],
    /// Where the sentence starts in the text.
    at: usize,
    out: &'o mut Vec<Hit>,
}

impl<'a, 'o> Scan<'a, 'o> {
    /// The scan of `sentence`, its triggers put in `out` (cleared first).
    fn new(text: &'a str, doc: &'a Doc, sentence: Span, out: &'o mut Vec<Hit>) -> Self {
        out.clear();
        Scan {
            s: sentence.slice(text).as_bytes(),
            lower: &doc.norm.as_bytes()[sentence.start..sentence.end],
            at: sentence.start,
            out,
        }
    }

    /// Reads the bytes from `i` (where no word of the scan is under way) until a word
    /// ends at or past `until`; returns where the scan is then.
    fn bytes(&mut self, mut i: usize, until: usize) -> usize {
        let s = self.s;
        while i < until {
            if !s[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < s.len() && WORD_BYTE[usize::from(s[i])] {
                i += 1;
            }
            i = self.word(start, i, None);
        }
        i
    }

    /// Looks up the word at `start..end` of the sentence (a letter, after no word of the scan
    /// under way, to the end of its run): returns where the scan goes on, past the trigger
    /// that starts there, if one does. `rows`: the word's rows in the trigger table, when the
    /// caller has them (else looked up here).
    fn word(&mut self, start: usize, end: usize, rows: Option<&[usize]>) -> usize {
        let (s, t) = (self.s, &*TRIGGERS);
        let before_ok = start == 0 || !s[start - 1].is_ascii_alphanumeric();
        let w = &s[start..end];
        // A capitalised word after the sentence's start is part of a name (`the Organization
        // for Security and Cooperation in Europe`).
        let in_name = start > 0 && w[0].is_ascii_uppercase();
        // No first word is longer than 24 bytes.
        if in_name || !before_ok || w.len() > 24 {
            return end;
        }
        let rows = match rows {
            Some(rows) => rows,
            None if t.shapes.may_be(w) => match t.by_first.get(&self.lower[start..end]) {
                Some(rows) => rows,
                None => return end,
            },
            None => return end,
        };
        let Some((&row, to)) = rows
            .iter()
            .find_map(|r| rest_matches(s, end, &t.rows[*r].words[1..]).map(|e| (r, e)))
        else {
            return end;
        };
        if t.rows[row].event_type != "-" {
            self.out.push(Hit {
                span: Span::new(self.at + start, self.at + to),
                row,
            });
        }
        to
    }
}

/// The bytes of a word as the trigger scan reads it: ASCII letters and digits, `-`, and
/// every byte of a non-ASCII character.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80;
        b += 1;
    }
    t
};

/// Where a form's remaining words end when they follow `at` in `s`, each after one space.
fn rest_matches(s: &[u8], mut at: usize, rest: &[&str]) -> Option<usize> {
    for w in rest {
        let w = w.as_bytes();
        let end = at + 1 + w.len();
        if s.get(at) != Some(&b' ') || !s.get(at + 1..end)?.eq_ignore_ascii_case(w) {
            return None;
        }
        at = end;
    }
    let boundary = s.get(at).is_none_or(|b| !b.is_ascii_alphanumeric());
    boundary.then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that probe the ways a trigger sits in a word (`U.S.-backed`, `willing-to`, `’s`,
    /// a capital, an abbreviation, a dash past ASCII), read with every fixture.
    const PROBE: &str = "The U.S.-backed forces pulled back. He is willing-to talk. Russia’s \
        army withdrew. Profits rose. TALKS RESUMED. The Mr. Smith visit. Shares fell 5 pct. \
        They met—talks—and held talks- with 3rd-party envoys; talksé met. It accused-him of \
        lying and called on Iran to halt.";

    /// The sentences the story's tokens leave unmarked hold no trigger: skipping them loses
    /// nothing.
    #[test]
    fn unmarked_sentences_hold_no_trigger() {
        let mut marked_sentences = 0;
        let mut hits = Vec::new();
        for story in crate::analyse::fixture_stories(&[PROBE]) {
            let (text, doc) = (&story.text, &story.doc);
            for (_, s) in story.sentences() {
                by_bytes(text, doc, *s, &mut hits);
                if doc.marked.contains(&s.start) {
                    marked_sentences += 1;
                } else {
                    assert!(hits.is_empty(), "unmarked: {:?}", s.slice(text));
                }
            }
        }
        assert!(marked_sentences > 0);
    }

    /// The scan over the bytes of the whole sentence, as it was before it read the tokens.
    fn by_bytes(text: &str, doc: &Doc, sentence: Span, out: &mut Vec<Hit>) {
        let mut scan = Scan::new(text, doc, sentence, out);
        scan.bytes(0, scan.s.len());
    }

    /// The walk over the story's tokens finds the triggers the scan over the bytes finds.
    #[test]
    fn tokens_find_what_the_bytes_find() {
        let spaces = "They met a\u{a0}talks and held talks\u{a0}with envoys. Iran accused.x him. \
             It «accused» them; a—talks; talks-with; x-accused; 3rd accused 2accused.";
        let (mut got, mut want) = (Vec::new(), Vec::new());
        let mut found = 0;
        for story in crate::analyse::fixture_stories(&[PROBE, spaces]) {
            let (text, doc) = (&story.text, &story.doc);
            for (n, s) in story.sentences() {
                triggers_in(text, doc, *s, doc_tokens(doc, n, *s), &mut got);
                by_bytes(text, doc, *s, &mut want);
                let spans = |h: &[Hit]| -> Vec<(Span, usize)> {
                    h.iter().map(|h| (h.span, h.row)).collect()
                };
                assert_eq!(spans(&got), spans(&want), "{:?}", s.slice(text));
                found += got.len();
            }
        }
        assert!(found > 0);
    }
}
