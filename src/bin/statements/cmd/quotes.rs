//! `statements quotes`: every statement of many stories, one row each, as JSON Lines or CSV
//! (the columns of [`QuoteRow`]).

use crate::archive::{summary, Run};
use crate::cli::{QuotesArgs, RowFormat};
use crate::exit::Exit;
use crate::output::Output;
use statements::output::archive::rows::{quote_rows, QuoteRow};
use statements::Record;
use std::io::{self, Write};

/// Runs `quotes`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: QuotesArgs) -> Result<Exit, String> {
    if args.dedup {
        return super::quotes_dedup::run(args);
    }
    let run = Run::new(&args.input, &args.filter)?.slimmed(slim);
    let mut output = Output::open(args.output.as_deref())?;
    let mut rows = 0usize;
    let written = {
        let mut sink = RowSink::new(args.format, &mut output, QuoteRow::COLUMNS)
            .map_err(|e| format!("cannot write the output: {e}"))?;
        let done = run.each(|story| {
            for row in quote_rows(&story.record) {
                sink.write(&row)?;
                rows += 1;
            }
            Ok(())
        });
        done.and_then(|(counts, progress)| {
            sink.flush()?;
            progress.finish_with(&summary(&counts, &format!("{rows} quotes")));
            Ok(counts.exit())
        })
    };
    crate::cmd::parse::finish(written, output)
}

/// A statement row needs its story's speakers (title, key) but not their mentions, nor the
/// story's dates and events.
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    record.events = Vec::new();
    for s in &mut record.speakers {
        s.mentions = Vec::new();
    }
    record
}

/// Rows written as JSON Lines or as CSV (a header line first, from the row's field names).
pub enum RowSink<'o> {
    /// One JSON object per line.
    Jsonl(&'o mut Output),
    /// CSV through the `csv` crate: RFC 4180 quoting, `\n` line ends.
    Csv(Box<csv::Writer<&'o mut Output>>),
}

impl<'o> RowSink<'o> {
    /// A sink of `format` over `out`; a CSV sink starts with the header `columns`, so that
    /// even a result without rows has its columns.
    pub fn new(
        format: RowFormat,
        out: &'o mut Output,
        columns: &[&str],
    ) -> io::Result<RowSink<'o>> {
        Ok(match format {
            RowFormat::Jsonl => RowSink::Jsonl(out),
            RowFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                w.write_record(columns)?;
                RowSink::Csv(Box::new(w))
            }
        })
    }

    /// Writes one row.
    pub fn write<T: serde::Serialize>(&mut self, row: &T) -> io::Result<()> {
        match self {
            RowSink::Jsonl(out) => {
                serde_json::to_writer(&mut **out, row)?;
                out.write_all(b"\n")
            }
            RowSink::Csv(w) => w.serialize(row).map_err(io::Error::from),
        }
    }

    /// Flushes what the CSV writer holds.
    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            RowSink::Jsonl(_) => Ok(()),
            RowSink::Csv(w) => w.flush(),
        }
    }
}
