//! # statements
//!
//! Reads English news wire stories about diplomacy and turns each into a structured
//! [`Record`]: its metadata (agency, dateline place and date, headline, byline), its
//! statements (direct, partial and indirect speech) attributed to their speakers, its date
//! expressions normalised against the story date, and its dated events.
//!
//! The work is a pipeline, and the modules follow it:
//!
//! 1. [`input`] decodes bytes into text (UTF-8, UTF-16, Windows-1252);
//! 2. [`parse`] reads the story's layout: metadata, paragraphs and sentences, quotation
//!    marks, date expressions;
//! 3. [`analyse`] attributes statements to speakers, groups mentions into speakers and builds
//!    the timeline;
//! 4. [`output`] builds the public record with code point offsets, and its JSON Schema.
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
mod error;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod parse;
pub mod span;

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
    let mut metadata = parse::metadata::read(text);
    if let Some(date) = options.story_date {
        metadata.date = Some(date);
    }
    finished(Stage::Metadata);
    let paragraphs = parse::paragraphs::split(text, metadata.body);
    finished(Stage::Paragraphs);
    let quoted = parse::quotes::find(text, &paragraphs);
    finished(Stage::Quotes);
    let dates_region = span::Span::new(metadata.content_start, text.len());
    let dates = parse::dates::find(text, dates_region, metadata.date);
    finished(Stage::Dates);
    let attribution = analyse::attribution::attribute(text, &metadata, &paragraphs, &quoted);
    finished(Stage::Attribution);
    let events = analyse::timeline::build(text, &metadata, &paragraphs, &dates, &attribution);
    finished(Stage::Timeline);
    let record = output::build_record(
        text,
        output::Findings {
            metadata: &metadata,
            attribution: &attribution,
            dates: &dates,
            events: &events,
        },
    );
    finished(Stage::Record);
    record
}

/// Decodes and analyses the bytes of one story file.
pub fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Record, Error> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    let (text, _encoding) = input::decode(bytes)?;
    Ok(analyse_with(&text, options))
}
