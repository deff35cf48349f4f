//! Attribution: speech cues, the statements they govern, and the speaker of each.

use crate::analyse::speakers::Entity;
use crate::output::record::QuoteKind;
use crate::parse::metadata::StoryMetadata;
use crate::parse::paragraphs::Paragraph;
use crate::parse::quotes::QuotedSpan;
use crate::span::Span;

/// One statement found in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content, without quotation marks.
    pub content: Span,
    /// Index of the speaker in [`Attribution::speakers`].
    pub speaker: Option<usize>,
    /// The mention naming the source nearest the cue.
    pub speaker_mention: Option<Span>,
    /// The speech cue.
    pub cue: Option<Span>,
}

/// The statements of a story and the speakers they are attributed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// Speakers, in order of first mention.
    pub speakers: Vec<Entity>,
}

/// Finds the statements of the story and attributes them.
pub fn attribute(
    text: &str,
    metadata: &StoryMetadata,
    paragraphs: &[Paragraph],
    quotes: &[QuotedSpan],
) -> Attribution {
    let _ = (text, metadata, paragraphs, quotes);
    Attribution::default()
}
