//! A bit filter of a word list, to rule most words of a story out of a list before any
//! hash look-up.

/// A word list as a 65,536-bit set of a hash of each word's first two bytes, last byte and
/// length: a word not in it is surely not in the list, and most words of a story are told
/// from a list of a few hundred words with one bit test, before any hash-map look-up.
pub struct WordFilter {
    // A fixed-size array: the index of a 16-bit hash needs no bounds check.
    bits: Box<[u64; 1024]>,
}

impl WordFilter {
    /// The filter of `words`.
    pub fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> WordFilter {
        let mut bits = Box::new([0u64; 1024]);
        for w in words {
            let bit = WordFilter::bit(w);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        WordFilter { bits }
    }

    /// False when `word` is surely not in the list.
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let bit = WordFilter::bit(word);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// [`WordFilter::may_contain`] of `word` in ASCII lower case (of a filter of lower-case
    /// words), read without lower-casing a copy: only the bytes of the key are.
    pub fn may_contain_ascii_lower(&self, word: &[u8]) -> bool {
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return self.bits[0] & 1 != 0;
        };
        let second = word.get(1).map_or(0, u8::to_ascii_lowercase);
        let key = WordFilter::key(
            first.to_ascii_lowercase(),
            second,
            last.to_ascii_lowercase(),
            word.len(),
        );
        self.may_contain_key(key)
    }

    /// [`WordFilter::may_contain`] of the word whose [`WordFilter::key`] is `key`.
    pub fn may_contain_key(&self, key: u32) -> bool {
        let bit = WordFilter::bit_of_key(key);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// What the filter reads of a word: its first two bytes (the second 0 for a word of one
    /// byte), its last byte and its length, folded into a byte (only the spread of the hash
    /// depends on it). A tokenizer that has these bytes at hand builds the key itself.
    pub fn key(first: u8, second: u8, last: u8, len: usize) -> u32 {
        u32::from_le_bytes([first, second, last, len as u8])
    }

    pub(super) fn bit(word: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return 0;
        };
        let second = word.get(1).copied().unwrap_or(0);
        WordFilter::bit_of_key(WordFilter::key(first, second, last, word.len()))
    }

    pub(super) fn bit_of_key(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }
}

/// A word list as a set, behind its [`WordFilter`]: exact answers, with a hash look-up only for
/// the few words the filter lets through.
#[derive(Default)]
pub struct WordSet {
    /// The filter of the words, tested first.
    pub filter: WordFilter,
    words: rustc_hash::FxHashSet<Box<[u8]>>,
}

impl WordSet {
    /// The set of `words`.
    pub fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> WordSet {
        let words: rustc_hash::FxHashSet<Box<[u8]>> = words.map(Box::from).collect();
        WordSet {
            filter: WordFilter::new(words.iter().map(|w| &w[..])),
            words,
        }
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &[u8]) -> bool {
        self.filter.may_contain(word) && self.contains_past_filter(word)
    }

    /// [`WordSet::contains`] of a word the caller has seen pass [`WordSet::filter`].
    pub fn contains_past_filter(&self, word: &[u8]) -> bool {
        self.words.contains(word)
    }
}

/// A word list as a table from the words to values, reached by the [`WordFilter`] hash of a
/// word (its first two bytes, last byte and length): a look-up reads a slot and compares the
/// word with the few of the list that share its hash, without hashing the whole word.
pub struct WordTable<V> {
    /// Per hash, one more than the index in `entries` of the last word with it (0: none).
    slots: Box<[u16; 65536]>,
    /// The words and their values, each with one more than the index of the word before it
    /// with the same hash (0: none).
    entries: Vec<(Box<[u8]>, V, u16)>,
}

impl<V> WordTable<V> {
    /// The table of `words` (the first of a word given twice is kept); `None` when they are
    /// more than 65,535.
    pub fn new<W: AsRef<[u8]>>(words: impl Iterator<Item = (W, V)>) -> Option<WordTable<V>> {
        let mut table = WordTable {
            slots: Box::new([0; 65536]),
            entries: Vec::new(),
        };
        for (word, value) in words {
            let word = word.as_ref();
            if table.get(word).is_some() {
                continue;
            }
            let slot = &mut table.slots[WordFilter::bit(word)];
            let index = u16::try_from(table.entries.len() + 1).ok()?;
            table.entries.push((Box::from(word), value, *slot));
            *slot = index;
        }
        Some(table)
    }

    /// The value of `word`, if it is in the table.
    pub fn get(&self, word: &[u8]) -> Option<&V> {
        let mut k = self.slots[WordFilter::bit(word)];
        while let Some((w, value, before)) = self.entries.get(usize::from(k).checked_sub(1)?) {
            if same(w, word) {
                return Some(value);
            }
            k = *before;
        }
        None
    }

    /// The words and their values, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &V)> {
        self.entries.iter().map(|(w, v, _)| (&**w, v))
    }
}

/// Whether two words are the same, byte by byte in line: the words of a table are short, and
/// those that share a slot share their length and first bytes too, so that a call of
/// `memcmp` (what `==` on slices gives) cost more than the comparison.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl Default for WordFilter {
    /// The filter of no word.
    fn default() -> WordFilter {
        WordFilter::new(std::iter::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key built from a word's parts gives the answer the word gives.
    #[test]
    fn key_agrees_with_the_word() {
        let list: [&[u8]; 3] = [b"said", b"a", b"told"];
        let filter = WordFilter::new(list.into_iter());
        for w in [&b"said"[..], b"a", b"told", b"sand", b"x", b"tolled"] {
            let second = w.get(1).copied().unwrap_or(0);
            let key = WordFilter::key(w[0], second, w[w.len() - 1], w.len());
            assert_eq!(filter.may_contain_key(key), filter.may_contain(w), "{w:?}");
        }
        assert!(filter.may_contain(b"said") && filter.may_contain(b"a"));
    }

    /// A set answers exactly where its filter lets a word through by its shape (`praises`
    /// and `profits` share first bytes, last byte and length).
    #[test]
    fn set_is_exact() {
        let list: [&[u8]; 2] = [b"praises", b"talks"];
        let set = WordSet::new(list.into_iter());
        assert!(set.filter.may_contain(b"profits"));
        for (w, want) in [
            (&b"praises"[..], true),
            (b"talks", true),
            (b"profits", false),
            (b"", false),
        ] {
            assert_eq!(set.contains(w), want, "{w:?}");
        }
    }

    /// A word in any case gets the answer its ASCII lower case gets.
    #[test]
    fn ascii_lower_agrees_with_the_lower_case_word() {
        let words: [&[u8]; 3] = [b"the", b"a", b"several"];
        let filter = WordFilter::new(words.into_iter());
        for w in [
            "The", "THE", "a", "A", "Several", "SEVERAL", "", "Smith", "x-Y", "Añez",
        ] {
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                filter.may_contain_ascii_lower(w.as_bytes()),
                filter.may_contain(lower.as_bytes()),
                "{w:?}"
            );
        }
    }

    /// The table gives the value of every word of its list and nothing for any other word,
    /// as a hash map does, words sharing a hash included.
    #[test]
    fn table_agrees_with_a_map() {
        // `said` and `sand` share first, second and last byte and length, hence their hash.
        let words: [&[u8]; 6] = [b"said", b"sand", b"the", b"a", b"", b"said"];
        let table = WordTable::new(words.iter().enumerate().map(|(i, w)| (*w, i))).unwrap();
        let mut map = std::collections::HashMap::new();
        for (i, w) in words.iter().enumerate() {
            map.entry(*w).or_insert(i);
        }
        for w in [
            &b"said"[..],
            b"sand",
            b"the",
            b"a",
            b"",
            b"saud",
            b"The",
            b"x",
        ] {
            assert_eq!(table.get(w), map.get(w), "{w:?}");
        }
        assert_eq!(table.iter().count(), 5);
    }
}
