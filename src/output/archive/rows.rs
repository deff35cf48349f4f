//! Records flattened into rows: one row per statement ([`QuoteRow`]), per speaker of a story
//! ([`SpeakerRow`]), per event of a story ([`EventRow`]) and per event of a merged timeline
//! ([`TimelineRow`]). Each row is a flat struct of strings and numbers whose field names are
//! the column names (the same in CSV, JSON Lines and SQLite), in the order of the fields;
//! a missing value is empty in CSV and `null` in JSON. Rows borrow from the record they
//! flatten, so writing them allocates nothing per row.

use crate::output::archive::identity::{speaker_country, speaker_key};
use crate::output::json::{quote_kind_name, speaker_kind_name, status_name, turn_role_name};
use crate::output::merge::MergedEvent;
use crate::output::record::{Quote, Record};
use serde::Serialize;

/// What every row of a story repeats: which story it comes from.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StoryColumns<'r> {
    /// The story's file (`path` of the record), or empty.
    pub path: Option<&'r str>,
    /// The story's `--jsonl` id, or empty.
    pub story_id: Option<&'r str>,
    /// The agency credited.
    pub agency: Option<&'r str>,
    /// The story date (`YYYY-MM-DD`, or `XXXX-MM-DD` without a year).
    pub story_date: Option<&'r str>,
    /// The headline.
    pub headline: Option<&'r str>,
}

impl<'r> StoryColumns<'r> {
    /// The story columns of `record`.
    pub fn of(record: &'r Record) -> StoryColumns<'r> {
        let m = &record.metadata;
        StoryColumns {
            path: record.path.as_deref(),
            story_id: record.id.as_deref(),
            agency: m.agency.as_deref(),
            story_date: m.date.as_deref(),
            headline: m.headline.as_deref(),
        }
    }
}

/// One statement of one story (`statements quotes`).
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow<'r> {
    /// The story's file.
    pub path: Option<&'r str>,
    /// The story's `--jsonl` id.
    pub story_id: Option<&'r str>,
    /// The agency credited.
    pub agency: Option<&'r str>,
    /// The story date.
    pub story_date: Option<&'r str>,
    /// The statement's id in its story (`q1`).
    pub quote_id: &'r str,
    /// `direct`, `partial` or `indirect`.
    pub kind: &'static str,
    /// For a transcript's turn: `question`, `answer` or `statement`.
    pub role: Option<&'static str>,
    /// The speaker's id in its story (`s1`).
    pub speaker_id: Option<&'r str>,
    /// The speaker's key across stories (see `identity`).
    pub speaker_key: Option<String>,
    /// The speaker's canonical name in its story.
    pub speaker_name: Option<&'r str>,
    /// The speaker's title in its story.
    pub speaker_title: Option<&'r str>,
    /// The words naming the source nearest the cue.
    pub speaker_mention: Option<&'r str>,
    /// The speech cue (`said`).
    pub cue: Option<&'r str>,
    /// Start of the statement in code points.
    pub start: usize,
    /// End (exclusive) of the statement in code points.
    pub end: usize,
    /// The statement, without quotation marks.
    pub text: &'r str,
}

impl QuoteRow<'_> {
    /// The column names, in order (the CSV header).
    pub const COLUMNS: &'static [&'static str] = &[
        "path",
        "story_id",
        "agency",
        "story_date",
        "quote_id",
        "kind",
        "role",
        "speaker_id",
        "speaker_key",
        "speaker_name",
        "speaker_title",
        "speaker_mention",
        "cue",
        "start",
        "end",
        "text",
    ];
}

/// The rows of a record's statements, in text order.
pub fn quote_rows<'r>(record: &'r Record) -> impl Iterator<Item = QuoteRow<'r>> + 'r {
    let story = StoryColumns::of(record);
    record
        .quotes
        .iter()
        .map(move |q| quote_row(record, story, q))
}

/// The row of statement `q` of `record`.
pub fn quote_row<'r>(record: &'r Record, story: StoryColumns<'r>, q: &'r Quote) -> QuoteRow<'r> {
    let speaker = q
        .speaker
        .as_ref()
        .and_then(|r| record.speakers.iter().find(|s| s.id == r.id));
    QuoteRow {
        path: story.path,
        story_id: story.story_id,
        agency: story.agency,
        story_date: story.story_date,
        quote_id: &q.id,
        kind: quote_kind_name(q.kind),
        role: q.role.map(turn_role_name),
        speaker_id: q.speaker.as_ref().map(|s| s.id.as_str()),
        speaker_key: speaker.map(speaker_key),
        speaker_name: q.speaker.as_ref().map(|s| s.name.as_str()),
        speaker_title: speaker.and_then(|s| s.title.as_deref()),
        speaker_mention: q.speaker_mention.as_ref().map(|s| s.text.as_str()),
        cue: q.cue.as_ref().map(|s| s.text.as_str()),
        start: q.start,
        end: q.end,
        text: &q.text,
    }
}

/// One speaker of one story.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow<'r> {
    /// The story's file.
    pub path: Option<&'r str>,
    /// The story's `--jsonl` id.
    pub story_id: Option<&'r str>,
    /// The speaker's id in its story (`s1`).
    pub speaker_id: &'r str,
    /// The speaker's key across stories.
    pub speaker_key: String,
    /// Its canonical name in the story.
    pub name: &'r str,
    /// `person`, `organization`, `group` or `unknown`.
    pub kind: &'static str,
    /// Its title in the story.
    pub title: Option<&'r str>,
    /// Its country as the story's events give it (ISO 3166-1 alpha-3).
    pub country: Option<&'r str>,
    /// How many mentions the story has of it.
    pub mentions: usize,
    /// How many statements the story attributes to it.
    pub statements: usize,
}

/// The rows of a record's speakers, in order of first mention.
pub fn speaker_rows<'r>(record: &'r Record) -> impl Iterator<Item = SpeakerRow<'r>> + 'r {
    record.speakers.iter().map(move |s| SpeakerRow {
        path: record.path.as_deref(),
        story_id: record.id.as_deref(),
        speaker_id: &s.id,
        speaker_key: speaker_key(s),
        name: &s.name,
        kind: speaker_kind_name(s.kind),
        title: s.title.as_deref(),
        country: speaker_country(record, &s.id),
        mentions: s.mentions.len(),
        statements: record
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref().is_some_and(|r| r.id == s.id))
            .count(),
    })
}

/// One event of one story.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow<'r> {
    /// The story's file.
    pub path: Option<&'r str>,
    /// The story's `--jsonl` id.
    pub story_id: Option<&'r str>,
    /// The agency credited.
    pub agency: Option<&'r str>,
    /// The story date.
    pub story_date: Option<&'r str>,
    /// The event's position in its story, from 1.
    pub event_no: usize,
    /// The normalised date of the event.
    pub date: Option<&'r str>,
    /// The date expression as written.
    pub date_text: Option<&'r str>,
    /// PLOVER type.
    pub event_type: Option<&'r str>,
    /// PLOVER mode.
    pub mode: Option<&'r str>,
    /// CAMEO code.
    pub cameo: Option<&'r str>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// `actual`, `future`, `hypothetical` or `negated`.
    pub status: &'static str,
    /// Where it took place.
    pub place: Option<&'r str>,
    /// The actors' names, joined by `; `.
    pub actors: String,
    /// The recipients' names, joined by `; `.
    pub recipients: String,
    /// A symmetric event.
    pub joint: bool,
    /// The words naming the event.
    pub trigger: Option<&'r str>,
    /// The statement that is the event (`q3`).
    pub quote_id: Option<&'r str>,
    /// Start of the event's text in code points.
    pub start: usize,
    /// End (exclusive) of the event's text in code points.
    pub end: usize,
    /// The clause or sentence reporting the event.
    pub text: &'r str,
}

/// The rows of a record's events, in text order.
pub fn event_rows<'r>(record: &'r Record) -> impl Iterator<Item = EventRow<'r>> + 'r {
    let story = StoryColumns::of(record);
    let names = |ps: &[crate::output::record::EventParty]| {
        ps.iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    record
        .events
        .iter()
        .enumerate()
        .map(move |(i, e)| EventRow {
            path: story.path,
            story_id: story.story_id,
            agency: story.agency,
            story_date: story.story_date,
            event_no: i + 1,
            date: e.date.as_deref(),
            date_text: e.date_text.as_deref(),
            event_type: e.event_type.as_deref(),
            mode: e.mode.as_deref(),
            cameo: e.cameo.as_deref(),
            goldstein: e.goldstein,
            status: status_name(e.status),
            place: e.place.as_deref(),
            actors: names(&e.actors),
            recipients: names(&e.recipients),
            joint: e.joint,
            trigger: e.trigger.as_ref().map(|t| t.text.as_str()),
            quote_id: e.quote_id.as_deref(),
            start: e.start,
            end: e.end,
            text: &e.text,
        })
}

/// One event of a timeline merged from many stories (`statements timeline --format csv`).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow<'m> {
    /// The normalised date.
    pub date: &'m str,
    /// Where it took place.
    pub place: Option<&'m str>,
    /// The participants' names, joined by `; `.
    pub participants: String,
    /// How many stories report it.
    pub reports: usize,
    /// The agencies of the reports, distinct, joined by `; ` (empty where none is known).
    pub sources: String,
    /// The files (or ids) of the reports, joined by `; `.
    pub stories: String,
    /// The date expression of the first report.
    pub date_text: &'m str,
    /// The clause of the first report, whole.
    pub text: &'m str,
    /// The event's PLOVER type, or empty.
    pub event_type: Option<&'m str>,
}

impl TimelineRow<'_> {
    /// The column names, in order (the CSV header).
    pub const COLUMNS: &'static [&'static str] = &[
        "date",
        "place",
        "participants",
        "reports",
        "sources",
        "stories",
        "date_text",
        "text",
        "event_type",
    ];
}

/// The row of a merged event.
pub fn timeline_row(event: &MergedEvent) -> TimelineRow<'_> {
    let first = event.sources.first();
    let mut agencies: Vec<&str> = Vec::new();
    for a in event.sources.iter().filter_map(|s| s.agency.as_deref()) {
        if !agencies.contains(&a) {
            agencies.push(a);
        }
    }
    TimelineRow {
        date: &event.date,
        place: event.place.as_deref(),
        participants: event.participants.join("; "),
        reports: event.sources.len(),
        sources: agencies.join("; "),
        stories: event
            .sources
            .iter()
            .map(|s| s.path.as_deref().or(s.id.as_deref()).unwrap_or("-"))
            .collect::<Vec<_>>()
            .join("; "),
        date_text: first.map_or("", |s| s.date_text.as_str()),
        text: first.map_or("", |s| s.text.as_str()),
        event_type: event.event_type.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of a row serialised as JSON, in order.
    fn keys<T: Serialize>(row: &T) -> Vec<String> {
        let json = serde_json::to_string(row).unwrap();
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
        // serde_json's map keeps insertion order only with a feature: compare as sets, and
        // the order through the CSV header below.
        map.keys().cloned().collect()
    }

    #[test]
    fn declared_columns_are_the_serialised_fields() {
        let record = crate::analyse(
            "MOSCOW, January 18, 2022. /TASS/. \"We are ready,\" Lavrov said on Tuesday.",
        );
        let row = quote_rows(&record).next().expect("a statement");
        let mut got = keys(&row);
        let mut want: Vec<String> = QuoteRow::COLUMNS.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
        let merged = crate::output::merge::merge(std::slice::from_ref(&record));
        let row = timeline_row(&merged[0]);
        let mut got = keys(&row);
        let mut want: Vec<String> = TimelineRow::COLUMNS.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }
}
