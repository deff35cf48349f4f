//! The commands over an archive (`quotes`, `timeline --format csv`, `db`, `graph`, `report`):
//! each output holds exactly what the JSON records hold, the database is sound and
//! re-runnable, the graph files open in their tools, and the report page runs in a headless
//! browser without errors and without running the markup its stories contain.

use crate::harness::{records, root, shared, statements};
use statements::Record;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The JSON records of `inputs`, as `parse` prints them.
fn parsed(inputs: &[&Path]) -> Vec<Record> {
    let out = statements()
        .arg("parse")
        .arg("-q")
        .args(inputs)
        .output()
        .unwrap();
    records(&out.stdout)
}

/// The counts the other outputs must match: quotes, speakers and events of all records.
fn json_counts(records: &[Record]) -> (usize, usize, usize) {
    let sum = |f: fn(&Record) -> usize| records.iter().map(f).sum();
    (
        sum(|r| r.quotes.len()),
        sum(|r| r.speakers.len()),
        sum(|r| r.events.len()),
    )
}

/// The actors and recipients of all the records' events: the rows of `event_parties`.
fn party_count(records: &[Record]) -> usize {
    records
        .iter()
        .flat_map(|r| &r.events)
        .map(|e| e.actors.len() + e.recipients.len())
        .sum()
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(bytes);
    reader.records().map(|r| r.expect("valid CSV")).collect()
}

/// `statements quotes --format csv` has one row per statement of the JSON records, with the
/// same text and offsets; JSON Lines the same rows.
fn check_quotes_csv(inputs: &[&Path], records: &[Record], jsonl_too: bool) {
    let out = statements()
        .args(["quotes", "-q", "--format", "csv"])
        .args(inputs)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&out.stdout);
    let quotes: Vec<_> = records.iter().flat_map(|r| &r.quotes).collect();
    assert_eq!(rows.len(), quotes.len(), "one row per statement");
    for (row, q) in rows.iter().zip(&quotes) {
        assert_eq!(&row[4], q.id.as_str());
        assert_eq!(&row[15], q.text.as_str());
        assert_eq!(row[13].parse::<usize>().unwrap(), q.start);
    }
    if !jsonl_too {
        return;
    }
    let out = statements()
        .args(["quotes", "-q"])
        .args(inputs)
        .output()
        .unwrap();
    assert_eq!(
        out.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        quotes.len()
    );
}

/// `statements db` holds the records' stories, statements, speakers and events, passes
/// SQLite's integrity check, finds statements by a word, and adds nothing when run again.
fn check_db(inputs: &[&Path], records: &[Record], dir: &Path, runs: usize) {
    let db = dir.join("archive.sqlite");
    for _ in 0..runs {
        let out = statements()
            .args(["db", "-q", "-o"])
            .arg(&db)
            .args(inputs)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let conn = rusqlite::Connection::open(&db).unwrap();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
        let (quotes, speakers, events) = json_counts(records);
        assert_eq!(count("SELECT count(*) FROM stories"), records.len());
        assert_eq!(count("SELECT count(*) FROM quotes"), quotes);
        assert_eq!(count("SELECT count(*) FROM story_speakers"), speakers);
        assert_eq!(count("SELECT count(*) FROM events"), events);
        assert_eq!(
            count("SELECT count(*) FROM event_parties"),
            party_count(records)
        );
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        fts_index_matches_quotes(&conn);
        // a word of some statement is found by the full-text index, in every statement with it
        let word = records
            .iter()
            .flat_map(|r| &r.quotes)
            .flat_map(|q| q.text.split(|c: char| !c.is_alphanumeric()))
            .find(|w| w.len() >= 7 && w.chars().all(|c| c.is_ascii_lowercase()))
            .expect("a word")
            .to_string();
        let found = count(&format!(
            "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH '{word}'"
        ));
        let with_word = records
            .iter()
            .flat_map(|r| &r.quotes)
            .filter(|q| {
                q.text
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
            })
            .count();
        assert!(
            found >= 1 && found == with_word,
            "{word}: {found} / {with_word}"
        );
    }
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn quotes_csv_and_db_hold_the_records_of_the_fixtures() {
    let fixtures = root().join("fixtures");
    let inputs = [fixtures.as_path()];
    let records = parsed(&inputs);
    let dir = temp();
    check_quotes_csv(&inputs, &records, true);
    check_db(&inputs, &records, dir.path(), 2);
}

/// The same on both shared corpora (24,256 stories): skipped without `../shared`.
#[test]
fn quotes_csv_and_db_hold_the_records_of_the_shared_corpora() {
    let Some(shared) = shared() else {
        eprintln!("skipped: no ../shared");
        return;
    };
    let corpus = shared.join("corpus");
    let dirs: Vec<PathBuf> = ["reuters21578/stories", "tempeval3-news/stories"]
        .iter()
        .map(|d| corpus.join(d))
        .collect();
    let inputs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let records = parsed(&inputs);
    assert_eq!(records.len(), 24_256);
    let dir = temp();
    check_quotes_csv(&inputs, &records, false);
    check_db(&inputs, &records, dir.path(), 1);
}

/// Two stories, then a third and a changed first: the second run adds one story, replaces
/// one, and leaves the file with exactly the rows of the three.
#[test]
fn db_grows_with_its_archive_without_duplicates() {
    let dir = temp();
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    let write = |name: &str, text: &str| std::fs::write(stories.join(name), text).unwrap();
    write(
        "a.txt",
        "GENEVA, May 2, 2023. /TASS/. \"We are ready,\" Foreign Minister Anna Berg said on \
         Tuesday after she met Norwegian Foreign Minister Arne Kvist in Geneva.",
    );
    write(
        "b.txt",
        "OSLO, May 3, 2023 (Reuters) - Talks will resume, Minister Arne Kvist said.",
    );
    let db = dir.path().join("a.sqlite");
    let run = || {
        let out = statements()
            .args(["db", "-o"])
            .arg(&db)
            .arg(&stories)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(run().contains("2 stories added, 0 replaced, 0 unchanged"));
    write(
        "c.txt",
        "PARIS, May 4, 2023 (AFP) - \"No,\" spokesman Paul Kern said.",
    );
    write(
        "a.txt",
        "GENEVA, May 2, 2023. /TASS/. \"We are not ready,\" Foreign Minister Anna Berg said.",
    );
    assert!(run().contains("1 stories added, 1 replaced, 1 unchanged"));
    let records = parsed(&[stories.as_path()]);
    let (quotes, speakers, events) = json_counts(&records);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    assert_eq!(count("SELECT count(*) FROM stories"), 3);
    assert_eq!(count("SELECT count(*) FROM quotes"), quotes);
    assert_eq!(count("SELECT count(*) FROM story_speakers"), speakers);
    assert_eq!(count("SELECT count(*) FROM events"), events);
    // the replaced story's rows in the tables that hang from it are gone too
    let dates: usize = records.iter().map(|r| r.dates.len()).sum();
    assert_eq!(count("SELECT count(*) FROM dates"), dates);
    assert_eq!(
        count("SELECT count(*) FROM event_parties"),
        party_count(&records)
    );
    assert_eq!(
        count("SELECT count(*) FROM event_parties WHERE event NOT IN (SELECT event FROM events)")
            + count(
                "SELECT count(*) FROM event_participants WHERE event NOT IN (SELECT event FROM events)"
            ),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ready'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'not'"),
        1
    );
    fts_index_matches_quotes(&conn);
}

/// FTS5's own check that the full-text index holds exactly the rows of `quotes` (rank 1:
/// compared with the content table): it fails on a row indexed twice, missed or left behind.
fn fts_index_matches_quotes(conn: &rusqlite::Connection) {
    conn.execute(
        "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the full-text index matches the quotes table");
}

#[test]
fn timeline_csv_has_one_row_per_merged_event() {
    let fixtures = root().join("fixtures");
    let jsonl = statements()
        .args(["timeline", "-q"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let csv = statements()
        .args(["timeline", "-q", "--format", "csv"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let events: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rows = csv_rows(&csv.stdout);
    assert!(!rows.is_empty());
    assert_eq!(rows.len(), events.len());
    for (row, e) in rows.iter().zip(&events) {
        assert_eq!(&row[0], e["date"].as_str().unwrap());
        assert_eq!(
            row[3].parse::<usize>().unwrap(),
            e["sources"].as_array().unwrap().len()
        );
        assert_eq!(
            &row[7],
            e["sources"][0]["text"].as_str().unwrap(),
            "whole text"
        );
    }
}

#[test]
fn graph_files_declare_what_they_use_and_open_in_graphviz() {
    let fixtures = root().join("fixtures");
    let graphml = statements()
        .args(["graph", "-q"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let text = String::from_utf8(graphml.stdout).unwrap();
    assert!(text.starts_with("<?xml"));
    for used in text.split("<data key=\"").skip(1) {
        let key = &used[..used.find('"').unwrap()];
        assert!(
            text.contains(&format!("<key id=\"{key}\"")),
            "undeclared {key}"
        );
    }
    for endpoint in text
        .split(" source=\"")
        .skip(1)
        .chain(text.split(" target=\"").skip(1))
    {
        let id = &endpoint[..endpoint.find('"').unwrap()];
        assert!(
            text.contains(&format!("<node id=\"{id}\">")),
            "no node {id}"
        );
    }
    let json = statements()
        .args(["graph", "-q", "--format", "json"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        text.matches("<node id=").count(),
        json["nodes"].as_array().unwrap().len()
    );
    assert_eq!(
        text.matches("<edge id=").count(),
        json["edges"].as_array().unwrap().len()
    );
    check_with_networkx(&text, json["nodes"].as_array().unwrap().len());
    let dot = statements()
        .args(["graph", "-q", "--format", "dot"])
        .arg(&fixtures)
        .output()
        .unwrap();
    let Ok(mut child) = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped the Graphviz check: no `dot` (Debian package graphviz)");
        return;
    };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot.stdout).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

/// networkx reads the GraphML with the nodes it declares (skipped without Python's networkx).
fn check_with_networkx(graphml: &str, nodes: usize) {
    let dir = temp();
    let file = dir.path().join("g.graphml");
    std::fs::write(&file, graphml).unwrap();
    let script =
        "import sys, networkx as nx; print(nx.read_graphml(sys.argv[1]).number_of_nodes())";
    let Ok(out) = Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
    else {
        eprintln!("skipped the networkx check: no python3");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("No module named") {
        eprintln!("skipped the networkx check: no networkx");
        return;
    }
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        nodes.to_string()
    );
}
