//! Parsing: the layout of a story, before any interpretation.
//!
//! - [`metadata`]: header lines, headline, dateline, byline and credit lines, and so where the
//!   body text starts and ends;
//! - [`paragraphs`]: paragraphs and sentences of the body;
//! - [`quotes`]: quotation-mark spans, paired across nesting, styles and paragraphs;
//! - [`dates`]: temporal expressions, recognised and normalised against the story date.

pub mod dates;
pub mod metadata;
pub mod paragraphs;
pub mod quotes;
