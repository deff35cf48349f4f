//! The date lexicon: what each word can be in a temporal expression (month, weekday, unit,
//! count, relative word, ...), read once from `dates_words.tsv` and `dates_tense.tsv`, and
//! the packed table the tokeniser looks every word up in.

use super::normalise::Tense;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What the lexicon says about one word (a word may have several readings: `second`).
#[derive(Debug, Default)]
pub(super) struct Lex {
    pub(super) month: u32,
    pub(super) weekday: u32,
    pub(super) weekdays: u32,
    pub(super) unit: Option<&'static str>,
    pub(super) units: Option<&'static str>,
    pub(super) num: Option<u32>,
    pub(super) ord: Option<i32>,
    pub(super) fuzzy: bool,
    pub(super) rel: Option<&'static str>,
    pub(super) dayrel: Option<&'static str>,
    pub(super) pod: Option<&'static str>,
    pub(super) season: Option<&'static str>,
    pub(super) reference: Option<&'static str>,
    pub(super) set: Option<&'static str>,
    pub(super) modifier: Option<&'static str>,
    pub(super) approx: bool,
    pub(super) word: Option<&'static str>,
    pub(super) holiday: Option<&'static str>,
    pub(super) tz: Option<&'static str>,
    pub(super) tense: Option<Tense>,
    /// A decade in words (`the nineties`): its tens digit.
    pub(super) decade: Option<u32>,
    /// No rule can start at this word: it only gives context to rules started elsewhere
    /// (`of`, `in`, `ago`). The function words a rule may start at are those the rule table
    /// names ([`super::rules::Starts::is_starter`]).
    pub(super) inert: bool,
    /// The grammar is tried at this word: it is not inert, and not a bare tense cue.
    pub(super) starts: bool,
    /// The rules this word can start, as bits over [`super::rules::table::RULES`].
    pub(super) rules: u64,
    /// A tense cue without reading the words around it: a word with a tense reading, or
    /// `until` ([`super::grammar::G::tense_cue`] tests every word of a tense window).
    pub(super) cue: bool,
    /// Which of the function words [`super::grammar::G::idle_function_word`] knows this is.
    pub(super) func: Func,
}

/// The function words at which a rule rarely starts, told once per entry so that the test
/// at every such word of a story compares no strings
/// ([`super::grammar::G::idle_function_word`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Func {
    /// None of them.
    #[default]
    None,
    The,
    A,
    At,
    Up,
    /// `more` or `less`.
    MoreLess,
    That,
}

impl Func {
    /// The kind of the `word` value `w`.
    fn of(w: Option<&str>) -> Func {
        match w {
            Some("the") => Func::The,
            Some("a") => Func::A,
            Some("at") => Func::At,
            Some("up") => Func::Up,
            Some("more" | "less") => Func::MoreLess,
            Some("that") => Func::That,
            _ => Func::None,
        }
    }
}

/// Looked up once per word of every story with short trusted keys: the Fx hash (8 bytes at a
/// step) beats the default DoS-resistant SipHash.
pub(super) static LEXICON: LazyLock<FxHashMap<&'static [u8], Lex>> = LazyLock::new(|| {
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
    let starts = super::rules::Starts::new();
    for (w, l) in map.iter_mut() {
        let starter = |x: &[u8]| starts.is_starter(x);
        l.rules = starts.mask(l);
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
        l.cue = l.tense.is_some() || l.word == Some("until");
        l.func = Func::of(l.word);
    }
    map
});

/// [`LEXICON`] again, keyed by the word packed into a `u128` (its lower-case bytes, zero
/// padded) in an open-addressing table: the tokeniser looks up every word of every story, and
/// comparing two integers beats hashing and comparing byte strings.
pub(super) struct Packed {
    /// A power of two of them, at most one in four taken, so that a probe ends soon.
    pub(super) slots: Vec<Slot>,
    /// 64 minus the number of bits of a slot index.
    pub(super) shift: u32,
    /// The lengths (bit `n` for `n` bytes, up to 15) of the keys by their first two bytes
    /// ([`initials`]): most words of a story are in no entry, and this one load tells so for
    /// about half of them before any hashing.
    pub(super) lengths: Box<[u16; 1024]>,
}

/// The index of [`Packed::lengths`] for a word that starts with the bytes `a` and `b`: their
/// five low bits, which a letter and its capital share (other bytes may share them too: the
/// table only ever rules out a word no key can be).
pub(super) fn initials(a: u8, b: u8) -> usize {
    usize::from(a & 31) << 5 | usize::from(b & 31)
}

/// One slot of [`Packed`]: a key (0 when empty) and its entry, side by side so that a probe
/// reads one place.
#[derive(Clone, Copy)]
pub(super) struct Slot {
    pub(super) key: u128,
    pub(super) lex: Option<&'static Lex>,
}

impl Packed {
    /// The entry of the packed key `key` (of [`packed_key`]; never 0).
    #[inline]
    pub(super) fn get(&self, key: u128) -> Option<&'static Lex> {
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
pub(super) fn packed_slot(key: u128, shift: u32) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

pub(super) static PACKED: LazyLock<Packed> = LazyLock::new(|| {
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
pub(super) fn lookup(
    packed: &Packed,
    bytes: &[u8],
    start: usize,
    len: usize,
) -> Option<&'static Lex> {
    if len == 0 || len > 16 {
        return lookup_long(bytes, start, len);
    }
    packed.get(packed_key(bytes, start, len))
}

/// [`lookup`] for the few words too long to pack (and the empty one).
#[cold]
#[inline(never)]
pub(super) fn lookup_long(bytes: &[u8], start: usize, len: usize) -> Option<&'static Lex> {
    let mut buf = [0u8; 24];
    let out = buf.get_mut(..len)?;
    out.copy_from_slice(bytes.get(start..start + len)?);
    out.make_ascii_lowercase();
    LEXICON.get(&*out)
}

/// `KEEP[n]` keeps the first `n` bytes of a packed key.
pub(super) const KEEP: [u128; 17] = {
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
pub(super) fn packed_key(bytes: &[u8], start: usize, len: usize) -> u128 {
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

/// The word lists of `dates_context.tsv`: words the rules read around an expression.
#[derive(Debug, Clone, Copy)]
pub(super) enum List {
    /// `had`, `was`: before a plan word, a plan in the past.
    PastAux,
    /// `will`, `could`: before `be` and a participle, a passive ahead.
    PassiveModal,
    /// `the`, `its`: after `to`, not an infinitive (matched as written).
    NotVerb,
    /// `after`, `as`: after `soon`, a relation to another event.
    SoonLinked,
    /// `will`, `may`: before `soon`, an event ahead.
    SoonModal,
    /// `will`, `can`: before `one day`, some time ahead.
    FutureModal,
    /// `additional`, `extra`, `further`: between `a` and a unit.
    Extra,
    /// `and`, `to`, `till`: between two weekdays.
    Joins,
    /// `million`, `twice`: before `a` and a unit, a rate.
    Amount,
    /// `in`, `since`: before `May`, the month rather than the modal verb.
    BeforeMay,
    /// `in`, `until`: before a number outside 1900-2100, a year all the same.
    BeforeYear,
}

const LISTS: usize = 11;

/// One list of `dates_context.tsv`, with the lengths of its words as bits (bit `n` for `n`
/// bytes, up to 31) so that most words are ruled out by one test.
#[derive(Default)]
struct WordList {
    words: Vec<&'static str>,
    lengths: u32,
}

static CONTEXT: LazyLock<[WordList; LISTS]> = LazyLock::new(|| {
    let mut lists: [WordList; LISTS] = Default::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/dates_context.tsv")) {
        let (Some(&w), Some(&list)) = (row.first(), row.get(1)) else {
            continue;
        };
        let list = match list {
            "past_aux" => List::PastAux,
            "passive_modal" => List::PassiveModal,
            "not_verb" => List::NotVerb,
            "soon_linked" => List::SoonLinked,
            "soon_modal" => List::SoonModal,
            "future_modal" => List::FutureModal,
            "extra" => List::Extra,
            "joins" => List::Joins,
            "amount" => List::Amount,
            "before_may" => List::BeforeMay,
            "before_year" => List::BeforeYear,
            _ => continue,
        };
        let l = &mut lists[list as usize];
        l.words.push(w);
        l.lengths |= 1u32.checked_shl(w.len() as u32).unwrap_or(0);
    }
    lists
});

/// Whether `list` has a word of `len` bytes.
#[inline]
pub(super) fn may_be_in(list: List, len: usize) -> bool {
    CONTEXT[list as usize].lengths >> len.min(31) & 1 != 0
}

/// Whether the text `raw` is a word of `list` (in any case; [`List::NotVerb`] as written).
pub(super) fn in_list(list: List, raw: &str) -> bool {
    if !may_be_in(list, raw.len()) {
        return false;
    }
    let l = &CONTEXT[list as usize];
    match list {
        List::NotVerb => l.words.contains(&raw),
        _ => l.words.iter().any(|w| raw.eq_ignore_ascii_case(w)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of `dates_context.tsv` names a known list, and each list has words.
    #[test]
    fn context_lists_are_all_read() {
        let rows = crate::lexicon::rows(include_str!("../../lexicon/dates_context.tsv")).count();
        let read: usize = CONTEXT.iter().map(|l| l.words.len()).sum();
        assert_eq!(rows, read);
        assert!(CONTEXT.iter().all(|l| !l.words.is_empty()));
        assert!(in_list(List::SoonModal, "Will") && !in_list(List::NotVerb, "The"));
    }
}
