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
//! 1. [`input`] decodes bytes into text (UTF-8, UTF-16, Windows-1252), tells the format from
//!    the content and reads HTML pages, NewsML-G2, NITF and IPTC 7901 / ANPA-1312 wire framing
//!    into the stories they hold ([`analyse_document`]);
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
pub mod batch;
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

/// The version of this library (the crate's version): the Python package reports it as
/// `statements.__version__`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The default limit on the size of one story, in bytes (see [`Options::max_bytes`]).
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// How to analyse a story.
#[derive(Debug, Clone)]
pub struct Options {
    /// The story date when it is known from outside the text (a `--jsonl` record's `date`);
    /// it takes precedence over the dates the text gives.
    pub story_date: Option<StoryDate>,
    /// The story date where the text gives none (the command line's `--date`); a date the
    /// text gives without its year takes this one's.
    pub default_date: Option<StoryDate>,
    /// The date of the story's file path ([`StoryDate::from_path`]), used as `default_date`
    /// is when there is none. [`Options::for_path`] sets it.
    pub path_date: Option<StoryDate>,
    /// Whether [`Options::for_path`] reads a date from the path (the command line reads one
    /// unless `--no-path-date`).
    pub dates_from_paths: bool,
    /// Stories larger than this many bytes are refused with [`Error::TooLarge`] by
    /// [`analyse_bytes`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            story_date: None,
            default_date: None,
            path_date: None,
            dates_from_paths: false,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl Options {
    /// These options for the story file at `path`: with the date the path gives when
    /// `dates_from_paths` is set.
    ///
    /// ```
    /// use statements::{Options, StoryDate};
    /// let options = Options { dates_from_paths: true, ..Options::default() };
    /// let options = options.for_path("wire/2022/01/18/lavrov.txt");
    /// assert_eq!(options.path_date, StoryDate::parse_iso("2022-01-18"));
    /// let record = statements::analyse_with("Talks were held on Monday.", &options);
    /// assert_eq!(record.metadata.date.as_deref(), Some("2022-01-18"));
    /// ```
    pub fn for_path(&self, path: &str) -> Options {
        Options {
            path_date: self
                .dates_from_paths
                .then(|| StoryDate::from_path(path))
                .flatten(),
            ..self.clone()
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
    let analysis = Analysis::run(text, options, None, &mut finished);
    let record = output::build_record(text, analysis.findings(output::Source::PLAIN));
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
    /// Records written: one per story (a document may hold several).
    pub records: usize,
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
    let analysis = Analysis::run(text, options, None, &mut |_| {});
    output::write_findings(
        text,
        &analysis.findings(output::Source::PLAIN),
        path,
        id,
        out,
    );
    analysis.counts()
}

/// Decodes the bytes of one story file and writes its records as [`analyse_to_json`] does:
/// one line per story the file holds (a NewsML-G2 message or a wire file may hold several),
/// separated by line breaks, without a line break after the last. A record of a story read
/// from markup takes the item's identifier (a NewsML-G2 `guid`) as its `id` when `id` is
/// `None`.
pub fn analyse_bytes_to_json(
    bytes: &[u8],
    options: &Options,
    path: Option<&str>,
    id: Option<&str>,
    out: &mut Vec<u8>,
) -> Result<Counts, Error> {
    match read_input(bytes, options)? {
        Input::Plain(text) => Ok(analyse_to_json(&text, options, path, id, out)),
        Input::Stories(format, stories) => {
            let mut counts = Counts::default();
            for (i, story) in stories.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                let analysis =
                    Analysis::run(&story.text, options, Some(&story.fields), &mut |_| {});
                let story_id = id.or(story.fields.id.as_deref());
                let findings = analysis.findings(source(format, story));
                output::write_findings(&story.text, &findings, path, story_id, out);
                counts.add(analysis.counts());
            }
            Ok(counts)
        }
    }
}

/// Decodes the bytes of one file and analyses every story it holds: one record for plain
/// text, HTML or NITF, one per item of a NewsML-G2 message or message of a wire file.
///
/// ```
/// let wire = "\x01abc1 3 i 40\nTalks/\n\x02Talks open in Geneva =\n\n\
///             GENEVA (agn) - \"We are ready,\" the minister said.\n\x03120900 GMT Mar 22\n";
/// let records = statements::analyse_document(wire.as_bytes(), &Default::default()).unwrap();
/// let record = &records[0];
/// assert_eq!(record.metadata.headline.as_deref(), Some("Talks open in Geneva"));
/// assert_eq!(record.metadata.date.as_deref(), Some("2022-03-12"));
/// let text: Vec<char> = record.text.as_deref().unwrap().chars().collect();
/// let quote = &record.quotes[0];
/// assert_eq!(text[quote.start..quote.end].iter().collect::<String>(), quote.text);
/// ```
pub fn analyse_document(bytes: &[u8], options: &Options) -> Result<Vec<Record>, Error> {
    match read_input(bytes, options)? {
        Input::Plain(text) => Ok(vec![analyse_with(&text, options)]),
        Input::Stories(format, stories) => Ok(stories
            .iter()
            .map(|story| {
                let analysis =
                    Analysis::run(&story.text, options, Some(&story.fields), &mut |_| {});
                let mut record =
                    output::build_record(&story.text, analysis.findings(source(format, story)));
                record.id.clone_from(&story.fields.id);
                record
            })
            .collect()),
    }
}

/// What [`output`] is told of a story's origin.
fn source(format: vocab::Format, story: &input::extract::Extracted) -> output::Source<'_> {
    output::Source {
        format,
        subjects: &story.fields.subjects,
        part: story.part,
    }
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.statements += other.statements;
        self.dates += other.dates;
        self.events += other.events;
        self.records += other.records;
    }
}

/// A file's content: plain text, or the stories read out of its markup.
enum Input<'b> {
    Plain(std::borrow::Cow<'b, str>),
    Stories(vocab::Format, Vec<input::extract::Extracted>),
}

/// Decodes a file's bytes (refused when larger than the limit) and reads its stories.
fn read_input<'b>(bytes: &'b [u8], options: &Options) -> Result<Input<'b>, Error> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    let (text, encoding) = input::decode(bytes)?;
    let format = input::format::detect(&text);
    if format == vocab::Format::PlainText {
        return Ok(Input::Plain(text));
    }
    let stories = match input::redecode_declared(bytes, encoding) {
        Some(declared) => input::extract(&declared, format)?,
        None => input::extract(&text, format)?,
    };
    Ok(Input::Stories(format, stories))
}

/// The findings of every stage of the pipeline but the last, which turns them into a record
/// or writes them, with what the stages read of each other (paragraphs, quotation marks,
/// tokens). Each stage fills its own field, reading those the stages before it filled.
#[derive(Default)]
struct Analysis {
    metadata: parse::metadata::StoryMetadata,
    paragraphs: Vec<text::paragraphs::Paragraph>,
    quoted: Vec<text::quotes::QuotedSpan>,
    dates: Vec<parse::dates::DateMention>,
    tokens: Option<text::Doc>,
    attribution: analyse::attribution::Attribution,
    events: Vec<analyse::timeline::EventFound>,
}

/// The stages [`Analysis::step`] runs, in order: all of [`Stage`] but the record.
const STAGES: [Stage; 6] = [
    Stage::Metadata,
    Stage::Paragraphs,
    Stage::Quotes,
    Stage::Dates,
    Stage::Attribution,
    Stage::Timeline,
];

/// A story as the stages read it: its text, its options and what its markup states.
#[derive(Clone, Copy)]
struct StoryIn<'a> {
    text: &'a str,
    options: &'a Options,
    stated: Option<&'a input::extract::Fields>,
}

/// The memory the stages reuse from one story to the next: a worker's, kept by a
/// [`batch::Batch`] (a story analysed alone starts with none).
#[derive(Default)]
struct Buffers {
    paragraphs: text::paragraphs::Splitter,
    dates: parse::dates::Scratch,
}

impl Analysis {
    fn run(
        text: &str,
        options: &Options,
        stated: Option<&input::extract::Fields>,
        finished: &mut impl FnMut(Stage),
    ) -> Analysis {
        let story = StoryIn {
            text,
            options,
            stated,
        };
        let (mut analysis, mut buffers) = (Analysis::default(), Buffers::default());
        for stage in STAGES {
            analysis.step(stage, story, &mut buffers);
            finished(stage);
        }
        // A story analysed alone keeps nothing for another: what only the stages read goes
        // before the record is built.
        analysis.paragraphs = Vec::new();
        analysis.quoted = Vec::new();
        analysis
    }

    /// Runs one stage of the pipeline over `story`, after the stages before it in [`STAGES`].
    /// Each stage sets its findings whole: an analysis may be reused for another story.
    fn step(&mut self, stage: Stage, story: StoryIn<'_>, buffers: &mut Buffers) {
        let text = story.text;
        match stage {
            Stage::Metadata => {
                self.tokens = None;
                let metadata = &mut self.metadata;
                *metadata = parse::metadata::read(text);
                if let Some(fields) = story.stated {
                    state(metadata, fields);
                }
                let options = story.options;
                metadata.date_from(options.story_date, options.default_date, options.path_date);
            }
            Stage::Paragraphs => {
                let (body, splitter) = (self.metadata.body, &mut buffers.paragraphs);
                text::paragraphs::split_into(text, body, splitter, &mut self.paragraphs);
            }
            Stage::Quotes => self.quoted = text::quotes::find(text, &self.paragraphs),
            Stage::Dates => {
                let region = span::Span::new(self.metadata.content_start, text.len());
                let scratch = &mut buffers.dates;
                self.dates = parse::dates::find_with(text, region, self.metadata.date, scratch);
            }
            Stage::Attribution => {
                let tokens = analyse::tokenize(text, &self.paragraphs, &self.quoted);
                let doc_type = self.metadata.doc_type;
                self.attribution =
                    analyse::attribution::attribute_document(text, &tokens, &self.quoted, doc_type);
                self.tokens = Some(tokens);
            }
            Stage::Timeline => {
                // The last stage that reads the tokens (a story's longest list): they go with it.
                if let Some(tokens) = self.tokens.take() {
                    self.events = analyse::timeline::build(
                        text,
                        &self.metadata,
                        &self.paragraphs,
                        &self.dates,
                        &self.attribution,
                        &tokens,
                    );
                }
            }
            Stage::Record => {}
        }
    }

    fn findings<'a>(&'a self, source: output::Source<'a>) -> output::Findings<'a> {
        output::Findings {
            metadata: &self.metadata,
            attribution: &self.attribution,
            dates: &self.dates,
            events: &self.events,
            source,
        }
    }

    fn counts(&self) -> Counts {
        Counts {
            statements: self.attribution.statements.len(),
            dates: self.dates.len(),
            events: self.events.len(),
            records: 1,
        }
    }
}

/// Puts what a story's markup states over what its text suggested: the markup's headline,
/// date, byline, place and agency win, and its header fields join the text's.
fn state(metadata: &mut parse::metadata::StoryMetadata, fields: &input::extract::Fields) {
    let wins = |stated: &Option<String>, guessed: &mut Option<String>| {
        if stated.is_some() {
            guessed.clone_from(stated);
        }
    };
    wins(&fields.headline, &mut metadata.headline);
    wins(&fields.byline, &mut metadata.byline);
    wins(&fields.place, &mut metadata.place);
    wins(&fields.agency, &mut metadata.agency);
    if let Some(date) = fields.date.as_deref().and_then(StoryDate::parse_iso) {
        metadata.date = Some(date);
        // the document's own date, stated in its markup
        metadata.date_source = Some(vocab::DateSource::Text);
    }
    for (key, value) in &fields.headers {
        metadata.headers.insert(key.to_lowercase(), value.clone());
    }
}

/// Decodes and analyses the bytes of one story file: the record of its first story when it
/// holds several (see [`analyse_document`] for them all).
pub fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Record, Error> {
    let mut records = analyse_document(bytes, options)?;
    Ok(records.swap_remove(0))
}
