//! Speakers and quotes across stories: `statements speakers` and `statements quotes`.

use crate::harness::statements;
use serde_json::Value;

/// Two stories of our own reporting one statement, with the speaker spelled two ways.
const STORIES: [(&str, &str); 2] = [
    (
        "a.txt",
        "MOSCOW, March 3. /TASS/. Russian Foreign Minister Sergey Lavrov said on Thursday \
         that the talks in Geneva had been useful. \"We will not allow the alliance to expand \
         further to the east,\" Lavrov told reporters.\n",
    ),
    (
        "b.txt",
        "GENEVA, March 4 (Reuters) - Russian Foreign Minister Sergei Lavrov said the talks \
         were useful. \"We will not allow the alliance to expand further east,\" Lavrov \
         said after the meeting.\n",
    ),
];

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in STORIES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect()
}

#[test]
fn speakers_lists_one_person_under_both_spellings() {
    let dir = folder();
    let out = statements()
        .args(["speakers", "-q"])
        .arg(dir.path())
        .assert()
        .success();
    let entries = lines(&out.get_output().stdout);
    let lavrov: Vec<&Value> = entries
        .iter()
        .filter(|e| e["key"] == "person:sergey-lavrov")
        .collect();
    assert_eq!(lavrov.len(), 1, "{entries:?}");
    let e = lavrov[0];
    assert_eq!(e["stories"], 2);
    assert_eq!(e["country"], "RUS");
    assert_eq!(e["role"], "foreign_minister");
    let names = e["names"].as_array().unwrap();
    assert!(names.contains(&Value::from("Sergey Lavrov")), "{names:?}");
    assert!(names.contains(&Value::from("Sergei Lavrov")), "{names:?}");
    assert!(e["statements"].as_u64().unwrap() >= 2);
}

#[test]
fn quotes_one_per_story_or_one_per_statement_with_dedup() {
    let dir = folder();
    let out = statements()
        .args(["quotes", "-q"])
        .arg(dir.path())
        .assert()
        .success();
    let rows = lines(&out.get_output().stdout);
    let direct: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "direct").collect();
    assert_eq!(direct.len(), 2, "{rows:?}");
    assert!(direct
        .iter()
        .all(|r| r["speaker_key"] == "person:sergey-lavrov"));
    let out = statements()
        .args(["quotes", "-q", "--dedup"])
        .arg(dir.path())
        .assert()
        .success();
    let quotes = lines(&out.get_output().stdout);
    assert!(quotes.len() < rows.len(), "{quotes:?}");
    let alliance: Vec<&Value> = quotes
        .iter()
        .filter(|q| q["text"].as_str().unwrap().contains("alliance"))
        .collect();
    assert_eq!(alliance.len(), 1, "{quotes:?}");
    let sources = alliance[0]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert!(sources[1]["text"]
        .as_str()
        .unwrap()
        .contains("further east"));
}

#[test]
fn dedup_takes_the_filters_of_the_other_commands() {
    let dir = folder();
    let dedup = |filter: &[&str]| {
        let out = statements()
            .args(["quotes", "-q", "--dedup"])
            .args(filter)
            .arg(dir.path())
            .assert()
            .success();
        lines(&out.get_output().stdout)
    };
    let all = dedup(&[]);
    // one agency: the statement is still grouped, with its TASS source only
    let tass = dedup(&["--agency", "TASS"]);
    assert!(!tass.is_empty() && tass.len() <= all.len(), "{tass:?}");
    for q in &tass {
        for s in q["sources"].as_array().unwrap() {
            assert_eq!(s["agency"], "TASS", "{q:?}");
        }
    }
    // a speaker by key: only their statements
    let lavrov = dedup(&["--speaker", "person:sergey-lavrov"]);
    assert!(!lavrov.is_empty());
    assert!(lavrov
        .iter()
        .all(|q| q["speaker_key"] == "person:sergey-lavrov"));
    // nobody of that name
    assert!(dedup(&["--speaker", "Nobody Atall"]).is_empty());
}
