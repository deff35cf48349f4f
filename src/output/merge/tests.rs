//! Table tests for the cross-story merge.

use super::*;
use crate::output::record::{DatePrecision, EventParty, EventStatus, Metadata};

fn record(path: &str, speakers: &[&str], events: &[(&str, Option<&str>, &[usize])]) -> Record {
    Record {
        path: Some(path.into()),
        metadata: Metadata {
            date: Some("2022-01-18".into()),
            ..Metadata::default()
        },
        speakers: speakers
            .iter()
            .enumerate()
            .map(|(i, n)| Speaker {
                id: format!("s{}", i + 1),
                name: n.to_string(),
                kind: SpeakerKind::Person,
                title: None,
                country: None,
                role: None,
                key: None,
                mentions: Vec::new(),
            })
            .collect(),
        events: events
            .iter()
            .map(|(d, p, ps)| Event {
                date: Some(d.to_string()),
                date_text: Some("x".into()),
                text: format!("event {d}"),
                start: 0,
                end: 1,
                place: p.map(str::to_string),
                participants: ps.iter().map(|i| format!("s{}", i + 1)).collect(),
                event_type: None,
                mode: None,
                cameo: None,
                goldstein: None,
                status: EventStatus::Actual,
                actors: Vec::new(),
                recipients: Vec::new(),
                joint: false,
                trigger: None,
                quote_id: None,
                date_precision: DatePrecision::Day,
                date_source: Some("text".into()),
            })
            .collect(),
        ..Record::default()
    }
}

#[test]
fn merge_joins_reports_and_sorts() {
    let records = [
        record(
            "a.txt",
            &["Sergey Lavrov", "Antony Blinken"],
            &[
                ("2022-01-18", Some("Geneva"), &[0, 1]),
                ("XXXX-01-10", None, &[]),
            ],
        ),
        record(
            "b.txt",
            &["Lavrov"],
            &[
                ("2022-01-18", Some("GENEVA"), &[0]),
                ("2021-12-17", None, &[0]),
            ],
        ),
        record(
            "c.txt",
            &["Jake Sullivan"],
            &[
                ("2022-01-18", Some("Geneva"), &[0]),
                ("2022-W02", Some("Brussels"), &[]),
                ("2022-W02", Some("Brussels"), &[]),
            ],
        ),
    ];
    let merged = merge(&records);
    let got: Vec<(&str, usize)> = merged
        .iter()
        .map(|m| (m.date.as_str(), m.sources.len()))
        .collect();
    // two events of one story stay two
    assert_eq!(
        got,
        [
            ("2021-12-17", 1),
            ("2022-W02", 1),
            ("2022-W02", 1),
            ("2022-01-18", 2),
            ("2022-01-18", 1),
            ("XXXX-01-10", 1)
        ]
    );
    assert_eq!(merged[3].participants, ["Sergey Lavrov", "Antony Blinken"]);
    let json = serde_json::to_value(&merged[5]).unwrap_or_default();
    for key in ["date", "place", "event_type", "participants", "sources"] {
        assert!(json.get(key).is_some(), "{key} always present");
    }
}

/// A party of an event, named as the story names it (no speaker: its key is its words).
fn party(name: &str) -> EventParty {
    EventParty {
        name: name.into(),
        speaker_id: None,
        country: None,
        sector: None,
        start: None,
        end: None,
    }
}

/// A case of the merge key: what it is, then the second report's type, actors and recipients,
/// and how many events the two reports make.
type MergeCase = (
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
    usize,
);

/// The merge key beyond date and people: two reports of one date with a person in common
/// join only when their types agree and their parties meet, each case a row (type, actors,
/// recipients of the second report against a first that is a CONSULT of Lavrov with Blinken).
#[test]
fn merge_keys_on_type_and_parties() {
    let cases: [MergeCase; 6] = [
        (
            "the same call, told the same way",
            Some("CONSULT"),
            &["Lavrov"],
            &["Blinken"],
            1,
        ),
        (
            "the same call, told as joint talks",
            Some("CONSULT"),
            &["Lavrov", "Blinken"],
            &[],
            1,
        ),
        ("an untyped report of it", None, &[], &[], 1),
        (
            "an accusation that day",
            Some("ACCUSE"),
            &["Lavrov"],
            &["Blinken"],
            2,
        ),
        (
            "a call with someone else",
            Some("CONSULT"),
            &["Lavrov"],
            &["Wang Yi"],
            2,
        ),
        (
            "other people altogether",
            Some("CONSULT"),
            &["Truss"],
            &["Le Drian"],
            2,
        ),
    ];
    for (what, ty, actors, recipients, events) in cases {
        let mut first = record("a.txt", &["Sergey Lavrov"], &[("2022-01-18", None, &[0])]);
        first.events[0].event_type = Some("CONSULT".into());
        first.events[0].actors = vec![party("Lavrov")];
        first.events[0].recipients = vec![party("Blinken")];
        let mut second = record("b.txt", &["Sergey Lavrov"], &[("2022-01-18", None, &[0])]);
        second.events[0].event_type = ty.map(str::to_string);
        second.events[0].actors = actors.iter().map(|a| party(a)).collect();
        second.events[0].recipients = recipients.iter().map(|r| party(r)).collect();
        let merged = merge(&[first, second]);
        assert_eq!(merged.len(), events, "{what}");
        assert_eq!(merged[0].event_type.as_deref(), Some("CONSULT"), "{what}");
    }
}
