//! `statements quotes`: the statements of many stories, one per story or (`--dedup`) each
//! once with all its sources.

use crate::cli::{QuotesArgs, QuotesFormat};
use crate::exit::Exit;
use crate::inputs::{self, Plan};
use crate::jobs::Job;
use crate::ordered;
use crate::output::Output;
use crate::progress::{Progress, Tally};
use crate::run;
use serde::Serialize;
use statements::output::quotes::{prepare, rows, Prepared, QuoteIndex};
use statements::Record;
use std::io::{self, Write};

/// Runs `quotes`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: QuotesArgs) -> Result<Exit, String> {
    let plan = inputs::plan(&args.input.inputs, args.input.jsonl)?;
    let workers = ordered::workers(args.input.threads)?;
    let mut output = Output::open(args.output.as_deref())?;
    let options = args.input.options();
    let jobs: Box<dyn Iterator<Item = Job> + Send> = match plan {
        Plan::Single(job) => Box::new(std::iter::once(job)),
        Plan::Batch(jobs) => jobs,
        Plan::Stream(reader) => Box::new(run::stream_jobs(reader)),
    };
    let progress = Progress::start(args.input.quiet);
    let mut tally = Tally::default();
    let mut index = args.dedup.then(QuoteIndex::new);
    let mut errors = Vec::new();
    // Without --dedup each story's rows are written as it comes; with it, each statement is
    // folded into the index, which grows with the number of distinct statements.
    let streamed = ordered::ordered_map(
        workers,
        jobs,
        // a file may hold several stories (a NewsML-G2 message of several items)
        |job| {
            let records = run::analyse_job(job, &options);
            records
                .into_iter()
                .map(|r| story(r, args.dedup))
                .collect::<Vec<_>>()
        },
        |stories| {
            progress.tick();
            for story in stories {
                tally.stories += 1;
                tally.statements += story.statements;
                if let Some(e) = story.error {
                    tally.failed += 1;
                    errors.push(e);
                    continue;
                }
                match (&mut index, story.quotes) {
                    (Some(index), Quotes::Prepared(prepared)) => {
                        prepared.into_iter().for_each(|p| index.add_prepared(p));
                    }
                    (_, Quotes::Rows(record)) => {
                        write_lines(&mut output, args.format, rows(&record))?
                    }
                    (None, Quotes::Prepared(_)) => {}
                }
            }
            Ok(())
        },
    );
    progress.finish(&tally);
    for e in &errors {
        eprintln!("statements: {e}");
    }
    let written = streamed.and_then(|_| match index {
        Some(index) => {
            if !args.input.quiet {
                eprintln!(
                    "statements: {} statements, {} distinct",
                    tally.statements,
                    index.len()
                );
            }
            write_lines(&mut output, args.format, index.quotes())
        }
        None => Ok(()),
    });
    crate::cmd::parse::finish(
        written.map(|_| Exit::from_counts(tally.stories, tally.failed)),
        output,
    )
}

/// What the writer gets of one story: its error, or its statements (the record, or with
/// `--dedup` the statements prepared for the index on the worker thread).
struct Story {
    error: Option<String>,
    statements: usize,
    quotes: Quotes,
}

enum Quotes {
    Rows(Box<Record>),
    Prepared(Vec<Prepared>),
}

impl ordered::Weigh for Story {
    fn weight(&self) -> usize {
        std::mem::size_of::<Story>()
            + match &self.quotes {
                Quotes::Rows(r) => r.quotes.iter().map(|q| q.text.len() + 64).sum::<usize>(),
                Quotes::Prepared(p) => p.iter().map(Prepared::weight).sum::<usize>(),
            }
    }
}

fn story(record: Record, dedup: bool) -> Story {
    let error = record.error.as_ref().map(|e| {
        let at = record.path.as_deref().or(record.id.as_deref());
        format!("{}: {e}", at.unwrap_or("-"))
    });
    let statements = record.quotes.len();
    let quotes = if dedup {
        Quotes::Prepared(prepare(&record))
    } else {
        Quotes::Rows(Box::new(slim(record)))
    };
    Story {
        error,
        statements,
        quotes,
    }
}

/// What the rows need of a record: metadata, speakers without mentions, statements.
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    record.events = Vec::new();
    record.metadata.headers.clear();
    for speaker in &mut record.speakers {
        speaker.mentions = Vec::new();
    }
    record
}

fn write_lines<T: Serialize>(
    out: &mut Output,
    format: QuotesFormat,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    match format {
        QuotesFormat::Jsonl => {
            for item in items {
                serde_json::to_writer(&mut *out, &item)?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}
