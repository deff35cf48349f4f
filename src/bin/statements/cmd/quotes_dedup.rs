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
use statements::output::quotes::{prepare, DedupQuote, Prepared, QuoteIndex};
use statements::Record;
use std::io::{self, Write};

/// Runs `quotes --dedup`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: QuotesArgs) -> Result<Exit, String> {
    if args.format != RowFormat::Jsonl {
        return Err(
            "--dedup writes JSON Lines only (one statement with its sources a line)".into(),
        );
    }
    let run = Run::new(&args.input, &args.filter)?.slimmed(bare);
    let threads = crate::ordered::workers(args.input.threads)?.threads();
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
        write_lines(index.quotes(), threads, &mut output)?;
        progress.finish_with(&summary(&counts, &made));
        Ok(counts.exit())
    });
    crate::cmd::parse::finish(written, output)
}

/// Writes the statements as JSON Lines, in order, serialised on `threads` threads a round of
/// chunks at a time: at the end of the run nothing else is left to do, and on one thread this
/// took a fifth of the run's instructions over both shared corpora.
fn write_lines(
    mut quotes: impl Iterator<Item = DedupQuote>,
    threads: usize,
    output: &mut impl Write,
) -> io::Result<()> {
    const CHUNK: usize = 1024;
    loop {
        let round: Vec<DedupQuote> = quotes.by_ref().take(CHUNK * threads.max(1)).collect();
        if round.is_empty() {
            return Ok(());
        }
        let lines: Vec<io::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let serialising: Vec<_> = round
                .chunks(CHUNK)
                .map(|chunk| scope.spawn(move || json_lines(chunk)))
                .collect();
            serialising
                .into_iter()
                .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for chunk in lines {
            output.write_all(&chunk?)?;
        }
    }
}

/// The JSON lines of `quotes`.
fn json_lines(quotes: &[DedupQuote]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(quotes.len() * 512);
    for q in quotes {
        serde_json::to_writer(&mut out, q)?;
        out.push(b'\n');
    }
    Ok(out)
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
