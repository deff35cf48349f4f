//! A small harness: run the built binary hermetically and read its records back into the
//! strict record type, so that a missing or unexpected key fails the test.

use assert_cmd::Command;
use statements::Record;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file's path.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The shared data folder beside the repository, when it is there (it is not in a user's
/// fresh clone: tests that need it skip).
pub fn shared() -> Option<PathBuf> {
    let dir = root().join("..").join("shared");
    dir.join("README.md").exists().then_some(dir)
}

/// The `statements` command, with a clean environment.
pub fn statements() -> Command {
    let mut cmd = Command::cargo_bin("statements").expect("the binary is built");
    cmd.env_clear().current_dir(root());
    cmd
}

/// Parses JSON Lines output into strict records.
pub fn records(stdout: &[u8]) -> Vec<Record> {
    let text = std::str::from_utf8(stdout).expect("output is UTF-8");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// Checks that every span of a record indexes `text` by code points.
pub fn assert_spans_index(text: &str, record: &Record, label: &str) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "{label}: span {start}..{end} out of range"
        );
        chars[start..end].iter().collect()
    };
    let check = |start: usize, end: usize, expected: &str, what: &str| {
        assert_eq!(
            slice(start, end),
            expected,
            "{label}: {what} at {start}..{end}"
        );
    };
    if let Some(d) = &record.metadata.dateline {
        check(d.start, d.end, &d.text, "dateline");
    }
    for s in &record.speakers {
        for m in &s.mentions {
            check(m.start, m.end, &m.text, "speaker mention");
        }
    }
    for q in &record.quotes {
        check(q.start, q.end, &q.text, "quote");
        for span in [&q.speaker_mention, &q.cue].into_iter().flatten() {
            check(span.start, span.end, &span.text, "quote mention/cue");
        }
        if let Some(speaker) = &q.speaker {
            assert!(
                record
                    .speakers
                    .iter()
                    .any(|s| s.id == speaker.id && s.name == speaker.name),
                "{label}: quote {} names speaker {} that is not listed",
                q.id,
                speaker.id
            );
        }
    }
    for d in &record.dates {
        check(d.start, d.end, &d.text, "date");
    }
    for e in &record.events {
        check(e.start, e.end, &e.text, "event");
        for p in &e.participants {
            assert!(
                record.speakers.iter().any(|s| &s.id == p),
                "{label}: participant {p}"
            );
        }
    }
}

/// Reads a file as the tool would (UTF-8 here).
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("fixture is UTF-8")
}

/// The JSON line `analyse_bytes_to_json` writes straight from the analysis of `bytes` is
/// exactly the compact JSON of the record `analyse_bytes` gives, with a path and an id set:
/// the batch path and the library's record never differ.
pub fn assert_direct_json_is_the_records(bytes: &[u8], label: &str) {
    let options = statements::Options::default();
    let record =
        statements::analyse_bytes(bytes, &options).unwrap_or_else(|e| panic!("{label}: {e}"));
    let (path, id) = ("some/dir/story \"1\".txt", "id\\1");
    let mut direct = b"kept".to_vec();
    let counts =
        statements::analyse_bytes_to_json(bytes, &options, Some(path), Some(id), &mut direct)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
    let expected = Record {
        path: Some(path.into()),
        id: Some(id.into()),
        ..record.clone()
    };
    let mut via_record = b"kept".to_vec();
    statements::output::json::write_record(&expected, &mut via_record);
    assert!(
        direct == via_record,
        "{label}: the direct JSON differs from the record's\n direct: {}\n record: {}",
        String::from_utf8_lossy(&direct),
        String::from_utf8_lossy(&via_record)
    );
    assert_eq!(
        (counts.statements, counts.dates, counts.events),
        (record.quotes.len(), record.dates.len(), record.events.len()),
        "{label}"
    );
}
