//! Filters: readings that look like a statement but are not one, each a named predicate
//! called where the rule that would report it stands (the examples are in `tests.rs`,
//! `FILTER_EXAMPLES`).

use super::limits::*;
use super::words::*;
use super::Words;
use crate::text::quotes::QuotedSpan;

/// The filters of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(super) const RULES: &[&str] = &[
    "fronted_adverbial",
    "modal_possibility",
    "free_relative",
    "bare_said",
    "negated_comment_request",
    "scare_quote",
    "table_row",
];

impl Words<'_> {
    /// Whether tokens `a..b` are only a fronted adverbial (`On Sunday's broadcast of "Meet
    /// the Press,"`, `Through a spokesman`): a preposition, then no clause break or auxiliary
    /// outside quotation marks. Such a phrase is not the content of the cue after it.
    pub(super) fn fronted_adverbial(&self, a: usize, b: usize) -> bool {
        self.in_class(a, PREPS)
            && !self.is(a, &["to", "while"])
            && b > a
            && b - a <= FRONTED_ADVERBIAL
            && !(a..b).any(|k| !self.toks[k].quoted && self.in_class(k, CLAUSE_BREAKS))
    }

    /// `the government could deny …`: a modal between the subject (its verb group starting
    /// at `before`) and the cue at `t0` reports a possibility, not a statement.
    pub(super) fn modal_possibility(&self, before: usize, t0: usize) -> bool {
        (before..t0).any(|k| self.in_class(k, MODALS))
    }

    /// `what she wants`: a subject at `a` after `what`, `how`... is a free relative, not a
    /// speaker.
    pub(super) fn free_relative(&self, a: usize, s0: usize) -> bool {
        a > s0 && self.in_class(a - 1, FREE_RELATIVES)
    }

    /// `X said.` opening a sentence after another in its paragraph, with nothing but
    /// adjuncts after the cue at `t0`: there is nothing to report here.
    pub(super) fn bare_said(&self, a: usize, s0: usize, t0: usize) -> bool {
        a == s0 && s0 > self.para_toks[self.para_of(t0)].0
    }

    /// `did not respond to requests for comment`, `has yet to respond to questions`: a
    /// negated cue (`t0..t1`) before a request for comment (`content`) reports nothing. (A
    /// negated cue before a question, `did not say when …`, is kept: news corpora annotate
    /// it as an attribution.)
    pub(super) fn negated_comment_request(
        &self,
        (t0, t1): (usize, usize),
        s0: usize,
        content: (usize, usize),
    ) -> bool {
        let negated = t0 > s0
            && (self.is(t0 - 1, &["not", "never"])
                || self.w(t0 - 1).ends_with("n't")
                || self.w(t0 - 1).ends_with("n’t")
                || t0 > s0 + 1 && self.is(t0 - 1, &["to"]) && self.is(t0 - 2, &["yet"])
                || t0 > s0 + 1 && self.is(t0 - 1, &["t"]) && self.is(t0 - 2, &["'", "’"]));
        // Read only after a negation: most cues have none, and the words of the content
        // would each be looked up.
        let asks_comment = || {
            (content.0..content.1.min(content.0 + COMMENT_REQUEST))
                .any(|k| self.in_class(k, COMMENT_REQUESTS))
        };
        negated
            && asks_comment()
            && content.0 >= t1
            && self.in_class(content.0, REQUEST_PREPOSITIONS)
    }
}

/// A quotation with no frame and too few words to be speech: a scare quote (`a Russian
/// ‘invasion’`), a title or a name.
pub(super) fn scare_quote(text: &str, q: &QuotedSpan) -> bool {
    q.inner.slice(text).split_whitespace().count() < UNFRAMED_QUOTE_WORDS
}

/// `Sales at call NIL   accumulative total NIL`, `Usage: Feed  4,500    4,300`: content with
/// column gaps on one line (a gap of three spaces or more, or two gaps of two) is a row of a
/// table, whose labels and words (`call`, `Usage:`) only look like a speaker and a cue. One
/// double space is a typing slip in prose (`derive  benefits`), not a column.
pub(super) fn table_row(text: &str, content: crate::span::Span) -> bool {
    let content = content.slice(text);
    // Every gap is two spaces in a row: most statements have none, found at memchr speed.
    if !crate::text::paragraphs::has_double_space(content.as_bytes()) {
        return false;
    }
    content.lines().any(|line| {
        let line = line.trim();
        let (mut count, mut wide, mut run, mut before) = (0, false, 0, ' ');
        for c in line.chars() {
            if c == ' ' {
                run += 1;
                continue;
            }
            // Spaces after a sentence's end (`at the time.   fb/djw`) are no column.
            if run >= 2 && !matches!(before, '.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}') {
                count += 1;
                wide |= run >= 3;
            }
            (run, before) = (0, c);
        }
        wide || count >= 2
    })
}
