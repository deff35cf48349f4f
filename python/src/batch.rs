//! A batch of stories run on a pool of Rust threads, their records handed to Python in input
//! order: the iterator `parse_many` and `parse_files` return.
//!
//! The consuming thread drives everything. Each `__next__` takes inputs from the source (a
//! Python iterator needs the interpreter's lock to be read) until `window` stories are in
//! flight, then waits for the next record in order with the lock released, and turns it into
//! Python objects. The workers never touch Python: while the consumer converts one record,
//! they analyse the next ones.

use crate::story::{error_record, item_job, Job};
use crate::walk::Files;
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use statements::{Options, Record};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Stories in flight per worker: enough that no worker runs out of stories while the
/// consuming thread waits for a core on a busy machine (with 32, workers starved and a batch
/// took 1.4x the command line's time under load).
const WINDOW_PER_THREAD: usize = 64;

/// The most bytes of text in flight, so that a window of huge stories stays within memory
/// (one story is always let through, whatever its size).
const WINDOW_BYTES: usize = 64 << 20;

/// The records of a batch, in input order (an iterator; see `statements.parse_many`).
#[pyclass(unsendable, module = "statements._statements")]
pub struct Records {
    source: Source,
    options: Options,
    jobs: Option<Sender<(u64, Job)>>,
    results: Receiver<(u64, Vec<Record>)>,
    /// Records that arrived before their turn.
    pending: HashMap<u64, Vec<Record>>,
    /// The records of the input whose turn it is that are not yielded yet (a file of
    /// several stories gives several).
    ready: std::collections::VecDeque<Record>,
    issued: u64,
    yielded: u64,
    window: u64,
    /// The sizes of the texts in flight, oldest first, and their sum.
    sizes: std::collections::VecDeque<usize>,
    bytes: usize,
    /// No more inputs: the source is exhausted or failed.
    drained: bool,
    /// The source's error, raised once the records before it are out.
    error: Option<PyErr>,
    stop: Arc<AtomicBool>,
    names: crate::convert::Names,
    /// Records converted, for the workers to free.
    trash: Sender<Record>,
    workers: Vec<std::thread::JoinHandle<()>>,
}

/// Where the stories come from.
enum Source {
    /// `parse_many`'s iterable, with the index of the next item.
    Items(Py<PyIterator>, usize),
    /// `parse_files`' paths.
    Files(Box<Files>),
}

#[pymethods]
impl Records {
    #[new]
    #[pyo3(signature = (items, *, threads=None, max_bytes=statements::DEFAULT_MAX_BYTES))]
    fn new(items: &Bound<'_, PyAny>, threads: Option<usize>, max_bytes: usize) -> PyResult<Self> {
        let source = Source::Items(items.try_iter()?.unbind(), 0);
        Records::start(source, threads, max_bytes)
    }

    /// The records of the story files at `paths` (files, and folders walked as the command
    /// line walks them).
    #[staticmethod]
    #[pyo3(signature = (paths, *, threads=None, max_bytes=statements::DEFAULT_MAX_BYTES))]
    fn files(
        paths: Vec<std::path::PathBuf>,
        threads: Option<usize>,
        max_bytes: usize,
    ) -> PyResult<Self> {
        Records::start(
            Source::Files(Box::new(Files::new(paths))),
            threads,
            max_bytes,
        )
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.ready.is_empty() {
            self.fill(py);
            if self.yielded == self.issued {
                self.close(py);
                return match self.error.take() {
                    Some(error) => Err(error),
                    None => Ok(None),
                };
            }
            self.ready = self.next_records(py)?.into();
            self.yielded += 1;
            self.bytes -= self.sizes.pop_front().unwrap_or(0);
        }
        let Some(record) = self.ready.pop_front() else {
            // an input with no record (never made: every input gives one at least)
            return self.__next__(py);
        };
        let object = crate::convert::record(py, &record, &mut self.names);
        // Freed by a worker: the consumer is the batch's bottleneck.
        let _ = self.trash.send(record);
        object.map(Some)
    }

    /// Stops the workers (each finishes the story it is on); the records not taken yet are
    /// dropped.
    fn close(&mut self, py: Python<'_>) {
        let workers = self.stop_workers();
        py.detach(move || workers.into_iter().for_each(|worker| drop(worker.join())));
    }
}

impl Records {
    /// Tells the workers to stop and closes their queue; returns them, to be joined.
    fn stop_workers(&mut self) -> Vec<std::thread::JoinHandle<()>> {
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
        self.drained = true;
        self.issued = self.yielded;
        self.pending.clear();
        self.sizes.clear();
        self.bytes = 0;
        std::mem::take(&mut self.workers)
    }

    fn start(source: Source, threads: Option<usize>, max_bytes: usize) -> PyResult<Records> {
        let threads = match threads {
            None => default_threads(),
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
        };
        let options = Options {
            max_bytes,
            ..Options::default()
        };
        let window = threads * WINDOW_PER_THREAD;
        let (jobs, queue) = crossbeam_channel::bounded::<(u64, Job)>(window);
        let (done, results) = crossbeam_channel::unbounded();
        let stop = Arc::new(AtomicBool::new(false));
        let (trash, bin) = crossbeam_channel::unbounded();
        let mut workers = Vec::with_capacity(threads);
        for n in 0..threads {
            let (queue, done, stop) = (queue.clone(), done.clone(), stop.clone());
            let bin: Receiver<Record> = bin.clone();
            let file_options = options.clone();
            let worker = std::thread::Builder::new()
                .name(format!("statements-{n}"))
                .spawn(move || work(&queue, &done, &bin, &stop, &file_options))
                .map_err(|e| PyValueError::new_err(format!("cannot start a thread: {e}")))?;
            workers.push(worker);
        }
        Ok(Records {
            source,
            options,
            jobs: Some(jobs),
            results,
            pending: HashMap::new(),
            ready: std::collections::VecDeque::new(),
            issued: 0,
            yielded: 0,
            window: window as u64,
            sizes: std::collections::VecDeque::with_capacity(window),
            bytes: 0,
            drained: false,
            error: None,
            stop,
            names: crate::convert::Names::default(),
            trash,
            workers,
        })
    }

    /// Sends jobs until `window` are in flight or the source is drained.
    fn fill(&mut self, py: Python<'_>) {
        while !self.drained
            && self.issued - self.yielded < self.window
            && (self.bytes < WINDOW_BYTES || self.issued == self.yielded)
        {
            let job = match &mut self.source {
                Source::Items(items, index) => {
                    let mut items = items.bind(py).clone();
                    match items.next() {
                        Some(Ok(item)) => {
                            *index += 1;
                            Some(Ok(item_job(*index - 1, &item, &self.options)))
                        }
                        Some(Err(error)) => Some(Err(error)),
                        None => None,
                    }
                }
                Source::Files(files) => files.next().map(Ok),
            };
            match (job, &self.jobs) {
                (Some(Ok(job)), Some(jobs)) => {
                    let size = job.text_size();
                    self.sizes.push_back(size);
                    self.bytes += size;
                    // The queue holds `window` jobs, more than are ever in flight.
                    let _ = jobs.send((self.issued, job));
                    self.issued += 1;
                }
                (Some(Err(error)), _) => {
                    self.error = Some(error);
                    self.drained = true;
                }
                _ => self.drained = true,
            }
        }
    }

    /// The records of input `yielded`, waited for with the interpreter's lock released;
    /// signals (Ctrl-C) are checked every 100 ms meanwhile.
    fn next_records(&mut self, py: Python<'_>) -> PyResult<Vec<Record>> {
        let want = self.yielded;
        loop {
            if let Some(record) = self.pending.remove(&want) {
                return Ok(record);
            }
            let (results, pending) = (&self.results, &mut self.pending);
            let waited = py.detach(|| loop {
                match results.recv_timeout(Duration::from_millis(100)) {
                    Ok((seq, record)) if seq == want => return Ok(Some(record)),
                    Ok((seq, record)) => {
                        pending.insert(seq, record);
                    }
                    Err(RecvTimeoutError::Timeout) => return Ok(None),
                    Err(RecvTimeoutError::Disconnected) => return Err(()),
                }
            });
            match waited {
                Ok(Some(record)) => return Ok(record),
                Ok(None) => py.check_signals()?,
                Err(()) => {
                    return Err(pyo3::exceptions::PyRuntimeError::new_err(
                        "the worker threads stopped",
                    ))
                }
            }
        }
    }
}

impl Drop for Records {
    fn drop(&mut self) {
        // The workers never need the interpreter's lock, so they end while it is held.
        for worker in self.stop_workers() {
            let _ = worker.join();
        }
    }
}

/// A worker: runs jobs until the queue closes or the batch stops, and frees the records the
/// consumer has converted.
fn work(
    queue: &Receiver<(u64, Job)>,
    done: &Sender<(u64, Vec<Record>)>,
    bin: &Receiver<Record>,
    stop: &AtomicBool,
    options: &Options,
) {
    for (seq, job) in queue {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        bin.try_iter().for_each(drop);
        if done.send((seq, run(job, options))).is_err() {
            return;
        }
    }
}

/// The records of one job (a file of several stories gives several, as on the command
/// line); a failure or a panic gives an error record.
fn run(job: Job, options: &Options) -> Vec<Record> {
    match job {
        Job::Story { input, id, options } => {
            let records = guarded(|| input.analyse_all(&options))
                .and_then(|result| result)
                .unwrap_or_else(|reason| vec![error_record(None, None, reason)]);
            // a story's own id (a NewsML-G2 item's guid) wins over none
            records
                .into_iter()
                .map(|r| Record {
                    id: id.clone().or(r.id),
                    ..r
                })
                .collect()
        }
        Job::File(path, regular, folder) => {
            let source = path_text(&path);
            let records =
                guarded(|| crate::walk::analyse_file(&path, regular, folder.as_deref(), options))
                    .and_then(|result| result)
                    .unwrap_or_else(|reason| vec![error_record(None, None, reason)]);
            records
                .into_iter()
                .map(|r| Record {
                    path: Some(source.clone()),
                    ..r
                })
                .collect()
        }
        Job::Failed(record) => vec![*record],
    }
}

/// A path as the command line writes it in a record.
pub fn path_text(path: &std::path::Path) -> String {
    match path.to_str() {
        Some(utf8) => utf8.to_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}

/// Runs `analyse` with its panics caught: a panic (a bug) gives the error it is reported as.
pub fn guarded<R>(analyse: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse)).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        format!("internal error (please report it): {message}")
    })
}

/// One thread per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
