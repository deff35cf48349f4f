//! Table tests: short sentences in wire styles, story date 2022-01-18 (a Tuesday).

use super::*;

fn run(text: &str, date: &str) -> Vec<(String, String, DateType)> {
    find(text, Span::new(0, text.len()), StoryDate::parse_iso(date))
        .into_iter()
        .map(|d| (d.span.slice(text).to_string(), d.value, d.date_type))
        .collect()
}

#[test]
fn seed_story_dates() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("MOSCOW, January 18. /TASS/. Lavrov spoke with Blinken on Tuesday.", &[("January 18", "2022-01-18"), ("Tuesday", "2022-01-18")]),
        ("On December 17, 2021, the ministry released a draft.", &[("December 17, 2021", "2021-12-17")]),
        ("Consultations took place in Geneva on January 10, followed by a meeting in Brussels on January 12 and a session in Vienna on January 13.", &[("January 10", "2022-01-10"), ("January 12", "2022-01-12"), ("January 13", "2022-01-13")]),
    ];
    for (text, want) in cases {
        let got = run(text, "2022-01-18");
        let got: Vec<(&str, &str)> = got
            .iter()
            .map(|(a, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(&got[..], *want, "{text}");
    }
}

#[test]
fn expressions() {
    use DateType::*;
    let cases: &[(&str, &str, &str, DateType)] = &[
        ("He arrived yesterday.", "yesterday", "2022-01-17", Date),
        ("They meet today.", "today", "2022-01-18", Date),
        ("The vote is tonight.", "tonight", "2022-01-18", Date),
        ("Talks were held last week.", "last week", "2022-W02", Date),
        (
            "It was agreed earlier this month.",
            "earlier this month",
            "2022-01",
            Date,
        ),
        (
            "It happened two days ago.",
            "two days ago",
            "2022-01-16",
            Date,
        ),
        ("Output fell this year.", "this year", "2022", Date),
        ("Output fell last year.", "last year", "2021", Date),
        (
            "The ministers will meet on Friday.",
            "Friday",
            "2022-01-21",
            Date,
        ),
        ("The ministers met on Friday.", "Friday", "2022-01-14", Date),
        (
            "The summit is due next month.",
            "next month",
            "2022-02",
            Date,
        ),
        (
            "They spoke Tuesday morning.",
            "Tuesday morning",
            "2022-01-18TMO",
            Time,
        ),
        ("Prices rose in the 1990s.", "1990s", "199", Date),
        (
            "Sales fell in the third quarter.",
            "the third quarter",
            "2021-Q3",
            Date,
        ),
        ("It was cold last winter.", "last winter", "2021-WI", Date),
        (
            "The talks lasted three days.",
            "three days",
            "P3D",
            Duration,
        ),
        (
            "The talks lasted five hours.",
            "five hours",
            "PT5H",
            Duration,
        ),
        ("He served two years.", "two years", "P2Y", Duration),
        ("They meet every year.", "every year", "P1Y", Set),
        ("They meet each Monday.", "each Monday", "XXXX-WXX-1", Set),
        ("The committee meets weekly.", "weekly", "P1W", Set),
        ("Relations are now tense.", "now", "PRESENT_REF", Date),
        (
            "He currently lives abroad.",
            "currently",
            "PRESENT_REF",
            Date,
        ),
        ("He recently said so.", "recently", "PAST_REF", Date),
        (
            "That was the case in the past.",
            "the past",
            "PAST_REF",
            Date,
        ),
        (
            "It will change in the future.",
            "the future",
            "FUTURE_REF",
            Date,
        ),
        (
            "The call began at 10:30 GMT.",
            "10:30 GMT",
            "2022-01-18T10:30Z",
            Time,
        ),
        (
            "Trading resumed at 0800 UTC.",
            "0800 UTC",
            "2022-01-18T08:00Z",
            Time,
        ),
        ("It has not grown since '82.", "'82", "1982", Date),
        ("Sales rose in autumn.", "autumn", "2022-FA", Date),
        (
            "The call began at 3 p.m. on Monday.",
            "3 p.m. on Monday",
            "2022-01-17T15:00",
            Time,
        ),
        (
            "The deal was signed on 11 December.",
            "11 December",
            "2021-12-11",
            Date,
        ),
        (
            "The deal was signed in March 2020.",
            "March 2020",
            "2020-03",
            Date,
        ),
        ("Growth slowed in 2021.", "2021", "2021", Date),
        (
            "In the past two years trade doubled.",
            "the past two years",
            "P2Y",
            Duration,
        ),
        (
            "Sales rose from a year earlier.",
            "a year earlier",
            "2021",
            Date,
        ),
        ("He was elected last April.", "last April", "2021-04", Date),
        (
            "The plan dates from the 20th century.",
            "the 20th century",
            "19",
            Date,
        ),
        (
            "It was signed on 2021-06-01.",
            "2021-06-01",
            "2021-06-01",
            Date,
        ),
        ("Profit was $5 million a year.", "a year", "P1Y", Set),
        (
            "Fiscal 2021 results were weak.",
            "Fiscal 2021",
            "2021",
            Date,
        ),
        (
            "They met at the weekend.",
            "the weekend",
            "2022-W02-WE",
            Date,
        ),
        ("He left in mid-November.", "mid-November", "2021-11", Date),
        (
            "A decision is expected early next year.",
            "early next year",
            "2023",
            Date,
        ),
        (
            "The crisis began this summer.",
            "this summer",
            "2022-SU",
            Date,
        ),
    ];
    for (text, span, value, ty) in cases {
        let got = run(text, "2022-01-18");
        assert!(
            got.iter()
                .any(|(s, v, t)| s == span && v == value && t == ty),
            "{text}: want {span}={value} {ty:?}, got {got:?}"
        );
    }
}

#[test]
fn no_year_in_the_story_date() {
    let text = "He spoke on Tuesday about the January 10 talks and yesterday's call.";
    let got = find(
        text,
        Span::new(0, text.len()),
        Some(StoryDate {
            year: None,
            month: 1,
            day: 18,
        }),
    );
    let values: Vec<&str> = got.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(values, ["XXXX-WXX-2", "XXXX-01-10", "XXXX-01-17"]);
}

#[test]
fn not_dates() {
    let cases = [
        "It flooded in each of the past three summers.",
        "For Poland, high noon has come.",
        "Baker said on ABC's This Week that talks failed.",
        "He told CBS's 60 Minutes he would run.",
        "They met to discuss the future of the alliance.",
        "They left as soon as the talks ended.",
        "He was soon released.",
        "Two thousand people came.",
        "He may come.",
        "They paid $1990 and 2050% more.",
        "The score was 3:1.",
        "They march on.",
        "Some 1,500 people came.",
    ];
    for text in cases {
        let got = run(text, "2022-01-18");
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn never_panics() {
    let cases = [
        "",
        "'",
        "1",
        "Jan.",
        "a.m.",
        "’s",
        "January 32, 2022",
        "February 30",
        "99:99",
        "13/45/2020",
        "Friday,",
        "the",
        "ζ 2020 ζ",
    ];
    for text in cases {
        let _ = run(text, "2022-01-18");
        let _ = find(text, Span::new(0, text.len()), None);
    }
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Any text, any region on char boundaries, with or without a story date: no panic,
        /// and every span lies in the region on char boundaries.
        #[test]
        fn never_panics_on_any_text(
            text in "(\\PC|[0-9 .,:/'’\\-]|Jan\\.|May|Friday|a\\.m\\.|p\\.m|last|week|ago|the|year|two|quarter|\\n){0,60}",
            cut in 0usize..400,
            dated in any::<bool>(),
        ) {
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let anchor = if dated { StoryDate::parse_iso("2022-01-18") } else { None };
            for d in find(&text, Span::new(start, text.len()), anchor) {
                prop_assert!(d.span.start >= start && d.span.end <= text.len() && d.span.start < d.span.end);
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }
    }
}

#[test]
fn hard_wrapped_lines_run_on_but_paragraph_breaks_do_not() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // (text, [(expression, value)])
        (
            "the delegations last met on January\n10 in Oslo.",
            &[("January\n10", "2022-01-10")],
        ),
        (
            "talks were held on\nJanuary 10 in Geneva.",
            &[("January 10", "2022-01-10")],
        ),
        ("They met in 2021.\n20 delegates came.", &[("2021", "2021")]),
        (
            "The meeting is in February\n\n20 people come.",
            &[("February", "2022-02")],
        ),
        (
            "    He speaks in March\n    4 days later.",
            &[("March", "2022-03"), ("4 days", "P4D")],
        ),
    ];
    for (text, want) in cases {
        let got = run(text, "2022-01-18");
        let got: Vec<(&str, &str)> = got
            .iter()
            .map(|(a, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(&got[..], *want, "{text:?}");
    }
}

/// Tense cues for weekdays and months without a year: schedules in the present, passives
/// after a modal, coordinated weekdays, `since` / `until`, and reporting verbs after a comma.
#[test]
fn tense_of_schedules_and_months() {
    // (story date, text, expression, value)
    let cases: &[(&str, &str, &str, &str)] = &[
        // 2022-01-19 is a Wednesday
        (
            "2022-01-19",
            "The envoy is in Cairo on a tour from Monday to Friday.",
            "Monday",
            "2022-01-17",
        ),
        (
            "2022-01-19",
            "The envoy is in Cairo on a tour from Monday to Friday.",
            "Friday",
            "2022-01-21",
        ),
        (
            "2022-01-17",
            "The envoy is in Cairo on a tour from Tuesday to Saturday.",
            "Tuesday",
            "2022-01-18",
        ),
        (
            "2022-01-17",
            "The envoy is in Cairo on a tour from Tuesday to Saturday.",
            "Saturday",
            "2022-01-22",
        ),
        (
            "2022-01-19",
            "A ruling may be issued as soon as Friday.",
            "Friday",
            "2022-01-21",
        ),
        (
            "2022-01-19",
            "The delegations will confer in Oslo on Tuesday and Wednesday, diplomats said.",
            "Tuesday",
            "2022-01-25",
        ),
        (
            "2022-01-19",
            "The delegations will confer in Oslo on Tuesday and Wednesday, diplomats said.",
            "Wednesday",
            "2022-01-26",
        ),
        (
            "2022-01-21",
            "The two premiers meet Monday in Hanoi.",
            "Monday",
            "2022-01-24",
        ),
        (
            "2022-01-21",
            "The two premiers did not meet Monday.",
            "Monday",
            "2022-01-17",
        ),
        (
            "2022-01-21",
            "Tuesday's vote is seen as a test.",
            "Tuesday",
            "2022-01-18",
        ),
        (
            "2022-01-21",
            "Notes issued Thursday and Wednesday were withdrawn.",
            "Wednesday",
            "2022-01-19",
        ),
        (
            "2022-01-21",
            "The agency is to reopen its office Tuesday.",
            "Tuesday",
            "2022-01-25",
        ),
        // months
        (
            "2022-10-12",
            "The junta proclaimed martial law at a rally in December.",
            "December",
            "2021-12",
        ),
        (
            "2022-08-20",
            "Grain exports have doubled since October.",
            "October",
            "2021-10",
        ),
        (
            "2022-03-10",
            "The forum will be held in November, a year after it was cancelled last year.",
            "November",
            "2022-11",
        ),
        (
            "2022-03-10",
            "The forum will be held in February.",
            "February",
            "2023-02",
        ),
        (
            "2022-10-12",
            "The pact was extended until mid-January.",
            "January",
            "2023-01",
        ),
        (
            "2022-05-06",
            "Both sides have agreed to hold a round of talks in June, the ministry said.",
            "June",
            "2022-06",
        ),
        (
            "2022-05-06",
            "Licences lapse after October of next year.",
            "October of next year",
            "2023-10",
        ),
        (
            "2022-05-06",
            "It opened in March of last year.",
            "March of last year",
            "2021-03",
        ),
        (
            "2022-02-10",
            "The handover was planned for early March.",
            "March",
            "2022-03",
        ),
        (
            "2022-02-10",
            "Exports will double by August in markets untouched by the crisis.",
            "August",
            "2022-08",
        ),
        // durations
        (
            "2022-05-06",
            "A deal could come within months.",
            "months",
            "PXM",
        ),
        (
            "2022-05-06",
            "Fighting resumed within weeks.",
            "weeks",
            "PXW",
        ),
    ];
    for (date, text, expr, want) in cases {
        let got = run(text, date);
        let hit = got.iter().find(|(s, _, _)| s.contains(expr));
        assert_eq!(
            hit.map(|h| h.1.as_str()),
            Some(*want),
            "{text} / {expr}: {got:?}"
        );
    }
}

/// Rules added for TimeML conventions in financial and wire copy; each row is
/// (story date, sentence, exact span, value).
#[test]
fn conventions_of_reports() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // the period a year-earlier figure compares with is the one reported, not a forecast
        (
            "2022-10-20",
            "Net rose in the third quarter. Analysts see losses through the second quarter of 2023. In the year-ago period it earned $2 million.",
            "the year-ago period",
            "2021-Q3",
        ),
        (
            "2022-10-20",
            "The mill lost $3 million in the third quarter, compared with a year-earlier loss of $1 million.",
            "year-earlier",
            "2021-Q3",
        ),
        // an earlier quarter named in passing does not replace the one reported
        (
            "2022-10-20",
            "Net rose in the third quarter from a year ago. After a flat second quarter, sales rose. In the year-earlier period it lost money.",
            "the year-earlier period",
            "2021-Q3",
        ),
        (
            "2022-10-20",
            "Prices fell in the last half of the '80s.",
            "the last half of the '80s",
            "198",
        ),
        ("2022-11-28", "Shops opened on Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
        // the same period a year before: the quarter or month spoken of last
        (
            "2022-10-20",
            "Net rose in the third quarter from the corresponding period last year.",
            "the corresponding period last year",
            "2021-Q3",
        ),
        (
            "2022-10-20",
            "Net rose in the third quarter, above last year's quarter.",
            "last year's quarter",
            "2021-Q3",
        ),
        (
            "2022-10-20",
            "Net rose in the third quarter, above the quarter a year ago.",
            "the quarter a year ago",
            "2021-Q3",
        ),
        (
            "2022-03-02",
            "Car sales in February rose 9% from the same period last year.",
            "the same period last year",
            "2021-02",
        ),
        (
            "2022-03-02",
            "Car sales in February rose 9% from the same month a year earlier.",
            "the same month a year earlier",
            "2021-02",
        ),
        // after the month spoken of
        (
            "2022-03-02",
            "In November, talks began. The following month, the firm was sold.",
            "The following month",
            "2021-12",
        ),
        // a time restated in another zone: one expression, dated by the day after it
        (
            "2022-01-22",
            "The blast came at 10:35 a.m. (0735 GMT) Friday.",
            "10:35 a.m.",
            "2022-01-21T10:35",
        ),
        // recurring weekdays
        ("2022-01-19", "The ferry sails on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("2022-01-19", "The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        // lengths
        ("2022-01-19", "The loan may run for an additional year.", "an additional year", "P1Y"),
        (
            "2022-10-20",
            "Net fell from the year-earlier nine months.",
            "the year-earlier nine months",
            "P9M",
        ),
        ("2022-01-19", "He hopes to one day return.", "one day", "FUTURE_REF"),
        ("2022-01-19", "The strike lasted one day.", "one day", "P1D"),
        // this quarter's results in a report on a quarter
        (
            "2022-10-20",
            "It lost $8 million in the third quarter. This quarter's loss includes charges.",
            "This quarter",
            "2022-Q3",
        ),
        // an irregular past decides, not a modal further back
        (
            "2022-01-19",
            "Nothing could stop the bullet that tore through his window Friday night.",
            "Friday night",
            "2022-01-14TNI",
        ),
        // later in the day spoken of
        (
            "2022-01-19",
            "Sales were reported on Monday. Later in the day, shares rose.",
            "Later in the day",
            "2022-01-17",
        ),
        // years and decades in words
        (
            "2022-03-01",
            "The plan runs until the year two thousand and thirty.",
            "the year two thousand and thirty",
            "2030",
        ),
        ("2022-03-01", "Ships were built in the year 1912.", "the year 1912", "1912"),
        ("2022-03-01", "The port boomed in the nineties.", "the nineties", "199"),
        ("2022-03-01", "The port boomed in the twenties.", "the twenties", "202"),
        ("2022-03-01", "It was founded in the early sixties.", "the early sixties", "196"),
        // a weekday's events are done once news names them by the day
        (
            "2022-01-21",
            "Lawyers will try to overturn Wednesday's ruling.",
            "Wednesday",
            "2022-01-19",
        ),
        // `until` with a past perfect: a state that ended
        (
            "2022-01-21",
            "Until Thursday, police had not named a suspect.",
            "Thursday",
            "2022-01-20",
        ),
        (
            "2022-01-19",
            "The border stays closed until Friday.",
            "Friday",
            "2022-01-21",
        ),
        // `soon` of an event ahead, not of a relation between events
        ("2022-01-19", "The envoy may soon visit Kyiv.", "soon", "FUTURE_REF"),
        ("2022-01-19", "A deal will come very soon.", "very soon", "FUTURE_REF"),
        // a part of the day with a modifier, of the day named or the day spoken of
        (
            "2022-01-19",
            "Trading stopped in mid-afternoon yesterday.",
            "mid-afternoon yesterday",
            "2022-01-18TAF",
        ),
        ("2022-01-19", "Shares slid in mid afternoon.", "mid afternoon", "2022-01-19TAF"),
        // halves
        (
            "2022-01-19",
            "Output grew in the last half of 2021.",
            "the last half of 2021",
            "2021-H2",
        ),
        (
            "2022-01-19",
            "Losses will run through the first two quarters of 2023.",
            "the first two quarters of 2023",
            "2023-H1",
        ),
        // vague stretches
        ("2022-01-19", "Talks go on in the weeks ahead.", "the weeks ahead", "PXW"),
        ("2022-01-19", "Over the years, the port grew.", "the years", "PXY"),
        ("2022-01-19", "It was the worst flood of the past century.", "the past century", "P100Y"),
        // current as of a time gone
        (
            "2022-01-19",
            "Holders could buy at the then current price.",
            "then current",
            "PAST_REF",
        ),
        // whole millennia
        (
            "2022-01-19",
            "The city has stood for two thousand years.",
            "two thousand years",
            "P2L",
        ),
    ];
    for (date, text, expr, want) in cases {
        let got = run(text, date);
        let hit = got.iter().find(|(s, _, _)| s == expr);
        assert_eq!(
            hit.map(|h| h.1.as_str()),
            Some(*want),
            "{text} / {expr}: {got:?}"
        );
    }
}

/// Every rule of the table has an example, and each example is matched by its own rule with
/// the value given: failures name the rule.
#[test]
fn rules_match_their_own_examples() {
    // the rules with a production, the rows of groups included
    fn leaves(rules: &'static [rules::Rule], out: &mut Vec<&'static rules::Rule>) {
        for rule in rules {
            match rule.rows {
                [] => out.push(rule),
                rows => leaves(rows, out),
            }
        }
    }
    let mut all = Vec::new();
    leaves(rules::table::RULES, &mut all);
    let mut failures = Vec::new();
    for rule in all {
        if rule.examples.is_empty() {
            failures.push(format!("{}: no example", rule.name));
        }
        for e in rule.examples {
            let anchor = normalise::anchor_day(StoryDate::parse_iso(e.date));
            let found = recognise::recognise(
                e.text,
                Span::new(0, e.text.len()),
                anchor,
                &mut Default::default(),
            );
            let got: Vec<(&str, &str, &str)> = found
                .iter()
                .map(|f| (f.span.slice(e.text), f.value.as_str(), f.rule))
                .collect();
            match got.iter().find(|(span, _, _)| *span == e.span) {
                _ if e.span.is_empty() && got.is_empty() => {}
                Some(&(_, value, by)) if by == rule.name && value == e.value => {}
                _ => failures.push(format!(
                    "{}: {:?} wants {:?} = {}, found {:?}",
                    rule.name, e.text, e.span, e.value, got
                )),
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The negative corpus: nothing is found.
#[test]
fn negative_corpus_finds_nothing() {
    for text in rules::table::NEGATIVE {
        let got = run(text, "2022-01-18");
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// The function words a match may start at, derived from the rule table and the prefixes
/// (was the hand-kept `STARTERS` list): a rule added with a new first word shows up here.
#[test]
fn starters_come_from_the_table() {
    let words = [
        "a",
        "at",
        "comparable",
        "corresponding",
        "each",
        "fiscal",
        "full",
        "less",
        "long",
        "midnight",
        "more",
        "near",
        "no",
        "noon",
        "per",
        "present",
        "short",
        "soon",
        "that",
        "the",
        "these",
        "up",
    ];
    let starts = rules::Starts::new();
    for w in words {
        assert!(starts.is_starter(w.as_bytes()), "{w}");
    }
    for w in ["of", "in", "ago", "until", "yearend"] {
        assert!(!starts.is_starter(w.as_bytes()), "{w}");
    }
}

/// The rule mask kept in each lexicon entry is the set of rules whose first element the
/// entry has, read plainly from the table.
#[test]
fn lexicon_rule_masks_follow_the_table() {
    for (word, l) in lexicon::LEXICON.iter() {
        let want = rules::table::RULES
            .iter()
            .enumerate()
            .filter(|(_, r)| r.first.iter().any(|f| f.accepts(l)))
            .fold(0u64, |m, (i, _)| m | 1 << i);
        assert_eq!(l.rules, want, "{}", String::from_utf8_lossy(word));
    }
}
