//! What the markup and wire readers give back: the text a reader of the story sees, laid out
//! as a plain story (headline, byline, paragraphs separated by blank lines) so that the stages
//! after them read it as they read any story, and the metadata the markup states outright.

/// Metadata a story's markup or framing states (the `<headline>` of NewsML-G2, the
/// `article:published_time` of a page, the transmission time after a 7901 ETX). It takes
/// precedence over what the text's own lines suggest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The headline.
    pub headline: Option<String>,
    /// The story date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The byline, without `By`.
    pub byline: Option<String>,
    /// The dateline place (`located`, NITF `location`).
    pub place: Option<String>,
    /// The dateline as the markup gives it apart from the body (`MOSCOW, Monday (Reuters)`).
    pub dateline: Option<String>,
    /// The agency credited (NewsML-G2 credit line or provider, NITF distributor).
    pub agency: Option<String>,
    /// Subject codes or names, in document order, without repeats.
    pub subjects: Vec<String>,
    /// The item's identifier (a NewsML-G2 `guid`, an NITF `doc-id`).
    pub id: Option<String>,
    /// Header fields of wire framing (service, priority, keyword...), as `headers` entries.
    pub headers: Vec<(String, String)>,
}

/// One story read out of a document: its text, its stated metadata, and its place among the
/// document's stories (`part`, from 0, when the document holds several).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text the analysis reads and the record's offsets index.
    pub text: String,
    /// The metadata the markup states.
    pub fields: Fields,
    /// The index of this story in a document that holds several (`None` for a single one).
    pub part: Option<usize>,
}

/// Most stories one document may give (items of a NewsML-G2 message, 7901 messages of one
/// file); any further ones are dropped, so that one file cannot make unbounded output.
pub const MAX_PARTS: usize = 10_000;

impl Extracted {
    /// A story's text from its headline, byline and paragraphs, as a plain story lays them
    /// out: the headline line, `By …`, then the paragraphs, each pair apart by a blank line.
    /// A markup dateline that the first paragraph does not open with is put before it
    /// (`MOSCOW, Monday (Reuters) - …`), the way a plain story reads.
    pub fn compose(fields: Fields, paragraphs: Vec<String>) -> Extracted {
        let mut paragraphs: Vec<String> = paragraphs
            .into_iter()
            .map(|p| p.trim_end().to_string())
            .filter(|p| !p.trim().is_empty())
            .collect();
        if let (Some(h), Some(first)) = (&fields.headline, paragraphs.first()) {
            if squeeze(first) == *h {
                paragraphs.remove(0);
            }
        }
        if let Some(dateline) = &fields.dateline {
            match paragraphs.first_mut() {
                Some(first) if !same_first_word(first, dateline) => {
                    *first = format!("{dateline} - {}", first.trim_start());
                }
                _ => {}
            }
        }
        let mut text = String::new();
        if let Some(h) = &fields.headline {
            text.push_str(h);
            text.push_str("\n\n");
        }
        if let Some(by) = &fields.byline {
            let early = paragraphs.iter().take(3).any(|p| p.contains(by.as_str()));
            if !early {
                text.push_str("By ");
                text.push_str(by);
                text.push_str("\n\n");
            }
        }
        text.push_str(&paragraphs.join("\n\n"));
        let len = text.trim_end().len();
        text.truncate(len);
        if !text.is_empty() {
            text.push('\n');
        }
        Extracted {
            text,
            fields,
            part: None,
        }
    }
}

/// Whether `a` and `b` open with the same word, ignoring case.
fn same_first_word(a: &str, b: &str) -> bool {
    let word = |s: &str| {
        s.trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    word(a) == word(b)
}

/// `s` with every run of white space made one space, and none at either end.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `Some(squeeze(s))` unless that is empty.
pub fn field(s: &str) -> Option<String> {
    Some(squeeze(s)).filter(|s| !s.is_empty())
}

/// The text of a paragraph whose lines were indented by the markup around it: trailing
/// blanks cut, and the indentation that every line after the first shares removed, so that
/// the layout inside it (a Reuters story's indented paragraph starts) is kept while the
/// pretty-printing of the XML is not.
pub fn dedent(s: &str) -> String {
    let s = s.trim_matches(|c: char| c == '\n' || c == '\r');
    let mut lines = s.lines();
    let first = lines.next().unwrap_or("").trim_start();
    let rest: Vec<&str> = lines.collect();
    let shared = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::from(first.trim_end());
    for line in rest {
        out.push('\n');
        let cut = line
            .char_indices()
            .nth(shared)
            .map_or(line.len(), |(i, _)| i);
        let cut = if line[..cut].trim().is_empty() {
            cut
        } else {
            0
        };
        out.push_str(line[cut..].trim_end());
    }
    out.trim_end().to_string()
}

/// The calendar day of a date as markup writes it, `YYYY-MM-DD`: ISO 8601 with or without
/// separators (`2016-10-18T11:12:00-05:00`, `20151210T191044Z`), or `None`.
pub fn iso_day(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: Vec<u32> = s.chars().map_while(|c| c.to_digit(10)).collect();
    let (y, m, d) = if digits.len() >= 8 {
        (&digits[..4], &digits[4..6], &digits[6..8])
    } else {
        let mut parts = s.splitn(3, '-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d: String = parts
            .next()?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).filter(|_| y.len() == 4);
    };
    let n = |ds: &[u32]| ds.iter().fold(0u32, |a, &d| a * 10 + d);
    day(n(y) as i32, n(m), n(d))
}

/// `YYYY-MM-DD` of a valid day.
pub fn day(year: i32, month: u32, day: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Resolves the character and entity references of XML or HTML text that the reader did not:
/// the five XML entities, numeric references and `&nbsp;`. Anything else (an entity a
/// document type declaration would define) is kept as written: entities are never expanded
/// from a declaration, so "billion laughs" documents stay their own size.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').filter(|&e| e <= 32).map(|e| e + 1);
        let resolved = end.and_then(|e| reference(&rest[1..e]));
        match (end, resolved) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference's name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<char> {
    let code = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let n = name.strip_prefix('#')?;
            let value = match n.strip_prefix(['x', 'X']) {
                Some(hex) => code(hex, 16),
                None => code(n, 10),
            }?;
            char::from_u32(value).filter(|&c| c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_dates_give_their_day() {
        let cases = [
            ("2016-10-18T11:12:00-05:00", Some("2016-10-18")),
            ("20151210T191044Z", Some("2015-12-10")),
            ("2017-01-31", Some("2017-01-31")),
            (" 2016-02-09T09:17:00+03:00\n ", Some("2016-02-09")),
            ("2017-02-30", None),
            ("yesterday", None),
            ("17-01-31", None),
        ];
        for (s, want) in cases {
            assert_eq!(iso_day(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn references_resolve_but_declared_entities_stay_as_written() {
        assert_eq!(unescape("a &amp; b &#8220;x&#x201D; &lt;"), "a & b “x” <");
        assert_eq!(
            unescape("&lol9; &unclosed & &#0;"),
            "&lol9; &unclosed & &#0;"
        );
    }

    #[test]
    fn dedent_keeps_inner_layout_but_drops_shared_indentation() {
        assert_eq!(
            dedent("First line\n      goes on\n      and on\n   "),
            "First line\ngoes on\nand on"
        );
        assert_eq!(
            dedent("(Adds)\n    Para one\nwraps\n    Para two"),
            "(Adds)\n    Para one\nwraps\n    Para two"
        );
    }

    #[test]
    fn compose_lays_out_a_plain_story() {
        let fields = Fields {
            headline: Some("Talks end".into()),
            byline: Some("Jane Roe".into()),
            dateline: Some("GENEVA, May 2 (Agency)".into()),
            ..Fields::default()
        };
        let got = Extracted::compose(
            fields,
            vec![
                "Talks end".into(),
                "The talks ended.".into(),
                " ".into(),
                "More.".into(),
            ],
        );
        assert_eq!(
            got.text,
            "Talks end\n\nBy Jane Roe\n\nGENEVA, May 2 (Agency) - The talks ended.\n\nMore.\n"
        );
    }
}
