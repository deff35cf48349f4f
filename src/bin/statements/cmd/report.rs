//! `statements report`: one self-contained HTML page over an archive (see [`Report`]).

use crate::archive::{summary, Run};
use crate::cli::ReportArgs;
use crate::exit::Exit;
use crate::output::Output;
use statements::output::archive::report::Report;
use statements::Record;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Component, Path, PathBuf};

/// Runs `report`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: ReportArgs) -> Result<Exit, String> {
    let run = Run::new(&args.input, &args.filter)?.slimmed(slim);
    let mut output = Output::open(Some(&args.output))?;
    let page_dir = absolute(args.output.parent().unwrap_or(Path::new("")));
    let spill = || {
        tempfile::tempfile()
            .map(|f| BufWriter::with_capacity(1 << 16, f))
            .map_err(|e| format!("cannot make a temporary file: {e}"))
    };
    let mut report = Report::new(spill()?, spill()?);
    let (counts, progress) = run
        .each(|story| {
            let link = story
                .record
                .path
                .as_deref()
                .map(|p| link(&page_dir, Path::new(p)));
            report.add(&story.record, link.as_deref())
        })
        .map_err(|e| format!("cannot read the inputs: {e}"))?;
    let written = (|| -> io::Result<_> {
        let done = report.finish(&args.title)?;
        let quotes = rewind(done.quotes)?;
        let stories = rewind(done.stories)?;
        let reader = |f: File| io::BufReader::with_capacity(1 << 16, f);
        let page = done.page;
        page.write_page(&mut output, &args.title, reader(quotes), reader(stories))?;
        Ok(page.counts)
    })();
    let shown = written.as_ref().ok().copied().unwrap_or_default();
    let made = format!(
        "{} statements, {} speakers, {} events, {} agencies written to {}",
        shown.statements,
        shown.speakers,
        shown.events,
        shown.agencies,
        args.output.display()
    );
    progress.finish_with(&summary(&counts, &made));
    crate::cmd::parse::finish(written.map(|_| counts.exit()), output)
}

/// The page reads statements, speakers (with mentions, for the network) and events' dates,
/// types and parties; not the dates nor the spans of statements.
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    for q in &mut record.quotes {
        q.speaker_mention = None;
        q.cue = None;
    }
    for e in &mut record.events {
        e.text = String::new();
        e.trigger = None;
    }
    record
}

/// A spill file flushed and read again from its start.
fn rewind(w: BufWriter<File>) -> io::Result<File> {
    let mut f = w.into_inner().map_err(|e| e.into_error())?;
    f.flush()?;
    f.rewind()?;
    Ok(f)
}

/// `path` made absolute against the working folder, `.` and `..` resolved by name.
fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir().unwrap_or_default().join(path);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The address of the story at `path` from a page in `page_dir`: a relative path, each
/// segment percent-encoded (so that no name can read as a scheme such as `javascript:`).
fn link(page_dir: &Path, path: &Path) -> String {
    let target = absolute(path);
    let from: Vec<_> = page_dir.components().collect();
    let to: Vec<_> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| encode(&c.as_os_str().to_string_lossy())),
    );
    let joined = parts.join("/");
    if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    }
}

/// Percent-encoding of one path segment: every byte but letters, digits and `-._~`.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_and_encoded() {
        let cases = [
            ("/a/report", "/a/stories/x.txt", "../stories/x.txt"),
            ("/a", "/a/stories/x.txt", "./stories/x.txt"),
            (
                "/a",
                "/a/javascript:alert(1)",
                "./javascript%3Aalert%281%29",
            ),
            ("/a", "/a/b c/é.txt", "./b%20c/%C3%A9.txt"),
        ];
        for (dir, path, expected) in cases {
            assert_eq!(link(Path::new(dir), Path::new(path)), expected, "{path}");
        }
    }
}
