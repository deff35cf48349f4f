//! Story metadata: header lines, headline, dateline (place, date, agency), byline and the
//! trailing credit lines, following the conventions of each agency.
//!
//! The reader only looks at the top of a story (header lines, then the first few lines for
//! the headline, byline and dateline) and at its last few lines (credits), so its work is
//! bounded whatever the story's length:
//!
//! - `headers`: `Key: value` lines at the very top, and the seed's inline `date 2022-01-18`;
//! - `top`: headline, subtitle, byline, standalone agency or date lines, and the dateline,
//!   read by `dateline` in each agency's convention;
//! - `calendar`: the dates of datelines, date lines and date headers;
//! - `credits`: ` Reuter`, `(END)`, `==Kyodo`, `(Reporting by ...)` and the like.
//!
//! Which source wins: the story date comes from a date header, else the inline `date` form,
//! else the dateline; a year-less dateline date (`XXXX-03-12`) takes its year from a full date
//! on a line of its own near the top (`March 11, 2025`, `Updated 10:32 AM EST, Tue January 31,
//! 2023`, `Published: ...`), which alone gives the date when there is no dateline date. The
//! agency comes from a `Source:` header, else the dateline credit, else a credit line (` Reuter`,
//! or the domain of a sign-off address: `Write to ... at jane.roe@wsj.com`), else a line naming
//! it (`THE WHITE HOUSE`), else the byline (`By Jane Roe, BBC News diplomatic correspondent`),
//! else the site of a `Url:` header, else the agency whose house layout the top follows
//! (Reuters 1987: headline, then `    OSLO, March 3 - `), else a release title naming its
//! issuer (`Readout of President X's Call ...`), else a phrase near the top of the body by
//! which the story names its own agency (`told AFP`).
//!
//! `doctype` then says what kind of document it is and who issues it: a wire story (any
//! dateline or agency credit), or a briefing, press conference, remarks, interview, statement,
//! joint statement, readout or meeting record, from its title, issuer lines and speaker turns;
//! in a transcript the lines before the first turn (date, time, place, speakers) are header,
//! and the body starts at that turn.
//!
//! Word lists live in `src/lexicon/`: `agencies.tsv`, `metadata_calendar.tsv`,
//! `metadata_headers.tsv`, `metadata_place_words.tsv`, `metadata_credits.tsv`,
//! `metadata_boilerplate.tsv`, `metadata_self_mentions.tsv`, `metadata_issuer_titles.tsv`,
//! `metadata_date_labels.tsv`, `metadata_words.tsv` (small word classes), `metadata_doc_types.tsv`
//! and `metadata_issuers.tsv`.

mod calendar;
mod credits;
mod dateline;
mod doctype;
mod headers;
mod lex;
mod path_date;
mod text;
mod top;

use crate::span::Span;
use crate::vocab::{DateSource, DocType};
use std::collections::BTreeMap;

/// How far into the body a story's mention of its own agency (`told AFP`) is looked for.
const SELF_MENTION_BYTES: usize = 4000;

/// A calendar date as a story gives it; the year is unknown when the text does not say it
/// (`MOSCOW, March 3 -`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StoryDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
}

impl StoryDate {
    /// The story date a file's path gives (`2022/01/18/`, `20220118`, `2022-01-18`), if any:
    /// see the forms in `src/parse/metadata/path_date.rs`.
    pub fn from_path(path: &str) -> Option<StoryDate> {
        path_date::from_path(path)
    }

    /// The TIMEX3-style value: `2022-01-18`, or `XXXX-01-18` without a year.
    pub fn value(&self) -> String {
        // Written by hand: `format!` costs several times more, and every record and dated
        // event of a story with a date makes one.
        let mut value = String::with_capacity(10);
        match self.year.map(u32::try_from) {
            Some(Ok(year)) => push_padded(&mut value, year, 4),
            // A year before 0 is never read from a story; its sign goes as `format!` puts it.
            Some(Err(_)) => value = format!("{:04}", self.year.unwrap_or_default()),
            None => value.push_str("XXXX"),
        }
        value.push('-');
        push_padded(&mut value, self.month, 2);
        value.push('-');
        push_padded(&mut value, self.day, 2);
        value
    }

    /// Parses `YYYY-MM-DD` (the form of header lines and `--jsonl` records).
    pub fn parse_iso(s: &str) -> Option<StoryDate> {
        let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
        use chrono::Datelike;
        Some(StoryDate {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        })
    }
}

/// Appends the decimal digits of `n`, with zeros before them up to `width` digits: what
/// `{n:0width$}` writes.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut start = digits.len();
    let mut rest = n;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
        start -= 1;
        if rest == 0 {
            break;
        }
    }
    let start = start.min(digits.len().saturating_sub(width));
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// What the metadata reader found, with the spans the later stages need.
#[derive(Debug, Clone, Default)]
pub struct StoryMetadata {
    /// The agency credited.
    pub agency: Option<String>,
    /// The dateline place as written.
    pub place: Option<String>,
    /// The story date, from header lines, the inline `date` form or the dateline.
    pub date: Option<StoryDate>,
    /// Where `date` comes from: the text here; [`StoryMetadata::date_from`] may give it from
    /// outside.
    pub date_source: Option<DateSource>,
    /// The headline.
    pub headline: Option<String>,
    /// The byline, without `By`.
    pub byline: Option<String>,
    /// The dateline span.
    pub dateline: Option<Span>,
    /// `Key: value` header lines, keys lower-cased.
    pub headers: BTreeMap<String, String>,
    /// Where the story's own text starts: just after the header lines (and the blank lines
    /// after them), or after the inline `date 2022-01-18` form. Date expressions are looked
    /// for from here on (a headline or dateline date is a real date expression).
    pub content_start: usize,
    /// The body: the narrative text after the dateline and before trailing credit lines, or
    /// in a transcript from its first speaker turn on (its title, date, time, place and
    /// speaker lines come before). Statements are looked for here.
    pub body: Span,
    /// What kind of document this is (`None` only for an empty text).
    pub doc_type: Option<DocType>,
    /// The institution that issues the document; `None` for a wire story.
    pub issuer: Option<std::borrow::Cow<'static, str>>,
}

impl StoryMetadata {
    /// Sets the story date from the dates known outside the text, in the order they win: a
    /// date `given` with the story; the text's own date; the `option` date, then the `path`
    /// date, where the text gives none (a text date without its year takes theirs, as a
    /// year-less dateline takes that of a date line).
    pub fn date_from(
        &mut self,
        given: Option<StoryDate>,
        option: Option<StoryDate>,
        path: Option<StoryDate>,
    ) {
        if let Some(d) = given {
            self.date = Some(d);
            self.date_source = Some(DateSource::Given);
            return;
        }
        let (outside, source) = match (option, path) {
            (Some(d), _) => (Some(d), DateSource::Option),
            (None, Some(d)) => (Some(d), DateSource::Path),
            (None, None) => (None, DateSource::Text),
        };
        if self.date.is_none() && outside.is_some() {
            self.date_source = Some(source);
        }
        self.date = dated(self.date, outside);
    }
}

/// The story date from the dateline's date and a date line's (`Updated January 31, 2023`):
/// a dateline date with its year wins; a year-less one takes the year of a date line
/// (the year before when the dateline's month is over half a year after the line's: a
/// `Dec 31` dateline on a story updated `January 2, 2024`); else whichever there is.
fn dated(dateline: Option<StoryDate>, line: Option<StoryDate>) -> Option<StoryDate> {
    match (dateline, line) {
        (
            Some(d),
            Some(StoryDate {
                year: Some(y),
                month,
                ..
            }),
        ) if d.year.is_none() => {
            let year = if d.month > month + 6 {
                y - 1
            } else if d.month + 6 < month {
                y + 1
            } else {
                y
            };
            let real = chrono::NaiveDate::from_ymd_opt(year, d.month, d.day).is_some();
            Some(if real {
                StoryDate {
                    year: Some(year),
                    ..d
                }
            } else {
                d
            })
        }
        (Some(d), _) => Some(d),
        (None, l) => l,
    }
}

/// The agency credited, from the first source that names one, in the order the module doc
/// gives.
fn agency(
    text: &str,
    headers: &headers::Headers,
    top: &top::Top,
    tail: &credits::Tail,
    body: Span,
) -> Option<String> {
    headers
        .agency
        .clone()
        .or_else(|| top.dateline.as_ref().and_then(|d| d.agency.clone()))
        .or_else(|| tail.agency.map(str::to_string))
        .or_else(|| top.agency.map(str::to_string))
        .or_else(|| {
            headers
                .byline_agency
                .or(top.byline_agency)
                .map(str::to_string)
        })
        .or_else(|| headers.url_agency.map(str::to_string))
        .or_else(|| top.house_style.map(str::to_string))
        .or_else(|| {
            // A release whose title names its issuer: `Readout of President X's Call ...`.
            let headline = headers.headline.as_deref().or(top.headline.as_deref())?;
            lex::issuer_of_title(headline).map(str::to_string)
        })
        .or_else(|| {
            // Last resort: the story naming its own agency near its top (`..., he told AFP.`).
            let end = text::floor_boundary(text, body.start.saturating_add(SELF_MENTION_BYTES));
            lex::self_mention(&text[body.start..end.max(body.start)]).map(str::to_string)
        })
}

/// Whether the story is credited to an agency (`doctype::Found::wire`), and whether its only
/// credit is a dateline that is a line of its own (`doctype::Found::bare_dateline`).
fn credit(
    text: &str,
    headers: &headers::Headers,
    top: &top::Top,
    tail: &credits::Tail,
) -> (bool, bool) {
    let credited = credited(headers, top, tail);
    let bare = top.dateline.as_ref().map(|d| d.is_bare_line(text));
    (
        credited || bare == Some(false),
        !credited && bare == Some(true),
    )
}

/// True when a credit that is not an issuer's own name (a header, credit line, agency line,
/// byline, URL or house layout) says the story is an agency's: a wire story. A dateline says
/// so too, unless it is a line of its own (see [`doctype::Found::bare_dateline`]).
fn credited(headers: &headers::Headers, top: &top::Top, tail: &credits::Tail) -> bool {
    let agency = |a: Option<&str>| a.is_some_and(|a| !doctype::is_issuer(a));
    agency(headers.agency.as_deref())
        || agency(tail.agency)
        || agency(top.agency)
        || agency(headers.byline_agency.or(top.byline_agency))
        || agency(headers.url_agency)
        || top.house_style.is_some()
}

/// Reads the metadata of a story. Never panics; looks only at the first and last few lines.
#[inline(never)] // A stage of its own in profiles (`scripts/instructions.sh`).
pub fn read(text: &str) -> StoryMetadata {
    let headers = headers::read(text);
    let mut content_start = headers.end;
    let inline = headers::inline_date(text, content_start);
    if let Some((_, after)) = inline {
        content_start = after;
    }
    let top = top::read(text, content_start);
    let tail = credits::read(text, top.body_start);

    let body = Span::new(top.body_start, tail.body_end.max(top.body_start)).trim(text);
    let body = if body.is_empty() {
        Span::new(top.body_start, top.body_start)
    } else {
        body
    };
    let dateline = top.dateline.as_ref();
    let agency = agency(text, &headers, &top, &tail, body);
    let date = headers
        .date
        .or(inline.map(|(d, _)| d))
        .or_else(|| dated(dateline.and_then(|d| d.date), top.date));
    let place = dateline
        .map(|d| text[d.place.0..d.place.1].trim().to_string())
        .filter(|p| !p.is_empty())
        .or(headers.place.clone());
    let (wire, bare_dateline) = credit(text, &headers, &top, &tail);
    let headline = headers.headline.clone().or(top.headline);
    let kind = doctype::read(
        text,
        &doctype::Found {
            content_start,
            body,
            headline: headline.as_deref(),
            wire,
            bare_dateline,
        },
    );
    let body = match kind.body_start {
        Some(start) => Span::new(start, body.end.max(start)),
        None => body,
    };
    let date = date.or(kind.date);
    StoryMetadata {
        agency,
        place: place.or(kind.place),
        date,
        date_source: date.map(|_| DateSource::Text),
        headline: kind.headline.or(headline).filter(|_| !kind.drop_headline),
        byline: headers.byline.clone().or(top.byline),
        dateline: dateline.map(|d| Span::new(d.start, d.end).trim(text)),
        headers: headers.map,
        content_start,
        body,
        doc_type: kind.doc_type,
        issuer: kind.issuer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a test expects of a story: agency, place, date, headline, dateline, body start.
    struct Want {
        agency: Option<&'static str>,
        place: Option<&'static str>,
        date: Option<&'static str>,
        headline: Option<&'static str>,
        dateline: Option<&'static str>,
        body: &'static str,
    }

    fn check(text: &str, want: &Want) {
        let m = read(text);
        assert_eq!(m.agency.as_deref(), want.agency, "agency of {text:?}");
        assert_eq!(m.place.as_deref(), want.place, "place of {text:?}");
        assert_eq!(
            m.date.map(|d| d.value()).as_deref(),
            want.date,
            "date of {text:?}"
        );
        assert_eq!(m.headline.as_deref(), want.headline, "headline of {text:?}");
        assert_eq!(
            m.dateline.map(|s| s.slice(text)),
            want.dateline,
            "dateline of {text:?}"
        );
        assert_eq!(m.body.slice(text), want.body, "body of {text:?}");
    }

    #[test]
    fn date_values_are_written_as_format_writes_them() {
        let cases = [
            (Some(2022), 1, 18),
            (None, 12, 5),
            (Some(987), 3, 3),
            (Some(0), 10, 31),
            (Some(12345), 1, 1),
            (Some(-44), 3, 15),
            (Some(i32::MIN), 7, 4),
            (Some(2022), 123, 4567),
            (Some(2022), 0, u32::MAX),
        ];
        for (year, month, day) in cases {
            let want = match year {
                Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                None => format!("XXXX-{month:02}-{day:02}"),
            };
            assert_eq!(StoryDate { year, month, day }.value(), want);
        }
    }

    #[test]
    fn seed_story() {
        let text = include_str!("../../../fixtures/tass-2022-01-18-lavrov-blinken.txt");
        let m = read(text);
        assert_eq!(m.agency.as_deref(), Some("TASS"));
        assert_eq!(m.place.as_deref(), Some("MOSCOW"));
        assert_eq!(m.date.map(|d| d.value()).as_deref(), Some("2022-01-18"));
        assert_eq!(m.headline, None);
        assert_eq!(m.byline, None);
        assert_eq!(
            m.dateline.map(|s| s.slice(text)),
            Some("MOSCOW, January 18. /TASS/.")
        );
        assert!(m.body.slice(text).starts_with("Russian Foreign Minister"));
        assert!(m.headers.is_empty());
        assert!(text[m.content_start..].starts_with("MOSCOW, January 18."));
    }
    #[test]
    fn conventions() {
        let w = |agency, place, date, headline, dateline, body| Want {
            agency,
            place,
            date,
            headline,
            dateline,
            body,
        };
        let cases = [
            // TASS, with a headline and a subtitle paragraph.
            (
                "Ministers agree to meet in spring\n\nThe two sides also discussed trade.\n\nIGORA /Leningrad Region/, December 26. /TASS/. The leaders met on Sunday.\n",
                w(Some("TASS"), Some("IGORA /Leningrad Region/"), Some("XXXX-12-26"), Some("Ministers agree to meet in spring"), Some("IGORA /Leningrad Region/, December 26. /TASS/."), "The leaders met on Sunday."),
            ),
            // TASS behind header lines: the header date wins over the dateline's month and day.
            (
                "Date: 2021-12-26\r\nSource: TASS\r\nTitle: Ministers agree\r\n\r\nMOSCOW, December 26. /TASS/. The ministers met.\r\n",
                w(Some("TASS"), Some("MOSCOW"), Some("2021-12-26"), Some("Ministers agree"), Some("MOSCOW, December 26. /TASS/."), "The ministers met."),
            ),
            // Reuters 1987.
            (
                "ACME <ACM> SEES HIGHER PROFIT\n    SAN DIEGO, Calif., April 1 - Acme Corp said profit\nwill rise.\n    It gave no figures.\n Reuter\n",
                w(Some("Reuters"), Some("SAN DIEGO"), Some("XXXX-04-01"), Some("ACME <ACM> SEES HIGHER PROFIT"), Some("SAN DIEGO, Calif., April 1 -"), "Acme Corp said profit\nwill rise.\n    It gave no figures."),
            ),
            // Reuters web.
            (
                "Ecuador raises rates\n\nQUITO, Jan 21 (Reuters) - Ecuador raised rates on Friday.\n\n(Reporting by Ana Ruiz; Editing by Tom Lee)\n",
                w(Some("Reuters"), Some("QUITO"), Some("XXXX-01-21"), Some("Ecuador raises rates"), Some("QUITO, Jan 21 (Reuters) -"), "Ecuador raised rates on Friday."),
            ),
            (
                "VIENNA (Reuters) - Ministers met on Monday.",
                w(Some("Reuters"), Some("VIENNA"), None, None, Some("VIENNA (Reuters) -"), "Ministers met on Monday."),
            ),
            // AP, dateline on a line of its own.
            (
                "Rebels seize town\n\nKAMPALA, Uganda (AP) _\n\nRebels seized a town Friday, the army said.\n",
                w(Some("AP"), Some("KAMPALA"), None, Some("Rebels seize town"), Some("KAMPALA, Uganda (AP) _"), "Rebels seized a town Friday, the army said."),
            ),
            (
                "HAIFA (AP)_ Police said Friday they had made arrests.",
                w(Some("AP"), Some("HAIFA"), None, None, Some("HAIFA (AP)_"), "Police said Friday they had made arrests."),
            ),
            // Xinhua.
            (
                "Ghana hails deal\n\nACCRA, August 7 (Xinhua) --\n\nGhana on Friday hailed the deal.\n",
                w(Some("Xinhua"), Some("ACCRA"), Some("XXXX-08-07"), Some("Ghana hails deal"), Some("ACCRA, August 7 (Xinhua) --"), "Ghana on Friday hailed the deal."),
            ),
            // AFP, with the year.
            (
                "Lyon, 21 jan 2019 (AFP) - Police said on Monday.",
                w(Some("AFP"), Some("Lyon"), Some("2019-01-21"), None, Some("Lyon, 21 jan 2019 (AFP) -"), "Police said on Monday."),
            ),
            // Kyodo.
            (
                "Court rules on case\nOSAKA, Japan, Dec. 9 Kyodo - A court ruled on Monday.\n==Kyodo\n",
                w(Some("Kyodo"), Some("OSAKA"), Some("XXXX-12-09"), Some("Court rules on case"), Some("OSAKA, Japan, Dec. 9 Kyodo -"), "A court ruled on Monday."),
            ),
            // Yonhap.
            (
                "Ship sails\n\nBUSAN, Oct. 12 (Yonhap) -- A ship sailed on Tuesday.\n(END)\n",
                w(Some("Yonhap"), Some("BUSAN"), Some("XXXX-10-12"), Some("Ship sails"), Some("BUSAN, Oct. 12 (Yonhap) --"), "A ship sailed on Tuesday."),
            ),
            // Interfax.
            (
                "KIEV. April 2 (Interfax) - The parliament met.",
                w(Some("Interfax"), Some("KIEV"), Some("XXXX-04-02"), None, Some("KIEV. April 2 (Interfax) -"), "The parliament met."),
            ),
            // A readout: no dateline, the first line is the headline.
            (
                "Readout of the President’s Call with Prime Minister Rutte\n\nThe President spoke today with the Prime Minister.\n",
                w(Some("The White House"), None, None, Some("Readout of the President’s Call with Prime Minister Rutte"), None, "The President spoke today with the Prime Minister."),
            ),
            (
                "THE WHITE HOUSE\nJanuary 21, 2022\n\nReadout of the President’s Call with Chancellor Scholz\n\nThe President spoke today with the Chancellor.\n",
                w(Some("The White House"), None, Some("2022-01-21"), Some("Readout of the President’s Call with Chancellor Scholz"), None, "The President spoke today with the Chancellor."),
            ),
            // NYT: a place in capitals and an underscore.
            (
                "JOBS REPORT STRONG\n\nBOSTON _ The economy added jobs, the government said.",
                w(None, Some("BOSTON"), None, Some("JOBS REPORT STRONG"), Some("BOSTON _"), "The economy added jobs, the government said."),
            ),
            // No headline, no dateline.
            (
                "Acme Corp. said its shareholders approved the merger.\n\nThe deal closes soon.",
                w(None, None, None, None, None, "Acme Corp. said its shareholders approved the merger.\n\nThe deal closes soon."),
            ),
            // Headline and dateline run together on one line.
            (
                "Talks on security MOSCOW, January 18. /TASS/. Lavrov spoke.",
                w(Some("TASS"), Some("MOSCOW"), Some("XXXX-01-18"), Some("Talks on security"), Some("MOSCOW, January 18. /TASS/."), "Lavrov spoke."),
            ),
        ];
        for (text, want) in &cases {
            check(text, want);
        }
        let more = [
            (
                "Acme to buy startup\n\n(Reuters) - Acme Inc said on Monday it would buy a startup.\n",
                w(Some("Reuters"), None, None, Some("Acme to buy startup"), Some("(Reuters) -"), "Acme Inc said on Monday it would buy a startup."),
            ),
            (
                "Talks make progress\n\nBy Jane Roe\n\n3 Min Read\n\nKYIV (Reuters) - Talks made progress.\n\n(Reporting by Jane Roe; Editing by Tom Lee)\nOur Standards: The Thomson Reuters Trust Principles.\n",
                w(Some("Reuters"), Some("KYIV"), None, Some("Talks make progress"), Some("KYIV (Reuters) -"), "Talks made progress."),
            ),
            (
                "Leaders hold call\n\nBy JANE ROE Associated Press\n\nWASHINGTON (AP) — The leaders spoke on Monday.\n\n___\n\nJohn Doe in Rome contributed to this report.\n",
                w(Some("AP"), Some("WASHINGTON"), None, Some("Leaders hold call"), Some("WASHINGTON (AP) —"), "The leaders spoke on Monday."),
            ),
            (
                "Storm hits coast\n\nHAVANA, Dec 11 , 2005\n\nA storm hit the coast, an official told AFP.\n",
                w(Some("AFP"), Some("HAVANA"), Some("2005-12-11"), Some("Storm hits coast"), Some("HAVANA, Dec 11 , 2005"), "A storm hit the coast, an official told AFP."),
            ),
            (
                "Dam project approved\n\nLIMA, Dec 12 , 2005\n\nThe project was approved, the Xinhua news agency reported.\n\n\"It is good,\" Ruiz told Xinhua.\n",
                w(None, Some("LIMA"), Some("2005-12-12"), Some("Dam project approved"), Some("LIMA, Dec 12 , 2005"), "The project was approved, the Xinhua news agency reported.\n\n\"It is good,\" Ruiz told Xinhua."),
            ),
            (
                "GRAIN PRICES SEEN FIRMER\n    OSLO, March 3 - Grain prices will firm, traders said.\n MORE\n",
                w(Some("Reuters"), Some("OSLO"), Some("XXXX-03-03"), Some("GRAIN PRICES SEEN FIRMER"), Some("OSLO, March 3 -"), "Grain prices will firm, traders said."),
            ),
            (
                "Grain prices seen firmer\n\nOSLO, March 3 - Grain prices will firm, traders said.\n",
                w(None, Some("OSLO"), Some("XXXX-03-03"), Some("Grain prices seen firmer"), Some("OSLO, March 3 -"), "Grain prices will firm, traders said."),
            ),
            (
                "Lavrov sees progress in talks\n\nThe minister said the talks had been useful and that both sides had agreed to continue the dialogue at expert level in the coming weeks, the ministry said.\n\nHe also said that the next round of consultations would take place in Geneva, where the delegations would discuss arms control and the security of the region.\n\nGENEVA, January 21. /TASS/. Lavrov spoke to reporters.\n",
                w(Some("TASS"), Some("GENEVA"), Some("XXXX-01-21"), Some("Lavrov sees progress in talks"), Some("GENEVA, January 21. /TASS/."), "Lavrov spoke to reporters."),
            ),
            (
                "\u{feff}MOSCOW, January 18. /TASS/. Text.",
                w(Some("TASS"), Some("MOSCOW"), Some("XXXX-01-18"), None, Some("MOSCOW, January 18. /TASS/."), "Text."),
            ),
        ];
        for (text, want) in &more {
            check(text, want);
        }
    }

    #[test]
    fn web_and_release_layouts() {
        let w = |agency, place, date, headline, dateline, body| Want {
            agency,
            place,
            date,
            headline,
            dateline,
            body,
        };
        let cases = [
            // A release whose title names the issuer, and one whose title does not.
            (
                "Readout of President Marlow’s Call with Prime Minister Ostrova\n\nPresident Marlow spoke today with the Prime Minister.\n\n###\n",
                w(Some("The White House"), None, None, Some("Readout of President Marlow’s Call with Prime Minister Ostrova"), None, "President Marlow spoke today with the Prime Minister."),
            ),
            (
                "Statement by Press Secretary Dana Vell on the Harbor Accord\n\nThe President welcomes the accord.\n",
                w(Some("The White House"), None, None, Some("Statement by Press Secretary Dana Vell on the Harbor Accord"), None, "The President welcomes the accord."),
            ),
            (
                "Readout of the Minister’s Meeting with the Envoy\n\nThe Minister met the Envoy today.\n",
                w(None, None, None, Some("Readout of the Minister’s Meeting with the Envoy"), None, "The Minister met the Envoy today."),
            ),
            // Office lines under the institution are furniture; the date line below the title
            // is the story date.
            (
                "THE WHITE HOUSE\nOffice of the Vice President\n\nReadout of the Vice President’s Meeting with Minister Arvo\n\nJune 2, 2024\n\nThe Vice President met today with Minister Arvo.\n",
                w(Some("The White House"), None, Some("2024-06-02"), Some("Readout of the Vice President’s Meeting with Minister Arvo"), None, "The Vice President met today with Minister Arvo."),
            ),
            (
                "U.S. DEPARTMENT OF STATE\nOffice of the Spokesperson\n\nSecretary Pell’s Call with Foreign Minister Arvo\n\nThe Secretary spoke today with the Minister.\n",
                w(Some("U.S. Department of State"), None, None, Some("Secretary Pell’s Call with Foreign Minister Arvo"), None, "The Secretary spoke today with the Minister."),
            ),
            // The agency named only in the byline, and the date on a line of its own.
            (
                "Ceasefire talks stall in the capital\n\n4 June 2024\n\nBy Tom Hale, BBC News world affairs editor\n\nTalks stalled on Tuesday, officials said.\n",
                w(Some("BBC"), None, Some("2024-06-04"), Some("Ceasefire talks stall in the capital"), None, "Talks stalled on Tuesday, officials said."),
            ),
            // A subtitle between the headline and the byline and date lines.
            (
                "Talks end without a deal\n\nMediators will try again next month\n\nBy Jane Roe, BBC News\n\n11 March 2025\n\nTalks ended on Monday without a deal.\n",
                w(Some("BBC"), None, Some("2025-03-11"), Some("Talks end without a deal"), None, "Talks ended on Monday without a deal."),
            ),
            (
                "Talks end without a deal\n\nMediators said on Monday that the talks had ended.\n\nThey will try again in June.\n",
                w(None, None, None, Some("Talks end without a deal"), None, "Mediators said on Monday that the talks had ended.\n\nThey will try again in June."),
            ),
            // Labelled date lines.
            (
                "Envoy lands in Amman for talks\n\nBy Ana Ruiz, CNN\n\nUpdated 9:15 PM EDT, Wed June 5, 2024\n\n(CNN) — The envoy landed on Wednesday.\n",
                w(Some("CNN"), None, Some("2024-06-05"), Some("Envoy lands in Amman for talks"), Some("(CNN) —"), "The envoy landed on Wednesday."),
            ),
            (
                "Ministers back grain corridor\n\nPublished: 3 March 2024\n\nMinisters backed the corridor on Sunday.\n",
                w(None, None, Some("2024-03-03"), Some("Ministers back grain corridor"), None, "Ministers backed the corridor on Sunday."),
            ),
            (
                "Ministers back grain corridor\nPosted on March 3, 2024 by the desk\n\nMinisters backed the corridor on Sunday.\n",
                w(None, None, Some("2024-03-03"), Some("Ministers back grain corridor"), None, "Ministers backed the corridor on Sunday."),
            ),
            // Not date lines: a label word opening a headline or a sentence.
            (
                "Updated guidance on travel to the border region\n\nThe ministry issued new guidance on March 3, 2024.\n",
                w(None, None, None, Some("Updated guidance on travel to the border region"), None, "The ministry issued new guidance on March 3, 2024."),
            ),
            // A full date line gives its year to a year-less dateline.
            (
                "Talks resume in Tokyo\n\nPublished June 4, 2024\n\nTOKYO, June 3 (Kyodo) -- Talks resumed on Monday.\n",
                w(Some("Kyodo"), Some("TOKYO"), Some("2024-06-03"), Some("Talks resume in Tokyo"), Some("TOKYO, June 3 (Kyodo) --"), "Talks resumed on Monday."),
            ),
            (
                "Year ends with deal\n\nUpdated January 2, 2024\n\nMOSCOW, Dec 31 (Reuters) - The deal was signed.\n",
                w(Some("Reuters"), Some("MOSCOW"), Some("2023-12-31"), Some("Year ends with deal"), Some("MOSCOW, Dec 31 (Reuters) -"), "The deal was signed."),
            ),
            // A year-less dateline alone stays year-less; a header date beats everything.
            (
                "OSLO, May 14. /TASS/. The talks ended.\n",
                w(Some("TASS"), Some("OSLO"), Some("XXXX-05-14"), None, Some("OSLO, May 14. /TASS/."), "The talks ended."),
            ),
            (
                "Date: 2024-05-15\n\nTalks end\n\nUpdated May 16, 2024\n\nOSLO, May 14. /TASS/. The talks ended.\n",
                w(Some("TASS"), Some("OSLO"), Some("2024-05-15"), Some("Talks end"), Some("OSLO, May 14. /TASS/."), "The talks ended."),
            ),
            (
                "Author: Jane Roe, BBC News\n\nTalks ended on Monday, mediators said.\n",
                w(Some("BBC"), None, None, None, None, "Talks ended on Monday, mediators said."),
            ),
            // The agency named only by the sign-off address.
            (
                "Sanctions Widen on Tanker Fleet\n\nBy Jane Roe\n\nWASHINGTON—The Treasury widened sanctions on Tuesday.\n\nWrite to Jane Roe at jane.roe@wsj.com\n",
                w(Some("The Wall Street Journal"), Some("WASHINGTON"), None, Some("Sanctions Widen on Tanker Fleet"), Some("WASHINGTON—"), "The Treasury widened sanctions on Tuesday."),
            ),
        ];
        for (text, want) in &cases {
            check(text, want);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let huge = "x".repeat(200_000);
        let huge_caps = format!("MOSCOW, {}", "A".repeat(100_000));
        let inputs = [
            "",
            " ",
            "\n\n\n",
            "\r\n\r\n",
            "\u{0}\u{1}\u{2}\u{fffd}\u{fffd}",
            "é",
            "date",
            "date 2022-13-45 x",
            "Date:",
            "Date: \n",
            ":::\n:::",
            "(",
            "/",
            "MOSCOW, January 18. /",
            "MOSCOW, January 18. /TASS",
            "ÉÉÉ, Январь 18. /ТАСС/. Текст",
            "\u{a0}MOSCOW,\u{a0}January\u{a0}18.\u{a0}/TASS/.\u{a0}Text",
            huge.as_str(),
            huge_caps.as_str(),
            "Reuter",
            " REUTER\n",
            "(END)",
            "(Reporting by",
        ];
        for text in inputs {
            let m = read(text);
            assert!(m.body.start <= m.body.end && m.body.end <= text.len());
            assert!(m.content_start <= text.len());
            let _ = m.body.slice(text);
            if let Some(d) = m.dateline {
                let _ = d.slice(text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_wire_like_text(
            text in "([A-Z]{1,8}|[a-z]{1,6}|[0-9]{1,4}|[ ,./()_\\-:*]|\r?\n|é|—|/TASS/|\\(AP\\)| Reuter|Date: |date |January |Dec\\. ){0,40}"
        ) {
            let m = read(&text);
            proptest::prop_assert!(m.body.start <= m.body.end && m.body.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(m.body.start) && text.is_char_boundary(m.body.end));
            proptest::prop_assert!(m.content_start <= text.len() && text.is_char_boundary(m.content_start));
            if let Some(d) = m.dateline {
                proptest::prop_assert!(d.end <= text.len() && text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            }
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,300}") {
            let m = read(&text);
            proptest::prop_assert!(m.body.start <= m.body.end && m.body.end <= text.len());
        }
    }

    #[test]
    fn crlf_line_ends() {
        let text = "ACME SEES PROFIT\r\n    OSLO, March 3 - Acme said profit rose.\r\n Reuter\r\n";
        let m = read(text);
        assert_eq!(m.headline.as_deref(), Some("ACME SEES PROFIT"));
        assert_eq!(m.place.as_deref(), Some("OSLO"));
        assert_eq!(m.agency.as_deref(), Some("Reuters"));
        assert_eq!(m.body.slice(text), "Acme said profit rose.");
    }
}
