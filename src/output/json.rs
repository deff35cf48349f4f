//! The compact JSON line of a [`Record`], written straight into a byte buffer.
//!
//! The command line turns every record into one JSON line, and on news wire stories that is
//! about an eighth of the whole run when it goes through `serde_json`: most of the output is
//! story text (quotes, event clauses, mentions), and `serde_json` looks up every byte of it in
//! an escape table. [`write_record`] writes exactly the bytes `serde_json::to_vec` writes for a
//! [`Record`] (same keys in the same order, same numbers, same escapes; the tests compare the
//! two on arbitrary records) but tests eight bytes of a string at a time for a byte that needs
//! an escape and copies the runs between escapes whole.
//!
//! The record types' `Serialize` derives stay the contract: the pretty output, the library's
//! users and the JSON Schema go through them. Each writer below destructures its type
//! completely, so that a field added to a record type fails to compile here until it is
//! written too.

use super::record::{
    Addressee, DateExpression, DatePrecision, DateSource, DateType, DocType, Event, EventParty,
    EventStatus, Format, Metadata, Quote, QuoteKind, Record, Speaker, SpeakerKind, SpeakerRef,
    SpeakerRole, TextSpan, TurnRole,
};
use std::collections::BTreeMap;

/// Appends the compact JSON of `record` to `out`: the bytes `serde_json::to_writer` writes,
/// without a line break.
pub fn write_record(record: &Record, out: &mut Vec<u8>) {
    let Record {
        path,
        id,
        error,
        metadata,
        speakers,
        quotes,
        dates,
        events,
        text,
    } = record;
    out.extend_from_slice(b"{\"path\":");
    optional_string(out, path.as_deref());
    out.extend_from_slice(b",\"id\":");
    optional_string(out, id.as_deref());
    out.extend_from_slice(b",\"error\":");
    optional_string(out, error.as_deref());
    out.extend_from_slice(b",\"metadata\":");
    write_metadata(metadata, out);
    out.extend_from_slice(b",\"speakers\":");
    array(out, speakers, write_speaker);
    out.extend_from_slice(b",\"quotes\":");
    array(out, quotes, write_quote);
    out.extend_from_slice(b",\"dates\":");
    array(out, dates, write_date);
    out.extend_from_slice(b",\"events\":");
    array(out, events, write_event);
    out.extend_from_slice(b",\"text\":");
    optional_string(out, text.as_deref());
    out.push(b'}');
}

fn write_metadata(metadata: &Metadata, out: &mut Vec<u8>) {
    let Metadata {
        agency,
        place,
        date,
        date_source,
        headline,
        byline,
        dateline,
        headers,
        doc_type,
        issuer,
        format,
        subjects,
        part,
    } = metadata;
    out.extend_from_slice(b"{\"agency\":");
    optional_string(out, agency.as_deref());
    out.extend_from_slice(b",\"place\":");
    optional_string(out, place.as_deref());
    out.extend_from_slice(b",\"date\":");
    optional_string(out, date.as_deref());
    write_date_source(*date_source, out);
    out.extend_from_slice(b",\"headline\":");
    optional_string(out, headline.as_deref());
    out.extend_from_slice(b",\"byline\":");
    optional_string(out, byline.as_deref());
    out.extend_from_slice(b",\"dateline\":");
    optional(out, dateline.as_ref(), write_span);
    out.extend_from_slice(b",\"headers\":");
    write_headers(headers, out);
    write_kind(*doc_type, issuer.as_deref(), out);
    write_source(*format, subjects, *part, out);
    out.push(b'}');
}

/// The `date_source` member of the metadata.
pub(super) fn write_date_source(source: Option<DateSource>, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\"date_source\":");
    optional(out, source.as_ref(), |s, out| {
        variant(
            out,
            match s {
                DateSource::Given => "given",
                DateSource::Text => "text",
                DateSource::Option => "option",
                DateSource::Path => "path",
            },
        )
    });
}

/// The `format`, `subjects` and `part` members of the metadata.
pub(super) fn write_source(
    format: Option<Format>,
    subjects: &[String],
    part: Option<usize>,
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b",\"format\":");
    optional(out, format.as_ref(), |f, out| variant(out, f.name()));
    out.extend_from_slice(b",\"subjects\":");
    array(out, subjects, |s, out| string(out, s));
    out.extend_from_slice(b",\"part\":");
    optional(out, part.as_ref(), |&p, out| number(out, p));
}

/// The `doc_type` and `issuer` members of the metadata.
pub(super) fn write_kind(doc_type: Option<DocType>, issuer: Option<&str>, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\"doc_type\":");
    optional(out, doc_type.as_ref(), |d, out| variant(out, d.name()));
    out.extend_from_slice(b",\"issuer\":");
    optional_string(out, issuer);
}

pub(super) fn write_headers(headers: &BTreeMap<String, String>, out: &mut Vec<u8>) {
    out.push(b'{');
    for (i, (key, value)) in headers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, key);
        out.push(b':');
        string(out, value);
    }
    out.push(b'}');
}

fn write_span(span: &TextSpan, out: &mut Vec<u8>) {
    let TextSpan { text, start, end } = span;
    out.push(b'{');
    text_span(out, text, *start, *end);
    out.push(b'}');
}

fn write_speaker(speaker: &Speaker, out: &mut Vec<u8>) {
    let Speaker {
        id,
        name,
        kind,
        title,
        country,
        role,
        key,
        mentions,
    } = speaker;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"name\":");
    string(out, name);
    out.extend_from_slice(b",\"kind\":");
    variant(out, speaker_kind_name(*kind));
    out.extend_from_slice(b",\"title\":");
    optional_string(out, title.as_deref());
    write_identity(out, country.as_deref(), *role, key.as_deref());
    out.extend_from_slice(b",\"mentions\":");
    array(out, mentions, write_span);
    out.push(b'}');
}

fn write_quote(quote: &Quote, out: &mut Vec<u8>) {
    let Quote {
        id,
        kind,
        text,
        start,
        end,
        speaker,
        speaker_mention,
        cue,
        role,
        reply_to,
        addressee,
        channel,
        said_on,
    } = quote;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"kind\":");
    variant(out, quote_kind_name(*kind));
    out.push(b',');
    text_span(out, text, *start, *end);
    out.extend_from_slice(b",\"speaker\":");
    optional(out, speaker.as_ref(), write_speaker_ref);
    out.extend_from_slice(b",\"speaker_mention\":");
    optional(out, speaker_mention.as_ref(), write_span);
    out.extend_from_slice(b",\"cue\":");
    optional(out, cue.as_ref(), write_span);
    out.extend_from_slice(b",\"role\":");
    optional(out, role.as_ref(), |&r, out| {
        variant(out, turn_role_name(r))
    });
    out.extend_from_slice(b",\"reply_to\":");
    optional_string(out, reply_to.as_deref());
    out.extend_from_slice(b",\"addressee\":");
    optional(out, addressee.as_ref(), write_addressee);
    out.extend_from_slice(b",\"channel\":");
    optional(out, channel.as_ref(), |c, out| variant(out, c.name()));
    out.extend_from_slice(b",\"said_on\":");
    optional_string(out, said_on.as_deref());
    out.push(b'}');
}

fn write_addressee(addressee: &Addressee, out: &mut Vec<u8>) {
    let Addressee {
        name,
        speaker_id,
        start,
        end,
    } = addressee;
    out.extend_from_slice(b"{\"name\":");
    string(out, name);
    out.extend_from_slice(b",\"speaker_id\":");
    optional_string(out, speaker_id.as_deref());
    out.extend_from_slice(b",\"start\":");
    number(out, *start);
    out.extend_from_slice(b",\"end\":");
    number(out, *end);
    out.push(b'}');
}

fn write_speaker_ref(speaker: &SpeakerRef, out: &mut Vec<u8>) {
    let SpeakerRef { id, name } = speaker;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"name\":");
    string(out, name);
    out.push(b'}');
}

fn write_date(date: &DateExpression, out: &mut Vec<u8>) {
    let DateExpression {
        text,
        start,
        end,
        value,
        date_type,
    } = date;
    out.push(b'{');
    text_span(out, text, *start, *end);
    out.extend_from_slice(b",\"value\":");
    string(out, value);
    // Renamed from `date_type` by the serde derive.
    out.extend_from_slice(b",\"type\":");
    variant(out, date_type_name(*date_type));
    out.push(b'}');
}

fn write_event(event: &Event, out: &mut Vec<u8>) {
    let Event {
        date,
        date_text,
        text,
        start,
        end,
        place,
        participants,
        event_type,
        mode,
        cameo,
        goldstein,
        status,
        actors,
        recipients,
        joint,
        trigger,
        quote_id,
        date_precision,
        date_source,
    } = event;
    out.extend_from_slice(b"{\"date\":");
    optional_string(out, date.as_deref());
    out.extend_from_slice(b",\"date_text\":");
    optional_string(out, date_text.as_deref());
    out.push(b',');
    text_span(out, text, *start, *end);
    out.extend_from_slice(b",\"place\":");
    optional_string(out, place.as_deref());
    out.extend_from_slice(b",\"participants\":");
    array(out, participants, |p, out| string(out, p));
    out.extend_from_slice(b",\"event_type\":");
    optional_string(out, event_type.as_deref());
    out.extend_from_slice(b",\"mode\":");
    optional_string(out, mode.as_deref());
    out.extend_from_slice(b",\"cameo\":");
    optional_string(out, cameo.as_deref());
    out.extend_from_slice(b",\"goldstein\":");
    optional(out, goldstein.as_ref(), |&g, out| float(out, g));
    out.extend_from_slice(b",\"status\":");
    variant(out, status_name(*status));
    out.extend_from_slice(b",\"actors\":");
    array(out, actors, write_party);
    out.extend_from_slice(b",\"recipients\":");
    array(out, recipients, write_party);
    out.extend_from_slice(b",\"joint\":");
    boolean(out, *joint);
    out.extend_from_slice(b",\"trigger\":");
    optional(out, trigger.as_ref(), write_span);
    out.extend_from_slice(b",\"quote_id\":");
    optional_string(out, quote_id.as_deref());
    out.extend_from_slice(b",\"date_precision\":");
    variant(out, precision_name(*date_precision));
    out.extend_from_slice(b",\"date_source\":");
    optional_string(out, date_source.as_deref());
    out.push(b'}');
}

fn write_party(party: &EventParty, out: &mut Vec<u8>) {
    let EventParty {
        name,
        speaker_id,
        country,
        sector,
        start,
        end,
    } = party;
    out.extend_from_slice(b"{\"name\":");
    string(out, name);
    out.extend_from_slice(b",\"speaker_id\":");
    optional_string(out, speaker_id.as_deref());
    out.extend_from_slice(b",\"country\":");
    optional_string(out, country.as_deref());
    out.extend_from_slice(b",\"sector\":");
    optional_string(out, sector.as_deref());
    out.extend_from_slice(b",\"start\":");
    optional(out, start.as_ref(), |&k, out| number(out, k));
    out.extend_from_slice(b",\"end\":");
    optional(out, end.as_ref(), |&k, out| number(out, k));
    out.push(b'}');
}

/// `true` or `false`.
pub(super) fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// A float as `serde_json` writes it (it is `serde_json` that writes it: a score per event
/// is too rare to be worth a writer of our own).
pub(super) fn float(out: &mut Vec<u8>, f: f64) {
    serde_json::to_writer(out, &f).expect("writing to a Vec cannot fail");
}

/// The snake_case name the serde derive gives each variant.
pub fn status_name(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Actual => "actual",
        EventStatus::Future => "future",
        EventStatus::Hypothetical => "hypothetical",
        EventStatus::Negated => "negated",
    }
}

/// The snake_case name the serde derive gives each variant.
pub fn precision_name(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Unknown => "unknown",
    }
}

/// The `"text":…,"start":…,"end":…` members that every piece of the story carries (a span,
/// a quote, a date, an event), in the order the record types declare them.
pub(super) fn text_span(out: &mut Vec<u8>, text: &str, start: usize, end: usize) {
    out.extend_from_slice(b"\"text\":");
    string(out, text);
    out.extend_from_slice(b",\"start\":");
    number(out, start);
    out.extend_from_slice(b",\"end\":");
    number(out, end);
}

/// A speaker's `country`, `role` and `key` members.
pub(super) fn write_identity(
    out: &mut Vec<u8>,
    country: Option<&str>,
    role: Option<SpeakerRole>,
    key: Option<&str>,
) {
    out.extend_from_slice(b",\"country\":");
    optional_string(out, country);
    out.extend_from_slice(b",\"role\":");
    optional(out, role.as_ref(), |r, out| variant(out, r.as_str()));
    out.extend_from_slice(b",\"key\":");
    optional_string(out, key);
}

/// The snake_case name the serde derive gives each variant.
pub fn speaker_kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Group => "group",
        SpeakerKind::Unknown => "unknown",
    }
}

/// The snake_case name the serde derive gives each variant.
pub fn quote_kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// The snake_case name the serde derive gives each variant.
pub fn turn_role_name(role: TurnRole) -> &'static str {
    match role {
        TurnRole::Question => "question",
        TurnRole::Answer => "answer",
        TurnRole::Statement => "statement",
    }
}

/// The snake_case name the serde derive gives each variant.
pub fn date_type_name(date_type: DateType) -> &'static str {
    match date_type {
        DateType::Date => "date",
        DateType::Time => "time",
        DateType::Duration => "duration",
        DateType::Set => "set",
    }
}

/// A variant's name in quotation marks: the names are lower-case words, which JSON does not
/// escape (the tests check them against the derive), so they skip [`string`]'s tests.
pub(super) fn variant(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// `[item,item,...]`.
pub(super) fn array<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&T, &mut Vec<u8>)) {
    indexed_array(out, items, |_, item, out| write(item, out));
}

/// [`array`], with each item's index (ids are numbered by their place in their list).
pub(super) fn indexed_array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    write: impl Fn(usize, &T, &mut Vec<u8>),
) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(i, item, out);
    }
    out.push(b']');
}

/// The value, or `null`.
pub(super) fn optional<T>(out: &mut Vec<u8>, value: Option<&T>, write: impl Fn(&T, &mut Vec<u8>)) {
    match value {
        Some(value) => write(value, out),
        None => out.extend_from_slice(b"null"),
    }
}

/// The string, or `null`.
pub(super) fn optional_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => string(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// The decimal digits of `n`, as `serde_json` writes an unsigned integer.
///
/// Ids and offsets into a story have four digits at most: they are written from their pairs
/// of digits as one fixed-length copy each, with no loop.
pub(super) fn number(out: &mut Vec<u8>, n: usize) {
    let digit = |d: usize| b'0' + d as u8;
    let pair = |p: usize| [PAIRS[2 * p], PAIRS[2 * p + 1]];
    match n {
        0..10 => out.push(digit(n)),
        10..100 => out.extend_from_slice(&pair(n)),
        100..1000 => {
            let [tens, ones] = pair(n % 100);
            out.extend_from_slice(&[digit(n / 100), tens, ones]);
        }
        1000..10_000 => {
            let ([a, b], [c, d]) = (pair(n / 100), pair(n % 100));
            out.extend_from_slice(&[a, b, c, d]);
        }
        _ => long_number(out, n),
    }
}

/// [`number`] of five digits or more.
///
/// Up to eight digits (any offset into a story) are put together in one word, two at a time
/// from the last, each pair shifting the ones after it up: the first digit ends up in the
/// lowest byte. The word is written whole and cut back to the digits, with no `memcpy` call
/// and no push per digit.
fn long_number(out: &mut Vec<u8>, n: usize) {
    if n >= 100_000_000 {
        let mut digits = Digits::new();
        out.extend_from_slice(digits.of(n));
        return;
    }
    let pair = |p: usize| u64::from(u16::from_le_bytes([PAIRS[2 * p], PAIRS[2 * p + 1]]));
    let (mut word, mut len, mut rest) = (0u64, 0, n);
    while rest >= 100 {
        word = word << 16 | pair(rest % 100);
        rest /= 100;
        len += 2;
    }
    if rest >= 10 {
        word = word << 16 | pair(rest);
        len += 2;
    } else {
        word = word << 8 | u64::from(b'0' + rest as u8);
        len += 1;
    }
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

/// The two digits of every number below 100: `00`, `01`... `99`.
const PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut p = 0;
    while p < 100 {
        pairs[2 * p] = b'0' + (p / 10) as u8;
        pairs[2 * p + 1] = b'0' + (p % 10) as u8;
        p += 1;
    }
    pairs
};

/// A buffer for the decimal digits of an unsigned integer, filled from its end.
pub(crate) struct Digits {
    buffer: [u8; Digits::MAX_LEN],
}

impl Digits {
    /// The digits of the largest `usize`.
    const MAX_LEN: usize = usize::MAX.ilog10() as usize + 1;

    /// An empty buffer.
    pub(crate) fn new() -> Digits {
        Digits {
            buffer: [0; Digits::MAX_LEN],
        }
    }

    /// The decimal digits of `n`, without leading zeros (`0` for zero).
    pub(crate) fn of(&mut self, mut n: usize) -> &[u8] {
        let mut start = self.buffer.len();
        for slot in self.buffer.iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
            start -= 1;
            if n == 0 {
                break;
            }
        }
        &self.buffer[start..]
    }
}

/// Every byte of a 64-bit word set to `byte`.
const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The bytes of `word` (little-endian) that must be escaped in a JSON string, a control
/// character (below 0x20), a quotation mark or a backslash, as their high bit (0x80) set.
///
/// Each test adds to the low seven bits of every byte, which cannot carry into the next byte:
/// `low7 + 0x60` reaches 0x80 when the byte is 0x20 or more, and `low7(b ^ c) + 0x7F` reaches
/// 0x80 when `b` differs from `c` in its low seven bits. A byte needs an escape when it has
/// its own high bit clear (ASCII; nothing else is escaped) and one of the tests stays below
/// 0x80.
fn escapes(word: u64) -> u64 {
    const LOW7: u64 = splat(0x7F);
    let printable = (word & LOW7) + splat(0x60);
    let not_quote = ((word ^ splat(b'"')) & LOW7) + LOW7;
    let not_backslash = ((word ^ splat(b'\\')) & LOW7) + LOW7;
    !((printable & not_quote & not_backslash) | word) & splat(0x80)
}

/// Writes the escape of `byte` as `serde_json` does: `\"`, `\\`, the short forms `\b` `\t`
/// `\n` `\f` `\r`, and `\u00XX` with lower-case hexadecimal digits for other control
/// characters.
fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0C => b'f',
        b'\r' => b'r',
        _ => {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// A JSON string: quotation marks around `s` with `"`, `\` and control characters escaped.
/// Like `serde_json`, everything else (non-ASCII, U+2028, DEL) is written as it is.
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Most strings of a record are shorter than two words (ids, date values, names, pronouns,
    // mentions). One with nothing to escape is held in one or two words, which are written
    // whole and cut back to its length: no `memcpy` call for a few bytes.
    if bytes.len() < 8 {
        // Padded with spaces; the string's first byte ends up in the word's lowest.
        let word = bytes
            .iter()
            .rev()
            .fold(splat(b' '), |word, &b| word << 8 | u64::from(b));
        if escapes(word) == 0 {
            return write_words(out, &[word], bytes.len());
        }
    } else if let (Some(first), Some(last), true) = (
        bytes.first_chunk::<8>(),
        bytes.last_chunk::<8>(),
        bytes.len() < 16,
    ) {
        let (first, last) = (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
        if escapes(first) | escapes(last) == 0 {
            // The last word overlaps the first: its bytes after the first word, moved down.
            let rest = last.checked_shr(8 * (16 - bytes.len() as u32));
            return write_words(out, &[first, rest.unwrap_or(0)], bytes.len());
        }
    }
    string_in_runs(out, bytes);
}

/// Writes a string of `len` bytes held in `words` (its first byte in the first word's lowest),
/// in quotation marks. Inlined, so that the words stay in registers and the loop unrolls.
#[inline(always)]
fn write_words(out: &mut Vec<u8>, words: &[u64], len: usize) {
    let end = out.len() + 1 + len;
    out.reserve(2 + 8 * words.len());
    out.push(b'"');
    for word in words {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.truncate(end);
    out.push(b'"');
}

/// The words [`string_in_runs`] tests at once.
const WORDS_PER_BLOCK: usize = 4;

/// [`string`] for any string: the runs between its escapes are copied whole.
#[inline(never)]
fn string_in_runs(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[plain..]` is not written yet; everything before it is.
    let mut plain = 0;
    let (words, tail) = bytes.as_chunks::<8>();
    // Four words at a time, with one test for all: most blocks of story text need no escape
    // and are copied with the run they are in (one test per word cost a tenth more).
    let (blocks, last_words) = words.as_chunks::<WORDS_PER_BLOCK>();
    for (b, block) in blocks.iter().enumerate() {
        let found = block.map(|w| escapes(u64::from_le_bytes(w)));
        if found.iter().fold(0, |any, f| any | f) != 0 {
            for (k, found) in found.into_iter().enumerate() {
                if found != 0 {
                    let offset = (b * WORDS_PER_BLOCK + k) * 8;
                    write_escapes(out, bytes, &mut plain, offset, found);
                }
            }
        }
    }
    for (k, word) in last_words.iter().enumerate() {
        let found = escapes(u64::from_le_bytes(*word));
        if found != 0 {
            let offset = (blocks.len() * WORDS_PER_BLOCK + k) * 8;
            write_escapes(out, bytes, &mut plain, offset, found);
        }
    }
    if !tail.is_empty() {
        match bytes.last_chunk::<8>() {
            Some(last) => {
                // The last eight bytes end with the tail; the bytes before it were tested
                // with the words.
                let before_tail = 8 * (8 - tail.len() as u32);
                let found = escapes(u64::from_le_bytes(*last)) & (u64::MAX << before_tail);
                if found != 0 {
                    write_escapes(out, bytes, &mut plain, bytes.len() - 8, found);
                }
            }
            // A string shorter than a word is tested as one word, padded with spaces.
            None => {
                let mut word = [b' '; 8];
                word[..tail.len()].copy_from_slice(tail);
                let found = escapes(u64::from_le_bytes(word));
                if found != 0 {
                    write_escapes(out, bytes, &mut plain, 0, found);
                }
            }
        }
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

/// Writes the escapes `found` (as [`escapes`] marks them) in the word at `offset` of `bytes`,
/// each after the plain run before it, and moves `plain` past them.
fn write_escapes(out: &mut Vec<u8>, bytes: &[u8], plain: &mut usize, offset: usize, found: u64) {
    let mut found = found;
    while found != 0 {
        let at = offset + (found.trailing_zeros() / 8) as usize;
        if let Some(&byte) = bytes.get(at) {
            out.extend_from_slice(&bytes[*plain..at]);
            write_escape(out, byte);
            *plain = at + 1;
        }
        // Clears the lowest mark.
        found &= found - 1;
    }
}

#[cfg(test)]
mod tests;
