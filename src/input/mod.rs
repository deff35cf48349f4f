//! Input: turning the bytes of a file into story text.
//!
//! Wire archives come in every encoding their converters produced; we accept UTF-8 (with or
//! without a byte order mark), UTF-16 with a byte order mark, and fall back to Windows-1252
//! (a superset of Latin-1 for printable text) for anything that is not valid UTF-8. Files that
//! look binary are refused with [`Error::Binary`] rather than analysed as garbage.

use crate::error::Error;
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// How many leading bytes the binary sniffing looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// The encoding a story was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, without a byte order mark.
    Utf8,
    /// UTF-8 behind a byte order mark (the mark is not part of the text).
    Utf8Bom,
    /// UTF-16 little endian, with a byte order mark.
    Utf16Le,
    /// UTF-16 big endian, with a byte order mark.
    Utf16Be,
    /// Windows-1252 (covers Latin-1): the fallback for bytes that are not UTF-8.
    Windows1252,
}

/// Decodes the bytes of one story into text; the byte order mark, if any, is dropped so that
/// offsets count from the first character of the story. Line ends are kept as they are.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(match std::str::from_utf8(rest) {
            Ok(s) => (Cow::Borrowed(s), Encoding::Utf8Bom),
            Err(_) => (
                WINDOWS_1252.decode_without_bom_handling(rest).0,
                Encoding::Windows1252,
            ),
        });
    }
    for (bom, encoding, name, tag) in [
        (&b"\xFF\xFE"[..], UTF_16LE, "UTF-16LE", Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], UTF_16BE, "UTF-16BE", Encoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
                Some(text) => {
                    sniff_binary(text.as_bytes())?;
                    Ok((Cow::Owned(text.into_owned()), tag))
                }
                None => Err(Error::Undecodable { encoding: name }),
            };
        }
    }
    sniff_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), Encoding::Utf8)),
        Err(_) => Ok((
            WINDOWS_1252.decode_without_bom_handling(bytes).0,
            Encoding::Windows1252,
        )),
    }
}

/// Refuses bytes that look like a binary file rather than text.
///
/// Old wire files legitimately carry a few control codes (STX/ETX framing, DEL, the odd NUL),
/// so a handful is tolerated; a binary file has them everywhere.
fn sniff_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return Ok(());
    }
    // Counted in blocks of at most 255 bytes into byte-wide counters, a form the compiler
    // turns into vector code: this runs over every story.
    let (mut nul, mut control) = (0usize, 0usize);
    for block in head.chunks(255) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in block {
            n += u8::from(b == 0);
            let allowed = (b == b'\t') | (b == b'\n') | (b == b'\r') | (b == 0x0c);
            c += u8::from(((b < 0x20) & !allowed) | (b == 0x7f));
        }
        nul += usize::from(n);
        control += usize::from(c);
    }
    if nul > 8 && nul * 100 > head.len() {
        return Err(Error::Binary {
            reason: format!("{nul} NUL bytes in the first {} bytes", head.len()),
        });
    }
    if control > 16 && control * 10 > head.len() {
        return Err(Error::Binary {
            reason: format!("{control} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_accepted_encoding() {
        let cases: &[(&[u8], &str, Encoding)] = &[
            (b"plain \"text\"", "plain \"text\"", Encoding::Utf8),
            (b"\xEF\xBB\xBFwith bom", "with bom", Encoding::Utf8Bom),
            (b"\xFF\xFEh\x00i\x00", "hi", Encoding::Utf16Le),
            (b"\xFE\xFF\x00h\x00i", "hi", Encoding::Utf16Be),
            (
                b"caf\xE9 \x93quoted\x94",
                "café “quoted”",
                Encoding::Windows1252,
            ),
            (b"line\r\nnext", "line\r\nnext", Encoding::Utf8),
            (b"", "", Encoding::Utf8),
        ];
        for (bytes, text, encoding) in cases {
            let (got, enc) = decode(bytes).unwrap();
            assert_eq!((got.as_ref(), enc), (*text, *encoding), "input {bytes:?}");
        }
    }

    #[test]
    fn refuses_binary_but_tolerates_stray_control_codes() {
        let mut binary = vec![0u8; 4096];
        binary.extend_from_slice(b"ELF");
        assert!(matches!(decode(&binary), Err(Error::Binary { .. })));
        let wire = b"\x02MOSCOW, March 3 - text with a NUL\x00 and DEL\x7f inside.\x03";
        assert!(decode(wire).is_ok());
        assert!(matches!(
            decode(b"\xFF\xFE\x00\xD8"),
            Err(Error::Undecodable { .. })
        ));
    }
}
