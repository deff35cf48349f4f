//! The story's text as every stage reads it, built once: its [`paragraphs`] and sentences, its
//! quotation-mark spans ([`quotes`]), and its tokens ([`tokenize`]), each with the id of its word
//! in the stages' one table of words ([`Vocabulary`]), which also tells the tokenizer the words
//! to note and the sentences to mark.

mod filter;
pub mod paragraphs;
pub mod quotes;
mod tokens;
mod trim;
pub mod vocabulary;

pub use filter::{WordFilter, WordSet, WordTable};
pub use tokens::{tokenize, Doc, Sent, Tok};
pub(crate) use trim::{trim, trim_start};
pub use vocabulary::Vocabulary;
