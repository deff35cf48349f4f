//! The command line as typed: clap-derive structs, one per subcommand. `main.rs` turns these
//! into validated configurations (see each command's `Config`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use statements::{Options, StoryDate};
use std::path::PathBuf;

/// Extract metadata, attributed statements and a dated event timeline from English news wire
/// stories, as JSON.
///
/// Exit codes: 0 every input was analysed; 1 some inputs failed (each has an error record, the
/// rest is output); 2 usage error, or nothing could run.
#[derive(Debug, Parser)]
#[command(name = "statements", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse stories and print one JSON record per story.
    Parse(ParseArgs),
    /// Merge the events of many stories into one timeline sorted by date.
    ///
    /// Reports of one event in several stories (same date, same event type where both have
    /// one, actors and recipients in common where both name them, same place where both name
    /// one, participants in common) become one event with all its sources. JSON Lines by
    /// default, one event per line; `--format table` for reading (text wrapped at --width,
    /// never cut), `--format csv` for spreadsheets (columns: date, place, participants,
    /// reports, sources, stories, date_text, text, event_type).
    #[command(
        after_help = "Examples:\n  statements timeline archive/ --format table --width 60\n  statements timeline archive/ --format csv --agency Reuters -o timeline.csv"
    )]
    Timeline(TimelineArgs),
    /// List each speaker of many stories once: its name forms, titles, country, role, and
    /// how many statements and stories, with the first and last date.
    ///
    /// Speakers are merged by their `key` (see the README, "Speakers across stories"): the
    /// same person in every story however its name is spelled (`Sergey`/`Sergei Lavrov`).
    /// Speakers without a key (a surname alone, a description, a group) are left out unless
    /// `--all` is given. One JSON record per speaker, most statements first.
    Speakers(SpeakersArgs),
    /// List the statements of many stories: one JSON record per statement of each story, or
    /// with `--dedup` each statement once with every story that carries it.
    ///
    /// `--dedup` groups near-identical wordings of one statement by one speaker (the same
    /// quote carried by several agencies, in slightly different translations): word-set
    /// Jaccard similarity of at least 0.5, found by MinHash (see the README, "Quotes across
    /// stories"). `--format csv` writes the rows as CSV: columns path, story_id, agency,
    /// story_date, quote_id, kind, role, speaker_id, speaker_key, speaker_name,
    /// speaker_title, speaker_mention, cue, start, end, text (see the README, "Outputs over
    /// an archive").
    #[command(
        after_help = "Examples:\n  statements quotes archive/ --format csv -o quotes.csv\n  statements quotes archive/ --dedup | jq -c 'select(.sources | length > 1)'"
    )]
    Quotes(QuotesArgs),
    /// Write the stories, speakers, statements and events of an archive into a SQLite file.
    ///
    /// Tables: stories, speakers (one per key across stories), story_speakers, quotes, events,
    /// event_parties, event_participants, dates, meta; quotes_fts is a full-text index (FTS5)
    /// over the statements; the view speaker_stats counts each speaker's statements and
    /// stories. Run it again on a grown archive with the same FILE: a story already there
    /// (same path, or same --jsonl id) with the same content (sha256 of its bytes) is
    /// skipped, a changed one is replaced with all its rows, a new one is added. One
    /// transaction per --batch stories.
    #[command(
        after_help = "Examples:\n  statements db archive/ -o archive.sqlite\n  sqlite3 archive.sqlite \"SELECT speaker_name, text FROM quotes WHERE quote IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'sanctions')\""
    )]
    Db(DbArgs),
    /// Who talks to whom: speakers and actors joined by events and statements (GraphML, DOT,
    /// JSON).
    ///
    /// Nodes are speakers and the actors of events, by key across stories (their name
    /// normalised), with their country and counts of statements and stories; edges are the
    /// events between them (actor to recipient, or between the parties of a joint event,
    /// undirected), with their PLOVER type, count and first and last dates, and the
    /// statements of one speaker that mention another (type STATEMENT).
    #[command(
        after_help = "Examples:\n  statements graph archive/ -o archive.graphml        # open in Gephi\n  statements graph archive/ --format dot | dot -Tsvg > graph.svg"
    )]
    Graph(GraphArgs),
    /// One self-contained HTML page over an archive: timeline, network, statements, counts.
    ///
    /// A single file that needs nothing else (no network): a timeline of events by month and
    /// type, the network of the most connected speakers, a table of statements filterable by
    /// speaker, kind and words with links to their stories, and counts per agency, per kind
    /// of document and per quoted source. Story text is shown as text, never run as markup.
    #[command(
        after_help = "Example:\n  statements report archive/ -o report.html --title 'January talks'"
    )]
    Report(ReportArgs),
    /// Print the JSON Schema of the record `parse` prints.
    Schema,
}

/// Options shared by the commands that read stories.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Story files or directories (walked recursively, hidden files skipped), or `-` for one
    /// story on standard input.
    ///
    /// For `parse`, one file (or `-`) prints one JSON document; several inputs or a
    /// directory print JSON Lines, one record per story, in path order.
    ///
    /// Each file's format is told from its content: plain text, an HTML page (its article is
    /// read, page furniture dropped), NewsML-G2 (one record per news item), NITF, or a raw
    /// IPTC 7901 / ANPA-1312 wire transmission (one record per message). The record's
    /// `metadata.format` says which; for any but plain text, `text` holds the extracted text
    /// that the offsets index.
    #[arg(value_name = "PATH", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Read JSON Lines records `{"id": ..., "text": ..., "date": "YYYY-MM-DD"}` from the input
    /// file (or `-` for standard input) and print one record per input record, in input order,
    /// with `id` copied. `date` (optional) is the story date. The `text` is read as plain text.
    #[arg(long)]
    pub jsonl: bool,

    /// Number of worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Stories larger than this many bytes get an error record instead of being analysed.
    #[arg(long, value_name = "BYTES", default_value_t = statements::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,

    /// Never show the progress bar or the summary line on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// The story date for stories whose text gives none, and the year of a date the text gives
    /// without one (`MOSCOW, January 18`).
    ///
    /// Which date wins: a `--jsonl` record's `date`, then the text's own date (date header,
    /// dateline, date line), then `--date`, then a date in the file's path. Each record's
    /// `metadata.date_source` says which it got.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = story_date)]
    pub date: Option<StoryDate>,

    /// Never read a story date from a file's path. By default, a story whose text gives no
    /// date (and with no `--date`) takes the date its path gives: folders
    /// `2022/01/18/`, or `20220118` or `2022-01-18` in a file or folder name, the file's own
    /// name first.
    #[arg(long)]
    pub no_path_date: bool,

    /// In folders, read only files with these extensions (`--ext txt,text`; case ignored).
    /// Files named on the command line are read whatever their name.
    #[arg(long, value_name = "EXT", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// In folders, read only files matching this pattern (`--glob '2022-*'`, `--glob
    /// 'tass/**/*.txt'`), against the path under the folder or the file name; repeatable
    /// (any may match).
    #[arg(long, value_name = "PATTERN")]
    pub glob: Vec<String>,
}

impl InputArgs {
    /// The analysis options these arguments give.
    pub fn options(&self) -> Options {
        Options {
            max_bytes: self.max_bytes,
            default_date: self.date,
            dates_from_paths: !self.no_path_date,
            ..Options::default()
        }
    }

    /// The plan of this run's inputs.
    pub fn plan(&self) -> Result<crate::inputs::Plan, String> {
        let select = crate::select::Select::new(&self.ext, &self.glob)?;
        crate::inputs::plan(&self.inputs, self.jsonl, select)
    }
}

/// Parses a `--date` value.
fn story_date(s: &str) -> Result<StoryDate, String> {
    StoryDate::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

/// `statements parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Pretty-print a single JSON document (the default when standard output is a terminal).
    #[arg(long, conflicts_with = "compact")]
    pub pretty: bool,

    /// Print a single JSON document on one line (the default when standard output is piped).
    #[arg(long)]
    pub compact: bool,

    /// Write the output to FILE instead of standard output. The file is written under a
    /// temporary name and renamed when the run completes, so a failed or interrupted run never
    /// leaves a truncated file behind.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The filters of the commands over an archive.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Keep the statements of this speaker and the events it takes part in: its key, or words
    /// of its name (`Lavrov` keeps `Sergey Lavrov`; case and punctuation ignored).
    #[arg(long, value_name = "NAME_OR_KEY")]
    pub speaker: Option<String>,

    /// Keep what is dated on or after DATE (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): statements
    /// by their story's date, events by their own date (else their story's).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Keep what is dated on or before DATE (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the whole
    /// period included).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Keep the stories of this agency (`Reuters`, `TASS`; case ignored).
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
}

impl FilterArgs {
    /// The filter these arguments ask for.
    pub fn filter(&self) -> Result<statements::output::archive::filter::Filter, String> {
        statements::output::archive::filter::Filter::new(
            self.speaker.as_deref(),
            self.since.as_deref(),
            self.until.as_deref(),
            self.agency.as_deref(),
        )
    }
}

/// How `statements quotes` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RowFormat {
    /// One JSON object per row.
    Jsonl,
    /// RFC 4180 CSV with a header line.
    Csv,
}

/// `statements quotes` (its help is the doc comment of its `Command` variant).
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Each statement once, with all its sources (story, agency, date, the wording each
    /// used), in the order first met: near-identical wordings of one statement by one speaker
    /// grouped (JSON Lines only; no filters yet).
    #[arg(long)]
    pub dedup: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RowFormat::Jsonl)]
    pub format: RowFormat,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `statements db` (its help is the doc comment of its `Command` variant).
#[derive(Debug, Args)]
pub struct DbArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// The SQLite file to create or add to.
    #[arg(long, short = 'o', value_name = "FILE", required = true)]
    pub output: PathBuf,

    /// Stories written per transaction.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub batch: usize,
}

/// How `statements graph` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// GraphML (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// `{"nodes": [...], "edges": [...]}`.
    Json,
}

/// `statements graph` (its help is the doc comment of its `Command` variant).
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Graphml)]
    pub format: GraphFormat,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `statements report` (its help is the doc comment of its `Command` variant).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// The HTML file to write.
    #[arg(long, short = 'o', value_name = "FILE", required = true)]
    pub output: PathBuf,

    /// The page's title.
    #[arg(long, default_value = "Statements report")]
    pub title: String,
}

/// How `statements timeline` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// One JSON record per event.
    Jsonl,
    /// A readable table.
    Table,
    /// RFC 4180 CSV, one row per event: date, place, participants, reports, sources,
    /// stories, date_text, text, event_type.
    Csv,
}

/// `statements timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Jsonl)]
    pub format: TimelineFormat,

    /// Width of the table's event column: longer text wraps onto more lines (0: never wrap).
    #[arg(long, value_name = "CHARS", default_value_t = 80)]
    pub width: usize,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How `statements speakers` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpeakersFormat {
    /// One JSON record per speaker.
    Jsonl,
}

/// `statements speakers`.
#[derive(Debug, Args)]
pub struct SpeakersArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SpeakersFormat::Jsonl)]
    pub format: SpeakersFormat,

    /// Also list the speakers without a key (a surname alone, a description, a group),
    /// grouped by kind and name, with `key` null.
    #[arg(long)]
    pub all: bool,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
