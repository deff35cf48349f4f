//! The tokens of a sentence that holds a trigger: words (with the dots of `U.S.` and the
//! hyphens of `al-Qaeda` inside), the possessive `'s` as a token of its own, and single
//! punctuation marks.
//!
//! They are the story's tokens ([`Doc`]) where those agree: a stretch of the sentence
//! between two spaces whose tokens are all plain (ASCII letters and digits, or one ASCII
//! mark) is taken as it is, and only the others (`U.S.`, `Russia's`, `AT&T`, a word past
//! ASCII) are cut again by this reader's rules.

use super::lexicon::{class, class_of_lower, Class};
use crate::span::Span;
use crate::text::Doc;
use std::cell::Cell;
use std::sync::LazyLock;

/// The class in `events_words.tsv` of each word of the story's vocabulary
/// ([`crate::analyse::vocabulary`]), by its id: a story's token taken as it is gets its class
/// by the id the tokenizer gave it, with no look-up.
static CLASS_BY_ID: LazyLock<Vec<Option<Class>>> = LazyLock::new(|| {
    let words = crate::analyse::vocabulary();
    let mut by_id = vec![None; words.ids()];
    // A word of no class in the lists has none: only theirs are looked up.
    for w in super::lexicon::class_words() {
        if let Some(slot) = by_id.get_mut(usize::from(words.id(w))) {
            *slot = class_of_lower(w);
        }
    }
    by_id[0] = None;
    by_id
});

/// One token.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub span: Span,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
    /// The word's class in `events_words.tsv`, looked up on first use (most tokens of a long
    /// sentence are never asked about) and kept: the phrase readers ask for it many times.
    class: Cell<Option<Option<Class>>>,
}

impl Tok {
    /// The class of the word this token is in `text`, whose ASCII lower case is `lower` (at
    /// the same offsets: the story's [`Doc::norm`]).
    #[inline] // asked again and again of the same tokens: the kept answer without a call
    pub fn class(&self, text: &str, lower: &[u8]) -> Option<Class> {
        match self.class.get() {
            Some(c) => c,
            None => self.look_up_class(text, lower),
        }
    }

    /// [`Tok::class`] on first use: looked up and kept.
    #[inline(never)]
    fn look_up_class(&self, text: &str, lower: &[u8]) -> Option<Class> {
        let c = if self.word {
            let (a, b) = (self.span.start, self.span.end);
            let w = &text.as_bytes()[a..b];
            // only a word with an apostrophe may be a contraction
            let apostrophe = || w.iter().any(|&c| c == b'\'' || c == 0xe2);
            class_of_lower(&lower[a..b])
                .or_else(|| apostrophe().then(|| contraction(&text[a..b])).flatten())
        } else {
            None
        };
        self.class.set(Some(c));
        c
    }
}

/// Puts the tokens of `sentence` in `out` (cleared first), from the story's tokens of it
/// (`toks`: [`doc_tokens`]) where the story's tokenizer read it.
pub(super) fn tokens(
    text: &str,
    toks: Option<&[crate::text::Tok]>,
    sentence: Span,
    out: &mut Vec<Tok>,
) {
    out.clear();
    let Some(toks) = toks else {
        read(text, sentence, out);
        return;
    };
    let bytes = text.as_bytes();
    let by_id = &*CLASS_BY_ID;
    // A plain token (no apostrophe: no contraction) has the class of its word, by its id.
    let mine = |t: &crate::text::Tok| Tok {
        span: t.span(),
        word: t.word,
        class: Cell::new(Some(match t.word {
            true => by_id.get(usize::from(t.id)).copied().flatten(),
            false => None,
        })),
    };
    // A stretch between two spaces is the tokens that touch each other. This reader starts
    // afresh after a space, so a stretch reads the same alone as in its sentence: the
    // stretches of plain tokens are taken as they are, in bulk up to the next token that is
    // not plain, and only that token's stretch is read again.
    let mut k = 0;
    while k < toks.len() {
        let Some(odd) = toks[k..].iter().position(|t| !is_plain(bytes, t)) else {
            out.extend(toks[k..].iter().map(mine));
            return;
        };
        let touch = |j: usize| toks[j - 1].end == toks[j].start;
        let mut first = k + odd;
        while first > k && touch(first) {
            first -= 1;
        }
        let mut end = k + odd + 1;
        while end < toks.len() && touch(end) {
            end += 1;
        }
        out.extend(toks[k..first].iter().map(mine));
        let span = Span::new(toks[first].start as usize, toks[end - 1].end as usize);
        read(text, span, out);
        k = end;
    }
}

/// The story's tokens of `sentence`, where the story's tokenizer read it. `nth`: the
/// sentence's index among the story's sentences (those of its paragraphs, in order), where
/// the tokens' own sentence of that index is looked for first.
pub(super) fn doc_tokens(doc: &Doc, nth: usize, sentence: Span) -> Option<&[crate::text::Tok]> {
    let t = tok_at_in(doc, nth, sentence.start);
    let first = doc
        .toks
        .get(t)
        .filter(|f| (f.start as usize) < sentence.end)?;
    let s = doc.sents.get(first.sent())?;
    let toks = doc.toks.get(s.t0..s.t1)?;
    let inside = s.t0 == t && toks.last().is_some_and(|l| l.end as usize <= sentence.end);
    inside.then_some(toks)
}

/// [`Doc::tok_at`] of a position `pos` in the story's sentence of index `nth` (see
/// [`doc_tokens`]): stepped to from that sentence's first token in the tokens' sentences,
/// with no search over the story's tokens, when those are the same sentence (always, but
/// for a sentence the tokenizer did not read); else by that search. The answer is proved,
/// not guessed: the token before it starts before `pos`, and it starts at or after it.
pub(crate) fn tok_at_in(doc: &Doc, nth: usize, pos: usize) -> usize {
    let toks = &doc.toks;
    let starts_before = |k: usize| (toks[k].start as usize) < pos;
    if let Some(s) = doc.sents.get(nth).filter(|s| s.t1 <= toks.len()) {
        if s.t0.checked_sub(1).is_none_or(starts_before) {
            let mut k = s.t0;
            while k < s.t1 && starts_before(k) {
                k += 1;
            }
            if k == toks.len() || !starts_before(k) {
                return k;
            }
        }
    }
    doc.tok_at(pos)
}

/// Whether a story's token is one this reader makes the same: ASCII letters and digits, or
/// one ASCII mark other than an apostrophe (which may start a possessive `'s`).
fn is_plain(text: &[u8], t: &crate::text::Tok) -> bool {
    // the flag first: the bytes are not read (nor their bounds tested) for most words
    if t.word && t.plain {
        return true;
    }
    let w = &text[t.start as usize..t.end as usize];
    if t.word {
        ascii_alnum(w)
    } else {
        w.len() == 1 && w[0].is_ascii() && w[0] != b'\''
    }
}

/// Whether every byte of `w` is an ASCII letter or digit (by table: most words are short).
fn ascii_alnum(w: &[u8]) -> bool {
    w.iter().all(|&c| ALNUM[usize::from(c)])
}

/// The ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Adds the tokens of `span` to `out`, cut by this reader's rules. Bytes are read one at a
/// time, characters decoded only past ASCII: most of a news story is ASCII.
fn read(text: &str, sentence: Span, out: &mut Vec<Tok>) {
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
        if start.is_some() && joins(s, i, c, len, dotted) {
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

/// Whether the mark `c` at byte `i` of `s` (`len` bytes long) joins the word it follows to
/// what comes next: a hyphen or an apostrophe before a letter or digit (but not a possessive
/// `'s`), a period before one or inside an abbreviation already dotted (`U.S.`).
fn joins(s: &str, i: usize, c: char, len: usize, dotted: bool) -> bool {
    let next = s.get(i + len..).and_then(|r| r.chars().next());
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    match c {
        '-' => next_alnum,
        '.' => next_alnum || dotted,
        '\'' | '’' => next_alnum && !possessive(&s[i + len..]),
        _ => false,
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
            read(input, Span::new(0, input.len()), &mut out);
            let got: Vec<&str> = out.iter().map(|t| t.span.slice(input)).collect();
            assert_eq!(got, want, "{input}");
        }
    }

    /// The token found from a sentence's index is the one the search over all tokens finds,
    /// at every byte of every sentence of the fixtures, from the right index and from wrong
    /// ones (a sentence the tokenizer did not read puts the indices out of step).
    #[test]
    fn token_from_the_sentence_is_the_one_searched() {
        let probe = "A short one. Then\u{a0}another, with U.S. envoys. \n\nLast.";
        for story in crate::analyse::fixture_stories(&[probe]) {
            let doc = &story.doc;
            for (n, s) in story.sentences() {
                for pos in s.start..=s.end {
                    let want = doc.tok_at(pos);
                    for nth in [n, n + 1, n.saturating_sub(1), 0, usize::MAX] {
                        assert_eq!(tok_at_in(doc, nth, pos), want, "{n} {nth} {pos}");
                    }
                }
            }
        }
    }

    /// The tokens taken from the story's are those this reader cuts itself, with the classes
    /// it looks up (those taken get theirs by their vocabulary id), on every fixture and on
    /// sentences that probe where the two tokenizers differ.
    #[test]
    fn story_tokens_read_as_this_reader_cuts_them() {
        let probe = "Mr. Smith of AT&T met U.S. envoys -- and Russia’s A.B.C.D.E. talks-. 'so 's \
             We'll go, didn't he? Ñandú—which al-Qaeda (APEC) “Yes” ore. Sen. Kaine (D-Va.).";
        let (mut got, mut want) = (Vec::new(), Vec::new());
        for story in crate::analyse::fixture_stories(&[probe]) {
            let (text, doc) = (&story.text, &story.doc);
            for (n, s) in story.sentences() {
                tokens(text, doc_tokens(doc, n, *s), *s, &mut got);
                want.clear();
                read(text, *s, &mut want);
                let lower = doc.norm.as_bytes();
                let read_out = |toks: &[Tok]| -> Vec<(Span, bool, Option<Class>)> {
                    toks.iter()
                        .map(|t| (t.span, t.word, t.class(text, lower)))
                        .collect()
                };
                assert_eq!(read_out(&got), read_out(&want), "{:?}", s.slice(text));
            }
        }
    }
}
