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

use crate::text::paragraphs::Paragraph;
use crate::text::quotes::QuotedSpan;
use crate::text::{Doc, Vocabulary};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The story's tokens ([`crate::text::tokenize`]), each with its id in [`vocabulary`], noting
/// in the same scan what the analysis asks of them: the words that may start a speech cue and
/// the sentences that may hold an event trigger. The pipeline and the tests build the tokens
/// here, with the same vocabulary.
pub fn tokenize(text: &str, paragraphs: &[Paragraph], quotes: &[QuotedSpan]) -> Doc {
    crate::text::tokenize(text, paragraphs, quotes, vocabulary())
}

/// Every word the stages look the story's tokens up in, one table for all
/// ([`attribution::vocabulary_words`], [`events::vocabulary_words`]): the tokenizer looks each
/// token up once, and a stage reads what it knows of a token's word by its id.
pub(crate) fn vocabulary() -> &'static Vocabulary {
    static WORDS: LazyLock<Vocabulary> = LazyLock::new(|| {
        let attribution = attribution::vocabulary_words().map(|(w, f)| (Cow::Borrowed(w), f));
        Vocabulary::new(attribution.chain(events::vocabulary_words()))
            .expect("fewer words than a vocabulary holds")
    });
    &WORDS
}

/// A story as the tests of the stages read it: its text, paragraphs and tokens.
#[cfg(test)]
pub(crate) struct TestStory {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub doc: Doc,
}

#[cfg(test)]
impl TestStory {
    /// The story's sentences in order, each with its index (the one the token stream keeps).
    pub fn sentences(&self) -> impl Iterator<Item = (usize, &crate::span::Span)> {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .enumerate()
    }
}

/// For tests: every fixture story and the `probes`, each with the paragraphs and tokens the
/// pipeline builds for it.
#[cfg(test)]
pub(crate) fn fixture_stories(probes: &[&str]) -> Vec<TestStory> {
    let mut texts: Vec<String> = std::fs::read_dir("fixtures")
        .expect("fixtures")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.extend(probes.iter().map(|p| p.to_string()));
    texts
        .into_iter()
        .map(|text| {
            let whole = crate::span::Span::new(0, text.len());
            let paragraphs = crate::text::paragraphs::split(&text, whole);
            let quotes = crate::text::quotes::find(&text, &paragraphs);
            let doc = tokenize(&text, &paragraphs, &quotes);
            TestStory {
                text,
                paragraphs,
                doc,
            }
        })
        .collect()
}
