//! The public JSON record: one per story. This is a versioned contract (see the README
//! section "The record"): keys are snake_case, every key is always present (`null` or `[]`
//! when unknown), and every offset counts Unicode code points into the decoded input text,
//! byte order mark excluded, so that Python's `text[start:end]` returns the span.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::vocab::{
    Channel, DatePrecision, DateSource, DateType, DocType, EventStatus, Format, QuoteKind,
    SpeakerKind, SpeakerRole, TurnRole,
};

/// Everything `statements` reads from one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The input file as given on the command line (directories walked), or `null` for stdin
    /// and JSON Lines input.
    pub path: Option<String>,
    /// The `id` of the JSON Lines input record; else the identifier the markup gives the story
    /// (a NewsML-G2 item's `guid`, an NITF `doc-id`); else `null`.
    pub id: Option<String>,
    /// Why this input could not be analysed, or `null` when it was. An error record still has
    /// every other key, with empty values.
    pub error: Option<String>,
    /// The story's metadata: agency, dateline, headline, byline, header lines.
    pub metadata: Metadata,
    /// The sources quoted in the story, one entry per real-world speaker.
    pub speakers: Vec<Speaker>,
    /// Statements: direct, partial and indirect (reported) speech, in text order.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, in text order, with TIMEX3-style normalised values.
    pub dates: Vec<DateExpression>,
    /// Dated happenings the story reports, in text order.
    pub events: Vec<Event>,
    /// The text the analysis read, when it is not the input itself: the article extracted
    /// from an HTML page, the body of a NewsML-G2 or NITF item, the message of a wire
    /// transmission without its framing, laid out as a plain story (headline, byline,
    /// paragraphs apart by blank lines). Every offset of this record then indexes this text,
    /// so that `text[start:end]` returns the span. `null` for plain text, whose offsets index
    /// the input.
    pub text: Option<String>,
}

/// A stretch of the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextSpan {
    /// The covered text, exactly `input[start:end]`.
    pub text: String,
    /// Start offset in Unicode code points.
    pub start: usize,
    /// End offset (exclusive) in Unicode code points.
    pub end: usize,
}

/// Story metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The news agency or publisher credited (`TASS`, `Reuters`, `AP`, `Xinhua`...).
    pub agency: Option<String>,
    /// The dateline place as written (`MOSCOW`, `IGORA /Leningrad Region/`), or the venue
    /// line of a transcript's header (`East Room`).
    pub place: Option<String>,
    /// The story date, `YYYY-MM-DD`; `XXXX-MM-DD` when the text gives no year.
    pub date: Option<String>,
    /// Where `date` comes from, in the order they win: `given` (a `--jsonl` record's `date`),
    /// `text` (the document's own date; a year it omits is taken from `--date` or the path),
    /// `option` (`--date`, when the text gives no date), `path` (the file's path, as
    /// `2022/01/18/` or `20220118`, when the text gives none and there is no `--date`);
    /// `null` when there is no date.
    pub date_source: Option<DateSource>,
    /// The headline or title.
    pub headline: Option<String>,
    /// The byline (`By Jane Doe`), without the `By`.
    pub byline: Option<String>,
    /// The dateline as it appears in the text (`MOSCOW, January 18. /TASS/.`).
    pub dateline: Option<TextSpan>,
    /// Header lines at the top of the story (`Date: 2022-01-18`), keys lower-cased; for wire
    /// framing also its header fields (`selector`, `priority`, `category`, `keyword`,
    /// `word_count`, `tags`, `eds`), for an HTML page its `publisher`.
    pub headers: BTreeMap<String, String>,
    /// What kind of document this is: a news story (`wire_story`) or a statement as its issuer
    /// publishes it (`briefing`, `press_conference`, `remarks`, `interview`, `statement`,
    /// `joint_statement`, `readout`, `meeting_record`); `null` only for an empty text.
    pub doc_type: Option<DocType>,
    /// The institution that publishes the document (`The White House`, `U.S. Department of
    /// State`, `Ministry of Foreign Affairs of the People's Republic of China`, `NATO`); an
    /// institution our list of issuers does not hold as the document's first line names it
    /// (`Embassy of Nordmark in Veloria`); or `null`: always `null` for a `wire_story`, whose
    /// publisher is `agency`.
    pub issuer: Option<String>,
    /// The format the story arrived in, told from its content: `plain_text`, `html`,
    /// `newsml_g2`, `nitf`, `iptc7901` or `anpa1312`; `null` only in an error record.
    pub format: Option<Format>,
    /// The subjects the markup gives (NewsML-G2 `subject` names or codes, NITF
    /// `tobject.subject`), in document order; empty for plain text.
    pub subjects: Vec<String>,
    /// For a document holding several stories (the items of a NewsML-G2 `newsMessage`, the
    /// messages of a wire file), this story's index among them, from 0; else `null`.
    pub part: Option<usize>,
}

/// One source quoted in the story, with all the mentions that refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Identifier within this record: `s1`, `s2`, ...
    pub id: String,
    /// Canonical name: the fullest name used in the story (`Sergey Lavrov`).
    pub name: String,
    /// Person, organization, group or unknown.
    pub kind: SpeakerKind,
    /// Title or role where the story gives one (`Russian Foreign Minister`).
    pub title: Option<String>,
    /// ISO 3166-1 alpha-3 code of the speaker's country (`RUS`), from the story's words about
    /// it (its title, a description, the words before its name), or `null`.
    pub country: Option<String>,
    /// The speaker's office or function (`head_of_state`, `foreign_minister`,
    /// `spokesperson`, `company`...: the closed vocabulary of the README), or `null`.
    pub role: Option<SpeakerRole>,
    /// A stable identifier of the person or body across stories (`person:sergey-lavrov`,
    /// `org:rus:foreign-ministry`, `country:usa`), made from its name as the README says; `null`
    /// for a surname, a description or a group.
    pub key: Option<String>,
    /// Every mention of this speaker that the analysis linked to it, in text order.
    pub mentions: Vec<TextSpan>,
}

/// A short reference from a quote to its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpeakerRef {
    /// The speaker's `id` in `speakers`.
    pub id: String,
    /// The speaker's canonical name.
    pub name: String,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Identifier within this record: `q1`, `q2`, ...
    pub id: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The statement's content, without quotation marks.
    pub text: String,
    /// Start offset of the content in code points.
    pub start: usize,
    /// End offset (exclusive) of the content in code points.
    pub end: usize,
    /// The speaker the statement is attributed to, or `null`.
    pub speaker: Option<SpeakerRef>,
    /// The text naming the source nearest the cue (`the Russian diplomatic agency`).
    pub speaker_mention: Option<TextSpan>,
    /// The speech cue (`said`, `stressed`, `according to`).
    pub cue: Option<TextSpan>,
    /// For a turn of a transcript (a speaker label and what follows it): `question`,
    /// `answer` or `statement`; `null` for any other statement.
    pub role: Option<TurnRole>,
    /// For an answer: the `id` of the question it follows; else `null`.
    pub reply_to: Option<String>,
    /// Whom the statement was said to, from the words of its cue's clause (`told the foreign
    /// minister`, `in a letter to`, `at a meeting with`, `told reporters`), or `null`.
    pub addressee: Option<Addressee>,
    /// How it was said, from the words near its cue: `interview`, `press_conference`,
    /// `briefing` (`told reporters`), `statement`, `social_media`, `television`, `radio`,
    /// `letter`, `newspaper`, `via_agency` (`told TASS`), `speech` or `meeting`; `null` when
    /// the story does not say.
    pub channel: Option<Channel>,
    /// The normalised value of the date the cue's clause gives for when it was said (`said
    /// on Tuesday`: that Tuesday, as in `dates[].value`), or `null`.
    pub said_on: Option<String>,
}

/// Whom a statement was said to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    /// The words naming it (`foreign minister`, `reporters`, `TASS`).
    pub name: String,
    /// The `speakers[].id` it is, or `null`.
    pub speaker_id: Option<String>,
    /// Start offset of the name in code points.
    pub start: usize,
    /// End offset (exclusive) of the name in code points.
    pub end: usize,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateExpression {
    /// The expression as written.
    pub text: String,
    /// Start offset in code points.
    pub start: usize,
    /// End offset (exclusive) in code points.
    pub end: usize,
    /// TIMEX3-style value normalised against the story date: `2022-01-18`, `2022-01`,
    /// `2022-W02`, `2022`, `XXXX-01-10` (year unknown), `P3D`, `PRESENT_REF`...
    pub value: String,
    /// Date, time, duration or set.
    #[serde(rename = "type")]
    pub date_type: DateType,
}

/// An actor or recipient of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventParty {
    /// The words naming it in the event's sentence (`Russian Foreign Minister Sergey
    /// Lavrov`), or the speaker's name when the source of a statement is not named there.
    pub name: String,
    /// The `speakers[].id` it is, or `null`.
    pub speaker_id: Option<String>,
    /// ISO 3166-1 alpha-3 country code (`RUS`, `USA`), or `null` when unknown.
    pub country: Option<String>,
    /// Sector code: `GOV` government, `MIL` military, `DIP` diplomacy, `LEG` legislature,
    /// `JUD` judiciary, `COP` police, `REB` rebels, `OPP` opposition, `IGO` international
    /// organisation, `NGO`, `MED` media, `BUS` business, `CIV` civilians; `null` when unknown.
    pub sector: Option<String>,
    /// Start offset in code points of the words naming it (`name` when they are its name),
    /// or `null` when it is a statement's source not named in the event's sentence.
    pub start: Option<usize>,
    /// End offset (exclusive) of those words, or `null`.
    pub end: Option<usize>,
}

/// A happening the story reports: a dated clause naming an event, or a sentence naming a
/// political act (a contact, an accusation, a demand...), coded as political event data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The normalised date of the event: a `dates[].value` its clause gives, else the story's
    /// day for an act reported as the story's own news (`date_source`), else `null`.
    pub date: Option<String>,
    /// The date expression as written, or `null`.
    pub date_text: Option<String>,
    /// The clause or sentence reporting the event.
    pub text: String,
    /// Start offset of `text` in code points.
    pub start: usize,
    /// End offset (exclusive) of `text` in code points.
    pub end: usize,
    /// Where the event took place, where named.
    pub place: Option<String>,
    /// The `speakers[].id` of those taking part.
    pub participants: Vec<String>,
    /// PLOVER event type (`CONSULT`, `AGREE`, `SUPPORT`, `CONCEDE`, `COOPERATE`, `AID`,
    /// `RETREAT`, `REQUEST`, `ACCUSE`, `REJECT`, `THREATEN`, `PROTEST`, `SANCTION`,
    /// `MOBILIZE`, `COERCE`, `ASSAULT`), or `null` when no trigger word names it.
    pub event_type: Option<String>,
    /// PLOVER mode (`phone`, `visit`, `arrest`...), or `null`.
    pub mode: Option<String>,
    /// The closest CAMEO event code (`041`), or `null`.
    pub cameo: Option<String>,
    /// The Goldstein score of that CAMEO code (-10 conflict to +10 cooperation), or `null`.
    pub goldstein: Option<f64>,
    /// `actual`, `future` (planned, scheduled, announced), `hypothetical` (conditional) or
    /// `negated`.
    pub status: EventStatus,
    /// Who acts: for a joint event every party, the initiator first.
    pub actors: Vec<EventParty>,
    /// Who is acted upon (empty for a joint event).
    pub recipients: Vec<EventParty>,
    /// A symmetric event (talks, a call, an agreement between A and B).
    pub joint: bool,
    /// The words naming the event (`phone call`, `accused`), or `null`.
    pub trigger: Option<TextSpan>,
    /// The `quotes[].id` of the statement that is the event (a verbal act), or `null`.
    pub quote_id: Option<String>,
    /// How precise `date` is: `day`, `week`, `month`, `year`, or `unknown`.
    pub date_precision: DatePrecision,
    /// Where `date` comes from: `text` (the clause gives it), `story` (an act the story
    /// reports as its own news, with no date in its sentence, takes the story's day), or
    /// `null` when `date` is `null`.
    pub date_source: Option<String>,
}
