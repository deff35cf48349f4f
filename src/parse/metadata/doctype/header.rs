//! A transcript's header: the lines between its title and its first turn (date, time,
//! venue, speaker lists, stage directions), which stay out of the body.

use super::{fold, line_issuer, lines, title_cues, title_doc_type, Found, Reading, DOC_CUES};
use super::{HEADER_LINES, MAX_TITLE, PLACE_BYTES};
use crate::parse::metadata::lex;
use crate::parse::metadata::top::{furniture_line, line_date};

/// Takes in a transcript's header: the lines from where the top reader started the body to
/// the first turn (date, time, place, speaker lists), and moves the body's start to the
/// first turn.
pub(super) fn header(text: &str, found: &Found<'_>, first_turn: usize, reading: &mut Reading) {
    let body = found.body.start;
    // A transcript without a title: the top reader took its time line as the headline.
    reading.drop_headline = found
        .headline
        .is_some_and(|h| time_line(h) || stage_direction(h));
    if first_turn <= body {
        if first_turn < body {
            reading.body_start = Some(first_turn);
            // The top reader took a turn, or a line after it, as the headline.
            let headline_line = found
                .headline
                .and_then(|h| text[found.content_start..].find(h))
                .map(|i| found.content_start + i);
            reading.drop_headline |= headline_line.is_none_or(|h| h >= first_turn);
        }
        return;
    }
    let mut taken = 0;
    let mut listing = false;
    for line in lines(text, body) {
        if line.start >= first_turn {
            break;
        }
        let t = line.text(text).trim();
        if t.is_empty() || reading.headline.as_deref() == Some(t) {
            continue;
        }
        taken += 1;
        if taken > HEADER_LINES {
            return;
        }
        // Prose before the first turn is an unlabelled opening statement (`Ladies and
        // gentlemen,`): the body starts there.
        if prose(t) && !super::agenda_line(t) {
            reading.body_start = (line.start > body).then_some(line.start);
            return;
        }
        listing |= header_line(t, listing, reading);
    }
    reading.body_start = Some(first_turn);
}

/// Takes in one header line: a date, or the place; true when it heads a list of speakers.
fn header_line(t: &str, listing: bool, reading: &mut Reading) -> bool {
    let bare = t
        .trim_start_matches(['•', '·', '*', '-', '|', ' '])
        .trim_end_matches(['•', '·', '*', '-', '|', '—', '–', ' ']);
    if bare.is_empty() || time_line(bare) || stage_direction(bare) {
        return false;
    }
    if let Some(d) = line_date(bare) {
        reading.date.get_or_insert(d);
        return false;
    }
    let heading = bare.ends_with(':')
        && DOC_CUES
            .list_label
            .contains(&fold(bare.trim_end_matches(':')));
    if heading || listing || furniture_line(bare) {
        return heading;
    }
    // A second title line (`REMARKS BY THE PRESIDENT`) is no place.
    let folded = fold(bare);
    let titled = title_doc_type(&title_cues(&folded)).is_some();
    // Venues are written in title case (`East Room`); a line in capitals, or opening in lower
    // case, carries on the title.
    let capitals = !bare.chars().any(char::is_lowercase);
    let speaker = folded.split([' ', ',']).any(|w| {
        w != "the"
            && DOC_CUES
                .speaker_title
                .iter()
                .any(|t| t == w.trim_matches('.'))
    });
    // Every word of a place opens in capitals, but for the small words of names (`Dar es
    // Salaam`, `Room of the Council`).
    let named = bare.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "of" | "the" | "and")
            || lex::place_word(w)
    });
    let place_like = !titled
        && !capitals
        && !speaker
        && named
        && line_issuer(bare).is_none()
        && bare.len() <= PLACE_BYTES
        && bare.starts_with(char::is_uppercase)
        && bare.split_whitespace().count() <= 8;
    if place_like && reading.place.is_none() {
        reading.place = Some(bare.to_string());
    }
    false
}

/// True when a line reads as a sentence rather than a header line: it ends with a comma,
/// colon or semicolon, or with a full stop after a plain word, or is longer than a title.
pub(super) fn prose(t: &str) -> bool {
    let abbreviation = t
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.trim_end_matches('.').contains('.'));
    t.len() > MAX_TITLE
        || t.ends_with([',', ';'])
        || (t.ends_with(':') && !t.starts_with(char::is_uppercase))
        || (t.ends_with(['.', '!', '?']) && !abbreviation && !stage_direction(t))
}

/// True when a line is only a time (`2:02 p.m. EST`, `11:45 A.M. EDT`, `20:00`).
pub(super) fn time_line(t: &str) -> bool {
    let mut digits = false;
    let ok = t.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'));
        if w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
        {
            digits |= w.contains(':');
            return true;
        }
        let lower = w.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m"
        ) || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    });
    ok && digits
}

/// True when a line is a stage direction or note: `(As delivered)`, `[inaudible]`, `* * *`.
pub(super) fn stage_direction(t: &str) -> bool {
    (t.starts_with('(') && t.ends_with(')'))
        || (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with('<') && t.ends_with('>'))
        || t.chars().all(|c| c == '*' || c.is_whitespace())
}
