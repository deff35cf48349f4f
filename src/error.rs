//! The library's typed errors.

use thiserror::Error;

/// Why a story could not be analysed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The bytes look like a binary file (NUL-heavy, or mostly control bytes), not text.
    #[error("input looks binary, not text ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// The bytes claim an encoding (a BOM) but do not decode in it.
    #[error("input cannot be decoded as {encoding}")]
    Undecodable {
        /// The encoding that was tried.
        encoding: &'static str,
    },
    /// The story is larger than the configured limit.
    #[error("story is {size} bytes, more than the limit of {limit} bytes (see --max-bytes)")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is a markup document (XML, HTML) from which no story could be read.
    #[error("{format} document holds no story ({reason})")]
    Malformed {
        /// The format it was read as.
        format: &'static str,
        /// Why nothing could be read.
        reason: String,
    },
}
