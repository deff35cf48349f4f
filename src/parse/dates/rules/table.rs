//! The rule table: every date form the grammar knows, in the order the rules are tried, each
//! with its examples (run by `rules_match_their_own_examples` in `dates/tests.rs`).
//!
//! Adding a date form is adding a row here (and its production, in the file of its group).
//! Order matters only between rules that can start at the same token: the first that matches
//! wins, and a rule that stops ([`super::Out::Stop`]) ends the search at that token.

use super::First::*;
use super::{
    calendar as cal, clock, digits as dg, ex, none, numeric as num, relative as rel, relword as rw,
};
use super::{group, Example, Out, Production, Rule};
use crate::parse::dates::grammar::G;

/// A row of the table.
const fn rule(
    name: &'static str,
    first: &'static [super::First],
    run: super::Production,
    examples: &'static [Example],
) -> Rule {
    Rule {
        name,
        first,
        run,
        rows: &[],
        examples,
    }
}

/// A row that is a group of rules (defined with [`group!`]; the examples are its rows').
const fn group_of(
    name: &'static str,
    first: &'static [super::First],
    run: Production,
    rows: &'static [Rule],
) -> Rule {
    Rule {
        name,
        first,
        run,
        rows,
        examples: &[],
    }
}

/// A row of a group: tried at the group's first token, its pattern goes on from there.
const fn row(name: &'static str, run: super::Production, examples: &'static [Example]) -> Rule {
    rule(name, &[], run, examples)
}

/// The rules, in the order they are tried (at most 64: a token's rules are a bit mask).
#[rustfmt::skip]
pub(in crate::parse::dates) const RULES: &[Rule] = &[
    // token kinds
    rule("clock", &[Clock], clock::clock_time, &[
        ex("The strike began at 10:35 a.m. Wednesday.", "10:35 a.m. Wednesday", "2022-01-12T10:35"),
        ex("The vote ends at 16:00 UTC today.", "16:00 UTC today", "2022-01-18T16:00Z"),
        ex("The call began at 10:30 GMT.", "10:30 GMT", "2022-01-18T10:30Z"),
    ]),
    rule("iso-date", &[Iso], num::iso, &[
        ex("The file is dated 2021-12-17.", "2021-12-17", "2021-12-17"),
    ]),
    rule("slash-date", &[Slash], num::slash, &[
        ex("The memo of 7/8/07 was leaked.", "7/8/07", "2007-07-08"),
    ]),
    group_of("number", &[Digits], number_group, NUMBER),
    // words
    rule("modifier", &[Mod], rel::modifier, &[
        ex("Talks resume early next year.", "early next year", "2023"),
        ex("He was seen late yesterday.", "late yesterday", "2022-01-17"),
        ex("Shots rang out mid-afternoon yesterday.", "mid-afternoon yesterday", "2022-01-17TAF"),
        ex("It happened later in the day.", "later in the day", "2022-01-18"),
        ex("It was agreed earlier this month.", "earlier this month", "2022-01"),
        ex("Talks resume in mid-February.", "mid-February", "2022-02"),
        ex("It ends at the end of March.", "the end of March", "2022-03"),
    ]),
    rule("month", &[Month], cal::month, &[
        ex("Prices have risen since October.", "October", "2021-10"),
        ex("The talks ran January 10-12.", "January 10", "2022-01-10"),
        ex("They met on Jan. 7.", "Jan. 7", "2022-01-07"),
        ex("On December 17, 2021, the ministry released a draft.", "December 17, 2021", "2021-12-17"),
        ex("Consultations took place on January 10.", "January 10", "2022-01-10"),
        ex("Output fell in March 2021.", "March 2021", "2021-03"),
        ex("Sales rose in June last year.", "June last year", "2021-06"),
    ]),
    rule("weekday-nights", &[Weekday], cal::weekday_nights, &[
        ex("The club meets Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ]),
    rule("weekday", &[Weekday], cal::weekday, &[
        ex("Friday's closing price was low.", "Friday", "2022-01-14"),
        ex("They met on Tuesday, January 11.", "Tuesday, January 11", "2022-01-11"),
        ex("The ministers will meet on Friday.", "Friday", "2022-01-21"),
        ex("The ministers met on Friday.", "Friday", "2022-01-14"),
        ex("They spoke Tuesday morning.", "Tuesday morning", "2022-01-18TMO"),
    ]),
    rule("weekdays", &[Weekdays], cal::weekdays, &[
        ex("The market is shut on Mondays.", "Mondays", "XXXX-WXX-1"),
    ]),
    rule("day-word", &[DayRel], rel::day_word, &[
        ex("He arrived yesterday.", "yesterday", "2022-01-17"),
        ex("They will meet tomorrow morning.", "tomorrow morning", "2022-01-19TMO"),
    ]),
    rule("noon", &[Word(&["noon", "midnight"])], clock::clock_time, &[
        ex("The deadline is noon.", "noon", "2022-01-18T12:00"),
    ]),
    group_of("relative", &[Rel], relative_group, RELATIVE),
    rule("reference", &[Ref], rel::reference_word, &[
        ex("He currently lives abroad.", "currently", "PRESENT_REF"),
        ex("They will meet in the near future.", "near future", "FUTURE_REF"),
        ex("Relations are now tense.", "now", "PRESENT_REF"),
        ex("It will change in the future.", "the future", "FUTURE_REF"),
    ]),
    rule("set-word", &[Set], rel::set_word, &[
        ex("The committee meets weekly.", "weekly", "P1W"),
    ]),
    rule("each", &[Word(&["each", "per"])], rel::each, &[
        ex("It grows 2 percent per year.", "per year", "P1Y"),
        ex("They meet each Monday.", "each Monday", "XXXX-WXX-1"),
    ]),
    rule("ordinal", &[Ord], cal::ordinal, &[
        ex("Sales fell in the third quarter.", "the third quarter", "2021-Q3"),
        ex("Profit rose in the first half of 2021.", "the first half of 2021", "2021-H1"),
        ex("Sales rose in the first nine months.", "the first nine months", "P9M"),
    ]),
    rule("fiscal", &[Word(&["fiscal"])], cal::fiscal_year, &[
        ex("Profit rose in fiscal 1990.", "fiscal 1990", "1990"),
    ]),
    rule("season", &[Season], cal::season_word, &[
        ex("It rained in autumn.", "autumn", "2022-FA"),
        ex("The talks resume in the spring.", "the spring", "2022-SP"),
    ]),
    rule("holiday", &[Holiday], cal::holiday_name, &[
        ex("They met at Thanksgiving.", "Thanksgiving", "2021-11-25"),
        ex("The troops were home by Christmas.", "Christmas", "2021-12-25"),
    ]),
    rule("decade-words", &[Decade], cal::decade_words, &[
        ex("Prices soared in the nineties.", "the nineties", "199"),
    ]),
    rule("the-part-of-day", &[Pod], rel::the_part_of_day, &[
        ex("He left on Friday. In the morning he had spoken.", "the morning", "2022-01-14TMO"),
    ]),
    rule("soon", &[Word(&["soon"])], rel::soon, &[
        ex("The talks will soon begin.", "soon", "FUTURE_REF"),
    ]),
    rule("at-present", &[Word(&["present"])], rel::at_present, &[
        ex("At present the talks are stalled.", "present", "PRESENT_REF"),
    ]),
    rule("these-days", &[Word(&["these"])], rel::these_days, &[
        ex("Few buy bonds these days.", "these days", "PRESENT_REF"),
    ]),
    rule("that-unit", &[Word(&["that"])], rel::that_unit, &[
        ex("He left in 1998. That year the war ended.", "That year", "1998"),
    ]),
    rule("spoken-year", &[Number], num::spoken_year, &[
        ex("He was born in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ]),
    rule("year-hyphen", &[Unit], rel::year_hyphen, &[
        ex("Sales rose from year-ago levels.", "year-ago", "2021"),
        ex("The deal should close by year-end.", "year-end", "2022"),
    ]),
    rule("years-end", &[Unit], rel::years_end, &[
        ex("The deal should close by year's end.", "year's end", "2022"),
    ]),
    rule("year-end", &[Unit], rel::year_end, &[
        ex("The deal should close by year end.", "year end", "2022"),
    ]),
    rule("term", &[Word(&["near", "short", "long"])], rel::term, &[
        ex("Rates will stay low in the near term.", "the near term", "FUTURE_REF"),
    ]),
    rule("full-year", &[Word(&["full"])], rel::full_year, &[
        ex("Profit for the full year rose.", "the full year", "2022"),
    ]),
    rule("the-unit", &[Unit], rel::the_unit_word, &[
        ex("It happened the day before yesterday.", "the day before yesterday", "2022-01-16"),
        ex("The deal closes the week of March 6.", "the week of March 6", "2022-W09"),
        ex("It was planned for the year 2000.", "the year 2000", "2000"),
        ex("They rested over the weekend.", "the weekend", "2022-W02-WE"),
        ex("He arrived on Friday and left the day after.", "the day after", "2022-01-15"),
    ]),
    rule("unit-long", &[Unit, Units], rel::unit_long, &[
        ex("Workers began day-long strikes.", "day-long", "P1D"),
        ex("It ended a decades-long feud.", "decades-long", "PXY"),
    ]),
    rule("same-period", &[Rel, Word(&["corresponding", "comparable"])], rel::same_period, &[
        ex("Sales rose from the corresponding period a year ago.", "the corresponding period a year ago", "2021"),
    ]),
    rule("units-ahead", &[Units], rel::units_ahead, &[
        ex("Prices will rise in the months ahead.", "the months ahead", "PXM"),
    ]),
    rule("bare-plural", &[Units], rel::bare_plural, &[
        ex("The feud has gone on for years.", "years", "PXY"),
    ]),
    rule("additional", &[Word(&["a"])], rel::additional, &[
        ex("The talks need an additional year.", "an additional year", "P1Y"),
    ]),
    rule("one-day", &[Number], num::one_day, &[
        ex("He hopes to one day return.", "one day", "FUTURE_REF"),
    ]),
    rule("a-year-earlier", &[Word(&["a"])], rel::a_year_earlier, &[
        ex("It reported a year-earlier loss.", "year-earlier", "2021"),
    ]),
    rule("counts", &[Number, Word(&["a"]), Fuzzy], num::counts, &[
        ex("It takes two to three weeks.", "two to three weeks", "P2W"),
        ex("They met a week or so ago.", "a week or so ago", "2022-01-11"),
        ex("He came back three days later.", "three days", "P3D"),
        ex("Profit fell from a year earlier.", "a year earlier", "2021"),
        ex("It expires a month from now.", "a month from now", "2022-02"),
        ex("It costs $33 million a year.", "a year", "P1Y"),
        ex("The flight took an hour and a half.", "an hour and a half", "PT1H30M"),
        ex("They signed a two-year deal.", "two-year", "P2Y"),
        ex("He served two years.", "two years", "P2Y"),
        ex("It happened two days ago.", "two days ago", "2022-01-16"),
        ex("It lasted several days.", "several days", "PXD"),
    ]),
    // punctuation (tried only where a match may start, not after `the` or a modifier)
    rule("decade-apostrophe", &[Apostrophe], num::decade_apostrophe, &[
        ex("It was a hit in the '80s.", "'80s", "198"),
    ]),
    rule("year-apostrophe", &[Apostrophe], num::year_apostrophe, &[
        ex("It was founded in '82.", "'82", "1982"),
    ]),
];

// The group `number`: a number in digits and what follows it (`rules/digits.rs`).
group!(NUMBER, number_group, [
    "am-pm" => dg::am_pm, [
        ex("They met at 3 p.m. and left.", "3 p.m.", "2022-01-18T15:00"),
    ],
    "zone-time" => dg::zone_time, [
        ex("Trading opens at 0800 GMT.", "0800 GMT", "2022-01-18T08:00Z"),
    ],
    "decade" => dg::decade, [
        ex("Prices rose in the 1990s.", "1990s", "199"),
        ex("It was a hit in the 70s.", "70s", "197"),
    ],
    "century" => dg::century, [
        ex("It was built in the 20th century.", "the 20th century", "19"),
    ],
    "day-month" => dg::day_month, [
        ex("It happened on 11 December 2021.", "11 December 2021", "2021-12-11"),
    ],
    "ordinal-of-month" => dg::ordinal_of_month, [
        ex("They met on the 10th of January.", "the 10th of January", "2022-01-10"),
    ],
    "money-or-percent" => dg::money_or_percent, [
        none("They paid $1990 for it."),
        none("Rates rose 1990 percent."),
    ],
    "year-quarter" => dg::year_quarter, [
        ex("Profit rose in the 1988 second quarter.", "1988 second quarter", "1988-Q2"),
    ],
    "year-count" => dg::year_count, [
        ex("It took 2000 years.", "2000 years", "P2L"),
    ],
    "year" => dg::year, [
        ex("The plant opened in 1988.", "1988", "1988"),
    ],
    "count" => dg::count, [
        ex("He served 12 years.", "12 years", "P12Y"),
        ex("It happened 5 1/2 hours ago.", "5 1/2 hours ago", "2022-01-18"),
    ],
]);

// The group `relative`: a relative word and what follows it (`rules/relword.rs`).
group!(RELATIVE, relative_group, [
    "last-half" => rw::last_half, [
        ex("Profit rose in the last half of 2021.", "the last half of 2021", "2021-H2"),
    ],
    "rel-weekday" => rw::weekday, [
        ex("They met last Friday.", "last Friday", "2022-01-14"),
        ex("They meet next Friday.", "next Friday", "2022-01-21"),
    ],
    "rel-month" => rw::month, [
        ex("It began last April.", "last April", "2021-04"),
    ],
    "rel-season" => rw::season, [
        ex("It was cold last winter.", "last winter", "2021-WI"),
    ],
    "this-past-season" => rw::this_past_season, [
        ex("It rained this past spring.", "this past spring", "2022-SP"),
    ],
    "rel-part-of-day" => rw::part_of_day, [
        ex("They met this morning.", "this morning", "2022-01-18TMO"),
        ex("Shots were heard last night.", "last night", "2022-01-17TNI"),
    ],
    "rel-count" => rw::count, [
        ex("Prices rose over the past two years.", "the past two years", "P2Y"),
    ],
    "rel-units" => rw::units, [
        ex("Prices rose in recent years.", "recent years", "PAST_REF"),
        ex("Talks go on in the coming weeks.", "the coming weeks", "PXW"),
    ],
    "last-decade" => rw::last_decade, [
        ex("Prices doubled over the past decade.", "the past decade", "P10Y"),
    ],
    "rel-day" => rw::day, [
        ex("He left on Friday and came back the next day.", "the next day", "2022-01-15"),
    ],
    "rel-unit" => rw::unit, [
        ex("Talks were held last week.", "last week", "2022-W02"),
        ex("The summit is due next month.", "next month", "2022-02"),
        ex("Output fell this year.", "this year", "2022"),
    ],
    "latest-period" => rw::latest_period, [
        ex("Profit rose in the latest period.", "the latest period", "2021-Q4"),
    ],
    "rel-alone" => rw::alone, [
        ex("That was the case in the past.", "the past", "PAST_REF"),
        ex("The current talks are stalled.", "The current", "PRESENT_REF"),
    ],
]);

const _: () = assert!(RULES.len() <= 64, "a token's rules are a u64 bit mask");

/// Text in which no rule may find anything: words that look like date words but are not here.
#[cfg(test)]
pub(in crate::parse::dates) const NEGATIVE: &[&str] = &[
    "They left as soon as the talks ended.",
    "He was soon released.",
    "Soon after the vote, he resigned.",
    "Prices may fall further.",
    "Output will fall by half.",
    "They march on.",
    "He may come.",
    "It flooded in each of the past three summers.",
    "For Poland, high noon has come.",
    "Baker said on ABC's This Week that talks failed.",
    "He told CBS's 60 Minutes he would run.",
    "They met to discuss the future of the alliance.",
    "Two thousand people came.",
    "They paid $1990 and 2050% more.",
    "The score was 3:1.",
    "Some 1,500 people came.",
    "A quarter of the market was sold.",
    "The 6-year-old boy was found.",
    "Now, the talks are over.",
    "He won a second round.",
    "It was a three-quarters majority.",
];
