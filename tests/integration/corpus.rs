//! Whole real corpora from ../shared: every span indexes its story exactly, no panic, and the
//! JSON line written straight from the analysis is the record's. Skipped where ../shared is
//! absent (a user's fresh clone).

use crate::harness::{assert_direct_json_is_the_records, assert_spans_index, shared};
use statements::{analyse_bytes, input, Options};

fn check_corpus(name: &str) {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let dir = shared.join("corpus").join(name).join("stories");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok((text, _)) = input::decode(&bytes) else {
            continue;
        };
        let record = analyse_bytes(&bytes, &Options::default()).unwrap();
        let name = path.display().to_string();
        assert_spans_index(&text, &record, &name);
        assert_direct_json_is_the_records(&bytes, &name);
        count += 1;
    }
    assert!(count > 1000, "{count} stories read from {}", dir.display());
}

#[test]
fn reuters_spans_index_their_stories() {
    check_corpus("reuters21578");
}

#[test]
fn tempeval3_news_spans_index_their_stories() {
    check_corpus("tempeval3-news");
}

/// The sha256 of `statements parse -q <dir>` run from the repository root: the output of a
/// whole corpus, byte for byte. A change that is meant to keep behaviour (a refactoring) keeps
/// these; a change of output updates them in its own commit, with the reason in its message.
const DIGESTS: &[(&str, &str)] = &[
    (
        "../shared/corpus/reuters21578/stories",
        "9bc46227f49968f895e0b631c44c01804be69156576190fface5fe3767e2e831",
    ),
    (
        "../shared/corpus/tempeval3-news/stories",
        "10c11569f220d437f854652673a3f83d4accd35d9c43e7f7fe5551bb1e32977b",
    ),
    (
        "fixtures",
        "5d019fa7bb9ee1ce59404eeaaab5eb80b598283f71ed878a6be2be231c0155ee",
    ),
];

fn digest_of_parse(dir: &str) -> String {
    use sha2::{Digest, Sha256};
    let out = crate::harness::statements()
        .args(["parse", "-q", dir])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "parse -q {dir} failed: {:?}",
        out.status
    );
    format!("{:x}", Sha256::digest(&out.stdout))
}

#[test]
fn output_digests_are_unchanged() {
    let mut wrong = Vec::new();
    for (dir, expected) in DIGESTS {
        if dir.starts_with("../shared") && shared().is_none() {
            eprintln!("skipped {dir}: ../shared is absent");
            continue;
        }
        let got = digest_of_parse(dir);
        if got != *expected {
            wrong.push(format!("{dir}: {got} (expected {expected})"));
        }
    }
    assert!(wrong.is_empty(), "output changed:\n{}", wrong.join("\n"));
}
