//! Analysis: interpreting the parsed story.
//!
//! - [`attribution`]: speech cues, statements (direct, partial, indirect) and who made them;
//! - [`speakers`]: grouping speaker mentions into one entity per real source;
//! - [`context`]: whom a statement was said to, by what channel and on what day;
//! - [`timeline`]: the dated events the story reports, with place and participants.

pub mod attribution;
pub mod context;
pub mod events;
pub mod speakers;
pub mod timeline;
