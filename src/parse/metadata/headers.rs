//! Header lines at the top of a story (`Date: 2022-01-18`, `Source: TASS`, `Title: ...`) and
//! the inline date form of the seed story (` date 2022-01-18 MOSCOW, ...`).

use super::calendar::parse_date_value;
use super::lex::{self, HeaderRole, WordClass};
use super::text::{line_at, skip_spaces};
use super::StoryDate;
use std::collections::BTreeMap;

/// The most header lines read.
const MAX_HEADER_LINES: usize = 40;
/// The longest header line looked at, in bytes.
const MAX_HEADER_LINE: usize = 4096;
/// The longest header key, in bytes.
const MAX_KEY: usize = 30;

/// What the header block says.
#[derive(Debug, Clone, Default)]
pub(super) struct Headers {
    /// `Key: value` pairs, keys lower-cased (the last value wins for a repeated key).
    pub map: BTreeMap<String, String>,
    /// Where the story's own text starts: after the header lines and the blank lines after them.
    pub end: usize,
    /// The date a date header gives.
    pub date: Option<StoryDate>,
    /// The agency a `Source:` (or `Agency:`, `Publisher:`) header gives.
    pub agency: Option<String>,
    /// The headline a `Title:` header gives.
    pub headline: Option<String>,
    /// The byline an `Author:` header gives, without `By`.
    pub byline: Option<String>,
    /// The agency the `Author:` header names after the writer (`Jane Roe, BBC News`).
    pub byline_agency: Option<&'static str>,
    /// The place a `Place:` header gives.
    pub place: Option<String>,
    /// An agency read off a URL header (`Url: https://tass.com/...`).
    pub url_agency: Option<&'static str>,
}

/// Splits a `Key: value` line; the key is a few words of letters, digits, `_`, `-`, `.`.
fn split_header(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    if key.is_empty()
        || key.len() > MAX_KEY
        || line[..colon].starts_with(char::is_whitespace)
        || !key.starts_with(|c: char| c.is_ascii_alphabetic())
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'))
        || key.split_whitespace().count() > 3
    {
        return None;
    }
    Some((key, line[colon + 1..].trim()))
}

/// Reads the header block at the top of `text`, if there is one.
pub(super) fn read(text: &str) -> Headers {
    let (pairs, end) = block(text);
    if !is_header_block(&pairs) {
        return Headers::default();
    }
    let mut h = Headers {
        end,
        ..Headers::default()
    };
    for (key, value) in pairs {
        h.take(key, value);
    }
    h
}

/// The `Key: value` lines at the top of `text` (blank lines before them skipped), and where
/// the block ends: after the blank lines closing it, or at the first line that is no header.
fn block(text: &str) -> (Vec<(&str, &str)>, usize) {
    let mut pos = 0;
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut end = 0;
    for _ in 0..MAX_HEADER_LINES {
        if pos >= text.len() {
            return (pairs, text.len());
        }
        let line = line_at(text, pos, MAX_HEADER_LINE);
        if line.truncated {
            return (pairs, pos);
        }
        let t = line.text(text);
        if t.trim().is_empty() {
            if !pairs.is_empty() {
                // The blank line(s) closing the block belong to it.
                return (pairs, blank_lines_end(text, line.next));
            }
            pos = line.next;
            continue;
        }
        let Some(pair) = split_header(t) else {
            return (pairs, line.start);
        };
        pairs.push(pair);
        pos = line.next;
        end = pos;
    }
    (pairs, end)
}

/// The end of the blank lines from `p` on.
fn blank_lines_end(text: &str, mut p: usize) -> usize {
    while p < text.len() {
        let l = line_at(text, p, MAX_HEADER_LINE);
        if l.truncated || !l.is_blank(text) {
            break;
        }
        p = l.next;
    }
    p
}

/// True when the `Key: value` lines are a header block: one has a known key, or there are
/// at least two, all with values and short keys not in capitals.
fn is_header_block(pairs: &[(&str, &str)]) -> bool {
    let known = pairs.iter().any(|(k, _)| lex::header_role(k).is_some());
    let plausible = pairs.len() >= 2
        && pairs.iter().all(|(k, v)| {
            !v.is_empty()
                && k.split_whitespace().count() <= 2
                && k.chars().any(|c| c.is_ascii_lowercase())
        });
    !pairs.is_empty() && (known || plausible)
}

impl Headers {
    /// Takes in one header: its value goes where its key's role says (the first of each
    /// role wins), and into the map of all headers.
    fn take(&mut self, key: &str, value: &str) {
        let key_lc = key.to_lowercase();
        let filled = !value.is_empty();
        match lex::header_role(&key_lc) {
            Some(HeaderRole::Date) if self.date.is_none() => self.date = parse_date_value(value),
            Some(HeaderRole::Agency) if self.agency.is_none() && filled => {
                let agency = lex::agency(value)
                    .or_else(|| lex::agency_of_url(value))
                    .or_else(|| lex::agency_leading(value));
                self.agency = Some(agency.map_or_else(|| value.to_string(), str::to_string));
            }
            Some(HeaderRole::Headline) if self.headline.is_none() && filled => {
                self.headline = Some(value.to_string())
            }
            Some(HeaderRole::Byline) if self.byline.is_none() && filled => {
                self.byline = Some(strip_by(value).to_string());
                self.byline_agency = byline_agency(value);
            }
            Some(HeaderRole::Place) if self.place.is_none() && filled => {
                self.place = Some(value.to_string())
            }
            _ => {}
        }
        if self.url_agency.is_none() && value.contains("://") {
            self.url_agency = lex::agency_of_url(value);
        }
        self.map.insert(key_lc, value.to_string());
    }
}

/// A byline without its leading `By`, nor a trailing credit naming the agency or the
/// writer's role (`Jane Roe, Associated Press Writer` -> `Jane Roe`).
pub(super) fn strip_by(s: &str) -> &str {
    let t = s.trim();
    let mut t = match t.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => t[3..].trim(),
        _ => t,
    };
    if let Some(comma) = t.rfind(',') {
        let tail = t[comma + 1..].trim();
        if lex::agency(tail).is_some() || role(tail) {
            t = t[..comma].trim();
        }
    }
    // `ZEKE MILLER and AAMER MADHANI Associated Press`: an agency name closing the line.
    let starts: Vec<usize> = t
        .char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || t[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .collect();
    for n in (1..=4).rev() {
        if starts.len() > n {
            let start = starts[starts.len() - n];
            if lex::agency(&t[start..]).is_some() {
                t = t[..start].trim_end();
                break;
            }
        }
    }
    t
}

/// The agency a byline names after its writer: `By Jane Roe, BBC News diplomatic
/// correspondent` -> BBC, `By JANE ROE Associated Press` -> AP.
pub(super) fn byline_agency(s: &str) -> Option<&'static str> {
    let t = s.trim();
    let t = match t.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => t[3..].trim(),
        _ => t,
    };
    if let Some(comma) = t.rfind(',') {
        let tail = t[comma + 1..].trim();
        if let Some(a) = lex::agency(tail).or_else(|| lex::agency_leading(tail)) {
            return Some(a);
        }
    }
    // An agency name closing the line.
    let starts: Vec<usize> = t
        .char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || t[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .collect();
    (1..=4)
        .rev()
        .filter(|&n| starts.len() > n)
        .find_map(|n| lex::agency(&t[starts[starts.len() - n]..]))
}

/// True when a byline's last part is a role: `Associated Press Writer`, `Staff Reporter`.
fn role(s: &str) -> bool {
    let l = s.to_lowercase();
    lex::words(WordClass::BylineRole)
        .iter()
        .any(|r| l.ends_with(r))
}

/// The inline date form at `pos`: `date 2022-01-18 ` followed by text on the same line.
/// Returns the date and where the story text starts after it.
pub(super) fn inline_date(text: &str, pos: usize) -> Option<(StoryDate, usize)> {
    let i = skip_spaces(text, pos);
    if !text.get(i..i + 4)?.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut k = i + 4;
    if text[k..].starts_with(':') {
        k += 1;
    }
    let d = skip_spaces(text, k);
    if d == k {
        return None;
    }
    let window = &text[d..super::text::floor_boundary(text, d + 40)];
    let token_len = window
        .find(|c: char| c.is_whitespace())
        .unwrap_or(window.len());
    let token = &window[..token_len];
    let date = parse_date_value(token)
        .filter(|_| token.as_bytes().first().is_some_and(u8::is_ascii_digit))?;
    let after = d + token_len;
    let body = skip_spaces(text, after);
    let same_line =
        body > after && !matches!(text.as_bytes().get(body), None | Some(b'\n' | b'\r'));
    same_line.then_some((date, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_blocks() {
        let text =
            "Date: 2022-01-18\r\nSource: TASS\r\nTitle: Ministers talk\r\n\r\nMOSCOW, January 18.";
        let h = read(text);
        assert_eq!(h.date.map(|d| d.value()), Some("2022-01-18".to_string()));
        assert_eq!(h.agency.as_deref(), Some("TASS"));
        assert_eq!(h.headline.as_deref(), Some("Ministers talk"));
        assert_eq!(&text[h.end..], "MOSCOW, January 18.");
        assert_eq!(h.map.get("source").map(String::as_str), Some("TASS"));

        let cases = [
            ("EDITORIAL: A DECISION ON TRADE\n\nThe court ruled.", 0),
            ("URGENT: Ministers resign\n\nBERLIN, Nov. 22 (Xinhua)", 0),
            ("Talks end: no deal\n\nThe talks ended.", 0),
            ("Date: 2020-05-01\nLondon talks resume", 17),
            ("\nDate: 2020-05-01\n\n\nBody.", 20),
            ("Author: Jane Roe\nSection: World\n\nBody.", 33),
        ];
        for (text, end) in cases {
            assert_eq!(read(text).end, end, "{text:?}");
        }
        let sources = [
            ("Source: https://tass.com/politics/1\n\nText", "TASS"),
            ("Source: TASS Russian News Agency\n\nText", "TASS"),
            ("Source: The Associated Press\n\nText", "AP"),
            (
                "Source: Ministry of Foreign Affairs\n\nText",
                "Ministry of Foreign Affairs",
            ),
        ];
        for (text, want) in sources {
            assert_eq!(read(text).agency.as_deref(), Some(want), "{text:?}");
        }
        assert_eq!(
            read("By: By Jane Roe\n\nText").byline.as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn byline_agencies() {
        let cases = [
            (
                "By Laura Vane, BBC News diplomatic correspondent",
                Some("BBC"),
            ),
            ("By Ana Ruiz, CNN", Some("CNN")),
            ("By JANE ROE and JOHN DOE Associated Press", Some("AP")),
            ("By Jane Roe, Associated Press Writer", Some("AP")),
            (
                "By Jane Roe, The Washington Post",
                Some("The Washington Post"),
            ),
            ("By Jane Roe in Moscow", None),
            ("By Jane Roe, Moscow correspondent", None),
            ("By Jane Roe", None),
        ];
        for (t, want) in cases {
            assert_eq!(byline_agency(t), want, "{t}");
        }
    }

    #[test]
    fn inline_dates() {
        let cases = [
            (
                " date 2022-01-18 MOSCOW, January 18.",
                Some(("2022-01-18", 17)),
            ),
            ("Date: 2021-03-04 PARIS (AFP) -", Some(("2021-03-04", 17))),
            ("Date: 2022-01-18\n\nMOSCOW", None),
            ("date line was moved", None),
            ("date", None),
        ];
        for (text, want) in cases {
            let got = inline_date(text, 0).map(|(d, e)| (d.value(), e));
            assert_eq!(got, want.map(|(v, e)| (v.to_string(), e)), "{text:?}");
        }
    }
}
