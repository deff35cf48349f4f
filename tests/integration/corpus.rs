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
