//! A story to analyse before it is read (a [`Job`]): what the walk of a directory
//! ([`crate::walk`]) produces and the workers consume, kept apart from the planning of the
//! inputs ([`crate::inputs`]) so that neither imports the other. The reading of a story file
//! is the library's ([`statements::input::file`]), shared with the Python package.

pub use statements::input::file::{io_reason, with_file_bytes, Folder};
use std::path::PathBuf;
use std::sync::Arc;

/// One story to analyse, not read yet (reading happens on the worker threads).
#[derive(Debug)]
pub enum Job {
    /// A file to read; `regular` when it is known to be a regular file (so that a read that
    /// returns less than asked for has reached its end); `folder` the open folder it was
    /// found in, when the walk shares one (see [`Folder`]).
    File {
        path: PathBuf,
        regular: bool,
        folder: Option<Arc<Folder>>,
    },
    /// Standard input, already read.
    Stdin(Vec<u8>),
    /// A line of a JSON Lines stream, with its 1-based line number.
    JsonLine(usize, String),
    /// An input that failed before it could be read (walk error): its path and why.
    Failed(Option<String>, String),
}
