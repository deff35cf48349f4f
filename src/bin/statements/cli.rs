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
    /// stories").
    Quotes(QuotesArgs),
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

/// How `statements timeline` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// One JSON record per event.
    Jsonl,
    /// A readable table.
    Table,
}

/// `statements timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Jsonl)]
    pub format: TimelineFormat,

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

/// How `statements quotes` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    /// One JSON record per statement.
    Jsonl,
}

/// `statements quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Each statement once, with all its sources (story, agency, date, the wording each
    /// used), in the order first met.
    #[arg(long)]
    pub dedup: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = QuotesFormat::Jsonl)]
    pub format: QuotesFormat,

    /// Write the output to FILE instead of standard output (atomically, as for `parse`).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
