//! Finding the stories to read: files, directories walked recursively, standard input, or the
//! records of a JSON Lines stream.

use crate::jobs::{io_reason, Job};
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
