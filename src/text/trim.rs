//! `str::trim` and `str::trim_start` for lines and sentences, which nearly always end in ASCII:
//! the ASCII white space at the ends is skipped byte by byte, and chars are decoded only when a
//! byte past ASCII is left at an end (a no-break space).

/// What `char::is_whitespace` says of an ASCII byte, the vertical tab and form feed included.
fn ascii_space(c: &u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `s.trim()`.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !ascii_space(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !ascii_space(c))
        .map_or(start, |i| i + 1);
    // after and before ASCII bytes only: char boundaries
    let t = &s[start..end];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(f), Some(l)) if !f.is_ascii() || !l.is_ascii() => t.trim(),
        _ => t,
    }
}

/// `s.trim_start()`.
pub(crate) fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !ascii_space(c)).unwrap_or(b.len());
    // after ASCII bytes only: a char boundary
    let t = &s[start..];
    match t.as_bytes().first() {
        Some(f) if !f.is_ascii() => t.trim_start(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trims_are_those_of_str() {
        let cases = [
            "",
            " ",
            "a",
            " a ",
            "  two words \n",
            "\t\x0b\x0cword\r\n",
            "\u{b}\u{c}vertical tab and form feed\u{85}",
            "\u{a0}no-break space\u{3000}",
            "\u{a0}nbsp\u{a0}",
            " \u{3000}x\u{85} ",
            "\t\r\n«quoted»\u{2009}",
            "é",
            " é ",
            "日本",
            "\x1fctl\x1f",
            "a b",
            "  \u{a0}  ",
            "\u{2003}",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
        }
    }
}
