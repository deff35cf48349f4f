//! An order-keeping parallel map over a batch: one reader, workers, bounded queues and one
//! writer.
//!
//! One thread reads the jobs (walks the directories, reads the stream lines) and numbers them;
//! the workers take them from a queue, and hand their results to the writer, which runs on
//! the calling thread and writes them in job order. A slow story holds back only the writing
//! of the results after it, and the other stories of its worker's group, never the other
//! workers.
//!
//! A worker takes its jobs in groups ([`ordered_map_groups`]): the next job, and as many of
//! those queued behind it as its share of the queue allows, up to the group's size, itself
//! cut so that a group's results weigh about [`GROUP_RESULT_BYTES`] (by the last group's). The
//! command line analyses a group stage by stage ([`statements::batch`]), whose code then stays
//! in the processor's caches; a worker never waits for a group to fill up.
//!
//! Memory is bounded whatever the size of the batch: the queue holds at most [`QUEUE_JOBS`]
//! jobs and [`QUEUE_BYTES`] of input, and the workers start no new group (except one that
//! starts with the job the writer waits for) while [`HELD_BYTES`] of results wait to be
//! written: they exceed it by at most a group of results each. The writer can stop the run
//! early (a closed pipe): the reader then takes no more jobs and the workers stop.
//!
//! Threads wait on each other through condition variables woken only when there is room for
//! many jobs (or when the writer may go on), not at each job: a wake-up is a system call,
//! and a wire story takes only about forty microseconds to analyse.

use crate::jobs::Job;
use crossbeam_channel::TryRecvError;
use std::collections::VecDeque;
use std::io;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The most jobs queued for the workers.
const QUEUE_JOBS: usize = 1024;
/// The most input bytes queued for the workers (the lines of a stream carry their story).
const QUEUE_BYTES: usize = 8 << 20;
/// The result bytes past which the workers start no story but the one the writer waits for:
/// a slow story holds back the results after it, and those of long stories are large.
const HELD_BYTES: usize = 16 << 20;
/// What each result weighs beyond its bytes, so that many tiny results are bounded too.
const RESULT_OVERHEAD: usize = 64;
/// The most results a worker hands over at once: one message (and one wake-up of the writer)
/// per result would cost more than writing it.
const BATCH: usize = 64;
/// The most result bytes a worker gathers before it hands them over.
const BATCH_BYTES: usize = 1 << 20;
/// The result bytes a group is sized to give: a worker's next group takes as many jobs as the
/// last group's results, on average, fit in (at least one, at most the group size asked
/// for), so that the results of a group of long stories, held until the whole group is done,
/// stay within about this much (a group of 32 long stories held 60 MB more).
const GROUP_RESULT_BYTES: usize = 512 << 10;
/// The jobs of a worker's first group, before it knows what its results weigh.
const FIRST_GROUP: usize = 4;

/// The memory a result holds until it is written, in bytes (an estimate where it is not
/// simply a buffer's length).
pub trait Weigh {
    /// The bytes held.
    fn weight(&self) -> usize;
}

/// The results of a job that gave several (the stories of one file) weigh what they add up to.
impl<T: Weigh> Weigh for Vec<T> {
    fn weight(&self) -> usize {
        self.iter().map(Weigh::weight).sum()
    }
}

/// How many workers analyse stories at once.
#[derive(Debug, Clone, Copy)]
pub struct Workers {
    threads: usize,
}

impl Workers {
    /// How many there are.
    pub fn threads(self) -> usize {
        self.threads
    }
}

/// The workers asked for with `--threads` (default: one per core).
pub fn workers(threads: Option<usize>) -> Result<Workers, String> {
    let threads = match threads {
        Some(0) => return Err("--threads must be at least 1".into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    Ok(Workers { threads })
}

/// Maps `jobs` through `analyse` on `workers` threads and hands the results to `write` in job
/// order. Stops early, without error, when `write` returns an error; that error is returned.
pub fn ordered_map<T, I, F, W>(workers: Workers, jobs: I, analyse: F, write: W) -> io::Result<()>
where
    T: Send + Weigh,
    I: Iterator<Item = Job> + Send,
    F: Fn(Job) -> T + Sync,
    W: FnMut(T) -> io::Result<()>,
{
    let analyse = &analyse;
    let one_at_a_time = || move |group: Vec<Job>| group.into_iter().map(analyse).collect();
    ordered_map_groups(workers, 1, jobs, one_at_a_time, write)
}

/// [`ordered_map`] with the jobs analysed in groups of up to `most` (a worker takes several
/// from the queue when there are enough for every worker), by an analyser each worker makes
/// with `analyser` and keeps for all its groups (so that it may reuse its memory). An analyser
/// returns one result per job of the group, in order.
pub fn ordered_map_groups<T, I, M, A, W>(
    workers: Workers,
    most: usize,
    jobs: I,
    analyser: M,
    mut write: W,
) -> io::Result<()>
where
    T: Send + Weigh,
    I: Iterator<Item = Job> + Send,
    M: Fn() -> A + Sync,
    A: FnMut(Vec<Job>) -> Vec<T>,
    W: FnMut(T) -> io::Result<()>,
{
    let queue = Queue::default();
    let held = Held::default();
    // The channel has room for more than the queue lets in: the reader waits on the queue,
    // which wakes it once for many jobs, never on the channel.
    let (job_sender, job_receiver) = crossbeam_channel::bounded::<Queued>(QUEUE_JOBS + 1);
    let (result_sender, result_receiver) = crossbeam_channel::unbounded::<Vec<Done<T>>>();
    std::thread::scope(|scope| {
        let (queue, held, analyser) = (&queue, &held, &analyser);
        scope.spawn(move || {
            for (seq, job) in jobs.enumerate() {
                let bytes = input_bytes(&job);
                if !queue.wait_for_room() {
                    break; // the writer stopped
                }
                queue.add(bytes);
                if job_sender.send(Queued { seq, job, bytes }).is_err() {
                    break;
                }
            }
        });
        for _ in 0..workers.threads {
            let worker = Worker {
                jobs: job_receiver.clone(),
                results: result_sender.clone(),
                queue,
                held,
                most: most.max(1),
                threads: workers.threads,
            };
            scope.spawn(move || worker.work(analyser()));
        }
        drop((job_receiver, result_sender));
        let written = write_in_order(&result_receiver, held, &mut write);
        if written.is_err() {
            queue.room.stop();
            held.room.stop();
        }
        // Dropping the receiver before the scope joins the threads makes the workers' sends
        // fail, so that a closed pipe stops the run instead of analysing the rest for nothing.
        drop(result_receiver);
        written
    })
}

/// A job in the queue, with its number and the input bytes it carries.
struct Queued {
    seq: usize,
    job: Job,
    bytes: usize,
}

/// The input bytes a job holds until a worker takes it.
fn input_bytes(job: &Job) -> usize {
    match job {
        Job::File { path, .. } => path.as_os_str().len(),
        Job::Stdin(bytes) => bytes.len(),
        Job::JsonLine(_, line) => line.len(),
        Job::Failed(_, reason) => reason.len(),
    }
}

/// A result, its job's number and its weight.
struct Done<T> {
    seq: usize,
    result: T,
    weight: usize,
}

/// A worker: what it takes jobs from and hands results to.
struct Worker<'q, T> {
    jobs: crossbeam_channel::Receiver<Queued>,
    results: crossbeam_channel::Sender<Vec<Done<T>>>,
    queue: &'q Queue,
    held: &'q Held,
    /// The most jobs of a group.
    most: usize,
    threads: usize,
}

impl<T: Weigh> Worker<'_, T> {
    /// Analyses groups of jobs until there are no more, handing results over in batches.
    fn work(&self, mut analyse: impl FnMut(Vec<Job>) -> Vec<T>) {
        let mut batch = Batch {
            done: Vec::with_capacity(BATCH),
            bytes: 0,
        };
        let mut size = FIRST_GROUP.min(self.most);
        while let Some(group) = self.take_group(&mut batch, size) {
            if self.held.is_full(group[0].seq) {
                if !self.hand_over(&mut batch) {
                    return;
                }
                if !self.held.wait_for_room(group[0].seq) {
                    return;
                }
            }
            let seqs: Vec<usize> = group.iter().map(|q| q.seq).collect();
            let results = analyse(group.into_iter().map(|q| q.job).collect());
            debug_assert_eq!(results.len(), seqs.len(), "one result per job");
            let (jobs, mut group_bytes) = (results.len(), 0);
            for (seq, result) in seqs.into_iter().zip(results) {
                let weight = result.weight() + RESULT_OVERHEAD;
                group_bytes += weight;
                self.held.add(weight);
                batch.bytes += weight;
                batch.done.push(Done {
                    seq,
                    result,
                    weight,
                });
            }
            let each = group_bytes / jobs.max(1);
            size = (GROUP_RESULT_BYTES / each.max(1)).clamp(1, self.most);
            if (batch.done.len() >= BATCH || batch.bytes >= BATCH_BYTES)
                && !self.hand_over(&mut batch)
            {
                return; // the writer stopped
            }
        }
        self.hand_over(&mut batch);
    }

    /// The next group of jobs: the next job, waited for when there is none (after handing
    /// over the work done: the writer may be waiting for one of these results), then those
    /// queued behind it up to this worker's share of the queue. `None` when the jobs are
    /// over or the writer stopped.
    fn take_group(&self, batch: &mut Batch<T>, size: usize) -> Option<Vec<Queued>> {
        let first = match self.jobs.try_recv() {
            Ok(next) => next,
            Err(TryRecvError::Empty) => {
                if !self.hand_over(batch) {
                    return None;
                }
                self.jobs.recv().ok()?
            }
            Err(TryRecvError::Disconnected) => return None,
        };
        self.queue.took(first.bytes);
        // A share of what waits, so that the other workers are not left idle at the end.
        let share = self.jobs.len() / self.threads;
        let mut group = Vec::with_capacity(size.min(share + 1));
        group.push(first);
        while group.len() < size.min(share + 1) {
            let Ok(next) = self.jobs.try_recv() else {
                break;
            };
            self.queue.took(next.bytes);
            group.push(next);
        }
        Some(group)
    }

    /// Hands the batch to the writer; false when the writer stopped.
    fn hand_over(&self, batch: &mut Batch<T>) -> bool {
        batch.bytes = 0;
        batch.done.is_empty() || self.results.send(std::mem::take(&mut batch.done)).is_ok()
    }
}

/// The results a worker gathered and not yet handed over, and their weight.
struct Batch<T> {
    done: Vec<Done<T>>,
    bytes: usize,
}

/// The writer: puts the results back in job order and writes each as soon as all those
/// before it are written.
fn write_in_order<T>(
    results: &crossbeam_channel::Receiver<Vec<Done<T>>>,
    held: &Held,
    write: &mut impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    // Slot `k` holds the result of job `next + k` once it is done.
    let mut pending: VecDeque<Option<Done<T>>> = VecDeque::new();
    let mut next = 0usize;
    for batch in results {
        for done in batch {
            let slot = done.seq - next;
            if pending.len() <= slot {
                pending.resize_with(slot + 1, || None);
            }
            pending[slot] = Some(done);
        }
        let mut bytes = 0;
        let mut outcome = Ok(());
        while let Some(Some(_)) = pending.front() {
            let Some(Some(done)) = pending.pop_front() else {
                break;
            };
            next += 1;
            bytes += done.weight;
            outcome = write(done.result);
            if outcome.is_err() {
                break;
            }
        }
        held.written(next, bytes);
        outcome?;
    }
    Ok(())
}

/// Where threads wait for room: a condition variable and its mutex, which guards nothing but
/// the wait itself (the state is in atomics, read without the lock on the paths taken at every
/// job), how many wait, and whether the run stopped (the writer's output failed).
#[derive(Default)]
struct Room {
    lock: Mutex<()>,
    cond: Condvar,
    waiting: AtomicUsize,
    stopped: AtomicBool,
}

impl Room {
    fn lock(&self) -> MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits while `full` holds and the run goes on; false when the run stopped. The count of
    /// waiting threads is raised before the last check, under the lock, so that a waker that
    /// sees it down had already changed what `full` reads.
    fn wait_while(&self, full: impl Fn() -> bool) -> bool {
        let mut guard = self.lock();
        self.waiting.fetch_add(1, SeqCst);
        while full() && !self.is_stopped() {
            guard = self
                .cond
                .wait(guard)
                .unwrap_or_else(PoisonError::into_inner);
        }
        self.waiting.fetch_sub(1, SeqCst);
        !self.is_stopped()
    }

    fn has_waiters(&self) -> bool {
        self.waiting.load(SeqCst) > 0
    }

    fn is_stopped(&self) -> bool {
        self.stopped.load(SeqCst)
    }

    fn wake_all(&self) {
        let _guard = self.lock();
        self.cond.notify_all();
    }

    /// The run stopped: wakes every waiting thread to stop it.
    fn stop(&self) {
        self.stopped.store(true, SeqCst);
        self.wake_all();
    }
}

/// The jobs between the reader and the workers; the reader waits in `room`.
#[derive(Default)]
struct Queue {
    jobs: AtomicUsize,
    bytes: AtomicUsize,
    room: Room,
}

impl Queue {
    /// Full, unless empty: one job of any size may always wait.
    fn is_full(&self) -> bool {
        let jobs = self.jobs.load(SeqCst);
        jobs > 0 && (jobs >= QUEUE_JOBS || self.bytes.load(SeqCst) >= QUEUE_BYTES)
    }

    /// The reader waits for room for a job; false when the run stopped.
    fn wait_for_room(&self) -> bool {
        if self.is_full() {
            self.room.wait_while(|| self.is_full())
        } else {
            !self.room.is_stopped()
        }
    }

    fn add(&self, bytes: usize) {
        self.jobs.fetch_add(1, SeqCst);
        self.bytes.fetch_add(bytes, SeqCst);
    }

    /// A worker took a job. The reader is woken when the queue is half empty, not at each job.
    fn took(&self, bytes: usize) {
        let jobs = self.jobs.fetch_sub(1, SeqCst) - 1;
        let bytes = self.bytes.fetch_sub(bytes, SeqCst) - bytes;
        if self.room.has_waiters() && jobs <= QUEUE_JOBS / 2 && bytes <= QUEUE_BYTES / 2 {
            self.room.wake_all();
        }
    }
}

/// The results done and not yet written; workers wait in `room`.
#[derive(Default)]
struct Held {
    bytes: AtomicUsize,
    /// The job whose result the writer waits for.
    next: AtomicUsize,
    room: Room,
}

impl Held {
    /// Whether a worker must wait before it starts job `seq`: too much waits to be written,
    /// and `seq` is not what the writer waits for (that one always goes ahead).
    fn is_full(&self, seq: usize) -> bool {
        self.bytes.load(SeqCst) >= HELD_BYTES && self.next.load(SeqCst) != seq
    }

    /// A worker waits until it may start job `seq`; false when the run stopped.
    fn wait_for_room(&self, seq: usize) -> bool {
        self.room.wait_while(|| self.is_full(seq))
    }

    fn add(&self, bytes: usize) {
        self.bytes.fetch_add(bytes, SeqCst);
    }

    /// The writer wrote `bytes` of results and now waits for job `next`.
    fn written(&self, next: usize, bytes: usize) {
        self.bytes.fetch_sub(bytes, SeqCst);
        self.next.store(next, SeqCst);
        if self.room.has_waiters() {
            self.room.wake_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// A result standing for `weight` bytes, from job `seq`.
    struct Fake {
        seq: usize,
        weight: usize,
    }

    impl Weigh for Fake {
        fn weight(&self) -> usize {
            self.weight
        }
    }

    fn jobs(n: usize) -> impl Iterator<Item = Job> + Send {
        (0..n).map(|i| Job::JsonLine(i, String::new()))
    }

    fn seq_of(job: &Job) -> usize {
        match job {
            Job::JsonLine(i, _) => *i,
            _ => unreachable!("the tests make only stream jobs"),
        }
    }
    #[test]
    fn results_come_out_in_job_order_whatever_the_threads() {
        for threads in [1, 2, 5] {
            let mut written = Vec::new();
            ordered_map(
                workers(Some(threads)).unwrap(),
                jobs(3_000),
                |job| {
                    let seq = seq_of(&job);
                    // Uneven work, so that the workers finish out of order.
                    if seq.is_multiple_of(97) {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    Fake { seq, weight: 10 }
                },
                |fake| {
                    written.push(fake.seq);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(written, (0..3_000).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn groups_come_out_in_job_order_whole_and_bounded() {
        for threads in [1, 2, 5] {
            let mut written = Vec::new();
            let largest = AtomicUsize::new(0);
            ordered_map_groups(
                workers(Some(threads)).unwrap(),
                7,
                jobs(3_000),
                || {
                    |group: Vec<Job>| {
                        largest.fetch_max(group.len(), Ordering::Relaxed);
                        let seqs: Vec<usize> = group.iter().map(seq_of).collect();
                        // in order (other workers may take jobs between them)
                        assert!(seqs.is_sorted(), "{seqs:?}");
                        if seqs[0] % 97 < 7 {
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        let fake = |seq| Fake { seq, weight: 10 };
                        seqs.into_iter().map(fake).collect()
                    }
                },
                |fake| {
                    written.push(fake.seq);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(written, (0..3_000).collect::<Vec<_>>(), "{threads} threads");
            assert!(largest.into_inner() <= 7);
        }
    }

    #[test]
    fn a_failed_write_stops_the_run_early() {
        const WEIGHT: usize = 64 << 10;
        let analysed = AtomicUsize::new(0);
        let mut written = 0;
        let outcome = ordered_map(
            workers(Some(2)).unwrap(),
            jobs(1_000_000),
            |job| {
                analysed.fetch_add(1, Ordering::Relaxed);
                Fake {
                    seq: seq_of(&job),
                    weight: WEIGHT,
                }
            },
            |_| {
                written += 1;
                if written == 100 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(outcome.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(written, 100);
        // The run stops within the queue and the held results of the failure, not at the
        // end of the jobs.
        let bound = 100 + QUEUE_JOBS + HELD_BYTES / WEIGHT + 2 * BATCH + 2;
        let analysed = analysed.into_inner();
        assert!(analysed <= bound, "{analysed} analysed, bound {bound}");
    }

    #[test]
    fn a_slow_story_holds_back_a_bounded_weight_of_results() {
        // Results of a megabyte each wait for a slow first story: the window lets through
        // about HELD_BYTES of them, then the reader waits.
        const WEIGHT: usize = 1 << 20;
        let alive = AtomicUsize::new(0);
        let most_alive = AtomicUsize::new(0);
        ordered_map(
            workers(Some(2)).unwrap(),
            jobs(200),
            |job| {
                let seq = seq_of(&job);
                if seq == 0 {
                    std::thread::sleep(Duration::from_millis(300));
                }
                let now = alive.fetch_add(1, Ordering::SeqCst) + 1;
                most_alive.fetch_max(now, Ordering::SeqCst);
                Fake {
                    seq,
                    weight: WEIGHT,
                }
            },
            |_| {
                alive.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        let most = most_alive.into_inner();
        // What the writer holds, plus what a worker may have done and not handed over yet.
        let bound = HELD_BYTES / WEIGHT + BATCH_BYTES / WEIGHT + 2;
        assert!(most <= bound, "{most} results alive at once, bound {bound}");
        assert!(
            most > 2,
            "the other worker went on while the slow story ran"
        );
    }
    #[test]
    fn zero_threads_is_refused() {
        assert!(workers(Some(0)).is_err());
        assert!(workers(None).is_ok_and(|w| w.threads >= 1));
    }
}
