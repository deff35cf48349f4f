//! The tokens of a sentence that holds a trigger: words (with the dots of `U.S.` and the
//! hyphens of `al-Qaeda` inside), the possessive `'s` as a token of its own, and single
//! punctuation marks.

use super::lexicon::{class, Class};
use crate::span::Span;
use std::cell::Cell;

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub span: Span,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
    /// The word's class in `events_words.tsv`, looked up on first use (most tokens of a long
    /// sentence are never asked about) and kept: the phrase readers ask for it many times.
    class: Cell<Option<Option<Class>>>,
}

impl Tok {
    /// The class of the word this token is in `text`.
    pub fn class(&self, text: &str) -> Option<Class> {
        if let Some(c) = self.class.get() {
            return c;
        }
        let c = if self.word {
            let w = self.span.slice(text);
            class(w).or_else(|| contraction(w))
        } else {
            None
        };
        self.class.set(Some(c));
        c
    }
}

/// Puts the tokens of `sentence` in `out` (cleared first). Bytes are read one at a time,
/// characters decoded only past ASCII: most of a news story is ASCII.
pub(super) fn tokens(text: &str, sentence: Span, out: &mut Vec<Tok>) {
    out.clear();
    let s = sentence.slice(text);
    let b = s.as_bytes();
    let at = |i: usize| sentence.start + i;
    let mut start: Option<usize> = None;
    let mut dotted = false;
    let mut i = 0;
    while i < b.len() {
        // ASCII letters and digits: the bulk of a sentence, with no decoding
        if b[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += b[i..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len() - i);
            continue;
        }
        // A space ends a word and is no token: the next most common byte, taken without
        // decoding what follows it.
        if b[i] == b' ' {
            if let Some(st) = start.take() {
                out.push(word(text, at(st), at(i)));
            }
            dotted = false;
            i += 1;
            continue;
        }
        let (c, len) = char_at(s, i);
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            i += len;
            continue;
        }
        let next = s.get(i + len..).and_then(|r| r.chars().next());
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let inside = start.is_some();
        let keep = match c {
            '-' => inside && next_alnum,
            '.' => inside && (next_alnum || dotted),
            '\'' | '’' => inside && next_alnum && !possessive(&s[i + len..]),
            _ => false,
        };
        if keep {
            dotted |= c == '.';
            i += len;
            continue;
        }
        if let Some(st) = start.take() {
            out.push(word(text, at(st), at(i)));
        }
        dotted = false;
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if matches!(c, '\'' | '’') && possessive(&s[i + len..]) {
            // `'s` is one token
            out.push(word(text, at(i), at(i + len + 1)));
            i += len + 1;
            continue;
        }
        out.push(Tok {
            span: Span::new(at(i), at(i + len)),
            word: false,
            class: Cell::new(Some(None)),
        });
        i += len;
    }
    if let Some(st) = start {
        out.push(word(text, at(st), sentence.end));
    }
}

/// The character at byte `i` of `s` and its length: ASCII without decoding.
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

fn word(_: &str, start: usize, end: usize) -> Tok {
    Tok {
        span: Span::new(start, end),
        word: true,
        class: Cell::new(None),
    }
}

/// Whether what follows an apostrophe is a possessive `s` (an `s` ending the word).
fn possessive(rest: &str) -> bool {
    let mut c = rest.chars();
    matches!(c.next(), Some('s' | 'S')) && !c.next().is_some_and(char::is_alphanumeric)
}

/// The class of a pronoun's contraction (`We'll`, `they're`, `I'd`): a pronoun, as the word it
/// shortens, so that it is never read as a name.
fn contraction(word: &str) -> Option<Class> {
    let (head, tail) = word.split_once(['\'', '\u{2019}'])?;
    let short = matches!(tail, "ll" | "re" | "ve" | "d" | "m");
    class(head).filter(|&c| short && c == Class::Pronoun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        let cases = [
            ("U.S. officials", vec!["U.S.", "officials"]),
            ("Russia’s security", vec!["Russia", "’s", "security"]),
            (
                "al-Qaeda, and N'Djamena.",
                vec!["al-Qaeda", ",", "and", "N'Djamena", "."],
            ),
            (
                "5.1 million (APEC)",
                vec!["5.1", "million", "(", "APEC", ")"],
            ),
            ("didn't go", vec!["didn't", "go"]),
        ];
        for (input, want) in cases {
            let mut out = Vec::new();
            tokens(input, Span::new(0, input.len()), &mut out);
            let got: Vec<&str> = out.iter().map(|t| t.span.slice(input)).collect();
            assert_eq!(got, want, "{input}");
        }
    }
}
