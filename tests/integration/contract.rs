//! The record contract on the library: offsets index the decoded text, every encoding decodes,
//! output is deterministic.

use crate::harness::{assert_spans_index, fixture, read, root};
use statements::{analyse, analyse_bytes, Options};

#[test]
fn every_fixture_span_indexes_its_text() {
    for entry in std::fs::read_dir(root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // fixtures/formats: tests/integration/formats.rs
        }
        let text = read(&path);
        let record = analyse(&text);
        assert_spans_index(&text, &record, &path.display().to_string());
    }
}

#[test]
fn offsets_count_code_points_of_the_decoded_text_in_every_encoding() {
    let story = "MOSCOW, January 18. /TASS/. Peskov called the claims \u{201c}empty and \
                 unfounded,\u{201d} on Tuesday.\r\n\r\n\u{201c}We are ready,\u{201d} Lavrov said.\r\n";
    let utf8 = analyse(story);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(story.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(story.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(story);
    for (label, bytes) in [
        ("bom", bom),
        ("utf16", utf16),
        ("cp1252", cp1252.into_owned()),
    ] {
        let record = analyse_bytes(&bytes, &Options::default()).unwrap();
        assert_spans_index(story, &record, label);
        assert_eq!(record, utf8, "{label} gives the same record as UTF-8");
    }
}

#[test]
fn output_is_deterministic() {
    let text = read(&fixture("tass-2022-01-18-lavrov-blinken.txt"));
    let first = serde_json::to_string(&analyse(&text)).unwrap();
    for _ in 0..3 {
        assert_eq!(serde_json::to_string(&analyse(&text)).unwrap(), first);
    }
}

#[test]
fn empty_and_blank_stories_are_valid_records() {
    for text in ["", " ", "\n\n\t \r\n"] {
        let record = analyse(text);
        assert_eq!(record.error, None);
        assert!(record.quotes.is_empty() && record.speakers.is_empty() && record.events.is_empty());
    }
}
