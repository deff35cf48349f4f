//! One module per subcommand, each with a `run` function returning the exit status.

pub mod parse;
pub mod quotes;
pub mod schema;
pub mod speakers;
pub mod timeline;
