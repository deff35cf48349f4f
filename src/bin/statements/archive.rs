//! What the commands over an archive (`quotes`, `timeline`, `db`, `graph`, `report`) share:
//! the stories analysed in parallel and handed over in input order, each filtered and
//! slimmed on its worker thread, so that the command holds one story at a time (or what it
//! keeps of each), failures reported on standard error, and the summary line.

use crate::cli::{FilterArgs, InputArgs};
use crate::exit::Exit;
use crate::inputs::Plan;
use crate::jobs::Job;
use crate::ordered::{self, Weigh};
use crate::progress::Progress;
use crate::run;
use sha2::{Digest, Sha256};
use statements::output::archive::filter::Filter;
use statements::{Options, Record};
use std::io;

/// One story as a command receives it.
pub struct Story {
    /// Its record, filtered and slimmed.
    pub record: Record,
    /// The sha256 of its input bytes, when asked for (see [`Run::hashed`]).
    pub hash: Option<[u8; 32]>,
}

impl Weigh for Story {
    fn weight(&self) -> usize {
        record_weight(&self.record)
    }
}

/// The bytes a record holds, roughly: its texts and the size of its items.
pub fn record_weight(r: &Record) -> usize {
    let quotes: usize = r
        .quotes
        .iter()
        .map(|q| std::mem::size_of_val(q) + q.text.len() + 64)
        .sum();
    let events: usize = r
        .events
        .iter()
        .map(|e| {
            std::mem::size_of_val(e) + e.text.len() + 64 * (e.actors.len() + e.recipients.len())
        })
        .sum();
    let speakers: usize = r
        .speakers
        .iter()
        .map(|s| std::mem::size_of_val(s) + s.name.len() + 48 * s.mentions.len())
        .sum();
    std::mem::size_of::<Record>() + quotes + events + speakers + 32 * r.dates.len()
}

/// A run over an archive: its inputs, workers, filter and what each worker keeps.
pub struct Run {
    plan: Plan,
    workers: ordered::Workers,
    options: Options,
    filter: Filter,
    quiet: bool,
    hashed: bool,
    slim: fn(Record) -> Record,
}

/// What a run read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Stories read.
    pub stories: usize,
    /// Stories that could not be analysed.
    pub failed: usize,
    /// Stories the filter kept.
    pub kept: usize,
}

impl Counts {
    /// The exit status of the run.
    pub fn exit(&self) -> Exit {
        Exit::from_counts(self.stories, self.failed)
    }
}

impl Run {
    /// A run over the command line's inputs with its filter.
    pub fn new(input: &InputArgs, filter: &FilterArgs) -> Result<Run, String> {
        Ok(Run {
            plan: input.plan()?,
            workers: ordered::workers(input.threads)?,
            options: input.options(),
            filter: filter.filter()?,
            quiet: input.quiet,
            hashed: false,
            slim: |r| r,
        })
    }

    /// Each story's input bytes hashed (sha256) on its worker.
    pub fn hashed(mut self) -> Run {
        self.hashed = true;
        self
    }

    /// `slim` applied to each record on its worker, to drop what the command does not use.
    pub fn slimmed(mut self, slim: fn(Record) -> Record) -> Run {
        self.slim = slim;
        self
    }

    /// Analyses every story and hands those the filter keeps to `consume`, in input order.
    /// Failed stories are reported on standard error. The summary line is `summary` (what the
    /// command made) after the counts of stories, unless the run is quiet.
    pub fn each(
        self,
        mut consume: impl FnMut(Story) -> io::Result<()>,
    ) -> io::Result<(Counts, Progress)> {
        self.each_with(|_| (), |story, ()| consume(story))
    }

    /// As [`Run::each`], with `prepare` run on each kept record on its worker thread before it
    /// is slimmed (the work a command does per story, done in parallel), its result handed to
    /// `consume` with the story.
    pub fn each_with<T: Weigh + Send>(
        self,
        prepare: impl Fn(&Record) -> T + Sync,
        mut consume: impl FnMut(Story, T) -> io::Result<()>,
    ) -> io::Result<(Counts, Progress)> {
        let progress = Progress::start(self.quiet);
        let jobs: Box<dyn Iterator<Item = Job> + Send> = match self.plan {
            Plan::Single(job) => Box::new(std::iter::once(job)),
            Plan::Batch(jobs, count) => {
                progress.count_in_background(count);
                jobs
            }
            Plan::Stream(reader) => Box::new(run::stream_jobs(reader)),
        };
        let worker = Worker {
            options: self.options,
            filter: self.filter,
            hashed: self.hashed,
            slim: self.slim,
        };
        let mut counts = Counts::default();
        let analyse = |job: Job| worker.stories(job, &prepare);
        ordered::ordered_map(self.workers, jobs, analyse, |stories| {
            progress.tick();
            for story in stories {
                counts.stories += 1;
                let Some((story, prepared)) = story else {
                    continue;
                };
                if let Some(e) = &story.record.error {
                    counts.failed += 1;
                    let r = &story.record;
                    let name = r.path.as_deref().or(r.id.as_deref()).unwrap_or("-");
                    progress.println(&format!("statements: {name}: {e}"));
                    continue;
                }
                counts.kept += 1;
                consume(story, prepared)?;
            }
            Ok(())
        })?;
        Ok((counts, progress))
    }
}

/// What a worker thread does to each job of a run.
struct Worker {
    options: Options,
    filter: Filter,
    hashed: bool,
    slim: fn(Record) -> Record,
}

impl Worker {
    /// The stories of one job, each analysed, filtered (`None` when the filter drops it),
    /// prepared and slimmed. A file may hold several stories (a NewsML-G2 message of several
    /// items): each is a story of its own here, with the file's hash.
    fn stories<T>(&self, job: Job, prepare: &impl Fn(&Record) -> T) -> Vec<Option<(Story, T)>> {
        let mut hash = None;
        let mut see = |bytes: &[u8]| {
            if self.hashed {
                hash = Some(Sha256::digest(bytes).into());
            }
        };
        let records = run::analyse_job_seeing(job, &self.options, &mut see);
        records
            .into_iter()
            .map(|mut record| {
                if !self.filter.apply(&mut record) {
                    return None;
                }
                let prepared = prepare(&record);
                let record = if record.error.is_some() {
                    record
                } else {
                    (self.slim)(record)
                };
                Some((Story { record, hash }, prepared))
            })
            .collect()
    }
}

impl Weigh for () {
    fn weight(&self) -> usize {
        0
    }
}

impl<T: Weigh> Weigh for Option<(Story, T)> {
    fn weight(&self) -> usize {
        self.as_ref()
            .map_or(16, |(story, t)| story.weight() + t.weight())
    }
}

/// The summary line of an archive command: `statements: 21570 stories (0 failed, 21570
/// kept): 72282 quotes in 0.93 s`.
pub fn summary(counts: &Counts, made: &str) -> String {
    format!(
        "{} stories ({} failed, {} kept): {made}",
        counts.stories, counts.failed, counts.kept
    )
}
