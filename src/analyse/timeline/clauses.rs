//! Clauses: a sentence that holds several dates cut between them at a clause break, so that
//! each dated event has its own clause.

use crate::lexicon::Initials;
use crate::parse::dates::DateMention;
use crate::span::Span;
use crate::text::paragraphs::trimmed;
use std::sync::LazyLock;

/// Clause breaks: where a sentence reporting several dated events may be cut
/// (`timeline_clause_breaks.tsv`, each written between double quotes).
pub(super) static BREAKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../../lexicon/timeline_clause_breaks.tsv"))
        .filter_map(|r| r.first()?.strip_prefix('"')?.strip_suffix('"'))
        .filter(|b| !b.is_empty())
        .collect()
});

/// The first two bytes of the clause breaks.
static BREAK_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(BREAKS.iter().map(|b| b.as_bytes())));

/// The last clause break in `s`: where it starts, and its length. Every break starts with `;`,
/// `,` or a space, so only those bytes are tried, from the end: the first break found is the
/// one that starts last (no two breaks can start at one place).
pub(super) fn last_break(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(k) = memchr::memrchr3(b';', b',', b' ', &b[..end]) {
        // Most spaces start no break: the breaks are compared whole only where one's first
        // two bytes may stand.
        if !BREAK_INITIALS.may_start(&b[k..]) {
            end = k;
            continue;
        }
        if let Some(br) = BREAKS.iter().find(|br| b[k..].starts_with(br.as_bytes())) {
            return Some((k, br.len()));
        }
        end = k;
    }
    None
}

/// The clause of each date in a sentence: the sentence cut at the last clause break between
/// each two consecutive dates. Puts in `out` (cleared first) one (clause, date) pair per
/// clause, with the clause's first date.
pub(super) fn clauses(
    text: &str,
    sentence: Span,
    in_sentence: &[usize],
    dates: &[DateMention],
    out: &mut Vec<(Span, usize)>,
) {
    out.clear();
    let mut push = |from: usize, to: usize| {
        let mut clause = trimmed(text, Span::new(from, to));
        // a clause cut before ", followed by" keeps no trailing comma
        while clause.end > clause.start && text[..clause.end].ends_with([',', ';']) {
            clause.end -= 1;
        }
        if let Some(&d) = in_sentence
            .iter()
            .find(|&&d| clause.contains(dates[d].span))
        {
            out.push((clause, d));
        }
    };
    let mut from = sentence.start;
    for w in in_sentence.windows(2) {
        let (a, b) = (dates[w[0]].span, dates[w[1]].span);
        if a.end >= b.start {
            continue;
        }
        let between = &text[a.end..b.start];
        if let Some((k, len)) = last_break(between) {
            // the break's words (", followed by") go with the later clause
            let at = a.end + k;
            let at = if text[at..at + len].starts_with([',', ';']) {
                at + 1
            } else {
                at
            };
            push(from, at);
            from = at;
        }
    }
    push(from, sentence.end);
}
