//! Progress on standard error: a bar while a batch runs (only when standard error is a
//! terminal), and a one-line summary at the end.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// Counts of a run, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Stories read (records written).
    pub stories: usize,
    /// Stories that got an error record.
    pub failed: usize,
    /// Statements found.
    pub statements: usize,
    /// Date expressions found.
    pub dates: usize,
    /// Events found.
    pub events: usize,
}

/// The progress reporter of one run.
pub struct Progress {
    /// `None` when nothing is shown: even a hidden bar reads the clock at each tick.
    bar: Option<ProgressBar>,
    started: Instant,
    quiet: bool,
}

impl Progress {
    /// Starts reporting a run. Batches are walked lazily, so the number of stories is not
    /// known in advance: the spinner shows the count done and the rate.
    pub fn start(quiet: bool) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            None
        } else {
            let bar = ProgressBar::new_spinner();
            let style = ProgressStyle::with_template(
                "{spinner} {pos} stories [{elapsed_precise}] {per_sec}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            Some(bar)
        };
        Progress {
            bar,
            started: Instant::now(),
            quiet,
        }
    }

    /// Counts the run's stories on a thread of its own (a second walk of its folders) and,
    /// once they are known, turns the spinner into a bar with the total, the percentage and
    /// the time left. Nothing is counted when no bar is shown.
    pub fn count_in_background(&self, count: crate::inputs::Count) {
        let Some(bar) = self.bar.clone() else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("count".into())
            .spawn(move || {
                let total = (count.0)();
                let style = ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} stories {percent}% [{elapsed_precise}, {eta} left] {per_sec}",
                );
                if let Ok(style) = style {
                    bar.set_style(style);
                }
                bar.set_length(total as u64);
            });
        // Without the thread the spinner stays: a run needs no total.
        drop(spawned);
    }

    /// One more story done.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Prints `line` on standard error above the bar (or alone when there is none).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clears the bar and prints `statements: {what} in {seconds} s` unless quiet.
    pub fn finish_with(self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            let seconds = self.started.elapsed().as_secs_f64();
            eprintln!("statements: {what} in {seconds:.2} s");
        }
    }

    /// Clears the bar and prints the summary line.
    pub fn finish(self, tally: &Tally) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            eprintln!(
                "statements: {} stories, {} failed, {} statements, {} dates, {} events in {:.2} s",
                tally.stories,
                tally.failed,
                tally.statements,
                tally.dates,
                tally.events,
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}
