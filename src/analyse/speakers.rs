//! Speaker entities: every mention of one real-world source grouped under one canonical name.

use crate::output::record::SpeakerKind;
use crate::span::Span;

/// One source with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest name the story uses.
    pub name: String,
    /// Person, organization, group or unknown.
    pub kind: SpeakerKind,
    /// Title or role, where given.
    pub title: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Span>,
}
