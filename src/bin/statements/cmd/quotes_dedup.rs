//! `statements quotes --dedup`: each statement of many stories once, with all its sources
//! (story, agency, date, the wording each used), as JSON Lines. The statements are prepared
//! for the index on the worker threads; the index grows with the number of distinct
//! statements, not with the number of stories. The filters (`--speaker`, `--since`,
//! `--until`, `--agency`) choose the statements before they are grouped.

use crate::archive::{summary, Run};
use crate::cli::{QuotesArgs, RowFormat};
use crate::exit::Exit;
use crate::ordered::Weigh;
use crate::output::Output;
use statements::output::quotes::{prepare, Prepared, QuoteIndex};
use statements::Record;
use std::io::Write;

/// Runs `quotes --dedup`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: QuotesArgs) -> Result<Exit, String> {
    if args.format != RowFormat::Jsonl {
        return Err(
            "--dedup writes JSON Lines only (one statement with its sources a line)".into(),
        );
    }
    let run = Run::new(&args.input, &args.filter)?.slimmed(bare);
    let mut output = Output::open(args.output.as_deref())?;
    let mut index = QuoteIndex::new();
    let mut statements = 0usize;
    let grouped = run.each_with(prepare, |_, prepared| {
        statements += prepared.len();
        prepared.into_iter().for_each(|p| index.add_prepared(p));
        Ok(())
    });
    let written = grouped.and_then(|(counts, progress)| {
        let made = format!("{statements} statements, {} distinct", index.len());
        for item in index.quotes() {
            serde_json::to_writer(&mut output, &item)?;
            output.write_all(b"\n")?;
        }
        progress.finish_with(&summary(&counts, &made));
        Ok(counts.exit())
    });
    crate::cmd::parse::finish(written, output)
}

/// A story's statements are prepared for the index on its worker, and weigh what they hold.
impl Weigh for Prepared {
    fn weight(&self) -> usize {
        Prepared::weight(self)
    }
}

/// Once its statements are prepared, nothing of a story's record is used but its error.
fn bare(record: Record) -> Record {
    Record {
        quotes: Vec::new(),
        speakers: Vec::new(),
        events: Vec::new(),
        dates: Vec::new(),
        text: None,
        ..record
    }
}
