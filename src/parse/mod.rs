//! Parsing: what a story says about itself (its header, dateline and credits) and the date
//! expressions of its text, before any interpretation.
//!
//! - [`metadata`]: header lines, headline, dateline, byline and credit lines, and so where the
//!   body text starts and ends;
//! - [`dates`]: temporal expressions, recognised and normalised against the story date.

pub mod dates;
pub mod metadata;
