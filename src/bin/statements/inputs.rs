//! Finding the stories to read: files, directories walked recursively, standard input, or the
//! records of a JSON Lines stream.

use serde::Deserialize;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One story to analyse, not read yet (reading happens on the worker threads).
#[derive(Debug)]
pub enum Job {
    /// A file to read.
    File(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
    /// A line of a JSON Lines stream, with its 1-based line number.
    JsonLine(usize, String),
    /// An input that failed before it could be read (walk error): its path and why.
    Failed(Option<String>, String),
}

/// What was asked for on the command line.
pub enum Plan {
    /// One story, printed as one JSON document.
    Single(Job),
    /// Many stories, printed as JSON Lines in this order. Directories are walked lazily, as
    /// the workers ask for more, so that neither the start nor the memory of a run depends on
    /// the size of the archive.
    Batch(Box<dyn Iterator<Item = Job> + Send>),
    /// A JSON Lines stream, read lazily.
    Stream(Box<dyn BufRead + Send>),
}

/// Turns the command line inputs into a plan. Errors here are fatal (exit 2): they mean
/// nothing could run.
pub fn plan(inputs: &[PathBuf], jsonl: bool) -> Result<Plan, String> {
    let is_stdin = |p: &Path| p.as_os_str() == "-";
    if jsonl {
        if inputs.len() != 1 {
            return Err("--jsonl reads exactly one input: a file, or - for standard input".into());
        }
        let reader: Box<dyn BufRead + Send> = if is_stdin(&inputs[0]) {
            Box::new(BufReader::with_capacity(1 << 16, io::stdin()))
        } else {
            let file = File::open(&inputs[0])
                .map_err(|e| format!("{}: {}", inputs[0].display(), io_reason(&e)))?;
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        return Ok(Plan::Stream(reader));
    }
    if inputs.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err("standard input (-) can be read only once".into());
    }
    if let [only] = inputs {
        if is_stdin(only) {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("standard input: {}", io_reason(&e)))?;
            return Ok(Plan::Single(Job::Stdin(bytes)));
        }
        match only.metadata() {
            Ok(m) if !m.is_dir() => return Ok(Plan::Single(Job::File(only.clone()))),
            Ok(_) => {}
            Err(e) => return Err(format!("{}: {}", only.display(), io_reason(&e))),
        }
    }
    let inputs = inputs.to_vec();
    let jobs = inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Job> + Send> {
            if is_stdin(&input) {
                let mut bytes = Vec::new();
                return Box::new(std::iter::once(match io::stdin().read_to_end(&mut bytes) {
                    Ok(_) => Job::Stdin(bytes),
                    Err(e) => Job::Failed(None, io_reason(&e)),
                }));
            }
            Box::new(crate::walk::walk(input))
        });
    Ok(Plan::Batch(Box::new(jobs)))
}

/// Room for a whole wire story (most are 1 to 10 KB), so that one `read` takes it in.
const READ_CAPACITY: usize = 32 * 1024;

/// Reads at most `limit + 1` bytes of a file, so that a huge file is refused without being
/// read whole.
///
/// The file's size is not asked for first: a story fits the initial buffer, and the `stat`
/// call per file would cost as much as a read in a batch of small files. Longer files grow
/// the buffer as they are read.
pub fn read_limited(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let mut bytes = Vec::with_capacity(READ_CAPACITY.min(limit.saturating_add(1)));
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A JSON Lines input record.
#[derive(Debug, Deserialize)]
pub struct StreamRecord {
    /// Copied to the output record; a number is copied as its decimal text.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// The story.
    pub text: String,
    /// The story date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
}

/// A short, lower-case reason for an I/O error, without the `(os error N)` noise.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
