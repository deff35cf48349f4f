//! Input formats: HTML pages, NewsML-G2, NITF, IPTC 7901 and ANPA-1312 files give records
//! whose metadata comes from the markup, whose offsets index the extracted `text` they carry,
//! and whose JSON line written straight from the analysis is the record's; hostile markup
//! ends in a record or a typed error, quickly. The real samples of ../shared/corpus/formats
//! are read where ../shared is present.

use crate::harness::{assert_spans_index, records, root, shared, statements};
use statements::output::record::Format;
use statements::{analyse_bytes_to_json, analyse_document, Options, Record};
use std::time::{Duration, Instant};

/// The records of a file, checked: spans index the text they carry, and the lines written
/// straight from the analysis are the records' own JSON.
fn checked_records(bytes: &[u8], label: &str) -> Vec<Record> {
    let options = Options::default();
    let found = analyse_document(bytes, &options).unwrap_or_else(|e| panic!("{label}: {e}"));
    let mut direct = Vec::new();
    let counts = analyse_bytes_to_json(bytes, &options, Some("p"), None, &mut direct)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let mut expected = Vec::new();
    for (i, record) in found.iter().enumerate() {
        if i > 0 {
            expected.push(b'\n');
        }
        let with_path = Record {
            path: Some("p".into()),
            ..record.clone()
        };
        statements::output::json::write_record(&with_path, &mut expected);
        let serde = serde_json::to_vec(&with_path).unwrap();
        let mut fast = Vec::new();
        statements::output::json::write_record(&with_path, &mut fast);
        assert_eq!(fast, serde, "{label}: the JSON writers differ");
        let text = record
            .text
            .as_deref()
            .unwrap_or_else(|| panic!("{label}: no text"));
        assert_spans_index(text, record, label);
        assert!(record.error.is_none(), "{label}: {:?}", record.error);
    }
    assert_eq!(
        String::from_utf8_lossy(&direct),
        String::from_utf8_lossy(&expected),
        "{label}"
    );
    assert_eq!(counts.records, found.len(), "{label}");
    found
}

/// What a fixture must give: its format, its records' headlines, dates and ids.
struct Want {
    file: &'static str,
    format: Format,
    headlines: &'static [&'static str],
    dates: &'static [&'static str],
    ids: &'static [Option<&'static str>],
}

const FIXTURES: &[Want] = &[
    Want {
        file: "newsml-g2-message.xml",
        format: Format::NewsmlG2,
        headlines: &[
            "Foreign ministers agree to resume water talks",
            "Bloc names new envoy for the region",
        ],
        dates: &["2024-03-05", "2024-03-04"],
        ids: &[
            Some("urn:newsml:example-agency.test:20240305:ministers-meet"),
            Some("urn:newsml:example-agency.test:20240305:envoy-named"),
        ],
    },
    Want {
        file: "nitf.xml",
        format: Format::Nitf,
        headlines: &["Coastal states sign fishing accord after long dispute"],
        dates: &["2023-06-12"],
        ids: &[Some("EXA-2023-0612-017")],
    },
    Want {
        file: "iptc7901.txt",
        format: Format::Iptc7901,
        headlines: &[
            "Neighbours open border talks in Tbilisi",
            "Talks to go on next week",
        ],
        dates: &["2023-09-14", "2023-09-14"],
        ids: &[None, None],
    },
    Want {
        file: "anpa1312.txt",
        format: Format::Anpa1312,
        headlines: &["Ministers extend grain corridor deal"],
        dates: &["2023-05-17"],
        ids: &[None],
    },
    Want {
        file: "article.html",
        format: Format::Html,
        headlines: &["Envoys meet on grain shipments"],
        dates: &["2023-07-20"],
        ids: &[None],
    },
];

#[test]
fn each_format_fixture_gives_its_records() {
    for want in FIXTURES {
        let path = root().join("fixtures/formats").join(want.file);
        let records = checked_records(&std::fs::read(&path).unwrap(), want.file);
        assert_eq!(records.len(), want.headlines.len(), "{}", want.file);
        let several = records.len() > 1;
        for (i, r) in records.iter().enumerate() {
            let m = &r.metadata;
            assert_eq!(m.format, Some(want.format), "{}", want.file);
            assert_eq!(
                m.headline.as_deref(),
                Some(want.headlines[i]),
                "{}",
                want.file
            );
            assert_eq!(m.date.as_deref(), Some(want.dates[i]), "{}", want.file);
            assert_eq!(r.id.as_deref(), want.ids[i], "{}", want.file);
            assert_eq!(m.part, several.then_some(i), "{}", want.file);
            let text = r.text.as_deref().unwrap();
            assert!(
                !text.contains(|c: char| c.is_control() && c != '\n' && c != '\t')
                    && !text.contains("<p")
                    && !text.contains("^"),
                "{}: markup or framing left in {text:?}",
                want.file
            );
        }
    }
}

#[test]
fn markup_metadata_wins_over_the_texts_guesses() {
    let path = root().join("fixtures/formats/nitf.xml");
    let record = &analyse_document(&std::fs::read(path).unwrap(), &Options::default()).unwrap()[0];
    let m = &record.metadata;
    assert_eq!(m.agency.as_deref(), Some("Example Wire"));
    assert_eq!(m.byline.as_deref(), Some("OMAR SALEH"));
    assert_eq!(m.place.as_deref(), Some("PORT LOUIS"));
    assert_eq!(m.subjects, ["politics", "fishing industry"]);
    let quote = &record.quotes[0];
    assert!(quote.text.starts_with("Nobody won everything"));
    assert!(quote
        .speaker
        .as_ref()
        .unwrap()
        .name
        .contains("foreign minister"));
}

/// A page of our own: the paragraphs of its article (each must be a paragraph of the text),
/// the furniture around it (none may be left), and its headline, date and byline.
struct Page {
    file: &'static str,
    article: &'static [&'static str],
    furniture: &'static [&'static str],
    headline: &'static str,
    date: &'static str,
    byline: Option<&'static str>,
}

const PAGES: &[Page] = &[
    Page {
        file: "article.html",
        article: &[
            "GENEVA (Courier) — Envoys from four countries met in Geneva on Thursday to discuss how grain ships could keep sailing through contested waters.",
            "“We are not here to make speeches,” the host envoy said as the talks opened. \"We are here to keep ships moving.\"",
            "Another envoy said his government would “look at every proposal” but gave no details. The talks are due to end on Friday.",
            "A joint statement is expected after the last session.",
        ],
        furniture: &[
            "Politics", "cookies", "Accept", "Share on social", "Grain prices rise", "Floods hit",
            "rights reserved", "dataLayer", "display: flex", "Photo: Example", "@context", "Privacy",
        ],
        headline: "Envoys meet on grain shipments",
        date: "2023-07-20",
        byline: Some("Nadia Brandt"),
    },
    Page {
        file: "pages/ministry-press-release.html",
        article: &[
            "On 14 February, the Minister of Foreign Affairs received the newly appointed Ambassador of Norland, who presented a copy of her letters of credence.",
            "The Minister said that relations between the two countries \"have never been closer\" and that both sides should open a new air route this year.",
            "The Ambassador thanked the Minister and said her government was ready to sign the agreement on cultural exchanges in the spring.",
        ],
        furniture: &[
            "English", "Search", "The Ministry", "Visas", "Embassies", "Home", "Press releases",
            "Print", "Facebook", "Treaty Square", "Accessibility",
        ],
        headline: "Minister receives the Ambassador of Norland",
        date: "2024-02-14",
        byline: None,
    },
    Page {
        file: "pages/news-div-text.html",
        article: &[
            "VALPORTO, Nov. 3 (HT) -- Dock workers ended a nine-day strike on Thursday after talks with the port authority produced a new pay offer.",
            "\"We got most of what we asked for,\" a union leader told reporters outside the port gates.",
            "The port authority said ships would be unloaded again from Friday morning.",
        ],
        furniture: &[
            "Your port", "Local", "Shipping", "Trending", "Mayor opens", "Rain expected",
            "Subscribe", "copyright", "schema.org",
        ],
        headline: "Port strike ends after talks",
        date: "2022-11-03",
        byline: Some("Tomas Reyes and Ana Liu"),
    },
    Page {
        file: "pages/blog-time.html",
        article: &[
            "The communiqué that leaders agreed on Sunday runs to forty paragraphs, yet it says nothing about the pipeline that divided them for months.",
            "One delegate said privately that the subject \"was never going to be written down,\" and that it had been settled in a side meeting.",
        ],
        furniture: &[
            "Archive", "About", "summits", "energy", "3 comments", "Great analysis", "disagree",
            "independent blog",
        ],
        headline: "What the summit communiqué left out",
        date: "2021-06-15",
        byline: Some("Kemal Aydin"),
    },
];

#[test]
fn pages_keep_their_article_and_drop_their_furniture() {
    let (mut kept, mut expected, mut leaked, mut furniture) = (0, 0, 0, 0);
    for page in PAGES {
        let path = root().join("fixtures/formats").join(page.file);
        let records = checked_records(&std::fs::read(&path).unwrap(), page.file);
        let record = &records[0];
        let text = record.text.as_deref().unwrap();
        let paragraphs: Vec<&str> = text.split("\n\n").map(str::trim).collect();
        for p in page.article {
            expected += 1;
            kept += usize::from(paragraphs.contains(p));
            assert!(
                paragraphs.contains(p),
                "{}: {p:?} missing from {text:?}",
                page.file
            );
        }
        for f in page.furniture {
            furniture += 1;
            leaked += usize::from(text.contains(f));
            assert!(!text.contains(f), "{}: {f:?} left in {text:?}", page.file);
        }
        let m = &record.metadata;
        assert_eq!(m.headline.as_deref(), Some(page.headline), "{}", page.file);
        assert_eq!(m.date.as_deref(), Some(page.date), "{}", page.file);
        assert_eq!(m.byline.as_deref(), page.byline, "{}", page.file);
    }
    eprintln!(
        "{} pages: {kept} of {expected} article paragraphs kept whole, {leaked} of {furniture} \
         furniture strings left",
        PAGES.len()
    );
}

#[test]
fn a_pages_publisher_is_no_agency() {
    let path = root().join("fixtures/formats/article.html");
    let record = &analyse_document(&std::fs::read(path).unwrap(), &Options::default()).unwrap()[0];
    let m = &record.metadata;
    assert_eq!(m.agency.as_deref(), Some("Courier"));
    assert_eq!(
        m.headers.get("publisher").map(String::as_str),
        Some("The Example Courier")
    );
    assert_eq!(m.place.as_deref(), Some("GENEVA"));
}

#[test]
fn plain_text_records_carry_no_text() {
    let records = analyse_document(b"MOSCOW, Jan 18 (TASS) - Talks.", &Options::default()).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].text, None);
    assert_eq!(records[0].metadata.format, Some(Format::PlainText));
}

/// Runs `bytes` through the library and requires a result (records or a typed error) within
/// `limit`; returns the records.
fn bounded(bytes: &[u8], label: &str, limit: Duration) -> Vec<Record> {
    let start = Instant::now();
    let result = analyse_document(bytes, &Options::default());
    let took = start.elapsed();
    assert!(took < limit, "{label}: took {took:?}");
    match result {
        Ok(records) => {
            for r in &records {
                assert_spans_index(r.text.as_deref().unwrap_or(""), r, label);
            }
            records
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            Vec::new()
        }
    }
}

#[test]
fn hostile_fixtures_end_quickly_with_a_record() {
    let dir = root().join("fixtures/formats/hostile");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let label = path.display().to_string();
        let records = bounded(
            &std::fs::read(&path).unwrap(),
            &label,
            Duration::from_secs(5),
        );
        assert_eq!(records.len(), 1, "{label}");
        let text = records[0].text.as_deref().unwrap();
        assert!(
            !text.contains("lollol") && !text.contains("root:"),
            "{label}: expanded"
        );
        assert!(text.contains(" (EW) - "), "{label}: {text:?}");
    }
}

#[test]
fn declared_and_marked_encodings_are_honoured() {
    let read = |name: &str| {
        let bytes = std::fs::read(root().join("fixtures/formats/hostile").join(name)).unwrap();
        analyse_document(&bytes, &Options::default())
            .unwrap()
            .remove(0)
    };
    assert_eq!(
        read("windows-1251.xml").metadata.headline.as_deref(),
        Some("Москва: переговоры продолжатся")
    );
    assert_eq!(
        read("latin-1.html").metadata.headline.as_deref(),
        Some("Café talks in Zürich")
    );
    assert_eq!(
        read("utf16-bom.xml").metadata.headline.as_deref(),
        Some("Talks in Kraków")
    );
}

#[test]
fn large_hostile_markup_stays_linear() {
    // Far past every depth limit; kept small enough for a debug build on a loaded machine.
    let n = 50_000;
    let cases: Vec<(&str, String)> = vec![
        (
            "xml nested 50,000 deep",
            format!("<nitf>{}x{}</nitf>", "<a>".repeat(n), "</a>".repeat(n)),
        ),
        (
            "html nested 50,000 deep",
            format!("<html><body>{}x", "<div><span>".repeat(n)),
        ),
        (
            "html 50,000 unclosed paragraphs",
            format!("<html><body>{}", "<p>a said. ".repeat(n)),
        ),
        (
            "xml 50,000 unclosed elements",
            format!("<?xml version='1.0'?><nitf>{}", "<p>x ".repeat(n)),
        ),
        (
            "xml end tags closing nothing",
            format!("<nitf><p>x</p>{}</nitf>", "</b>".repeat(n)),
        ),
        (
            "newsml 20,000 items",
            format!(
                "<newsMessage>{}</newsMessage>",
                "<newsItem guid='g'><contentMeta><headline>h</headline></contentMeta></newsItem>"
                    .repeat(20_000)
            ),
        ),
        (
            "7901 20,000 messages",
            "\x01a 1 i 1\nk\n\x02Head line =\n\nBERN (agn) - Text.\n\x03010101 GMT Jan 22\n"
                .repeat(20_000),
        ),
        (
            "unterminated comment",
            format!("<html><body><p>x</p><!--{}", "y".repeat(n)),
        ),
        (
            "unterminated cdata",
            format!("<nitf><p><![CDATA[{}", "y".repeat(n)),
        ),
        (
            "attributes without end",
            format!("<nitf {}", "a='1' ".repeat(n)),
        ),
    ];
    for (label, doc) in cases {
        bounded(doc.as_bytes(), label, Duration::from_secs(30));
    }
}

#[test]
fn batch_runs_write_one_line_per_story() {
    let out = statements()
        .args(["parse", "-q"])
        .arg(root().join("fixtures/formats"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got = records(&out);
    let stories: usize = FIXTURES.iter().map(|w| w.headlines.len()).sum();
    let files = |dir: &str| std::fs::read_dir(root().join(dir)).unwrap().count();
    let more = files("fixtures/formats/hostile") + files("fixtures/formats/pages");
    // article.html is among the FIXTURES; the pages folder adds its own.
    assert_eq!(got.len(), stories + more);
    let single = statements()
        .args(["parse", "--compact"])
        .arg(root().join("fixtures/formats/iptc7901.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(records(&single).len(), 2);
}

/// The format and story date of each real sample in ../shared/corpus/formats, and whether it
/// has a headline (two IPTC fragments have none, or no body).
const SAMPLES: &[(&str, Format, Option<&str>, bool)] = &[
    (
        "wire/iptc7901_dpa_two_line.txt",
        Format::Iptc7901,
        Some("2018-11-21"),
        true,
    ),
    (
        "wire/iptc7901_dpa_four_line.txt",
        Format::Iptc7901,
        Some("2018-11-21"),
        true,
    ),
    (
        "wire/anpa1312_ap_anpa-3.tst",
        Format::Anpa1312,
        Some("2016-08-29"),
        true,
    ),
    (
        "wire/anpa1312_anpa-1.tst",
        Format::Anpa1312,
        Some("2013-11-13"),
        true,
    ),
    (
        "wire/nitf_ap-nitf.xml",
        Format::Nitf,
        Some("2015-12-10"),
        true,
    ),
    (
        "wire/newsmlg2_reuters_L4N1FL0N0.xml",
        Format::NewsmlG2,
        Some("2017-01-31"),
        true,
    ),
    (
        "iptc/newsmlg2_iptc_LISTING_1_News_Item.xml",
        Format::NewsmlG2,
        Some("2016-10-18"),
        true,
    ),
    (
        "fragments/newsmlg2_iptc_LISTING_25_NITF_inlineXML.xml",
        Format::NewsmlG2,
        None,
        true,
    ),
    (
        "fragments/newsmlg2_iptc_LISTING_28_Located_Subject_Dateline.xml",
        Format::NewsmlG2,
        Some("2016-02-09"),
        false,
    ),
];

#[test]
fn real_format_samples_give_one_record_each() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let dir = shared.join("corpus/formats");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    for (file, format, date, headed) in SAMPLES {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).unwrap();
        let records = checked_records(&bytes, file);
        assert_eq!(records.len(), 1, "{file}");
        let r = &records[0];
        assert_eq!(r.metadata.format, Some(*format), "{file}");
        assert_eq!(r.metadata.date.as_deref(), *date, "{file}");
        if *headed {
            let headline = r
                .metadata
                .headline
                .as_deref()
                .unwrap_or_else(|| panic!("{file}"));
            assert!(in_source(&bytes, headline), "{file}: headline {headline:?}");
            assert!(r.text.as_deref().unwrap().starts_with(headline), "{file}");
        }
        let text = r.text.as_deref().unwrap();
        assert!(
            !text.contains(|c: char| c.is_control() && c != '\n' && c != '\t'),
            "{file}"
        );
        assert!(!text.contains("<p>") && !text.contains("<?xml"), "{file}");
    }
}

/// Whether the words of `headline` appear in this order in the file (markup, entities and
/// line breaks between them aside).
fn in_source(bytes: &[u8], headline: &str) -> bool {
    let source = String::from_utf8_lossy(bytes).replace("&quot;", "\"");
    let mut at = 0;
    headline
        .split_whitespace()
        .all(|w| match source[at..].find(w) {
            Some(i) => {
                at += i + w.len();
                true
            }
            None => false,
        })
}
