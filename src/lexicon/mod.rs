//! Lexicons: the word lists the rules use, kept as data files beside this module
//! (`*.tsv`, one entry per line, `#` comments) and parsed once on first use.

/// The non-comment, non-blank lines of a lexicon file, each split on tabs.
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}
