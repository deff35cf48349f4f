//! One table of every word the stages look the story's tokens up in, so that each token is
//! looked up once, by the tokenizer, and carries its word's id ([`super::Tok::id`]): a stage
//! reads what it knows of a word from a vector indexed by the id, with no hash look-up.

use super::WordFilter;

/// [`Vocabulary`] flag: the tokens of the word are noted as candidates ([`super::Doc`]'s
/// `candidates`).
pub const NOTE: u8 = 1;
/// [`Vocabulary`] flag: a sentence holding the word is marked ([`super::Doc`]'s `marked`).
pub const MARK: u8 = 2;

/// The words (lower case) that the stages look tokens up in, each with an id (1 on; 0 is no
/// word of the vocabulary) and the flags the tokenizer acts on ([`NOTE`], [`MARK`]).
///
/// Reached, as a [`super::WordTable`], by the [`WordFilter`] hash of a word (its first two
/// bytes, last byte and length), and built for the tokenizer, which looks up every word of a
/// story: a word's first 16 bytes are kept as two integers, so that a word is compared with
/// those of its hash by two integer comparisons, and a plain word
/// ([`Vocabulary::id_of_plain`]) is looked up from the bytes the tokenizer loaded to read it.
pub struct Vocabulary {
    /// Per hash, the id of the last word with it (0: none).
    slots: Box<[u16; 65536]>,
    /// By id (0: no word).
    entries: Vec<Entry>,
    /// The words, by id.
    words: Vec<Box<[u8]>>,
    /// The id of each ASCII byte as a token of its own (`,`, `.`): the tokenizer's commonest
    /// marks, given theirs without a look-up.
    bytes: [u16; 128],
}

/// A word of a [`Vocabulary`].
struct Entry {
    /// Its first 16 bytes, little-endian, zero after its end.
    head: [u64; 2],
    len: usize,
    /// The id of the word before it with the same hash (0: none).
    before: u16,
    flags: u8,
}

impl Vocabulary {
    /// The vocabulary of `words`, each with its flags (those of a word given twice are
    /// joined); `None` when the words are more than 65,535.
    pub fn new<W: AsRef<[u8]>>(words: impl Iterator<Item = (W, u8)>) -> Option<Vocabulary> {
        let mut v = Vocabulary {
            slots: Box::new([0; 65536]),
            entries: vec![Entry {
                head: [0; 2],
                len: usize::MAX,
                before: 0,
                flags: 0,
            }],
            words: vec![Box::default()],
            bytes: [0; 128],
        };
        for (w, flags) in words {
            let w = w.as_ref();
            let (slot, h) = (WordFilter::bit(w), head(w));
            let id = v.find(v.slots[slot], h, w);
            if let Some(e) = v.entries.get_mut(usize::from(id)).filter(|_| id != 0) {
                e.flags |= flags;
                continue;
            }
            let slot = &mut v.slots[slot];
            let id = u16::try_from(v.entries.len())
                .ok()
                .filter(|&id| id != u16::MAX)?;
            v.entries.push(Entry {
                head: h,
                len: w.len(),
                before: *slot,
                flags,
            });
            v.words.push(Box::from(w));
            *slot = id;
        }
        for b in 0..128u8 {
            v.bytes[usize::from(b)] = v.id(&[b]);
        }
        Some(v)
    }

    /// The id of `word` (0 when it is not in the vocabulary).
    pub fn id(&self, word: &[u8]) -> u16 {
        let k = self.slots[WordFilter::bit(word)];
        // Most words: no word of the vocabulary has their hash.
        if k == 0 {
            return 0;
        }
        self.find(k, head(word), word)
    }

    /// The id of `word`, whose first 16 bytes are `h`, among the word of id `k` and those
    /// before it with its hash (0: not there).
    fn find(&self, mut k: u16, h: [u64; 2], word: &[u8]) -> u16 {
        while let Some(e) = self.entries.get(usize::from(k)).filter(|_| k != 0) {
            let long = || self.words.get(usize::from(k)).is_some_and(|w| **w == *word);
            if e.head == h && e.len == word.len() && (e.len <= 16 || long()) {
                return k;
            }
            k = e.before;
        }
        0
    }

    /// [`Vocabulary::id`] and flags of a word of `len` ASCII letters and digits (fewer than
    /// 16) whose [`WordFilter::key`] is `key`, read from the 16 bytes `bytes` (little-endian)
    /// that start with it, in any case: what the tokenizer has at hand of its commonest word.
    #[inline(always)]
    pub(crate) fn id_of_plain(&self, key: u32, bytes: [u64; 2], len: usize) -> (u16, u8) {
        // The lower case of an ASCII letter or digit is the byte with bit 5 set.
        const LOWER: u64 = u64::from_le_bytes([0x20; 8]);
        let mut k = self.slots[WordFilter::bit_of_key(key)];
        // Most words of a story: no word of the vocabulary has their hash.
        if k == 0 {
            return (0, 0);
        }
        let (keep_low, keep_high) = KEEP[len & 15];
        let h = [
            (bytes[0] | LOWER) & keep_low,
            (bytes[1] | LOWER) & keep_high,
        ];
        while let Some(e) = self.entries.get(usize::from(k)).filter(|_| k != 0) {
            if e.head == h && e.len == len {
                return (k, e.flags);
            }
            k = e.before;
        }
        (0, 0)
    }

    /// The id of the one-byte token `b` (an ASCII byte).
    #[inline(always)]
    pub(crate) fn byte_id(&self, b: u8) -> u16 {
        self.bytes.get(usize::from(b)).copied().unwrap_or(0)
    }

    /// The flags of the word of id `id` (none for 0).
    #[inline(always)]
    pub fn flags(&self, id: u16) -> u8 {
        self.entries.get(usize::from(id)).map_or(0, |e| e.flags)
    }

    /// One more than the largest id: a vector of this length is indexed by every id.
    pub fn ids(&self) -> usize {
        self.entries.len()
    }

    /// The word of id `id` (empty for 0).
    pub fn word(&self, id: u16) -> &[u8] {
        self.words.get(usize::from(id)).map_or(&[], |w| w)
    }
}

/// Per length below 16, the masks of the bytes of a word of that length in two little-endian
/// integers of 8 bytes.
static KEEP: [(u64, u64); 16] = {
    let mut t = [(0u64, 0u64); 16];
    let mut n = 0;
    while n < 16 {
        t[n] = if n < 8 {
            ((1u64 << (8 * n)) - 1, 0)
        } else {
            (!0, (1u64 << (8 * (n - 8))) - 1)
        };
        n += 1;
    }
    t
};

/// The first 16 bytes of `w`, little-endian, zero after its end.
fn head(w: &[u8]) -> [u64; 2] {
    let mut h = [0u64; 2];
    // byte by byte: a word is a few bytes, fewer than a copy's call costs
    for (i, &b) in w.iter().take(16).enumerate() {
        h[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word has one id, its flags joined, and the id gives the word back; a word
    /// outside gets 0, as does a one-byte token not listed.
    #[test]
    fn ids_name_their_words() {
        let words: [(&[u8], u8); 5] = [
            (b"said", NOTE),
            (b"the", 0),
            (b"said", MARK),
            (b",", 0),
            (b"talks", MARK),
        ];
        let v = Vocabulary::new(words.into_iter()).unwrap();
        assert_eq!(v.ids(), 5);
        let said = v.id(b"said");
        assert_ne!(said, 0);
        assert_eq!(v.flags(said), NOTE | MARK);
        assert_eq!(v.word(said), b"said");
        assert_eq!(v.flags(v.id(b"the")), 0);
        assert_eq!((v.id(b"sand"), v.id(b"")), (0, 0));
        assert_eq!(v.byte_id(b','), v.id(b","));
        assert_eq!(v.byte_id(b'.'), 0);
        assert_eq!(v.flags(0), 0);
    }

    /// A plain word looked up from its loaded bytes, in any case, gets the id its lower case
    /// gets, whatever follows it in the load; words longer than 16 bytes are told apart by
    /// all their bytes.
    #[test]
    fn plain_words_get_the_id_of_their_lower_case() {
        let listed: [&[u8]; 6] = [
            b"said",
            b"a",
            b"spokeswomen1234",
            b"12345678",
            b"internationalisation",
            b"internationalisations",
        ];
        let v = Vocabulary::new(listed.iter().map(|w| (*w, 0))).unwrap();
        for text in [
            "said it",
            "SAID.",
            "Said",
            "a b",
            "A",
            "sand",
            "Spokeswomen1234 x",
            "spokeswomen123",
            "12345678",
            "123456789",
            "1234567",
            "x",
        ] {
            let word: &str = text.split([' ', '.']).next().unwrap();
            let lower = word.to_ascii_lowercase();
            let mut b = [b'#'; 16];
            b[..text.len().min(16)].copy_from_slice(&text.as_bytes()[..text.len().min(16)]);
            let load = [
                u64::from_le_bytes(b[..8].try_into().unwrap()),
                u64::from_le_bytes(b[8..].try_into().unwrap()),
            ];
            let l = lower.as_bytes();
            let key = WordFilter::key(
                l[0],
                l.get(1).copied().unwrap_or(0),
                l[l.len() - 1],
                l.len(),
            );
            let id = v.id(l);
            assert_eq!(
                v.id_of_plain(key, load, word.len()),
                (id, v.flags(id)),
                "{text}"
            );
        }
        for w in &listed {
            assert_eq!(v.word(v.id(w)), *w);
        }
        assert_eq!(v.id(b"internationalisationz"), 0);
    }
}
