//! Fuzzes the library entry point: any bytes in, a record or a typed error out, never a panic,
//! every span of the record indexes the decoded text exactly, the fast JSON writer writes
//! the bytes serde_json writes, and the JSON line written straight from the analysis (the
//! batch path) is those bytes too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statements::{analyse_bytes, input, Options};

fuzz_target!(|bytes: &[u8]| {
    let Ok(record) = analyse_bytes(bytes, &Options::default()) else { return };
    let (text, _) = input::decode(bytes).expect("analyse_bytes decoded it");
    let chars: Vec<char> = text.chars().collect();
    let check = |start: usize, end: usize, expected: &str| {
        assert!(start <= end && end <= chars.len(), "span {start}..{end} outside the text");
        let got: String = chars[start..end].iter().collect();
        assert_eq!(got, expected, "span {start}..{end}");
    };
    for q in &record.quotes {
        check(q.start, q.end, &q.text);
        for s in [&q.cue, &q.speaker_mention].into_iter().flatten() {
            check(s.start, s.end, &s.text);
        }
    }
    for s in &record.speakers {
        for m in &s.mentions {
            check(m.start, m.end, &m.text);
        }
    }
    for d in &record.dates {
        check(d.start, d.end, &d.text);
    }
    for e in &record.events {
        check(e.start, e.end, &e.text);
    }
    if let Some(d) = &record.metadata.dateline {
        check(d.start, d.end, &d.text);
    }
    let mut fast = Vec::new();
    statements::output::json::write_record(&record, &mut fast);
    let reference = serde_json::to_vec(&record).expect("a record serialises");
    assert!(fast == reference, "write_record differs from serde_json");
    let mut direct = Vec::new();
    statements::analyse_bytes_to_json(bytes, &Options::default(), None, None, &mut direct)
        .expect("analyse_bytes accepted it");
    assert!(direct == reference, "analyse_bytes_to_json differs from serde_json");
});
