//! The timeline: dated happenings (calls, talks, meetings, releases, sessions) with their
//! place and participants, one story at a time (the cross-story merge of many stories' events
//! is `output::merge`).
//!
//! An event is a clause that holds both a concrete date (not a duration, a set or a vague
//! `recently`) and a word naming a happening (`event_nouns.tsv`). Sentences are cut into
//! clauses only between two dates, at a clause break (`;`, `, followed by`, `, and`, ` and a`),
//! so that `talks in Geneva on January 10, followed by a meeting in Brussels on January 12`
//! gives two events. The place is the `in Name` nearest the date; participants are the
//! speakers mentioned in the clause.
//!
//! - [`build`] walks the sentences and keeps one event per date and place;
//! - the sentences are the paragraphs' (`text::paragraphs`); `clauses` cuts a sentence
//!   between its dates;
//! - `words` scores a clause by its event words; `place` finds `in Name`; `participants`
//!   finds the speakers in a clause.

mod build;
mod clauses;
mod participants;
mod place;
mod sentences;
mod words;

pub use build::build;
pub(crate) use place::is_not_place;

use crate::span::Span;

/// One event found in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFound {
    /// Index of its date in the story's date mentions.
    pub date: usize,
    /// The clause or sentence reporting it.
    pub clause: Span,
    /// Where it took place.
    pub place: Option<String>,
    /// Indices of the speakers taking part.
    pub participants: Vec<usize>,
}

#[cfg(test)]
use {clauses::last_break, clauses::BREAKS, sentences::more_words_than, words::event_score};

#[cfg(test)]
mod tests;
