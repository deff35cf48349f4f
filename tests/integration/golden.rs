//! Golden tests: the seed story's expected reading, pinned by assertions on what matters, and
//! whole-record snapshots of every fixture (review changes with `cargo insta review`, or
//! accept them with `INSTA_UPDATE=always cargo test`).

use crate::harness::{assert_direct_json_is_the_records, fixture, read, root};
use statements::output::record::{QuoteKind, Record};

fn seed() -> Record {
    statements::analyse(&read(&fixture("tass-2022-01-18-lavrov-blinken.txt")))
}

fn speaker_of<'r>(
    record: &'r Record,
    quote_text: &str,
    kind: QuoteKind,
) -> (QuoteKind, Option<&'r str>, Option<&'r str>) {
    // A quoted fragment inside a reported clause is both: the clause is an indirect statement
    // and the fragment a partial one; look for the statement of the expected kind first.
    let holding: Vec<_> = record
        .quotes
        .iter()
        .filter(|q| q.text.contains(quote_text))
        .collect();
    let q = holding
        .iter()
        .find(|q| q.kind == kind)
        .or(holding.first())
        .unwrap_or_else(|| panic!("no statement containing {quote_text:?}"));
    (
        q.kind,
        q.speaker.as_ref().map(|s| s.name.as_str()),
        q.speaker_mention.as_ref().map(|m| m.text.as_str()),
    )
}

#[test]
fn seed_metadata() {
    let m = seed().metadata;
    assert_eq!(m.agency.as_deref(), Some("TASS"));
    assert_eq!(m.place.as_deref(), Some("MOSCOW"));
    assert_eq!(m.date.as_deref(), Some("2022-01-18"));
}

#[test]
fn seed_statements_and_speakers() {
    let r = seed();
    let cases: &[(&str, QuoteKind, &str, Option<&str>)] = &[
        // (statement containing, kind, speaker, mention)
        (
            "Sergey Lavrov again highlighted",
            QuoteKind::Direct,
            "Russian Foreign Ministry",
            None,
        ),
        (
            "In the context of the situation",
            QuoteKind::Direct,
            "Russian Foreign Ministry",
            Some("the Russian diplomatic agency"),
        ),
        (
            "empty and unfounded",
            QuoteKind::Partial,
            "Dmitry Peskov",
            None,
        ),
        (
            "the imperative for Washington",
            QuoteKind::Indirect,
            "Sergey Lavrov",
            None,
        ),
        (
            "Russia did not pose any threat",
            QuoteKind::Indirect,
            "Dmitry Peskov",
            None,
        ),
        (
            "attempts to use military force",
            QuoteKind::Indirect,
            "Dmitry Peskov",
            None,
        ),
        (
            "Lavrov and Blinken also discussed",
            QuoteKind::Indirect,
            "Russian Foreign Ministry",
            None,
        ),
    ];
    for &(start, kind, speaker, mention) in cases {
        let (got_kind, got_speaker, got_mention) = speaker_of(&r, start, kind);
        assert_eq!(got_kind, kind, "{start}");
        assert_eq!(got_speaker, Some(speaker), "{start}");
        if mention.is_some() {
            assert_eq!(got_mention, mention, "{start}");
        }
    }
    for scare in ["invasion", "Russian aggression", "on paper"] {
        assert!(
            !r.quotes.iter().any(|q| q.text == scare),
            "scare quote {scare} is not a statement"
        );
    }
    let lavrov = r
        .speakers
        .iter()
        .find(|s| s.name == "Sergey Lavrov")
        .unwrap();
    assert_eq!(lavrov.title.as_deref(), Some("Russian Foreign Minister"));
}

#[test]
fn seed_dates() {
    let r = seed();
    for (text, value) in [
        ("December 17, 2021", "2021-12-17"),
        ("January 10", "2022-01-10"),
        ("January 12", "2022-01-12"),
        ("January 13", "2022-01-13"),
        ("Tuesday", "2022-01-18"),
    ] {
        assert!(
            r.dates.iter().any(|d| d.text == text && d.value == value),
            "{text} = {value} in {:?}",
            r.dates
                .iter()
                .map(|d| (&d.text, &d.value))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn seed_events() {
    let r = seed();
    let got: Vec<(&str, Option<&str>)> = r
        .events
        .iter()
        .filter_map(|e| Some((e.date.as_deref()?, e.place.as_deref())))
        .collect();
    for expected in [
        ("2021-12-17", None),
        ("2022-01-10", Some("Geneva")),
        ("2022-01-12", Some("Brussels")),
        ("2022-01-13", Some("Vienna")),
        ("2022-01-18", Some("MOSCOW")),
    ] {
        assert!(got.contains(&expected), "{expected:?} in {got:?}");
    }
    // five events their clauses date; the coded acts their sentences do not date (a demand,
    // warnings) take the story's day
    let by_story = r
        .events
        .iter()
        .filter(|e| e.date_source.as_deref() == Some("story"));
    assert!(by_story
        .clone()
        .all(|e| e.date.as_deref() == Some("2022-01-18")));
    assert_eq!(got.len() - by_story.count(), 5, "{got:?}");
    let call = r
        .events
        .iter()
        .find(|e| e.date.as_deref() == Some("2022-01-18"))
        .unwrap();
    assert!(call.text.contains("phone call"));
    assert_eq!(call.event_type.as_deref(), Some("CONSULT"));
    assert_eq!(call.mode.as_deref(), Some("phone"));
    let countries: Vec<Option<&str>> = call.actors.iter().map(|a| a.country.as_deref()).collect();
    assert_eq!(countries, [Some("RUS"), Some("USA")]);
    let lavrov = r
        .speakers
        .iter()
        .find(|s| s.name == "Sergey Lavrov")
        .unwrap();
    assert!(call.participants.contains(&lavrov.id));
}

#[test]
fn fixtures_snapshots() {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = read(&path);
        let record = statements::analyse(&text);
        assert_direct_json_is_the_records(text.as_bytes(), &name);
        insta::assert_json_snapshot!(name, record);
    }
}
