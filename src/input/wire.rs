//! Raw wire transmissions: IPTC 7901 and ANPA-1312 (NAA 89-3).
//!
//! Both frame each message with control characters: SOH before a header line (ANPA puts
//! SYN SYN before it and a US after its selector), STX before the text, ETX after it, then a
//! trailer (7901: `212101 GMT Nov 18`, day and time then month and year; ANPA:
//! `AP-WF-08-29-16 1626GMT`, month, day and year) and EOT or DEL. Between the header and STX
//! sits the keyword (7901) or the priority, category and slug line (ANPA). The text opens with
//! a heading: in 7901, lines up to one ending in `=` (tags such as `REFILE` or `1ST LEAD`, the
//! headline, `By …`); in ANPA, lines starting with `^` (the slug again, the headline, `Eds:`
//! notes, the byline). ANPA paragraphs start with a tab, and its quotation marks are written
//! ``` `` ``` and `''`.
//!
//! Several messages in one file give one story each. Framing, heading codes, the editors'
//! initials line (`dpa grj rmo`) and the trailer are left out of the text.

use super::extract::{day, field, Extracted, Fields, MAX_PARTS};
use regex::Regex;
use std::sync::LazyLock;

const SOH: char = '\x01';
const STX: char = '\x02';
const ETX: char = '\x03';

/// The stories of an IPTC 7901 transmission.
pub fn iptc7901(text: &str) -> Vec<Extracted> {
    messages(text, message_7901)
}

/// The stories of an ANPA-1312 transmission.
pub fn anpa1312(text: &str) -> Vec<Extracted> {
    messages(text, message_anpa)
}

/// Splits a transmission at each SOH and reads every message that has some text.
fn messages(text: &str, read: fn(&Framed<'_>) -> Extracted) -> Vec<Extracted> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut found: Vec<Extracted> = text
        .split(SOH)
        .filter(|m| m.contains(STX) || !m.trim_matches(is_framing).is_empty())
        .map(Framed::new)
        .map(|m| read(&m))
        .filter(|e| !e.text.trim().is_empty())
        .take(MAX_PARTS)
        .collect();
    if found.len() > 1 {
        for (i, e) in found.iter_mut().enumerate() {
            e.part = Some(i);
        }
    }
    found
}

/// One message cut into its framed parts.
struct Framed<'t> {
    /// The line after SOH.
    header: &'t str,
    /// The lines between the header and STX.
    preamble: &'t str,
    /// The text between STX and ETX.
    text: &'t str,
    /// What follows ETX.
    trailer: &'t str,
}

impl<'t> Framed<'t> {
    fn new(m: &'t str) -> Framed<'t> {
        let (before, after) = match m.find(STX) {
            Some(i) => (&m[..i], &m[i + 1..]),
            None => match m.find('\n') {
                Some(i) => (&m[..i], &m[i + 1..]),
                None => ("", m),
            },
        };
        let (header, preamble) = before.split_once('\n').unwrap_or((before, ""));
        let (text, trailer) = after.split_once(ETX).unwrap_or((after, ""));
        Framed {
            header: header.trim_matches(is_framing),
            preamble,
            text: text.trim_start_matches(STX),
            trailer: trailer.trim_matches(is_framing),
        }
    }
}

/// Control characters and blanks around framing.
fn is_framing(c: char) -> bool {
    c.is_whitespace() || (c.is_control() && c != '\n')
}

/// Text with its control characters (other than line ends and tabs) removed.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

static DPA_TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d\d)(\d\d)(\d\d) GMT ([A-Z][a-z]{2}) (\d\d)").expect("a valid pattern")
});
static ANPA_TRAILER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d\d)-(\d\d)-(\d\d) \d{4} ?GMT").expect("a valid pattern"));
/// The editors' initials that close a 7901 message: `dpa grj rmo`.
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{2,4}( [a-z]{2,4}){1,6}$").expect("a valid pattern"));
/// An ANPA slug (`BC-US--Giant Lobster Death`).
static SLUG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z]{1,3}-[A-Za-z]{1,4}--\S").expect("a valid pattern"));

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `YYYY-MM-DD` from a two-digit year of this century or the last.
fn day_of(yy: &str, month: u32, d: &str) -> Option<String> {
    let yy: i32 = yy.parse().ok()?;
    let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
    day(year, month, d.parse().ok()?)
}

fn message_7901(m: &Framed<'_>) -> Extracted {
    let mut fields = Fields::default();
    header_fields(
        m.header,
        &["selector", "priority", "category", "word_count"],
        &mut fields,
    );
    if let Some(keyword) = field(&clean(m.preamble)) {
        fields.headers.push(("keyword".into(), keyword));
    }
    fields.date = DPA_TRAILER.captures(m.trailer).and_then(|c| {
        let month = MONTHS.iter().position(|&n| n == &c[4])? as u32 + 1;
        day_of(&c[5], month, &c[1])
    });
    let text = clean(m.text);
    let lines: Vec<&str> = text.lines().collect();
    let mut heading_end = lines
        .iter()
        .take(8)
        .position(|l| l.trim_end().ends_with('='))
        .map_or(0, |i| i + 1);
    // A byline line of its own after the headline (`By dpa correspondents =`).
    let next = (heading_end..lines.len()).find(|&i| !lines[i].trim().is_empty());
    if let Some(i) = next.filter(|&i| heading_end > 0 && i < heading_end + 2) {
        let line = lines[i].trim();
        if line.starts_with("By ") && line.ends_with('=') {
            heading_end = i + 1;
        }
    }
    let mut tags = Vec::new();
    let mut headline = Vec::new();
    for line in &lines[..heading_end] {
        let line = line.trim().trim_end_matches('=').trim();
        if let Some(by) = line.strip_prefix("By ") {
            fields.byline = field(by);
        } else if is_tag(line) {
            tags.push(line);
        } else if !line.is_empty() {
            headline.push(line);
        }
    }
    fields.headline = field(&headline.join(" "));
    if !tags.is_empty() {
        fields.headers.push(("tags".into(), tags.join("; ")));
    }
    let mut body: Vec<&str> = lines[heading_end..].to_vec();
    while body
        .last()
        .is_some_and(|l| l.trim().is_empty() || INITIALS.is_match(l.trim()))
    {
        body.pop();
    }
    Extracted::compose(fields, paragraphs(&body.join("\n")))
}

/// The handling tags of `wire_tags.tsv`.
static TAGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../lexicon/wire_tags.tsv"))
        .filter_map(|row| row.first().copied())
        .collect()
});

/// Whether a 7901 heading line is a handling tag (`REFILE`, `1ST LEAD`, `(PICTURE)`) rather
/// than headline text.
fn is_tag(line: &str) -> bool {
    let bare = line.trim_matches(|c: char| c == '=' || c.is_whitespace());
    if bare.is_empty() {
        return false;
    }
    if bare.starts_with('(') && bare.ends_with(')') {
        return true;
    }
    if bare.chars().any(char::is_lowercase) {
        return false;
    }
    bare.split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lower = w.to_ascii_lowercase();
            let ordinal = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            TAGS.contains(&lower.as_str())
                || lower.bytes().all(|b| b.is_ascii_digit())
                || (!ordinal.is_empty()
                    && ordinal.bytes().all(|b| b.is_ascii_digit())
                    && ["st", "nd", "rd", "th"].contains(&&lower[ordinal.len()..]))
        })
}

/// The paragraphs of a text whose paragraphs are apart by blank lines.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .flat_map(|p| p.split("\n \n"))
        .map(|p| p.trim_matches('\n').to_string())
        .collect()
}

/// Header entries named `names`, in order, from the blank-separated words of `line`.
fn header_fields(line: &str, names: &[&str], fields: &mut Fields) {
    let line = clean(line);
    for (name, value) in names.iter().zip(line.split_whitespace()) {
        fields.headers.push((name.to_string(), value.to_string()));
    }
}

fn message_anpa(m: &Framed<'_>) -> Extracted {
    let mut fields = Fields::default();
    let selector = m.header.split('\x1f').next().unwrap_or("");
    if let Some(s) = field(&clean(selector)) {
        fields.headers.push(("selector".into(), s));
    }
    anpa_preamble(m.preamble, &mut fields);
    fields.date = ANPA_TRAILER
        .captures(m.trailer)
        .and_then(|c| day_of(&c[3], c[1].parse().ok()?, &c[2]));
    let text = clean(m.text).replace("``", "\"").replace("''", "\"");
    let mut headline = None;
    let mut body = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if let Some(code) = trimmed.strip_prefix('^') {
            let code = code.trim_end().trim_end_matches(['<', '=']).trim();
            anpa_heading(code, &mut headline, &mut fields);
        } else if line.starts_with('\t') {
            body.push_str("\n\n");
            body.push_str(line.trim().trim_end_matches('<'));
        } else {
            body.push('\n');
            body.push_str(line.trim_end().trim_end_matches('<'));
        }
    }
    fields.headline = headline;
    Extracted::compose(fields, paragraphs(&body))
}

/// The priority, category, slug, version and word count of an ANPA message's second line
/// (`r d^S^Q BC-US--GiantLobsterDeath 1stLd-Writethru   08-29 0590`).
fn anpa_preamble(preamble: &str, fields: &mut Fields) {
    let line = preamble.lines().next().unwrap_or("");
    let (codes, slug) = line.split_once("\x13\x11").unwrap_or(("", line));
    header_fields(codes, &["priority", "category"], fields);
    let words: Vec<&str> = slug.split_whitespace().collect();
    if let Some(slug) = words.first() {
        fields.headers.push(("keyword".into(), clean(slug)));
    }
    if let Some(count) = words
        .last()
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        fields
            .headers
            .push(("word_count".into(), count.to_string()));
    }
}

/// One `^` heading line of an ANPA message.
fn anpa_heading(code: &str, headline: &mut Option<String>, fields: &mut Fields) {
    if code.is_empty() || SLUG.is_match(code) || code.starts_with("AP Photo") {
        return;
    }
    if let Some(note) = code.strip_prefix("Eds:") {
        if let Some(n) = field(note) {
            fields.headers.push(("eds".into(), n));
        }
    } else if let Some(by) = code.strip_prefix("By ") {
        fields.byline = field(by);
    } else if headline.is_none() && fields.byline.is_none() {
        *headline = field(code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_7901_message_loses_its_framing() {
        let wire = "\x01abc0042 4 p 57  agn 0101\r\n\r\nTalks/Geneva/\r\n\x02URGENT\n\
                    Ministers meet in Geneva to end the dispute =\r\n\r\n\
                    Geneva (agn) - The ministers met on Monday.\r\n\r\n\
                    \"We agreed,\" one said.\r\n\r\nagn xy zq\r\n\r\n\x03121530 GMT Mar 21\r\n\x7f";
        let stories = iptc7901(wire);
        assert_eq!(stories.len(), 1);
        let s = &stories[0];
        assert_eq!(
            s.text,
            "Ministers meet in Geneva to end the dispute\n\n\
             Geneva (agn) - The ministers met on Monday.\n\n\"We agreed,\" one said.\n"
        );
        assert_eq!(s.fields.date.as_deref(), Some("2021-03-12"));
        assert!(s
            .fields
            .headers
            .contains(&("keyword".into(), "Talks/Geneva/".into())));
        assert!(s.fields.headers.contains(&("tags".into(), "URGENT".into())));
        assert_eq!(s.part, None);
    }

    #[test]
    fn handling_tags_are_told_from_headlines_in_capitals() {
        for tag in [
            "REFILE",
            "1ST LEAD",
            "EXTRA",
            "UPDATE 2",
            "(PICTURE)",
            "=(GRAPHIC+PICTURE)=",
            "URGENT / CORRECTION",
        ] {
            assert!(is_tag(tag), "{tag}");
        }
        for headline in [
            "BAHIA COCOA REVIEW",
            "Talks end",
            "NATO GROWS TO EMBRACE 3 FORMER ENEMIES",
            "LEAD POISONING FOUND",
        ] {
            assert!(!is_tag(headline), "{headline}");
        }
    }

    #[test]
    fn messages_of_one_file_are_stories_of_their_own() {
        let one = "\x01a1 3 i 10\nk/\n\x02First headline here =\n\nBERN (agn) - One.\n\x03010101 GMT Jan 22\n";
        let two = "\x01a2 3 i 10\nk/\n\x02Second headline here =\n\nBERN (agn) - Two.\n\x03020101 GMT Jan 22\n";
        let stories = iptc7901(&format!("{one}{two}"));
        assert_eq!(stories.len(), 2);
        assert_eq!(
            stories[1].fields.headline.as_deref(),
            Some("Second headline here")
        );
        assert_eq!(stories[1].part, Some(1));
        assert_eq!(stories[1].fields.date.as_deref(), Some("2022-01-02"));
    }

    #[test]
    fn an_anpa_message_gives_headline_byline_and_paragraphs() {
        let wire = "\x16\x16\x01Q1234\x1fabcde\r\nu i\x13\x11 BC-XX--Harbour Talks   03-04 0120\r\n\
                    \x02^BC-XX--Harbour Talks,110<\r\n^Harbour talks resume<\r\n^Eds: New.<\r\n\
                    ^By JANE ROE=\r\n^Associated Press=\r\n\t   PORTVILLE (AP) _ Talks resumed.\r\n \r\n\
                    \t   ``We hope,'' she said.\r\n\t   \x03AP-WF-03-04-19 1200GMT<\r\n\x0c\r\n\x04";
        let s = &anpa1312(wire)[0];
        assert_eq!(s.fields.headline.as_deref(), Some("Harbour talks resume"));
        assert_eq!(s.fields.byline.as_deref(), Some("JANE ROE"));
        assert_eq!(s.fields.date.as_deref(), Some("2019-03-04"));
        assert!(
            s.text
                .ends_with("PORTVILLE (AP) _ Talks resumed.\n\n\"We hope,\" she said.\n"),
            "{:?}",
            s.text
        );
    }
}
