//! `statements speakers`: each speaker of many stories once, merged by its key.

use crate::archive::{summary, Run};
use crate::cli::{SpeakersArgs, SpeakersFormat};
use crate::exit::Exit;
use crate::output::Output;
use statements::output::speakers::{SpeakerEntry, SpeakerIndex};
use statements::Record;
use std::io::{self, Write};

/// Runs `speakers`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: SpeakersArgs) -> Result<Exit, String> {
    let run = Run::new(&args.input, &args.filter)?.slimmed(slim);
    let mut output = Output::open(args.output.as_deref())?;
    let mut index = SpeakerIndex::new(args.all);
    // Each story is folded into the index as it comes: memory grows with the number of
    // distinct speakers, not with the number of stories.
    let (counts, progress) = run
        .each(|story| {
            index.add(&story.record);
            Ok(())
        })
        .map_err(|e| format!("cannot read the inputs: {e}"))?;
    progress.finish_with(&summary(&counts, &format!("{} speakers", index.len())));
    let entries = index.entries();
    let written = match args.format {
        SpeakersFormat::Jsonl => write_jsonl(&mut output, &entries),
    };
    crate::cmd::parse::finish(written.map(|_| counts.exit()), output)
}

/// What the index reads of a record: its date, speakers without mentions, and the speaker
/// of each statement (the statements' texts are dropped).
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    record.events = Vec::new();
    record.metadata.headers.clear();
    for speaker in &mut record.speakers {
        speaker.mentions = Vec::new();
    }
    for quote in &mut record.quotes {
        quote.text = String::new();
        quote.speaker_mention = None;
        quote.cue = None;
    }
    record
}

fn write_jsonl(out: &mut Output, entries: &[SpeakerEntry]) -> io::Result<()> {
    for entry in entries {
        serde_json::to_writer(&mut *out, entry)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
