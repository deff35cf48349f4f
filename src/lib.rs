//! # statements
//!
//! Reads English news wire stories about diplomacy and turns each into a structured
//! [`Record`]: its metadata (agency, dateline place and date, headline, byline), its
//! statements (direct, partial and indirect speech) attributed to their speakers, its date
//! expressions normalised against the story date, and its dated events.
//!
//! The work is a pipeline, and the modules follow it (ARCHITECTURE.md draws it and says where a
//! new rule, pass, input or output goes):
//!
//! 1. [`input`] decodes bytes into text (UTF-8, UTF-16, Windows-1252);
//! 2. [`parse`] reads what the story says about itself, its metadata (header lines, headline,
//!    dateline, credits: where the body starts), and its date expressions;
//! 3. [`text`] builds the story's text stream once: paragraphs and sentences, quotation-mark
//!    spans and tokens, which every later stage reads;
//! 4. [`analyse`] attributes statements to speakers, groups mentions into speakers and builds
//!    the timeline;
//! 5. [`output`] builds the public record with code point offsets, and its JSON Schema.
//!
//! Below them all sit the shared primitives: [`span`], [`lexicon`] (the word lists, as data
//! files) and [`vocab`] (the kinds of statements, speakers and dates). Imports run one way,
//! down this list; a test (`tests/integration/architecture.rs`) holds it.
//!
//! # Example: the statements of a story
//!
//! ```
//! let story = "MOSCOW, January 18. /TASS/. \"We are ready for talks,\" Lavrov said.";
//! let record = statements::analyse(story);
//! assert_eq!(record.metadata.agency.as_deref(), Some("TASS"));
//! assert_eq!(record.metadata.place.as_deref(), Some("MOSCOW"));
//! ```
//!
//! # Example: a story date from elsewhere
//!
//! ```
//! use statements::{Options, StoryDate};
//! let options = Options { story_date: StoryDate::parse_iso("2022-01-18"), ..Options::default() };
//! let record = statements::analyse_with("Talks were held on Monday.", &options);
//! assert_eq!(record.metadata.date.as_deref(), Some("2022-01-18"));
//! ```
#![deny(missing_docs)]

pub mod analyse;
mod ascii;
mod error;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod parse;
pub mod span;
pub mod text;
pub mod vocab;

pub use error::Error;
pub use output::record::Record;
pub use output::schema::record_schema;
pub use parse::metadata::StoryDate;

/// The default limit on the size of one story, in bytes (see [`Options::max_bytes`]).
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// How to analyse a story.
#[derive(Debug, Clone)]
pub struct Options {
    /// The story date when it is known from outside the text (a `--jsonl` record's `date`);
    /// it takes precedence over the dates the text gives.
    pub story_date: Option<StoryDate>,
    /// Stories larger than this many bytes are refused with [`Error::TooLarge`] by
    /// [`analyse_bytes`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            story_date: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Analyses one story with default options.
pub fn analyse(text: &str) -> Record {
    analyse_with(text, &Options::default())
}

/// Analyses one story.
pub fn analyse_with(text: &str, options: &Options) -> Record {
    analyse_observed(text, options, |_| {})
}

/// The stages of the pipeline, in the order [`analyse_observed`] runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Agency, dateline, headline, byline and header lines.
    Metadata,
    /// Paragraphs and sentences.
    Paragraphs,
    /// Quotation-mark spans.
    Quotes,
    /// Date expressions, normalised.
    Dates,
    /// Statements attributed to speakers.
    Attribution,
    /// Dated events.
    Timeline,
    /// The public record, with code point offsets.
    Record,
}

/// [`analyse_with`], calling `finished` as each [`Stage`] ends: benchmarks and profilers time
/// the stages of the real pipeline this way instead of re-running it piece by piece.
pub fn analyse_observed(text: &str, options: &Options, mut finished: impl FnMut(Stage)) -> Record {
    let analysis = Analysis::run(text, options, &mut finished);
    let record = output::build_record(text, analysis.findings());
    finished(Stage::Record);
    record
}

/// What [`analyse_to_json`] wrote, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Statements (the record's `quotes`).
    pub statements: usize,
    /// Date expressions.
    pub dates: usize,
    /// Dated events.
    pub events: usize,
}

/// Analyses one story and appends its record as compact JSON (one line, without the line
/// break) to `out`, with `path` and `id` as the record's `path` and `id`.
///
/// The bytes are those `serde_json::to_writer` writes for the record of [`analyse_with`] with
/// `path` and `id` set, but no [`Record`] is built: when the record is only to be written, as
/// in a batch run, this is faster.
///
/// ```
/// let mut line = Vec::new();
/// let story = "\"We are ready,\" Lavrov said.";
/// let counts = statements::analyse_to_json(story, &Default::default(), None, Some("a1"), &mut line);
/// let record: statements::Record = serde_json::from_slice(&line).unwrap();
/// assert_eq!(record, statements::Record { id: Some("a1".into()), ..statements::analyse(story) });
/// assert_eq!(counts.statements, record.quotes.len());
/// ```
pub fn analyse_to_json(
    text: &str,
    options: &Options,
    path: Option<&str>,
    id: Option<&str>,
    out: &mut Vec<u8>,
) -> Counts {
    let analysis = Analysis::run(text, options, &mut |_| {});
    output::write_findings(text, &analysis.findings(), path, id, out);
    Counts {
        statements: analysis.attribution.statements.len(),
        dates: analysis.dates.len(),
        events: analysis.events.len(),
    }
}

/// Decodes the bytes of one story file and writes its record as [`analyse_to_json`] does.
pub fn analyse_bytes_to_json(
    bytes: &[u8],
    options: &Options,
    path: Option<&str>,
    id: Option<&str>,
    out: &mut Vec<u8>,
) -> Result<Counts, Error> {
    let text = decode_within_limit(bytes, options)?;
    Ok(analyse_to_json(&text, options, path, id, out))
}

/// The findings of every stage of the pipeline but the last, which turns them into a record
/// or writes them.
struct Analysis {
    metadata: parse::metadata::StoryMetadata,
    dates: Vec<parse::dates::DateMention>,
    attribution: analyse::attribution::Attribution,
    events: Vec<analyse::timeline::EventFound>,
}

impl Analysis {
    fn run(text: &str, options: &Options, finished: &mut impl FnMut(Stage)) -> Analysis {
        let mut metadata = parse::metadata::read(text);
        if let Some(date) = options.story_date {
            metadata.date = Some(date);
        }
        finished(Stage::Metadata);
        let paragraphs = text::paragraphs::split(text, metadata.body);
        finished(Stage::Paragraphs);
        let quoted = text::quotes::find(text, &paragraphs);
        finished(Stage::Quotes);
        let dates_region = span::Span::new(metadata.content_start, text.len());
        let dates = parse::dates::find(text, dates_region, metadata.date);
        finished(Stage::Dates);
        let tokens = text::tokenize(
            text,
            &paragraphs,
            &quoted,
            analyse::attribution::cue_starts(),
        );
        let attribution =
            analyse::attribution::attribute_document(text, &tokens, &quoted, metadata.doc_type);
        finished(Stage::Attribution);
        let events = analyse::timeline::build(text, &metadata, &paragraphs, &dates, &attribution);
        finished(Stage::Timeline);
        Analysis {
            metadata,
            dates,
            attribution,
            events,
        }
    }

    fn findings(&self) -> output::Findings<'_> {
        output::Findings {
            metadata: &self.metadata,
            attribution: &self.attribution,
            dates: &self.dates,
            events: &self.events,
        }
    }
}

/// The text of a story file's bytes, refused when larger than the limit.
fn decode_within_limit<'b>(
    bytes: &'b [u8],
    options: &Options,
) -> Result<std::borrow::Cow<'b, str>, Error> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    Ok(input::decode(bytes)?.0)
}

/// Decodes and analyses the bytes of one story file.
pub fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Record, Error> {
    let text = decode_within_limit(bytes, options)?;
    Ok(analyse_with(&text, options))
}
