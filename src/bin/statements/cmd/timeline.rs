//! `statements timeline`: the events of many stories merged into one timeline sorted by date.

use crate::cli::{TimelineArgs, TimelineFormat};
use crate::exit::Exit;
use crate::inputs::{self, Plan};
use crate::jobs::Job;
use crate::ordered;
use crate::output::Output;
use crate::progress::{Progress, Tally};
use crate::run;
use statements::output::merge::{merge, MergedEvent};
use statements::Record;
use std::io::{self, Write};

/// Runs `timeline`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: TimelineArgs) -> Result<Exit, String> {
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
    let mut records = Vec::new();
    let mut errors = Vec::new();
    // Only what the timeline needs is kept of each story, so that memory grows with the
    // number of events, not with the size of the archive.
    ordered::ordered_map(
        workers,
        jobs,
        |job| {
            let records = run::analyse_job(job, &options);
            records.into_iter().map(slim).collect::<Vec<_>>()
        },
        |story| {
            for record in story {
                tally.stories += 1;
                tally.events += record.events.len();
                if let Some(e) = &record.error {
                    tally.failed += 1;
                    errors.push(format!(
                        "{}: {e}",
                        record
                            .path
                            .as_deref()
                            .or(record.id.as_deref())
                            .unwrap_or("-")
                    ));
                } else if !record.events.is_empty() {
                    records.push(record);
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
    let timeline = merge(&records);
    let written = match args.format {
        TimelineFormat::Jsonl => write_jsonl(&mut output, &timeline),
        TimelineFormat::Table => write_table(&mut output, &timeline),
    };
    crate::cmd::parse::finish(
        written.map(|_| Exit::from_counts(tally.stories, tally.failed)),
        output,
    )
}

/// A kept record is its events' strings and little else (see [`slim`]).
impl ordered::Weigh for Record {
    fn weight(&self) -> usize {
        let event = |e: &statements::output::record::Event| {
            std::mem::size_of_val(e)
                + e.date.as_ref().map_or(0, String::len)
                + e.date_text.as_ref().map_or(0, String::len)
                + e.text.len()
                + e.place.as_ref().map_or(0, String::len)
                + e.participants.iter().map(String::len).sum::<usize>()
        };
        std::mem::size_of::<Record>() + self.events.iter().map(event).sum::<usize>()
    }
}

fn slim(mut record: Record) -> Record {
    record.quotes = Vec::new();
    record.dates = Vec::new();
    // The timeline is of dated events only (see `merge`).
    record.events.retain(|e| e.date.is_some());
    for speaker in &mut record.speakers {
        speaker.mentions = Vec::new();
    }
    record
}

fn write_jsonl(out: &mut Output, timeline: &[MergedEvent]) -> io::Result<()> {
    for event in timeline {
        serde_json::to_writer(&mut *out, event)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A readable table: date, place, participants, number of reports, and the first report.
fn write_table(out: &mut Output, timeline: &[MergedEvent]) -> io::Result<()> {
    writeln!(
        out,
        "{:<12} {:<16} {:<28} {:>7}  event",
        "date", "place", "participants", "reports"
    )?;
    for event in timeline {
        let text = event
            .sources
            .first()
            .map(|s| one_line(&s.text, 80))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<12} {:<16} {:<28} {:>7}  {}",
            event.date,
            one_line(event.place.as_deref().unwrap_or("-"), 16),
            one_line(&event.participants.join(", "), 28),
            event.sources.len(),
            text
        )?;
    }
    Ok(())
}

/// The text on one line, cut to `width` characters with an ellipsis.
fn one_line(text: &str, width: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        return flat;
    }
    let cut: String = flat.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}
