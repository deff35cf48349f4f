//! The tokeniser: cuts a story once into words (looked up in the date lexicon), numbers,
//! clock times, ISO and slashed dates, and punctuation, noting where the grammar may start.

use super::lexicon::{initials, lookup, Lex, Packed, KEEP, PACKED};
use crate::span::Span;

/// A token kind.
#[derive(Debug, Clone, Copy)]
pub(super) enum K {
    /// A word; `lex` is its lexicon entry.
    Word {
        lex: Option<&'static Lex>,
        cap: bool,
    },
    /// Digits: `val`, how many digits, an ordinal (`2nd`) or plural (`1990s`) suffix, and
    /// whether it is not a plain integer (`1,500`, `2.5`).
    Num {
        val: u32,
        digits: u8,
        ord: bool,
        plural: bool,
        plain: bool,
        frac: f64,
    },
    /// `10:35`.
    Clock { h: u32, m: u32 },
    /// `2022-01-18`.
    Iso { y: i32, m: u32, d: u32 },
    /// `7/8/07` (month, day, year).
    Slash { a: u32, b: u32, c: Option<u32> },
    /// `a.m.` (false) or `p.m.` (true).
    AmPm(bool),
    /// `'s`.
    Poss,
    /// One punctuation character; `\n` for a line break.
    P(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) span: Span,
    pub(super) k: K,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// What the tokeniser does at an ASCII byte; line breaks and the bytes of non-ASCII
/// characters take its general path ([`other`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Byte {
    /// White space but the line break: skipped.
    Space,
    /// An ASCII letter: a word starts or goes on.
    Letter,
    /// An ASCII digit: a number starts.
    Digit,
    /// Any other ASCII character: a punctuation token.
    Punct,
    /// A line break: a punctuation token where it ends a clause.
    Newline,
    /// A byte of a non-ASCII character.
    Other,
}

/// [`Byte`] of every byte value, so that the tokeniser's inner loops test one table entry.
pub(super) static BYTE_CLASS: [Byte; 256] = {
    let mut t = [Byte::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            Byte::Newline
        } else if c.is_ascii_whitespace() || c == 0x0b {
            // what `char::is_whitespace` says of ASCII, the vertical tab included
            Byte::Space
        } else if c.is_ascii_alphabetic() {
            Byte::Letter
        } else if c.is_ascii_digit() {
            Byte::Digit
        } else {
            Byte::Punct
        };
        b += 1;
    }
    t
};

/// A story's tokens, and where the grammar may start.
#[derive(Default)]
pub(super) struct Tokens {
    pub(super) toks: Vec<Tok>,
    /// The tokens of a kind some rule starts with ([`may_start`]), in order: the grammar
    /// visits only these.
    pub(super) starts: Vec<usize>,
}

impl Tokens {
    /// Adds a token, and notes it among the starts if it is of a kind some rule starts with.
    pub(super) fn push(&mut self, span: Span, k: K) {
        if may_start(k) {
            self.starts.push(self.toks.len());
        }
        self.toks.push(Tok { span, k });
    }
}

/// Cuts `text[region]` into tokens.
#[cfg(test)]
pub(super) fn tokenise(text: &str, region: Span) -> Tokens {
    let mut out = Tokens::default();
    tokenise_into(text, region, &mut out);
    out
}

/// [`tokenise`] into `out`, emptied first: a worker reuses its lists from story to story.
// Out of line (one call per story), so that profiles show the tokeniser apart from the grammar.
#[inline(never)]
pub(super) fn tokenise_into(text: &str, region: Span, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let end = region.end.min(text.len());
    let packed: &Packed = &PACKED;
    out.toks.clear();
    out.starts.clear();
    // about one token in five bytes: room for a little more so that the vector rarely grows
    out.toks.reserve(region.len() / 4 + 16);
    // one in 16 bytes: more than a story has (numbers are the commonest), so that the vector
    // is rarely grown
    out.starts.reserve(region.len() / 16 + 8);
    let mut i = region.start;
    while i < end {
        let b0 = bytes[i];
        // one space between two words: the commonest byte after letters
        if b0 == b' ' {
            i += 1;
            continue;
        }
        i = match BYTE_CLASS[b0 as usize] {
            Byte::Space => i + 1,
            Byte::Letter => ascii_words(text, i, end, packed, out),
            Byte::Digit => number(text, i, end, out),
            Byte::Newline => {
                let (ends, next) = line_break(text, i, end);
                if ends {
                    out.push(Span::new(i, i + 1), K::P('\n'));
                }
                next
            }
            Byte::Punct => {
                out.push(Span::new(i, i + 1), K::P(b0 as char));
                i + 1
            }
            Byte::Other => other(text, i, end, packed, out),
        };
    }
}

/// The token at `i` that starts with a non-ASCII character: white space, a letter or a
/// punctuation mark. Returns where it ends.
pub(super) fn other(text: &str, i: usize, end: usize, packed: &Packed, out: &mut Tokens) -> usize {
    let Some(c) = text[i..end].chars().next() else {
        return end;
    };
    if c.is_whitespace() {
        return i + c.len_utf8();
    }
    if c.is_alphabetic() {
        return word(text, i, end, c, packed, out);
    }
    let p = if c == '\u{2013}' || c == '\u{2014}' {
        '-'
    } else {
        c
    };
    out.push(
        Span::new(i, i + c.len_utf8()),
        K::P(if is_apostrophe(p) { '\'' } else { p }),
    );
    i + c.len_utf8()
}

/// How many ASCII letters `s` starts with, eight bytes at a time where `s` is that long (a
/// whole word, most of the time).
pub(super) fn leading_letters(s: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = s.get(n..).and_then(|r| r.first_chunk::<8>()) {
        let run = ascii_letters_u64(u64::from_le_bytes(*chunk));
        n += run;
        if run < 8 {
            return n;
        }
    }
    n + s[n..]
        .iter()
        .take_while(|&&b| BYTE_CLASS[b as usize] == Byte::Letter)
        .count()
}

/// The end of `a.m.` or `p.m.` at `i`, whose first letter is `c`.
pub(super) fn am_pm(text: &str, i: usize, end: usize, c: char, packed: &Packed) -> Option<usize> {
    let bytes = text.as_bytes();
    if !(bytes.get(i + 1) == Some(&b'.')
        && (c == 'a' || c == 'p' || c == 'A' || c == 'P')
        && matches!(bytes.get(i + 2), Some(b'm') | Some(b'M'))
        && !bytes.get(i + 3).is_some_and(|b| b.is_ascii_alphabetic()))
    {
        return None;
    }
    let mut e = i + 3;
    if bytes.get(e) == Some(&b'.') {
        // Keep the final dot unless it ends the sentence.
        let rest = text[e + 1..end].trim_start();
        let next = rest
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .take(12)
            .count();
        // "10 p.m. Wednesday", "5 p.m. EST": the dot is the abbreviation's
        let dated = lookup(packed, rest.as_bytes(), 0, next)
            .is_some_and(|l| l.weekday != 0 || l.month != 0 || l.tz.is_some());
        let ends = rest.is_empty() || (rest.starts_with(|c: char| c.is_uppercase()) && !dated);
        if !ends {
            e += 1;
        }
    }
    Some(e)
}

/// [`word`] at the ASCII letter `bytes[start]`, and at the words that follow it one space
/// apart (most of a text), read here without going back through the tokeniser's main loop.
/// Returns where the last word ends.
///
/// The plain word is done here without [`word`]'s general paths: at most 15 ASCII letters
/// followed by neither an apostrophe nor a non-ASCII character (which may go on with the word),
/// and not `a` or `p` before a dot (`a.m.`), with the region going on at least 16 bytes from
/// its start. One 16-byte load gives its length, the byte after it and its key in [`PACKED`].
/// Any other word is left to [`word`], which ends the run.
#[inline]
pub(super) fn ascii_words(
    text: &str,
    start: usize,
    end: usize,
    packed: &Packed,
    out: &mut Tokens,
) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        let Some(&chunk) = bytes[..end].get(i..).and_then(|s| s.first_chunk::<16>()) else {
            return word(text, i, end, char::from(bytes[i]), packed, out);
        };
        let raw = u128::from_le_bytes(chunk);
        let Some((len, after)) = ascii_letter_run(raw) else {
            return word(text, i, end, char::from(bytes[i]), packed, out);
        };
        // (`U.S.` is plain: only `a` and `p` may start `a.m.` and `p.m.`)
        let am_pm = after == b'.' && len == 1 && matches!(raw as u8 | 0x20, b'a' | b'p');
        if after >= 0x80 || after == b'\'' || am_pm {
            return word(text, i, end, char::from(bytes[i]), packed, out);
        }
        let j = i + len;
        let lex = if packed.lengths[initials(raw as u8, (raw >> 8) as u8)] >> len & 1 != 0 {
            // as in `packed_key`: bit 5 lower-cases a letter; the bytes after the word masked off
            packed
                .get((raw | u128::from_le_bytes([0x20; 16])) & KEEP.get(len).copied().unwrap_or(0))
        } else {
            None
        };
        // the first byte is a letter: a capital has bit 5 clear
        let cap = raw & 0x20 == 0;
        // "3pm", "10 am" (tested from the cheapest end)
        let two = (raw as u16) | 0x2020;
        if len == 2
            && matches!(
                out.toks.last(),
                Some(Tok {
                    k: K::Num { .. },
                    ..
                })
            )
            && (two == u16::from_le_bytes(*b"am") || two == u16::from_le_bytes(*b"pm"))
        {
            out.push(Span::new(i, j), K::AmPm(two == u16::from_le_bytes(*b"pm")));
        } else {
            out.push(Span::new(i, j), K::Word { lex, cap });
        }
        // one space and a letter after the word: the next word
        if after != b' '
            || !bytes[..end]
                .get(j + 1)
                .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == Byte::Letter)
        {
            return j;
        }
        i = j + 1;
    }
}

/// How many ASCII letters the 16 bytes `x` (little-endian) start with, and the byte after
/// them; `None` when all 16 are letters. The second half is tested only when the first is all
/// letters (a long word).
#[inline]
pub(super) fn ascii_letter_run(x: u128) -> Option<(usize, u8)> {
    let low = x as u64;
    let n = ascii_letters_u64(low);
    if n < 8 {
        return Some((n, (low >> (8 * n)) as u8));
    }
    let high = (x >> 64) as u64;
    let n = ascii_letters_u64(high);
    (n < 8).then(|| (8 + n, (high >> (8 * n)) as u8))
}

/// How many ASCII letters the 8 bytes `x` (little-endian) start with.
///
/// With bit 7 of every byte cleared, adding `0x80 - b'a'` to a byte sets its bit 7 exactly when
/// it is at least `a`, and carries into no other byte; likewise for `z`.
#[inline]
pub(super) fn ascii_letters_u64(x: u64) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const TOP: u64 = ONES * 0x80;
    // lower case, bit 7 cleared
    let low = (x | (ONES * 0x20)) & !TOP;
    let from_a = low + ONES * (0x80 - b'a' as u64);
    let past_z = low + ONES * (0x7f - b'z' as u64);
    // bit 7 of each byte: ASCII, `a` or later, not after `z`
    let letter = !x & from_a & !past_z & TOP;
    (!letter & TOP).trailing_zeros() as usize / 8
}

/// Where the word starting at `i` with the letter `c` ends (letters, and apostrophes inside
/// it), whether it is all ASCII, and the length of the apostrophe of a possessive `'s` after
/// it.
#[inline]
fn word_end(text: &str, i: usize, end: usize, c: char) -> (usize, bool, Option<usize>) {
    let bytes = text.as_bytes();
    // The word's letters; a word with any non-ASCII character is in no lexicon entry.
    let mut j = i + c.len_utf8();
    let mut ascii = c.is_ascii();
    // the length of the apostrophe of a possessive `'s` after the word
    let mut possessive = None;
    loop {
        // the ASCII letters, most of every word
        j += leading_letters(&bytes[j..end]);
        let Some(&b) = bytes[..end].get(j) else {
            break;
        };
        // any other ASCII byte but the apostrophe ends the word
        if b < 0x80 && b != b'\'' {
            break;
        }
        let Some(d) = text[j..end].chars().next() else {
            break;
        };
        if d.is_alphabetic() {
            ascii = false;
            j += d.len_utf8();
        } else if is_apostrophe(d) {
            // "'s" is its own token; other internal apostrophes stay in the word.
            let after = &text[j + d.len_utf8()..end];
            let next_alpha = after.chars().next().is_some_and(|x| x.is_alphabetic());
            let is_s = (after.starts_with('s') || after.starts_with('S'))
                && !after[1..].chars().next().is_some_and(|x| x.is_alphabetic());
            if next_alpha && !is_s {
                if d != '\'' {
                    ascii = false;
                }
                j += d.len_utf8();
            } else {
                possessive = is_s.then_some(d.len_utf8());
                break;
            }
        } else {
            break;
        }
    }
    (j, ascii, possessive)
}

/// Reads the word (or `a.m.`, `pm` after a number) starting at `i` with the letter `c`, and the
/// possessive after it; returns where they end.
#[inline(never)]
pub(super) fn word(
    text: &str,
    i: usize,
    end: usize,
    c: char,
    packed: &Packed,
    out: &mut Tokens,
) -> usize {
    let bytes = text.as_bytes();
    let start = i;
    let (j, ascii, possessive) = word_end(text, i, end, c);
    // a.m. / p.m. (a one-letter word before a dot)
    if j == i + 1 {
        if let Some(e) = am_pm(text, i, end, c, packed) {
            out.push(Span::new(i, e), K::AmPm(c == 'p' || c == 'P'));
            return e;
        }
    }
    let word = &bytes[start..j];
    let lex = if ascii && word.len() <= 24 {
        lookup(packed, bytes, start, word.len())
    } else {
        None
    };
    let cap = c.is_uppercase();
    // "3pm", "10 am"
    let prev_num = matches!(
        out.toks.last(),
        Some(Tok {
            k: K::Num { .. },
            ..
        })
    );
    if prev_num && (word.eq_ignore_ascii_case(b"am") || word.eq_ignore_ascii_case(b"pm")) {
        out.push(
            Span::new(start, j),
            K::AmPm(word.eq_ignore_ascii_case(b"pm")),
        );
    } else {
        out.push(Span::new(start, j), K::Word { lex, cap });
    }
    if let Some(apostrophe) = possessive {
        let e = j + apostrophe + 1;
        out.push(Span::new(j, e), K::Poss);
        return e;
    }
    j
}

pub(super) fn digits_at(b: &[u8], i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

pub(super) fn parse_u32(s: &str) -> u32 {
    s.parse::<u64>()
        .map(|v| v.min(u32::MAX as u64) as u32)
        .unwrap_or(u32::MAX)
}

/// The value of `0.` followed by the ASCII digits `digits`, exactly as `str::parse` reads it,
/// without allocating for the usual short fractions.
pub(super) fn parse_frac(digits: &[u8]) -> f64 {
    // Up to 15 digits, the digits read as an integer and the power of ten are both exact
    // `f64`s, and one IEEE division rounds their quotient correctly: the value `str::parse`
    // gives (which also rounds correctly), without its general algorithm.
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if let Some(&pow) = POW10.get(digits.len()) {
        if digits.iter().all(u8::is_ascii_digit) {
            let m = digits
                .iter()
                .fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
            return m as f64 / pow;
        }
    }
    let mut buf = [0u8; 40];
    if digits.len() + 2 > buf.len() {
        let s = format!("0.{}", std::str::from_utf8(digits).unwrap_or(""));
        return s.parse().unwrap_or(0.0);
    }
    buf[0] = b'0';
    buf[1] = b'.';
    buf[2..2 + digits.len()].copy_from_slice(digits);
    std::str::from_utf8(&buf[..2 + digits.len()])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0)
}

/// Reads the number token starting at `i`; returns where it ends.
pub(super) fn number(text: &str, i: usize, end: usize, out: &mut Tokens) -> usize {
    let b = text.as_bytes();
    let j = digits_at(b, i, end);
    let nd = j - i;
    let digit = |k: usize| k < end && b[k].is_ascii_digit();
    let next = b.get(j).copied();
    let read = match next {
        // 10:35, 10:35:20
        Some(b':') if nd <= 2 && digit(j + 1) => clock_token(text, i, j, end, out),
        // 2022-01-18
        Some(b'-') if nd == 4 && digit(j + 1) => iso_token(text, i, j, end, out),
        // 7/8/07, 1/2
        Some(b'/') if nd <= 2 && digit(j + 1) => Some(slash_token(text, i, j, end, out)),
        _ => None,
    };
    match read {
        Some(e) => e,
        None => plain_number(text, i, j, end, out),
    }
}

/// `10:35`, `10:35:20` at `i` (the first colon at `j`), if the minutes have two digits.
fn clock_token(text: &str, i: usize, j: usize, end: usize, out: &mut Tokens) -> Option<usize> {
    let b = text.as_bytes();
    let k = digits_at(b, j + 1, end);
    if k - j - 1 != 2 {
        return None;
    }
    let mut e = k;
    if b.get(k) == Some(&b':') && k + 1 < end && b[k + 1].is_ascii_digit() {
        e = digits_at(b, k + 1, end);
    }
    out.push(
        Span::new(i, e),
        K::Clock {
            h: parse_u32(&text[i..j]),
            m: parse_u32(&text[j + 1..k]),
        },
    );
    Some(e)
}

/// `2022-01-18` at `i` (the first hyphen at `j`), if it has that shape.
fn iso_token(text: &str, i: usize, j: usize, end: usize, out: &mut Tokens) -> Option<usize> {
    let b = text.as_bytes();
    let k = digits_at(b, j + 1, end);
    if !(k - j - 1 == 2 && b.get(k) == Some(&b'-') && k + 1 < end && b[k + 1].is_ascii_digit()) {
        return None;
    }
    let e = digits_at(b, k + 1, end);
    if e - k - 1 != 2 {
        return None;
    }
    out.push(
        Span::new(i, e),
        K::Iso {
            y: parse_u32(&text[i..j]) as i32,
            m: parse_u32(&text[j + 1..k]),
            d: parse_u32(&text[k + 1..e]),
        },
    );
    Some(e)
}

/// `7/8/07`, `1/2` at `i` (the first slash at `j`).
fn slash_token(text: &str, i: usize, j: usize, end: usize, out: &mut Tokens) -> usize {
    let b = text.as_bytes();
    let k = digits_at(b, j + 1, end);
    let mut e = k;
    let mut c = None;
    if k - j - 1 <= 2 && b.get(k) == Some(&b'/') && k + 1 < end && b[k + 1].is_ascii_digit() {
        e = digits_at(b, k + 1, end);
        c = Some(parse_u32(&text[k + 1..e]));
    }
    out.push(
        Span::new(i, e),
        K::Slash {
            a: parse_u32(&text[i..j]),
            b: parse_u32(&text[j + 1..k]),
            c,
        },
    );
    e
}

/// A number at `i` whose leading digits end at `j`: `1,500`, `2.5`, with a suffix (`2nd`,
/// `1990s`, `3pm`); a number glued to other letters (`F16`, `3D`) is a word of no use.
fn plain_number(text: &str, i: usize, j: usize, end: usize, out: &mut Tokens) -> usize {
    let b = text.as_bytes();
    let nd = j - i;
    let mut e = j;
    let mut plain = true;
    let mut frac = 0.0;
    while b.get(e) == Some(&b',') && digits_at(b, e + 1, end) == e + 4 {
        e += 4;
        plain = false;
    }
    if b.get(e) == Some(&b'.') && e + 1 < end && b[e + 1].is_ascii_digit() {
        let k = digits_at(b, e + 1, end);
        frac = parse_frac(&b[e + 1..k]);
        e = k;
        plain = false;
    }
    let val = if plain {
        parse_u32(&text[i..j])
    } else {
        // the digits before any decimal point, thousands separators skipped
        let mut v: u64 = 0;
        for &d in b[i..e].iter().take_while(|&&d| d != b'.') {
            if d.is_ascii_digit() {
                v = (v * 10 + (d - b'0') as u64).min(u32::MAX as u64 + 1);
            }
        }
        v.min(u32::MAX as u64) as u32
    };
    let num = K::Num {
        val,
        digits: nd.min(255) as u8,
        ord: false,
        plural: false,
        plain,
        frac,
    };
    with_suffix(text, i, e, end, num, out)
}

/// Pushes the number `num` read from `i` to `e`, with the letters glued after it: an ordinal
/// or plural suffix (`2nd`, `1990s`), `am`/`pm` as a token of its own (`3pm`), or anything
/// else making the whole a word of no use (`F16`, `3D`). Returns where the token ends.
fn with_suffix(text: &str, i: usize, e: usize, end: usize, num: K, out: &mut Tokens) -> usize {
    let b = text.as_bytes();
    let with = |ord: bool, plural: bool| match num {
        K::Num {
            val,
            digits,
            plain,
            frac,
            ..
        } => K::Num {
            val,
            digits,
            ord,
            plural,
            plain,
            frac,
        },
        other => other,
    };
    // suffixes: 2nd, 1990s
    let mut k = e;
    while k < end && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k == e {
        out.push(Span::new(i, e), with(false, false));
        return e;
    }
    let mut sb = [0u8; 2];
    let suf: &[u8] = if k - e <= 2 {
        for (x, y) in sb.iter_mut().zip(&b[e..k]) {
            *x = y.to_ascii_lowercase();
        }
        &sb[..k - e]
    } else {
        b""
    };
    match suf {
        b"st" | b"nd" | b"rd" | b"th" => out.push(Span::new(i, k), with(true, false)),
        b"s" => out.push(Span::new(i, k), with(false, true)),
        b"am" | b"pm" => {
            out.push(Span::new(i, e), with(false, false));
            out.push(Span::new(e, k), K::AmPm(suf == b"pm"));
        }
        _ => {
            // "F16", "3D": not a number we can use.
            let word = K::Word {
                lex: None,
                cap: false,
            };
            out.push(Span::new(i, k), word);
        }
    }
    k
}

/// Whether a token of kind `k` is one [`start`] may try the grammar at (it does not call
/// [`Start::No`]), told as the token is made (before the token after it, which [`start`] may
/// read). Inert words are left out but in debug builds, which check them.
pub(super) fn may_start(k: K) -> bool {
    match k {
        K::Word { lex: Some(l), .. } => l.starts || (cfg!(debug_assertions) && l.inert),
        K::Num { .. } | K::Clock { .. } | K::Iso { .. } | K::Slash { .. } | K::P('\'') => true,
        _ => false,
    }
}

/// Whether the line break at byte `at` ends a clause, or is only the hard wrap of a wire
/// story's fixed-width lines (`last met on February` / `20 in Oslo`), which is white space.
///
/// It ends one at a blank line, before an indented line (a new paragraph in Reuters' layout),
/// or after a line closing with sentence punctuation; a line ending in a word or a number
/// runs on.
///
/// Also returns where the white space after the line break ends, which the tokeniser skips.
pub(super) fn line_break(text: &str, at: usize, end: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let mut next = at + 1;
    while next < end && matches!(bytes[next], b' ' | b'\t' | b'\r') {
        next += 1;
    }
    let indent = next - at - 1;
    if next >= end || bytes[next] == b'\n' || indent >= 2 {
        return (true, next);
    }
    // the last character of the line before, its spaces trimmed
    let mut back = at;
    while back > 0 && matches!(bytes[back - 1], b' ' | b'\t' | b'\r') {
        back -= 1;
    }
    let ends = matches!(
        bytes[..back],
        [] | [.., b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'\'']
            // `”` and `’` in UTF-8
            | [.., 0xE2, 0x80, 0x9D | 0x99]
    );
    (ends, next)
}

#[cfg(test)]
mod scan_tests {
    use super::super::lexicon::LEXICON;
    use super::*;

    /// The eight-at-once test agrees with the byte table for every byte at every place.
    #[test]
    fn leading_letters_agrees_with_the_table() {
        for b in 0..=255u8 {
            for before in 0..20 {
                let mut s = vec![b'q'; before];
                s.push(b);
                s.extend_from_slice(b"Word-");
                let letter = BYTE_CLASS[b as usize] == Byte::Letter;
                let want = before + if letter { 5 } else { 0 };
                assert_eq!(
                    leading_letters(&s),
                    want,
                    "byte {b:#x} after {before} letters"
                );
            }
        }
        assert_eq!(leading_letters(b""), 0);
        assert_eq!(leading_letters(&[b'z'; 40]), 40);
    }

    /// The one-load run of the plain-word path agrees with [`leading_letters`], and gives the
    /// byte after the letters.
    #[test]
    fn letter_run_of_one_load_agrees() {
        for b in 0..=255u8 {
            for before in 0..16 {
                // letters, the byte `b`, then no letters
                let mut s = [b'-'; 16];
                s[..before].fill(b'x');
                s[before] = b;
                let want = leading_letters(&s);
                let got = ascii_letter_run(u128::from_le_bytes(s));
                if want == 16 {
                    assert_eq!(got, None, "byte {b:#x} at {before}");
                } else {
                    assert_eq!(got, Some((want, s[want])), "byte {b:#x} at {before}");
                }
            }
        }
        assert_eq!(ascii_letter_run(u128::from_le_bytes([b'Q'; 16])), None);
    }

    /// The initials-and-length filter rules out no word of the lexicon, in any case, and the
    /// plain-word path finds every entry [`lookup`] finds.
    #[test]
    fn initials_filter_keeps_every_entry() {
        let packed: &Packed = &PACKED;
        for (k, _) in LEXICON.iter() {
            if k.is_empty() || k.len() > 15 || !k.iter().all(u8::is_ascii_alphabetic) {
                continue;
            }
            for form in [k.to_vec(), k.to_ascii_uppercase(), {
                let mut c = k.to_vec();
                c[0].make_ascii_uppercase();
                c
            }] {
                let mut text = form.clone();
                text.extend_from_slice(b" and some more words");
                let text = std::str::from_utf8(&text).unwrap_or_default();
                let n = k.len();
                let filter = packed.lengths[initials(form[0], text.as_bytes()[1])] >> n & 1;
                assert_eq!(filter, 1, "{}", String::from_utf8_lossy(&form));
                let toks = tokenise(text, Span::new(0, text.len())).toks;
                let want = lookup(packed, text.as_bytes(), 0, n).map(|l| l as *const Lex);
                match toks[0].k {
                    K::Word { lex, .. } => {
                        assert_eq!(lex.map(|l| l as *const Lex), want, "{text}")
                    }
                    K::AmPm(_) => {}
                    other => panic!("{text}: {other:?}"),
                }
            }
        }
    }

    /// The short-fraction path reads what `str::parse` reads.
    #[test]
    fn fractions_read_as_str_parse_reads_them() {
        let cases = [
            "",
            "0",
            "5",
            "25",
            "1",
            "3",
            "33",
            "333333333333333",
            "999999999999999",
            "123456789012345",
            "1234567890123456",
            "10000000000000000001",
            "7",
            "07",
            "000",
            "14285714285714285714285714285714285714285714",
        ];
        for digits in cases {
            let want: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
            let got = parse_frac(digits.as_bytes());
            assert_eq!(got.to_bits(), want.to_bits(), "0.{digits}");
        }
    }
}
