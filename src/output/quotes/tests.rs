use super::*;

/// Our own pairs (written for this test): two reports of one statement, worded as agencies
/// word them (a translation, a cut, a changed tense or pronoun).
const SAME: [(&str, &str); 16] = [
    (
        "We will not allow the alliance to expand further to the east",
        "We will not allow the alliance to expand further east",
    ),
    (
        "The talks were frank and useful, and we agreed to meet again next week",
        "The talks were frank and useful and we agreed to meet again next week",
    ),
    (
        "Our position on this issue remains unchanged",
        "Our position on the issue remains unchanged",
    ),
    (
        "The sanctions are illegal and will not achieve their goals",
        "These sanctions are illegal and they will not achieve their goals",
    ),
    (
        "We are ready to continue the dialogue on security guarantees",
        "We are ready to continue dialogue on the security guarantees",
    ),
    (
        "The minister stressed that there is no alternative to diplomacy",
        "There is no alternative to diplomacy, the minister stressed",
    ),
    (
        "Russia has no plans to attack anyone",
        "Russia has no plans to attack anybody",
    ),
    (
        "The ceasefire must be respected by all sides",
        "The ceasefire must be respected by all the sides",
    ),
    (
        "We expect a written answer to our proposals by the end of the month",
        "We expect a written response to our proposals by the end of the month",
    ),
    (
        "Beijing firmly opposes any interference in its internal affairs",
        "Beijing firmly opposes any interference in China's internal affairs",
    ),
    (
        "The meeting in Geneva was constructive but difficult",
        "The Geneva meeting was constructive but difficult",
    ),
    (
        "We hope that common sense will prevail",
        "We hope common sense will prevail",
    ),
    (
        "Washington must stop supplying weapons to the region",
        "Washington should stop supplying weapons to the region",
    ),
    (
        "The two leaders discussed trade, climate and regional security",
        "The two leaders discussed trade, the climate and regional security",
    ),
    (
        "No decision has been taken yet on the date of the summit",
        "No decision has yet been taken on the summit's date",
    ),
    (
        "The embassy is working normally and its staff are safe",
        "The embassy is working as normal and its staff are safe",
    ),
];

/// Our own pairs of different statements on one subject.
const DIFFERENT: [(&str, &str); 16] = [
    (
        "We will not allow the alliance to expand further to the east",
        "The alliance has the right to admit any country that wishes to join",
    ),
    (
        "The talks were frank and useful",
        "The talks were a failure and nothing was agreed",
    ),
    (
        "Our position on this issue remains unchanged",
        "We have changed our position on this issue after the talks",
    ),
    (
        "The sanctions are illegal and will not achieve their goals",
        "New sanctions will be announced on Monday against the banks",
    ),
    (
        "We are ready to continue the dialogue on security guarantees",
        "Security guarantees were not discussed at the dinner",
    ),
    (
        "There is no alternative to diplomacy",
        "Diplomacy has run its course and we must now act",
    ),
    (
        "Russia has no plans to attack anyone",
        "Russian troops will stay at their bases until the exercises end",
    ),
    (
        "The ceasefire must be respected by all sides",
        "The ceasefire was broken twice overnight near the border",
    ),
    (
        "We expect a written answer to our proposals",
        "We sent our written proposals to Washington last month",
    ),
    (
        "Beijing firmly opposes any interference in its internal affairs",
        "Beijing will send a delegation to the trade fair in May",
    ),
    (
        "The meeting in Geneva was constructive",
        "The next meeting will take place in Vienna",
    ),
    (
        "We hope that common sense will prevail",
        "Common sense has nothing to do with this decision",
    ),
    (
        "Washington must stop supplying weapons to the region",
        "Washington will keep supplying defensive weapons to its partners",
    ),
    (
        "The two leaders discussed trade and climate",
        "The two foreign ministers did not discuss trade",
    ),
    (
        "No decision has been taken yet on the date of the summit",
        "The summit will be held on the 14th of June",
    ),
    (
        "The embassy is working normally",
        "The embassy was closed for the holiday",
    ),
];

fn similarity((a, b): (&str, &str)) -> f64 {
    jaccard(&shingles(a).0, &shingles(b).0)
}

#[test]
fn the_threshold_parts_our_pairs() {
    let same: Vec<f64> = SAME.iter().map(|&p| similarity(p)).collect();
    let different: Vec<f64> = DIFFERENT.iter().map(|&p| similarity(p)).collect();
    eprintln!("same: {same:.2?}\ndifferent: {different:.2?}");
    let kept = same.iter().filter(|&&j| j >= THRESHOLD).count();
    let wrong = different.iter().filter(|&&j| j >= THRESHOLD).count();
    assert!(
        kept >= 14,
        "{kept} of 16 same pairs over the threshold: {same:.2?}"
    );
    assert_eq!(wrong, 0, "{different:.2?}");
}

fn row(story: &str, text: &str, key: Option<&str>) -> QuoteRow {
    QuoteRow {
        path: Some(story.into()),
        id: None,
        agency: None,
        date: None,
        quote_id: "q1".into(),
        kind: QuoteKind::Direct,
        text: text.into(),
        speaker: key.map(|_| "Sergey Lavrov".into()),
        speaker_key: key.map(str::to_string),
        speaker_country: None,
        speaker_role: None,
    }
}

#[test]
fn one_statement_from_several_stories_is_one_group() {
    let key = Some("person:sergey-lavrov");
    let mut index = QuoteIndex::new();
    index.add_row(row("a", SAME[0].0, key));
    index.add_row(row("b", SAME[0].1, key));
    index.add_row(row("c", DIFFERENT[0].1, key));
    // The same words from someone else are another statement.
    index.add_row(row("d", SAME[0].0, Some("person:someone-else")));
    let quotes: Vec<_> = index.quotes().collect();
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[0].count, 2);
    assert_eq!(quotes[0].sources[1].text, SAME[0].1);
}

#[test]
fn short_quotes_without_a_speaker_key_stay_apart() {
    let mut index = QuoteIndex::new();
    index.add_row(row("a", "no comment", None));
    index.add_row(row("b", "no comment", None));
    assert_eq!(index.len(), 2);
}

/// The pruned comparison gives `jaccard`'s value exactly when that reaches the threshold, and
/// nothing otherwise, over sets of every overlap (drawn from a small range, so that they
/// share many elements) and several thresholds.
#[test]
fn jaccard_at_least_is_jaccard_above_its_threshold() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for _ in 0..2000 {
        let mut set = || {
            let len = next(30);
            let mut s: Vec<u64> = (0..len).map(|_| next(40)).collect();
            s.sort_unstable();
            s.dedup();
            s
        };
        let (a, b) = (set(), set());
        for t in [0.0, 0.25, 0.5, 0.8, 1.0] {
            let j = jaccard(&a, &b);
            let expected = (!a.is_empty() || !b.is_empty())
                .then_some(j)
                .filter(|&j| j >= t);
            assert_eq!(jaccard_at_least(&a, &b, t), expected, "{a:?} {b:?} {t}");
        }
    }
}
