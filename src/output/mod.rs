//! Output: the public record ([`record`]), its JSON Schema ([`schema`]), its compact JSON line
//! ([`json`]), the conversion of the library's internal byte spans into code point offsets
//! ([`offsets`]), and the timeline of many stories' records ([`merge`]).

pub mod json;
mod line;
pub mod merge;
pub mod offsets;
pub mod record;
pub mod schema;

use crate::analyse::attribution::Attribution;
use crate::analyse::timeline::EventFound;
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::span::Span;
pub(crate) use line::write_findings;
use offsets::CharOffsets;
use record::{DateExpression, Event, Metadata, Quote, Record, Speaker, SpeakerRef, TextSpan};

/// Everything the pipeline found in one story, in byte spans.
pub(crate) struct Findings<'a> {
    pub metadata: &'a StoryMetadata,
    pub attribution: &'a Attribution,
    pub dates: &'a [DateMention],
    pub events: &'a [EventFound],
}

/// Builds the public record of a story from the pipeline's findings.
pub(crate) fn build_record(text: &str, found: Findings<'_>) -> Record {
    let offsets = CharOffsets::new(text);
    let span = |s: Span| TextSpan {
        text: s.slice(text).to_string(),
        start: offsets.char_offset(s.start),
        end: offsets.char_offset(s.end),
    };
    let speaker_id = |i: usize| id('s', i);
    let m = found.metadata;
    let metadata = Metadata {
        agency: m.agency.clone(),
        place: m.place.clone(),
        date: m.date.map(|d| d.value()),
        headline: m.headline.clone(),
        byline: m.byline.clone(),
        dateline: m.dateline.map(span),
        headers: m.headers.clone(),
    };
    let speakers = found
        .attribution
        .speakers
        .iter()
        .enumerate()
        .map(|(i, e)| Speaker {
            id: speaker_id(i),
            name: e.name.clone(),
            kind: e.kind,
            title: e.title.clone(),
            mentions: e.mentions.iter().map(|&s| span(s)).collect(),
        })
        .collect();
    let quotes = found
        .attribution
        .statements
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let content = span(st.content);
            Quote {
                id: id('q', i),
                kind: st.kind,
                text: content.text,
                start: content.start,
                end: content.end,
                speaker: st.speaker.map(|s| SpeakerRef {
                    id: speaker_id(s),
                    name: found.attribution.speakers[s].name.clone(),
                }),
                speaker_mention: st.speaker_mention.map(span),
                cue: st.cue.map(span),
            }
        })
        .collect();
    let dates = found
        .dates
        .iter()
        .map(|d| {
            let s = span(d.span);
            DateExpression {
                text: s.text,
                start: s.start,
                end: s.end,
                value: d.value.clone(),
                date_type: d.date_type,
            }
        })
        .collect();
    let events = found
        .events
        .iter()
        .map(|e| {
            let date = &found.dates[e.date];
            let clause = span(e.clause);
            Event {
                date: date.value.clone(),
                date_text: date.span.slice(text).to_string(),
                text: clause.text,
                start: clause.start,
                end: clause.end,
                place: e.place.clone(),
                participants: e.participants.iter().map(|&p| speaker_id(p)).collect(),
            }
        })
        .collect();
    Record {
        path: None,
        id: None,
        error: None,
        metadata,
        speakers,
        quotes,
        dates,
        events,
    }
}

/// The identifier of the `index`-th (from 0) speaker or quote: `s1`, `q12`... Written by hand
/// because `format!` costs several times more, and a record has one per speaker, quote and
/// event participant.
fn id(prefix: char, index: usize) -> String {
    let mut digits = json::Digits::new();
    let digits = digits.of(index.saturating_add(1));
    let mut id = String::with_capacity(1 + digits.len());
    id.push(prefix);
    id.extend(digits.iter().map(|&d| char::from(d)));
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_from_one() {
        assert_eq!(id('s', 0), "s1");
        assert_eq!(id('q', 9), "q10");
        assert_eq!(id('s', 1233), "s1234");
    }
}
