//! Lexicons: the word lists the rules use, kept as data files beside this module
//! (`*.tsv`, one entry per line, `#` comments) and parsed once on first use.

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
