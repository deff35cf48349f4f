//! The JSON writer's bytes against `serde_json`'s on the fixtures and on arbitrary records.

use super::*;
use crate::output::record::Channel;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;

fn ours(record: &Record) -> Vec<u8> {
    let mut out = Vec::new();
    write_record(record, &mut out);
    out
}

fn serde(record: &Record) -> Vec<u8> {
    serde_json::to_vec(record).unwrap_or_default()
}

/// Shows a difference readably when the bytes are text.
fn assert_same(record: &Record) {
    assert_eq!(
        String::from_utf8_lossy(&ours(record)),
        String::from_utf8_lossy(&serde(record))
    );
    assert_eq!(ours(record), serde(record));
}

#[test]
fn the_fixtures_are_written_as_serde_json_writes_them() {
    let fixtures = [
        include_str!("../../../fixtures/ap-style.txt"),
        include_str!("../../../fixtures/headers-style.txt"),
        include_str!("../../../fixtures/kyodo-style.txt"),
        include_str!("../../../fixtures/reuters-1987-style.txt"),
        include_str!("../../../fixtures/reuters-web-style.txt"),
        include_str!("../../../fixtures/tass-2022-01-18-lavrov-blinken.txt"),
        include_str!("../../../fixtures/white-house-readout.txt"),
        include_str!("../../../fixtures/xinhua-style.txt"),
        include_str!("../../../fixtures/yonhap-style.txt"),
        include_str!("../../../fixtures/state-department-briefing.txt"),
        include_str!("../../../fixtures/white-house-remarks.txt"),
        include_str!("../../../fixtures/china-mfa-press-conference.txt"),
        include_str!("../../../fixtures/russia-mfa-remarks.txt"),
        include_str!("../../../fixtures/state-department-readout.txt"),
        include_str!("../../../fixtures/joint-statement.txt"),
        include_str!("../../../fixtures/un-security-council-record.txt"),
        include_str!("../../../fixtures/nato-interview.txt"),
    ];
    for text in fixtures {
        let mut record = crate::analyse(text);
        assert_same(&record);
        record.path = Some("stories/a \"quoted\" name.txt".into());
        record.id = Some("7".into());
        record.error = Some("cannot read: \\ \u{1}".into());
        assert_same(&record);
    }
    assert_same(&Record::default());
}

#[test]
fn every_escape_and_every_byte_around_words() {
    // Each ASCII byte and a few non-ASCII characters, at every position relative to the
    // eight-byte words, alone and in runs.
    let mut specials: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
    specials
        .extend(["é", "日", "\u{2028}", "\u{2029}", "😀", "\u{80}", "\u{ff}"].map(String::from));
    for special in &specials {
        for before in 0..17 {
            for after in [0, 1, 7, 8, 9] {
                let s = format!(
                    "{}{special}{special}{}",
                    "a".repeat(before),
                    "b".repeat(after)
                );
                let mut ours = Vec::new();
                string(&mut ours, &s);
                assert_eq!(ours, serde_json::to_vec(&s).unwrap_or_default(), "{s:?}");
            }
        }
    }
}

/// Whether JSON escapes `byte`: a control character, a quotation mark or a backslash.
fn is_escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

#[test]
fn the_word_test_marks_exactly_the_escaped_bytes() {
    // Every byte at every position, among neighbours that would catch a borrow or carry
    // between bytes (a space after a control character, `#` after a quote, `]` after a
    // backslash) and neighbours with the high bit set.
    let neighbours = [
        0x00, 0x1F, 0x20, b'"', b'#', b'\\', b']', b'a', 0x7F, 0x80, 0xA0, 0xFF,
    ];
    for byte in 0..=u8::MAX {
        for position in 0..8 {
            for neighbour in neighbours {
                let mut word = [neighbour; 8];
                word[position] = byte;
                let expected = word
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| is_escaped(b))
                    .fold(0u64, |mask, (i, _)| mask | 0x80 << (8 * i));
                assert_eq!(escapes(u64::from_le_bytes(word)), expected, "{word:?}");
            }
        }
    }
}

#[test]
fn numbers_are_written_as_serde_json_writes_them() {
    for n in [
        0,
        1,
        9,
        10,
        99,
        100,
        101,
        999,
        1000,
        1009,
        12345,
        99_999_999,
        100_000_000,
        usize::MAX / 10,
        usize::MAX - 1,
        usize::MAX,
    ] {
        let mut ours = Vec::new();
        number(&mut ours, n);
        assert_eq!(ours, serde_json::to_vec(&n).unwrap_or_default());
    }
}

#[test]
fn every_offset_up_to_a_long_story_is_written_in_decimal() {
    let powers = (0..20).map(|k| 10usize.pow(k));
    let edges = powers.flat_map(|p| [p - 1, p, p + 1]);
    for n in (0..100_000).chain(edges).chain([usize::MAX]) {
        let mut ours = Vec::new();
        number(&mut ours, n);
        assert_eq!(ours, n.to_string().into_bytes(), "{n}");
    }
}

#[test]
fn variant_names_are_written_as_serde_json_writes_them() {
    let quoted = |name: &str| {
        let mut out = Vec::new();
        variant(&mut out, name);
        out
    };
    for kind in [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Group,
        SpeakerKind::Unknown,
    ] {
        let expected = serde_json::to_vec(&kind).unwrap_or_default();
        assert_eq!(quoted(speaker_kind_name(kind)), expected);
    }
    for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
        let expected = serde_json::to_vec(&kind).unwrap_or_default();
        assert_eq!(quoted(quote_kind_name(kind)), expected);
    }
    for role in [TurnRole::Question, TurnRole::Answer, TurnRole::Statement] {
        let expected = serde_json::to_vec(&role).unwrap_or_default();
        assert_eq!(quoted(turn_role_name(role)), expected);
    }
    for t in [
        DateType::Date,
        DateType::Time,
        DateType::Duration,
        DateType::Set,
    ] {
        let expected = serde_json::to_vec(&t).unwrap_or_default();
        assert_eq!(quoted(date_type_name(t)), expected);
    }
    for d in DocType::ALL {
        let expected = serde_json::to_vec(&d).unwrap_or_default();
        assert_eq!(quoted(d.name()), expected);
        assert_eq!(DocType::from_name(d.name()), Some(d));
    }
}

/// Strings with what needs escaping (control characters, quotes, backslashes), what does not
/// but is easy to get wrong (DEL, non-ASCII, U+2028), arbitrary Unicode, and long plain runs
/// with an escape somewhere inside.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\x00-\\x20\"\\\\/a-z\\x7f\u{80}\u{a0}é日\u{2028}\u{2029}😀]{0,40}",
        any::<String>(),
        "[a-zA-Z ,.]{0,40}[\\x00-\\x1f\"\\\\]?[a-zA-Z ,.’]{0,40}",
    ]
}

fn offset() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..100_000, any::<usize>()]
}

fn span() -> impl Strategy<Value = TextSpan> {
    (text(), offset(), offset()).prop_map(|(text, start, end)| TextSpan { text, start, end })
}

fn speaker_kind() -> impl Strategy<Value = SpeakerKind> {
    prop_oneof![
        Just(SpeakerKind::Person),
        Just(SpeakerKind::Organization),
        Just(SpeakerKind::Group),
        Just(SpeakerKind::Unknown),
    ]
}

fn turn_role() -> impl Strategy<Value = TurnRole> {
    prop_oneof![
        Just(TurnRole::Question),
        Just(TurnRole::Answer),
        Just(TurnRole::Statement),
    ]
}

fn quote_kind() -> impl Strategy<Value = QuoteKind> {
    prop_oneof![
        Just(QuoteKind::Direct),
        Just(QuoteKind::Partial),
        Just(QuoteKind::Indirect),
    ]
}

fn date_type() -> impl Strategy<Value = DateType> {
    prop_oneof![
        Just(DateType::Date),
        Just(DateType::Time),
        Just(DateType::Duration),
        Just(DateType::Set),
    ]
}

fn metadata() -> impl Strategy<Value = Metadata> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(span()),
        btree_map(text(), text(), 0..4),
        option::of(proptest::sample::select(DocType::ALL.to_vec())),
        option::of(text()),
        option::of(proptest::sample::select(vec![
            DateSource::Given,
            DateSource::Text,
            DateSource::Option,
            DateSource::Path,
        ])),
        (
            option::of(proptest::sample::select(FORMATS.to_vec())),
            vec(text(), 0..3),
            option::of(0usize..100_000),
        ),
    )
        .prop_map(
            |(
                agency,
                place,
                date,
                headline,
                byline,
                dateline,
                headers,
                doc_type,
                issuer,
                date_source,
                (format, subjects, part),
            )| {
                Metadata {
                    agency,
                    place,
                    date,
                    date_source,
                    headline,
                    byline,
                    dateline,
                    headers,
                    doc_type,
                    issuer,
                    format,
                    subjects,
                    part,
                }
            },
        )
}

const FORMATS: [Format; 6] = [
    Format::PlainText,
    Format::Html,
    Format::NewsmlG2,
    Format::Nitf,
    Format::Iptc7901,
    Format::Anpa1312,
];

fn speaker() -> impl Strategy<Value = Speaker> {
    (
        text(),
        text(),
        speaker_kind(),
        option::of(text()),
        (
            option::of(text()),
            option::of(proptest::sample::select(SpeakerRole::ALL.to_vec())),
            option::of(text()),
        ),
        vec(span(), 0..3),
    )
        .prop_map(
            |(id, name, kind, title, (country, role, key), mentions)| Speaker {
                id,
                name,
                kind,
                title,
                country,
                role,
                key,
                mentions,
            },
        )
}

fn quote() -> impl Strategy<Value = Quote> {
    (
        text(),
        quote_kind(),
        span(),
        option::of((text(), text()).prop_map(|(id, name)| SpeakerRef { id, name })),
        option::of(span()),
        option::of(span()),
        (option::of(turn_role()), option::of(text())),
        (
            option::of((span(), option::of(text()))),
            option::of(proptest::sample::select(Channel::ALL.to_vec())),
            option::of(text()),
        ),
    )
        .prop_map(
            |(
                id,
                kind,
                content,
                speaker,
                speaker_mention,
                cue,
                (role, reply_to),
                (addressee, channel, said_on),
            )| Quote {
                id,
                kind,
                text: content.text,
                start: content.start,
                end: content.end,
                speaker,
                speaker_mention,
                cue,
                role,
                reply_to,
                addressee: addressee.map(|(s, speaker_id)| Addressee {
                    name: s.text,
                    speaker_id,
                    start: s.start,
                    end: s.end,
                }),
                channel,
                said_on,
            },
        )
}

fn date() -> impl Strategy<Value = DateExpression> {
    (span(), text(), date_type()).prop_map(|(s, value, date_type)| DateExpression {
        text: s.text,
        start: s.start,
        end: s.end,
        value,
        date_type,
    })
}

fn party() -> impl Strategy<Value = EventParty> {
    (
        text(),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(0usize..100_000),
    )
        .prop_map(|(name, speaker_id, country, sector, start)| EventParty {
            name,
            speaker_id,
            country,
            sector,
            start,
            end: start.map(|s| s + 3),
        })
}

fn status() -> impl Strategy<Value = EventStatus> {
    prop::sample::select(vec![
        EventStatus::Actual,
        EventStatus::Future,
        EventStatus::Hypothetical,
        EventStatus::Negated,
    ])
}

fn precision() -> impl Strategy<Value = DatePrecision> {
    prop::sample::select(vec![
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Year,
        DatePrecision::Unknown,
    ])
}

/// The coding members of an event: type, mode, CAMEO code, Goldstein score (any finite
/// number, and the table's usual ones), actors, recipients, joint, trigger, quote id.
#[allow(clippy::type_complexity)]
fn coding() -> impl Strategy<
    Value = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<f64>,
        Vec<EventParty>,
        Vec<EventParty>,
        bool,
        Option<TextSpan>,
        Option<String>,
    ),
> {
    let score = prop_oneof![
        prop::sample::select(vec![-10.0, -2.0, 3.4, 0.0, 7.4, -0.1, 1.9]),
        -1e6f64..1e6f64,
    ];
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(score),
        vec(party(), 0..3),
        vec(party(), 0..3),
        any::<bool>(),
        option::of(span()),
        option::of(text()),
    )
}

fn event() -> impl Strategy<Value = Event> {
    (
        (
            option::of(text()),
            option::of(text()),
            span(),
            option::of(text()),
            vec(text(), 0..3),
        ),
        coding(),
        status(),
        precision(),
        option::of(text()),
    )
        .prop_map(
            |(
                (date, date_text, clause, place, participants),
                (event_type, mode, cameo, goldstein, actors, recipients, joint, trigger, quote_id),
                status,
                date_precision,
                date_source,
            )| Event {
                date,
                date_text,
                text: clause.text,
                start: clause.start,
                end: clause.end,
                place,
                participants,
                event_type,
                mode,
                cameo,
                goldstein,
                status,
                actors,
                recipients,
                joint,
                trigger,
                quote_id,
                date_precision,
                date_source,
            },
        )
}

fn record() -> impl Strategy<Value = Record> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        metadata(),
        vec(speaker(), 0..3),
        vec(quote(), 0..3),
        vec(date(), 0..3),
        vec(event(), 0..3),
        option::of(text()),
    )
        .prop_map(
            |(path, id, error, metadata, speakers, quotes, dates, events, text)| Record {
                path,
                id,
                error,
                metadata,
                speakers,
                quotes,
                dates,
                events,
                text,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_records_are_written_as_serde_json_writes_them(record in record()) {
        prop_assert_eq!(ours(&record), serde(&record));
    }

    #[test]
    fn arbitrary_strings_are_written_as_serde_json_writes_them(s in text()) {
        let mut ours = Vec::new();
        string(&mut ours, &s);
        prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap_or_default());
    }
}
