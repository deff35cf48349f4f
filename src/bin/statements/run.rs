//! Running the analysis over many stories: parallel workers, a bounded queue of results and
//! one writer, in a deterministic order.
//!
//! Jobs are taken in chunks; each chunk is analysed in parallel on a rayon pool and its results
//! (already serialised) are sent through a bounded channel to the writer, which runs on the
//! calling thread. Memory is bounded by a few chunks whatever the size of the batch, the output
//! order is the job order whatever the number of threads, and the writer can stop the run
//! early (a closed pipe) by dropping the channel.
//!
//! A chunk is bounded by bytes as well as by jobs: its length follows the size of the results
//! of the chunks before it, so that a batch of long stories (whose records are large) holds
//! fewer of them at a time than a batch of short ones.

use crate::inputs::{io_reason, read_limited, Job, StreamRecord};
use rayon::prelude::*;
use statements::{Options, Record, StoryDate};
use std::io::{self, BufRead};

/// The most jobs that go to the workers at a time.
const CHUNK: usize = 256;
/// The fewest jobs in a chunk, and the length of the first one: enough to keep two workers
/// busy, few enough that a chunk of the longest stories stays small.
const MIN_CHUNK: usize = 4;
/// The result bytes a chunk aims at. With [`QUEUE`] chunks waiting, one being analysed and
/// one being written, results take about `(QUEUE + 2) * CHUNK_BYTES` whatever the length of
/// the stories (wire-sized stories give full chunks of [`CHUNK`] far below this).
const CHUNK_BYTES: usize = 4 << 20;
/// How many analysed chunks may wait for the writer.
const QUEUE: usize = 2;

/// The memory a result holds until it is written, in bytes (an estimate where it is not
/// simply a buffer's length).
pub trait Weigh {
    /// The bytes held.
    fn weight(&self) -> usize;
}

/// The length of a chunk to come, from the `len` jobs of the last analysed chunk and the
/// `bytes` their results weighed: as many jobs as [`CHUNK_BYTES`] holds at that size, within
/// [`MIN_CHUNK`]..=[`CHUNK`], and at most four times `len` so that one chunk of short stories
/// cannot open the door to a huge chunk of long ones.
fn next_chunk_len(len: usize, bytes: usize) -> usize {
    let per_job = (bytes / len.max(1)).max(1);
    (CHUNK_BYTES / per_job)
        .min(len.saturating_mul(4))
        .clamp(MIN_CHUNK, CHUNK)
}

/// Analyses one job into its record; failures become error records.
///
/// A panic inside the library is a bug, but one story must never take a batch of thousands
/// down with it: it is caught here and becomes that story's error record.
pub fn analyse_job(job: Job, options: &Options) -> Record {
    let source = match &job {
        // The same text as `path.display()`, without the formatting machinery; the UTF-8
        // check of `to_str` is much cheaper than the lossy decoder, which only paths that are
        // not UTF-8 need.
        Job::File(path) => Some(match path.to_str() {
            Some(utf8) => utf8.to_owned(),
            None => path.to_string_lossy().into_owned(),
        }),
        _ => None,
    };
    IN_JOB.with(|flag| flag.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse_job_inner(job, options)
    }));
    IN_JOB.with(|flag| flag.set(false));
    match outcome {
        // A file's record, whatever became of it, carries the file's path.
        Ok(record) if source.is_some() => Record {
            path: source,
            ..record
        },
        Ok(record) => record,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            error_record(
                source,
                None,
                format!("internal error (please report it): {message}"),
            )
        }
    }
}

thread_local! {
    /// True while this thread analyses a story, whose panics become error records.
    static IN_JOB: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the default panic message off standard error for panics that [`analyse_job`]
/// turns into error records (the record carries the message); any other panic is reported
/// on one line.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        if !IN_JOB.with(|flag| flag.get()) {
            eprintln!("statements: internal error (please report it): {info}");
        }
    }));
}

/// The record of a job; a file's record gets its path from [`analyse_job`].
fn analyse_job_inner(job: Job, options: &Options) -> Record {
    match job {
        Job::File(path) => match read_limited(&path, options.max_bytes) {
            Ok(bytes) => record_or_error(statements::analyse_bytes(&bytes, options)),
            Err(e) => error_record(None, None, io_reason(&e)),
        },
        Job::Stdin(bytes) => record_or_error(statements::analyse_bytes(&bytes, options)),
        Job::JsonLine(line_no, line) => analyse_line(line_no, &line, options),
        Job::Failed(path, reason) => error_record(path, None, reason),
    }
}

fn analyse_line(line_no: usize, line: &str, options: &Options) -> Record {
    if line.len() > options.max_bytes {
        let reason = format!(
            "line {line_no}: record is {} bytes, more than the limit of {} bytes (see --max-bytes)",
            line.len(),
            options.max_bytes
        );
        return error_record(None, None, reason);
    }
    let input: StreamRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return error_record(
                None,
                None,
                format!("line {line_no}: not a story record: {e}"),
            )
        }
    };
    let id = input.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let mut options = options.clone();
    if let Some(date) = input.date.as_deref().filter(|d| !d.trim().is_empty()) {
        match StoryDate::parse_iso(date) {
            Some(d) => options.story_date = Some(d),
            None => {
                let reason = format!("line {line_no}: date {date:?} is not YYYY-MM-DD");
                return error_record(None, id, reason);
            }
        }
    }
    let mut record = statements::analyse_with(&input.text, &options);
    record.id = id;
    record
}

/// The record of an analysis, or an error record saying why there is none.
fn record_or_error(result: Result<Record, statements::Error>) -> Record {
    result.unwrap_or_else(|e| error_record(None, None, e.to_string()))
}

/// A record for an input that could not be analysed: every key present, values empty.
pub fn error_record(path: Option<String>, id: Option<String>, reason: String) -> Record {
    Record {
        path,
        id,
        error: Some(reason),
        ..Record::default()
    }
}

/// Maps `jobs` through `analyse` on `pool`, in chunks, and hands the results to `write` in
/// job order. Stops early, without error, when `write` returns an error; that error is
/// returned.
pub fn ordered_map<T, I, F, W>(
    pool: &rayon::ThreadPool,
    jobs: I,
    analyse: F,
    mut write: W,
) -> io::Result<()>
where
    T: Send + Weigh,
    I: Iterator<Item = Job> + Send,
    F: Fn(Job) -> T + Sync,
    W: FnMut(T) -> io::Result<()>,
{
    let (sender, receiver) = crossbeam_channel::bounded::<Vec<T>>(QUEUE);
    std::thread::scope(|scope| {
        let analyse = &analyse;
        scope.spawn(move || {
            let mut jobs = jobs;
            let mut len = MIN_CHUNK;
            let mut chunk: Vec<Job> = jobs.by_ref().take(len).collect();
            while !chunk.is_empty() {
                // The next chunk is gathered (directories walked, stream lines read) while
                // this one is analysed, so that the workers never wait for the walk; its
                // length was set by the chunk before this one.
                let current = std::mem::take(&mut chunk);
                let current_len = current.len();
                let (results, next) = pool.install(|| {
                    rayon::join(
                        || current.into_par_iter().map(analyse).collect::<Vec<T>>(),
                        || jobs.by_ref().take(len).collect::<Vec<Job>>(),
                    )
                });
                len = next_chunk_len(current_len, results.iter().map(Weigh::weight).sum());
                if sender.send(results).is_err() {
                    break; // the writer stopped
                }
                chunk = next;
            }
        });
        let written = receiver
            .iter()
            .try_for_each(|chunk| chunk.into_iter().try_for_each(&mut write));
        // Dropping the receiver before the scope joins the producer unblocks a producer
        // waiting to send, so that a closed pipe stops the run instead of deadlocking it.
        drop(receiver);
        written
    })
}

/// The lines of a JSON Lines stream as jobs. A line that is not UTF-8 or cannot be read
/// becomes a failed job; blank lines are skipped.
pub fn stream_jobs(mut reader: Box<dyn BufRead + Send>) -> impl Iterator<Item = Job> + Send {
    let mut line_no = 0usize;
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        let mut buf = Vec::new();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(match String::from_utf8(buf) {
                    Ok(line) => Job::JsonLine(line_no, line),
                    Err(_) => Job::Failed(None, format!("line {line_no}: not UTF-8")),
                });
            }
            Err(e) => {
                done = true;
                return Some(Job::Failed(
                    None,
                    format!("line {line_no}: {}", io_reason(&e)),
                ));
            }
        }
    })
}

/// Builds the worker pool.
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err("--threads must be at least 1".into());
        }
        builder = builder.num_threads(n);
    }
    builder
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_about_chunk_bytes_of_results() {
        // (jobs in the last chunk, bytes of their results, length of a chunk to come)
        let cases = [
            // wire stories (records of a few KB): full chunks
            (256, 256 * 3_000, CHUNK),
            // the first chunks grow fourfold at most
            (MIN_CHUNK, MIN_CHUNK * 3_000, 4 * MIN_CHUNK),
            (64, 64 * 3_000, CHUNK),
            // records of 256 KB: 16 of them make CHUNK_BYTES
            (256, 256 * (256 << 10), 16),
            // records of 4 MB: never fewer than MIN_CHUNK jobs
            (16, 16 * (4 << 20), MIN_CHUNK),
            // empty results (failed inputs) weigh at least a byte each
            (256, 0, CHUNK),
            (0, 0, MIN_CHUNK),
        ];
        for (len, bytes, expected) in cases {
            assert_eq!(
                next_chunk_len(len, bytes),
                expected,
                "{len} jobs, {bytes} bytes"
            );
        }
    }
}
