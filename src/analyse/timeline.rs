//! The timeline: dated happenings (calls, talks, meetings, releases, sessions) with their
//! place and participants.

use crate::analyse::attribution::Attribution;
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::parse::paragraphs::Paragraph;
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

/// Builds the events of a story.
pub fn build(
    text: &str,
    metadata: &StoryMetadata,
    paragraphs: &[Paragraph],
    dates: &[DateMention],
    attribution: &Attribution,
) -> Vec<EventFound> {
    let _ = (text, metadata, paragraphs, dates, attribution);
    Vec::new()
}
