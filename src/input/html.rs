//! HTML pages: the article's main text and what the page states about it.
//!
//! The page goes through html5ever's tokenizer (the HTML5 standard's, so entities, raw text
//! elements and broken markup are read as a browser reads them) in one pass with no tree:
//! a stack of the open elements says whether the text at hand is page furniture (scripts,
//! styles, navigation, menus, headers and footers outside the article, asides, forms, share
//! buttons, related links: by element, `role`, or a `class`/`id` word) or inside the article
//! (`<article>`, `<main>`, `itemprop="articleBody"`). Block elements cut the text into
//! paragraphs; a paragraph that is mostly link text (a list of links) is dropped. When the
//! page marks an article, only its paragraphs are kept.
//!
//! Metadata: the headline from `og:title`, JSON-LD `headline`, `<h1>` or `<title>`; the date
//! from `article:published_time`, JSON-LD `datePublished` or the first `<time datetime>`; the
//! byline from `<meta name="author">`, JSON-LD `author` or a `byline`/`author` element; the
//! publisher from `og:site_name` or JSON-LD `publisher`.

mod page;

use super::extract::Extracted;
use crate::error::Error;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts, TokenizerResult};
use page::Page;

/// The story of an HTML page.
pub fn html(text: &str) -> Result<Vec<Extracted>, Error> {
    let sink = Page::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(text));
    while let TokenizerResult::Script(()) = tokenizer.feed(&queue) {}
    tokenizer.end();
    let (fields, paragraphs) = tokenizer.sink.finish();
    if paragraphs.is_empty() && fields.headline.is_none() {
        return Err(Error::Malformed {
            format: "HTML",
            reason: "no text found".into(),
        });
    }
    Ok(vec![Extracted::compose(fields, paragraphs)])
}
