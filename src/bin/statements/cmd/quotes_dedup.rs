//! `statements quotes --dedup`: each statement of many stories once, with all its sources
//! (story, agency, date, the wording each used), as JSON Lines. The statements are prepared
//! for the index on the worker threads; the index grows with the number of distinct
//! statements, not with the number of stories.

use crate::cli::{QuotesArgs, RowFormat};
use crate::exit::Exit;
use crate::jobs::Job;
use crate::ordered;
use crate::output::Output;
use crate::progress::{Progress, Tally};
use crate::run;
use statements::output::quotes::{prepare, Prepared, QuoteIndex};
use statements::Record;
use std::io::Write;

/// Runs `quotes --dedup`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: QuotesArgs) -> Result<Exit, String> {
    if args.format != RowFormat::Jsonl {
        return Err(
            "--dedup writes JSON Lines only (one statement with its sources a line)".into(),
        );
    }
    if args.filter.is_set() {
        return Err("--dedup does not take --speaker, --since, --until or --agency yet".into());
    }
    let plan = args.input.plan()?;
    let workers = ordered::workers(args.input.threads)?;
    let mut output = Output::open(args.output.as_deref())?;
    let options = args.input.options();
    let jobs: Box<dyn Iterator<Item = Job> + Send> = match plan {
        crate::inputs::Plan::Single(job) => Box::new(std::iter::once(job)),
        crate::inputs::Plan::Batch(jobs, _) => jobs,
        crate::inputs::Plan::Stream(reader) => Box::new(run::stream_jobs(reader)),
    };
    let progress = Progress::start(args.input.quiet);
    let mut tally = Tally::default();
    let mut index = QuoteIndex::new();
    let mut errors = Vec::new();
    let streamed = ordered::ordered_map(
        workers,
        jobs,
        // a file may hold several stories (a NewsML-G2 message of several items)
        |job| {
            let records = run::analyse_job(job, &options);
            records.into_iter().map(story).collect::<Vec<_>>()
        },
        |stories| {
            progress.tick();
            for story in stories {
                tally.stories += 1;
                tally.statements += story.statements;
                match story.error {
                    Some(e) => {
                        tally.failed += 1;
                        errors.push(e);
                    }
                    None => story
                        .prepared
                        .into_iter()
                        .for_each(|p| index.add_prepared(p)),
                }
            }
            Ok(())
        },
    );
    progress.finish(&tally);
    for e in &errors {
        eprintln!("statements: {e}");
    }
    let written = streamed.and_then(|_| {
        if !args.input.quiet {
            eprintln!(
                "statements: {} statements, {} distinct",
                tally.statements,
                index.len()
            );
        }
        for item in index.quotes() {
            serde_json::to_writer(&mut output, &item)?;
            output.write_all(b"\n")?;
        }
        Ok(())
    });
    crate::cmd::parse::finish(
        written.map(|_| Exit::from_counts(tally.stories, tally.failed)),
        output,
    )
}

/// What the writer gets of one story: its error, or its statements prepared for the index.
struct Story {
    error: Option<String>,
    statements: usize,
    prepared: Vec<Prepared>,
}

impl ordered::Weigh for Story {
    fn weight(&self) -> usize {
        std::mem::size_of::<Story>() + self.prepared.iter().map(Prepared::weight).sum::<usize>()
    }
}

fn story(record: Record) -> Story {
    let error = record.error.as_ref().map(|e| {
        let at = record.path.as_deref().or(record.id.as_deref());
        format!("{}: {e}", at.unwrap_or("-"))
    });
    Story {
        error,
        statements: record.quotes.len(),
        prepared: prepare(&record),
    }
}
