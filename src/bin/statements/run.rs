//! Analysing the jobs of a batch: a file, standard input or a stream line into its records,
//! with failures and panics turned into error records; and the lines of a stream as jobs.
//! The parallel, order-keeping run of them is [`crate::ordered`]; `parse` writes its lines
//! from groups of jobs analysed together ([`crate::group`]).

use crate::inputs::StreamRecord;
use crate::jobs::{io_reason, with_file_bytes, Job};
use crate::sniff::not_a_story;
use statements::{Options, Record, StoryDate};
use std::io::BufRead;

/// Analyses one job into its records (one per story the input holds: a NewsML-G2 message
/// or a wire file may hold several); failures become error records.
///
/// A panic inside the library is a bug, but one story must never take a batch of thousands
/// down with it: it is caught here and becomes that story's error record.
pub fn analyse_job(job: Job, options: &Options) -> Vec<Record> {
    analyse_job_seeing(job, options, &mut |_| {})
}

/// [`analyse_job`], handing `see` the story's input bytes before they are analysed (for a
/// line of a JSON Lines stream, the line): `statements db` hashes them. A file may hold
/// several stories (a NewsML-G2 message of several items): one record each.
pub fn analyse_job_seeing(job: Job, options: &Options, see: &mut dyn FnMut(&[u8])) -> Vec<Record> {
    let source = job_source(&job);
    let records = guarded(|| analyse_job_inner(job, options, see))
        .unwrap_or_else(|reason| vec![error_record(None, None, reason)]);
    records
        .into_iter()
        .map(|r| with_path(r, source.clone()))
        .collect()
}

/// Runs `analyse` with its panics caught: a panic gives the error it is reported as.
pub fn guarded<R>(analyse: impl FnOnce() -> R) -> Result<R, String> {
    IN_JOB.with(|flag| flag.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse));
    IN_JOB.with(|flag| flag.set(false));
    outcome.map_err(|panic| panic_reason(panic.as_ref()))
}

/// A file's record, whatever became of it, carries the file's path `source`.
fn with_path(record: Record, source: Option<String>) -> Record {
    match source {
        Some(_) => Record {
            path: source,
            ..record
        },
        None => record,
    }
}

/// The path a job's record carries: the same text as `path.display()`, without the
/// formatting machinery (the UTF-8 check of `to_str` is much cheaper than the lossy decoder,
/// which only paths that are not UTF-8 need).
pub fn job_source(job: &Job) -> Option<String> {
    match job {
        Job::File { path, .. } => Some(match path.to_str() {
            Some(utf8) => utf8.to_owned(),
            None => path.to_string_lossy().into_owned(),
        }),
        _ => None,
    }
}

/// The error of a story whose analysis panicked.
pub fn panic_reason(panic: &(dyn std::any::Any + Send)) -> String {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    format!("internal error (please report it): {message}")
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

/// The records of a job; a file's records get their path from [`analyse_job`].
fn analyse_job_inner(job: Job, options: &Options, see: &mut dyn FnMut(&[u8])) -> Vec<Record> {
    match job {
        Job::File {
            path,
            regular,
            folder,
        } => {
            let folder = folder.as_deref();
            let options = &for_file(options, &path);
            let analysed = with_file_bytes(&path, folder, regular, options.max_bytes, |bytes| {
                if let Some(what) = not_a_story(&path, bytes) {
                    return vec![error_record(None, None, what)];
                }
                see(bytes);
                records_or_error(statements::analyse_document(bytes, options))
            });
            analysed.unwrap_or_else(|e| vec![error_record(None, None, io_reason(&e))])
        }
        Job::Stdin(bytes) => {
            see(&bytes);
            records_or_error(statements::analyse_document(&bytes, options))
        }
        Job::JsonLine(line_no, line) => {
            see(line.as_bytes());
            vec![analyse_line(line_no, &line, options)]
        }
        Job::Failed(path, reason) => vec![error_record(path, None, reason)],
    }
}

/// Appends the line of an error record, with the file's path `source`.
pub fn write_error(error: Record, source: Option<String>, out: &mut Vec<u8>) {
    statements::output::json::write_record(&with_path(error, source), out);
}

/// The options for the story file at `path`: with the date its path gives, when asked for.
pub fn for_file(options: &Options, path: &std::path::Path) -> Options {
    match path.to_str() {
        Some(p) => options.for_path(p),
        None => options.for_path(&path.to_string_lossy()),
    }
}

fn analyse_line(line_no: usize, line: &str, options: &Options) -> Record {
    match stream_story(line_no, line, options) {
        Ok(story) => {
            let mut record = statements::analyse_with(&story.text, &story.options);
            record.id = story.id;
            record
        }
        Err(record) => *record,
    }
}

/// A story of a JSON Lines stream: its text, its id and the options its date sets.
pub struct StreamStory {
    pub text: String,
    pub id: Option<String>,
    pub options: Options,
}

/// The story of line `line_no` of a stream, or the error record saying why there is none.
pub fn stream_story(
    line_no: usize,
    line: &str,
    options: &Options,
) -> Result<StreamStory, Box<Record>> {
    if line.len() > options.max_bytes {
        let reason = format!(
            "line {line_no}: record is {} bytes, more than the limit of {} bytes (see --max-bytes)",
            line.len(),
            options.max_bytes
        );
        return Err(Box::new(error_record(None, None, reason)));
    }
    let input: StreamRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            let reason = format!("line {line_no}: not a story record: {e}");
            return Err(Box::new(error_record(None, None, reason)));
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
                return Err(Box::new(error_record(None, id, reason)));
            }
        }
    }
    Ok(StreamStory {
        text: input.text,
        id,
        options,
    })
}

/// The records of an analysis, or an error record saying why there are none.
fn records_or_error(result: Result<Vec<Record>, statements::Error>) -> Vec<Record> {
    result.unwrap_or_else(|e| vec![error_record(None, None, e.to_string())])
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
