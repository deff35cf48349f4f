//! Analysing a group of jobs together into their JSON lines, stage by stage
//! ([`statements::batch`]): the batch path of `parse`. Each job's line is the one
//! [`run::analyse_job_to_json`] writes for it alone, error records included; only the order
//! of the work changes.

use crate::jobs::{io_reason, with_file_bytes, Job};
use crate::run;
use crate::sniff::not_a_story;
use statements::batch::{Batch, BatchInput, Content, Failure};
use statements::{Counts, Options, Record};

/// The input bytes analysed together at most: past them, a group is analysed in parts, so
/// that a group of long stories does not hold them all at once.
const GROUP_BYTES: usize = 256 << 10;

/// The largest file buffer a worker keeps for the next group.
const KEPT_BUFFER: usize = 256 << 10;

/// The line of a job (without its line break), and its counts (`None` for an error record).
pub struct JobLine {
    pub json: Vec<u8>,
    pub counts: Option<Counts>,
}

/// What a worker keeps from one group to the next: the buffers its files are read into, and
/// the memory of its analyses ([`Batch`]).
#[derive(Default)]
pub struct Grouper {
    spare: Vec<Vec<u8>>,
    batch: Batch,
}

/// A job whose input is read, waiting for its group's analysis: its line's slot, what it holds
/// and the record's path and id.
struct Ready {
    slot: usize,
    content: Owned,
    options: Options,
    path: Option<String>,
    id: Option<String>,
}

/// The input of a ready job.
enum Owned {
    Bytes(Vec<u8>),
    Text(String),
}

impl Grouper {
    /// The lines of `jobs`, in order.
    pub fn lines(&mut self, jobs: Vec<Job>, options: &Options) -> Vec<JobLine> {
        let mut lines = Vec::with_capacity(jobs.len());
        let mut ready = Vec::with_capacity(jobs.len());
        let mut bytes = 0;
        for job in jobs {
            // Sized for a typical record (about 2 KB for a 1 KB story), so that the buffer is
            // not regrown and copied several times while it is written.
            let mut json = Vec::with_capacity(4 * 1024);
            let source = run::job_source(&job);
            let slot = lines.len();
            match run::guarded(|| self.read(job, source.clone(), options, slot)) {
                Ok(Ok(job)) => {
                    bytes += job.content.len();
                    ready.push(job);
                }
                Ok(Err(error)) => run::write_error(*error, source, &mut json),
                Err(reason) => {
                    run::write_error(run::error_record(None, None, reason), source, &mut json)
                }
            }
            lines.push(JobLine { json, counts: None });
            if bytes >= GROUP_BYTES {
                self.analyse(&mut ready, &mut lines);
                bytes = 0;
            }
        }
        self.analyse(&mut ready, &mut lines);
        lines
    }

    /// Reads a job's input, or gives the error record it ends in.
    fn read(
        &mut self,
        job: Job,
        path: Option<String>,
        options: &Options,
        slot: usize,
    ) -> Result<Ready, Box<Record>> {
        let failed = |reason: String| Box::new(run::error_record(None, None, reason));
        let ready = |content, options: &Options, path, id| Ready {
            slot,
            content,
            options: options.clone(),
            path,
            id,
        };
        match job {
            Job::File {
                path: file,
                regular,
                folder,
            } => {
                let mut buffer = self.spare.pop().unwrap_or_default();
                buffer.clear();
                let read = with_file_bytes(
                    &file,
                    folder.as_deref(),
                    regular,
                    options.max_bytes,
                    |bytes| match not_a_story(&file, bytes) {
                        Some(what) => Err(what),
                        None => {
                            buffer.extend_from_slice(bytes);
                            Ok(())
                        }
                    },
                );
                read.map_err(|e| failed(io_reason(&e)))?.map_err(failed)?;
                let options = run::for_file(options, &file);
                Ok(ready(Owned::Bytes(buffer), &options, path, None))
            }
            Job::Stdin(bytes) => Ok(ready(Owned::Bytes(bytes), options, None, None)),
            Job::JsonLine(line_no, line) => {
                let story = run::stream_story(line_no, &line, options)?;
                Ok(ready(
                    Owned::Text(story.text),
                    &story.options,
                    None,
                    story.id,
                ))
            }
            Job::Failed(path, reason) => Err(Box::new(run::error_record(path, None, reason))),
        }
    }

    /// Analyses the ready jobs together into their lines, and keeps their buffers.
    fn analyse(&mut self, ready: &mut Vec<Ready>, lines: &mut [JobLine]) {
        if ready.is_empty() {
            return;
        }
        let inputs: Vec<BatchInput> = ready.iter().map(Ready::input).collect();
        let mut outs: Vec<Vec<u8>> = ready
            .iter()
            .map(|r| std::mem::take(&mut lines[r.slot].json))
            .collect();
        let results: Vec<Result<Counts, String>> =
            match run::guarded(|| self.batch.analyse_to_json(&inputs, &mut outs)) {
                Ok(results) => results.into_iter().map(|r| r.map_err(reason)).collect(),
                Err(reason) => vec![Err(reason); ready.len()],
            };
        drop(inputs);
        for ((job, mut json), result) in ready.drain(..).zip(outs).zip(results) {
            let line = &mut lines[job.slot];
            let failure = match result {
                Ok(counts) => {
                    line.counts = Some(counts);
                    None
                }
                Err(reason) => Some(reason),
            };
            if let Some(reason) = failure {
                json.clear();
                run::write_error(
                    run::error_record(None, None, reason),
                    job.path.clone(),
                    &mut json,
                );
            }
            line.json = json;
            match job.content {
                // A long file's buffer is let go, so that it does not hold its memory.
                Owned::Bytes(buffer) if buffer.capacity() <= KEPT_BUFFER => self.spare.push(buffer),
                _ => {}
            }
        }
    }
}

impl Ready {
    fn input(&self) -> BatchInput<'_> {
        BatchInput {
            content: match &self.content {
                Owned::Bytes(bytes) => Content::Bytes(bytes),
                Owned::Text(text) => Content::Text(text),
            },
            options: &self.options,
            path: self.path.as_deref(),
            id: self.id.as_deref(),
        }
    }
}

/// What a failed input's error record says.
fn reason(failure: Failure) -> String {
    match failure {
        Failure::Error(e) => e.to_string(),
        Failure::Panic(panic) => run::panic_reason(panic.as_ref()),
    }
}

impl Owned {
    fn len(&self) -> usize {
        match self {
            Owned::Bytes(bytes) => bytes.len(),
            Owned::Text(text) => text.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(path: PathBuf) -> Job {
        Job::File {
            path,
            regular: true,
            folder: None,
        }
    }

    #[test]
    fn a_group_writes_the_lines_its_jobs_give_alone() {
        crate::run::quiet_panics();
        let mut jobs: Vec<Job> = ["fixtures", "fixtures/formats", "fixtures/formats/hostile"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).expect("fixtures"))
            .map(|e| file(e.unwrap().path()))
            .collect();
        // Jobs that fail before their analysis, among the others.
        jobs.insert(2, file("fixtures/no such story.txt".into()));
        jobs.insert(4, Job::Failed(Some("x".into()), "walk error".into()));
        jobs.insert(6, Job::JsonLine(7, "{\"text\": 3}".into()));
        jobs.push(Job::JsonLine(
            8,
            "{\"text\": \"Talks open.\", \"id\": 4}".into(),
        ));
        let alone: Vec<Vec<u8>> = jobs
            .iter()
            .map(|job| {
                let records = run::analyse_job(copy(job), &Options::default());
                let mut line = Vec::new();
                for (i, record) in records.iter().enumerate() {
                    if i > 0 {
                        line.push(b'\n');
                    }
                    statements::output::json::write_record(record, &mut line);
                }
                line
            })
            .collect();
        let lines = Grouper::default().lines(jobs, &Options::default());
        assert_eq!(lines.len(), alone.len());
        for (line, alone) in lines.iter().zip(&alone) {
            assert_eq!(
                String::from_utf8_lossy(&line.json),
                String::from_utf8_lossy(alone)
            );
        }
    }

    fn copy(job: &Job) -> Job {
        match job {
            Job::File { path, .. } => file(path.clone()),
            Job::Stdin(bytes) => Job::Stdin(bytes.clone()),
            Job::JsonLine(n, line) => Job::JsonLine(*n, line.clone()),
            Job::Failed(path, reason) => Job::Failed(path.clone(), reason.clone()),
        }
    }
}
