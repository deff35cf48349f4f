//! Temporal expressions: recognised in the text and normalised to TIMEX3-style values against
//! the story date.

use crate::output::record::DateType;
use crate::parse::metadata::StoryDate;
use crate::span::Span;

/// One temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// TIMEX3-style value (`2022-01-10`, `XXXX-03`, `P3D`, `PRESENT_REF`).
    pub value: String,
    /// Date, time, duration or set.
    pub date_type: DateType,
}

/// Finds and normalises the temporal expressions of `region`, anchored on the story date.
pub fn find(text: &str, region: Span, anchor: Option<StoryDate>) -> Vec<DateMention> {
    let _ = (text, region, anchor);
    Vec::new()
}
