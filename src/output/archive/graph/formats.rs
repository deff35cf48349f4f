//! The graph as GraphML (Gephi, yEd, Cytoscape, networkx) and as DOT (Graphviz).

use super::{Edge, Graph, Node};
use std::io::{self, Write};

/// The GraphML attributes declared for nodes and edges: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("key", "node", "key", "string"),
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("country", "node", "country", "string"),
    ("statements", "node", "statements", "int"),
    ("stories", "node", "stories", "int"),
    ("ekind", "edge", "kind", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("type", "edge", "type", "string"),
    ("count", "edge", "count", "int"),
    ("weight", "edge", "weight", "double"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
];

impl Graph {
    /// The graph as GraphML, every attribute declared with a `<key>`.
    pub fn write_graphml(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (id, on, name, ty) in KEYS {
            writeln!(
                out,
                r#"  <key id="{id}" for="{on}" attr.name="{name}" attr.type="{ty}"/>"#
            )?;
        }
        writeln!(out, r#"  <graph id="statements" edgedefault="directed">"#)?;
        // GraphML ids are name tokens (no spaces): nodes are `n0`, `n1`... in key order, with
        // their key as data.
        let nodes = self.nodes();
        let ids: std::collections::HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.key.as_str(), i))
            .collect();
        for (i, n) in nodes.iter().enumerate() {
            graphml_node(out, i, n)?;
        }
        for (i, e) in self.edges().iter().enumerate() {
            let (Some(s), Some(t)) = (ids.get(e.source.as_str()), ids.get(e.target.as_str()))
            else {
                continue;
            };
            graphml_edge(out, i, (*s, *t), e)?;
        }
        writeln!(out, "  </graph>\n</graphml>")
    }

    /// The graph as a Graphviz `digraph`; undirected edges are drawn without arrows.
    pub fn write_dot(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "digraph statements {{")?;
        writeln!(out, "  node [shape=box, fontsize=10];")?;
        for n in self.nodes() {
            let country = n.country.as_deref().unwrap_or("");
            writeln!(
                out,
                "  \"{}\" [label=\"{}\", kind=\"{}\", country=\"{}\", statements={}, stories={}];",
                dot(&n.key),
                dot(&n.label),
                dot(&n.kind),
                dot(country),
                n.statements,
                n.stories
            )?;
        }
        for e in self.edges() {
            writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{} ×{}\", kind=\"{}\", type=\"{}\", count={}, weight={}, first_date=\"{}\", last_date=\"{}\"{}];",
                dot(&e.source),
                dot(&e.target),
                dot(&e.edge_type),
                e.count,
                e.kind,
                dot(&e.edge_type),
                e.count,
                e.count,
                dot(e.first_date.as_deref().unwrap_or("")),
                dot(e.last_date.as_deref().unwrap_or("")),
                if e.directed { "" } else { ", dir=none" }
            )?;
        }
        writeln!(out, "}}")
    }
}

fn graphml_node(out: &mut impl Write, i: usize, n: &Node) -> io::Result<()> {
    writeln!(out, r#"    <node id="n{i}">"#)?;
    data(out, "key", &n.key)?;
    data(out, "label", &n.label)?;
    data(out, "kind", &n.kind)?;
    if let Some(c) = &n.country {
        data(out, "country", c)?;
    }
    data(out, "statements", &n.statements.to_string())?;
    data(out, "stories", &n.stories.to_string())?;
    writeln!(out, "    </node>")
}

fn graphml_edge(
    out: &mut impl Write,
    i: usize,
    (source, target): (usize, usize),
    e: &Edge,
) -> io::Result<()> {
    writeln!(
        out,
        r#"    <edge id="e{i}" source="n{source}" target="n{target}">"#
    )?;
    data(out, "ekind", e.kind)?;
    // As data, not as the edge's `directed` attribute: networkx and others refuse a graph
    // that mixes directed and undirected edges.
    data(out, "directed", if e.directed { "true" } else { "false" })?;
    data(out, "type", &e.edge_type)?;
    data(out, "count", &e.count.to_string())?;
    data(out, "weight", &e.count.to_string())?;
    if let Some(d) = &e.first_date {
        data(out, "first_date", d)?;
    }
    if let Some(d) = &e.last_date {
        data(out, "last_date", d)?;
    }
    writeln!(out, "    </edge>")
}

fn data(out: &mut impl Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, r#"      <data key="{key}">{}</data>"#, xml(value))
}

/// Text made safe inside XML content and attribute values; characters XML 1.0 does not allow
/// (control characters but tab and line breaks) are dropped.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text made safe inside a DOT double-quoted string.
fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
