//! `statements parse`: one JSON record per story.

use crate::cli::ParseArgs;
use crate::exit::Exit;
use crate::group::{Grouper, JobLine};
use crate::inputs::Plan;
use crate::jobs::{self, Job};
use crate::ordered;
use crate::output::Output;
use crate::progress::{Progress, Tally};
use crate::run;
use statements::output::json;
use statements::{Options, Record};
use std::io::{self, Write};

/// The validated configuration of a `parse` run.
struct Config {
    plan: Plan,
    options: Options,
    workers: ordered::Workers,
    pretty: Option<bool>,
    quiet: bool,
    output: Output,
}

impl Config {
    fn from_args(args: ParseArgs) -> Result<Config, String> {
        let plan = args.input.plan()?;
        let workers = ordered::workers(args.input.threads)?;
        let output = Output::open(args.output.as_deref())?;
        let pretty = match (args.pretty, args.compact) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        };
        let options = args.input.options();
        Ok(Config {
            plan,
            options,
            workers,
            pretty,
            quiet: args.input.quiet,
            output,
        })
    }
}

/// Runs `parse`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: ParseArgs) -> Result<Exit, String> {
    let config = Config::from_args(args)?;
    let mut output = config.output;
    let options = &config.options;
    let result = match config.plan {
        Plan::Single(job) => {
            let records = run::analyse_job(job, options);
            let pretty = config.pretty.unwrap_or_else(|| output.is_terminal());
            let failed = records.iter().filter(|r| r.error.is_some()).count();
            records
                .iter()
                .try_for_each(|record| write_record(&mut output, record, pretty))
                .map(|_| Exit::from_counts(records.len(), failed))
        }
        Plan::Batch(jobs, count) => {
            let progress = Progress::start(config.quiet);
            progress.count_in_background(count);
            write_lines(&mut output, config.workers, jobs, options, progress)
        }
        Plan::Stream(reader) => write_lines(
            &mut output,
            config.workers,
            run::stream_jobs(reader),
            options,
            Progress::start(config.quiet),
        ),
    };
    finish(result, output)
}

/// One record serialised on one line, with what the summary counts.
pub struct Line {
    json: Vec<u8>,
    tally: Tally,
}

impl ordered::Weigh for Line {
    fn weight(&self) -> usize {
        self.json.capacity()
    }
}

/// How many jobs a worker analyses together, stage by stage (see [`crate::group`]): enough for a
/// stage's code to stay in the caches over many stories, few enough for the memory of their
/// analyses to stay there too.
const GROUP_JOBS: usize = 32;

/// The lines of a group of jobs, written straight from the analysis (see [`crate::group`]).
fn lines_of(grouper: &mut Grouper, jobs: Vec<Job>, options: &Options) -> Vec<Line> {
    let lines = grouper.lines(jobs, options);
    lines
        .into_iter()
        .map(|JobLine { mut json, counts }| {
            json.push(b'\n');
            let tally = match counts {
                Some(counts) => Tally {
                    stories: counts.records,
                    failed: 0,
                    statements: counts.statements,
                    dates: counts.dates,
                    events: counts.events,
                },
                None => Tally {
                    stories: 1,
                    failed: 1,
                    ..Tally::default()
                },
            };
            Line { json, tally }
        })
        .collect()
}

/// Runs a batch and writes its records as JSON lines, in input order.
fn write_lines(
    output: &mut Output,
    workers: ordered::Workers,
    jobs: impl Iterator<Item = Job> + Send,
    options: &Options,
    progress: Progress,
) -> io::Result<Exit> {
    let mut tally = Tally::default();
    let mut batch = LineBatch::default();
    let done = ordered::ordered_map_groups(
        workers,
        GROUP_JOBS,
        jobs,
        || {
            let mut grouper = Grouper::default();
            move |jobs| lines_of(&mut grouper, jobs, options)
        },
        |line| {
            tally.stories += 1;
            tally.failed += line.tally.failed;
            tally.statements += line.tally.statements;
            tally.dates += line.tally.dates;
            tally.events += line.tally.events;
            progress.tick();
            batch.push(output, line.json)
        },
    )
    .and_then(|()| batch.flush(output));
    progress.finish(&tally);
    done.map(|()| Exit::from_counts(tally.stories, tally.failed))
}

/// Lines waiting to be written together by one vectored write, from their own buffers:
/// copying every line into the output's buffer took 40% of the writer thread's time.
#[derive(Default)]
struct LineBatch {
    lines: Vec<Vec<u8>>,
    bytes: usize,
}

impl LineBatch {
    /// The bytes gathered before a write: the output's buffer size, so that the output hands
    /// the lines straight to the system instead of copying them.
    const BYTES: usize = 1 << 16;
    /// The most lines gathered (a vectored write takes at most 1,024 pieces).
    const LINES: usize = 512;

    fn push(&mut self, output: &mut Output, line: Vec<u8>) -> io::Result<()> {
        self.bytes += line.len();
        self.lines.push(line);
        if self.bytes >= LineBatch::BYTES || self.lines.len() >= LineBatch::LINES {
            self.flush(output)?;
        }
        Ok(())
    }

    fn flush(&mut self, output: &mut Output) -> io::Result<()> {
        output.write_lines(&self.lines)?;
        self.lines.clear();
        self.bytes = 0;
        Ok(())
    }
}

fn write_record(out: &mut Output, record: &Record, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, record)?;
        out.write_all(b"\n")
    } else {
        let mut line = Vec::new();
        json::write_record(record, &mut line);
        line.push(b'\n');
        out.write_all(&line)
    }
}

/// Completes the output: a closed pipe ends the run quietly and successfully (the reader
/// has what it wanted); any other write error is fatal.
pub fn finish(result: io::Result<Exit>, output: Output) -> Result<Exit, String> {
    match result.and_then(|exit| output.finish().map(|_| exit)) {
        Ok(exit) => Ok(exit),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Ok),
        Err(e) => Err(format!("cannot write the output: {}", jobs::io_reason(&e))),
    }
}
