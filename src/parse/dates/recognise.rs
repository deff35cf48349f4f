//! Recognition: a one-pass tokeniser and a small hand-written grammar over its tokens.
//!
//! The text is cut once into tokens (words looked up in the date lexicon, numbers, clock
//! times, punctuation). The grammar is then tried at each token that can start a temporal
//! expression; every rule looks ahead a bounded number of tokens, so the whole pass is linear
//! in the text. Each rule calls [`super::normalise`] for the value, with the tense found in a
//! bounded window around the expression.

use super::normalise::{self as n, Day, Dir, Tense};
use crate::span::Span;
use crate::vocab::DateType;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What the lexicon says about one word (a word may have several readings: `second`).
#[derive(Debug, Default)]
pub(super) struct Lex {
    month: u32,
    weekday: u32,
    weekdays: u32,
    unit: Option<&'static str>,
    units: Option<&'static str>,
    num: Option<u32>,
    ord: Option<i32>,
    fuzzy: bool,
    rel: Option<&'static str>,
    dayrel: Option<&'static str>,
    pod: Option<&'static str>,
    season: Option<&'static str>,
    reference: Option<&'static str>,
    set: Option<&'static str>,
    modifier: Option<&'static str>,
    approx: bool,
    word: Option<&'static str>,
    holiday: Option<&'static str>,
    tz: Option<&'static str>,
    tense: Option<Tense>,
    /// A decade in words (`the nineties`): its tens digit.
    decade: Option<u32>,
    /// No rule can start at this word: it only gives context to rules started elsewhere
    /// (`of`, `in`, `ago`). See [`STARTERS`].
    inert: bool,
    /// The grammar is tried at this word: it is not inert, and not a bare tense cue.
    starts: bool,
}

/// The function words (lexicon key or `word` value) that [`G::at`] reads at the token where it
/// starts a match ([`G::approx_len`], [`G::core`], [`G::body`]). Any other word whose only
/// readings are `word` and `tense` makes [`G::at`] fail without changing any state, so the
/// grammar skips it ([`Lex::inert`]). A new rule that tests a `word` at its first token must
/// add it here.
const STARTERS: &[&str] = &[
    "a",
    "at",
    "comparable",
    "corresponding",
    "each",
    "fiscal",
    "full",
    "less",
    "long",
    "midnight",
    "more",
    "near",
    "no",
    "noon",
    "per",
    "present",
    "short",
    "soon",
    "that",
    "the",
    "these",
    "up",
    "yearend",
];

/// Looked up once per word of every story with short trusted keys: the Fx hash (8 bytes at a
/// step) beats the default DoS-resistant SipHash.
static LEXICON: LazyLock<FxHashMap<&'static [u8], Lex>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static [u8], Lex> = FxHashMap::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/dates_words.tsv")) {
        let (Some(&w), Some(&class)) = (row.first(), row.get(1)) else {
            continue;
        };
        let v: &'static str = row.get(2).copied().unwrap_or("");
        let e = map.entry(w.as_bytes()).or_default();
        let num = v.parse::<i64>().ok();
        match class {
            "month" => e.month = num.unwrap_or(0) as u32,
            "weekday" => e.weekday = num.unwrap_or(0) as u32,
            "weekdays" => e.weekdays = num.unwrap_or(0) as u32,
            "unit" => e.unit = Some(v),
            "units" => e.units = Some(v),
            "num" => e.num = num.map(|x| x as u32),
            "ord" => e.ord = num.map(|x| x as i32),
            "fuzzy" => e.fuzzy = true,
            "rel" => e.rel = Some(v),
            "dayrel" => e.dayrel = Some(v),
            "pod" => e.pod = Some(v),
            "season" => e.season = Some(v),
            "ref" => e.reference = Some(v),
            "set" => e.set = Some(v),
            "mod" => e.modifier = Some(v),
            "approx" => e.approx = true,
            "word" => e.word = Some(v),
            "holiday" => e.holiday = Some(v),
            "tz" => e.tz = Some(v),
            "decade" => e.decade = num.map(|x| x as u32),
            _ => {}
        }
    }
    for row in crate::lexicon::rows(include_str!("../../lexicon/dates_tense.tsv")) {
        if let (Some(&w), Some(&t)) = (row.first(), row.get(1)) {
            map.entry(w.as_bytes()).or_default().tense = Some(match t {
                "future" => Tense::Future,
                "present" => Tense::Present,
                _ => Tense::Past,
            });
        }
    }
    for (w, l) in map.iter_mut() {
        let starter = |x: &[u8]| STARTERS.iter().any(|s| s.as_bytes() == x);
        l.inert = l.month == 0
            && l.weekday == 0
            && l.weekdays == 0
            && l.unit.is_none()
            && l.units.is_none()
            && l.num.is_none()
            && l.ord.is_none()
            && !l.fuzzy
            && l.rel.is_none()
            && l.dayrel.is_none()
            && l.pod.is_none()
            && l.season.is_none()
            && l.reference.is_none()
            && l.set.is_none()
            && l.modifier.is_none()
            && !l.approx
            && l.holiday.is_none()
            && l.tz.is_none()
            && l.decade.is_none()
            && !starter(w)
            && !l.word.is_some_and(|x| starter(x.as_bytes()));
        l.starts =
            !l.inert && (l.tense.is_none() || l.word.is_some() || l.month != 0 || l.unit.is_some());
    }
    map
});

/// [`LEXICON`] again, keyed by the word packed into a `u128` (its lower-case bytes, zero
/// padded) in an open-addressing table: the tokeniser looks up every word of every story, and
/// comparing two integers beats hashing and comparing byte strings.
struct Packed {
    /// A power of two of them, at most one in four taken, so that a probe ends soon.
    slots: Vec<Slot>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
    /// The lengths (bit `n` for `n` bytes, up to 15) of the keys by their first two bytes
    /// ([`initials`]): most words of a story are in no entry, and this one load tells so for
    /// about half of them before any hashing.
    lengths: Box<[u16; 1024]>,
}

/// The index of [`Packed::lengths`] for a word that starts with the bytes `a` and `b`: their
/// five low bits, which a letter and its capital share (other bytes may share them too: the
/// table only ever rules out a word no key can be).
fn initials(a: u8, b: u8) -> usize {
    usize::from(a & 31) << 5 | usize::from(b & 31)
}

/// One slot of [`Packed`]: a key (0 when empty) and its entry, side by side so that a probe
/// reads one place.
#[derive(Clone, Copy)]
struct Slot {
    key: u128,
    lex: Option<&'static Lex>,
}

impl Packed {
    /// The entry of the packed key `key` (of [`packed_key`]; never 0).
    #[inline]
    fn get(&self, key: u128) -> Option<&'static Lex> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut h = packed_slot(key, self.shift);
        loop {
            let slot = self.slots.get(h)?;
            if slot.key == key {
                return slot.lex;
            }
            if slot.key == 0 {
                return None;
            }
            h = (h + 1) & mask;
        }
    }
}

/// The slot of a packed key: a multiplicative hash of its two halves.
fn packed_slot(key: u128, shift: u32) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

static PACKED: LazyLock<Packed> = LazyLock::new(|| {
    let lex: &'static FxHashMap<&'static [u8], Lex> = &LEXICON;
    let bits = (lex.len() * 4).next_power_of_two().max(16).trailing_zeros();
    let n = 1usize << bits;
    let shift = 64 - bits;
    let mut slots = vec![Slot { key: 0, lex: None }; n];
    let mut lengths = Box::new([0u16; 1024]);
    for (k, v) in lex.iter() {
        // A token is at most 16 letters here (longer ones go to LEXICON) and has no NUL, so
        // keys that do not pack exactly cannot match one.
        if k.is_empty() || k.len() > 16 || k.contains(&0) {
            continue;
        }
        let bit = 1u16.checked_shl(k.len() as u32).unwrap_or(0);
        match k[..] {
            // one byte: whatever follows it
            [a] => (0..32).for_each(|b| lengths[initials(a, b)] |= bit),
            [a, b, ..] => lengths[initials(a, b)] |= bit,
            [] => {}
        }
        let mut b = [0u8; 16];
        b[..k.len()].copy_from_slice(k);
        let key = u128::from_le_bytes(b);
        let mut h = packed_slot(key, shift);
        while slots[h].key != 0 {
            h = (h + 1) & (n - 1);
        }
        slots[h] = Slot { key, lex: Some(v) };
    }
    Packed {
        slots,
        shift,
        lengths,
    }
});

/// The lexicon entry of the ASCII word `bytes[start..start + len]` (letters and apostrophes,
/// any case; at most 24 bytes).
#[inline]
fn lookup(packed: &Packed, bytes: &[u8], start: usize, len: usize) -> Option<&'static Lex> {
    if len == 0 || len > 16 {
        return lookup_long(bytes, start, len);
    }
    packed.get(packed_key(bytes, start, len))
}

/// [`lookup`] for the few words too long to pack (and the empty one).
#[cold]
#[inline(never)]
fn lookup_long(bytes: &[u8], start: usize, len: usize) -> Option<&'static Lex> {
    let mut buf = [0u8; 24];
    let out = buf.get_mut(..len)?;
    out.copy_from_slice(bytes.get(start..start + len)?);
    out.make_ascii_lowercase();
    LEXICON.get(&*out)
}

/// `KEEP[n]` keeps the first `n` bytes of a packed key.
const KEEP: [u128; 17] = {
    let mut t = [0u128; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = u128::MAX >> (128 - 8 * n);
        n += 1;
    }
    t
};

/// The key of [`PACKED`] for the word `bytes[start..start + len]` (1 to 16 ASCII letters and
/// apostrophes, any case): its bytes lower-cased, little-endian, zero padded.
#[inline]
fn packed_key(bytes: &[u8], start: usize, len: usize) -> u128 {
    // One 16-byte load where the text goes on that far (the bytes after the word are masked
    // off below), else a copy of the word alone.
    let raw = match bytes.get(start..).and_then(|s| s.first_chunk::<16>()) {
        Some(chunk) => u128::from_le_bytes(*chunk),
        None => {
            let mut b = [0u8; 16];
            let word = bytes.get(start..start + len).unwrap_or_default();
            b[..word.len()].copy_from_slice(word);
            u128::from_le_bytes(b)
        }
    };
    // Setting bit 5 of every byte lower-cases an ASCII letter and leaves `'` as it is.
    let lower = raw | u128::from_le_bytes([0x20; 16]);
    lower & KEEP.get(len).copied().unwrap_or(0)
}

/// A token kind.
#[derive(Debug, Clone, Copy)]
enum K {
    /// A word; `lex` is its lexicon entry.
    Word {
        lex: Option<&'static Lex>,
        cap: bool,
        /// A lower-case word ending in `-ed`: a past-tense cue.
        ed: bool,
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
struct Tok {
    span: Span,
    k: K,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// What the tokeniser does at an ASCII byte; line breaks and the bytes of non-ASCII
/// characters take its general path ([`other`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
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
static BYTE_CLASS: [Byte; 256] = {
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
struct Tokens {
    toks: Vec<Tok>,
    /// The tokens of a kind some rule starts with ([`may_start`]), in order: the grammar
    /// visits only these.
    starts: Vec<usize>,
}

impl Tokens {
    /// Adds a token, and notes it among the starts if it is of a kind some rule starts with.
    fn push(&mut self, span: Span, k: K) {
        if may_start(k) {
            self.starts.push(self.toks.len());
        }
        self.toks.push(Tok { span, k });
    }
}

/// Cuts `text[region]` into tokens.
// Out of line (one call per story), so that profiles show the tokeniser apart from the grammar.
#[inline(never)]
fn tokenise(text: &str, region: Span) -> Tokens {
    let bytes = text.as_bytes();
    let end = region.end.min(text.len());
    let packed: &Packed = &PACKED;
    let mut out = Tokens {
        // about one token in five bytes: room for a little more so that the vector rarely
        // grows
        toks: Vec::with_capacity(region.len() / 4 + 16),
        // one in 16 bytes: more than a story has (numbers are the commonest), so that the
        // vector is rarely grown
        starts: Vec::with_capacity(region.len() / 16 + 8),
    };
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
            Byte::Letter => ascii_words(text, i, end, packed, &mut out),
            Byte::Digit => number(text, i, end, &mut out),
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
            Byte::Other => other(text, i, end, packed, &mut out),
        };
    }
    out
}

/// The token at `i` that starts with a non-ASCII character: white space, a letter or a
/// punctuation mark. Returns where it ends.
fn other(text: &str, i: usize, end: usize, packed: &Packed, out: &mut Tokens) -> usize {
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
fn leading_letters(s: &[u8]) -> usize {
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
fn am_pm(text: &str, i: usize, end: usize, c: char, packed: &Packed) -> Option<usize> {
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
fn ascii_words(text: &str, start: usize, end: usize, packed: &Packed, out: &mut Tokens) -> usize {
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
        let ed = !cap && len > 4 && (raw >> (8 * (len - 2))) as u16 == u16::from_le_bytes(*b"ed");
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
            out.push(Span::new(i, j), K::Word { lex, cap, ed });
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
fn ascii_letter_run(x: u128) -> Option<(usize, u8)> {
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
fn ascii_letters_u64(x: u64) -> usize {
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

/// Reads the word (or `a.m.`, `pm` after a number) starting at `i` with the letter `c`, and the
/// possessive after it; returns where they end.
#[inline(never)]
fn word(text: &str, i: usize, end: usize, c: char, packed: &Packed, out: &mut Tokens) -> usize {
    let bytes = text.as_bytes();
    let start = i;
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
    let ed = !cap && word.len() > 4 && word.ends_with(b"ed");
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
        out.push(Span::new(start, j), K::Word { lex, cap, ed });
    }
    if let Some(apostrophe) = possessive {
        let e = j + apostrophe + 1;
        out.push(Span::new(j, e), K::Poss);
        return e;
    }
    j
}

fn digits_at(b: &[u8], i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

fn parse_u32(s: &str) -> u32 {
    s.parse::<u64>()
        .map(|v| v.min(u32::MAX as u64) as u32)
        .unwrap_or(u32::MAX)
}

/// The value of `0.` followed by the ASCII digits `digits`, exactly as `str::parse` reads it,
/// without allocating for the usual short fractions.
fn parse_frac(digits: &[u8]) -> f64 {
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
fn number(text: &str, i: usize, end: usize, out: &mut Tokens) -> usize {
    let b = text.as_bytes();
    let j = digits_at(b, i, end);
    let lead = &text[i..j];
    let nd = j - i;
    let digit = |k: usize| k < end && b[k].is_ascii_digit();
    // 10:35, 10:35:20
    if b.get(j) == Some(&b':') && nd <= 2 && digit(j + 1) {
        let k = digits_at(b, j + 1, end);
        if k - j - 1 == 2 {
            let mut e = k;
            if b.get(k) == Some(&b':') && digit(k + 1) {
                e = digits_at(b, k + 1, end);
            }
            out.push(
                Span::new(i, e),
                K::Clock {
                    h: parse_u32(lead),
                    m: parse_u32(&text[j + 1..k]),
                },
            );
            return e;
        }
    }
    // 2022-01-18
    if nd == 4 && b.get(j) == Some(&b'-') && digit(j + 1) {
        let k = digits_at(b, j + 1, end);
        if k - j - 1 == 2 && b.get(k) == Some(&b'-') && digit(k + 1) {
            let e = digits_at(b, k + 1, end);
            if e - k - 1 == 2 {
                out.push(
                    Span::new(i, e),
                    K::Iso {
                        y: parse_u32(lead) as i32,
                        m: parse_u32(&text[j + 1..k]),
                        d: parse_u32(&text[k + 1..e]),
                    },
                );
                return e;
            }
        }
    }
    // 7/8/07, 1/2
    if b.get(j) == Some(&b'/') && nd <= 2 && digit(j + 1) {
        let k = digits_at(b, j + 1, end);
        let mut e = k;
        let mut c = None;
        if k - j - 1 <= 2 && b.get(k) == Some(&b'/') && digit(k + 1) {
            e = digits_at(b, k + 1, end);
            c = Some(parse_u32(&text[k + 1..e]));
        }
        out.push(
            Span::new(i, e),
            K::Slash {
                a: parse_u32(lead),
                b: parse_u32(&text[j + 1..k]),
                c,
            },
        );
        return e;
    }
    // 1,500 and 2.5
    let mut e = j;
    let mut plain = true;
    let mut frac = 0.0;
    while b.get(e) == Some(&b',') && digits_at(b, e + 1, end) == e + 4 {
        e += 4;
        plain = false;
    }
    if b.get(e) == Some(&b'.') && digit(e + 1) {
        let k = digits_at(b, e + 1, end);
        frac = parse_frac(&b[e + 1..k]);
        e = k;
        plain = false;
    }
    let val = if plain {
        parse_u32(lead)
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
    // suffixes: 2nd, 1990s
    let mut ord = false;
    let mut plural = false;
    let k = {
        let mut k = e;
        while k < end && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        k
    };
    if k > e {
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
            b"st" | b"nd" | b"rd" | b"th" => {
                ord = true;
                e = k;
            }
            b"s" => {
                plural = true;
                e = k;
            }
            b"am" | b"pm" => {
                out.push(
                    Span::new(i, e),
                    K::Num {
                        val,
                        digits: nd.min(255) as u8,
                        ord: false,
                        plural: false,
                        plain,
                        frac,
                    },
                );
                out.push(Span::new(e, k), K::AmPm(suf == b"pm"));
                return k;
            }
            _ => {
                // "F16", "3D": not a number we can use.
                out.push(
                    Span::new(i, k),
                    K::Word {
                        lex: None,
                        cap: false,
                        ed: false,
                    },
                );
                return k;
            }
        }
    }
    out.push(
        Span::new(i, e),
        K::Num {
            val,
            digits: nd.min(255) as u8,
            ord,
            plural,
            plain,
            frac,
        },
    );
    e
}

/// One expression found by the grammar, in tokens.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// Byte span.
    pub span: Span,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    pub date_type: DateType,
}

/// The state carried along the story: the last day and quarter spoken of, which anaphoric
/// expressions (`the day before`, `a year earlier`, `the quarter`) refer to.
#[derive(Debug, Clone, PartialEq)]
struct Ctx {
    anchor: Option<Day>,
    last_day: Option<Day>,
    last_quarter: Option<(Option<i32>, u32)>,
    last_year: Option<i32>,
    /// The token just after the last bare weekday and its day, so that the second of
    /// `Monday and Tuesday` or `from Tuesday to Saturday` follows the first.
    last_weekday: Option<(usize, Day)>,
    /// The last month named alone (`January sales`), and whether it came after the last
    /// quarter noted: `the same period last year` means whichever was spoken of last.
    last_month: Option<(Option<i32>, u32)>,
    month_newer: bool,
}

impl Ctx {
    fn reference(&self) -> Option<Day> {
        self.last_day.or(self.anchor)
    }
}

/// `a year earlier` and `a year ago` in a story about a quarter mean that quarter a year
/// before (`1988-Q3`), as financial copy and its TimeML annotation use them.
const QUARTER_AWARE: bool = true;

/// A match inside the grammar: token range and the value.
struct M {
    start: usize,
    end: usize,
    value: String,
    ty: DateType,
    /// A day to remember for anaphora.
    day: Option<Day>,
    /// A second expression (`12` of `January 10-12`).
    extra: Option<Box<M>>,
}

fn m(start: usize, end: usize, value: String, ty: DateType) -> Option<M> {
    Some(M {
        start,
        end,
        value,
        ty,
        day: None,
        extra: None,
    })
}

/// The grammar over one story's tokens.
struct G<'a> {
    t: &'a [Tok],
    text: &'a str,
    cx: Ctx,
}

use DateType::{Date as DT, Duration as DU, Set as ST, Time as TI};

impl<'a> G<'a> {
    fn lex(&self, j: usize) -> Option<&'static Lex> {
        match self.t.get(j)?.k {
            K::Word { lex, .. } => lex,
            _ => None,
        }
    }

    fn cap(&self, j: usize) -> bool {
        matches!(self.t.get(j).map(|t| t.k), Some(K::Word { cap: true, .. }))
    }

    fn wd(&self, j: usize, w: &str) -> bool {
        self.lex(j).and_then(|l| l.word) == Some(w)
    }

    fn p(&self, j: usize, c: char) -> bool {
        matches!(self.t.get(j).map(|t| t.k), Some(K::P(x)) if x == c)
    }

    fn raw(&self, j: usize) -> &str {
        self.t.get(j).map(|t| t.span.slice(self.text)).unwrap_or("")
    }

    fn is_word_text(&self, j: usize, w: &str) -> bool {
        self.raw(j).eq_ignore_ascii_case(w)
    }

    /// A plain integer token.
    fn int(&self, j: usize) -> Option<(u32, u8)> {
        match self.t.get(j)?.k {
            K::Num {
                val,
                digits,
                ord: false,
                plural: false,
                plain: true,
                ..
            } => Some((val, digits)),
            _ => None,
        }
    }

    /// A day-of-month: `10`, `10th`.
    fn day_num(&self, j: usize) -> Option<u32> {
        match self.t.get(j)?.k {
            K::Num {
                val,
                digits,
                plural: false,
                plain: true,
                ..
            } if digits <= 2 && (1..=31).contains(&val) => Some(val),
            _ => None,
        }
    }

    /// A year written in digits or spoken (`nineteen ninety-six`); returns the token after.
    fn year_at(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_num(j) {
            return Some((y, j + 1));
        }
        let c = self.lex(j)?.num.filter(|&c| c == 19 || c == 20)?;
        let t = self
            .lex(j + 1)
            .and_then(|l| l.num)
            .filter(|&t| (20..=90).contains(&t) && t % 10 == 0)?;
        let mut e = j + 2;
        let mut y = c as i32 * 100 + t as i32;
        let h = if self.p(e, '-') { e + 1 } else { e };
        if let Some(u) = self.lex(h).and_then(|l| l.num).filter(|&u| u < 10) {
            y += u as i32;
            e = h + 1;
        }
        Some((y, e))
    }

    /// A year of this millennium in words, `two thousand (and) one`, which reads as a year
    /// only where one is expected (`the year two thousand`).
    fn spoken_millennium(&self, j: usize) -> Option<(i32, usize)> {
        if self.lex(j)?.num != Some(2) || self.lex(j + 1)?.num != Some(1000) {
            return None;
        }
        let k = if self.wd(j + 2, "and") { j + 3 } else { j + 2 };
        match self.cardinal(k) {
            Some((v, e)) if v.fract() == 0.0 && v < 100.0 && self.lex(k).is_some() => {
                Some((2000 + v as i32, e))
            }
            _ => Some((2000, j + 2)),
        }
    }

    /// A four-digit year.
    fn year_num(&self, j: usize) -> Option<i32> {
        match self.int(j) {
            Some((v, 4)) if (1000..=2200).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// A cardinal number: digits or words (`twenty four`, `two and a half`); returns the
    /// value and the token after it.
    fn cardinal(&self, j: usize) -> Option<(f64, usize)> {
        let (mut v, mut k) = match self.t.get(j)?.k {
            K::Num {
                val,
                ord: false,
                plural: false,
                frac,
                ..
            } => (val as f64 + frac, j + 1),
            _ => {
                let n = self.lex(j)?.num?;
                let mut v = n as f64;
                let mut k = j + 1;
                if n >= 20 && n % 10 == 0 {
                    // twenty four, twenty-four
                    let h = if self.p(k, '-') { k + 1 } else { k };
                    if let Some(u) = self.lex(h).and_then(|l| l.num).filter(|&u| u < 10) {
                        v += u as f64;
                        k = h + 1;
                    }
                }
                if self.lex(k).and_then(|l| l.num) == Some(100) {
                    v *= 100.0;
                    k += 1;
                }
                if v < 1000.0 && self.lex(k).and_then(|l| l.num) == Some(1000) {
                    v *= 1000.0;
                    k += 1;
                }
                (v, k)
            }
        };
        // "5 1/2", "two and a half"
        if let Some(K::Slash {
            a: 1,
            b: 2,
            c: None,
        }) = self.t.get(k).map(|t| t.k)
        {
            v += 0.5;
            k += 1;
        } else if self.wd(k, "and") && self.wd(k + 1, "a") && self.wd(k + 2, "half") {
            v += 0.5;
            k += 3;
        }
        Some((v, k))
    }

    /// A count before a unit: a cardinal, `a`/`an`, or a vague `several`, `a few`,
    /// `a couple of`. `None` inside means unknown (`X`).
    fn count(&self, j: usize) -> Option<(Option<f64>, usize)> {
        if let Some((v, k)) = self.cardinal(j) {
            return Some((Some(v), k));
        }
        let l = self.lex(j)?;
        if l.word == Some("a") {
            if self.lex(j + 1).is_some_and(|l| l.fuzzy) {
                let k = if self.wd(j + 2, "of") { j + 3 } else { j + 2 };
                let c = if self.is_word_text(j + 1, "couple") {
                    Some(2.0)
                } else {
                    None
                };
                return Some((c, k));
            }
            if self.wd(j + 1, "half") {
                return Some((Some(0.5), j + 2));
            }
            if self.lex(j + 1).and_then(|l| l.num) == Some(12)
                || self.lex(j + 1).and_then(|l| l.num) == Some(100)
            {
                let v = self.lex(j + 1).and_then(|l| l.num).unwrap_or(1) as f64;
                return Some((Some(v), j + 2));
            }
            let mut v = 1.0;
            let mut k = j + 1;
            if self.lex(k).and_then(|l| l.unit).is_some()
                && self.wd(k + 1, "and")
                && self.wd(k + 2, "a")
                && self.wd(k + 3, "half")
            {
                // handled by the caller through "and a half" after the unit
                v = 1.0;
            }
            k = k.max(j + 1);
            return Some((Some(v), k));
        }
        if l.fuzzy {
            let k = if self.wd(j + 1, "of") { j + 2 } else { j + 1 };
            let c = if self.is_word_text(j, "couple") {
                Some(2.0)
            } else {
                None
            };
            return Some((c, k));
        }
        None
    }

    /// The tense of the clause around tokens `[s, e)`: the nearest cue within a few tokens,
    /// not crossing a sentence boundary.
    fn tense(&self, s: usize, e: usize) -> Tense {
        self.tense_at(s, e).0
    }

    /// [`Self::tense`] with the distance in tokens to the cue that decided it.
    fn tense_at(&self, s: usize, e: usize) -> (Tense, usize) {
        const WINDOW: usize = 20;
        let boundary = |j: usize| match self.t[j].k {
            // not the dot of "U.S." or "Jan."
            K::P('.') => !(j > 0 && (self.raw(j - 1).len() <= 2 || self.month_at(j - 1).is_some())),
            K::P('!') | K::P('?') | K::P(';') | K::P('\n') => true,
            _ => false,
        };
        let cue = |j: usize| -> Option<Tense> {
            // Only `until`, a word with a tense reading (`was`, `were` and `set` among them)
            // and an `-ed` word can be cues: most words of the window are none of them.
            let K::Word { lex, ed, .. } = self.t[j].k else {
                return None;
            };
            if !ed && !lex.is_some_and(|l| l.tense.is_some() || l.word == Some("until")) {
                return None;
            }
            // `until Friday`, `extended until 9 a.m. Tuesday`: a deadline ahead
            // but `Until Thursday, they had not called him a suspect`: a state that ended
            if self.wd(j, "until") {
                let had = (j + 1..(j + 9).min(self.t.len()))
                    .take_while(|&k| !matches!(self.t[k].k, K::P('.' | ';' | '\n')))
                    .any(|k| self.is_word_text(k, "had"));
                return Some(if had { Tense::Past } else { Tense::Future });
            }
            // `set` looks ahead only as `set to` / `set for`, not `set aside`
            if self.is_word_text(j, "set")
                && !(self.is_word_text(j + 1, "to") || self.is_word_text(j + 1, "for"))
            {
                return None;
            }
            let ing_plan = |k: usize| {
                self.raw(k).ends_with("ing")
                    && self.lex(k).and_then(|l| l.tense) == Some(Tense::Future)
            };
            // `were planning a rally on Saturday`: a plan still ahead
            if (self.is_word_text(j, "was") || self.is_word_text(j, "were"))
                && j + 1 < self.t.len()
                && ing_plan(j + 1)
            {
                return Some(Tense::Future);
            }
            let t = match self.t[j].k {
                K::Word { lex, ed, .. } => {
                    // `untouched`, `unspecified`: adjectives, not past verbs
                    let adjective = ed && self.raw(j).starts_with("un");
                    lex.and_then(|l| l.tense).or(if ed && !adjective {
                        Some(Tense::Past)
                    } else {
                        None
                    })
                }
                _ => None,
            }?;
            // "had been due to", "was scheduled to": a plan in the past
            let past_aux = |k: usize| {
                ["had", "was", "were", "been"]
                    .iter()
                    .any(|w| self.is_word_text(k, w))
            };
            if t == Tense::Future
                && !ing_plan(j)
                && ((j >= 1 && past_aux(j - 1)) || (j >= 2 && past_aux(j - 2)))
            {
                return Some(Tense::Past);
            }
            // "will be held", "could be announced", "is to be signed": a participle after a
            // bare `be` is a passive whose time comes from the modal before it
            if t == Tense::Past
                && j >= 2
                && self.is_word_text(j - 1, "be")
                && [
                    "will", "'ll", "shall", "to", "would", "could", "may", "might", "should",
                    "must",
                ]
                .iter()
                .any(|w| self.is_word_text(j - 2, w))
            {
                return Some(Tense::Future);
            }
            Some(t)
        };
        let mut back = None;
        let mut comma_back = false;
        let mut j = s;
        let mut dist = 0;
        while j > 0 && dist < WINDOW {
            j -= 1;
            dist += 1;
            if boundary(j) {
                break;
            }
            if let Some(mut t) = cue(j) {
                // `will meet`, `to visit`, `did not meet`: the auxiliary decides
                if t == Tense::Present {
                    if j >= 1 && self.is_word_text(j - 1, "to") {
                        t = Tense::Future;
                    } else if let Some(u) = (1..=2)
                        .filter(|&k| j >= k)
                        .find_map(|k| cue(j - k).filter(|&u| u != Tense::Present))
                    {
                        t = u;
                    }
                }
                back = Some((dist, t));
                break;
            }
            // an infinitive between the date and any verb before it looks ahead of that verb
            // (`agreed to buy it in February`, `is to resume trading Tuesday`)
            if self.p(j, ',') {
                comma_back = true;
            }
            if !comma_back && self.is_word_text(j, "to") && self.infinitive(j + 1) {
                // but `had been due to expire`: a plan already past
                let planned_past = j >= 1
                    && self.lex(j - 1).and_then(|l| l.tense) == Some(Tense::Future)
                    && cue(j - 1) == Some(Tense::Past);
                let t = if planned_past {
                    Tense::Past
                } else {
                    Tense::Future
                };
                back = Some((dist, t));
                break;
            }
        }
        let mut fwd = None;
        let mut j = e;
        let mut dist = 0;
        while j < self.t.len() && dist < WINDOW {
            dist += 1;
            if boundary(j) {
                break;
            }
            // a verb after a comma reports the news (`in June, the ministry said`) and gives
            // way to any cue before the date
            if self.p(j, ',') && back.is_some() {
                break;
            }
            // a present verb after the date (`Monday's vote is seen as`) says nothing of it
            if let Some(t) = cue(j).filter(|&t| t != Tense::Present) {
                fwd = Some((dist, t));
                break;
            }
            j += 1;
        }
        match (back, fwd) {
            (Some((a, t)), Some((b, u))) => {
                if a <= b {
                    (t, a)
                } else {
                    (u, b)
                }
            }
            (Some((a, t)), None) | (None, Some((a, t))) => (t, a),
            _ => (Tense::Unknown, usize::MAX),
        }
    }

    /// A lowercase word after `to` that reads as a verb, not a noun phrase or a date.
    fn infinitive(&self, j: usize) -> bool {
        match self.t.get(j).map(|t| t.k) {
            Some(K::Word { lex, .. }) => {
                let raw = self.raw(j);
                raw.starts_with(|c: char| c.is_ascii_lowercase())
                    && lex.is_none()
                    && !matches!(
                        raw,
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "our"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "some"
                            | "about"
                            | "more"
                            | "less"
                            | "death"
                    )
                    && !raw.ends_with("ed")
                    && !raw.ends_with("ing")
            }
            _ => false,
        }
    }

    /// A month name at `j` that really is one: capitalised, abbreviations with their dot or a
    /// number, and `May` only where a date fits.
    fn month_at(&self, j: usize) -> Option<(u32, usize)> {
        let l = self.lex(j)?;
        if l.month == 0 || !self.cap(j) {
            return None;
        }
        let raw = self.raw(j);
        let full =
            raw.len() > 4 || matches!(raw.to_ascii_lowercase().as_str(), "june" | "july" | "may");
        let mut k = j + 1;
        let dotted = self.p(k, '.');
        if !full {
            if dotted {
                k += 1;
            } else if self.day_num(k).is_none() {
                return None;
            }
        }
        if l.month == 5 && raw.eq_ignore_ascii_case("may") {
            let before = j.checked_sub(1).and_then(|b| self.lex(b));
            let prep = before.is_some_and(|b| {
                b.modifier.is_some()
                    || b.rel.is_some()
                    || matches!(
                        b.word,
                        Some(
                            "in" | "of"
                                | "since"
                                | "until"
                                | "by"
                                | "from"
                                | "through"
                                | "during"
                                | "before"
                                | "after"
                                | "each"
                                | "to"
                                | "and"
                                | "or"
                        )
                    )
            });
            if !(prep || self.day_num(k).is_some() || self.year_num(k).is_some()) {
                return None;
            }
        }
        if l.month == 3 && raw == "March" {
            // "March" the verb or noun at a sentence start: only with a number or a preposition.
            let before = j.checked_sub(1).and_then(|b| self.lex(b));
            let starts = j == 0 || matches!(self.t[j - 1].k, K::P(_));
            if starts && before.is_none() && self.day_num(k).is_none() && self.year_num(k).is_none()
            {
                return None;
            }
        }
        Some((l.month, k))
    }

    /// A weekday at `j` (capitalised; abbreviations only with their dot).
    fn weekday_at(&self, j: usize) -> Option<(u32, usize)> {
        let l = self.lex(j)?;
        if l.weekday == 0 || !self.cap(j) {
            return None;
        }
        if self.raw(j).len() <= 5 && !self.raw(j).to_ascii_lowercase().ends_with("day") {
            if self.p(j + 1, '.') && self.raw(j).len() >= 3 {
                return Some((l.weekday, j + 2));
            }
            return None;
        }
        Some((l.weekday, j + 1))
    }

    fn rel(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.rel)
    }

    fn unit(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.unit)
    }

    fn units(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.units)
    }

    /// A programme or column title in running text (`ABC's This Week`, `on 60 Minutes`):
    /// every word of the match capitalised, ending in a unit word, after a lower-case word
    /// or a possessive (a Title Case headline has no lower-case word before it).
    fn is_title(&self, x: &M) -> bool {
        let last = x.end - 1;
        // `This Week`, `60 Minutes`; not a holiday (`on Thanksgiving Day`)
        let opens = matches!(self.t[x.start].k, K::Num { .. }) || self.rel(x.start).is_some();
        if x.start == 0
            || !opens
            || !(self.unit(last).is_some() || self.units(last).is_some())
            || !self.cap(last)
        {
            return false;
        }
        let all_caps = (x.start..x.end).all(|k| match self.t[k].k {
            K::Word { cap, .. } => cap,
            _ => true,
        });
        let before = match self.t[x.start - 1].k {
            K::Word { cap, .. } => !cap,
            K::Poss => true,
            _ => false,
        };
        all_caps && before
    }

    /// Remembers a quarter named in the story as the one `a year ago`, `the year-earlier
    /// period` and `the quarter` compare with. A quarter still ahead of the story (`losses
    /// through the third quarter of 1990`, `into the fourth quarter`) is a forecast, and one
    /// before the quarter already noted (`after a flat second quarter`) is background; neither
    /// is the period the figures report, so neither replaces it.
    fn note_quarter(&mut self, y: Option<i32>, q: u32) {
        let ahead = match (y, n::quarter_offset(self.cx.anchor, -1)) {
            (Some(y), (Some(ay), aq)) => (y, q) > (ay, aq),
            _ => false,
        };
        let behind = match (y, self.cx.last_quarter) {
            (Some(y), Some((Some(ly), lq))) => (y, q) < (ly, lq),
            _ => false,
        };
        if (!ahead && !behind) || self.cx.last_quarter.is_none() {
            self.cx.last_quarter = Some((y, q));
            self.cx.month_newer = false;
        }
    }

    /// Remembers a resolved day for anaphora and returns the match.
    fn day_match(
        &mut self,
        start: usize,
        end: usize,
        d: Option<Day>,
        value: String,
        ty: DateType,
    ) -> Option<M> {
        if d.is_some() {
            self.cx.last_day = d;
            if let Some(y) = d.and_then(|d| d.year()) {
                self.cx.last_year = Some(y);
            }
        }
        Some(M {
            start,
            end,
            value,
            ty,
            day: d,
            extra: None,
        })
    }

    /// A function word no rule can start a match at here, the commonest failed starts.
    /// After `the`, [`Self::body`] fails at a word outside the lexicon or punctuation; `a` and
    /// `an` count only before a lexicon word, a hyphen or the adjectives of `an extra year`
    /// ([`Self::body`], [`Self::count`], [`Self::counted`]); `at`, `up`, `more` and `less`
    /// start only `at least`, `up to`, `more than` ([`Self::approx_len`]); `that` only `that
    /// day`, `that year`, `that quarter`. These words have no other reading. Debug builds
    /// check the skip like the others.
    fn idle_function_word(&self, i: usize) -> bool {
        let next = i + 1;
        match self.lex(i).and_then(|l| l.word) {
            Some("the") => matches!(
                self.t.get(next).map(|t| t.k),
                None | Some(K::Word { lex: None, .. } | K::P(_) | K::Poss | K::AmPm(_))
            ),
            Some("a") => {
                self.lex(next).is_none()
                    && !self.p(next, '-')
                    && !["additional", "extra", "further"]
                        .iter()
                        .any(|w| self.is_word_text(next, w))
            }
            Some("at") => !self.wd(next, "least"),
            Some("up") => !self.wd(next, "to"),
            Some("more" | "less") => !self.wd(next, "than"),
            Some("that") => self.unit(next).is_none(),
            _ => false,
        }
    }

    /// Tries every rule at token `i`.
    fn at(&mut self, i: usize) -> Option<M> {
        let r = self.at_inner(i)?;
        // a month named alone (`2022-01`, `XXXX-01`)
        let v = r.value.as_bytes();
        if r.ty == DT && v.len() == 7 && v[4] == b'-' && v[5..].iter().all(u8::is_ascii_digit) {
            let mo = (v[5] - b'0') as u32 * 10 + (v[6] - b'0') as u32;
            self.cx.last_month = Some((r.value[..4].parse().ok(), mo));
            self.cx.month_newer = true;
        }
        Some(r)
    }

    /// The period a year before the one last spoken of, `unit` being `q`, `m` or the vague
    /// `period`: `the same quarter a year ago`, `the corresponding period last year`.
    fn year_before(&self, unit: &str) -> String {
        let month = self
            .cx
            .last_month
            .filter(|_| unit == "m" || (unit == "period" && self.cx.month_newer));
        if let Some((y, mo)) = month {
            return format!("{}-{mo:02}", n::year_str(y.map(|y| y - 1)));
        }
        match self.cx.last_quarter.filter(|_| unit != "m") {
            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
            None => n::year_str(n::year_offset(self.cx.anchor, -1)),
        }
    }

    /// The length of `last year`, `a year ago`, `a year earlier`, `the previous year` at `j`.
    fn year_back_len(&self, j: usize) -> Option<usize> {
        let k = if self.wd(j, "of") { j + 1 } else { j };
        let k2 = if self.wd(k, "the") { k + 1 } else { k };
        if matches!(self.rel(k2), Some("last" | "prev")) && self.unit(k2 + 1) == Some("y") {
            return Some(k2 + 2 - j);
        }
        if self.wd(k, "a")
            && self.unit(k + 1) == Some("y")
            && (self.wd(k + 2, "ago")
                || self.lex(k + 2).and_then(|l| l.modifier) == Some("earlier"))
        {
            return Some(k + 3 - j);
        }
        None
    }

    fn at_inner(&mut self, i: usize) -> Option<M> {
        let tok = self.t[i];
        match tok.k {
            K::P(_) | K::Poss => {
                // '80s
                if self.p(i, '\'') {
                    if let Some(K::Num {
                        val,
                        digits: 2,
                        plural: true,
                        ..
                    }) = self.t.get(i + 1).map(|t| t.k)
                    {
                        return m(i, i + 2, format!("19{}", val / 10), DT);
                    }
                    // '82: a year, after a preposition
                    let prep = i > 0
                        && matches!(
                            self.lex(i - 1).and_then(|l| l.word),
                            Some("in" | "since" | "of" | "until" | "by" | "from")
                        );
                    if let Some((v, 2)) = self.int(i + 1).filter(|_| prep) {
                        let y = if v < 50 { 2000 + v } else { 1900 + v };
                        return m(i, i + 2, format!("{y}"), DT);
                    }
                }
                None
            }
            K::AmPm(_) => None,
            _ => {
                // Approximators before a duration or `ago`: `about two years ago`, `nearly an hour`.
                if let Some(k) = self.approx_len(i) {
                    if let Some(mut r) = self.core(i + k) {
                        let ago = self.raw(r.end - 1).eq_ignore_ascii_case("ago");
                        // "about two years", but not "over [the next two years]"
                        if (matches!(r.ty, DU | TI) || ago) && !self.wd(i + k, "the") {
                            r.start = i;
                        }
                        if ago {
                            // "about two years ago" is annotated as the length, not the point
                            if let Some(v) = self.ago_length(i + k, r.end - 1) {
                                r.value = v;
                                r.ty = DU;
                            }
                        }
                        return Some(r);
                    }
                    return None;
                }
                self.core(i)
            }
        }
    }

    /// The length named before `ago` in `[s, e)`: `two years` gives `P2Y`.
    fn ago_length(&self, s: usize, e: usize) -> Option<String> {
        let (cnt, k) = self.count(s)?;
        let u = self.unit(k).or(self.units(k))?;
        (k + 1 == e).then(|| n::duration(cnt, u))
    }

    /// The length of an approximator at `i` (`about`, `more than`, `at least`, `up to`).
    fn approx_len(&self, i: usize) -> Option<usize> {
        let l = self.lex(i)?;
        if l.approx && !l.fuzzy {
            return Some(1);
        }
        if (l.word == Some("more") || l.word == Some("less")) && self.wd(i + 1, "than") {
            return Some(2);
        }
        if self.is_word_text(i, "no") && self.wd(i + 1, "more") && self.wd(i + 2, "than") {
            return Some(3);
        }
        if self.is_word_text(i, "at") && self.wd(i + 1, "least") {
            return Some(2);
        }
        if l.word == Some("up") && self.wd(i + 1, "to") {
            return Some(2);
        }
        None
    }

    fn core(&mut self, i: usize) -> Option<M> {
        if i >= self.t.len() {
            return None;
        }
        if self.wd(i, "the") {
            let r = self.body(i + 1, true)?;
            // `the` belongs to phrases built on a common noun (`the third quarter`, `the past
            // two years`, `the weekend`), not to names (`the 1960s`, `the Aug. 7 bombings`).
            if r.start == i + 1 && self.keeps_the(i + 1) {
                return Some(M { start: i, ..r });
            }
            return Some(r);
        }
        self.body(i, false)
    }

    fn keeps_the(&self, j: usize) -> bool {
        if self.month_at(j).is_some() || self.weekday_at(j).is_some() || self.year_num(j).is_some()
        {
            return false;
        }
        !matches!(
            self.t.get(j).map(|t| t.k),
            Some(K::Num { plural: true, .. })
        )
    }

    /// The rules proper, at `j`; `the` says whether `the` precedes.
    fn body(&mut self, j: usize, the: bool) -> Option<M> {
        let tok = *self.t.get(j)?;
        match tok.k {
            K::Clock { .. } => return self.clock(j),
            K::Iso { y, m: mo, d } => {
                let date = chrono::NaiveDate::from_ymd_opt(y, mo, d)?;
                let day = Day {
                    date,
                    year_known: true,
                };
                return self.day_match(j, j + 1, Some(day), day.value(), DT);
            }
            K::Slash { a, b, c: Some(c) } => {
                if !(1..=12).contains(&a) || !(1..=31).contains(&b) {
                    return None;
                }
                let y = if c < 100 {
                    if c < 50 {
                        2000 + c
                    } else {
                        1900 + c
                    }
                } else {
                    c
                };
                let date = chrono::NaiveDate::from_ymd_opt(y as i32, a, b)?;
                let day = Day {
                    date,
                    year_known: true,
                };
                return self.day_match(j, j + 1, Some(day), day.value(), DT);
            }
            K::Num { .. } => return self.numeric(j, the),
            K::Word { .. } => {}
            _ => return None,
        }
        let l = self.lex(j)?;
        // early / late / mid / earlier / later + an expression
        if let Some(md) = l.modifier {
            return self.modified(j, md, the);
        }
        if let Some((mo, k)) = self.month_at(j) {
            return self.month_expr(j, mo, k);
        }
        if let Some((wd, k)) = self.weekday_at(j) {
            // Tuesday nights: every such night
            let pods = [
                ("nights", "NI"),
                ("mornings", "MO"),
                ("afternoons", "AF"),
                ("evenings", "EV"),
            ];
            if let Some((_, pod)) = pods.iter().find(|(w, _)| self.is_word_text(k, w)) {
                return m(j, k + 1, format!("XXXX-WXX-{wd}T{pod}"), ST);
            }
            return self.weekday_expr(j, wd, k, Dir::Bare);
        }
        // Mondays: every Monday
        if l.weekdays > 0 && self.cap(j) {
            return m(j, j + 1, format!("XXXX-WXX-{}", l.weekdays), ST);
        }
        if let Some(dr) = l.dayrel {
            return self.dayrel(j, dr);
        }
        if l.word == Some("noon") || l.word == Some("midnight") {
            return self.clock(j);
        }
        if let Some(r) = l.rel {
            if let Some(x) = self.rel_expr(j, r, the) {
                return Some(x);
            }
        }
        if let Some(r) = l.reference {
            return self.reference(j, r, the);
        }
        if let Some(s) = l.set {
            return m(j, j + 1, s.to_string(), ST);
        }
        if l.word == Some("each") || (l.word == Some("per") && self.unit(j + 1).is_some()) {
            return self.set_expr(j);
        }
        if l.ord.is_some() {
            if let Some(x) = self.ordinal_expr(j, the) {
                return Some(x);
            }
        }
        if l.word == Some("fiscal") {
            return self.fiscal(j, the);
        }
        if l.word == Some("yearend") {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 1, n::year_str(y), DT);
        }
        if let Some(s) = l.season {
            // "fall" is more often the verb or noun than the season
            if the || s != "FA" || self.is_word_text(j, "autumn") {
                return self.season(j, j, s, 0, the);
            }
            return None;
        }
        if let Some(h) = l.holiday {
            return self.holiday(j, h);
        }
        // the nineties, the early sixties: the latest such decade up to the story's
        let after_mod = j >= 1
            && (self.lex(j - 1).and_then(|l| l.modifier).is_some()
                || (self.p(j - 1, '-')
                    && j >= 2
                    && self.lex(j - 2).and_then(|l| l.modifier).is_some()));
        if let Some(d) = l.decade.filter(|_| the || after_mod) {
            let story = n::year_offset(self.cx.anchor, 0).unwrap_or(1999);
            let century = if 2000 + 10 * d as i32 <= story {
                200
            } else {
                190
            };
            return m(j, j + 1, format!("{}", century + d), DT);
        }
        if l.pod.is_some() && the && self.pod_ok(j) {
            // "the morning": the reference day's
            let d = self.cx.reference();
            let v = format!(
                "{}T{}",
                d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into()),
                l.pod.unwrap_or("MO")
            );
            return m(j, j + 1, v, TI);
        }
        // `will soon begin`, `may soon seek`, `very soon`: an event ahead; not `as soon as`,
        // `soon after` (a relation to another event) nor a past `was soon released`
        if l.word == Some("soon") {
            let linked = (j > 0 && self.is_word_text(j - 1, "as"))
                || ["after", "before", "as", "afterwards", "thereafter"]
                    .iter()
                    .any(|w| self.is_word_text(j + 1, w))
                || self.p(j + 1, '-');
            let modal = j > 0
                && [
                    "will", "may", "might", "could", "would", "should", "to", "'ll",
                ]
                .iter()
                .any(|w| self.is_word_text(j - 1, w));
            if linked || !(modal || self.tense(j, j + 1) == Tense::Future) {
                return None;
            }
            let s = if j > 0 && self.is_word_text(j - 1, "very") {
                j - 1
            } else {
                j
            };
            return m(s, j + 1, "FUTURE_REF".into(), DT);
        }
        if l.word == Some("present") && j > 0 && self.is_word_text(j - 1, "at") {
            return m(j, j + 1, "PRESENT_REF".into(), DT);
        }
        if l.word == Some("these") && self.units(j + 1) == Some("d") {
            return m(j, j + 2, "PRESENT_REF".into(), DT);
        }
        if l.word == Some("that") {
            match self.unit(j + 1) {
                Some("d") => {
                    let d = self.cx.reference();
                    return m(
                        j,
                        j + 2,
                        d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                        DT,
                    );
                }
                Some("y") => {
                    let y = self
                        .cx
                        .last_year
                        .or_else(|| n::year_offset(self.cx.anchor, 0));
                    return m(j, j + 2, n::year_str(y), DT);
                }
                Some("q") => {
                    let (y, q) = self.cx.last_quarter?;
                    return m(j, j + 2, n::quarter_value(y, q), DT);
                }
                _ => {}
            }
        }
        // spoken years: "nineteen ninety-six"
        if let Some((y, e)) = self.year_at(j).filter(|_| l.num.is_some()) {
            self.cx.last_year = Some(y);
            return m(j, e, format!("{y}"), DT);
        }
        // year-ago, year-earlier
        if l.unit == Some("y") && self.p(j + 1, '-') {
            if self.wd(j + 2, "ago") || self.lex(j + 2).and_then(|l| l.modifier) == Some("earlier")
            {
                return self.year_ago_adj(j, j + 3);
            }
            if self.lex(j + 2).and_then(|l| l.modifier) == Some("end") {
                let y = n::year_offset(self.cx.anchor, 0);
                return m(j, j + 3, n::year_str(y), DT);
            }
        }
        if l.unit == Some("y")
            && matches!(self.t.get(j + 1).map(|t| t.k), Some(K::Poss))
            && self.lex(j + 2).and_then(|l| l.modifier) == Some("end")
        {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 3, n::year_str(y), DT);
        }
        if l.unit == Some("y") && (self.lex(j + 1).and_then(|l| l.modifier) == Some("end")) {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 2, n::year_str(y), DT);
        }
        // the near term, the long term; a later date
        if the && matches!(l.word, Some("near" | "short" | "long")) && self.wd(j + 1, "term") {
            return m(j, j + 2, "FUTURE_REF".into(), DT);
        }
        if l.word == Some("full") && the && self.unit(j + 1) == Some("y") {
            let y = n::year_offset(self.cx.anchor, 0);
            return m(j, j + 2, n::year_str(y), DT);
        }
        if l.unit.is_some() && the {
            return self.the_unit(j);
        }
        // decades-long, day-long
        if (l.unit.is_some() || l.units.is_some()) && self.p(j + 1, '-') && self.wd(j + 2, "long") {
            let u = l.unit.or(l.units).unwrap_or("y");
            let c = if l.unit.is_some() { Some(1.0) } else { None };
            return m(j, j + 3, n::duration(c, u), DU);
        }
        // the same period last year, the corresponding quarter a year ago
        if the && (l.rel == Some("same") || matches!(l.word, Some("corresponding" | "comparable")))
        {
            let u = if self.is_word_text(j + 1, "period") {
                Some("period")
            } else {
                self.unit(j + 1).filter(|u| matches!(*u, "q" | "m"))
            };
            if let Some(u) = u {
                if let Some(len) = self.year_back_len(j + 2) {
                    return m(j, j + 2 + len, self.year_before(u), DT);
                }
            }
        }
        // the weeks ahead, the years to come; over the years
        if let Some(u) = l.units.filter(|_| the) {
            let ahead = self.is_word_text(j + 1, "ahead")
                || (self.is_word_text(j + 1, "to") && self.is_word_text(j + 2, "come"));
            let over = j >= 2 && self.is_word_text(j - 2, "over");
            if ahead || over {
                let e = if self.is_word_text(j + 1, "to") {
                    j + 3
                } else if ahead {
                    j + 2
                } else {
                    j + 1
                };
                return m(j, e, n::duration(None, u), DU);
            }
        }
        // bare plurals after "for", "over", "within": `for years`
        if let Some(u) = l.units {
            let prev = j.checked_sub(1).and_then(|p| self.lex(p));
            if prev.is_some_and(|p| matches!(p.word, Some("for" | "in" | "within")) || p.approx)
                && !self.wd(j + 1, "of")
            {
                if self.raw(j - 1).eq_ignore_ascii_case("in") && u != "y" && u != "de" {
                    return None;
                }
                return m(j, j + 1, n::duration(None, u), DU);
            }
        }
        // an additional year, an extra month
        if l.word == Some("a")
            && ["additional", "extra", "further"]
                .iter()
                .any(|w| self.is_word_text(j + 1, w))
        {
            if let Some(u) = self.unit(j + 2) {
                return m(j, j + 3, n::duration(Some(1.0), u), DU);
            }
        }
        // `will one day be`, `hopes to one day return`: some time ahead, not a length
        if l.num == Some(1)
            && self.unit(j + 1) == Some("d")
            && j > 0
            && [
                "will", "would", "may", "might", "could", "can", "to", "shall", "'ll",
            ]
            .iter()
            .any(|w| self.is_word_text(j - 1, w))
        {
            return m(j, j + 2, "FUTURE_REF".into(), DT);
        }
        // "a year-earlier loss": the article belongs to the noun, the adjective is the date
        if l.word == Some("a")
            && self.unit(j + 1) == Some("y")
            && self.p(j + 2, '-')
            && (self.wd(j + 3, "ago")
                || self.lex(j + 3).and_then(|l| l.modifier) == Some("earlier"))
        {
            return self.year_ago_adj(j + 1, j + 4);
        }
        // counts: "two years", "a week ago", "several days"
        if l.num.is_some() || l.word == Some("a") || l.fuzzy {
            return self.counted(j, the);
        }
        None
    }

    fn pod_ok(&self, j: usize) -> bool {
        !self.wd(j + 1, "of")
    }

    fn modified(&mut self, j: usize, md: &str, the: bool) -> Option<M> {
        let mut k = j + 1;
        if self.p(k, '-') {
            k += 1;
        }
        match md {
            "end" | "start" | "mid" if self.wd(k, "of") => {
                // (the) end of X
                let r = self.core(k + 1)?;
                // the value of X itself: TimeML has no "end of" values
                return m(j, r.end, r.value, if r.ty == DU { DT } else { r.ty });
            }
            "end" | "start" => {
                // end-January
                let r = self.body(k, false)?;
                if r.start != k || !self.p(j + 1, '-') {
                    return None;
                }
                return m(j, r.end, r.value, r.ty);
            }
            _ => {}
        }
        // mid-afternoon yesterday, late morning: a part of the day named, or of the day spoken of
        if let Some(pod) = self.lex(k).and_then(|l| l.pod) {
            if !matches!(md, "mid" | "early" | "late") {
                return None;
            }
            let mut e = k + 1;
            let mut d = self.cx.reference();
            if let Some(dr) = self.lex(e).and_then(|l| l.dayrel) {
                if !dr.ends_with('N') {
                    let off: i64 = dr.parse().ok()?;
                    d = self.cx.anchor.map(|a| a.plus_days(off));
                    e += 1;
                }
            } else if let Some((wd, we)) = self.weekday_at(e) {
                d = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(e, we)).1;
                e = we;
            }
            let v = format!(
                "{}T{pod}",
                d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into())
            );
            return self.day_match(j, e, d, v, TI);
        }
        // early next year, late yesterday, mid-November, earlier this month, late 2006
        if self.wd(k, "in") && self.wd(k + 1, "the") && self.unit(k + 2).is_some() && md != "mid" {
            // "earlier in the year", "late in the day"
            let u = self.unit(k + 2)?;
            // `later in the day`: the day spoken of
            let v = if u == "d" {
                self.cx
                    .reference()
                    .map(|d| d.value())
                    .unwrap_or_else(|| "XXXX-XX-XX".into())
            } else {
                self.this_unit(u)?
            };
            return m(j, k + 3, v, DT);
        }
        let r = self.body(k, the)?;
        if r.start != k || !(r.ty == DT || r.ty == TI) {
            return None;
        }
        if r.value.ends_with("_REF") {
            return None;
        }
        let mut v = r.value;
        if md == "mid" && v.len() == 10 && r.ty == DT && self.wd(j + 1, "the") {
            v.truncate(7);
        }
        Some(M {
            start: j,
            end: r.end,
            value: v,
            ty: r.ty,
            day: r.day,
            extra: None,
        })
    }

    /// The current period of a unit: `2022-W03`, `2022-01`, `2022`.
    fn this_unit(&self, u: &str) -> Option<String> {
        let a = self.cx.anchor;
        Some(match u {
            "d" => a.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
            "w" => n::week_offset(a, 0),
            "we" => format!("{}-WE", n::week_offset(a, 0)),
            "m" => n::month_offset(a, 0),
            "q" => {
                let (y, q) = n::quarter_offset(a, 0);
                n::quarter_value(y, q)
            }
            "y" => n::year_str(n::year_offset(a, 0)),
            "de" => n::year_str(n::year_offset(a, 0)).chars().take(3).collect(),
            "c" => n::year_str(n::year_offset(a, 0)).chars().take(2).collect(),
            _ => return None,
        })
    }

    /// A period moved by `k` units from the story date: `last week`, `next month`.
    fn unit_offset(&self, u: &str, k: i32) -> Option<String> {
        let a = self.cx.anchor;
        Some(match u {
            "d" => a
                .map(|d| d.plus_days(k as i64).value())
                .unwrap_or("XXXX-XX-XX".into()),
            "w" => n::week_offset(a, k as i64),
            "we" => format!("{}-WE", n::week_offset(a, k as i64)),
            "fn" => n::week_offset(a, 2 * k as i64),
            "m" => n::month_offset(a, k),
            "q" => {
                let (y, q) = n::quarter_offset(a, k);
                n::quarter_value(y, q)
            }
            "y" => n::year_str(n::year_offset(a, k)),
            "de" => n::year_str(n::year_offset(a, 10 * k))
                .chars()
                .take(3)
                .collect(),
            "c" => n::year_str(n::year_offset(a, 100 * k))
                .chars()
                .take(2)
                .collect(),
            _ => return None,
        })
    }

    fn month_expr(&mut self, j: usize, mo: u32, k: usize) -> Option<M> {
        // Month Day(, Year)?
        if let Some(d) = self.day_num(k) {
            let mut e = k + 1;
            let mut year = None;
            if self.p(e, ',') && self.year_num(e + 1).is_some() {
                year = self.year_num(e + 1);
                e += 2;
            } else if self.year_num(e).is_some() {
                year = self.year_num(e);
                e += 1;
            }
            let y = year.or_else(|| n::resolve_year(self.cx.anchor, mo, Some(d), self.tense(j, e)));
            let known = y.is_some();
            let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)
                .or_else(|| chrono::NaiveDate::from_ymd_opt(2000, mo, d))?;
            let day = Day {
                date,
                year_known: known,
            };
            let mut r = self.day_match(j, e, Some(day), day.value(), DT)?;
            // a range: January 10-12, January 10 and 12
            if year.is_none() && (self.p(e, '-') || self.wd(e, "and") || self.wd(e, "to")) {
                if let Some(d2) = self.day_num(e + 1) {
                    if d2 > d
                        && self.month_at(e + 2).is_none()
                        && !matches!(self.t.get(e + 2).map(|t| t.k), Some(K::P(':')))
                    {
                        let mut e2 = e + 2;
                        let mut y2 = y;
                        if self.p(e2, ',') && self.year_num(e2 + 1).is_some() {
                            y2 = self.year_num(e2 + 1);
                            e2 += 2;
                            r.value = format!("{}{}", n::year_str(y2), &r.value[4..]);
                        }
                        if let Some(date2) =
                            chrono::NaiveDate::from_ymd_opt(y2.unwrap_or(2001), mo, d2)
                        {
                            let day2 = Day {
                                date: date2,
                                year_known: y2.is_some(),
                            };
                            r.extra = Some(Box::new(M {
                                start: e + 1,
                                end: e2,
                                value: day2.value(),
                                ty: DT,
                                day: Some(day2),
                                extra: None,
                            }));
                        }
                    }
                }
            }
            return Some(r);
        }
        // Month Year
        if let Some((y, e)) = self.year_at(k) {
            self.cx.last_year = Some(y);
            return m(j, e, n::month_value(Some(y), mo), DT);
        }
        if self.wd(k, "of") && self.year_num(k + 1).is_some() {
            let y = self.year_num(k + 1)?;
            return m(j, k + 2, n::month_value(Some(y), mo), DT);
        }
        // June last year, October of next year
        let rk = if self.wd(k, "of") && self.rel(k + 1).is_some() && self.unit(k + 2) == Some("y") {
            k + 1
        } else {
            k
        };
        if let Some(r) = self.rel(rk) {
            if self.unit(rk + 1) == Some("y") {
                let off = match r {
                    "last" | "past" | "prev" => -1,
                    "next" | "coming" => 1,
                    "this" => 0,
                    _ => return self.month_alone(j, mo, k),
                };
                let y = n::year_offset(self.cx.anchor, off);
                return m(j, rk + 2, n::month_value(y, mo), DT);
            }
        }
        self.month_alone(j, mo, k)
    }

    fn month_alone(&mut self, j: usize, mo: u32, k: usize) -> Option<M> {
        // `since October`: the one before, whatever the verb
        /// A past verb this near governs the month (`declared at a meeting in December`);
        /// farther off it only weighs in, as cues that far are often of another clause.
        const NEAR_PAST: usize = 8;
        // the preposition may stand before a modifier: `until mid-November`
        let prep = |w: &str| (1..=3).any(|d| j >= d && self.wd(j - d, w));
        let (tense, dist) = if prep("since") {
            (Tense::Past, 0)
        } else if prep("until") {
            (Tense::Future, 0)
        } else {
            self.tense_at(j, k)
        };
        // `was planned for early March`: a plan made in the past may still lie ahead, so a
        // plan word only weighs in
        let plan = |k: usize| self.lex(k).and_then(|l| l.tense) == Some(Tense::Future);
        let planned = dist <= NEAR_PAST && ((j >= dist && plan(j - dist)) || plan(k + dist - 1));
        let y = if tense == Tense::Past && dist <= NEAR_PAST && !planned {
            n::month_on_or_before(self.cx.anchor, mo)
        } else {
            n::resolve_year(self.cx.anchor, mo, None, tense)
        };
        m(j, k, n::month_value(y, mo), DT)
    }

    fn weekday_expr(&mut self, j: usize, wd: u32, k: usize, dir: Dir) -> Option<M> {
        // Tuesday, January 18(, 2022)
        let mut e = k;
        if self.p(e, ',') {
            if let Some((mo, k2)) = self.month_at(e + 1) {
                if self.day_num(k2).is_some() {
                    let r = self.month_expr(e + 1, mo, k2)?;
                    return Some(M {
                        start: j,
                        extra: None,
                        ..r
                    });
                }
            }
        }
        if let Some((mo, k2)) = self.month_at(e) {
            if self.day_num(k2).is_some() {
                let r = self.month_expr(e, mo, k2)?;
                return Some(M {
                    start: j,
                    extra: None,
                    ..r
                });
            }
        }
        let base = if dir == Dir::Before
            && self.cx.last_day.is_some()
            && self.wd(j.wrapping_sub(2), "the")
        {
            self.cx.last_day
        } else {
            self.cx.anchor
        };
        // the second of two coordinated weekdays: the first such day after the first one
        let joined = dir == Dir::Bare
            && j >= 1
            && (["and", "or", "to", "through", "until", "till"]
                .iter()
                .any(|w| self.is_word_text(j - 1, w))
                || self.p(j - 1, '-'));
        // only when the first one looked ahead: past days are each the latest such day
        // (`statements made Friday and Thursday`)
        let prev = self.cx.last_weekday.filter(|&(at, first)| {
            joined && at + 1 == j && self.cx.anchor.is_some_and(|a| first.date > a.date)
        });
        let (mut v, d) = if let Some((_, first)) = prev {
            n::weekday(Some(first), wd, Dir::After, Tense::Unknown)
        } else {
            let tense = match dir {
                // `Friday's closing price`, `to get around Wednesday's ruling`: a day gone,
                // whatever the verb before it (news names a day by its events once they are
                // done)
                Dir::Bare if self.raw(k) == "'s" || self.raw(k) == "’s" => Tense::Unknown,
                Dir::Bare => self.tense(j, k),
                _ => Tense::Unknown,
            };
            n::weekday(base, wd, dir, tense)
        };
        if let Some(day) = d.filter(|_| dir == Dir::Bare) {
            self.cx.last_weekday = Some((e, day));
        }
        let mut ty = DT;
        if let Some(pod) = self.lex(e).and_then(|l| l.pod) {
            v = format!("{v}T{pod}");
            ty = TI;
            e += 1;
        }
        self.day_match(j, e, d, v, ty)
    }

    fn dayrel(&mut self, j: usize, dr: &str) -> Option<M> {
        let night = dr.ends_with('N');
        let off: i64 = dr.trim_end_matches('N').parse().ok()?;
        let d = self.cx.anchor.map(|a| a.plus_days(off));
        let mut v = d.map(|d| d.value()).unwrap_or_else(|| "XXXX-XX-XX".into());
        let mut e = j + 1;
        let mut ty = DT;
        if !night {
            if let Some(pod) = self.lex(e).and_then(|l| l.pod) {
                v = format!("{v}T{pod}");
                ty = TI;
                e += 1;
            }
        }
        self.day_match(j, e, d, v, ty)
    }

    fn reference(&mut self, j: usize, r: &str, the: bool) -> Option<M> {
        // "Now, ..." opening a sentence is a discourse marker, not a time
        let starts = j == 0 || matches!(self.t[j - 1].k, K::P(_));
        if r == "PRESENT_REF" && starts && self.p(j + 1, ',') && self.raw(j) == "Now" {
            return None;
        }
        if r == "FUTURE_REF" {
            // `the future of the alliance`: what becomes of it, not a time
            if self.wd(j + 1, "of") {
                return None;
            }
            // "the future", "the near future", "in future"
            let prev_in = j > 0
                && (self.wd(j - 1, "in")
                    || self.is_word_text(j - 1, "near")
                    || self.is_word_text(j - 1, "distant"));
            if !(the || prev_in) {
                return None;
            }
            if j >= 2
                && (self.is_word_text(j - 1, "near") || self.is_word_text(j - 1, "distant"))
                && self.wd(j - 2, "the")
            {
                return m(j - 1, j + 1, r.into(), DT);
            }
        }
        m(j, j + 1, r.into(), DT)
    }

    fn rel_expr(&mut self, j: usize, r: &'static str, the: bool) -> Option<M> {
        let k = j + 1;
        // the last half of 1989: the second half
        if r == "last" && self.wd(k, "half") {
            return self.ordinal_with(j, -1);
        }
        let a = self.cx.anchor;
        // this Friday, last Friday, next Friday, the previous Friday
        if let Some((wd, e)) = self.weekday_at(k) {
            let dir = match r {
                "last" | "past" | "prev" => Dir::Before,
                "next" | "foll" | "coming" => Dir::After,
                "this" => Dir::This,
                _ => return None,
            };
            let mut x = self.weekday_expr(k, wd, e, dir)?;
            x.start = j;
            return Some(x);
        }
        // last April, next June
        if let Some((mo, e)) = self.month_at(k) {
            if self.day_num(e).is_some() {
                return None;
            }
            let y = match r {
                "last" | "past" | "prev" => n::month_before_after(a, mo, false),
                "next" | "coming" | "foll" => n::month_before_after(a, mo, true),
                "this" => n::year_offset(a, 0),
                _ => return None,
            };
            return m(j, e, n::month_value(y, mo), DT);
        }
        // last fall, this summer
        if let Some(s) = self.lex(k).and_then(|l| l.season) {
            let off = match r {
                "last" | "prev" => -1,
                "next" | "coming" | "foll" => 1,
                _ => 0,
            };
            return self.season(j, k, s, off, the);
        }
        // this past spring
        if r == "this" && self.rel(k) == Some("past") {
            if let Some(s) = self.lex(k + 1).and_then(|l| l.season) {
                return self.season(j, k + 1, s, 0, the);
            }
        }
        // this morning, last night, tomorrow evening
        if let Some(pod) = self.lex(k).and_then(|l| l.pod) {
            let off = match (r, pod) {
                ("this", _) => 0,
                ("last", "NI") | ("last", "EV") => -1,
                ("next", _) | ("foll", _) => 1,
                _ => return None,
            };
            let base = if r == "foll" || r == "next" {
                self.cx.reference()
            } else {
                a
            };
            let d = base.map(|d| d.plus_days(off));
            let v = format!(
                "{}T{pod}",
                d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into())
            );
            if r == "next" || r == "foll" {
                // "the next morning" is the day after the reference day
                return self.day_match(
                    j,
                    k + 1,
                    d,
                    d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                    DT,
                );
            }
            return m(j, k + 1, v, TI);
        }
        // the past two years, the next few days, last five years
        if matches!(
            r,
            "last" | "past" | "next" | "coming" | "foll" | "first" | "latest" | "recent" | "prev"
        ) {
            if let Some((cnt, e)) = self.count(k) {
                if !(cnt == Some(1.0) && self.wd(k, "a")) || self.units(e).is_some() {
                    let u = self.units(e).or_else(|| self.unit(e));
                    if let Some(u) = u {
                        let mut end = e + 1;
                        if self.wd(end, "or") && self.wd(end + 1, "so") {
                            end += 2;
                        }
                        if r == "recent" {
                            return m(j, end, "PAST_REF".into(), DT);
                        }
                        return m(j, end, n::duration(cnt, u), DU);
                    }
                }
            }
        }
        // recent years, coming months
        if let Some(u) = self.units(k) {
            return match r {
                "recent" if matches!(u, "y" | "d" | "de" | "c") => {
                    m(j, k + 1, "PAST_REF".into(), DT)
                }
                "recent" => m(j, k + 1, n::duration(None, u), DU),
                "coming" | "next" => m(j, k + 1, n::duration(None, u), DU),
                "past" | "last" if the => m(j, k + 1, n::duration(None, u), DU),
                _ => None,
            };
        }
        // this week, last month, next year, the past year, the current fiscal year
        let mut uk = k;
        if self.wd(uk, "fiscal") {
            uk += 1;
        }
        if let Some(u) = self.unit(uk) {
            let e = uk + 1;
            let v = match r {
                // `This quarter's loss` in a report on a quarter: the one reported
                "this"
                    if u == "q"
                        && matches!(self.t.get(e).map(|t| t.k), Some(K::Poss))
                        && self.cx.last_quarter.is_some() =>
                {
                    self.cx.last_quarter.map(|(y, q)| n::quarter_value(y, q))
                }
                "this" => self.this_unit(u),
                "last" | "past" if u == "d" => None,
                "last" | "past" if u == "de" || u == "c" => {
                    return m(j, e, n::duration(Some(1.0), u), DU)
                }
                "last" | "past" => self.unit_offset(u, -1),
                // `In March, ... The following month, ...`: after the month spoken of
                "foll" | "prev" if u == "m" && the && self.cx.last_month.is_some() => {
                    let (y, mo) = self.cx.last_month?;
                    let k =
                        y.unwrap_or(2000) * 12 + mo as i32 - 1 + if r == "foll" { 1 } else { -1 };
                    let y = y.map(|_| k.div_euclid(12));
                    Some(format!("{}-{:02}", n::year_str(y), k.rem_euclid(12) + 1))
                }
                "foll" | "prev" if u == "y" && self.cx.last_year.is_some() && the => {
                    let y = self
                        .cx
                        .last_year
                        .map(|y| y + if r == "foll" { 1 } else { -1 });
                    Some(n::year_str(y))
                }
                "prev" => {
                    if u == "d" {
                        let d = self.cx.reference().map(|d| d.plus_days(-1));
                        return self.day_match(
                            j,
                            e,
                            d,
                            d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                            DT,
                        );
                    }
                    self.unit_offset(u, -1)
                }
                "next" | "coming" | "foll" => {
                    if u == "d" {
                        let d = self.cx.reference().map(|d| d.plus_days(1));
                        return self.day_match(
                            j,
                            e,
                            d,
                            d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                            DT,
                        );
                    }
                    self.unit_offset(u, 1)
                }
                "latest" => {
                    if u == "q" {
                        let (y, q) = n::quarter_offset(a, -1);
                        Some(n::quarter_value(y, q))
                    } else {
                        self.unit_offset(u, -1)
                    }
                }
                "same" => {
                    if u == "d" {
                        let d = self.cx.reference();
                        return m(
                            j,
                            e,
                            d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                            DT,
                        );
                    }
                    None
                }
                _ => None,
            }?;
            if u == "q" {
                if let Some(q) = v.rsplit("-Q").next().and_then(|q| q.parse().ok()) {
                    self.note_quarter(v.get(..4).and_then(|y| y.parse().ok()), q);
                }
            }
            // this year's third quarter
            if u == "y" && matches!(self.t.get(e).map(|t| t.k), Some(K::Poss)) {
                if let Some(q) = self.lex(e + 1).and_then(|l| l.ord) {
                    if self.unit(e + 2) == Some("q")
                        || (self.p(e + 2, '-') && self.unit(e + 3) == Some("q"))
                    {
                        let end = if self.p(e + 2, '-') { e + 4 } else { e + 3 };
                        let y = v.parse().ok();
                        let q = if q < 0 { 4 } else { q as u32 };
                        self.note_quarter(y, q);
                        return m(j, end, n::quarter_value(y, q), DT);
                    }
                }
            }
            // last year's quarter, last year's period: the one reported, a year before
            if u == "y"
                && matches!(r, "last" | "prev")
                && matches!(self.t.get(e).map(|t| t.k), Some(K::Poss))
                && (self.unit(e + 1) == Some("q") || self.is_word_text(e + 1, "period"))
                && self.cx.last_quarter.is_some()
            {
                let u = if self.unit(e + 1) == Some("q") {
                    "q"
                } else {
                    "period"
                };
                return m(j, e + 2, self.year_before(u), DT);
            }
            if u == "d" && r == "this" {
                return None;
            }
            return m(j, e, v, DT);
        }
        // the latest period: the last quarter reported
        if r == "latest" && self.is_word_text(k, "period") {
            let (y, q) = n::quarter_offset(a, -1);
            return m(j, k + 1, n::quarter_value(y, q), DT);
        }
        // the past, the current, current
        match r {
            // not `the past three summers`, a stretch this grammar has no value for
            "past" if the && !self.wd(k, "few") && self.count(k).is_none() => {
                m(j, k, "PAST_REF".into(), DT)
            }
            // `the then current price`: current as of a time gone
            "this"
                if self.raw(j).eq_ignore_ascii_case("current")
                    && j > 0
                    && self.is_word_text(j - 1, "then") =>
            {
                m(j - 1, k, "PAST_REF".into(), DT)
            }
            "this" if self.raw(j).eq_ignore_ascii_case("current") => {
                m(j, k, "PRESENT_REF".into(), DT)
            }
            _ => None,
        }
    }

    fn season(&mut self, j: usize, k: usize, s: &str, off: i32, _the: bool) -> Option<M> {
        let mut e = k + 1;
        let mut y = n::year_offset(self.cx.anchor, off);
        if let Some((yy, e2)) = self.year_at(e) {
            y = Some(yy);
            e = e2;
        } else if self.wd(e, "of") {
            if let Some((yy, e2)) = self.year_at(e + 1) {
                y = Some(yy);
                e = e2;
            } else if let Some(r) = self.rel(e + 1) {
                if self.unit(e + 2) == Some("y") {
                    let o = match r {
                        "last" | "past" | "prev" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    y = n::year_offset(self.cx.anchor, o);
                    e += 3;
                }
            }
        }
        m(j, e, format!("{}-{s}", n::year_str(y)), DT)
    }

    fn holiday(&mut self, j: usize, h: &str) -> Option<M> {
        let mut e = j + 1;
        if self.unit(e) == Some("d") || self.is_word_text(e, "Eve") {
            e += 1;
        }
        let tense = self.tense(j, e);
        let a = self.cx.anchor;
        let (mo, d) = if h == "TG" {
            (11, 25)
        } else {
            let mut p = h.split('-');
            (p.next()?.parse().ok()?, p.next()?.parse::<u32>().ok()?)
        };
        let d = if self.is_word_text(j + 1, "Eve") {
            d - 1
        } else {
            d
        };
        let y = n::resolve_year(a, mo, Some(d), tense);
        let date = match (h, y) {
            ("TG", Some(y)) => n::thanksgiving(y),
            (_, Some(y)) => chrono::NaiveDate::from_ymd_opt(y, mo, d),
            _ => None,
        };
        match date {
            Some(date) => {
                let day = Day {
                    date,
                    year_known: true,
                };
                self.day_match(j, e, Some(day), day.value(), DT)
            }
            None => m(j, e, format!("XXXX-{mo:02}-{d:02}"), DT),
        }
    }

    fn set_expr(&mut self, j: usize) -> Option<M> {
        let mut k = j + 1;
        let mut mult = 1.0;
        if self.wd(k, "other") {
            mult = 2.0;
            k += 1;
        }
        if let Some((wd, e)) = self.weekday_at(k) {
            return m(j, e, format!("XXXX-WXX-{wd}"), ST);
        }
        if let Some((mo, e)) = self.month_at(k) {
            return m(j, e, format!("XXXX-{mo:02}"), ST);
        }
        if let Some(pod) = self.lex(k).and_then(|l| l.pod) {
            return m(j, k + 1, format!("XXXX-XX-XXT{pod}"), ST);
        }
        if let Some(u) = self.unit(k) {
            return m(j, k + 1, n::duration(Some(mult), u), ST);
        }
        if let Some((Some(c), e)) = self.cardinal(k).map(|(v, e)| (Some(v), e)) {
            if let Some(u) = self.units(e).or_else(|| self.unit(e)) {
                return m(j, e + 1, n::duration(Some(c * mult), u), ST);
            }
        }
        None
    }

    /// `third quarter`, `first half of 2022`, `the first nine months`.
    fn ordinal_expr(&mut self, j: usize, _the: bool) -> Option<M> {
        let o = self.lex(j)?.ord?;
        self.ordinal_with(j, o)
    }

    /// [`Self::ordinal_expr`] with the ordinal given (`last` in `the last half` is -1).
    fn ordinal_with(&mut self, j: usize, o: i32) -> Option<M> {
        let mut k = j + 1;
        let hyph = self.p(k, '-');
        if hyph {
            k += 1;
        }
        if self.wd(k, "fiscal") {
            k += 1;
        }
        let u = self.unit(k);
        let half = self.wd(k, "half");
        if u == Some("q") || half {
            let q = if o < 0 {
                if half {
                    2
                } else {
                    4
                }
            } else {
                o as u32
            };
            if q > 4 || (half && q > 2) {
                return None;
            }
            let mut e = k + 1;
            let a = self.cx.anchor;
            let mut y = None;
            // the last half of the '80s: the decade (TimeML has no halves of decades)
            if half && self.wd(e, "of") && self.year_num(e + 1).is_none() {
                let d = if self.wd(e + 1, "the") { e + 2 } else { e + 1 };
                if let Some(r) = self.at(d).filter(|r| r.value.len() == 3) {
                    return m(j, r.end, r.value, DT);
                }
            }
            if self.wd(e, "of") || (self.p(e, ',') && self.year_num(e + 1).is_some()) {
                if let Some(yy) = self.year_num(e + 1) {
                    y = Some(yy);
                    e += 2;
                } else if let Some(r) = self.rel(e + 1) {
                    if self.unit(e + 2) == Some("y")
                        || (self.wd(e + 2, "fiscal") && self.unit(e + 3) == Some("y"))
                    {
                        let o = match r {
                            "last" | "past" | "prev" => -1,
                            "next" | "coming" => 1,
                            _ => 0,
                        };
                        y = n::year_offset(a, o);
                        e += if self.unit(e + 2) == Some("y") { 3 } else { 4 };
                    }
                } else if self.wd(e + 1, "the") && self.unit(e + 2) == Some("y") {
                    y = n::year_offset(a, 0);
                    e += 3;
                }
            } else if let Some(yy) = self.year_num(e) {
                y = Some(yy);
                e += 1;
            } else if self
                .rel(e)
                .is_some_and(|r| r == "last" || r == "this" || r == "next")
                && self.unit(e + 1) == Some("y")
            {
                let o = match self.rel(e) {
                    Some("last") => -1,
                    Some("next") => 1,
                    _ => 0,
                };
                y = n::year_offset(a, o);
                e += 2;
            }
            if y.is_none() {
                // a year preceding: "the 1988 second quarter"
                if let Some(yy) = j.checked_sub(1).and_then(|p| self.year_num(p)) {
                    y = Some(yy);
                } else {
                    y = n::year_offset(a, 0);
                    // A quarter not begun yet, spoken of in the past tense, is last year's.
                    if let Some(ad) = a {
                        let cur = if half {
                            (ad.month() - 1) / 6 + 1
                        } else {
                            ad.quarter()
                        };
                        if q > cur && self.tense(j, e) == Tense::Past {
                            y = n::year_offset(a, -1);
                        }
                    }
                }
            }
            if half {
                return m(j, e, format!("{}-H{q}", n::year_str(y)), DT);
            }
            self.note_quarter(y, q);
            // quarters (plural) as a set: "fourth quarters"
            return m(j, e, n::quarter_value(y, q), DT);
        }
        if u == Some("w") && self.wd(k + 1, "of") {
            return None;
        }
        // the first nine months, the first two years
        if o == 1 && !hyph {
            if let Some((Some(c), e)) = self.count(k) {
                // the first two quarters of 1990: its first half
                if c == 2.0 && self.units(e) == Some("q") && self.wd(e + 1, "of") {
                    if let Some(y) = self.year_num(e + 2) {
                        return m(j, e + 3, format!("{y:04}-H1"), DT);
                    }
                }
                if let Some(u) = self.units(e) {
                    return m(j, e + 1, n::duration(Some(c), u), DU);
                }
            }
        }
        // the twentieth century
        if self.unit(k) == Some("c") && o > 0 {
            return m(j, k + 1, format!("{:02}", o - 1), DT);
        }
        None
    }

    fn fiscal(&mut self, j: usize, the: bool) -> Option<M> {
        let mut k = j + 1;
        if self.unit(k) == Some("y") {
            if let Some(y) = self.year_num(k + 1) {
                return m(j, k + 2, format!("{y:04}"), DT);
            }
            if the {
                return m(j, k + 1, "P1Y".into(), DU);
            }
            return None;
        }
        if self.p(k, '-') {
            k += 1;
        }
        let y = self.year_num(k)?;
        m(j, k + 1, format!("{y:04}"), DT)
    }

    /// `year-ago`, `year-earlier`, and the noun after it: `the year-ago quarter`.
    fn year_ago_adj(&mut self, j: usize, mut e: usize) -> Option<M> {
        let a = self.cx.anchor;
        // the year-earlier nine months: TimeML marks the length
        if let Some((Some(c), k)) = self.count(e) {
            if let Some(u) = self.units(k) {
                return m(j, k + 1, n::duration(Some(c), u), DU);
            }
        }
        let mut v = match self.cx.last_quarter {
            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
            None => n::year_str(n::year_offset(a, -1)),
        };
        if let Some(q) = self.lex(e).and_then(|l| l.ord) {
            if self.unit(e + 1) == Some("q") {
                let q = if q < 0 { 4 } else { q as u32 };
                v = n::quarter_value(
                    self.cx
                        .last_quarter
                        .map(|x| x.0)
                        .unwrap_or_else(|| n::year_offset(a, 0))
                        .map(|y| y - 1),
                    q,
                );
                e += 2;
            }
        } else if self.unit(e) == Some("q") || self.is_word_text(e, "period") {
            e += 1;
        }
        m(j, e, v, DT)
    }

    /// `the weekend`, `the quarter`, `the year`, `the day before`.
    fn the_unit(&mut self, j: usize) -> Option<M> {
        let u = self.unit(j)?;
        let a = self.cx.anchor;
        if u == "d" {
            if self.wd(j + 1, "before") || self.wd(j + 1, "after") {
                let off = if self.wd(j + 1, "before") { -1 } else { 1 };
                // "the day before yesterday"
                if let Some(dr) = self.lex(j + 2).and_then(|l| l.dayrel) {
                    let o: i64 = dr.trim_end_matches('N').parse().ok()?;
                    let d = a.map(|d| d.plus_days(o + off));
                    return self.day_match(
                        j,
                        j + 3,
                        d,
                        d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                        DT,
                    );
                }
                let d = self.cx.reference().map(|d| d.plus_days(off));
                return self.day_match(
                    j,
                    j + 2,
                    d,
                    d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                    DT,
                );
            }
            // "the day": the day the story is about (the last day it named)
            if self.wd(j + 1, "of") {
                return None;
            }
            let d = self.cx.reference();
            return m(
                j,
                j + 1,
                d.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into()),
                DT,
            );
        }
        if self.wd(j + 1, "of") {
            // "the week of March 6", "the year of ..."
            if u == "w" {
                if let Some((mo, k)) = self.month_at(j + 2) {
                    if self.day_num(k).is_some() {
                        let r = self.month_expr(j + 2, mo, k)?;
                        let v = r.day.map(|d| d.week_value()).unwrap_or("XXXX-WXX".into());
                        return m(j, r.end, v, DT);
                    }
                }
            }
            return None;
        }
        let v = match u {
            "we" => format!(
                "{}-WE",
                n::week_offset(
                    a,
                    if self.tense(j, j + 1) == Tense::Future {
                        0
                    } else {
                        -1
                    }
                )
            ),
            "q" => {
                // the quarter a year ago
                if let Some(len) = self.year_back_len(j + 1) {
                    return m(j, j + 1 + len, self.year_before("q"), DT);
                }
                let (y, q) = self
                    .cx
                    .last_quarter
                    .unwrap_or_else(|| n::quarter_offset(a, -1));
                n::quarter_value(y, q)
            }
            "y" => {
                // the year 2000, the year two thousand
                if let Some((y, e)) = self
                    .year_at(j + 1)
                    .or_else(|| self.spoken_millennium(j + 1))
                {
                    self.cx.last_year = Some(y);
                    return m(j, e, format!("{y}"), DT);
                }
                if self.wd(j + 1, "ended") {
                    return m(j, j + 1, "P1Y".into(), DU);
                }
                n::year_str(n::year_offset(a, 0))
            }
            "w" => n::week_offset(a, 0),
            "m" => n::month_offset(a, 0),
            _ => return None,
        };
        m(j, j + 1, v, DT)
    }

    fn numeric(&mut self, j: usize, the: bool) -> Option<M> {
        let K::Num {
            val,
            digits,
            ord,
            plural,
            plain,
            ..
        } = self.t[j].k
        else {
            return None;
        };
        // clock: 3 p.m., 10 am
        if matches!(self.t.get(j + 1).map(|t| t.k), Some(K::AmPm(_))) && plain && !ord && val <= 12
        {
            return self.clock(j);
        }
        // 0800 UTC, 1430 GMT
        if digits == 4
            && plain
            && val % 100 < 60
            && val / 100 < 24
            && self.lex(j + 1).and_then(|l| l.tz).is_some()
        {
            return self.clock(j);
        }
        // decades: 1990s
        if plural && plain {
            if digits == 4 && val % 10 == 0 {
                return m(j, j + 1, format!("{}", val / 10), DT);
            }
            // "the 70s" (not "in his 70s")
            let prev_ok = j > 0
                && (self.wd(j - 1, "the")
                    || self.p(j - 1, '\'')
                    || self.lex(j - 1).is_some_and(|l| l.modifier.is_some()));
            if digits == 2 && val % 10 == 0 && prev_ok {
                return m(j, j + 1, format!("19{}", val / 10), DT);
            }
            return None;
        }
        // centuries: 20th century
        if ord && self.unit(j + 1) == Some("c") {
            return m(j, j + 2, format!("{:02}", val.saturating_sub(1)), DT);
        }
        // day month: 11 December (2022)
        if let Some(d) = self.day_num(j) {
            if let Some((mo, k)) = self.month_at(j + 1) {
                let mut e = k;
                let mut y = None;
                if let Some(yy) = self.year_num(e) {
                    y = Some(yy);
                    e += 1;
                } else if self.p(e, ',') && self.year_num(e + 1).is_some() {
                    y = self.year_num(e + 1);
                    e += 2;
                }
                let y =
                    y.or_else(|| n::resolve_year(self.cx.anchor, mo, Some(d), self.tense(j, e)));
                let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)?;
                let day = Day {
                    date,
                    year_known: y.is_some(),
                };
                return self.day_match(j, e, Some(day), day.value(), DT);
            }
            // the 18th of January
            if ord && self.wd(j + 1, "of") {
                if let Some((mo, k)) = self.month_at(j + 2) {
                    let y = n::resolve_year(self.cx.anchor, mo, Some(d), self.tense(j, k));
                    let date = chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2001), mo, d)?;
                    let day = Day {
                        date,
                        year_known: y.is_some(),
                    };
                    return self.day_match(j, k, Some(day), day.value(), DT);
                }
            }
        }
        // years
        if let Some(y) = self.year_num(j) {
            let prev = j.checked_sub(1).map(|p| self.t[p].k);
            if matches!(
                prev,
                Some(K::P('$' | '#' | '\u{a3}' | '\u{20ac}' | '.' | ':'))
            ) && !matches!(prev, Some(K::P('.')))
            {
                return None;
            }
            let next = self.t.get(j + 1).map(|t| t.k);
            if matches!(next, Some(K::P('%')))
                || self.is_word_text(j + 1, "percent")
                || self.is_word_text(j + 1, "per")
            {
                return None;
            }
            // the 1988 second quarter, the 1988 quarter, the 1989 period
            if let Some(q) = self.lex(j + 1).and_then(|l| l.ord) {
                if self.unit(j + 2) == Some("q") {
                    let q = if q < 0 { 4 } else { q as u32 };
                    if q <= 4 {
                        self.note_quarter(Some(y), q);
                        return m(j, j + 3, n::quarter_value(Some(y), q), DT);
                    }
                }
            }
            if self.unit(j + 1) == Some("q") || self.is_word_text(j + 1, "period") {
                let v = match self.cx.last_quarter {
                    Some((_, q)) => n::quarter_value(Some(y), q),
                    None => format!("{y:04}"),
                };
                return m(j, j + 2, v, DT);
            }
            if self.unit(j + 1).is_some() || self.units(j + 1).is_some() {
                // "2000 years" is a count
                return self.counted(j, the);
            }
            self.cx.last_year = Some(y);
            if !(1900..=2100).contains(&y) {
                let prev_ok = j.checked_sub(1).and_then(|p| self.lex(p)).is_some_and(|l| {
                    matches!(
                        l.word,
                        Some(
                            "in" | "of"
                                | "since"
                                | "until"
                                | "by"
                                | "from"
                                | "to"
                                | "through"
                                | "during"
                                | "before"
                                | "after"
                                | "and"
                        )
                    ) || l.modifier.is_some()
                });
                if !prev_ok {
                    return None;
                }
            }
            return m(j, j + 1, n::year_str(Some(y)), DT);
        }
        if ord {
            return None;
        }
        self.counted(j, the)
    }

    /// Counted units: durations (`two years`, `the past five days`), `ago` points, `earlier`
    /// and `later` points, and per-unit sets (`$5 million a year`).
    fn counted(&mut self, j: usize, the: bool) -> Option<M> {
        let (cnt, mut k) = self.count(j)?;
        // "two to three weeks", "12 to 18 months": the first count stands
        if cnt.is_some() && (self.wd(k, "to") || self.wd(k, "or")) {
            if let Some((_, k2)) = self.cardinal(k + 1) {
                if self.unit(k2).or(self.units(k2)).is_some() {
                    k = k2;
                }
            }
        }
        let hyph = self.p(k, '-');
        if hyph {
            k += 1;
        }
        // adjectives between the count and the unit
        while self.wd(k, "more")
            || self.wd(k, "straight")
            || self.wd(k, "consecutive")
            || self.wd(k, "trading")
            || self.wd(k, "business")
            || self.is_word_text(k, "full")
        {
            k += 1;
        }
        if self.lex(k).and_then(|l| l.ord).is_some()
            && (self.unit(k + 1) == Some("q")
                || self.wd(k + 1, "half")
                || self.unit(k + 1).is_some())
        {
            return None;
        }
        // fractions: "a quarter of the market", "three-quarters"
        if (self.unit(k) == Some("q") && self.wd(k + 1, "of"))
            || (hyph && self.units(k) == Some("q"))
        {
            return None;
        }
        // ages: "6-year-old", "six years old"
        if self.wd(k + 1, "old") || (self.p(k + 1, '-') && self.wd(k + 2, "old")) {
            return None;
        }
        // "a second consecutive day", "a second round": the ordinal
        if self.unit(k) == Some("s")
            && self.lex(k).and_then(|l| l.ord).is_some()
            && matches!(self.t.get(k + 1).map(|t| t.k), Some(K::Word { .. }))
            && !(self.wd(k + 1, "and")
                || self.wd(k + 1, "or")
                || self.wd(k + 1, "ago")
                || self.wd(k + 1, "after")
                || self.wd(k + 1, "before")
                || self.lex(k + 1).and_then(|l| l.modifier).is_some())
        {
            return None;
        }
        let sing = self.unit(k);
        let plur = self.units(k);
        let u = sing.or(plur)?;
        // "a year" but not "a years"; "two year" is fine in adjectives ("a five year low")
        if self.wd(j, "a") && cnt == Some(1.0) && sing.is_none() {
            return None;
        }
        if sing == Some("s")
            && self.lex(k).and_then(|l| l.ord).is_some()
            && self.units(k).is_none()
            && cnt.is_some()
            && !self.wd(j, "a")
            && !hyph
        {
            // "two second" is odd; "second" after a number is more likely an ordinal
        }
        let mut e = k + 1;
        let mut cnt = cnt;
        // "a minute and a half", "an hour and a half"
        if self.wd(e, "and") && self.wd(e + 1, "a") && self.wd(e + 2, "half") {
            cnt = cnt.map(|c| c + 0.5);
            e += 3;
        }
        if hyph {
            // two-year, 52-week
            return m(j, e, n::duration(cnt, u), DU);
        }
        // "two to three weeks", "12 to 18 months" (already consumed only the first count)
        let a = self.cx.anchor;
        // a week or so ago
        let mut s = e;
        if self.wd(s, "or") && self.wd(s + 1, "so") {
            s += 2;
        }
        if self.wd(s, "ago") {
            let v = match cnt {
                Some(c) => {
                    if c.fract() != 0.0 {
                        n::shifted(a, -(c.round() as i64), u)
                    } else {
                        n::shifted(a, -(c as i64), u)
                    }
                }
                None => "PAST_REF".into(),
            };
            let v = if cnt == Some(1.0) && u == "y" {
                match self.cx.last_quarter.filter(|_| QUARTER_AWARE) {
                    Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
                    None => v,
                }
            } else {
                v
            };
            return m(j, s + 1, v, DT);
        }
        let md = self.lex(s).and_then(|l| l.modifier);
        if md == Some("later") || (self.wd(s, "after") && !self.starts_clause(s + 1)) {
            // TimeML marks the length only: "[three days] later"
            return m(j, e, n::duration(cnt, u), DU);
        }
        if md == Some("earlier") || (self.wd(s, "before") && !self.starts_clause(s + 1)) {
            let sign = if md == Some("earlier") || self.wd(s, "before") {
                -1
            } else {
                1
            };
            let base = if matches!(u, "y" | "de" | "c") {
                a
            } else {
                self.cx.reference()
            };
            let v = match cnt {
                Some(c) => {
                    if cnt == Some(1.0) && u == "y" && sign < 0 {
                        match self.cx.last_quarter.filter(|_| QUARTER_AWARE) {
                            Some((y, q)) => n::quarter_value(y.map(|y| y - 1), q),
                            None => n::shifted(base, -1, u),
                        }
                    } else {
                        n::shifted(base, sign * c as i64, u)
                    }
                }
                None => (if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }).into(),
            };
            return m(j, s + 1, v, DT);
        }
        if self.wd(s, "from") && self.is_word_text(s + 1, "now") {
            let v = match cnt {
                Some(c) => n::shifted(a, c as i64, u),
                None => "FUTURE_REF".into(),
            };
            return m(j, s + 2, v, DT);
        }
        // "$33 million a year", "twice a day": a set
        if self.wd(j, "a") && j > 0 {
            let prev = self.t[j - 1].k;
            let numeric_before = matches!(prev, K::Num { .. } | K::P('%'))
                || matches!(
                    self.raw(j - 1).to_ascii_lowercase().as_str(),
                    "times"
                        | "once"
                        | "twice"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "percent"
                        | "cents"
                        | "dollars"
                        | "hundred"
                        | "trillion"
                );
            if numeric_before {
                return m(j, e, n::duration(Some(1.0), u), ST);
            }
        }
        if u == "we" && cnt.is_none() {
            return None;
        }
        // "the nine months", "two years"
        let _ = the;
        let mut end = e;
        if self.wd(end, "ahead") {
            end += 1;
        }

        m(j, end, n::duration(cnt, u), DU)
    }

    fn starts_clause(&self, j: usize) -> bool {
        // "two days before the vote": a preposition with an object is not a point in time
        // we can place; "two days before," is.
        !matches!(self.t.get(j).map(|t| t.k), None | Some(K::P(_)))
    }

    /// Clock times: `10:35`, `6 p.m.`, `noon`, with a time zone and a day after them.
    fn clock(&mut self, j: usize) -> Option<M> {
        // `10:35 a.m. (0735 GMT)`: the same moment restated in another zone
        if j >= 2 && self.p(j - 1, '(') && matches!(self.t[j - 2].k, K::AmPm(_) | K::Clock { .. }) {
            return None;
        }
        // `high noon`, the film and the idiom
        if j >= 1 && self.wd(j, "noon") && self.raw(j - 1).eq_ignore_ascii_case("high") {
            return None;
        }
        let (mut h, mi, mut e) = match self.t[j].k {
            K::Clock { h, m } => (h, m, j + 1),
            K::Num { val, digits: 4, .. } => (val / 100, val % 100, j + 1),
            K::Num { val, .. } => (val, 0, j + 1),
            K::Word { .. } if self.wd(j, "noon") => (12, 0, j + 1),
            K::Word { .. } if self.wd(j, "midnight") => (24, 0, j + 1),
            _ => return None,
        };
        let mut ampm = false;
        if let Some(K::AmPm(pm)) = self.t.get(e).map(|t| t.k) {
            ampm = true;
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
            e += 1;
        }
        if h > 24 || mi > 59 {
            return None;
        }
        if !ampm && matches!(self.t[j].k, K::Clock { .. }) {
            // "3:1" is not a time; "10:35" without am/pm is, when 24-hour shaped.
            let raw = self.raw(j);
            if raw.len() < 4 {
                return None;
            }
        }
        let mut zone = "";
        if let Some(tz) = self.lex(e).and_then(|l| l.tz) {
            zone = tz;
            e += 1;
            // "(GMT +8)" and friends are left out of the value
        }
        // the day: "10 p.m. Wednesday", "16:00 UTC today", "5 p.m. EST, Nov. 6"
        let mut k = e;
        if self.p(k, ',') {
            k += 1;
        }
        if self.wd(k, "on") {
            k += 1;
        }
        let mut day = self.cx.reference();
        // `10:35 a.m. (0735 GMT) Friday`: the day after the restatement dates the time, and
        // stays an expression of its own
        let restated = if self.p(k, '(') {
            (k + 1..(k + 6).min(self.t.len()))
                .find(|&c| self.p(c, ')'))
                .and_then(|c| self.weekday_at(c + 1))
        } else {
            None
        };
        if let Some((wd, k2)) = restated {
            day = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(j, k2)).1;
        } else if let Some((wd, k2)) = self.weekday_at(k) {
            let (_, d) = n::weekday(self.cx.anchor, wd, Dir::Bare, self.tense(j, k2));
            day = d;
            e = k2;
        } else if let Some(dr) = self.lex(k).and_then(|l| l.dayrel) {
            let o: i64 = dr.trim_end_matches('N').parse().ok()?;
            day = self.cx.anchor.map(|a| a.plus_days(o));
            e = k + 1;
        } else if let Some((mo, k2)) = self.month_at(k) {
            if self.day_num(k2).is_some() {
                let r = self.month_expr(k, mo, k2)?;
                day = r.day;
                e = r.end;
            }
        }
        let date = day.map(|d| d.value()).unwrap_or("XXXX-XX-XX".into());
        let v = format!(
            "{date}T{h:02}:{mi:02}{}",
            if zone == "Z" { "Z" } else { "" }
        );
        m(j, e, v, TI)
    }
}

/// Finds the temporal expressions of `region`.
// Out of line (one call per story) so that profiles show the dates pass as one entry.
#[inline(never)]
pub(super) fn recognise(text: &str, region: Span, anchor: Option<Day>) -> Vec<Found> {
    let Tokens { toks, starts } = tokenise(text, region);
    let mut g = G {
        t: &toks,
        text,
        cx: Ctx {
            anchor,
            last_day: None,
            last_quarter: None,
            last_year: None,
            last_weekday: None,
            last_month: None,
            month_newer: false,
        },
    };
    let mut out = Vec::new();
    // the first token not inside the last match
    let mut next = 0;
    for i in starts {
        if i < next {
            continue;
        }
        let start = match start(&toks, i) {
            Start::Try if g.idle_function_word(i) => Start::Idle,
            s => s,
        };
        match start {
            Start::Try => {}
            Start::No => continue,
            Start::Idle => {
                // In debug builds (the tests), check that the grammar would indeed fail here
                // without changing its state: the skips are an optimisation only.
                if cfg!(debug_assertions) {
                    let before = g.cx.clone();
                    let r = g.at(i);
                    debug_assert!(r.is_none() && g.cx == before, "skipped token {i} matters");
                }
                continue;
            }
        }
        match g.at(i) {
            Some(x) if x.end > x.start && x.end <= toks.len() && g.is_title(&x) => next = x.end,
            Some(x) if x.end > x.start && x.end <= toks.len() => {
                next = x.end;
                let mut cur = Some(Box::new(x));
                while let Some(x) = cur {
                    let span = Span::new(toks[x.start].span.start, toks[x.end - 1].span.end);
                    out.push(Found {
                        span,
                        value: x.value,
                        date_type: x.ty,
                    });
                    cur = x.extra;
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the grammar is tried at a token.
enum Start {
    /// It is.
    Try,
    /// No rule can match here: an inert word ([`Lex::inert`]) or an idle number
    /// ([`idle_number`]); debug builds check it.
    Idle,
    /// No rule starts with a token of this kind (a word outside the lexicon, a bare tense cue,
    /// most punctuation).
    No,
}

/// Whether a token of kind `k` is one [`start`] may try the grammar at (it does not call
/// [`Start::No`]), told as the token is made (before the token after it, which [`start`] may
/// read). Inert words are left out but in debug builds, which check them.
fn may_start(k: K) -> bool {
    match k {
        K::Word { lex: Some(l), .. } => l.starts || (cfg!(debug_assertions) && l.inert),
        K::Num { .. } | K::Clock { .. } | K::Iso { .. } | K::Slash { .. } | K::P('\'') => true,
        _ => false,
    }
}

/// A cheap test for tokens no rule starts with.
fn start(t: &[Tok], i: usize) -> Start {
    match t[i].k {
        K::Word { lex: Some(l), .. } if l.inert => Start::Idle,
        K::Word { lex: Some(l), .. } if l.starts => Start::Try,
        K::Num { .. } if idle_number(t, i) => Start::Idle,
        K::Num { .. } | K::Clock { .. } | K::Iso { .. } | K::Slash { .. } | K::P('\'') => {
            Start::Try
        }
        _ => Start::No,
    }
}

/// A number no rule can use, so that the grammar need not be tried on it (most numbers of
/// financial copy: `1.5 mln dlrs`). Only a decade (`1990s`) or a year (`in 1988`) is a date
/// alone; every other rule on a number ([`G::numeric`], [`G::counted`]) needs the token after
/// it to be a lexicon word (`May`, `years`, `to`, `GMT`), a hyphen (`five-year`), a fraction
/// (`5 1/2 years`) or `a.m.`. Those rules change no state when they fail, so skipping is
/// exact.
fn idle_number(t: &[Tok], i: usize) -> bool {
    let Some(K::Num {
        val,
        digits,
        ord,
        plural,
        plain,
        ..
    }) = t.get(i).map(|t| t.k)
    else {
        return false;
    };
    if plural || (plain && !ord && digits == 4 && (1000..=2200).contains(&val)) {
        return false;
    }
    !matches!(
        t.get(i + 1).map(|t| t.k),
        Some(K::Word { lex: Some(_), .. } | K::P('-') | K::Slash { .. } | K::AmPm(_))
    )
}

/// Whether the line break at byte `at` ends a clause, or is only the hard wrap of a wire
/// story's fixed-width lines (`last met on February` / `20 in Oslo`), which is white space.
///
/// It ends one at a blank line, before an indented line (a new paragraph in Reuters' layout),
/// or after a line closing with sentence punctuation; a line ending in a word or a number
/// runs on.
///
/// Also returns where the white space after the line break ends, which the tokeniser skips.
fn line_break(text: &str, at: usize, end: usize) -> (bool, usize) {
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
