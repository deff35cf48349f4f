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

    fn bit(word: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return 0;
        };
        let second = word.get(1).copied().unwrap_or(0);
        WordFilter::bit_of_key(WordFilter::key(first, second, last, word.len()))
    }

    fn bit_of_key(key: u32) -> usize {
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
        self.filter.may_contain(word) && self.words.contains(word)
    }
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
}
