//! Property tests: any text in, no panic, every span inside the text and equal to its slice,
//! the same output twice.

use crate::harness::{assert_direct_json_is_the_records, assert_spans_index};
use proptest::prelude::*;

/// Text made of the pieces wire stories are made of, so that random strings exercise the
/// rules (quotes, cues, dates, datelines) and not just the no-match path.
fn storyish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just("``".to_string()),
        Just("''".to_string()),
        Just("\u{ab}".to_string()),
        Just("\u{bb}".to_string()),
        Just(" said ".to_string()),
        Just(", he said.".to_string()),
        Just(" told reporters ".to_string()),
        Just("according to ".to_string()),
        Just("Lavrov".to_string()),
        Just("the minister".to_string()),
        Just("Foreign Minister Sergey Lavrov".to_string()),
        Just("MOSCOW, January 18. /TASS/. ".to_string()),
        Just("(Reuters) - ".to_string()),
        Just(" on Tuesday".to_string()),
        Just("January 10".to_string()),
        Just("2021".to_string()),
        Just("last week".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        Just(". ".to_string()),
        Just("Date: 2022-01-18\n".to_string()),
        "[a-zA-Z ,.]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn storyish_text_never_panics_and_spans_index_it(text in storyish()) {
        let record = statements::analyse(&text);
        assert_spans_index(&text, &record, "storyish");
        prop_assert_eq!(&record, &statements::analyse(&text));
        assert_direct_json_is_the_records(text.as_bytes(), "storyish");
    }

    #[test]
    fn any_text_never_panics(text in any::<String>()) {
        let record = statements::analyse(&text);
        assert_spans_index(&text, &record, "any");
        assert_direct_json_is_the_records(text.as_bytes(), "any");
    }

    #[test]
    fn any_bytes_give_a_record_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = statements::analyse_bytes(&bytes, &statements::Options::default());
    }
}
