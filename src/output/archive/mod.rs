//! Outputs over a whole archive rather than one story: the records of many stories flattened
//! into rows ([`rows`]: one row per statement, event, speaker or story, for CSV and SQLite),
//! filtered ([`filter`]), joined into a graph of who talks to whom ([`graph`]), and gathered
//! into one self-contained HTML page ([`report`]). Every piece reads public [`Record`]s only,
//! one at a time, so the commands over an archive stream.
//!
//! [`Record`]: crate::output::record::Record

pub mod filter;
pub mod graph;
pub mod identity;
pub mod report;
pub mod rows;
