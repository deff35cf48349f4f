//! The dateline reader's tables of cases.

use super::*;

fn d(year: Option<i32>, month: u32, day: u32) -> Option<StoryDate> {
    Some(StoryDate { year, month, day })
}

/// One agency convention's dateline: (convention, line, place, date, agency, dateline text,
/// strong). The module doc names these conventions; this table is where they are kept.
type Convention = (
    &'static str,
    &'static str,
    &'static str,
    Option<StoryDate>,
    Option<&'static str>,
    &'static str,
    bool,
);

/// The datelines of each agency's convention, as its wire copy writes them.
#[rustfmt::skip]
const CONVENTIONS: &[Convention] = &[
    ("TASS", "MOSCOW, January 18. /TASS/. Text", "MOSCOW", md(1, 18), Some("TASS"), "MOSCOW, January 18. /TASS/.", true),
    ("TASS region", "IGORA /Leningrad Region/, December 26. /TASS/. Text", "IGORA /Leningrad Region/", md(12, 26), Some("TASS"), "IGORA /Leningrad Region/, December 26. /TASS/.", true),
    ("Reuters 1987", "    BEVERLY HILLS, Calif., April 1 - Text", "BEVERLY HILLS", md(4, 1), None, "BEVERLY HILLS, Calif., April 1 -", true),
    ("Reuters web", "BRUSSELS (Reuters) - Text", "BRUSSELS", None, Some("Reuters"), "BRUSSELS (Reuters) -", true),
    ("Reuters web, dated", "LIMA, Jan 21 (Reuters) - Text", "LIMA", md(1, 21), Some("Reuters"), "LIMA, Jan 21 (Reuters) -", true),
    ("AP, country", "NAIROBI, Kenya (AP) _ Text", "NAIROBI", None, Some("AP"), "NAIROBI, Kenya (AP) _", true),
    ("AP, double dash", "HAVANA (AP) -- Text", "HAVANA", None, Some("AP"), "HAVANA (AP) --", true),
    ("AP, run together", "JERUSALEM (AP)_ Text", "JERUSALEM", None, Some("AP"), "JERUSALEM (AP)_", true),
    ("Xinhua", "JOHANNESBURG, August 7 (Xinhua) -- Text", "JOHANNESBURG", md(8, 7), Some("Xinhua"), "JOHANNESBURG, August 7 (Xinhua) --", true),
    ("Xinhua, year", "GAZA, Nov. 8 , 2005 (Xinhua)", "GAZA", ymd(2005, 11, 8), Some("Xinhua"), "GAZA, Nov. 8 , 2005 (Xinhua)", true),
    ("AFP", "Paris, 21 jan 2019 (AFP) - Text", "Paris", ymd(2019, 1, 21), Some("AFP"), "Paris, 21 jan 2019 (AFP) -", true),
    ("AFP, full stop", "SEOUL. April 11 , 1997 (AFP)", "SEOUL", ymd(1997, 4, 11), Some("AFP"), "SEOUL. April 11 , 1997 (AFP)", true),
    ("Kyodo, bare credit", "SAITAMA, Japan, Dec. 9 Kyodo - Text", "SAITAMA", md(12, 9), Some("Kyodo"), "SAITAMA, Japan, Dec. 9 Kyodo -", true),
    ("Kyodo", "YILAN, Taiwan (Kyodo) -- Text", "YILAN", None, Some("Kyodo"), "YILAN, Taiwan (Kyodo) --", true),
    ("Yonhap", "SEOUL, Oct. 12 (Yonhap) -- Text", "SEOUL", md(10, 12), Some("Yonhap"), "SEOUL, Oct. 12 (Yonhap) --", true),
    ("Interfax", "MOSCOW. April 2 (Interfax) - Text", "MOSCOW", md(4, 2), Some("Interfax"), "MOSCOW. April 2 (Interfax) -", true),
    ("NYT", "WASHINGTON _ Text", "WASHINGTON", None, None, "WASHINGTON _", false),
    ("NYT, state", "NEWARK, N.J. _ Text", "NEWARK", None, None, "NEWARK, N.J. _", false),
];

/// A year-less date.
const fn md(month: u32, day: u32) -> Option<StoryDate> {
    Some(StoryDate {
        year: None,
        month,
        day,
    })
}

/// A date with its year.
const fn ymd(year: i32, month: u32, day: u32) -> Option<StoryDate> {
    Some(StoryDate {
        year: Some(year),
        month,
        day,
    })
}

#[test]
fn conventions() {
    for &(name, line, place, date, agency, dl, strong) in CONVENTIONS {
        let got = parse(line, true).unwrap_or_else(|| panic!("{name}: no dateline in {line:?}"));
        assert_eq!(&line[got.place.0..got.place.1], place, "{name}: place");
        assert_eq!(got.date, date, "{name}: date");
        assert_eq!(got.agency.as_deref(), agency, "{name}: agency");
        assert_eq!(&line[got.start..got.end], dl, "{name}: dateline text");
        assert_eq!(got.strong, strong, "{name}: strong");
        // A weak dateline is read only where weak ones are allowed.
        assert_eq!(
            parse(line, false).is_some(),
            strong,
            "{name}: without weak datelines"
        );
    }
}

/// (line, place, date, agency, dateline text)
type Case4 = (
    &'static str,
    &'static str,
    Option<StoryDate>,
    Option<&'static str>,
    &'static str,
);

#[test]
fn datelines() {
    let cases: &[Case4] = &[
        (
            "    SILVER SPRING, Md., - March 4 - Acme said",
            "SILVER SPRING",
            d(None, 3, 4),
            None,
            "SILVER SPRING, Md., - March 4 -",
        ),
        (
            "    MAYAGUEZ, Puerto rico, April 9 -",
            "MAYAGUEZ",
            d(None, 4, 9),
            None,
            "MAYAGUEZ, Puerto rico, April 9 -",
        ),
        (
            "    GREAT NECK, N.Y. March 3 - Acme said",
            "GREAT NECK",
            d(None, 3, 3),
            None,
            "GREAT NECK, N.Y. March 3 -",
        ),
        (
            "    CHICAGO, Narch 2 - Acme said",
            "CHICAGO",
            d(None, 3, 2),
            None,
            "CHICAGO, Narch 2 -",
        ),
        (
            "    Santa cruz, march 18 - a bank said",
            "Santa cruz",
            d(None, 3, 18),
            None,
            "Santa cruz, march 18 -",
        ),
        (
            "****PARIS, June 18 - Prices fell",
            "****PARIS",
            d(None, 6, 18),
            None,
            "****PARIS, June 18 -",
        ),
        (
            "MINNEAPOLIS/ST. PAUL, March 3 - Acme said",
            "MINNEAPOLIS/ST. PAUL",
            d(None, 3, 3),
            None,
            "MINNEAPOLIS/ST. PAUL, March 3 -",
        ),
        (
            "DELFT, the Netherlands, March 31 - Acme said",
            "DELFT",
            d(None, 3, 31),
            None,
            "DELFT, the Netherlands, March 31 -",
        ),
        (
            "MOSCOW, January 18. /TASS/. Russian diplomats met.",
            "MOSCOW",
            d(None, 1, 18),
            Some("TASS"),
            "MOSCOW, January 18. /TASS/.",
        ),
        (
            "IGORA /Leningrad Region/, December 26. /TASS/. The leaders met.",
            "IGORA /Leningrad Region/",
            d(None, 12, 26),
            Some("TASS"),
            "IGORA /Leningrad Region/, December 26. /TASS/.",
        ),
        (
            "    OSLO, March 3 - Norway said on Tuesday",
            "OSLO",
            d(None, 3, 3),
            None,
            "OSLO, March 3 -",
        ),
        (
            "    SAN DIEGO, Calif., April 1 -",
            "SAN DIEGO",
            d(None, 4, 1),
            None,
            "SAN DIEGO, Calif., April 1 -",
        ),
        (
            "   Toronto, Apr 7- The bank said",
            "Toronto",
            d(None, 4, 7),
            None,
            "Toronto, Apr 7-",
        ),
        (
            "    ATHENS , March 3 - Greece",
            "ATHENS",
            d(None, 3, 3),
            None,
            "ATHENS , March 3 -",
        ),
        (
            "    east moline, april 7 - hogs rose",
            "east moline",
            d(None, 4, 7),
            None,
            "east moline, april 7 -",
        ),
        (
            "VIENNA (Reuters) - Ministers met",
            "VIENNA",
            None,
            Some("Reuters"),
            "VIENNA (Reuters) -",
        ),
        (
            "QUITO, Jan 21 (Reuters) - Ecuador said",
            "QUITO",
            d(None, 1, 21),
            Some("Reuters"),
            "QUITO, Jan 21 (Reuters) -",
        ),
        (
            "KAMPALA, Uganda (AP) _ Rebels said",
            "KAMPALA",
            None,
            Some("AP"),
            "KAMPALA, Uganda (AP) _",
        ),
        (
            "BOGOTA (AP) -- The army said",
            "BOGOTA",
            None,
            Some("AP"),
            "BOGOTA (AP) --",
        ),
        (
            "HAIFA (AP)_ Police said",
            "HAIFA",
            None,
            Some("AP"),
            "HAIFA (AP)_",
        ),
        (
            "ACCRA, August 7 (Xinhua) --",
            "ACCRA",
            d(None, 8, 7),
            Some("Xinhua"),
            "ACCRA, August 7 (Xinhua) --",
        ),
        (
            "Lyon, 21 jan 2019 (AFP) - Police said",
            "Lyon",
            d(Some(2019), 1, 21),
            Some("AFP"),
            "Lyon, 21 jan 2019 (AFP) -",
        ),
        (
            "HANOI. April 11 , 1997 (AFP)",
            "HANOI",
            d(Some(1997), 4, 11),
            Some("AFP"),
            "HANOI. April 11 , 1997 (AFP)",
        ),
        (
            "OSAKA, Japan, Dec. 9 Kyodo - A court ruled",
            "OSAKA",
            d(None, 12, 9),
            Some("Kyodo"),
            "OSAKA, Japan, Dec. 9 Kyodo -",
        ),
        (
            "TAINAN, Taiwan (Kyodo) -- Voters",
            "TAINAN",
            None,
            Some("Kyodo"),
            "TAINAN, Taiwan (Kyodo) --",
        ),
        (
            "BUSAN, Oct. 12 (Yonhap) -- A ship",
            "BUSAN",
            d(None, 10, 12),
            Some("Yonhap"),
            "BUSAN, Oct. 12 (Yonhap) --",
        ),
        (
            "KIEV. April 2 (Interfax) - The parliament",
            "KIEV",
            d(None, 4, 2),
            Some("Interfax"),
            "KIEV. April 2 (Interfax) -",
        ),
        (
            "DAR ES SALAAM, Tanzania (AP) _",
            "DAR ES SALAAM",
            None,
            Some("AP"),
            "DAR ES SALAAM, Tanzania (AP) _",
        ),
        (
            "ROME, Dec 13 , 2006, 2006",
            "ROME",
            d(Some(2006), 12, 13),
            None,
            "ROME, Dec 13 , 2006, 2006",
        ),
        (
            "MINSK (Sputnik) - Belarus said",
            "MINSK",
            None,
            Some("Sputnik"),
            "MINSK (Sputnik) -",
        ),
        (
            "TIRANA April 13 , 1997 (AFP)",
            "TIRANA",
            d(Some(1997), 4, 13),
            Some("AFP"),
            "TIRANA April 13 , 1997 (AFP)",
        ),
        (
            "LHASA, Nov. 22 , 2005, (xinhua)",
            "LHASA",
            d(Some(2005), 11, 22),
            Some("Xinhua"),
            "LHASA, Nov. 22 , 2005, (xinhua)",
        ),
        (
            "XIAN, Nov. 26 , 2005 (Xinhau)",
            "XIAN",
            d(Some(2005), 11, 26),
            Some("Xinhua"),
            "XIAN, Nov. 26 , 2005 (Xinhau)",
        ),
    ];
    for &(line, place, date, agency, dl) in cases {
        let got = parse(line, true).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        assert_eq!(&line[got.place.0..got.place.1], place, "{line}");
        assert_eq!(got.date, date, "{line}");
        assert_eq!(got.agency.as_deref(), agency, "{line}");
        assert_eq!(&line[got.start..got.end], dl, "{line}");
    }
}

#[test]
fn weak_and_rejected_datelines() {
    assert!(parse("PUTIN, XI MEET - REPORT", true).is_none());
    let bare = parse("(Reuters) - Acme said on Monday", false).unwrap();
    assert_eq!((bare.place.0, bare.place.1, bare.end), (0, 0, 11));
    assert_eq!(bare.agency.as_deref(), Some("Reuters"));
    assert!(parse("(Undated) - x", true).is_none());
    let weak = [
        ("BOSTON _ The city said", "BOSTON _"),
        ("TRENTON, N.J. _ A judge", "TRENTON, N.J. _"),
        ("    BOSTON, March 187 - Acme said", "BOSTON, March 187 -"),
        ("    DENVER, April - Acme said", "DENVER, April -"),
        ("    AKRON, Ohio - Acme said", "AKRON, Ohio -"),
    ];
    for (line, dl) in weak {
        let got = parse(line, true).unwrap();
        assert!(!got.strong);
        assert_eq!(&line[got.start..got.end], dl);
        assert!(parse(line, false).is_none());
    }
    let not = [
        "WHEAT CROP DAMAGED BY STORMS",
        "Explosions rock embassies in Kenya, Tanzania",
        "Russian Foreign Minister Sergey Lavrov said, on Tuesday",
        "EDITORIAL: A DECISION ON TRADE",
        "By JANE DOE, Associated Press Writer",
        "On March 3, the minister said",
        "The Hague, Netherlands, is the seat",
        "Readout of President Biden’s Call with Prime Minister Kishida",
        "",
        "   ",
        "(Undated)",
        "ACME BUYS STAKE IN BETA (BTA)",
        "Talks on security MOSCOW, January 18. /TASS/.",
        "TANDIL..........MAX TEMP",
        "ACME TO SIGN REFINERY DEAL MARCH 17",
        "BALANCES ROSE ON OCTOBER 16",
        "Putin, Xi to meet January 21",
        "Putin, Xi meet January 21",
        "PUTIN, XI MEET - REPORT",
        "OSLO STOCK PRICES - APRIL 7",
    ];
    for line in not {
        assert!(parse(line, false).is_none(), "{line}");
    }
}

#[test]
fn inline_datelines() {
    let cases = [
        (
            "Talks on security MOSCOW, January 18. /TASS/. Lavrov said",
            "MOSCOW",
            "MOSCOW, January 18. /TASS/.",
        ),
        (
            "Big storm hits MEXICO CITY (AP) _ Rain fell",
            "MEXICO CITY",
            "MEXICO CITY (AP) _",
        ),
    ];
    for (line, place, dl) in cases {
        let got = find_inline(line).unwrap();
        assert_eq!(&line[got.place.0..got.place.1], place);
        assert_eq!(&line[got.start..got.end], dl);
    }
    assert!(find_inline("No credit here, March 3 - nothing").is_none());
}

/// One example per step of the scan: (step, line, the dateline read with weak ones allowed,
/// or `None`).
#[rustfmt::skip]
const STEPS: &[(&str, &str, Option<&str>)] = &[
    ("place_at", "OSLO, March 3 - Text", Some("OSLO, March 3 -")),
    ("place_at: a byline", "By JANE DOE, March 3 - Text", None),
    ("place_at: a month", "March 3 - Text", None),
    ("comma: date", "LIMA, Jan 21 (Reuters) - Text", Some("LIMA, Jan 21 (Reuters) -")),
    ("comma: stray comma", "CHEVY CHASE, Md., - March 4 - Text", Some("CHEVY CHASE, Md., - March 4 -")),
    ("comma: year apart", "ROME, Dec 13 , 2006, 2006", Some("ROME, Dec 13 , 2006, 2006")),
    ("qualifier", "    SAN DIEGO, Calif., April 1 - Text", Some("SAN DIEGO, Calif., April 1 -")),
    ("qualifier: headline", "Putin, Xi meet January 21", None),
    ("qualifier: garbled date", "    BOSTON, March 187 - Text", Some("BOSTON, March 187 -")),
    ("full_stop: date", "KIEV. April 2 (Interfax) - Text", Some("KIEV. April 2 (Interfax) -")),
    ("full_stop: after credit", "MOSCOW, January 18. /TASS/. Text", Some("MOSCOW, January 18. /TASS/.")),
    ("bracketed_credit", "VIENNA (Reuters) - Text", Some("VIENNA (Reuters) -")),
    ("bracketed_credit: misspelt", "XIAN, Nov. 26 , 2005 (Xinhau)", Some("XIAN, Nov. 26 , 2005 (Xinhau)")),
    ("bracketed_credit: unknown name", "MINSK (Belnova) - Text", Some("MINSK (Belnova) -")),
    ("bracketed_credit: not a credit", "ACME BUYS STAKE IN BETA (BTA)", None),
    ("bracketed_credit: a speaker label", "QUESTION (Reuters): Will he go?", None),
    ("separator", "BOSTON _ Text", Some("BOSTON _")),
    ("separator: date between two", "    SILVER SPRING, Md., - March 4 - Text", Some("SILVER SPRING, Md., - March 4 -")),
    ("word: date without comma", "TIRANA April 13 , 1997 (AFP)", Some("TIRANA April 13 , 1997 (AFP)")),
    ("word: headline date", "ACME TO SIGN REFINERY DEAL MARCH 17", None),
    ("bare_credit", "OSAKA, Japan, Dec. 9 Kyodo - Text", Some("OSAKA, Japan, Dec. 9 Kyodo -")),
    ("accepted: hyphen after a headline", "PUTIN, XI MEET - REPORT", None),
    ("accepted: title case needs evidence", "The Hague, Netherlands, is the seat", None),
    ("credit_only", "(Reuters) - Text", Some("(Reuters) -")),
];

#[test]
fn steps() {
    for &(step, line, want) in STEPS {
        let got = parse(line, true).map(|d| &line[d.start..d.end]);
        assert_eq!(got, want, "{step}: {line:?}");
    }
}

/// The pre-test rules out only lines the full reading finds no dateline in: every line of the
/// tables above, every line of the fixtures and of the Reuters corpus when it is at hand, and
/// each line cut at every word end (as the inline search reads them).
#[test]
fn surely_none_rules_out_no_dateline() {
    let mut lines: Vec<String> = CONVENTIONS.iter().map(|c| c.1.to_string()).collect();
    lines.extend(STEPS.iter().map(|s| s.1.to_string()));
    lines.extend(
        [
            "BAHIA COCOA REVIEW",
            "WASHINGTON Kyodo",
            "SAITAMA, Japan Kyodo",
            "TOKYO Kyodo News",
            "LONDON  AP  ",
            "NEW YORK, Reuters",
            "Oil prices rise",
            "MOSCOW TASS",
            "HEADLINE WORDS HERE Xinhua",
        ]
        .map(String::from),
    );
    let mut texts = Vec::new();
    for dir in ["fixtures", "../shared/corpus/reuters21578/stories"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.into_iter().take(3000) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    for t in &texts {
        lines.extend(t.lines().take(12).map(str::to_string));
    }
    let mut ruled_out = 0;
    for line in &lines {
        let cuts = line
            .char_indices()
            .filter(|&(_, c)| c == ' ')
            .map(|(i, _)| i)
            .chain([line.len()]);
        for cut in cuts {
            let s = &line[..cut];
            for from in [0, s.find(' ').map_or(0, |i| i + 1)] {
                let s = &s[from..];
                if surely_none(s) {
                    ruled_out += 1;
                    assert_eq!(read(s, true), None, "{s:?}");
                    assert_eq!(read(s, false), None, "{s:?}");
                }
            }
        }
    }
    assert!(ruled_out > 0);
}
