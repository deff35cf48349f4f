//! One module per subcommand, each with a `run` function returning the exit status.

pub mod db;
pub mod graph;
pub mod parse;
pub mod quotes;
pub mod quotes_dedup;
pub mod report;
pub mod schema;
pub mod speakers;
pub mod timeline;
