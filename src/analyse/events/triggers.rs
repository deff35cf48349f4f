//! Finding the triggers of a sentence: at each word, its longest form in the trigger table
//! (`events_triggers.tsv`, `events_petrarch.tsv`), found with one hash lookup.
//!
//! A word, as the scan reads it, starts with an ASCII letter after no letter or digit and runs
//! over ASCII letters, digits, `-` and every byte of a non-ASCII character; its lower case is
//! read from the story's lower-cased text, not made again.

use super::lexicon::TRIGGERS;
use crate::span::Span;

/// A trigger found in a sentence: its span and its row in the trigger table.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub span: Span,
    pub row: usize,
}

/// Puts in `out` (cleared first) the triggers of `sentence`, in text order, the longest
/// form at each word. `lower` is the text in ASCII lower case, at the same offsets (the
/// story's [`Doc::norm`](crate::text::Doc)).
pub(super) fn triggers_in(text: &str, lower: &[u8], sentence: Span, out: &mut Vec<Hit>) {
    out.clear();
    let t = &*TRIGGERS;
    let s = sentence.slice(text).as_bytes();
    let lower = &lower[sentence.start..sentence.end];
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && WORD_BYTE[usize::from(s[i])] {
            i += 1;
        }
        let before_ok = start == 0 || !s[start - 1].is_ascii_alphanumeric();
        let w = &s[start..i];
        // A capitalised word after the sentence's start is part of a name (`the Organization
        // for Security and Cooperation in Europe`).
        let in_name = start > 0 && w[0].is_ascii_uppercase();
        // No first word is longer than 24 bytes.
        if in_name || !before_ok || w.len() > 24 || !t.shapes.may_be(w) {
            continue;
        }
        let Some(rows) = t.by_first.get(&lower[start..i]) else {
            continue;
        };
        if let Some((&row, end)) = rows
            .iter()
            .find_map(|r| rest_matches(s, i, &t.rows[*r].words[1..]).map(|e| (r, e)))
        {
            let at = sentence.start;
            if t.rows[row].event_type != "-" {
                out.push(Hit {
                    span: Span::new(at + start, at + end),
                    row,
                });
            }
            i = end;
        }
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
    /// a capital, an abbreviation, a dash past ASCII), with every fixture.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = std::fs::read_dir("fixtures")
            .expect("fixtures")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.push(
            "The U.S.-backed forces pulled back. He is willing-to talk. Russia’s army \
             withdrew. Profits rose. TALKS RESUMED. The Mr. Smith visit. Shares fell 5 pct. \
             They met—talks—and held talks- with 3rd-party envoys; talksé met. It \
             accused-him of lying and called on Iran to halt."
                .to_string(),
        );
        texts
    }

    /// The sentences the story's tokens leave unmarked hold no trigger: skipping them loses
    /// nothing.
    #[test]
    fn unmarked_sentences_hold_no_trigger() {
        let mut marked_sentences = 0;
        let mut hits = Vec::new();
        for text in &texts() {
            let paragraphs = crate::text::paragraphs::split(text, Span::new(0, text.len()));
            let quotes = crate::text::quotes::find(text, &paragraphs);
            let doc = crate::analyse::tokenize(text, &paragraphs, &quotes);
            for s in paragraphs.iter().flat_map(|p| &p.sentences) {
                triggers_in(text, doc.norm.as_bytes(), *s, &mut hits);
                if doc.marked.contains(&s.start) {
                    marked_sentences += 1;
                } else {
                    assert!(hits.is_empty(), "unmarked: {:?}", s.slice(text));
                }
            }
        }
        assert!(marked_sentences > 0);
    }
}
