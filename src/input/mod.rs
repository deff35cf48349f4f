//! Input: turning the bytes of a file into story text.
//!
//! A file is decoded ([`decode`]), its format told from its first bytes ([`format::detect`]),
//! and, unless it is plain text, read into the stories it holds ([`extract`]): the article of
//! an HTML page ([`html`]), the items of NewsML-G2 or the story of NITF ([`news`], over the
//! element tree of [`xml`]), the messages of an IPTC 7901 or ANPA-1312 transmission
//! ([`wire`]). Each gives the text a reader sees, laid out as a plain story, and the metadata
//! the markup states; the stages after this one read that text as they read any story.
//!
//! Wire archives come in every encoding their converters produced; we accept UTF-8 (with or
//! without a byte order mark), UTF-16 with a byte order mark, and fall back to Windows-1252
//! (a superset of Latin-1 for printable text) for anything that is not valid UTF-8. Files that
//! look binary are refused with [`Error::Binary`] rather than analysed as garbage.

pub mod extract;
pub mod file;
pub mod format;
mod html;
mod news;
mod wire;
mod xml;

use crate::error::Error;
use crate::vocab::Format;
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use extract::Extracted;
use std::borrow::Cow;

/// The stories of a document in `format` (not plain text) whose text is `text`; empty for
/// plain text, whose story is the text itself.
pub fn extract(text: &str, format: Format) -> Result<Vec<Extracted>, Error> {
    let stories = match format {
        Format::PlainText => Vec::new(),
        Format::Html => html::html(text)?,
        Format::NewsmlG2 => news::newsml(text)?,
        Format::Nitf => news::nitf(text)?,
        Format::Iptc7901 => wire::iptc7901(text),
        Format::Anpa1312 => wire::anpa1312(text),
    };
    if stories.is_empty() && format != Format::PlainText {
        return Err(Error::Malformed {
            format: format.name(),
            reason: "no story found".into(),
        });
    }
    Ok(stories)
}

/// How far into a markup document its declared character set is looked for.
const DECLARATION_BYTES: usize = 1024;

/// The text of markup bytes that are not UTF-8, in the character set the document declares
/// (`<?xml … encoding="windows-1251"?>`, `<meta charset="iso-8859-1">`), when it declares
/// one other than UTF-8 that the bytes were not already decoded from; `None` otherwise.
///
/// Bytes that are valid UTF-8 are read as UTF-8 whatever the document claims: a declaration
/// left over from a converter is more often wrong than the bytes.
pub fn redecode_declared(bytes: &[u8], decoded_as: Encoding) -> Option<String> {
    if decoded_as != Encoding::Windows1252 {
        return None;
    }
    let head = &bytes[..bytes.len().min(DECLARATION_BYTES)];
    let declared = declared_charset(head)?;
    if declared == encoding_rs::UTF_8 || declared == WINDOWS_1252 {
        return None;
    }
    Some(declared.decode_without_bom_handling(bytes).0.into_owned())
}

/// The encoding a document's head declares, by its label.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let value_after = |key: &[u8]| {
        let at = memchr::memmem::find(&lower, key)? + key.len();
        let rest = &head[at..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    };
    value_after(b"encoding=").or_else(|| value_after(b"charset="))
}

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
    if head.is_empty() || !has_control_beyond_line_feeds(head) {
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

/// Whether `head` holds a byte the count of [`sniff_binary`] may count: a control byte other
/// than a line feed (the only one most text holds), or DEL. One test a byte, folded into a
/// flag with no early exit, a form the compiler turns into wide vector code: most stories
/// are ruled out here, without the exact count's several tests a byte.
fn has_control_beyond_line_feeds(head: &[u8]) -> bool {
    head.iter().fold(false, |any, &b| {
        any | ((b < 0x20) & (b != b'\n')) | (b == 0x7f)
    })
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
    fn a_declared_charset_decodes_markup_that_is_not_utf8() {
        let xml =
            b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><nitf><p>\xcf\xf0\xe8</p></nitf>";
        let (_, enc) = decode(xml).unwrap();
        assert_eq!(
            redecode_declared(xml, enc)
                .as_deref()
                .map(|t| t.contains("<p>При</p>")),
            Some(true)
        );
        let html = b"<html><head><meta charset=iso-8859-1></head><p>caf\xe9</p>";
        let (_, enc) = decode(html).unwrap();
        // Latin-1 is read as Windows-1252 already.
        assert_eq!(redecode_declared(html, enc), None);
        let utf8 = "<?xml version='1.0' encoding='windows-1251'?><a>é</a>".as_bytes();
        assert_eq!(redecode_declared(utf8, decode(utf8).unwrap().1), None);
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
