//! Byte offset to code point offset conversion.
//!
//! The record promises code point offsets (what Python's `str` indexing uses). Converting each
//! offset by counting from the start of the text would be quadratic on long stories, so we keep
//! the code point count at every [`STRIDE`]-th byte and count only the remainder.

/// Bytes between two checkpoints.
const STRIDE: usize = 256;

/// Converts byte offsets of one text into code point offsets in O(STRIDE) each.
pub struct CharOffsets<'t> {
    text: &'t str,
    /// `checkpoints[i]` is the number of code points in `text[..i * STRIDE]` (rounded down to
    /// a char boundary); empty when the text is ASCII and offsets are the identity.
    checkpoints: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    /// Prepares the conversion for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            // A code point starts at every byte that is not a UTF-8 continuation byte.
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        // The end of a text whose length is a multiple of STRIDE falls in one block more.
        checkpoints.push(count);
        CharOffsets { text, checkpoints }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / STRIDE;
        let base = block * STRIDE;
        let rest = &self.text.as_bytes()[base..byte];
        self.checkpoints[block] + rest.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_counting_chars_at_every_boundary() {
        let texts = [
            "Lavrov’s «talks» — ok ".repeat(40) + "日本 end",
            // A length that is an exact multiple of the stride.
            "é".repeat(STRIDE),
            "é".to_string(),
        ];
        for text in texts {
            let offsets = CharOffsets::new(&text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(offsets.char_offset(byte), chars);
            }
            assert_eq!(offsets.char_offset(text.len()), text.chars().count());
        }
    }
}
