//! Each example is a short story of our own; the first statement's context is checked.

use super::{breaks, dates_in, first_break, last_break};
use crate::output::record::Channel;
use crate::parse::dates::DateMention;
use crate::span::Span;
use crate::vocab::DateType;

/// (name, story, addressee name, channel, said_on).
type Example = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<Channel>,
    Option<&'static str>,
);

const STORY_DATE: &str = "Date: 2022-01-18\n\n";

const EXAMPLES: &[Example] = &[
    (
        "told a named official; said on a weekday",
        "\"The talks go on,\" Russian Foreign Minister Sergey Lavrov told the foreign minister \
         of Finland on Monday.",
        Some("foreign minister of Finland"),
        None,
        Some("2022-01-17"),
    ),
    (
        "told reporters: a briefing",
        "\"We will not accept this,\" the spokesman told reporters.",
        Some("reporters"),
        Some(Channel::Briefing),
        None,
    ),
    (
        "in an interview with a newspaper",
        "\"The door is open,\" Blinken said in an interview with the Financial Times.",
        Some("Financial Times"),
        Some(Channel::Interview),
        None,
    ),
    (
        "told an agency",
        "\"Nothing has changed,\" Deputy Minister Sergei Ryabkov told TASS.",
        Some("TASS"),
        Some(Channel::ViaAgency),
        None,
    ),
    (
        "in a statement, no addressee",
        "The ministry said in a statement on Tuesday that the border was closed.",
        None,
        Some(Channel::Statement),
        Some("2022-01-18"),
    ),
    (
        "on Twitter",
        "\"A good call,\" the president wrote on Twitter.",
        None,
        Some(Channel::SocialMedia),
        None,
    ),
    (
        "in a letter to",
        "In a letter to Secretary-General Guterres, the ambassador said the vote was unlawful.",
        Some("Secretary-General Guterres"),
        Some(Channel::Letter),
        None,
    ),
    (
        "told a news conference: a channel, no addressee",
        "\"We will not accept this,\" the minister told a news conference in Geneva.",
        None,
        Some(Channel::PressConference),
        None,
    ),
    (
        "in a phone call with: the other side of the call",
        "Lavrov reaffirmed in a phone call with US Secretary of State Antony Blinken on \
         Tuesday that Russia wanted answers on paper.",
        Some("US Secretary of State Antony Blinken"),
        None,
        Some("2022-01-18"),
    ),
    (
        "a wrapped line and an abbreviation in a name",
        "\"Demands must stop,\" the minister told the U.S. Chamber\nof Commerce on Monday.",
        Some("U.S. Chamber\nof Commerce"),
        None,
        Some("2022-01-17"),
    ),
    (
        "a name with and",
        "\"We hold 6 pct,\" the fund's managers told the Securities and Exchange Commission.",
        Some("Securities and Exchange Commission"),
        None,
        None,
    ),
    (
        "a full stop after a name in capitals",
        "\"We hold 6 pct,\" the fund's managers told the SEC.",
        Some("SEC"),
        None,
        None,
    ),
    (
        "a pronoun names no addressee",
        "\"We are ready,\" the minister told him.",
        None,
        None,
        None,
    ),
];

#[test]
fn examples_give_their_context() {
    let mut failures = Vec::new();
    for &(name, story, addressee, channel, said_on) in EXAMPLES {
        let record = crate::analyse(&format!("{STORY_DATE}{story}"));
        let Some(q) = record.quotes.first() else {
            failures.push(format!("{name}: no statement"));
            continue;
        };
        let got = (
            q.addressee.as_ref().map(|a| a.name.as_str()),
            q.channel,
            q.said_on.as_deref(),
        );
        if got != (addressee, channel, said_on) {
            failures.push(format!("{name}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An addressee who is one of the story's speakers links to that speaker.
#[test]
fn an_addressee_who_speaks_is_linked() {
    let story = "Lavrov told Blinken that Moscow wanted answers. \"We have been clear,\" \
                 Blinken said.";
    let record = crate::analyse(&format!("{STORY_DATE}{story}"));
    let q = record.quotes.first().expect("a statement");
    let a = q.addressee.as_ref().expect("an addressee");
    assert_eq!(a.name, "Blinken");
    let blinken = record.speakers.iter().find(|s| s.name.ends_with("Blinken"));
    assert_eq!(a.speaker_id, blinken.map(|s| s.id.clone()));
}

/// The word-at-a-time scans find the sentence breaks a byte-by-byte scan finds.
#[test]
fn break_scans_match_byte_scans() {
    let texts = [
        "He said. \"We told Mr. Smith.\" The U.S. fell? Yes! Then\nwrapped\n\nnew para",
        "Lavrov said \u{201c}talks are over\u{201d} \u{2014} and left... ok. abc. ABC.",
        "no break at all in this clause of a story that runs on and on",
        "....!!!???\"\"\n\n\n \t\r\x01\x7f\u{9c}\u{9d}é.e.ee.eee.",
    ];
    for text in texts {
        let b = text.as_bytes();
        for from in 0..=b.len() {
            for to in from..=b.len() {
                let first = (from..to).find(|&i| breaks(b, i));
                let last = (from..to).rev().find(|&i| breaks(b, i));
                assert_eq!(first_break(b, from, to), first, "{text:?} {from}..{to}");
                assert_eq!(last_break(b, from, to), last, "{text:?} {from}..{to}");
            }
        }
    }
}

/// The dates of a clause found by binary search are those a test of every date finds.
#[test]
fn dates_in_a_clause_by_search() {
    let spans = [
        (0, 4),
        (3, 9),
        (3, 5),
        (10, 10),
        (12, 20),
        (15, 18),
        (30, 34),
    ];
    let dates: Vec<DateMention> = spans
        .iter()
        .map(|&(start, end)| DateMention {
            span: Span::new(start, end),
            value: String::new(),
            date_type: DateType::Date,
        })
        .collect();
    for start in 0..36 {
        for end in start..36 {
            let clause = Span::new(start, end);
            let inside = |range: std::ops::Range<usize>| -> Vec<usize> {
                range.filter(|&i| clause.contains(dates[i].span)).collect()
            };
            let all = inside(0..dates.len());
            assert_eq!(
                inside(dates_in(&dates, true, clause)),
                all,
                "{start}..{end}"
            );
            assert_eq!(
                inside(dates_in(&dates, false, clause)),
                all,
                "{start}..{end}"
            );
        }
    }
}
