//! Official documents (readouts, official and joint statements, a meeting record, an
//! interview): the statements each fixture must give, with the speaker they resolve to, and
//! what must not be a statement (expressive acts). The fixtures `official-*.txt` are written
//! from the marked-up gold of `eval/own/official/` by `scripts/own-eval-build.py`.

use crate::harness::{fixture, read};
use statements::output::record::{QuoteKind, Record};

fn record(name: &str) -> Record {
    statements::analyse(&read(&fixture(name)))
}

/// The statement whose text starts with `start`: its kind and its speaker's name and kind.
fn statement<'r>(r: &'r Record, start: &str) -> (QuoteKind, Option<&'r str>, Option<String>) {
    let q = r
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches("that ").starts_with(start))
        .unwrap_or_else(|| panic!("no statement starting {start:?}"));
    let speaker = q
        .speaker
        .as_ref()
        .and_then(|s| r.speakers.iter().find(|e| e.id == s.id));
    (
        q.kind,
        speaker.map(|s| s.name.as_str()),
        speaker.map(|s| format!("{:?}", s.kind)),
    )
}

use QuoteKind::{Direct as D, Indirect as I};

/// (fixture, statement start, kind, speaker name).
const CASES: &[(&str, &str, QuoteKind, &str)] = &[
    // The Secretary, named in the lead sentence; both ministers, a group of the two.
    (
        "official-state-readout.txt",
        "the importance of keeping",
        I,
        "Adrian Pell",
    ),
    (
        "official-state-readout.txt",
        "the United States would not accept",
        I,
        "Adrian Pell",
    ),
    (
        "official-state-readout.txt",
        "Nordmark would double",
        I,
        "Lena Arvo",
    ),
    (
        "official-state-readout.txt",
        "their governments would coordinate",
        I,
        "Adrian Pell and Lena Arvo",
    ),
    // The President and the Prime Minister, by the title each party holds; the two leaders
    // (their `, and they agreed that …` after it is still read into the same statement).
    (
        "official-wh-call-readout.txt",
        "the strong partnership",
        I,
        "Marcus Calder",
    ),
    (
        "official-wh-call-readout.txt",
        "the new grid would bring",
        I,
        "Ngozi Okafor",
    ),
    (
        "official-wh-call-readout.txt",
        "their shared commitment",
        I,
        "Marcus Calder and Ngozi Okafor",
    ),
    // A joint statement's `we` and `the two sides`: its signatories.
    (
        "official-joint-statement.txt",
        "the friendship between",
        I,
        "Republic of Halvaria and Kingdom of Ostmark",
    ),
    (
        "official-joint-statement.txt",
        "disputes in the Strait",
        I,
        "Republic of Halvaria and Kingdom of Ostmark",
    ),
    (
        "official-joint-statement.txt",
        "a joint commission",
        I,
        "Republic of Halvaria and Kingdom of Ostmark",
    ),
    // A ministry's statement speaks for the ministry.
    (
        "official-ministry-statement.txt",
        "the ceasefire agreed in March",
        I,
        "Ministry of Foreign Affairs",
    ),
    (
        "official-ministry-statement.txt",
        "Lusania would send",
        I,
        "Tomas Reyes",
    ),
    // A meeting record: the President of the list of participants; the delegates.
    (
        "official-un-record.txt",
        "In accordance with rule 37",
        D,
        "Haugland",
    ),
    (
        "official-un-record.txt",
        "I thank you, Madam President",
        D,
        "Mensah",
    ),
    (
        "official-un-record.txt",
        "I now give the floor",
        D,
        "Haugland",
    ),
    // An interview: a named interviewer, unlabelled answers by the guest of the title.
    (
        "official-interview.txt",
        "Minister, what do you expect",
        D,
        "Lucia Romero",
    ),
    (
        "official-interview.txt",
        "We expect the summit",
        D,
        "Ana Ferrer",
    ),
    (
        "official-interview.txt",
        "That is not for us",
        D,
        "Ana Ferrer",
    ),
];

#[test]
fn official_statements() {
    for &(name, start, kind, speaker) in CASES {
        let r = record(name);
        let (k, s, _) = statement(&r, start);
        assert_eq!((k, s), (kind, Some(speaker)), "{name}: {start:?}");
    }
}

/// A group of the parties is a speaker of kind group whose mentions are among each
/// member's mentions too.
#[test]
fn group_mentions_link_to_each_member() {
    let r = record("official-state-readout.txt");
    let group = r
        .speakers
        .iter()
        .find(|s| s.name == "Adrian Pell and Lena Arvo")
        .unwrap();
    assert_eq!(format!("{:?}", group.kind), "Group");
    for member in ["Adrian Pell", "Lena Arvo"] {
        let m = r.speakers.iter().find(|s| s.name == member).unwrap();
        assert!(
            group.mentions.iter().all(|g| m.mentions.contains(g)),
            "{member}"
        );
    }
}

/// Thanks, congratulations, condolences and gratitude are expressive acts, not statements.
#[test]
fn expressive_acts_are_not_statements() {
    let cases: &[(&str, &str)] = &[
        ("official-state-readout.txt", "Nordmark’s support"),
        ("official-state-readout.txt", "the victims of last week"),
        ("official-wh-call-readout.txt", "her reelection"),
        (
            "official-wh-call-readout.txt",
            "the assistance the United States",
        ),
        ("official-joint-statement.txt", "the people of Ostmark"),
        (
            "official-joint-statement.txt",
            "the signing of the agreement",
        ),
        (
            "official-ministry-statement.txt",
            "the families of the civilians",
        ),
    ];
    for &(name, words) in cases {
        let r = record(name);
        assert!(
            r.quotes.iter().all(|q| !q.text.contains(words)),
            "{name}: a statement holds {words:?}"
        );
    }
}

/// Document type and title of each layout.
#[test]
fn official_metadata() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "official-state-readout.txt",
            "readout",
            "Secretary Pell’s Call with Nordmark Foreign Minister Arvo",
        ),
        (
            "official-wh-call-readout.txt",
            "readout",
            "Readout of President Calder’s Call with Prime Minister Okafor of Lusania",
        ),
        (
            "official-joint-statement.txt",
            "joint_statement",
            "Joint Statement by the Republic of Halvaria and the Kingdom of Ostmark",
        ),
        (
            "official-ministry-statement.txt",
            "statement",
            "Statement on the situation in the Kerran Valley",
        ),
        (
            "official-un-record.txt",
            "meeting_record",
            "The situation in the Kerran Valley",
        ),
        (
            "official-interview.txt",
            "interview",
            "Foreign Minister Ana Ferrer’s interview with the Valdorian Daily Courier",
        ),
    ];
    for &(name, doc_type, headline) in cases {
        let m = record(name).metadata;
        let got = serde_json::to_value(m.doc_type).unwrap();
        assert_eq!(got.as_str(), Some(doc_type), "{name}");
        assert_eq!(m.headline.as_deref(), Some(headline), "{name}");
    }
}
