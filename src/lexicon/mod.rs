//! Lexicons: the word lists the rules use, kept as data files beside this module
//! (`*.tsv`, one entry per line, `#` comments) and parsed once on first use. The closed word
//! classes several stages share (pronouns, determiners) are read into typed rows by [`closed`].

pub mod closed;

/// The non-comment, non-blank lines of a lexicon file, each split on tabs.
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// `word` in ASCII lower case, written into `buf`, for looking it up in a lexicon without
/// allocating; `None` when it is longer than the buffer. Lower-casing only ASCII letters keeps
/// UTF-8 valid (and equals `to_lowercase` when the word is ASCII).
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    std::str::from_utf8(ascii_lower_bytes(word.as_bytes(), buf)?).ok()
}

/// [`ascii_lower`] for byte-keyed look-ups, which need no UTF-8 check of the result.
pub fn ascii_lower_bytes<'b>(word: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word);
    out.make_ascii_lowercase();
    Some(out)
}

/// The first two bytes of a list of words, to reject at once a word (or a line) that starts
/// with none of them, before any lower-casing or hashing: per first byte (ASCII lower-cased),
/// the set of second bytes, one bit each by their five low bits, so that an ASCII letter and
/// its capital share a bit (other bytes may share one too: the test only ever rejects what no
/// word of the list can start).
pub struct Initials {
    /// `None` when a word of the list is empty: it starts everything.
    rows: Option<[u32; 256]>,
}

impl Initials {
    /// The initials of `words`.
    pub fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> Initials {
        let mut rows = [0u32; 256];
        for w in words {
            let Some(first) = w.first() else {
                return Initials { rows: None };
            };
            // A one-byte word starts whatever its second byte.
            rows[usize::from(first.to_ascii_lowercase())] |=
                w.get(1).map_or(u32::MAX, |&c| Initials::bit(c));
        }
        Initials { rows: Some(rows) }
    }

    /// False when `s` cannot start with any of the words (compared ASCII case-insensitively).
    pub fn may_start(&self, s: &[u8]) -> bool {
        let Some(rows) = &self.rows else { return true };
        let Some(first) = s.first() else { return false };
        let row = rows[usize::from(first.to_ascii_lowercase())];
        match s.get(1) {
            Some(&c) => row & Initials::bit(c) != 0,
            None => row != 0,
        }
    }

    fn bit(b: u8) -> u32 {
        1 << (b & 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_reject_only_what_no_word_starts() {
        let words: [&[u8]; 3] = [b"reuters", b"afp", b"x"];
        let set = Initials::new(words.into_iter());
        let cases: [(&str, bool); 8] = [
            ("Reuters", true),
            ("REUTERS said", true),
            ("afp", true),
            ("AFP)", true),
            ("x-ray", true), // a one-byte word starts anything after it
            ("Xinhua", true),
            ("TASS", false),
            ("", false),
        ];
        for (s, want) in cases {
            assert_eq!(set.may_start(s.as_bytes()), want, "{s}");
        }
        // An empty word starts everything.
        let all = Initials::new([&b""[..]].into_iter());
        assert!(all.may_start(b"anything") && all.may_start(b""));
    }
}
