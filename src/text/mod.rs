//! The story's text as the stages read it: its tokens, built once ([`tokenize`]), and the
//! word filter a stage asks the tokenizer to note candidates with.

mod filter;
mod tokens;

pub use filter::WordFilter;
pub use tokens::{tokenize, Doc, Sent, Tok};
