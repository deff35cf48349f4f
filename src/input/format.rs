//! Telling the format of a story from its first bytes.
//!
//! Detection runs on every story, so on plain text it must cost next to nothing: it looks at
//! the first byte that is not blank, and only when that byte is `<`, SOH, SYN or STX (which no
//! plain story opens with, apart from a company name in angle brackets: `<WESTAR MINING LTD>`)
//! does it read a few hundred bytes further. The file name is never consulted: archives
//! name their files every way.

use crate::vocab::Format;

/// How far into the text the first element of a markup document is looked for (past an XML
/// declaration, comments and a document type declaration).
const PROLOG_BYTES: usize = 4096;

/// The NewsML-G2 elements a document (or a fragment of one) can open with.
const NEWSML_ROOTS: &[&str] = &[
    "newsMessage",
    "newsItem",
    "packageItem",
    "itemSet",
    "contentSet",
    "contentMeta",
];

/// The HTML elements a page or a saved fragment of one can open with (matched without regard
/// to case for the first three, in lower case for the others: `<P>` or `<B>` in capitals opens
/// too many plain stories' company names).
const HTML_ROOTS: &[&str] = &[
    "html", "head", "body", "meta", "title", "link", "article", "main", "div", "section", "p",
    "h1", "header", "script", "style",
];

/// The format of a story, from its content.
pub fn detect(text: &str) -> Format {
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Format::PlainText;
    };
    match bytes[first] {
        b'<' => markup(&text[first..]),
        0x01 | 0x16 | 0x02 => wire(&bytes[first..]),
        _ => Format::PlainText,
    }
}

/// A wire transmission: ANPA-1312 opens with SYN SYN SOH and carries a US (0x1F) after its
/// selector; IPTC 7901 opens with SOH and its header line, or with STX alone.
fn wire(bytes: &[u8]) -> Format {
    let first_line = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes, |end| &bytes[..end]);
    if bytes[0] == 0x16 || first_line.contains(&0x1f) {
        Format::Anpa1312
    } else {
        Format::Iptc7901
    }
}

/// A document opening with `<`: the first element's name decides.
fn markup(text: &str) -> Format {
    let head = &text[..floor_boundary(text, PROLOG_BYTES)];
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            let Some(end) = after.find("?>") else {
                return Format::PlainText;
            };
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return Format::PlainText;
            };
            rest = &after[end + 3..];
        } else if let Some(after) = strip_prefix_ignore_case(rest, "<!DOCTYPE") {
            let name = element_name(after.trim_start());
            return match name {
                Some(n) if n.eq_ignore_ascii_case("html") => Format::Html,
                Some("nitf") => Format::Nitf,
                Some(n) if NEWSML_ROOTS.contains(&n) => Format::NewsmlG2,
                _ => skip_doctype(after).map_or(Format::PlainText, markup),
            };
        } else {
            let declared = head.starts_with("<?xml");
            return rest
                .strip_prefix('<')
                .and_then(element_name)
                .map_or(Format::PlainText, |n| by_root(n, declared));
        }
    }
}

/// The format whose documents open with the element `name` (namespace prefix dropped).
fn by_root(name: &str, xml_declared: bool) -> Format {
    let local = name.rsplit(':').next().unwrap_or(name);
    if local == "nitf" {
        Format::Nitf
    } else if NEWSML_ROOTS.contains(&local) {
        Format::NewsmlG2
    } else if ["html", "head", "body"]
        .iter()
        .any(|h| local.eq_ignore_ascii_case(h))
        || HTML_ROOTS.contains(&local)
        || xml_declared
    {
        // Any other XML document is read for its text as a page would be.
        Format::Html
    } else {
        Format::PlainText
    }
}

/// The element name at the start of `s` when it is one: letters, digits, `-`, `_`, `.` and
/// `:`, followed by a blank, `>` or `/`.
fn element_name(s: &str) -> Option<&str> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
        .unwrap_or(s.len());
    let name = &s[..end];
    let next = s[end..].chars().next();
    let closed = matches!(next, Some(c) if c.is_ascii_whitespace() || c == '>' || c == '/');
    (name.starts_with(|c: char| c.is_ascii_alphabetic()) && closed).then_some(name)
}

/// The text after a document type declaration, internal subset included.
fn skip_doctype(s: &str) -> Option<&str> {
    let bracket = s.find('[');
    let close = s.find('>')?;
    match bracket {
        Some(b) if b < close => {
            let end = s[b..].find("]>").or_else(|| s[b..].find(']'))?;
            let after = &s[b + end..];
            Some(&after[after.find('>')? + 1..])
        }
        _ => Some(&s[close + 1..]),
    }
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The largest character boundary of `s` at or before `at`.
pub(crate) fn floor_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_from_the_first_bytes() {
        let cases: &[(&str, Format)] = &[
            ("MOSCOW, Jan 18 (TASS) - Talks.", Format::PlainText),
            ("", Format::PlainText),
            ("   \n  ", Format::PlainText),
            ("<WESTAR MINING LTD> 4TH QTR LOSS\n text", Format::PlainText),
            ("<A.H. BELO CORP> SETS DIVIDEND", Format::PlainText),
            ("<P> is a letter", Format::PlainText),
            ("<!DOCTYPE html><html><body>x", Format::Html),
            ("\n<html lang=\"en\">", Format::Html),
            ("<!-- saved --><HTML><BODY>x", Format::Html),
            ("<div class=a><p>x</p></div>", Format::Html),
            ("<?xml version=\"1.0\"?>\n<nitf>", Format::Nitf),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"x\"><nitf>",
                Format::Nitf,
            ),
            (
                "<?xml version='1.0'?><!-- c --><newsMessage xmlns='x'>",
                Format::NewsmlG2,
            ),
            ("<newsItem\n guid='a'>", Format::NewsmlG2),
            ("<nar:newsItem guid='a'>", Format::NewsmlG2),
            ("<contentMeta>", Format::NewsmlG2),
            ("<?xml version=\"1.0\"?><rss>", Format::Html),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><newsItem>",
                Format::NewsmlG2,
            ),
            (
                "\x01eca0124 3 i 93  dpa 1888\r\n\r\nkw/\r\n\x02text",
                Format::Iptc7901,
            ),
            ("\x02MOSCOW, March 3 - text\x03", Format::Iptc7901),
            ("\x16\x16\x01G7787\x1fglbsm\r\n", Format::Anpa1312),
            ("\x01W2870\x1fasian\n", Format::Anpa1312),
        ];
        for (text, format) in cases {
            assert_eq!(detect(text), *format, "{text:?}");
        }
    }
}
