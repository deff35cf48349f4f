//! One self-contained HTML page over an archive (`statements report`): counts, a timeline of
//! events by month, the network of the most connected speakers, a table of statements that
//! filters by speaker, kind and words and links to their stories, and counts per agency, per
//! kind of document and per quoted source.
//!
//! The page needs nothing but itself: its style and script are inside it, and its data is
//! JSON inside `<script type="application/json">` blocks, which the script reads and draws
//! with `textContent` and SVG text nodes, never as markup. In that JSON every `<`, `>`, `&`,
//! U+2028 and U+2029 is written as a `\u` escape ([`script_safe`]), so no story text can close
//! the block (`</script>`), open a comment (`<!--`) or end a line of script. A Content
//! Security Policy lets only the page's own script run (by its hash, [`SCRIPT_HASH`]) and
//! nothing be fetched.
//!
//! [`Report`] takes one record at a time; the statements and stories go straight to two spill
//! writers (temporary files), so memory grows with the number of speakers, agencies, months
//! and graph edges, not with the number of stories.

use crate::output::archive::graph::Graph;
use crate::output::archive::identity::speaker_key;
use crate::output::json::quote_kind_name;
use crate::output::record::Record;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read, Write};

/// The page, with `{{NAME}}` where its parts go.
const PAGE: &str = include_str!("page.html");
/// The page's style.
const STYLE: &str = include_str!("report.css");
/// The page's script.
const SCRIPT: &str = include_str!("report.js");
/// The Content Security Policy source of [`SCRIPT`]: `sha256-` and the base64 of its sha256
/// (a test checks it: change it with the script).
pub const SCRIPT_HASH: &str = "sha256-YSryeqwGvpzI1P8soB4QzafuI3FWGzIht8mfgqgdBUo=";
/// How many speakers the network shows at most (the most connected).
const NETWORK_NODES: usize = 60;

/// The report being gathered; `W` is where statements and stories are spilled.
pub struct Report<W: Write> {
    quotes: W,
    stories: W,
    counts: Counts,
    agencies: BTreeMap<String, [usize; 3]>,
    doc_types: BTreeMap<String, [usize; 3]>,
    months: BTreeMap<String, BTreeMap<String, usize>>,
    graph: Graph,
    row: Vec<u8>,
}

/// The figures at the top of the page.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Counts {
    /// Stories in the report.
    pub stories: usize,
    /// Statements.
    pub statements: usize,
    /// Distinct speakers (by key).
    pub speakers: usize,
    /// Events.
    pub events: usize,
    /// Distinct agencies.
    pub agencies: usize,
}

/// What the page's script reads as `summary-data`.
#[derive(Serialize)]
struct Summary<'a> {
    title: &'a str,
    counts: Counts,
    /// `[name, stories, statements, events]`
    agencies: Vec<(&'a str, usize, usize, usize)>,
    doc_types: Vec<(&'a str, usize, usize, usize)>,
    /// `[key, name, country, statements, stories]`, most statements first.
    speakers: Vec<(String, String, Option<String>, usize, usize)>,
    /// `[month, {type: count}, total]`
    months: Vec<(&'a str, &'a BTreeMap<String, usize>, usize)>,
    types: Vec<&'a str>,
    network: Network,
}

/// The most connected nodes: `[key, label, country, degree]`, and the edges between them:
/// `[source index, target index, type, count, directed]`.
#[derive(Serialize)]
struct Network {
    nodes: Vec<(String, String, Option<String>, usize)>,
    edges: Vec<(usize, usize, String, usize, bool)>,
}

impl<W: Write> Report<W> {
    /// A report spilling statements and stories to `quotes` and `stories`.
    pub fn new(quotes: W, stories: W) -> Report<W> {
        Report {
            quotes,
            stories,
            counts: Counts::default(),
            agencies: BTreeMap::new(),
            doc_types: BTreeMap::new(),
            months: BTreeMap::new(),
            graph: Graph::new(),
            row: Vec::new(),
        }
    }

    /// Adds one story; `link` is the address its name links to (relative to the page), or
    /// `None`.
    pub fn add(&mut self, record: &Record, link: Option<&str>) -> io::Result<()> {
        let index = self.counts.stories;
        let m = &record.metadata;
        let name = record
            .path
            .as_deref()
            .or(record.id.as_deref())
            .unwrap_or("-");
        let story = (name, link, &m.agency, &m.date, &m.headline);
        spill(&mut self.stories, &mut self.row, index == 0, &story)?;
        for q in &record.quotes {
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|r| record.speakers.iter().find(|s| s.id == r.id));
            let row = (
                index,
                speaker.map(speaker_key),
                q.speaker.as_ref().map(|s| s.name.as_str()),
                quote_kind_name(q.kind),
                q.text.as_str(),
            );
            spill(
                &mut self.quotes,
                &mut self.row,
                self.counts.statements == 0,
                &row,
            )?;
            self.counts.statements += 1;
        }
        let (quotes, events) = (record.quotes.len(), record.events.len());
        let tally = |t: &mut [usize; 3]| {
            t[0] += 1;
            t[1] += quotes;
            t[2] += events;
        };
        tally(
            self.agencies
                .entry(m.agency.clone().unwrap_or_default())
                .or_default(),
        );
        let doc_type = m.doc_type.map_or("", |d| d.name()).to_string();
        tally(self.doc_types.entry(doc_type).or_default());
        for e in &record.events {
            let date = e.date.as_deref().or(m.date.as_deref()).unwrap_or("");
            if let Some(month) = month_of(date) {
                let ty = e.event_type.clone().unwrap_or_else(|| "other".into());
                *self.months.entry(month).or_default().entry(ty).or_default() += 1;
            }
        }
        self.counts.stories += 1;
        self.counts.events += events;
        self.graph.add(record);
        Ok(())
    }

    /// The counts so far.
    pub fn counts(&self) -> Counts {
        let mut counts = self.counts;
        counts.speakers = self.speakers().len();
        counts.agencies = self.agencies.keys().filter(|a| !a.is_empty()).count();
        counts
    }

    /// The speakers (not the actors that are never a speaker), most statements first.
    fn speakers(&self) -> Vec<(String, String, Option<String>, usize, usize)> {
        let mut speakers: Vec<_> = self
            .graph
            .nodes()
            .into_iter()
            .filter(|n| n.kind != "actor")
            .map(|n| (n.key, n.label, n.country, n.statements, n.stories))
            .collect();
        speakers.sort_by(|a, b| b.3.cmp(&a.3).then(b.4.cmp(&a.4)).then(a.0.cmp(&b.0)));
        speakers
    }

    /// Ends the gathering: the spill writers back, and the page's summary.
    pub fn finish(self, title: &str) -> io::Result<Finished<W>> {
        let types: BTreeSet<&str> = self
            .months
            .values()
            .flat_map(|t| t.keys())
            .map(String::as_str)
            .collect();
        let summary = Summary {
            title,
            counts: self.counts(),
            agencies: table(&self.agencies, "(none)"),
            doc_types: table(&self.doc_types, "(unknown)"),
            speakers: self.speakers(),
            months: self
                .months
                .iter()
                .map(|(m, t)| (m.as_str(), t, t.values().sum()))
                .collect(),
            types: types.into_iter().collect(),
            network: network(&self.graph),
        };
        let mut json = Vec::new();
        script_safe(&serde_json::to_vec(&summary)?, &mut json);
        Ok(Finished {
            page: Page {
                summary: json,
                counts: summary.counts,
            },
            quotes: self.quotes,
            stories: self.stories,
        })
    }
}

/// A gathered report: its page, and the spill writers to read back.
pub struct Finished<W> {
    /// The page, short of the spilled statements and stories.
    pub page: Page,
    /// The statements' spill writer.
    pub quotes: W,
    /// The stories' spill writer.
    pub stories: W,
}

/// The page of a gathered report: its summary and counts.
pub struct Page {
    summary: Vec<u8>,
    /// The counts shown at the top of the page.
    pub counts: Counts,
}

impl Page {
    /// Writes the page, reading the spilled statements and stories back from `quotes` and
    /// `stories`.
    pub fn write_page(
        &self,
        out: &mut impl Write,
        title: &str,
        mut quotes: impl Read,
        mut stories: impl Read,
    ) -> io::Result<()> {
        let mut rest = PAGE;
        while let Some(at) = rest.find("{{") {
            out.write_all(&rest.as_bytes()[..at])?;
            let end = rest[at..].find("}}").map_or(rest.len(), |e| at + e + 2);
            match &rest[at + 2..end - 2] {
                "TITLE" => out.write_all(html(title).as_bytes())?,
                "GENERATOR" => {
                    out.write_all(concat!("statements ", env!("CARGO_PKG_VERSION")).as_bytes())?
                }
                "SCRIPT_HASH" => out.write_all(SCRIPT_HASH.as_bytes())?,
                "STYLE" => out.write_all(STYLE.as_bytes())?,
                "SCRIPT" => out.write_all(SCRIPT.as_bytes())?,
                "SUMMARY" => out.write_all(&self.summary)?,
                "STORIES" => {
                    io::copy(&mut stories, out)?;
                }
                "QUOTES" => {
                    io::copy(&mut quotes, out)?;
                }
                other => out.write_all(other.as_bytes())?,
            }
            rest = &rest[end..];
        }
        out.write_all(rest.as_bytes())
    }
}

/// Appends `row` as script-safe JSON to a spill, after a comma unless it is the first.
fn spill<T: Serialize>(
    out: &mut impl Write,
    buf: &mut Vec<u8>,
    first: bool,
    row: &T,
) -> io::Result<()> {
    let json = serde_json::to_vec(row)?;
    buf.clear();
    if !first {
        buf.push(b',');
    }
    script_safe(&json, buf);
    out.write_all(buf)
}

/// JSON made safe inside an HTML `<script>` block: `<`, `>` and `&` become `\u003c`, `\u003e`
/// and `\u0026`, U+2028 and U+2029 become `\u2028` and `\u2029`. These characters appear in
/// JSON only inside strings, where the escapes mean the same characters.
pub fn script_safe(json: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            0xE2 if json.get(i + 1) == Some(&0x80)
                && matches!(json.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                out.extend_from_slice(if json[i + 2] == 0xA8 {
                    b"\\u2028"
                } else {
                    b"\\u2029"
                });
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
}

/// Text made safe inside HTML content.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM` of a date value that has a year and a month.
fn month_of(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let ok = b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit);
    ok.then(|| date[..7].to_string())
}

/// The rows of a tally, most stories first; the empty name shown as `blank`.
fn table<'a>(
    tally: &'a BTreeMap<String, [usize; 3]>,
    blank: &'a str,
) -> Vec<(&'a str, usize, usize, usize)> {
    let mut rows: Vec<_> = tally
        .iter()
        .map(|(k, t)| {
            (
                if k.is_empty() { blank } else { k.as_str() },
                t[0],
                t[1],
                t[2],
            )
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows
}

/// The most connected nodes of the graph and the edges between them.
fn network(graph: &Graph) -> Network {
    let edges = graph.edges();
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &edges {
        *degree.entry(&e.source).or_default() += e.count;
        *degree.entry(&e.target).or_default() += e.count;
    }
    let mut ranked: Vec<(&str, usize)> = degree.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(NETWORK_NODES);
    let nodes = graph.nodes();
    let index = |key: &str| ranked.iter().position(|(k, _)| *k == key);
    Network {
        nodes: ranked
            .iter()
            .map(|&(key, d)| {
                let n = nodes.iter().find(|n| n.key == key);
                (
                    key.to_string(),
                    n.map_or_else(|| key.to_string(), |n| n.label.clone()),
                    n.and_then(|n| n.country.clone()),
                    d,
                )
            })
            .collect(),
        edges: edges
            .iter()
            .filter_map(|e| {
                Some((
                    index(&e.source)?,
                    index(&e.target)?,
                    e.edge_type.clone(),
                    e.count,
                    e.directed,
                ))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
