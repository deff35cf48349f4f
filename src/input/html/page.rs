//! The token sink that reads a page: which text is the article's, and the page's metadata.

use super::super::extract::{field, iso_day, squeeze, Fields};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use std::cell::RefCell;

/// How many open elements are tracked; deeper ones are read as part of the deepest tracked.
const MAX_DEPTH: usize = 256;
/// The most JSON-LD text kept from one page.
const MAX_LD_BYTES: usize = 256 * 1024;

/// Elements whose content is never the article's text.
const FURNITURE: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "svg", "iframe", "menu", "object", "canvas", "dialog", "figure", "title",
];

/// Words of a `class` or `id` (split at blanks, `-` and `_`) that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "sidebar",
    "promo",
    "advert",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "newsletter",
    "subscribe",
    "popup",
    "modal",
    "banner",
    "recommended",
    "trending",
    "copyright",
    "disclaimer",
    "legal",
    "tags",
    "print",
    "masthead",
    "toolbar",
];

/// `role` values that mark page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
];

/// Elements that start or end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figcaption",
    "address",
    "hr",
    "body",
];

/// Elements that are never closed.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// The page's reader, behind a cell because the tokenizer hands tokens to a shared sink.
#[derive(Default)]
pub struct Page(RefCell<State>);

/// An open element.
struct Open {
    name: String,
    furniture: bool,
    article: bool,
    link: bool,
    byline: bool,
}

/// What the page has shown so far.
#[derive(Default)]
struct State {
    stack: Vec<Open>,
    furniture: usize,
    article: usize,
    links: usize,
    bylines: usize,
    block: String,
    link_chars: usize,
    /// Paragraphs, each with whether it was inside the article.
    blocks: Vec<(String, bool)>,
    title: Option<String>,
    h1: Option<String>,
    in_h1: bool,
    og_title: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
    byline_text: Option<String>,
    byline_buf: String,
    time: Option<String>,
    capture: Option<(Capture, String)>,
    ld: Vec<String>,
}

/// Text kept apart from the article's: the page title, a JSON-LD script, a byline element.
#[derive(Clone, Copy, PartialEq)]
enum Capture {
    Title,
    Ld,
}

impl TokenSink for Page {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag),
            Token::CharacterTokens(t) => state.characters(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Page {
    /// The page's fields and the article's paragraphs.
    pub fn finish(&self) -> (Fields, Vec<String>) {
        self.0.borrow_mut().finish()
    }
}

fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Whether an element's `class`, `id` or `role` marks it as page furniture.
fn marked_furniture(tag: &Tag) -> bool {
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    };
    attr(tag, "class").is_some_and(words)
        || attr(tag, "id").is_some_and(words)
        || attr(tag, "role").is_some_and(|r| FURNITURE_ROLES.contains(&r.trim()))
}

/// Whether an element's `class`, `rel` or `itemprop` marks it as the byline.
fn marked_byline(tag: &Tag) -> bool {
    let has = |v: Option<&str>, w: &[&str]| {
        v.is_some_and(|v| {
            v.split_whitespace()
                .any(|x| w.contains(&x.to_ascii_lowercase().as_str()))
        })
    };
    has(attr(tag, "class"), &["byline", "author", "article-author"])
        || has(attr(tag, "rel"), &["author"])
        || has(attr(tag, "itemprop"), &["author"])
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        if BLOCKS.contains(&name) {
            self.flush();
        }
        match tag.kind {
            TagKind::StartTag => self.start(tag),
            TagKind::EndTag => {
                self.end(name);
                TokenSinkResult::Continue
            }
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        match name {
            "meta" => self.meta(tag),
            // Two line breaks in a row part paragraphs (`text<br><br>text`).
            "br" if self.furniture == 0 && self.block.trim_end_matches(' ').ends_with('\n') => {
                self.flush();
            }
            "br" if self.furniture == 0 => self.block.push('\n'),
            "time" if self.time.is_none() => {
                self.time = attr(tag, "datetime").map(str::to_string);
            }
            _ => {}
        }
        if VOID.contains(&name) || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        if matches!(name, "p" | "li") && self.stack.last().is_some_and(|o| o.name == name) {
            self.end(name);
        }
        let ld = name == "script"
            && attr(tag, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        let in_article = self.article > 0;
        let open = Open {
            name: name.to_string(),
            furniture: FURNITURE.contains(&name)
                || (name == "header" && !in_article)
                || (!matches!(name, "html" | "body" | "article" | "main") && marked_furniture(tag)),
            article: matches!(name, "article" | "main")
                || attr(tag, "itemprop").is_some_and(|v| v.contains("articleBody")),
            link: name == "a",
            byline: marked_byline(tag),
        };
        if name == "h1" && self.h1.is_none() && self.furniture == 0 {
            self.in_h1 = true;
        }
        let raw = match name {
            "title" => {
                self.capture = Some((Capture::Title, String::new()));
                Some(RawKind::Rcdata)
            }
            "textarea" => Some(RawKind::Rcdata),
            "script" => {
                if ld {
                    self.capture = Some((Capture::Ld, String::new()));
                }
                Some(RawKind::ScriptData)
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
            _ => None,
        };
        self.push(open);
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None => TokenSinkResult::Continue,
        }
    }

    fn push(&mut self, open: Open) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.furniture += usize::from(open.furniture);
        self.article += usize::from(open.article);
        self.links += usize::from(open.link);
        self.bylines += usize::from(open.byline);
        self.stack.push(open);
    }

    /// Closes the innermost open element named `name` and those inside it; an end tag that
    /// closes nothing is ignored.
    fn end(&mut self, name: &str) {
        if let Some((kind, text)) = self.capture.take() {
            match kind {
                Capture::Title => self.title = self.title.take().or_else(|| field(&text)),
                Capture::Ld if self.ld.iter().map(String::len).sum::<usize>() < MAX_LD_BYTES => {
                    self.ld.push(text)
                }
                Capture::Ld => {}
            }
        }
        if name == "h1" && self.in_h1 {
            self.in_h1 = false;
        }
        let Some(at) = self.stack.iter().rposition(|o| o.name == name) else {
            return;
        };
        while self.stack.len() > at {
            let open = self.stack.pop().expect("the stack is longer than at");
            if open.byline && self.bylines == 1 && self.byline_text.is_none() {
                self.byline_text = field(&self.byline_buf);
            }
            self.furniture -= usize::from(open.furniture);
            self.article -= usize::from(open.article);
            self.links -= usize::from(open.link);
            self.bylines -= usize::from(open.byline);
        }
    }

    fn characters(&mut self, text: &str) {
        if let Some((_, captured)) = &mut self.capture {
            if captured.len() < MAX_LD_BYTES {
                captured.push_str(text);
            }
            return;
        }
        if self.furniture > 0 {
            return;
        }
        self.block.push_str(text);
        if self.bylines > 0 && self.byline_buf.len() < 1024 {
            self.byline_buf.push_str(text);
        }
        if self.links > 0 {
            self.link_chars += text.trim().chars().count();
        }
        if self.in_h1 {
            let h1 = self.h1.get_or_insert_with(String::new);
            h1.push_str(text);
        }
    }

    /// Ends the paragraph at hand.
    fn flush(&mut self) {
        let text = if self.stack.iter().any(|o| o.name == "pre") {
            self.block.trim_matches('\n').trim_end().to_string()
        } else {
            squeeze(&self.block)
        };
        let chars = text.chars().count();
        // A paragraph that is mostly links is a list of links.
        if chars > 0 && self.link_chars * 2 <= chars {
            self.blocks.push((text, self.article > 0));
        }
        self.block.clear();
        self.link_chars = 0;
    }

    fn meta(&mut self, tag: &Tag) {
        let key = attr(tag, "property")
            .or_else(|| attr(tag, "name"))
            .or_else(|| attr(tag, "itemprop"))
            .map(str::to_ascii_lowercase);
        let (Some(key), Some(content)) = (key, attr(tag, "content")) else {
            return;
        };
        let slot = match key.as_str() {
            "og:title" => &mut self.og_title,
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "dc.date.issued"
            | "og:published_time" => &mut self.published,
            "og:site_name" => &mut self.site_name,
            "author" | "byl" => &mut self.author,
            _ => return,
        };
        if slot.is_none() {
            *slot = field(content);
        }
    }

    fn finish(&mut self) -> (Fields, Vec<String>) {
        self.flush();
        let ld = self
            .ld
            .iter()
            .fold(Ld::default(), |found, text| found.or(Ld::read(text)));
        let h1 = self.h1.as_deref().and_then(field);
        let title = self
            .title
            .as_deref()
            .and_then(|t| without_site(t, self.site_name.as_deref()));
        let headline = self
            .og_title
            .clone()
            .or(ld.headline)
            .or(h1.clone())
            .or(title);
        let fields = Fields {
            headline,
            date: [&self.published, &ld.date, &self.time]
                .into_iter()
                .find_map(|d| d.as_deref().and_then(iso_day)),
            byline: self
                .author
                .clone()
                .filter(|a| !a.starts_with("http"))
                .or(ld.author)
                .or(self.byline_text.clone())
                .map(|b| strip_by(&b)),
            // The site that published the page is not the agency of the story it carries (a
            // page often carries an agency's story): it goes among the headers.
            headers: self
                .site_name
                .clone()
                .or(ld.publisher)
                .map(|p| ("publisher".to_string(), p))
                .into_iter()
                .collect(),
            ..Fields::default()
        };
        let in_article = self.blocks.iter().any(|(_, a)| *a);
        let mut paragraphs: Vec<String> = std::mem::take(&mut self.blocks)
            .into_iter()
            .filter(|(_, a)| *a || !in_article)
            .map(|(p, _)| p)
            .collect();
        if let Some(at) = h1.and_then(|h| paragraphs.iter().position(|p| *p == h)) {
            paragraphs.drain(..at);
        }
        (fields, paragraphs)
    }
}

/// A page title without the site's name after it (`Talks end | The Courier`), or `None` when
/// it is only the site's name. Without a known site name, the part after the last ` | ` is
/// taken for it.
fn without_site(title: &str, site: Option<&str>) -> Option<String> {
    if Some(title) == site {
        return None;
    }
    let cut = match site {
        Some(site) => [" | ", " - ", " – ", " — ", " :: "]
            .iter()
            .find_map(|sep| title.strip_suffix(site)?.strip_suffix(sep)),
        None => title.rsplit_once(" | ").map(|(head, _)| head),
    };
    field(cut.unwrap_or(title))
}

/// A byline without its leading `By`.
fn strip_by(s: &str) -> String {
    match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => s[3..].trim().to_string(),
        _ => s.to_string(),
    }
}

/// What a page's JSON-LD says of its article.
#[derive(Default)]
struct Ld {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl Ld {
    fn or(self, other: Ld) -> Ld {
        Ld {
            headline: self.headline.or(other.headline),
            date: self.date.or(other.date),
            author: self.author.or(other.author),
            publisher: self.publisher.or(other.publisher),
        }
    }

    /// The first object of a JSON-LD script (at its top, in an array or in `@graph`) that
    /// gives a `datePublished` or a `headline`.
    fn read(text: &str) -> Ld {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            return Ld::default();
        };
        let mut objects = Vec::new();
        let items = match &value {
            serde_json::Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        for item in items {
            objects.push(item);
            if let Some(serde_json::Value::Array(graph)) = item.get("@graph") {
                objects.extend(graph.iter());
            }
        }
        let Some(article) = objects
            .into_iter()
            .find(|o| o.get("datePublished").is_some() || o.get("headline").is_some())
        else {
            return Ld::default();
        };
        let text_of = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).and_then(field);
        let name_of = |v: Option<&serde_json::Value>| match v {
            Some(serde_json::Value::Array(a)) => {
                let names: Vec<String> = a.iter().filter_map(|x| text_of(x.get("name"))).collect();
                (!names.is_empty()).then(|| names.join(" and "))
            }
            Some(v) => text_of(v.get("name")).or_else(|| text_of(Some(v))),
            None => None,
        };
        Ld {
            headline: text_of(article.get("headline")),
            date: text_of(article.get("datePublished")),
            author: name_of(article.get("author")),
            publisher: name_of(article.get("publisher")),
        }
    }
}
