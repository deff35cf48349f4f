//! Finding the stories to read: files, directories walked recursively, standard input, or the
//! records of a JSON Lines stream.

use crate::jobs::{io_reason, Job};
use crate::select::Select;
use serde::Deserialize;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// What was asked for on the command line.
pub enum Plan {
    /// One story, printed as one JSON document.
    Single(Job),
    /// Many stories, printed as JSON Lines in this order. Directories are walked lazily, as
    /// the workers ask for more, so that neither the start nor the memory of a run depends on
    /// the size of the archive. The [`Count`] counts the same stories by a second walk, for
    /// a progress bar with a total.
    Batch(Box<dyn Iterator<Item = Job> + Send>, Count),
    /// A JSON Lines stream, read lazily.
    Stream(Box<dyn BufRead + Send>),
}

/// Turns the command line inputs into a plan. Errors here are fatal (exit 2): they mean
/// nothing could run.
pub fn plan(inputs: &[PathBuf], jsonl: bool, select: Select) -> Result<Plan, String> {
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
            Ok(m) if !m.is_dir() => {
                return Ok(Plan::Single(Job::File {
                    path: only.clone(),
                    regular: m.is_file(),
                    folder: None,
                }))
            }
            Ok(_) => {}
            Err(e) => return Err(format!("{}: {}", only.display(), io_reason(&e))),
        }
    }
    let jobs = jobs_of(inputs.to_vec(), select.clone());
    let counted = (inputs.to_vec(), select);
    let count = Count(Box::new(move || {
        let (inputs, select) = counted;
        // Standard input is one story, and is not read twice.
        let walked = inputs.iter().filter(|p| !is_stdin(p)).cloned().collect();
        jobs_of(walked, select).count() + inputs.iter().filter(|p| is_stdin(p)).count()
    }));
    Ok(Plan::Batch(jobs, count))
}

/// Counts the stories of a batch (by walking its folders again), off the run's threads.
pub struct Count(pub Box<dyn FnOnce() -> usize + Send>);

/// The jobs of `inputs`: each folder walked lazily, its files filtered by `select`.
fn jobs_of(inputs: Vec<PathBuf>, select: Select) -> Box<dyn Iterator<Item = Job> + Send> {
    let is_stdin = |p: &Path| p.as_os_str() == "-";
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
            if select.keeps_all() || !input.is_dir() {
                return Box::new(crate::walk::walk(input));
            }
            let select = select.clone();
            Box::new(
                crate::walk::walk(input.clone()).filter(move |job| match job {
                    Job::File { path, .. } => select.keeps(&input, path),
                    _ => true,
                }),
            )
        });
    Box::new(jobs)
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
