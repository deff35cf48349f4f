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

    fn bit(word: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return 0;
        };
        let second = word.get(1).copied().unwrap_or(0);
        // The length is folded into a byte: only the spread of the hash depends on it.
        let key = u32::from_le_bytes([first, second, last, word.len() as u8]);
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }
}
