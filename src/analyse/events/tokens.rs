//! The tokens of a sentence that holds a trigger: words (with the dots of `U.S.` and the
//! hyphens of `al-Qaeda` inside), the possessive `'s` as a token of its own, and single
//! punctuation marks.

use crate::span::Span;

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub span: Span,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
}

/// Puts the tokens of `sentence` in `out` (cleared first).
pub(super) fn tokens(text: &str, sentence: Span, out: &mut Vec<Tok>) {
    out.clear();
    let s = sentence.slice(text);
    let mut start: Option<usize> = None;
    let mut dotted = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let inside = start.is_some();
        let keep = match c {
            '-' => inside && next_alnum,
            '.' => inside && (next_alnum || dotted),
            '\'' | '’' => inside && next_alnum && !possessive(&s[i + c.len_utf8()..]),
            _ => false,
        };
        if keep {
            dotted |= c == '.';
            continue;
        }
        if let Some(st) = start.take() {
            out.push(word(sentence.start + st, sentence.start + i));
        }
        dotted = false;
        if c.is_whitespace() {
            continue;
        }
        let at = sentence.start + i;
        if matches!(c, '\'' | '’') && possessive(&s[i + c.len_utf8()..]) {
            // `'s` is one token: skip its `s`.
            chars.next();
            out.push(word(at, at + c.len_utf8() + 1));
            continue;
        }
        out.push(Tok {
            span: Span::new(at, at + c.len_utf8()),
            word: false,
        });
    }
    if let Some(st) = start {
        out.push(word(sentence.start + st, sentence.end));
    }
}

fn word(start: usize, end: usize) -> Tok {
    Tok {
        span: Span::new(start, end),
        word: true,
    }
}

/// Whether what follows an apostrophe is a possessive `s` (an `s` ending the word).
fn possessive(rest: &str) -> bool {
    let mut c = rest.chars();
    matches!(c.next(), Some('s' | 'S')) && !c.next().is_some_and(char::is_alphanumeric)
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
