//! The compact JSON line of a story written straight from the pipeline's findings, without
//! building its [`Record`](super::record::Record) first.
//!
//! A batch run writes every record once and drops it: building it cost about a twentieth of
//! the run (an owned string for every span, mention, id and value, then freeing them all).
//! [`write_findings`] writes the same bytes as [`build_record`](super::build_record) followed
//! by [`write_record`](super::json::write_record): same keys in the same order, same
//! offsets, same escapes. The tests compare the two on every fixture, on arbitrary text and
//! on the shared corpora; the field order below follows [`build_record`](super::build_record)
//! member for member, and a change to one needs the same change to the other.

use super::json::{
    array, boolean, date_type_name, float, indexed_array, number, optional, optional_string,
    precision_name, quote_kind_name, speaker_kind_name, status_name, string, text_span,
    turn_role_name, variant, write_date_source, write_headers, write_identity, write_kind,
    write_source,
};
use super::offsets::CharOffsets;
use super::Findings;
use super::{event_date, party_name, story_day};
use crate::analyse::attribution::Attribution;
use crate::analyse::context::Context;
use crate::analyse::events::{date_precision, Coding, Party};
use crate::analyse::speakers::{identify, Entity};
use crate::parse::dates::DateMention;
use crate::span::Span;

/// Appends the compact JSON line (no line break) of the record of `found`, with `path` and
/// `id` as given, to `out`. One writer per member of the record, in its order.
#[inline(never)] // A stage of its own in profiles (`scripts/instructions.sh`).
pub(crate) fn write_findings(
    text: &str,
    found: &Findings<'_>,
    path: Option<&str>,
    id: Option<&str>,
    out: &mut Vec<u8>,
) {
    let spans = Spans {
        text,
        offsets: CharOffsets::new(text),
    };
    out.extend_from_slice(b"{\"path\":");
    optional_string(out, path);
    out.extend_from_slice(b",\"id\":");
    optional_string(out, id);
    out.extend_from_slice(b",\"error\":null");
    out.extend_from_slice(b",\"metadata\":");
    write_metadata(&spans, found, out);
    out.extend_from_slice(b",\"speakers\":");
    write_speakers(&spans, &found.attribution.speakers, out);
    out.extend_from_slice(b",\"quotes\":");
    write_quotes(&spans, found, out);
    out.extend_from_slice(b",\"dates\":");
    write_dates(&spans, found.dates, out);
    out.extend_from_slice(b",\"events\":");
    write_events(&spans, found, out);
    out.extend_from_slice(b",\"text\":");
    optional_string(out, found.source.carries_text().then_some(text));
    out.push(b'}');
}

/// The story's text and its code point offsets: what writing a span needs.
struct Spans<'t> {
    text: &'t str,
    offsets: CharOffsets<'t>,
}

impl Spans<'_> {
    /// The `"text":…,"start":…,"end":…` members of a span.
    fn members(&self, out: &mut Vec<u8>, s: Span) {
        text_span(
            out,
            s.slice(self.text),
            self.offsets.char_offset(s.start),
            self.offsets.char_offset(s.end),
        );
    }

    /// A span as an object of its own.
    fn object(&self, s: &Span, out: &mut Vec<u8>) {
        out.push(b'{');
        self.members(out, *s);
        out.push(b'}');
    }
}

/// The `metadata` object.
fn write_metadata(spans: &Spans<'_>, found: &Findings<'_>, out: &mut Vec<u8>) {
    let m = found.metadata;
    out.extend_from_slice(b"{\"agency\":");
    optional_string(out, m.agency.as_deref());
    out.extend_from_slice(b",\"place\":");
    optional_string(out, m.place.as_deref());
    out.extend_from_slice(b",\"date\":");
    optional_string(out, m.date.map(|d| d.value()).as_deref());
    write_date_source(m.date_source, out);
    out.extend_from_slice(b",\"headline\":");
    optional_string(out, m.headline.as_deref());
    out.extend_from_slice(b",\"byline\":");
    optional_string(out, m.byline.as_deref());
    out.extend_from_slice(b",\"dateline\":");
    optional(out, m.dateline.as_ref(), |s, out| spans.object(s, out));
    out.extend_from_slice(b",\"headers\":");
    write_headers(&m.headers, out);
    write_kind(m.doc_type, m.issuer.as_deref(), out);
    let source = &found.source;
    write_source(Some(source.format), source.subjects, source.part, out);
    out.push(b'}');
}

/// The `speakers` array.
fn write_speakers(spans: &Spans<'_>, speakers: &[Entity], out: &mut Vec<u8>) {
    indexed_array(out, speakers, |i, e, out| {
        out.extend_from_slice(b"{\"id\":");
        write_id(out, b's', i);
        out.extend_from_slice(b",\"name\":");
        string(out, &e.name);
        out.extend_from_slice(b",\"kind\":");
        variant(out, speaker_kind_name(e.kind));
        out.extend_from_slice(b",\"title\":");
        optional_string(out, e.title.as_deref());
        let identity = identify(spans.text, e);
        write_identity(
            out,
            identity.country,
            identity.role,
            identity.key.as_deref(),
        );
        out.extend_from_slice(b",\"mentions\":");
        array(out, &e.mentions, |s, out| spans.object(s, out));
        out.push(b'}');
    });
}

/// The `quotes` array, each with its speaker's id and name.
fn write_quotes(spans: &Spans<'_>, found: &Findings<'_>, out: &mut Vec<u8>) {
    let (attribution, dates) = (found.attribution, found.dates);
    let speakers = &attribution.speakers;
    let dateline = found.metadata.dateline;
    let context = crate::analyse::context::read(spans.text, attribution, dates, dateline);
    indexed_array(out, &attribution.statements, |i, st, out| {
        out.extend_from_slice(b"{\"id\":");
        write_id(out, b'q', i);
        out.extend_from_slice(b",\"kind\":");
        variant(out, quote_kind_name(st.kind));
        out.push(b',');
        spans.members(out, st.content);
        out.extend_from_slice(b",\"speaker\":");
        optional(out, st.speaker.as_ref(), |&s, out| {
            out.extend_from_slice(b"{\"id\":");
            write_id(out, b's', s);
            out.extend_from_slice(b",\"name\":");
            string(out, &speakers[s].name);
            out.push(b'}');
        });
        out.extend_from_slice(b",\"speaker_mention\":");
        optional(out, st.speaker_mention.as_ref(), |s, out| {
            spans.object(s, out)
        });
        out.extend_from_slice(b",\"cue\":");
        optional(out, st.cue.as_ref(), |s, out| spans.object(s, out));
        out.extend_from_slice(b",\"role\":");
        optional(out, st.role.as_ref(), |&r, out| {
            variant(out, turn_role_name(r))
        });
        out.extend_from_slice(b",\"reply_to\":");
        optional(out, st.reply_to.as_ref(), |&q, out| write_id(out, b'q', q));
        write_context(spans, &context[i], dates, out);
        out.push(b'}');
    });
}

/// A statement's `addressee`, `channel` and `said_on` members.
fn write_context(spans: &Spans<'_>, c: &Context, dates: &[DateMention], out: &mut Vec<u8>) {
    out.extend_from_slice(b",\"addressee\":");
    optional(out, c.addressee.as_ref(), |a, out| {
        out.extend_from_slice(b"{\"name\":");
        string(out, a.name.slice(spans.text));
        out.extend_from_slice(b",\"speaker_id\":");
        optional(out, a.speaker.as_ref(), |&s, out| write_id(out, b's', s));
        out.extend_from_slice(b",\"start\":");
        number(out, spans.offsets.char_offset(a.name.start));
        out.extend_from_slice(b",\"end\":");
        number(out, spans.offsets.char_offset(a.name.end));
        out.push(b'}');
    });
    out.extend_from_slice(b",\"channel\":");
    optional(out, c.channel.as_ref(), |ch, out| variant(out, ch.name()));
    out.extend_from_slice(b",\"said_on\":");
    optional(out, c.said_on.as_ref(), |&d, out| {
        string(out, &dates[d].value)
    });
}

/// The `dates` array.
fn write_dates(spans: &Spans<'_>, dates: &[DateMention], out: &mut Vec<u8>) {
    array(out, dates, |d, out| {
        out.push(b'{');
        spans.members(out, d.span);
        out.extend_from_slice(b",\"value\":");
        string(out, &d.value);
        out.extend_from_slice(b",\"type\":");
        variant(out, date_type_name(d.date_type));
        out.push(b'}');
    });
}

/// The `events` array, each with its date's value and text and its coding.
fn write_events(spans: &Spans<'_>, found: &Findings<'_>, out: &mut Vec<u8>) {
    let story_day = story_day(found.metadata);
    array(out, found.events, |e, out| {
        let date = e.date.map(|d| &found.dates[d]);
        let (value, source) = event_date(e, found.dates, story_day.as_deref());
        out.extend_from_slice(b"{\"date\":");
        optional_string(out, value);
        out.extend_from_slice(b",\"date_text\":");
        optional_string(out, date.map(|d| d.span.slice(spans.text)));
        out.push(b',');
        spans.members(out, e.clause);
        out.extend_from_slice(b",\"place\":");
        optional_string(out, e.place.as_deref());
        out.extend_from_slice(b",\"participants\":");
        array(out, &e.participants, |&p, out| write_id(out, b's', p));
        write_coding(e.coding.as_ref(), out);
        out.extend_from_slice(b",\"status\":");
        variant(out, status_name(e.status));
        write_parties(spans, found.attribution, e.coding.as_ref(), out);
        out.extend_from_slice(b",\"date_precision\":");
        variant(out, precision_name(date_precision(value)));
        out.extend_from_slice(b",\"date_source\":");
        optional_string(out, source);
        out.push(b'}');
    });
}

/// The members of an event from `event_type` to `goldstein`.
fn write_coding(c: Option<&Coding>, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\"event_type\":");
    optional_string(out, c.map(|c| c.event_type));
    out.extend_from_slice(b",\"mode\":");
    optional_string(out, c.and_then(|c| c.mode));
    out.extend_from_slice(b",\"cameo\":");
    optional_string(out, c.map(|c| c.cameo));
    out.extend_from_slice(b",\"goldstein\":");
    optional(out, c.and_then(|c| c.goldstein).as_ref(), |&g, out| {
        float(out, g)
    });
}

/// The members of an event from `actors` to `quote_id`.
fn write_parties(spans: &Spans<'_>, a: &Attribution, c: Option<&Coding>, out: &mut Vec<u8>) {
    let party = |p: &Party, out: &mut Vec<u8>| {
        out.extend_from_slice(b"{\"name\":");
        string(out, party_name(spans.text, a, p));
        out.extend_from_slice(b",\"speaker_id\":");
        optional(out, p.speaker.as_ref(), |&s, out| write_id(out, b's', s));
        out.extend_from_slice(b",\"country\":");
        optional_string(out, p.country);
        out.extend_from_slice(b",\"sector\":");
        optional_string(out, p.sector);
        let at = |i: usize| spans.offsets.char_offset(i);
        out.extend_from_slice(b",\"start\":");
        optional(out, p.name.map(|n| at(n.start)).as_ref(), |&k, out| {
            number(out, k)
        });
        out.extend_from_slice(b",\"end\":");
        optional(out, p.name.map(|n| at(n.end)).as_ref(), |&k, out| {
            number(out, k)
        });
        out.push(b'}');
    };
    out.extend_from_slice(b",\"actors\":");
    array(out, c.map_or(&[][..], |c| &c.actors), party);
    out.extend_from_slice(b",\"recipients\":");
    array(out, c.map_or(&[][..], |c| &c.recipients), party);
    out.extend_from_slice(b",\"joint\":");
    boolean(out, c.is_some_and(|c| c.joint));
    out.extend_from_slice(b",\"trigger\":");
    optional(out, c.map(|c| &c.trigger), |s, out| spans.object(s, out));
    out.extend_from_slice(b",\"quote_id\":");
    optional(out, c.and_then(|c| c.quote).as_ref(), |&q, out| {
        write_id(out, b'q', q)
    });
}

/// The id of the `index`-th (from 0) speaker or quote in quotation marks, as
/// [`id`](super::id) makes it: `"s1"`, `"q12"` (letters and digits, which JSON does not
/// escape).
fn write_id(out: &mut Vec<u8>, prefix: u8, index: usize) {
    out.push(b'"');
    out.push(prefix);
    number(out, index.saturating_add(1));
    out.push(b'"');
}
