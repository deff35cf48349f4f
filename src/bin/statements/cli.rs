//! The command line as typed: clap-derive structs, one per subcommand. `main.rs` turns these
//! into validated configurations (see each command's `Config`).

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    Timeline(TimelineArgs),
    /// Every statement of many stories, one row each (JSON Lines or CSV).
    Quotes(QuotesArgs),
    /// Write the stories, speakers, statements and events of an archive into a SQLite file.
    Db(DbArgs),
    /// Who talks to whom: speakers and actors joined by events and statements (GraphML, DOT,
    /// JSON).
    Graph(GraphArgs),
    /// One self-contained HTML page over an archive: timeline, network, statements, counts.
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
    /// One file (or `-`) prints one JSON document; several inputs or a directory print JSON
    /// Lines, one record per story, sorted by path.
    #[arg(value_name = "PATH", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Read JSON Lines records `{"id": ..., "text": ..., "date": "YYYY-MM-DD"}` from the input
    /// file (or `-` for standard input) and print one record per input record, in input order,
    /// with `id` copied. `date` (optional) is the story date.
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

/// `statements quotes`: every statement of many stories, one row each.
///
/// Columns (CSV header and JSON keys, in this order): path, story_id, agency, story_date,
/// quote_id, kind, role, speaker_id, speaker_key, speaker_name, speaker_title,
/// speaker_mention, cue, start, end, text. Empty (CSV) or null (JSON) where unknown. The
/// README's "Outputs over an archive" section describes each.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to keep.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RowFormat::Jsonl)]
    pub format: RowFormat,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `statements db`: an archive as a SQLite database.
///
/// Tables: stories, speakers (one per key across stories), story_speakers, quotes, events,
/// event_parties, event_participants, dates; quotes_fts is a full-text index (FTS5) over the
/// statements. Run it again on a grown archive with the same FILE: stories already there
/// with the same content are skipped, changed ones replaced, new ones added. The README's
/// "statements db" section gives the schema and example queries.
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

/// `statements graph`: who talks to whom.
///
/// Nodes are speakers and the actors of events, by key across stories, with their country;
/// edges are events between them (actor to recipient, or between the parties of a joint
/// event), with their PLOVER type, count and first and last dates, and statements of one
/// speaker that mention another.
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

/// `statements report`: one HTML page over an archive.
///
/// A single file that needs nothing else (no network): a timeline of events by month, the
/// network of the most connected speakers, a table of statements filterable by speaker and
/// words with links to their stories, and counts per agency and per speaker. Story text is
/// shown as text, never as markup.
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
    /// stories, date_text, text.
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
