//! The tokens of a story body: words and punctuation marks with their sentence,
//! paragraph, lower-case form and whether they are quoted, and the queries the stages ask
//! of them (the word, a span, the token at a position).

use super::vocabulary::{MARK, NOTE};
use super::{Vocabulary, WordFilter};
use crate::lexicon::closed::AbbreviationKind;
use crate::span::Span;
use crate::text::paragraphs::Paragraph;
use crate::text::quotes::QuotedSpan;

/// How much of a story is tokenised: its sentences that end within the first GiB. Then
/// every position of a token, in the text and in [`Doc::norm`] (the text, then at most three
/// bytes for each byte of a non-ASCII token), fits 32 bits.
const TOKENIZED_BYTES: usize = 1 << 30;

/// A token. Its positions are kept in 32 bits (28 bytes a token instead of 56), and its
/// paragraph is its sentence's ([`Doc::para_of`]): the token list is most of the memory a
/// long story takes (see [`TOKENIZED_BYTES`]).
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// Start and end of the lower-cased token in [`Doc::norm`].
    pub(crate) norm_start: u32,
    pub(crate) norm_end: u32,
    pub(crate) sent_index: u32,
    /// The id of its lower-case form in the [`Vocabulary`] the tokens were built with (0:
    /// none of its words), looked up once here for every stage that reads it.
    pub(crate) id: u16,
    pub(crate) word: bool,
    pub(crate) cap: bool,
    /// Inside the content of a top-level double quotation.
    pub(crate) quoted: bool,
    /// Known to be ASCII letters and digits only: set on the plain words the scan reads
    /// whole (most words), where it costs nothing; `false` tells nothing (the bytes do).
    pub(crate) plain: bool,
}

impl Tok {
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Where the lower-cased token is in [`Doc::norm`].
    pub(crate) fn norm(&self) -> std::ops::Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// Index of its sentence in [`Doc::sents`].
    pub(crate) fn sent(&self) -> usize {
        self.sent_index as usize
    }
}

/// A sentence: its first token and one past its last.
pub struct Sent {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    /// Index of its paragraph (that of its tokens).
    pub(crate) para: usize,
}

/// The tokenised body of a story, built once.
pub struct Doc {
    pub(crate) toks: Vec<Tok>,
    /// The text in ASCII lower case, at the same offsets, so that an ASCII token's lower-case
    /// form is at its own span; then the lower-case forms of the other tokens (`’` read as
    /// `'`), one after the other.
    pub(crate) norm: String,
    pub(crate) sents: Vec<Sent>,
    /// First token of each paragraph, and one past the last.
    pub(crate) para_toks: Vec<(usize, usize)>,
    /// The word tokens whose word the vocabulary flags [`NOTE`] (attribution: the first
    /// words of speech cues), in order.
    pub(crate) candidates: Vec<usize>,
    /// The start bytes of the sentences, in order, holding a word the vocabulary flags
    /// [`MARK`] (events: a word of each event trigger): a sentence not listed surely holds
    /// none, so its own scan is skipped. See [`Builder::mark_words_in`].
    pub(crate) marked: Vec<usize>,
}

/// [`BYTE_KIND`] bit: an ASCII white-space byte (`char::is_whitespace`).
const SPACE: u8 = 1;
/// [`BYTE_KIND`] bit: an ASCII letter or digit.
const ALNUM: u8 = 2;
/// [`BYTE_KIND`] bit: an ASCII byte that joins two runs of letters and digits into one word.
const JOINER: u8 = 4;

/// What each byte is to the tokenizer's scan, by table: the scan looks at every byte of every
/// story, and one look-up is cheaper than the char methods' range tests. Non-ASCII bytes are
/// 0 (decoded and tested as chars).
static BYTE_KIND: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            table[b] = SPACE;
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            table[b] = JOINER;
        }
        b += 1;
    }
    table
};

/// The character at byte `i` of `s` and its length, without decoding when it is ASCII (most
/// of a wire story). `i` is always a character boundary here.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether a word followed by a period is an abbreviation (the period is part of it).
fn is_abbreviation(word: &str, after: &str) -> bool {
    // `.` and `-` are ASCII: a byte finds them as `contains` does, without a searcher.
    if word.len() <= 6 && word.bytes().any(|b| b == b'.' || b == b'-') {
        return true;
    }
    // One character, upper case (read without counting them all).
    let mut chars = word.chars();
    let single_cap = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single_cap {
        return true;
    }
    // Titles, months, states, company suffixes (`abbreviations.tsv`, every kind); a state
    // only when capitalised, as states are written (`Portland, Ore.`, but `iron ore.`). None
    // is longer than the buffer: longer words skip the look-up.
    let mut buf = [0u8; crate::lexicon::closed::ABBREVIATION_MAX];
    let kind =
        crate::lexicon::ascii_lower(word, &mut buf).and_then(crate::lexicon::closed::abbreviation);
    match kind {
        Some(AbbreviationKind::State) if !word.starts_with(|c: char| c.is_ascii_uppercase()) => {}
        Some(_) => return true,
        None => {}
    }
    // Not followed by a sentence start: `the N.Y. area`.
    let next = after.trim_start().chars().next();
    next.is_some_and(|c| c.is_lowercase() || c == ',')
}

/// The end of the word that starts at byte `start` of `body` and runs at least to `j`, and
/// whether it is all ASCII (`ascii` tells whether it is so up to `j`). A word is letters and
/// digits, joined by `'`, `’`, `-`, `.` or `&` when a letter or digit follows (`U.S`, `al-Assad`,
/// `AT&T`), with the final period of an abbreviation or initial (`Mr.`, `E.`). Inlined: a call
/// per word cost more than the scan of most words.
#[inline(always)]
fn word_end(body: &str, start: usize, mut j: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = body.as_bytes();
    loop {
        // The ASCII letters and digits in one run.
        j += crate::ascii::run(bytes.get(j..).unwrap_or_default(), false);
        let Some(&d) = bytes.get(j) else {
            break;
        };
        let joiner_len = if d.is_ascii() {
            if BYTE_KIND[usize::from(d)] & JOINER == 0 {
                break;
            }
            1
        } else {
            let Some((c, len)) = char_at(body, j) else {
                break;
            };
            if c.is_alphanumeric() {
                j += len;
                ascii = false;
                continue;
            }
            if c != '’' {
                break;
            }
            len
        };
        let joins = match bytes.get(j + joiner_len) {
            Some(&a) if a.is_ascii() => BYTE_KIND[usize::from(a)] & ALNUM != 0,
            Some(_) => char_at(body, j + joiner_len).is_some_and(|(a, _)| a.is_alphanumeric()),
            None => false,
        };
        if joins {
            j += joiner_len;
            ascii &= joiner_len == 1;
            continue;
        }
        // `U.S.`, `Mr.`, `R-Ky.`, `E.`: keep the final period of an abbreviation or an
        // initial.
        if d == b'.' && is_abbreviation(&body[start..j], &body[j + 1..]) {
            j += 1;
        }
        break;
    }
    (j, ascii)
}

/// The length, the [`WordFilter::key`], the byte after the word of ASCII letters and digits
/// at byte `i` of `text` (an ASCII letter or digit) in a sentence ending at byte `end`, and
/// the 16 bytes loaded from `i` on (for [`Vocabulary::id_of_plain`]); `None` when it is not
/// plain.
///
/// Most words are plain: fewer than 16 ASCII letters and digits, then an ASCII byte, all read
/// from one 16-byte load. When that byte joins nothing, [`word_end`] gives the same end, and
/// reads every other word; a joiner after it is for the caller to read
/// ([`ends_before_period`]). The key is read from the load too: the lower case of an ASCII
/// letter or digit is the byte with bit 5 set. In the last 16 bytes of the sentence (every
/// sentence's last words), the bytes past its end are read as spaces: a word that runs to the
/// end ends there for [`word_end`] too.
#[inline(always)]
fn plain_word(text: &[u8], i: usize, end: usize) -> Option<(usize, u32, u8, [u64; 2])> {
    let (low, high) = match text.get(i..i + 16) {
        Some(c) => {
            let low = u64::from_le_bytes(*c.first_chunk::<8>()?);
            let high = u64::from_le_bytes(*c.last_chunk::<8>()?);
            if i + 16 <= end {
                (low, high)
            } else {
                let k = end.checked_sub(i)?;
                (
                    spaces_after(low, k),
                    spaces_after(high, k.saturating_sub(8)),
                )
            }
        }
        None => {
            let c = padded(text.get(i..end)?)?;
            let low = u64::from_le_bytes(*c.first_chunk::<8>()?);
            (low, u64::from_le_bytes(*c.last_chunk::<8>()?))
        }
    };
    // the letters and digits of each half, the second read only after a full first
    let n = alnum_run(low);
    let (n, after) = if n < 8 {
        (n, (low >> (8 * n)) as u8)
    } else {
        let m = alnum_run(high);
        (8 + m, (high.checked_shr(8 * m as u32)? as u8))
    };
    if n == 0 || n == 16 || !after.is_ascii() {
        return None;
    }
    let second = if n > 1 { (low >> 8) as u8 | 0x20 } else { 0 };
    let last = *text.get(i + n - 1)? | 0x20;
    let key = WordFilter::key(low as u8 | 0x20, second, last, n);
    Some((n, key, after, [low, high]))
}

/// Whether the word of `n` ASCII letters and digits at byte `i` of `text`, in a sentence
/// ending at byte `end`, ends there although the joiner `after` follows it, as [`word_end`]
/// reads it: a period that joins nothing (no letter or digit after it) and ends no
/// abbreviation (`said.` at the end of a sentence). Only for a word that starts with a letter:
/// one that starts with a digit is marked by its runs ([`Builder::mark_words_in`]).
#[inline(always)]
fn ends_before_period(text: &str, i: usize, n: usize, end: usize, after: u8) -> bool {
    let bytes = text.as_bytes();
    if after != b'.' || !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let next = i + n + 1;
    let joins = next < end
        && bytes
            .get(next)
            .is_some_and(|&c| !c.is_ascii() || BYTE_KIND[usize::from(c)] & ALNUM != 0);
    match (text.get(i..i + n), text.get(next..end)) {
        (Some(word), Some(rest)) => !joins && !is_abbreviation(word, rest),
        _ => false,
    }
}

/// The eight bytes `x` (little-endian) with those from the `k`-th on read as spaces.
#[inline(always)]
fn spaces_after(x: u64, k: usize) -> u64 {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let keep = if k >= 8 { !0 } else { (1u64 << (8 * k)) - 1 };
    (x & keep) | (SPACES & !keep)
}

/// The bytes `rest` (fewer than 16) padded with spaces to 16, for [`plain_word`] at the end
/// of the text.
#[cold]
fn padded(rest: &[u8]) -> Option<[u8; 16]> {
    let mut padded = [b' '; 16];
    padded.get_mut(..rest.len())?.copy_from_slice(rest);
    Some(padded)
}

/// How many ASCII letters and digits the eight bytes `x` (little-endian) start with.
///
/// Each test sets the top bit of the bytes outside a range, by a difference and a sum that
/// neither borrow nor carry across bytes: with bits 5 and 7 cleared, a letter is `A..=Z`
/// (0x41..=0x5a: `0xc0 - b` and `b + 0x25` are both below 0x80); with bit 7 cleared, a digit
/// is 0x30..=0x39 (`0xaf - b` and `b + 0x46`). A non-ASCII byte has its top bit set already.
#[inline(always)]
fn alnum_run(x: u64) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const TOP: u64 = ONES * 0x80;
    let upper = x & (ONES * 0x5f);
    let not_letter = (ONES * 0xc0 - upper) | (upper + ONES * 0x25);
    let low = x & !TOP;
    let not_digit = (ONES * 0xaf - low) | (low + ONES * 0x46);
    (((not_letter & not_digit) | x) & TOP).trailing_zeros() as usize / 8
}

/// The token at byte `i` of `body`, whose first byte is `b`.
enum Scanned {
    /// White space up to this byte.
    Space(usize),
    /// A token ending at this byte: a word or not, all ASCII or not, capitalised or not.
    Token(usize, bool, bool, bool),
}

/// Reads the token or the white space at byte `i` of `body` (`None` past a broken
/// character). ASCII first, as most of a wire story is; a non-ASCII character is decoded
/// only when met.
#[inline(always)]
fn scan(body: &str, i: usize, b: u8) -> Option<Scanned> {
    let kind = BYTE_KIND[usize::from(b)];
    if kind & SPACE != 0 {
        return Some(Scanned::Space(i + 1));
    }
    if kind & ALNUM != 0 {
        let (j, ascii) = word_end(body, i, i + 1, true);
        return Some(Scanned::Token(j, true, ascii, b.is_ascii_uppercase()));
    }
    if b.is_ascii() {
        return Some(Scanned::Token(i + 1, false, true, false));
    }
    let (c, clen) = char_at(body, i)?;
    Some(if c.is_whitespace() {
        Scanned::Space(i + clen)
    } else if c.is_alphanumeric() {
        let (j, _) = word_end(body, i, i + clen, false);
        Scanned::Token(j, true, false, c.is_uppercase())
    } else {
        Scanned::Token(i + clen, false, false, false)
    })
}

/// The token list under construction.
struct Builder<'f> {
    toks: Vec<Tok>,
    norm: String,
    sents: Vec<Sent>,
    /// The words looked up, and the tokens noted ([`NOTE`]).
    words: &'f Vocabulary,
    candidates: Vec<usize>,
    /// Whether the sentence being read holds a word flagged [`MARK`], and the starts of the
    /// sentences marked.
    marking: bool,
    marked: Vec<usize>,
}

impl Builder<'_> {
    /// Adds the tokens of sentence `s` (a span of `text`) of paragraph `pi`.
    #[inline(always)]
    fn sentence(&mut self, text: &str, s: Span, pi: usize) {
        let st0 = self.toks.len();
        self.marking = false;
        let body = s.slice(text);
        let bytes = body.as_bytes();
        let mut i = 0;
        loop {
            i = self.plain_tokens(text, s.start + i, s.end) - s.start;
            // What the plain loop leaves: a word that is not plain, a byte past ASCII.
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if BYTE_KIND[usize::from(b)] & ALNUM != 0 {
                let (j, ascii) = word_end(body, i, i + 1, true);
                if ascii {
                    let cap = b.is_ascii_uppercase();
                    self.ascii_word(s.start + i, s.start + j, None, cap);
                    i = j + usize::from(bytes.get(j) == Some(&b' '));
                    continue;
                }
            }
            match scan(body, i, b) {
                None => break,
                Some(Scanned::Space(next)) => i = next,
                Some(Scanned::Token(j, word, ascii, cap)) => {
                    self.token(body, s.start, (i, j), (word, ascii, cap));
                    i = j;
                }
            }
        }
        self.sents.push(Sent {
            t0: st0,
            t1: self.toks.len(),
            para: pi,
        });
        if self.marking {
            self.marked.push(s.start);
        }
    }

    /// Adds the commonest tokens of the sentence ending at byte `end` of `text` from byte `i`
    /// on: ASCII white space, plain words ([`plain_word`]) and ASCII punctuation marks.
    /// Returns the byte where it stops: the end, or a byte [`Builder::sentence`] reads (a word
    /// that is not plain, a byte past ASCII). A loop of its own, with little state: inlined
    /// into the general one, it kept its values on the stack.
    #[inline(never)]
    fn plain_tokens(&mut self, text: &str, mut i: usize, end: usize) -> usize {
        let bytes = text.as_bytes();
        while i < end {
            let Some(&b) = bytes.get(i) else {
                break;
            };
            let kind = BYTE_KIND[usize::from(b)];
            if kind & SPACE != 0 {
                i += 1;
                continue;
            }
            if kind & ALNUM != 0 {
                let Some((n, key, after, load)) = plain_word(bytes, i, end) else {
                    return i;
                };
                if BYTE_KIND[usize::from(after)] & JOINER != 0
                    && !ends_before_period(text, i, n, end, after)
                {
                    return i;
                }
                let cap = b.is_ascii_uppercase();
                let id = self.words.id_of_plain(key, load, n);
                self.ascii_word(i, i + n, Some(id), cap);
                // the one space after most words, skipped here rather than by the loop
                let j = i + n;
                i = j + usize::from(j < end && bytes.get(j) == Some(&b' '));
                continue;
            }
            if !b.is_ascii() {
                return i;
            }
            // an ASCII punctuation mark: a token of one byte, its own lower case
            let id = self.words.byte_id(b);
            self.push_tok((i, i + 1), (i, i + 1), (false, false, false), id);
            i += 1;
        }
        i
    }

    /// Adds the all-ASCII word at bytes `start..end` of the text, whose vocabulary id and
    /// flags are `plain` when it is a plain word ([`plain_word`]; the caller looked it up from what it
    /// loaded): [`Builder::token`] for the commonest token, without its tests of what the
    /// token is.
    #[inline(always)]
    fn ascii_word(&mut self, start: usize, end: usize, plain: Option<(u16, u8)>, cap: bool) {
        let (id, flags) = match plain {
            Some(found) => found,
            None => {
                let w = self.norm.as_bytes().get(start..end).unwrap_or_default();
                let id = self.words.id(w);
                (id, self.words.flags(id))
            }
        };
        if plain.is_none() {
            self.mark_words_in(start, end, true);
        }
        // Most words have no flag: one test.
        if flags != 0 {
            self.marking |= plain.is_some() && flags & MARK != 0;
            if flags & NOTE != 0 {
                self.candidates.push(self.toks.len());
            }
        }
        // `plain_word` read it: ASCII letters and digits only
        self.push_tok((start, end), (start, end), (true, cap, plain.is_some()), id);
    }

    /// Marks the sentence when the word at bytes `start..end` of the text may hold a marking
    /// word. A plain word is tested whole (in [`Builder::ascii_word`]); in this one, joined
    /// by `.`, `'`, `-` or `&` (`U.S.-backed`, `willing-to`), its leading run of letters and
    /// digits is tested, and every run of letters, digits and hyphens that starts with a
    /// letter, as the marking stage reads words. A word with a character past ASCII always
    /// marks its sentence: it is rare, and its runs are read otherwise.
    #[inline(never)]
    fn mark_words_in(&mut self, start: usize, end: usize, ascii: bool) {
        if self.marking {
            return;
        }
        if !ascii {
            self.marking = true;
            return;
        }
        let Some(w) = self.norm.as_bytes().get(start..end) else {
            return;
        };
        let marks = |run: &[u8]| self.words.flags(self.words.id(run)) & MARK != 0;
        let lead = w.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if marks(&w[..lead]) {
            self.marking = true;
            return;
        }
        // All letters and digits from a letter on (`said` of `said.`): the lead run was the
        // only run (`3rd` has the run `rd`).
        if lead == w.len() && w.first().is_some_and(u8::is_ascii_alphabetic) {
            return;
        }
        let mut i = 0;
        while i < w.len() {
            if !w[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let run = i;
            while i < w.len() && (w[i].is_ascii_alphanumeric() || w[i] == b'-') {
                i += 1;
            }
            // the lead run, tested above, is not tested again
            if (run, i) != (0, lead) && marks(&w[run..i]) {
                self.marking = true;
                return;
            }
        }
    }

    /// Adds the token at bytes `start..end` of the text whose lower case is at `n0..n1` of
    /// the lower-case text and whose vocabulary id is `id`; `plain` when it is known to be
    /// ASCII letters and digits only.
    #[inline(always)]
    fn push_tok(
        &mut self,
        (start, end): (usize, usize),
        (n0, n1): (usize, usize),
        (word, cap, plain): (bool, bool, bool),
        id: u16,
    ) {
        // All below 4 GiB: see TOKENIZED_BYTES.
        self.toks.push(Tok {
            start: start as u32,
            end: end as u32,
            norm_start: n0 as u32,
            norm_end: n1 as u32,
            sent_index: self.sents.len() as u32,
            id,
            word,
            cap,
            // set by `mark_quoted` once all tokens are in
            quoted: false,
            plain,
        });
    }

    /// Adds the token at bytes `i..j` of the sentence `body` that starts at byte `base`.
    /// `(word, ascii, cap)` tell whether it is a word, all ASCII, capitalised.
    #[inline(always)]
    fn token(
        &mut self,
        body: &str,
        base: usize,
        (i, j): (usize, usize),
        (word, ascii, cap): (bool, bool, bool),
    ) {
        let (start, end) = (base + i, base + j);
        let (n0, n1) = if ascii {
            // Most tokens: already lower-cased in place.
            (start, end)
        } else {
            let n0 = self.norm.len();
            for ch in body[i..j].chars() {
                match ch {
                    '’' | '‘' => self.norm.push('\''),
                    _ => self.norm.extend(ch.to_lowercase()),
                }
            }
            (n0, self.norm.len())
        };
        if word {
            self.mark_words_in(start, end, ascii);
        }
        // Looked up here, while the token's bytes are at hand, rather than in a second pass
        // over all tokens.
        let id = self
            .words
            .id(self.norm.as_bytes().get(n0..n1).unwrap_or_default());
        if word && self.words.flags(id) & NOTE != 0 {
            self.candidates.push(self.toks.len());
        }
        self.push_tok((start, end), (n0, n1), (word, cap, false), id);
    }
}

/// The tokens of the sentences of `paragraphs`, with the quotation flags from `quotes` and
/// the id of each in `words`, noting the word tokens `words` flags [`NOTE`] and the sentences
/// with a word it flags [`MARK`] (in the same scan, while their bytes are at hand).
#[inline(never)] // A stage of its own in profiles.
pub fn tokenize(
    text: &str,
    paragraphs: &[Paragraph],
    quotes: &[QuotedSpan],
    words: &Vocabulary,
) -> Doc {
    // ASCII lower-casing keeps UTF-8 and offsets intact; over the whole text at once it runs
    // as vector code, where a copy per token would cost a call each.
    let mut norm = String::with_capacity(text.len() + text.len() / 8);
    norm.push_str(text);
    norm.make_ascii_lowercase();
    let mut b = Builder {
        // About one token in five bytes of wire text: the vector is seldom grown, and a very
        // long story (whose tokens are most of its memory) does not reserve a quarter more
        // than it uses.
        toks: Vec::with_capacity(text.len() / 5 + 16),
        norm,
        sents: Vec::with_capacity(paragraphs.iter().map(|p| p.sentences.len()).sum()),
        words,
        // Speech cues, the candidates asked for today, are a few in a hundred words.
        candidates: Vec::with_capacity(text.len() / 128 + 4),
        marking: false,
        marked: Vec::new(),
    };
    let mut para_toks = Vec::with_capacity(paragraphs.len());
    for (pi, p) in paragraphs.iter().enumerate() {
        let pt0 = b.toks.len();
        for s in &p.sentences {
            if s.end <= text.len()
                && s.end <= TOKENIZED_BYTES
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
            {
                b.sentence(text, *s, pi);
            } else {
                // not read here: its own scan must read it
                b.marked.push(s.start);
            }
        }
        para_toks.push((pt0, b.toks.len()));
    }
    mark_quoted(&mut b.toks, quotes);
    Doc {
        toks: b.toks,
        norm: b.norm,
        sents: b.sents,
        para_toks,
        candidates: b.candidates,
        marked: b.marked,
    }
}

/// Flags the tokens inside the content of a top-level double quotation, quotation by
/// quotation: the tokens before each are skipped by a binary search, so that the work is that
/// of the quoted tokens, not of every token.
///
/// A token belongs to the first quotation (in order, from that of the token before it) that
/// ends after the token starts, and is quoted when that quotation holds it whole.
fn mark_quoted(toks: &mut [Tok], quotes: &[QuotedSpan]) {
    let mut next = 0;
    for q in quotes.iter().filter(|q| !q.single && q.depth == 0) {
        let q = q.inner;
        let rest = toks.get_mut(next..).unwrap_or_default();
        // the tokens of this quotation start at or after it, and before its end
        let first = rest.partition_point(|t| (t.start as usize) < q.start);
        let last = rest.partition_point(|t| (t.start as usize) < q.end);
        for t in rest.get_mut(first..last).unwrap_or_default() {
            t.quoted = t.end as usize <= q.end;
        }
        next += last;
    }
}

impl Doc {
    pub(crate) fn w(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.norm[t.norm()]).unwrap_or("")
    }

    /// The lower-case bytes of token `i`, for comparisons, which need no `str` (and so no
    /// check of character boundaries).
    pub(crate) fn w_bytes(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.norm.as_bytes().get(t.norm()))
            .unwrap_or_default()
    }

    pub(crate) fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w_bytes(i);
        words.iter().any(|x| x.as_bytes() == w)
    }

    /// The paragraph of sentence `sent` (0 for a sentence with no token).
    pub(crate) fn para_of_sentence(&self, sent: usize) -> usize {
        self.sents
            .get(sent)
            .and_then(|s| self.toks.get(s.t0))
            .map_or(0, |t| self.sents[t.sent()].para)
    }

    /// The paragraph of token `i`.
    pub(crate) fn para_of(&self, i: usize) -> usize {
        self.sents[self.toks[i].sent()].para
    }

    /// The token whose span starts at or after byte `pos` (one past the last when none).
    pub(crate) fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span().start < pos)
    }

    pub(crate) fn punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word)
    }

    pub(crate) fn quote_mark(&self, i: usize) -> bool {
        self.punct(i) && matches!(self.w(i), "\"" | "“" | "”" | "'" | "«" | "»" | "`")
    }

    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span().start, self.toks[b - 1].span().end)
    }
}

#[cfg(test)]
mod tests;
