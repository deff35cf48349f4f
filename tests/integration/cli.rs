//! The command line: modes, exit codes, error records, output files, pipes.

use crate::harness::{fixture, records, statements};
use statements::Record;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

const SEED: &str = "tass-2022-01-18-lavrov-blinken.txt";

#[test]
fn one_file_prints_one_compact_document_when_piped() {
    let out = statements()
        .args(["parse"])
        .arg(fixture(SEED))
        .assert()
        .success();
    let stdout = &out.get_output().stdout;
    assert_eq!(
        stdout.iter().filter(|&&b| b == b'\n').count(),
        1,
        "one line when piped"
    );
    let record: Record = serde_json::from_slice(stdout).unwrap();
    assert_eq!(record.error, None);
    assert!(record.path.unwrap().ends_with(SEED));
}

#[test]
fn pretty_flag_indents_and_compact_wins_over_nothing() {
    let out = statements()
        .args(["parse", "--pretty"])
        .arg(fixture(SEED))
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("{\n  \"path\""), "{}", &text[..40]);
    let _: Record = serde_json::from_str(&text).unwrap();
}

#[test]
fn stdin_is_one_story_without_path() {
    let out = statements()
        .args(["parse", "-"])
        .write_stdin("MOSCOW, March 3. /TASS/. Talks were held.")
        .assert()
        .success();
    let record: Record = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(record.path, None);
    assert_eq!(record.error, None);
}

#[test]
fn folder_with_good_binary_and_empty_files_gives_a_record_each_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(SEED), dir.path().join("a-good.txt")).unwrap();
    let mut binary = vec![0u8; 2048];
    binary.extend((0..=255u8).cycle().take(4096));
    std::fs::write(dir.path().join("b-binary.bin"), binary).unwrap();
    std::fs::write(dir.path().join("c-empty.txt"), "").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "skipped").unwrap();
    let out = statements().arg("parse").arg(dir.path()).assert().code(1);
    let got = records(&out.get_output().stdout);
    let names: Vec<_> = got.iter().map(|r| r.path.clone().unwrap()).collect();
    assert_eq!(got.len(), 3, "{names:?}");
    assert!(
        names[0].ends_with("a-good.txt") && names[2].ends_with("c-empty.txt"),
        "sorted"
    );
    assert_eq!(got[0].error, None);
    assert!(
        got[1].error.as_deref().unwrap().contains("binary"),
        "{:?}",
        got[1].error
    );
    assert_eq!(got[2].error, None, "an empty story is a valid record");
    assert!(got[2].quotes.is_empty() && got[2].dates.is_empty());
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("3 stories, 1 failed"),
        "summary line: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn missing_path_is_a_one_line_error_and_exit_2() {
    let out = statements()
        .args(["parse", "no/such/story.txt"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("no/such/story.txt: no such file"),
        "{stderr}"
    );
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn missing_path_among_several_is_an_error_record_and_exit_1() {
    let out = statements()
        .arg("parse")
        .arg(fixture(SEED))
        .arg("no/such/story.txt")
        .assert()
        .code(1);
    let got = records(&out.get_output().stdout);
    assert_eq!(got.len(), 2);
    assert!(got
        .iter()
        .any(|r| r.error.as_deref() == Some("no such file or directory")));
}

#[test]
fn usage_errors_exit_2() {
    statements().args(["parse"]).assert().code(2);
    statements().args(["frobnicate"]).assert().code(2);
    statements()
        .args(["parse", "--threads", "0"])
        .arg(fixture(SEED))
        .assert()
        .code(2);
    statements().args(["--help"]).assert().code(0);
}

#[test]
fn jsonl_keeps_order_and_ids_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": "b", "text": "\"We will meet again,\" Lavrov said.", "date": "2022-01-18"}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": 7, "text": ""}"#,
        "\n",
        r#"{"id": "d", "text": "x", "date": "18/01/2022"}"#,
        "\n",
    );
    let out = statements()
        .args(["parse", "--jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(1);
    let got = records(&out.get_output().stdout);
    let ids: Vec<_> = got.iter().map(|r| r.id.clone()).collect();
    assert_eq!(
        ids,
        [Some("b".into()), None, Some("7".into()), Some("d".into())]
    );
    assert_eq!(got[0].metadata.date.as_deref(), Some("2022-01-18"));
    assert!(got[1]
        .error
        .as_deref()
        .unwrap()
        .starts_with("line 2: not a story record"));
    assert_eq!(got[2].error, None);
    assert!(got[3].error.as_deref().unwrap().contains("not YYYY-MM-DD"));
}

#[test]
fn max_bytes_gives_an_error_record() {
    let out = statements()
        .args(["parse", "--max-bytes", "100"])
        .arg(fixture(SEED))
        .assert()
        .code(1);
    let record: Record = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(record
        .error
        .unwrap()
        .contains("more than the limit of 100 bytes"));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    statements()
        .args(["parse", "-o"])
        .arg(&target)
        .arg(crate::harness::root().join("fixtures"))
        .assert()
        .success();
    let got = records(&std::fs::read(&target).unwrap());
    let to_stdout = statements()
        .args(["parse", "-q"])
        .arg(crate::harness::root().join("fixtures"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(got.len(), records(&to_stdout).len());
    assert!(got.len() > 25);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn output_file_in_a_missing_folder_is_fatal_and_leaves_nothing() {
    statements()
        .args(["parse", "-o", "no/such/dir/out.jsonl"])
        .arg(fixture(SEED))
        .assert()
        .code(2);
}

#[test]
fn output_is_identical_across_thread_counts() {
    let run = |threads: &str| {
        statements()
            .args(["parse", "--threads", threads])
            .arg(crate::harness::root().join("fixtures"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("2"));
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let story = std::fs::read(fixture(SEED)).unwrap();
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), &story).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("statements");
    let mut child = std::process::Command::new(bin)
        .arg("parse")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe is closed under the writer, which must stop.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the writer did not stop after its pipe closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(first.starts_with("{\"path\""));
}

#[test]
fn symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("story.txt"), "A story.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = statements()
        .arg("parse")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert();
    let got = records(&out.get_output().stdout);
    assert!(got
        .iter()
        .any(|r| r.error.is_none() && r.path.as_deref().unwrap().ends_with("story.txt")));
    #[cfg(unix)]
    assert!(
        got.iter()
            .any(|r| r.error.as_deref() == Some("symbolic link loop")),
        "{got:?}"
    );
}

#[test]
fn schema_requires_every_key_the_record_has() {
    let out = statements().arg("schema").assert().success();
    let schema: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let record = serde_json::to_value(statements::analyse("")).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for key in record.as_object().unwrap().keys() {
        assert!(
            required.contains(&key.as_str()),
            "{key} not required in the schema"
        );
    }
    assert_eq!(required.len(), record.as_object().unwrap().len());
    let quote = &schema["definitions"]["Quote"];
    assert_eq!(quote["required"].as_array().unwrap().len(), 13);
}

#[cfg(unix)]
#[test]
fn fifos_and_dangling_links_in_a_folder_are_error_records_not_hangs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "A story.").unwrap();
    let fifo = dir.path().join("b.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    std::os::unix::fs::symlink(
        dir.path().join("gone.txt"),
        dir.path().join("c-dangling.txt"),
    )
    .unwrap();
    let out = statements()
        .arg("parse")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1);
    let got = records(&out.get_output().stdout);
    let errors: Vec<_> = got.iter().filter_map(|r| r.error.as_deref()).collect();
    assert!(errors.contains(&"no such file or directory"), "{errors:?}");
    if made.is_ok_and(|s| s.success()) {
        assert!(
            errors.iter().any(|e| e.starts_with("not a regular file")),
            "{errors:?}"
        );
        assert_eq!(got.len(), 3);
    }
}

#[test]
fn a_large_folder_gives_each_story_once_in_name_order() {
    // Enough stories that the folder is held open and its files are opened by name in it,
    // with the batch spread over several workers and hand-overs.
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("m-sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inner.txt"), "\"Inner,\" the envoy said.").unwrap();
    for i in 0..300 {
        let story = format!("\"Statement number {i},\" Minister Ola Berg said on Monday.");
        std::fs::write(dir.path().join(format!("story-{i:04}.txt")), story).unwrap();
    }
    let out = statements()
        .arg("parse")
        .arg("--threads")
        .arg("3")
        .arg(dir.path())
        .assert()
        .success();
    let got = records(&out.get_output().stdout);
    let names: Vec<String> = got
        .iter()
        .map(|r| {
            let path = std::path::Path::new(r.path.as_deref().unwrap());
            path.strip_prefix(dir.path()).unwrap().display().to_string()
        })
        .collect();
    let mut expected: Vec<String> = (0..300).map(|i| format!("story-{i:04}.txt")).collect();
    expected.insert(0, "m-sub/inner.txt".to_string());
    assert_eq!(names, expected);
    for (i, record) in got.iter().skip(1).enumerate() {
        assert_eq!(record.error, None);
        assert_eq!(record.quotes.len(), 1, "{:?}", record.path);
        assert_eq!(record.quotes[0].text, format!("Statement number {i},"));
    }
}

/// A record's `metadata.date` and `metadata.date_source`.
type DateAndSource = (Option<&'static str>, Option<&'static str>);

/// The story date where the text gives none: `--date`, then the file's path; the text's own
/// date wins over both, and a year-less one takes their year. `metadata.date_source` tells.
#[test]
fn story_dates_from_the_option_and_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let day = dir.path().join("2021").join("03").join("04");
    std::fs::create_dir_all(&day).unwrap();
    std::fs::write(day.join("undated.txt"), "Talks were held on Monday.\n").unwrap();
    std::fs::write(
        day.join("yearless.txt"),
        "MOSCOW, March 3. Talks were held on Monday, the minister said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dated-20990101.txt"),
        "Date: 2022-01-18\n\nTalks were held on Monday.\n",
    )
    .unwrap();
    // (arguments, then per file sorted by path: the date and its source)
    let cases: [(&[&str], [DateAndSource; 3]); 3] = [
        (
            &[],
            [
                (Some("2021-03-04"), Some("path")),
                (Some("2021-03-03"), Some("text")),
                (Some("2022-01-18"), Some("text")),
            ],
        ),
        (
            &["--date", "2022-06-01"],
            [
                (Some("2022-06-01"), Some("option")),
                (Some("2022-03-03"), Some("text")),
                (Some("2022-01-18"), Some("text")),
            ],
        ),
        (
            &["--no-path-date"],
            [
                (None, None),
                (Some("XXXX-03-03"), Some("text")),
                (Some("2022-01-18"), Some("text")),
            ],
        ),
    ];
    for (args, want) in cases {
        let out = statements()
            .arg("parse")
            .args(args)
            .arg(dir.path())
            .assert()
            .success();
        let got: Vec<(Option<String>, Option<String>)> = records(&out.get_output().stdout)
            .into_iter()
            .map(|r| {
                let source = r.metadata.date_source.map(|s| {
                    serde_json::to_value(s)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                });
                (r.metadata.date, source)
            })
            .collect();
        let want: Vec<(Option<String>, Option<String>)> = want
            .iter()
            .map(|(d, s)| (d.map(String::from), s.map(String::from)))
            .collect();
        // sorted by path: 2021/03/04/undated, 2021/03/04/yearless, dated-...
        assert_eq!(got, want, "{args:?}");
    }
    statements()
        .args(["parse", "--date", "2022-02-30"])
        .arg(dir.path())
        .assert()
        .code(2);
}
