//! `statements speakers`: each speaker of many stories once, merged by its key.

use crate::cli::{SpeakersArgs, SpeakersFormat};
use crate::exit::Exit;
use crate::inputs::{self, Plan};
use crate::jobs::Job;
use crate::ordered;
use crate::output::Output;
use crate::progress::{Progress, Tally};
use crate::run;
use statements::output::speakers::{SpeakerEntry, SpeakerIndex};
use statements::Record;
use std::io::{self, Write};

/// Runs `speakers`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: SpeakersArgs) -> Result<Exit, String> {
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
    let mut index = SpeakerIndex::new(args.all);
    let mut errors = Vec::new();
    // Each story is folded into the index as it comes: memory grows with the number of
    // distinct speakers, not with the number of stories.
    ordered::ordered_map(
        workers,
        jobs,
        // a file may hold several stories (a NewsML-G2 message of several items)
        |job| {
            let records = run::analyse_job(job, &options);
            records.into_iter().map(slim).collect::<Vec<_>>()
        },
        |records| {
            for record in records {
                tally.stories += 1;
                tally.statements += record.quotes.len();
                if let Some(e) = &record.error {
                    tally.failed += 1;
                    let at = record.path.as_deref().or(record.id.as_deref());
                    errors.push(format!("{}: {e}", at.unwrap_or("-")));
                } else {
                    index.add(&record);
                }
            }
            progress.tick();
            Ok(())
        },
    )
    .map_err(|e| format!("cannot read the inputs: {e}"))?;
    progress.finish(&tally);
    for e in &errors {
        eprintln!("statements: {e}");
    }
    if !args.input.quiet {
        eprintln!("statements: {} speakers", index.len());
    }
    let entries = index.entries();
    let written = match args.format {
        SpeakersFormat::Jsonl => write_jsonl(&mut output, &entries),
    };
    crate::cmd::parse::finish(
        written.map(|_| Exit::from_counts(tally.stories, tally.failed)),
        output,
    )
}

/// What the index reads of a record: its date, speakers without mentions, and the speaker
/// of each statement (the statements' texts are dropped).
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    record.events = Vec::new();
    record.metadata.headers.clear();
    for speaker in &mut record.speakers {
        speaker.mentions = Vec::new();
    }
    for quote in &mut record.quotes {
        quote.text = String::new();
        quote.speaker_mention = None;
        quote.cue = None;
    }
    record
}

fn write_jsonl(out: &mut Output, entries: &[SpeakerEntry]) -> io::Result<()> {
    for entry in entries {
        serde_json::to_writer(&mut *out, entry)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
