//! Who talks to whom across an archive: a graph whose nodes are speakers and the actors of
//! events (by key, see [`identity`](super::identity)), and whose edges are the events between
//! them and the statements of one about another, counted and dated.
//!
//! - An **event edge** joins each actor of a coded event to each of its recipients (directed,
//!   actor → recipient), or the actors of a joint event to one another (undirected); its
//!   `type` is the PLOVER type (`CONSULT`, `ACCUSE`...).
//! - A **statement edge** joins a speaker to another speaker of the same story that its
//!   statement mentions (a mention of the other lies inside the statement); its `type` is
//!   `STATEMENT`.
//!
//! Edges of the same two nodes, kind and type are one edge with a `count` and the first and
//! last date (the event's date, else the story's). [`Graph::add`] takes one record at a time:
//! memory grows with the number of distinct nodes and edges, not with the number of stories.

use crate::output::archive::identity::{party_key, speaker_country, speaker_key};
use crate::output::record::{EventParty, Record};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::io::{self, Write};

/// A node: a speaker or an event's party.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// The key that identifies it across stories.
    pub key: String,
    /// The fullest name it was given.
    pub label: String,
    /// `person`, `organization`, `group`, `unknown` for a speaker; `actor` for a party that is
    /// never a speaker.
    pub kind: String,
    /// Its country (ISO 3166-1 alpha-3), the one most often given.
    pub country: Option<String>,
    /// Statements attributed to it.
    pub statements: usize,
    /// Stories it appears in.
    pub stories: usize,
    #[serde(skip)]
    countries: HashMap<String, usize>,
}

/// An edge between two nodes.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// The key of the node it starts from.
    pub source: String,
    /// The key of the node it goes to.
    pub target: String,
    /// `event` or `statement`.
    pub kind: &'static str,
    /// The PLOVER type of the events, or `STATEMENT`.
    #[serde(rename = "type")]
    pub edge_type: String,
    /// False for joint events (talks, calls, agreements between the two).
    pub directed: bool,
    /// How many events or statements it stands for.
    pub count: usize,
    /// The earliest date among them (`YYYY-MM-DD`, or as precise as known), or `null`.
    pub first_date: Option<String>,
    /// The latest date among them, or `null`.
    pub last_date: Option<String>,
}

/// The graph of an archive, built one record at a time.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: HashMap<String, Node>,
    edges: HashMap<(String, String, &'static str, String), Edge>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds the speakers, events and statements of one story.
    pub fn add(&mut self, record: &Record) {
        let mut seen: HashSet<String> = HashSet::default();
        for s in &record.speakers {
            let key = speaker_key(s);
            if key.is_empty() {
                continue;
            }
            let kind = crate::output::json::speaker_kind_name(s.kind);
            let node = self.node(&key, &s.name, kind);
            if let Some(c) = speaker_country(record, &s.id) {
                *node.countries.entry(c.to_string()).or_default() += 1;
            }
            node.statements += record
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().is_some_and(|r| r.id == s.id))
                .count();
            if seen.insert(key) {
                node.stories += 1;
            }
        }
        self.add_events(record, &mut seen);
        self.add_statements(record);
    }

    fn add_events(&mut self, record: &Record, seen: &mut HashSet<String>) {
        let story_date = record.metadata.date.as_deref();
        for e in record.events.iter() {
            let Some(event_type) = e.event_type.as_deref() else {
                continue;
            };
            let date = e.date.as_deref().or(story_date);
            let actors = self.parties(record, &e.actors, seen);
            let recipients = self.parties(record, &e.recipients, seen);
            if e.joint {
                for (i, a) in actors.iter().enumerate() {
                    for b in &actors[i + 1..] {
                        let (s, t) = if a <= b { (a, b) } else { (b, a) };
                        self.edge(s, t, "event", event_type, false, date);
                    }
                }
            }
            for a in &actors {
                for r in &recipients {
                    self.edge(a, r, "event", event_type, true, date);
                }
            }
        }
    }

    /// The keys of `parties`, each made a node (with its country) when it is not one yet.
    fn parties(
        &mut self,
        record: &Record,
        parties: &[EventParty],
        seen: &mut HashSet<String>,
    ) -> Vec<String> {
        let mut keys = Vec::new();
        for p in parties {
            let Some(key) = party_key(record, p) else {
                continue;
            };
            let node = self.node(&key, &p.name, "actor");
            if let Some(c) = &p.country {
                *node.countries.entry(c.clone()).or_default() += 1;
            }
            if seen.insert(key.clone()) {
                node.stories += 1;
            }
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// Statement edges: a speaker's statement holding a mention of another speaker.
    fn add_statements(&mut self, record: &Record) {
        let date = record.metadata.date.as_deref();
        for q in &record.quotes {
            let Some(by) = q.speaker.as_ref() else {
                continue;
            };
            let Some(from) = record.speakers.iter().find(|s| s.id == by.id) else {
                continue;
            };
            for other in record.speakers.iter().filter(|s| s.id != by.id) {
                let inside = other
                    .mentions
                    .iter()
                    .any(|m| m.start >= q.start && m.end <= q.end);
                if inside {
                    let (a, b) = (speaker_key(from), speaker_key(other));
                    self.edge(&a, &b, "statement", "STATEMENT", true, date);
                }
            }
        }
    }

    fn node(&mut self, key: &str, name: &str, kind: &str) -> &mut Node {
        let node = self.nodes.entry(key.to_string()).or_insert_with(|| Node {
            key: key.to_string(),
            label: name.to_string(),
            kind: kind.to_string(),
            country: None,
            statements: 0,
            stories: 0,
            countries: HashMap::default(),
        });
        // A speaker's label is its fullest canonical name; a party's words (`Kremlin spokesman
        // Dmitry Peskov`) name a node only while no story has it as a speaker.
        let speaker = kind != "actor";
        if speaker && node.kind == "actor" {
            node.kind = kind.to_string();
            node.label = name.to_string();
        } else if (speaker || node.kind == "actor") && name.len() > node.label.len() {
            node.label = name.to_string();
        }
        node
    }

    fn edge(
        &mut self,
        a: &str,
        b: &str,
        kind: &'static str,
        ty: &str,
        directed: bool,
        date: Option<&str>,
    ) {
        if a == b || a.is_empty() || b.is_empty() {
            return;
        }
        let id = (a.to_string(), b.to_string(), kind, ty.to_string());
        let edge = self.edges.entry(id).or_insert_with(|| Edge {
            source: a.to_string(),
            target: b.to_string(),
            kind,
            edge_type: ty.to_string(),
            directed,
            count: 0,
            first_date: None,
            last_date: None,
        });
        edge.count += 1;
        if let Some(d) = date.filter(|d| d.starts_with(|c: char| c.is_ascii_digit())) {
            if edge.first_date.as_deref().is_none_or(|f| d < f) {
                edge.first_date = Some(d.to_string());
            }
            if edge.last_date.as_deref().is_none_or(|l| d > l) {
                edge.last_date = Some(d.to_string());
            }
        }
    }

    /// How many nodes there are.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// How many edges there are.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The nodes, by key, each with its most given country.
    pub fn nodes(&self) -> Vec<Node> {
        let mut nodes: Vec<Node> = self.nodes.values().cloned().collect();
        for n in &mut nodes {
            let mut countries: Vec<(&String, &usize)> = n.countries.iter().collect();
            countries.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            n.country = countries.first().map(|(c, _)| (*c).clone());
        }
        nodes.sort_by(|a, b| a.key.cmp(&b.key));
        nodes
    }

    /// The edges, by source, target, kind and type.
    pub fn edges(&self) -> Vec<Edge> {
        let mut edges: Vec<Edge> = self.edges.values().cloned().collect();
        edges.sort_by(|a, b| {
            (&a.source, &a.target, a.kind, &a.edge_type).cmp(&(
                &b.source,
                &b.target,
                b.kind,
                &b.edge_type,
            ))
        });
        edges
    }

    /// The graph as JSON: `{"nodes": [...], "edges": [...]}`.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Whole {
            nodes: Vec<Node>,
            edges: Vec<Edge>,
        }
        let whole = Whole {
            nodes: self.nodes(),
            edges: self.edges(),
        };
        serde_json::to_writer_pretty(&mut *out, &whole)?;
        out.write_all(b"\n")
    }
}

mod formats;

#[cfg(test)]
mod tests;
