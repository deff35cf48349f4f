//! A small element tree of an XML document, read with quick-xml's streaming reader, for the
//! NewsML-G2 and NITF readers to walk.
//!
//! Hostile documents are bounded: a document type declaration is skipped whole (its entities
//! are never defined, so never expanded, and nothing external is ever fetched); elements
//! nested deeper than [`MAX_DEPTH`] have their text kept in the element above them instead of
//! deepening the tree; end tags that close nothing are ignored and elements left open at the
//! end are closed, so a truncated document still gives what it holds. The tree is never
//! larger than a small multiple of the document.

use super::extract::unescape;
use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// How deep elements nest before further ones are flattened into their ancestor.
pub const MAX_DEPTH: usize = 128;

/// An element: its local name (namespace prefix dropped), attributes and content.
#[derive(Debug, Default)]
pub struct Element {
    /// The local name (`newsItem`, `p`).
    pub name: String,
    /// Attributes by local name, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Text and child elements, in document order.
    pub children: Vec<Node>,
}

/// A piece of an element's content.
#[derive(Debug)]
pub enum Node {
    /// Character data, references resolved.
    Text(String),
    /// A child element.
    Element(Element),
}

impl Element {
    /// The value of the attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element named `name` at any depth below this one (this one excluded), in
    /// document order.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| {
            if e.name == name {
                Some(e)
            } else {
                e.find(name)
            }
        })
    }

    /// Every element named `name` below this one, not looking inside those found.
    pub fn find_all<'e>(&'e self, name: &str, out: &mut Vec<&'e Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    /// All the text inside this element, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if e.name == "br" => out.push('\n'),
                Node::Element(e) => e.push_text(out),
            }
        }
    }
}

/// The root element of the document `text`; an error when it holds no element at all.
pub fn parse(text: &str) -> Result<Element, Error> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    let mut stack = vec![Element::default()];
    let mut flattened = 0usize;
    // On a syntax error, what was read so far is the document (best effort).
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(_) if stack.len() > MAX_DEPTH => flattened += 1,
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let top = stack.last_mut().expect("the stack keeps its root");
                top.children.push(Node::Element(element(&start)));
            }
            Event::End(_) if flattened > 0 => flattened -= 1,
            Event::End(end) => close(&mut stack, end.local_name().as_ref()),
            Event::Text(t) => push_text(&mut stack, &unescape(&String::from_utf8_lossy(&t))),
            Event::CData(t) => push_text(&mut stack, &String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    while stack.len() > 1 {
        pop(&mut stack);
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| Error::Malformed {
            format: "XML",
            reason: "no element found".into(),
        })
}

/// Closes the innermost open element named `name`, and those opened inside it; an end tag
/// that matches no open element is ignored.
fn close(stack: &mut Vec<Element>, name: &[u8]) {
    let local = local(name);
    let Some(at) = stack
        .iter()
        .skip(1)
        .rposition(|e| e.name.as_bytes() == local)
    else {
        return;
    };
    while stack.len() > at + 1 {
        pop(stack);
    }
}

/// Moves the innermost open element into its parent.
fn pop(stack: &mut Vec<Element>) {
    if let Some(done) = stack.pop() {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(Node::Element(done));
        }
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(top) = stack.last_mut() else { return };
    if let Some(Node::Text(last)) = top.children.last_mut() {
        last.push_str(text);
    } else {
        top.children.push(Node::Text(text.to_string()));
    }
}

/// The part of a qualified name after its namespace prefix.
fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// An element with its attributes, not yet its content.
fn element(start: &BytesStart<'_>) -> Element {
    let attrs = start
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let key = String::from_utf8_lossy(local(a.key.as_ref())).into_owned();
            (key, unescape(&String::from_utf8_lossy(&a.value)))
        })
        .collect();
    Element {
        name: String::from_utf8_lossy(local(start.name().as_ref())).into_owned(),
        attrs,
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_of_a_broken_document_keeps_what_it_holds() {
        let root = parse("<a x:y='1 &amp; 2'><b>one<br/>two</c></b><d>open").unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("y"), Some("1 & 2"));
        assert_eq!(root.child("b").unwrap().text(), "one\ntwo");
        assert_eq!(root.find("d").unwrap().text(), "open");
        assert!(parse("just text").is_err());
    }

    #[test]
    fn entities_of_a_doctype_are_never_expanded() {
        let doc =
            "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;'>\
                   <!ENTITY e SYSTEM 'file:///etc/passwd'>]><r>&b; &e; &amp;</r>";
        assert_eq!(parse(doc).unwrap().text(), "&b; &e; &");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let depth = 100_000;
        let doc = format!("{}deep{}", "<n>".repeat(depth), "</n>".repeat(depth));
        let root = parse(&doc).unwrap();
        assert_eq!(root.text(), "deep");
    }
}
