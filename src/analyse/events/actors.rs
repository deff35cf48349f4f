//! Actors and recipients: a name phrase with its country (`events_countries.tsv`: `Russian`,
//! `Washington`, `Kremlin`), its sector (`events_sectors.tsv`) and the speaker it is, where it
//! is one.

use super::lexicon::{COUNTRIES, COUNTRY_SHAPES, SECTORS, SECTOR_SHAPES};
use super::phrases::Words;
use super::Party;
use crate::analyse::attribution::Attribution;
use crate::span::Span;

/// The party named by a token range of `words`.
fn party(words: &Words<'_>, range: (usize, usize), attribution: &Attribution) -> Party {
    of_span(words.text, words.span(range), attribution)
}

/// The party named by the words of `span`.
fn of_span(text: &str, span: Span, attribution: &Attribution) -> Party {
    let speaker = speaker_of(text, span, attribution);
    let title = speaker.and_then(|s| attribution.speakers[s].title.as_deref());
    let phrase = span.slice(text);
    Party {
        name: Some(span),
        speaker,
        country: country(phrase).or_else(|| title.and_then(country)),
        sector: sector(phrase).or_else(|| title.and_then(sector)),
    }
}

/// The parties named by a token range: one, or two for a single word joining two countries
/// (`Russia-US consultations`).
pub(super) fn parties(
    words: &Words<'_>,
    range: (usize, usize),
    attribution: &Attribution,
) -> Vec<Party> {
    if range.1 - range.0 == 1 {
        let span = words.span(range);
        let w = span.slice(words.text);
        if let Some((x, y)) = w.split_once('-') {
            if COUNTRIES.contains_key(x) && COUNTRIES.contains_key(y) {
                let mid = span.start + x.len();
                return [Span::new(span.start, mid), Span::new(mid + 1, span.end)]
                    .into_iter()
                    .map(|s| of_span(words.text, s, attribution))
                    .collect();
            }
        }
    }
    vec![party(words, range, attribution)]
}

/// The party of a speaker who is not named in the clause (the source of a statement).
pub(super) fn speaker_party(s: usize, attribution: &Attribution) -> Party {
    let e = &attribution.speakers[s];
    let title = e.title.as_deref();
    Party {
        name: None,
        speaker: Some(s),
        country: country(&e.name).or_else(|| title.and_then(country)),
        sector: sector(&e.name).or_else(|| title.and_then(sector)),
    }
}

/// The speaker a phrase names: one whose mention overlaps it, or whose name ends with the
/// phrase's last word (`Lavrov`).
fn speaker_of(text: &str, span: Span, attribution: &Attribution) -> Option<usize> {
    let last = span.slice(text).rsplit(' ').next()?;
    attribution.speakers.iter().position(|e| {
        e.mentions.iter().any(|m| m.overlaps(span))
            || (last.len() >= 3
                && last.starts_with(char::is_uppercase)
                && e.name.rsplit(' ').next() == Some(last))
    })
}

/// Calls `f` with each gram of one to three words of `phrase` (a word's trailing `,;:` and
/// possessive `'s` cut), with the index of its first word and its number of words. Grams are
/// made as the words come, with no list: the callers choose among them by those indices, as
/// they would in a list ordered by first word then length.
fn grams(phrase: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut last = [(0usize, 0usize); 3];
    for (j, w) in phrase.split_whitespace().enumerate() {
        let start = w.as_ptr() as usize - phrase.as_ptr() as usize;
        let w = w.trim_end_matches([',', ';', ':']);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        last[j % 3] = (start, start + w.len());
        for n in 1..=3.min(j + 1) {
            let i = j + 1 - n;
            f(&phrase[last[i % 3].0..last[j % 3].1], i, n);
        }
    }
}

/// The country a phrase names: its longest country form (`South Korean` over `Korean`; of two
/// as long, the later).
pub(crate) fn country(phrase: &str) -> Option<&'static str> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    grams(phrase, |g, i, _| {
        if !COUNTRY_SHAPES.may_be(g.as_bytes()) {
            return;
        }
        if let Some(&c) = COUNTRIES.get(g) {
            if best.is_none_or(|b| (g.len(), i) >= (b.0, b.1)) {
                best = Some((g.len(), i, c));
            }
        }
    });
    best.map(|b| b.2)
}

/// The sector of a phrase: that of its last word (or pair of words) with one, by first word
/// then length.
pub(super) fn sector(phrase: &str) -> Option<&'static str> {
    let mut found: Option<((usize, usize), &'static str)> = None;
    let mut buf = [0u8; 40];
    grams(phrase, |g, i, n| {
        if !SECTOR_SHAPES.may_be(g.as_bytes()) {
            return;
        }
        let Some(lower) = crate::lexicon::ascii_lower_bytes(g.as_bytes(), &mut buf) else {
            return;
        };
        if let Some(&s) = SECTORS.get(lower) {
            if found.is_none_or(|f| (i, n) > f.0) {
                found = Some(((i, n), s));
            }
        }
    });
    found.map(|f| f.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_sectors_of_phrases() {
        let cases = [
            (
                "Russian Foreign Minister Sergey Lavrov",
                Some("RUS"),
                Some("GOV"),
            ),
            ("US Secretary of State", Some("USA"), Some("GOV")),
            ("South Korean troops", Some("KOR"), Some("MIL")),
            ("Washington", Some("USA"), None),
            ("the U.N. Security Council", None, Some("IGO")),
            ("Amnesty International", None, Some("NGO")),
            ("Kremlin's spokesman", Some("RUS"), Some("GOV")),
            ("the weather", None, None),
        ];
        for (phrase, c, s) in cases {
            assert_eq!(country(phrase), c, "{phrase}");
            assert_eq!(sector(phrase), s, "{phrase}");
        }
    }

    #[test]
    fn grams_come_with_their_first_word_and_length() {
        let cases = [
            (
                "Kremlin's spokesman,",
                vec![
                    ("Kremlin", 0, 1),
                    ("spokesman", 1, 1),
                    ("Kremlin's spokesman", 0, 2),
                ],
            ),
            (
                "a b c d",
                vec![
                    ("a", 0, 1),
                    ("b", 1, 1),
                    ("a b", 0, 2),
                    ("c", 2, 1),
                    ("b c", 1, 2),
                    ("a b c", 0, 3),
                    ("d", 3, 1),
                    ("c d", 2, 2),
                    ("b c d", 1, 3),
                ],
            ),
            ("", vec![]),
        ];
        for (phrase, want) in cases {
            let mut got = Vec::new();
            grams(phrase, |g, i, n| got.push((g.to_string(), i, n)));
            let want: Vec<_> = want
                .into_iter()
                .map(|(g, i, n)| (g.to_string(), i, n))
                .collect();
            assert_eq!(got, want, "{phrase}");
        }
    }
}
