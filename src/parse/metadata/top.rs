//! The top of a story: headline, subtitle, byline and dateline, and so where the body starts.
//!
//! Only the first few lines are read (at most [`MAX_LINES`] non-blank lines and
//! [`TOP_BYTES`] bytes). The dateline is the first line that reads as one with a date or an
//! agency credit (or, failing that, a place in capitals with a separator: `WASHINGTON _`);
//! the lines before it are the headline (the first), a subtitle, a byline (`By ...`) and
//! standalone agency or date lines (`THE WHITE HOUSE`, `January 18, 2022`, `Updated 10:32 AM
//! EST, Tue January 31, 2023`); issuing-office lines (`Office of the Vice President`) are
//! furniture. Without a dateline, the first line is the headline when it looks like one, and a
//! short subtitle followed by a byline or date line does not yet start the body.

use super::calendar::read_date;
use super::dateline::{self, Dateline};
use super::headers::{byline_agency, strip_by};
use super::lex::{self, WordClass};
use super::text::{floor_boundary, line_at, skip_whitespace, trim, Line};
use super::StoryDate;

/// The most non-blank lines read at the top.
const MAX_LINES: usize = 10;
/// How far into the story the top lines may reach, in bytes.
const TOP_BYTES: usize = 6000;
/// The longest line looked at whole, in bytes.
const LINE_WINDOW: usize = 2000;
/// How much of a line a dateline is looked for in, in bytes.
const DATELINE_WINDOW: usize = 300;
/// How much of a line a run-in dateline (`Headline MOSCOW, ... /TASS/.`) is looked for in.
const INLINE_WINDOW: usize = 600;
/// A line longer than this is prose, not a headline or dateline.
const LONG_LINE: usize = 160;
/// Reading stops after this many long lines without a dateline.
const MAX_LONG_LINES: usize = 3;
/// The longest headline, in bytes.
const MAX_HEADLINE: usize = 250;

/// What the top of a story holds, in absolute byte offsets.
#[derive(Debug, Clone, Default)]
pub(super) struct Top {
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
    /// The headline.
    pub headline: Option<String>,
    /// The byline, without `By`.
    pub byline: Option<String>,
    /// Where the body starts.
    pub body_start: usize,
    /// An agency named by a line of its own (`THE WHITE HOUSE`).
    pub agency: Option<&'static str>,
    /// An agency named in the byline (`By Jane Roe, BBC News diplomatic correspondent`).
    pub byline_agency: Option<&'static str>,
    /// A date given by a line of its own (`January 21, 2022`).
    pub date: Option<StoryDate>,
    /// The agency whose house layout the top of the story follows, when no credit names one.
    pub house_style: Option<&'static str>,
}

/// What a line before the body is.
enum Kind {
    /// `By Jane Doe`, and the agency the byline names, if any.
    Byline(String, Option<&'static str>),
    /// A line naming an agency and nothing else.
    Agency(&'static str),
    /// A line holding a date and nothing else (but perhaps a time or a section name).
    Date(StoryDate),
    /// Page furniture: `FOR IMMEDIATE RELEASE`.
    Furniture,
    /// Anything else: headline, subtitle, body.
    Text,
}

/// Classifies a (trimmed) line before the body.
fn classify(t: &str) -> Kind {
    if t.len() <= 150 && t.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by ")) {
        let name = strip_by(t);
        if name.starts_with(|c: char| c.is_uppercase()) {
            return Kind::Byline(name.to_string(), byline_agency(t));
        }
    }
    if let Some(a) = lex::agency(t) {
        return Kind::Agency(a);
    }
    if lex::boilerplate(t) || office_name(t) {
        return Kind::Furniture;
    }
    if t.len() <= MAX_DATE_LINE {
        if let Some(k) = lex::date_label(t) {
            if let Some(d) = labelled_date(&t[k..]) {
                return Kind::Date(d);
            }
        }
    }
    if t.len() <= 80 && t.starts_with(|c: char| c.is_alphanumeric()) {
        if let Some((d, end)) = read_date(t, 0) {
            let rest = t[end..].trim_start();
            let bare = rest.is_empty()
                || rest.starts_with(|c: char| !c.is_alphabetic())
                || rest
                    .split_whitespace()
                    .all(|w| w.chars().all(|c| !c.is_lowercase()));
            if bare {
                return Kind::Date(d);
            }
        }
    }
    Kind::Text
}

/// The date of a line that holds a date and nothing else (`July 27, 2022`, `Updated 10:32 AM
/// EST, Tue January 31, 2023`), as the top reader reads date lines.
pub(super) fn line_date(t: &str) -> Option<StoryDate> {
    match classify(t) {
        Kind::Date(d) => Some(d),
        _ => None,
    }
}

/// True when a line is a byline, agency, issuing-office or furniture line (`FOR IMMEDIATE
/// RELEASE`, `Office of the Spokesperson`): header, neither text nor date.
pub(super) fn furniture_line(t: &str) -> bool {
    matches!(
        classify(t),
        Kind::Byline(..) | Kind::Agency(_) | Kind::Furniture
    )
}

/// The longest line read as a labelled date line (`Updated 10:32 AM EST, Tue January 31,
/// 2023`), in bytes.
const MAX_DATE_LINE: usize = 100;

/// The date after a date line's label (`Updated`, `Published:`): the first date, past only
/// a time, a time zone, a weekday and small words (`10:32 AM EST, Tue`, `on`).
fn labelled_date(s: &str) -> Option<StoryDate> {
    let mut i = 0;
    while i < s.len() {
        if let Some((d, _)) = read_date(s, i) {
            return Some(d);
        }
        let rest = &s[i..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest[..len].trim_matches(|c: char| matches!(c, ',' | '|' | '(' | ')'));
        let filler = word.is_empty()
            || word.chars().all(|c| !c.is_alphanumeric())
            || word.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
            || lex::weekday(word)
            || lex::words(WordClass::DateFiller)
                .iter()
                .any(|x| word.eq_ignore_ascii_case(x))
            // A time zone: `EST`, `GMT+3`, `ET`.
            || (word.len() <= 6
                && word.starts_with(|c: char| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+' || c == '-'));
        if !filler {
            return None;
        }
        i += len;
        i += s[i..].len() - s[i..].trim_start().len();
    }
    None
}

/// True when a line is the name of an issuing office (`Office of the Spokesperson`), page
/// furniture above a release's title: a short title-case name opening with `Office of`.
fn office_name(t: &str) -> bool {
    t.get(..10)
        .is_some_and(|h| h.eq_ignore_ascii_case("office of "))
        && t.len() <= 60
        && t.split_whitespace().count() <= 8
        && t.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || lex::words(WordClass::OfficeConnector).contains(&w)
        })
}

/// The line after a headline candidate.
struct Next<'t> {
    /// It follows with no blank line between.
    joined: bool,
    /// It is indented more than the candidate.
    indented: bool,
    /// Its trimmed text.
    text: &'t str,
}

/// True when a line read without a dateline looks like a headline rather than the first line
/// of the body.
fn headline_like(t: &str, next: &Next<'_>) -> bool {
    let words = t.split_whitespace().count();
    if t.len() > MAX_HEADLINE || words > 35 || !t.chars().any(char::is_alphabetic) {
        return false;
    }
    let Some(last) = t.chars().last() else {
        return false;
    };
    let ok_end = match last {
        // `... IN U.S.` ends a headline; a full stop after a plain word ends a sentence.
        '.' => t.split_whitespace().last().is_some_and(|w| {
            let w = w.trim_end_matches('.');
            w.contains('.') && w.len() <= 8 && w.chars().all(|c| c.is_alphabetic() || c == '.')
        }),
        ',' | ';' | ':' => false,
        '?' | '!' => words <= 15,
        '"' | '”' | '\'' | '’' => {
            let before = t[..t.len() - last.len_utf8()].trim_end();
            !before.ends_with(['.', ',', '!', '?'])
        }
        _ => true,
    };
    if !ok_end {
        return false;
    }
    if !next.joined {
        return true;
    }
    // With no blank line after it, the line may be the first line of a hard-wrapped
    // paragraph: it is a headline when in capitals, when the next line is indented (a
    // paragraph start) or is metadata, or when the text is not hard-wrapped at all.
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    if upper * 10 >= letters * 7 || next.indented || !matches!(classify(next.text), Kind::Text) {
        return true;
    }
    if next.text.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    next.text.len() > 100 || t.len() <= 120
}

/// The leading white space of a line, in bytes.
fn indent(text: &str, line: &Line) -> usize {
    let t = line.text(text);
    t.len() - t.trim_start().len()
}

/// Reads the top of the story from `start` (after any header lines).
pub(super) fn read(text: &str, start: usize) -> Top {
    let (lines, found) = scan(text, start);
    let mut top = Top::default();
    // A dateline run into a line (`Headline MOSCOW, January 18. /TASS/. Text`).
    match found.or_else(|| run_in_dateline(text, &lines)) {
        Some(chosen) => before_dateline(&mut top, text, &lines, chosen),
        None => without_dateline(&mut top, text, &lines, start),
    }
    top
}

/// The non-blank lines read at the top, and whether a blank line follows each.
struct TopLines {
    lines: Vec<Line>,
    blank_after: Vec<bool>,
}

/// The dateline chosen, the index of the line holding it, and for a dateline run into a
/// line (`Headline MOSCOW, ...`), where that line starts.
struct Chosen {
    index: usize,
    dateline: Dateline,
    run_in: Option<usize>,
}

/// Reads the lines at the top until the first strong dateline (which is not among the
/// lines), the line limits or too many long lines; returns them and the strong dateline, else
/// the first weak one.
fn scan(text: &str, start: usize) -> (TopLines, Option<Chosen>) {
    // Sized for the most lines read: never regrown.
    let mut top = TopLines {
        lines: Vec::with_capacity(MAX_LINES),
        blank_after: Vec::with_capacity(MAX_LINES),
    };
    let mut weak: Option<Chosen> = None;
    let mut pos = start;
    let mut long = 0;
    while pos < text.len() && top.lines.len() < MAX_LINES && pos - start < TOP_BYTES {
        let line = line_at(text, pos, LINE_WINDOW);
        if line.is_blank(text) {
            if let Some(b) = top.blank_after.last_mut() {
                *b = true;
            }
            if line.truncated {
                break;
            }
            pos = line.next;
            continue;
        }
        let window_end = floor_boundary(text, line.end.min(line.start + DATELINE_WINDOW));
        if let Some(d) = dateline::parse(&text[line.start..window_end], true) {
            let chosen = Chosen {
                index: top.lines.len(),
                dateline: d.shifted(line.start),
                run_in: None,
            };
            if chosen.dateline.strong {
                return (top, Some(chosen));
            }
            weak.get_or_insert(chosen);
        }
        top.lines.push(line);
        top.blank_after.push(false);
        if line.truncated {
            break;
        }
        if line.end - line.start > LONG_LINE {
            long += 1;
            if long >= MAX_LONG_LINES {
                break;
            }
        }
        pos = line.next;
    }
    (top, weak)
}

/// A dateline run into one of the first two lines (`Headline MOSCOW, January 18. /TASS/.`).
fn run_in_dateline(text: &str, top: &TopLines) -> Option<Chosen> {
    top.lines.iter().take(2).enumerate().find_map(|(i, line)| {
        let end = floor_boundary(text, line.end.min(line.start + INLINE_WINDOW));
        dateline::find_inline(&text[line.start..end]).map(|d| Chosen {
            index: i,
            dateline: d.shifted(line.start),
            run_in: Some(line.start),
        })
    })
}

/// Takes in the lines before the chosen dateline (headline, byline, date lines) and the
/// dateline; the body starts after it.
fn before_dateline(top: &mut Top, text: &str, lines: &TopLines, chosen: Chosen) {
    let Chosen {
        index,
        dateline: d,
        run_in,
    } = chosen;
    for line in &lines.lines[..index] {
        take_pre_line(top, trim(line.text(text)));
    }
    if let Some(line_start) = run_in {
        let before = trim(&text[line_start..d.start]);
        if !before.is_empty() {
            take_pre_line(top, before);
        }
    }
    // Reuters' 1980s wire layout: a headline line, then at once an indented dateline
    // `    OSLO, March 3 - ` with month and day and no credit. The story's sign-off
    // (` Reuter`) says the same, but is missing from cut stories (` MORE`).
    let indented = text[..d.start].ends_with([' ', '\t']);
    if run_in.is_none()
        && index == 1
        && !lines.blank_after[0]
        && indented
        && d.hyphen
        && d.agency.is_none()
        && d.date.is_some_and(|x| x.year.is_none())
    {
        top.house_style = Some("Reuters");
    }
    top.body_start = skip_whitespace(text, d.consumed, TOP_BYTES);
    top.dateline = Some(d);
}

/// Without a dateline: takes in byline, agency and date lines and the headline, and finds
/// where the body starts (the first other line, past a short subtitle).
fn without_dateline(top: &mut Top, text: &str, lines: &TopLines, start: usize) {
    let mut body = None;
    for (i, line) in lines.lines.iter().enumerate() {
        let t = trim(line.text(text));
        if take_metadata_line(top, t) {
            continue;
        }
        if top.headline.is_none() && body.is_none() && i + 1 < lines.lines.len() {
            let next = Next {
                joined: !lines.blank_after[i],
                indented: indent(text, &lines.lines[i + 1]) > indent(text, line),
                text: trim(lines.lines[i + 1].text(text)),
            };
            if headline_like(t, &next) {
                top.headline = Some(t.to_string());
                continue;
            }
        }
        if top.headline.is_some() && is_subtitle(text, lines, i, t) {
            continue;
        }
        body = Some(line.start);
        break;
    }
    let body_start = match body {
        Some(b) => b,
        None => lines.lines.last().map_or(start, |l| l.next.max(l.end)),
    };
    top.body_start = skip_whitespace(text, body_start, TOP_BYTES);
}

/// Takes in a byline, agency, date or furniture line; false for a text line.
fn take_metadata_line(top: &mut Top, t: &str) -> bool {
    match classify(t) {
        Kind::Byline(b, a) => {
            top.byline.get_or_insert(b);
            top.byline_agency = top.byline_agency.or(a);
        }
        Kind::Agency(a) => {
            top.agency.get_or_insert(a);
        }
        Kind::Date(d) => {
            top.date.get_or_insert(d);
        }
        Kind::Furniture => {}
        Kind::Text => return false,
    }
    true
}

/// True when line `i` (text `t`) is a short subtitle under the headline, with a byline or
/// date line after it (`Officials say the measures target tankers` / `By Jane Roe`): not yet
/// the body.
fn is_subtitle(text: &str, lines: &TopLines, i: usize, t: &str) -> bool {
    t.len() <= LONG_LINE
        && lines.blank_after[i]
        && lines.lines[i + 1..].iter().take(2).any(|l| {
            matches!(
                classify(trim(l.text(text))),
                Kind::Byline(..) | Kind::Date(_)
            )
        })
}

/// Takes in one line that comes before the dateline: headline (the first text line), byline,
/// agency or date line; further text lines (a subtitle) are not metadata.
fn take_pre_line(top: &mut Top, t: &str) {
    if !take_metadata_line(top, t) && top.headline.is_none() && t.len() <= LINE_WINDOW {
        top.headline = Some(t.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_without_dateline() {
        let cases = [
            ("Readout of the President’s Call with Prime Minister Kishida\n\nThe President spoke today.", true),
            ("WHEAT OUTPUT SEEN HIGHER IN U.S.\n  Output will rise, it said.", true),
            ("Acme Corp said shareholders approved its\nacquisition by Beta Ltd.", false),
            ("Acme said it holds a stake of 66.7%.\n\nBeta said nothing.", false),
            ("Readout of the President’s Call with the Chancellor\nJANUARY 21, 2022•STATEMENTS AND RELEASES\nThe President spoke today.", true),
            ("Ministers agree on trade\nThe ministers of both countries agreed on Tuesday to cut tariffs on steel and aluminium, officials said.", true),
            ("FOR IMMEDIATE RELEASE\n\nStatement on the Talks\n\nThe talks were useful.", true),
            ("Acme Corp. said shareholders approved the deal.\n\nThe deal closes soon.", false),
            ("Is the alliance ready?\n\nOfficials think so.", true),
            ("Prince and singer \"just good friends\"\n\nThey said so.", true),
            ("A single line story with no break", false),
        ];
        for (text, want) in cases {
            let top = read(text, 0);
            assert_eq!(top.headline.is_some(), want, "{text:?}");
            if want {
                let first = text
                    .lines()
                    .find(|l| !l.starts_with("FOR ") && !l.is_empty())
                    .unwrap();
                assert_eq!(Some(first), top.headline.as_deref());
            }
        }
    }

    #[test]
    fn notices_above_a_story_are_no_headline() {
        let cases = [
            ("Correction: An earlier version misstated a title.\n\nTalks resume in Lima\n\nLIMA, Peru, March 3 (Reuters) - Text.", Some("Talks resume in Lima")),
            ("Editor's note: This story contains strong language.\n\nLIMA, March 3 (Reuters) - Text.", None),
            ("Corrections to the budget approved\n\nLIMA, March 3 (Reuters) - Text.", Some("Corrections to the budget approved")),
        ];
        for (text, want) in cases {
            let top = read(text, 0);
            assert_eq!(top.headline.as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn lines_before_the_dateline() {
        let text = "THE WHITE HOUSE\n\nMinisters meet\n\nBy Jane Roe\n\nThe ministers will meet again.\n\nOSLO, May 2 (AP) -- Text.";
        let top = read(text, 0);
        assert_eq!(top.agency, Some("The White House"));
        assert_eq!(top.headline.as_deref(), Some("Ministers meet"));
        assert_eq!(top.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(&text[top.body_start..], "Text.");
    }
}
