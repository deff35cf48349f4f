//! Output: the public record ([`record`]), its JSON Schema ([`schema`]), its compact JSON line
//! ([`json`]), the records of many stories as rows, a graph and a report ([`archive`]), the conversion of the library's internal byte spans into code point offsets
//! ([`offsets`]), and the timeline of many stories' records ([`merge`]).

pub mod archive;
pub mod json;
mod line;
pub mod merge;
pub mod offsets;
pub mod quotes;
pub mod record;
pub mod schema;
pub mod speakers;

use crate::analyse::attribution::Attribution;
use crate::analyse::events::{date_precision, Party};
use crate::analyse::speakers::{identify, Entity};
use crate::analyse::timeline::EventFound;
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::span::Span;
use crate::vocab::Format;
pub(crate) use line::write_findings;
use offsets::CharOffsets;
use record::{
    Addressee, DateExpression, Event, EventParty, Metadata, Quote, Record, Speaker, SpeakerRef,
    TextSpan,
};

/// Everything the pipeline found in one story, in byte spans.
pub(crate) struct Findings<'a> {
    pub metadata: &'a StoryMetadata,
    pub attribution: &'a Attribution,
    pub dates: &'a [DateMention],
    pub events: &'a [EventFound],
    pub source: Source<'a>,
}

/// Where a story's text came from: its format, and what its markup gave beyond the metadata
/// fields the pipeline reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'a> {
    pub format: Format,
    pub subjects: &'a [String],
    pub part: Option<usize>,
}

impl Source<'_> {
    /// A plain text story.
    pub const PLAIN: Source<'static> = Source {
        format: Format::PlainText,
        subjects: &[],
        part: None,
    };

    /// Whether the record carries the text (its input was not the text itself).
    pub fn carries_text(&self) -> bool {
        self.format != Format::PlainText
    }
}

/// Builds the public record of a story from the pipeline's findings, one member at a time.
pub(crate) fn build_record(text: &str, found: Findings<'_>) -> Record {
    let spans = Spans {
        text,
        offsets: CharOffsets::new(text),
    };
    Record {
        path: None,
        id: None,
        error: None,
        metadata: metadata(&spans, found.metadata, &found.source),
        speakers: speakers(&spans, &found.attribution.speakers),
        quotes: quotes(&spans, &found),
        dates: dates(&spans, found.dates),
        events: events(&spans, &found),
        text: found.source.carries_text().then(|| text.to_string()),
    }
}

/// The story's text and its code point offsets: what turning a byte span into a
/// [`TextSpan`] needs.
struct Spans<'t> {
    text: &'t str,
    offsets: CharOffsets<'t>,
}

impl Spans<'_> {
    fn span(&self, s: Span) -> TextSpan {
        TextSpan {
            text: s.slice(self.text).to_string(),
            start: self.offsets.char_offset(s.start),
            end: self.offsets.char_offset(s.end),
        }
    }
}

/// The record's `metadata`.
fn metadata(spans: &Spans<'_>, m: &StoryMetadata, source: &Source<'_>) -> Metadata {
    Metadata {
        agency: m.agency.clone(),
        place: m.place.clone(),
        date: m.date.map(|d| d.value()),
        date_source: m.date_source,
        headline: m.headline.clone(),
        byline: m.byline.clone(),
        dateline: m.dateline.map(|s| spans.span(s)),
        headers: m.headers.clone(),
        doc_type: m.doc_type,
        issuer: m.issuer.as_deref().map(str::to_string),
        format: Some(source.format),
        subjects: source.subjects.to_vec(),
        part: source.part,
    }
}

/// The record's `speakers`.
fn speakers(spans: &Spans<'_>, entities: &[Entity]) -> Vec<Speaker> {
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let identity = identify(spans.text, e);
            Speaker {
                id: id('s', i),
                name: e.name.clone(),
                kind: e.kind,
                title: e.title.clone(),
                country: identity.country.map(str::to_string),
                role: identity.role,
                key: identity.key,
                mentions: e.mentions.iter().map(|&s| spans.span(s)).collect(),
            }
        })
        .collect()
}

/// The record's `quotes`, each with its speaker's id and name.
fn quotes(spans: &Spans<'_>, found: &Findings<'_>) -> Vec<Quote> {
    let (attribution, dates) = (found.attribution, found.dates);
    let dateline = found.metadata.dateline;
    let context = crate::analyse::context::read(spans.text, attribution, dates, dateline);
    attribution
        .statements
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let content = spans.span(st.content);
            Quote {
                id: id('q', i),
                kind: st.kind,
                text: content.text,
                start: content.start,
                end: content.end,
                speaker: st.speaker.map(|s| SpeakerRef {
                    id: id('s', s),
                    name: attribution.speakers[s].name.clone(),
                }),
                speaker_mention: st.speaker_mention.map(|s| spans.span(s)),
                cue: st.cue.map(|s| spans.span(s)),
                role: st.role,
                reply_to: st.reply_to.map(|q| id('q', q)),
                addressee: context[i].addressee.as_ref().map(|a| {
                    let name = spans.span(a.name);
                    Addressee {
                        name: name.text,
                        speaker_id: a.speaker.map(|s| id('s', s)),
                        start: name.start,
                        end: name.end,
                    }
                }),
                channel: context[i].channel,
                said_on: context[i].said_on.map(|d| dates[d].value.clone()),
            }
        })
        .collect()
}

/// The record's `dates`.
fn dates(spans: &Spans<'_>, dates: &[DateMention]) -> Vec<DateExpression> {
    dates
        .iter()
        .map(|d| {
            let s = spans.span(d.span);
            DateExpression {
                text: s.text,
                start: s.start,
                end: s.end,
                value: d.value.clone(),
                date_type: d.date_type,
            }
        })
        .collect()
}

/// The story's date when it is a day with its year (`2022-01-18`): the date of the acts it
/// reports as its own news (see [`event_date`]).
pub(crate) fn story_day(metadata: &StoryMetadata) -> Option<String> {
    metadata
        .date
        .filter(|d| d.year.is_some())
        .map(|d| d.value())
}

/// An event's date as the record gives it, and where it comes from (`date_source`): the date
/// its clause gives (`text`); else, for an act the story reports as its own news (coded and
/// `actual`), the story's day (`story`): a wire story reports the day's acts without a date
/// (`Iran rejected the accusations`), and event data dates them by the story, as ICEWS and
/// GDELT do; else none. A planned, conditional or negated act keeps no date.
pub(crate) fn event_date<'a>(
    e: &EventFound,
    dates: &'a [DateMention],
    story_day: Option<&'a str>,
) -> (Option<&'a str>, Option<&'static str>) {
    if let Some(d) = e.date {
        return (Some(dates[d].value.as_str()), Some("text"));
    }
    let news = e.coding.is_some() && e.status == crate::vocab::EventStatus::Actual;
    match story_day.filter(|_| news) {
        Some(day) => (Some(day), Some("story")),
        None => (None, None),
    }
}

/// The record's `events`, each with its date's value and text and its coding.
fn events(spans: &Spans<'_>, found: &Findings<'_>) -> Vec<Event> {
    let story_day = story_day(found.metadata);
    found
        .events
        .iter()
        .map(|e| {
            let date = e.date.map(|d| &found.dates[d]);
            let (value, source) = event_date(e, found.dates, story_day.as_deref());
            let clause = spans.span(e.clause);
            let coding = e.coding.as_ref();
            let parties = |ps: &[Party]| -> Vec<EventParty> {
                ps.iter()
                    .map(|p| party(spans, found.attribution, p))
                    .collect()
            };
            Event {
                date: value.map(str::to_string),
                date_text: date.map(|d| d.span.slice(spans.text).to_string()),
                text: clause.text,
                start: clause.start,
                end: clause.end,
                place: e.place.clone(),
                participants: e.participants.iter().map(|&p| id('s', p)).collect(),
                event_type: coding.map(|c| c.event_type.to_string()),
                mode: coding.and_then(|c| c.mode.map(str::to_string)),
                cameo: coding.map(|c| c.cameo.to_string()),
                goldstein: coding.and_then(|c| c.goldstein),
                status: e.status,
                actors: coding.map_or_else(Vec::new, |c| parties(&c.actors)),
                recipients: coding.map_or_else(Vec::new, |c| parties(&c.recipients)),
                joint: coding.is_some_and(|c| c.joint),
                trigger: coding.map(|c| spans.span(c.trigger)),
                quote_id: coding.and_then(|c| c.quote.map(|q| id('q', q))),
                date_precision: date_precision(value),
                date_source: source.map(str::to_string),
            }
        })
        .collect()
}

/// An actor or recipient: its words, or its speaker's name when it has none.
fn party(spans: &Spans<'_>, attribution: &Attribution, p: &Party) -> EventParty {
    EventParty {
        name: party_name(spans.text, attribution, p).to_string(),
        speaker_id: p.speaker.map(|s| id('s', s)),
        country: p.country.map(str::to_string),
        sector: p.sector.map(str::to_string),
        start: p.name.map(|n| spans.offsets.char_offset(n.start)),
        end: p.name.map(|n| spans.offsets.char_offset(n.end)),
    }
}

/// The name of a party: its words, or its speaker's name.
pub(crate) fn party_name<'t>(text: &'t str, attribution: &'t Attribution, p: &Party) -> &'t str {
    match (p.name, p.speaker) {
        (Some(n), _) => n.slice(text),
        (None, Some(s)) => &attribution.speakers[s].name,
        (None, None) => "",
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
