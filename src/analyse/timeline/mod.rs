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
//! Each event is then coded as political event data by [`crate::analyse::events`], which
//! also adds the events of undated sentences.
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
pub(crate) use build::may_date;
pub(crate) use place::{is_not_place, place_near};

use crate::analyse::events::{Coding, Status};
use crate::span::Span;

/// One event found in the story.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFound {
    /// Index of its date in the story's date mentions; `None` for an event coded from an
    /// undated sentence (see [`crate::analyse::events`]).
    pub date: Option<usize>,
    /// The clause or sentence reporting it.
    pub clause: Span,
    /// Where it took place.
    pub place: Option<String>,
    /// Indices of the speakers taking part.
    pub participants: Vec<usize>,
    /// Whether it happened.
    pub status: Status,
    /// What it is as political event data, where a trigger names it.
    pub coding: Option<Coding>,
}

#[cfg(test)]
use {
    build::dated,
    clauses::last_break,
    clauses::BREAKS,
    sentences::more_words_than,
    words::{event_score, event_score_of_bytes},
};

#[cfg(test)]
mod tests;
