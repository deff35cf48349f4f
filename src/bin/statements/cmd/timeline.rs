//! `statements timeline`: the events of many stories merged into one timeline sorted by date,
//! as JSON Lines, a readable table or CSV.

use crate::archive::{summary, Run};
use crate::cli::{RowFormat, TimelineArgs, TimelineFormat};
use crate::cmd::quotes::RowSink;
use crate::exit::Exit;
use crate::output::Output;
use statements::output::archive::rows::{timeline_row, TimelineRow};
use statements::output::merge::{merge, MergedEvent};
use statements::Record;
use std::io::{self, Write};

/// Runs `timeline`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: TimelineArgs) -> Result<Exit, String> {
    let run = Run::new(&args.input, &args.filter)?.slimmed(slim);
    let mut output = Output::open(args.output.as_deref())?;
    let mut records = Vec::new();
    // Only what the timeline needs is kept of each story (see `slim`), so that memory grows
    // with the number of events, not with the size of the archive.
    let (counts, progress) = run
        .each(|story| {
            if !story.record.events.is_empty() {
                records.push(story.record);
            }
            Ok(())
        })
        .map_err(|e| format!("cannot read the inputs: {e}"))?;
    let timeline = merge(&records);
    let written = match args.format {
        TimelineFormat::Jsonl => write_jsonl(&mut output, &timeline),
        TimelineFormat::Table => write_table(&mut output, &timeline, args.width),
        TimelineFormat::Csv => write_csv(&mut output, &timeline),
    };
    let reports: usize = timeline.iter().map(|e| e.sources.len()).sum();
    let made = format!("{} events from {reports} reports", timeline.len());
    progress.finish_with(&summary(&counts, &made));
    crate::cmd::parse::finish(written.map(|_| counts.exit()), output)
}

fn slim(mut record: Record) -> Record {
    record.quotes = Vec::new();
    record.dates = Vec::new();
    // The timeline is of dated events only (see `merge`).
    record.events.retain(|e| e.date.is_some());
    // actors and recipients stay: their keys are part of the key events are merged on
    for e in &mut record.events {
        e.trigger = None;
    }
    for speaker in &mut record.speakers {
        speaker.mentions = Vec::new();
    }
    record
}

fn write_jsonl(out: &mut Output, timeline: &[MergedEvent]) -> io::Result<()> {
    for event in timeline {
        serde_json::to_writer(&mut *out, event)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_csv(out: &mut Output, timeline: &[MergedEvent]) -> io::Result<()> {
    let mut sink = RowSink::new(RowFormat::Csv, out, TimelineRow::COLUMNS)?;
    for event in timeline {
        sink.write(&timeline_row(event))?;
    }
    sink.flush()
}

/// A readable table: date, place, participants, number of reports, their agencies, and the
/// first report's text, wrapped at `width` characters (never cut); place, participants and
/// sources are wrapped in their columns too.
fn write_table(out: &mut Output, timeline: &[MergedEvent], width: usize) -> io::Result<()> {
    const COLUMNS: [usize; 4] = [12, 16, 28, 16];
    writeln!(
        out,
        "{:<12} {:<16} {:<28} {:>7}  {:<16} event",
        "date", "place", "participants", "reports", "source"
    )?;
    for event in timeline {
        let row = timeline_row(event);
        let cells = [
            wrap(row.date, COLUMNS[0]),
            wrap(row.place.unwrap_or("-"), COLUMNS[1]),
            wrap(&row.participants, COLUMNS[2]),
            wrap(
                if row.sources.is_empty() {
                    "-"
                } else {
                    &row.sources
                },
                COLUMNS[3],
            ),
            wrap(row.text, width),
        ];
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..lines {
            let cell = |c: usize| cells[c].get(i).map_or("", String::as_str);
            let reports = if i == 0 {
                row.reports.to_string()
            } else {
                String::new()
            };
            let line = format!(
                "{:<12} {:<16} {:<28} {:>7}  {:<16} {}",
                cell(0),
                cell(1),
                cell(2),
                reports,
                cell(3),
                cell(4)
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

/// The text on lines of at most `width` characters, broken between words (a word longer than
/// the width is broken inside); white space runs become one space; `0` is no wrapping.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let line = lines.last_mut().expect("never empty");
            let used = line.chars().count();
            let len = word.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if width == 0 || len <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(String::new());
                continue;
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            *line = head;
            lines.push(String::new());
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_word() {
        let cases: [(&str, usize, &[&str]); 5] = [
            ("a b c", 80, &["a b c"]),
            (
                "talks in Geneva on Monday",
                10,
                &["talks in", "Geneva on", "Monday"],
            ),
            ("abcdefghij", 4, &["abcd", "efgh", "ij"]),
            ("", 10, &[""]),
            ("one  two\nthree", 0, &["one two three"]),
        ];
        for (text, width, lines) in cases {
            assert_eq!(wrap(text, width), lines, "{text:?} at {width}");
        }
    }
}
