//! Table tests for the timeline, with short sentences of our own and the seed story.

use super::*;
use crate::analyse::attribution::Attribution;
use crate::analyse::speakers::Entity;
use crate::parse::metadata::StoryDate;
use crate::parse::metadata::StoryMetadata;
use crate::vocab::SpeakerKind;

fn entity(text: &str, name: &str, mention: &str) -> Entity {
    let start = text.find(mention).expect("mention in text");
    Entity {
        name: name.into(),
        kind: SpeakerKind::Person,
        title: None,
        mentions: vec![Span::new(start, start + mention.len())],
    }
}

/// The tokens of `text` as the pipeline builds them.
fn doc_of(text: &str, paragraphs: &[crate::text::paragraphs::Paragraph]) -> crate::text::Doc {
    let quotes = crate::text::quotes::find(text, paragraphs);
    crate::analyse::tokenize(text, paragraphs, &quotes)
}

/// Runs the timeline on `text` with story date 2022-01-18, dateline place MOSCOW.
fn run(text: &str, speakers: Vec<Entity>) -> Vec<(String, String, Option<String>, Vec<usize>)> {
    let date = StoryDate::parse_iso("2022-01-18");
    let metadata = StoryMetadata {
        date,
        place: Some("MOSCOW".into()),
        body: Span::new(0, text.len()),
        ..StoryMetadata::default()
    };
    let region = Span::new(0, text.len());
    // The sentences every stage reads.
    let paragraphs = crate::text::paragraphs::split(text, region);
    let dates = crate::parse::dates::find(text, region, date);
    let attribution = Attribution {
        statements: Vec::new(),
        speakers,
    };
    let doc = doc_of(text, &paragraphs);
    build(text, &metadata, &paragraphs, &dates, &attribution, &doc)
        .into_iter()
        .filter_map(|e| {
            Some((
                dates[e.date?].value.clone(),
                e.clause.slice(text).to_string(),
                e.place,
                e.participants,
            ))
        })
        .collect()
}

#[test]
fn seed_story_has_five_events() {
    let text = include_str!("../../../fixtures/tass-2022-01-18-lavrov-blinken.txt");
    let speakers = vec![
        entity(text, "Sergey Lavrov", "Sergey Lavrov"),
        entity(text, "Antony Blinken", "Antony Blinken"),
        entity(text, "Dmitry Peskov", "Dmitry Peskov"),
    ];
    let date = StoryDate::parse_iso("2022-01-18");
    let dateline_start = text.find("MOSCOW").unwrap_or(0);
    let dateline = Span::new(
        dateline_start,
        dateline_start + "MOSCOW, January 18. /TASS/.".len(),
    );
    let metadata = StoryMetadata {
        date,
        place: Some("MOSCOW".into()),
        dateline: Some(dateline),
        body: Span::new(dateline.end, text.len()),
        content_start: dateline.start,
        ..StoryMetadata::default()
    };
    let paragraphs = crate::text::paragraphs::split(text, metadata.body);
    let dates = crate::parse::dates::find(text, Span::new(dateline.start, text.len()), date);
    let attribution = Attribution {
        statements: Vec::new(),
        speakers,
    };
    // the timeline's own dated events (the whole body is one sentence here)
    let doc = doc_of(text, &paragraphs);
    let events = dated(&crate::analyse::events::Story {
        text,
        metadata: &metadata,
        paragraphs: &paragraphs,
        dates: &dates,
        attribution: &attribution,
        doc: &doc,
    });
    let got: Vec<(&str, Option<&str>)> = events
        .iter()
        .filter_map(|e| Some((dates[e.date?].value.as_str(), e.place.as_deref())))
        .collect();
    assert_eq!(
        got,
        [
            ("2022-01-18", Some("MOSCOW")),
            ("2021-12-17", None),
            ("2022-01-10", Some("Geneva")),
            ("2022-01-12", Some("Brussels")),
            ("2022-01-13", Some("Vienna")),
        ]
    );
    assert_eq!(
        events[0].participants,
        [0, 1],
        "Lavrov and Blinken on the call"
    );
    assert!(events[2].clause.slice(text).contains("consultations"));
    assert!(events[1].clause.slice(text).contains("released"));
}

/// A story sentence and the (date, place) of each event it should give.
type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

#[test]
fn events_in_sentences() {
    let cases: &[Case] = &[
        (
            "The ministers met in Berlin on Friday.",
            &[("2022-01-14", Some("Berlin"))],
        ),
        (
            "Talks will be held in Nur-Sultan on January 25.",
            &[("2022-01-25", Some("Nur-Sultan"))],
        ),
        ("He said on Monday that prices were high.", &[]),
        ("The talks lasted three days.", &[]),
        ("The group was formed at a meeting in 1983.", &[]),
        (
            "Turnout was low in Turkey's election on January 9.",
            &[("2022-01-09", Some("Turkey"))],
        ),
        (
            "Nine died in Saturday's blast in a mine in Jixi.",
            &[("2022-01-15", Some("Jixi"))],
        ),
        (
            "Republicans in Congress praised the speech on Monday.",
            &[("2022-01-17", Some("MOSCOW"))],
        ),
        (
            "The summit took place in New York last week; a vote followed in Paris on January 14.",
            &[
                ("2022-W02", Some("New York")),
                ("2022-01-14", Some("Paris")),
            ],
        ),
        (
            "The two presidents spoke by telephone on Tuesday.",
            &[("2022-01-18", Some("MOSCOW"))],
        ),
        (
            "A meeting of the Council for Cooperation in Europe in Vienna on January 13 ended.",
            &[("2022-01-13", Some("Vienna"))],
        ),
    ];
    for (text, want) in cases {
        let got = run(text, Vec::new());
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(d, _, p, _)| (d.as_str(), p.as_deref()))
            .collect();
        assert_eq!(&got[..], *want, "{text}");
    }
}

#[test]
fn participants_are_speakers_in_the_clause() {
    let text = "Lavrov met Wang Yi in Beijing on January 14, followed by a call with Blinken on January 17.";
    let speakers = vec![
        entity(text, "Sergey Lavrov", "Lavrov"),
        entity(text, "Antony Blinken", "Blinken"),
    ];
    let got = run(text, speakers);
    let parts: Vec<&[usize]> = got.iter().map(|e| e.3.as_slice()).collect();
    assert_eq!(parts, [&[0][..], &[1][..]]);
}

#[test]
fn whole_pipeline_without_metadata() {
    let text = include_str!("../../../fixtures/tass-2022-01-18-lavrov-blinken.txt");
    let r = crate::analyse(text);
    // the ones their clause dates: the coded undated acts (a demand, a warning) come on top,
    // dated by the story
    let dated = |source: &str| {
        r.events
            .iter()
            .filter(|e| e.date_source.as_deref() == Some(source))
            .count()
    };
    assert_eq!(dated("text"), 5, "{:#?}", r.events);
    assert_eq!(dated("story"), 3, "{:#?}", r.events);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any text: no panic, clauses inside the text on char boundaries.
        #[test]
        fn never_panics_on_any_text(
            text in "(\\PC|[ .,;\\n]|in Geneva|met|talks|on Friday|January 10|, followed by| and a |Mr\\.|U\\.S\\.){0,40}",
        ) {
            for (_, clause, _, _) in run(&text, Vec::new()) {
                prop_assert!(text.contains(clause.as_str()));
            }
        }
    }
}

/// The fast helpers against the plain reading they replace: the last clause break (every
/// break's last occurrence, the latest wins) and the event score (whole words only).
#[test]
fn breaks_and_event_words() {
    let breaks = [
        "talks in Geneva, followed by a meeting",
        "a call; then a visit, and a session",
        "x and an y and the z",
        "no break here",
        ",followed by",
        "a, while b, after c, before d, when e, then f followed by g",
        "",
    ];
    for s in breaks {
        let plain = BREAKS
            .iter()
            .filter_map(|br| s.rfind(br).map(|k| (k, br.len())))
            .max_by_key(|&(k, _)| k);
        assert_eq!(last_break(s), plain, "{s:?}");
    }
    let scores = [
        ("The talks were held in Geneva", Some(2)),
        ("The TALKS took place", Some(2)),
        ("Talkshows and meetingsx", None),
        ("pre-talks only", None),
        ("a meeting-room", None),
        ("they met", Some(1)),
        ("the visited site", Some(1)),
        ("nothing here", None),
        ("Ümeeting", None),
    ];
    for (clause, want) in scores {
        let paragraphs = crate::text::paragraphs::split(clause, Span::new(0, clause.len()));
        let doc = crate::analyse::tokenize(clause, &paragraphs, &[]);
        let whole = Span::new(0, clause.len());
        assert_eq!(event_score(clause, &doc, 0, whole), want, "{clause:?}");
        let lower = clause.to_ascii_lowercase();
        assert_eq!(
            event_score_of_bytes(clause, lower.as_bytes()),
            want,
            "{clause:?}"
        );
    }
}

/// The score read from the story's tokens is the one the bytes give, for every sentence of
/// the fixtures and of texts that probe where tokens and runs differ, and for the sentence's
/// stretches after each comma or semicolon (clauses are cut there).
#[test]
fn event_scores_from_tokens_are_those_of_the_bytes() {
    let probe = "Pre-talks held -talks; the meeting-room, talks- took place. Ümeeting \
        held\u{a0}talks on Jan. 5, a—meeting; «talks» U.S.-held talks. 3talks were held in a \
        T-talks hall.";
    let mut scored = 0;
    for story in crate::analyse::fixture_stories(&[probe]) {
        let (text, doc) = (&story.text, &story.doc);
        for (n, s) in story.sentences() {
            let cuts = s
                .slice(text)
                .match_indices([',', ';'])
                .map(|(k, _)| s.start + k + 1);
            for from in std::iter::once(s.start).chain(cuts) {
                let clause = crate::text::paragraphs::trimmed(text, Span::new(from, s.end));
                let lower = doc
                    .norm
                    .as_bytes()
                    .get(clause.start..clause.end)
                    .unwrap_or(b"");
                let want = event_score_of_bytes(clause.slice(text), lower);
                assert_eq!(
                    event_score(text, doc, n, clause),
                    want,
                    "{:?}",
                    clause.slice(text)
                );
                scored += usize::from(want.is_some());
            }
        }
    }
    assert!(scored > 0);
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    let cases = [
        "",
        "   ",
        "one",
        "one two three four five six seven",
        "one two three four five six seven eight",
        "  one\ttwo\nthree\r\nfour\u{b}five\u{c}six seven eight  ",
        "one\u{a0}two\u{2009}three\u{3000}four\u{85}five\u{2028}six seven eight",
        "Лавров и Блинкен встретились в Женеве в январе",
        "talks—then more talks, then «a deal» in Genève on Jan. 10",
    ];
    for text in cases {
        for n in 0..10 {
            assert_eq!(
                more_words_than(text, n),
                text.split_whitespace().nth(n).is_some(),
                "{text:?} {n}"
            );
        }
    }
}

/// Words that start no place name: the listed ones and the capitalised determiners and
/// possessives, as written; and words that may start one.
#[test]
fn words_that_start_no_place() {
    let cases = [
        ("January", true),
        ("Addition", true),
        ("It", true),
        ("The", true),
        ("These", true),
        ("Their", true),
        ("Our", true),
        ("the", false),
        ("My", false),
        ("Several", false),
        ("Geneva", false),
    ];
    for (word, want) in cases {
        assert_eq!(is_not_place(word), want, "{word}");
    }
}
