//! NewsML-G2 and NITF: the IPTC's XML formats for news items.
//!
//! A NewsML-G2 `newsMessage` carries any number of `newsItem`s, each one story: its
//! `itemMeta` (provider, creation times), its `contentMeta` (headline, dateline, `located`,
//! `by`, credit line, subjects) and its `contentSet`, whose `inlineXML` holds the body as
//! XHTML or as NITF. An NITF document has its metadata in `head/docdata` (`doc-id`,
//! `date.issue`) and `body.head` (`hedline`, `byline`, `distributor`, `dateline`) and its text
//! in `body.content`. Fragments of either (a `contentMeta` or `contentSet` alone) are read for
//! what they hold.

use super::extract::{dedent, field, iso_day, Extracted, Fields, MAX_PARTS};
use super::xml::{self, Element, Node};
use crate::error::Error;

/// The stories of a NewsML-G2 document: one per `newsItem` (or the fragment as one).
pub fn newsml(text: &str) -> Result<Vec<Extracted>, Error> {
    let root = xml::parse(text)?;
    let mut items = Vec::new();
    if root.name == "newsItem" {
        items.push(&root);
    } else {
        root.find_all("newsItem", &mut items);
    }
    let sent = root
        .child("header")
        .and_then(|h| h.child("sent"))
        .and_then(|s| iso_day(&s.text()));
    if items.is_empty() {
        items.push(&root);
    }
    let several = items.len() > 1;
    Ok(items
        .into_iter()
        .take(MAX_PARTS)
        .enumerate()
        .map(|(i, item)| {
            let mut story = news_item(item);
            if story.fields.date.is_none() {
                story.fields.date.clone_from(&sent);
            }
            story.part = several.then_some(i);
            story
        })
        .collect())
}

/// One news item (or a fragment holding its parts).
fn news_item(item: &Element) -> Extracted {
    let meta = if item.name == "contentMeta" {
        Some(item)
    } else {
        item.find("contentMeta")
    };
    let item_meta = item.find("itemMeta");
    let mut fields = Fields {
        id: item.attr("guid").and_then(field),
        ..Fields::default()
    };
    if let Some(m) = meta {
        content_meta(m, &mut fields);
    }
    if let Some(m) = item_meta {
        if fields.date.is_none() {
            fields.date = ["firstCreated", "versionCreated"]
                .iter()
                .find_map(|n| m.child(n).and_then(|e| iso_day(&e.text())));
        }
        if fields.agency.is_none() {
            fields.agency = m.child("provider").and_then(named);
        }
    }
    let body = item.find("inlineXML").or_else(|| item.find("inlineData"));
    let nitf = body.and_then(|b| b.find("nitf"));
    let paragraphs = match (nitf, body) {
        (Some(nitf), _) => {
            // The NITF's own metadata fills what the item's left open.
            let inner = nitf_story(nitf);
            merge(&mut fields, inner.0);
            inner.1
        }
        (None, Some(b)) => paragraphs(b.find("body").unwrap_or(b)),
        (None, None) => Vec::new(),
    };
    Extracted::compose(fields, paragraphs)
}

/// The fields of a `contentMeta`.
fn content_meta(m: &Element, fields: &mut Fields) {
    let text_of = |name: &str| m.child(name).and_then(|e| field(&e.text()));
    fields.headline = text_of("headline");
    fields.dateline = text_of("dateline");
    fields.byline = text_of("by").map(|b| strip_by(&b));
    fields.place = m.child("located").and_then(named);
    fields.agency = text_of("creditline").or_else(|| {
        m.elements()
            .filter(|e| e.name == "infoSource")
            .find_map(|e| e.attr("literal").and_then(field))
    });
    fields.date = m.child("contentCreated").and_then(|e| iso_day(&e.text()));
    for subject in m.elements().filter(|e| e.name == "subject") {
        if let Some(s) = named(subject) {
            if !fields.subjects.contains(&s) {
                fields.subjects.push(s);
            }
        }
    }
}

/// The name of a concept (provider, place, subject): its first `name`, its `literal`, or the
/// code of its `qcode` after the scheme (`city:Moscow` → `Moscow`).
fn named(e: &Element) -> Option<String> {
    e.child("name")
        .and_then(|n| field(&n.text()))
        .or_else(|| e.attr("literal").and_then(field))
        .or_else(|| {
            e.attr("qcode")
                .map(|q| q.rsplit_once(':').map_or(q, |(_, code)| code))
                .and_then(field)
        })
}

/// Fills the fields `into` lacks from `from`.
fn merge(into: &mut Fields, from: Fields) {
    into.headline = into.headline.take().or(from.headline);
    into.date = into.date.take().or(from.date);
    into.byline = into.byline.take().or(from.byline);
    into.place = into.place.take().or(from.place);
    into.dateline = into.dateline.take().or(from.dateline);
    into.agency = into.agency.take().or(from.agency);
    into.id = into.id.take().or(from.id);
    for s in from.subjects {
        if !into.subjects.contains(&s) {
            into.subjects.push(s);
        }
    }
}

/// The story of an NITF document.
pub fn nitf(text: &str) -> Result<Vec<Extracted>, Error> {
    let root = xml::parse(text)?;
    let nitf = if root.name == "nitf" {
        &root
    } else {
        root.find("nitf").unwrap_or(&root)
    };
    let (fields, paragraphs) = nitf_story(nitf);
    Ok(vec![Extracted::compose(fields, paragraphs)])
}

/// The fields and paragraphs of an `nitf` element.
fn nitf_story(nitf: &Element) -> (Fields, Vec<String>) {
    let head = nitf.child("head");
    let docdata = head.and_then(|h| h.child("docdata"));
    let body_head = nitf.find("body.head");
    let in_head = |name: &str| body_head.and_then(|h| h.find(name));
    let mut fields = Fields {
        headline: in_head("hl1")
            .or_else(|| in_head("hedline"))
            .or_else(|| head.and_then(|h| h.child("title")))
            .and_then(|e| field(&e.text())),
        byline: in_head("byline").and_then(byline),
        agency: in_head("distributor")
            .and_then(|e| field(&e.text()))
            .or_else(|| {
                let copyright = docdata.and_then(|d| d.child("doc.copyright"));
                copyright.and_then(|c| c.attr("holder")).and_then(field)
            }),
        place: in_head("location").and_then(|e| field(&e.text())),
        ..Fields::default()
    };
    if let Some(d) = docdata {
        fields.id = d
            .child("doc-id")
            .and_then(|e| e.attr("id-string"))
            .and_then(field);
        fields.date = ["date.issue", "date.release"]
            .iter()
            .find_map(|n| d.child(n).and_then(|e| e.attr("norm")).and_then(iso_day));
    }
    let dateline = in_head("dateline");
    if fields.date.is_none() {
        let story_date = dateline.and_then(|d| d.find("story.date"));
        fields.date = story_date.and_then(|s| s.attr("norm")).and_then(iso_day);
    }
    fields.dateline = dateline.and_then(|d| field(&d.text()));
    subjects(head, &mut fields.subjects);
    let content = nitf.find("body.content");
    (fields, content.map(paragraphs).unwrap_or_default())
}

/// An NITF byline's name: its text without the `byttl` title and without `By`.
fn byline(e: &Element) -> Option<String> {
    let mut name = String::new();
    for n in &e.children {
        match n {
            Node::Text(t) => name.push_str(t),
            Node::Element(c) if c.name == "byttl" => {}
            Node::Element(c) => name.push_str(&c.text()),
        }
    }
    field(&strip_by(&name))
}

/// A byline without its leading `By`.
fn strip_by(s: &str) -> String {
    let s = s.trim();
    match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => s[3..].trim().to_string(),
        _ => s.to_string(),
    }
}

/// The subjects an NITF head gives (`tobject.subject`, `key-list/keyword`).
fn subjects(head: Option<&Element>, out: &mut Vec<String>) {
    let Some(head) = head else { return };
    let mut found = Vec::new();
    head.find_all("tobject.subject", &mut found);
    head.find_all("keyword", &mut found);
    for e in found {
        let name = ["tobject.subject.matter", "tobject.subject.type", "key"]
            .iter()
            .find_map(|a| e.attr(a).and_then(field))
            .or_else(|| e.attr("tobject.subject.refnum").and_then(field));
        if let Some(n) = name {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
}

/// Elements whose text is a paragraph of the story.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "pre",
    "blockquote",
    "hl2",
];

/// The paragraphs of a body: the text of each block element, in document order; the whole
/// text as one paragraph when there is no block element.
fn paragraphs(body: &Element) -> Vec<String> {
    let mut out = Vec::new();
    collect_blocks(body, &mut out);
    if out.is_empty() {
        out.push(dedent(&body.text()));
    }
    out
}

fn collect_blocks(e: &Element, out: &mut Vec<String>) {
    for child in e.elements() {
        if BLOCKS.contains(&child.name.as_str()) {
            out.push(dedent(&child.text()));
        } else if !matches!(child.name.as_str(), "head" | "title" | "script" | "style") {
            collect_blocks(child, out);
        }
    }
}
