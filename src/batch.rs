//! Many stories analysed together, stage by stage ([`analyse_batch_to_json`]): each stage of
//! the pipeline runs over every story of the batch before the next stage starts.
//!
//! The output is the same as [`crate::analyse_bytes_to_json`]'s for each input, byte for
//! byte; only the order of the work changes. A stage's code and tables then stay in the
//! processor's caches over many stories instead of being evicted by the next stages at each
//! story: on 500 wire stories, simulated instruction-cache misses fell by about 30 % and the
//! wall time by about 7 % (BENCHMARKS.md).
//!
//! Each input stays on its own: one that cannot be read, or whose analysis panics, fails
//! alone, with the error or the panic it would have given analysed by itself, and the other
//! inputs of the batch are analysed as if it were not there.

use crate::{output, read_input, source, Analysis, Counts, Error, Input, Options};
use crate::{Buffers, StoryIn, STAGES};
use std::any::Any;
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// One input of [`analyse_batch_to_json`], with the record's `path` and `id`.
pub struct BatchInput<'a> {
    /// What to analyse.
    pub content: Content<'a>,
    /// How.
    pub options: &'a Options,
    /// The record's `path`.
    pub path: Option<&'a str>,
    /// The record's `id`; when `None`, a story read from markup takes its item's identifier
    /// (as with [`crate::analyse_bytes_to_json`]).
    pub id: Option<&'a str>,
}

/// What an input of a batch holds.
#[derive(Clone, Copy)]
pub enum Content<'a> {
    /// The bytes of a story file, read as [`crate::analyse_bytes_to_json`] reads them (they
    /// may hold several stories).
    Bytes(&'a [u8]),
    /// The text of one story, analysed as [`crate::analyse_to_json`] analyses it.
    Text(&'a str),
}

/// Why an input of a batch gave no record.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read (too large, undecodable, markup with no story).
    Error(Error),
    /// Its analysis panicked (a bug): the panic's payload, for the caller to report.
    Panic(Box<dyn Any + Send>),
}

/// Analyses `inputs` stage by stage and appends the record lines of input `i` to `outs[i]`,
/// as [`crate::analyse_bytes_to_json`] (for [`Content::Bytes`]) or
/// [`crate::analyse_to_json`] (for [`Content::Text`]) would. Returns what each input gave:
/// its counts, or why it failed, in which case its `outs` slot is left as it was.
///
/// ```
/// use statements::batch::{analyse_batch_to_json, BatchInput, Content};
/// let options = statements::Options::default();
/// let texts = ["\"We are ready,\" Lavrov said.", "Talks were held on Monday."];
/// let inputs: Vec<BatchInput> = texts
///     .iter()
///     .map(|t| BatchInput { content: Content::Text(t), options: &options, path: None, id: None })
///     .collect();
/// let mut outs = vec![Vec::new(); 2];
/// let results = analyse_batch_to_json(&inputs, &mut outs);
/// for (text, out) in texts.iter().zip(&outs) {
///     let mut alone = Vec::new();
///     statements::analyse_to_json(text, &options, None, None, &mut alone);
///     assert_eq!(out, &alone);
/// }
/// assert_eq!(results[0].as_ref().unwrap().statements, 1);
/// ```
///
/// # Panics
///
/// When `outs` is shorter than `inputs`.
pub fn analyse_batch_to_json(
    inputs: &[BatchInput<'_>],
    outs: &mut [Vec<u8>],
) -> Vec<Result<Counts, Failure>> {
    Batch::default().analyse_to_json(inputs, outs)
}

/// A batch analyser that keeps its memory from one batch to the next (a worker's): the
/// analyses of its stories, whose lists the next stories' stages reuse, and the stages'
/// own buffers (the lines and sentences of the paragraph splitter, the date tokens). A batch
/// with a story longer than [`KEPT_TEXT`] lets it all go, so that one long story does not
/// hold its memory for the rest of the run.
#[derive(Default)]
pub struct Batch {
    analyses: Vec<Analysis>,
    buffers: Buffers,
}

/// The longest story after which a [`Batch`] keeps its memory, in bytes.
const KEPT_TEXT: usize = 256 << 10;

impl Batch {
    /// [`analyse_batch_to_json`], with this analyser's memory.
    ///
    /// # Panics
    ///
    /// When `outs` is shorter than `inputs`.
    pub fn analyse_to_json(
        &mut self,
        inputs: &[BatchInput<'_>],
        outs: &mut [Vec<u8>],
    ) -> Vec<Result<Counts, Failure>> {
        assert!(outs.len() >= inputs.len(), "one output per input");
        let mut failures: Vec<Option<Failure>> = Vec::with_capacity(inputs.len());
        let read: Vec<Option<Input<'_>>> = inputs
            .iter()
            .map(|input| match read(input) {
                Ok(read) => Some(read).inspect(|_| failures.push(None)),
                Err(failure) => {
                    failures.push(Some(failure));
                    None
                }
            })
            .collect();
        let mut stories = stories_of(inputs, &read);
        self.run_stages(&mut stories);
        // Each input's stories and their analyses, taken in turn.
        let (mut rest, mut analyses) = (&mut stories[..], &self.analyses[..]);
        let results = failures
            .into_iter()
            .zip(inputs)
            .zip(outs)
            .enumerate()
            .map(|(i, ((failure, input), out))| {
                let count = rest.iter().take_while(|s| s.of == i).count();
                let (mine, after) = std::mem::take(&mut rest).split_at_mut(count);
                let (found, later) = analyses.split_at(count);
                (rest, analyses) = (after, later);
                match failure {
                    Some(failure) => Err(failure),
                    None => write(mine, found, input, out),
                }
            })
            .collect();
        if stories.iter().any(|s| s.input.text.len() > KEPT_TEXT) {
            *self = Batch::default();
        }
        results
    }

    /// Runs each stage over every story not failed before the next stage starts; a panic
    /// fails its story alone.
    fn run_stages(&mut self, stories: &mut [Story<'_>]) {
        if self.analyses.len() < stories.len() {
            self.analyses.resize_with(stories.len(), Analysis::default);
        }
        let buffers = &mut self.buffers;
        for stage in STAGES {
            for (story, analysis) in stories.iter_mut().zip(&mut self.analyses) {
                if story.failed.is_some() {
                    continue;
                }
                let input = story.input;
                let step = AssertUnwindSafe(|| analysis.step(stage, input, buffers));
                if let Err(panic) = catch_unwind(step) {
                    story.failed = Some(panic);
                }
            }
        }
    }
}

/// A story of a batch: the input it comes from, how the stages read it, and the panic that
/// stopped them. Its findings are in the [`Batch`]'s analysis of the same index.
struct Story<'a> {
    of: usize,
    input: StoryIn<'a>,
    source: output::Source<'a>,
    id: Option<&'a str>,
    failed: Option<Box<dyn Any + Send>>,
}

/// Decodes an input and reads the stories of its markup (none for text).
fn read<'a>(input: &BatchInput<'a>) -> Result<Input<'a>, Failure> {
    match input.content {
        Content::Text(text) => Ok(Input::Plain(Cow::Borrowed(text))),
        Content::Bytes(bytes) => {
            match catch_unwind(AssertUnwindSafe(|| read_input(bytes, input.options))) {
                Ok(read) => read.map_err(Failure::Error),
                Err(panic) => Err(Failure::Panic(panic)),
            }
        }
    }
}

/// The stories of the inputs read, in order.
fn stories_of<'a>(inputs: &'a [BatchInput<'_>], read: &'a [Option<Input<'_>>]) -> Vec<Story<'a>> {
    let mut stories = Vec::with_capacity(read.len());
    for (of, (input, read)) in inputs.iter().zip(read).enumerate() {
        let story = |text, stated, origin, id| Story {
            of,
            input: StoryIn {
                text,
                options: input.options,
                stated,
            },
            source: origin,
            id,
            failed: None,
        };
        match read {
            Some(Input::Plain(text)) => {
                stories.push(story(text, None, output::Source::PLAIN, input.id));
            }
            Some(Input::Stories(format, extracted)) => {
                stories.extend(extracted.iter().map(|e| {
                    let id = input.id.or(e.fields.id.as_deref());
                    story(&e.text, Some(&e.fields), source(*format, e), id)
                }));
            }
            None => {}
        }
    }
    stories
}

/// Writes the records of one input's stories, one line each, apart by line breaks; its first
/// failed story fails it instead, leaving `out` as it was.
fn write(
    stories: &mut [Story<'_>],
    analyses: &[Analysis],
    input: &BatchInput<'_>,
    out: &mut Vec<u8>,
) -> Result<Counts, Failure> {
    let start = out.len();
    let mut counts = Counts::default();
    for (k, (story, analysis)) in stories.iter_mut().zip(analyses).enumerate() {
        let written = match story.failed.take() {
            Some(panic) => Err(panic),
            None => catch_unwind(AssertUnwindSafe(|| {
                if k > 0 {
                    out.push(b'\n');
                }
                let found = analysis.findings(story.source);
                output::write_findings(story.input.text, &found, input.path, story.id, out);
            })),
        };
        if let Err(panic) = written {
            out.truncate(start);
            return Err(Failure::Panic(panic));
        }
        counts.add(analysis.counts());
    }
    Ok(counts)
}

#[cfg(test)]
mod tests;
