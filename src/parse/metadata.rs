//! Story metadata: header lines, headline, dateline (place, date, agency), byline and the
//! trailing credit lines, following the conventions of each agency.

use crate::span::Span;
use std::collections::BTreeMap;

/// A calendar date as a story gives it; the year is unknown when the text does not say it
/// (`MOSCOW, March 3 -`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StoryDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
}

impl StoryDate {
    /// The TIMEX3-style value: `2022-01-18`, or `XXXX-01-18` without a year.
    pub fn value(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("XXXX-{:02}-{:02}", self.month, self.day),
        }
    }

    /// Parses `YYYY-MM-DD` (the form of header lines and `--jsonl` records).
    pub fn parse_iso(s: &str) -> Option<StoryDate> {
        let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
        use chrono::Datelike;
        Some(StoryDate {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        })
    }
}

/// What the metadata reader found, with the spans the later stages need.
#[derive(Debug, Clone, Default)]
pub struct StoryMetadata {
    /// The agency credited.
    pub agency: Option<String>,
    /// The dateline place as written.
    pub place: Option<String>,
    /// The story date, from header lines, the inline `date` form or the dateline.
    pub date: Option<StoryDate>,
    /// The headline.
    pub headline: Option<String>,
    /// The byline, without `By`.
    pub byline: Option<String>,
    /// The dateline span.
    pub dateline: Option<Span>,
    /// `Key: value` header lines, keys lower-cased.
    pub headers: BTreeMap<String, String>,
    /// Where the story's own text starts: just after the header lines. Date expressions are
    /// looked for from here on (a headline or dateline date is a real date expression).
    pub content_start: usize,
    /// The body: the narrative text after the dateline and before trailing credit lines.
    /// Statements are looked for here.
    pub body: Span,
}

/// Reads the metadata of a story.
pub fn read(text: &str) -> StoryMetadata {
    // TEMP: a leading `Date: YYYY-MM-DD` line (the scorers' header) until the metadata work lands.
    if let Some(rest) = text.strip_prefix("Date: ") {
        let line_end = rest.find('\n').map(|i| i + 6 + 1).unwrap_or(text.len());
        let date = StoryDate::parse_iso(&text[6..line_end.min(text.len())]);
        let mut start = line_end.min(text.len());
        while text[start..].starts_with('\n') {
            start += 1;
        }
        return StoryMetadata {
            date,
            content_start: start,
            body: Span::new(start, text.len()),
            ..StoryMetadata::default()
        };
    }
    StoryMetadata {
        body: Span::new(0, text.len()),
        ..StoryMetadata::default()
    }
}
