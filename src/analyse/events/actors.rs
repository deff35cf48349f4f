//! Actors and recipients: a name phrase with its country (`events_countries.tsv`: `Russian`,
//! `Washington`, `Kremlin`), its sector (`events_sectors.tsv`) and the speaker it is, where it
//! is one.

use super::lexicon::{COUNTRIES, COUNTRY_SHAPES, SECTORS, SECTOR_SHAPES};
use super::phrases::Words;
use super::Party;
use crate::analyse::attribution::Attribution;
use crate::span::Span;
use std::cell::OnceCell;

/// What the parties of a story's events take from its speakers, worked out once per story
/// (a speaker is named in many events): the last word of each name, and, on first use, the
/// country and sector of each title and the party each speaker is.
pub(super) struct Cast<'a> {
    attribution: &'a Attribution,
    /// The last word of each speaker's name (after its last space).
    surnames: Vec<&'a str>,
    titles: Vec<OnceCell<(Option<&'static str>, Option<&'static str>)>>,
    parties: Vec<OnceCell<Party>>,
}

impl<'a> Cast<'a> {
    pub(super) fn new(attribution: &'a Attribution) -> Cast<'a> {
        let speakers = &attribution.speakers;
        Cast {
            attribution,
            surnames: speakers
                .iter()
                .map(|e| e.name.rsplit(' ').next().unwrap_or(""))
                .collect(),
            titles: speakers.iter().map(|_| OnceCell::new()).collect(),
            parties: speakers.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The country and sector of speaker `s`'s title.
    fn title(&self, s: usize) -> (Option<&'static str>, Option<&'static str>) {
        *self.titles[s].get_or_init(|| {
            let title = self.attribution.speakers[s].title.as_deref();
            (title.and_then(country), title.and_then(sector))
        })
    }

    /// The party of a speaker who is not named in the clause (the source of a statement).
    pub(super) fn speaker_party(&self, s: usize) -> Party {
        self.parties[s]
            .get_or_init(|| {
                let name = &self.attribution.speakers[s].name;
                Party {
                    name: None,
                    speaker: Some(s),
                    country: country(name).or_else(|| self.title(s).0),
                    sector: sector(name).or_else(|| self.title(s).1),
                }
            })
            .clone()
    }

    /// The party named by the words of `span`.
    fn of_span(&self, text: &str, span: Span) -> Party {
        let speaker = self.speaker_of(text, span);
        let phrase = span.slice(text);
        Party {
            name: Some(span),
            speaker,
            country: country(phrase).or_else(|| speaker.and_then(|s| self.title(s).0)),
            sector: sector(phrase).or_else(|| speaker.and_then(|s| self.title(s).1)),
        }
    }

    /// The speaker a phrase names: one whose mention overlaps it, or whose name ends with
    /// the phrase's last word (`Lavrov`).
    fn speaker_of(&self, text: &str, span: Span) -> Option<usize> {
        let last = span.slice(text).rsplit(' ').next()?;
        let surname = last.len() >= 3 && last.starts_with(char::is_uppercase);
        let speakers = &self.attribution.speakers;
        (0..speakers.len()).find(|&i| {
            speakers[i].mentions.iter().any(|m| m.overlaps(span))
                || (surname && self.surnames[i] == last)
        })
    }

    /// The parties named by a token range: one, or two for a single word joining two
    /// countries (`Russia-US consultations`).
    pub(super) fn parties(&self, words: &Words<'_>, range: (usize, usize)) -> Vec<Party> {
        if range.1 - range.0 == 1 {
            let span = words.span(range);
            let w = span.slice(words.text);
            if let Some((x, y)) = w.split_once('-') {
                if COUNTRIES.contains_key(x) && COUNTRIES.contains_key(y) {
                    let mid = span.start + x.len();
                    return [Span::new(span.start, mid), Span::new(mid + 1, span.end)]
                        .into_iter()
                        .map(|s| self.of_span(words.text, s))
                        .collect();
                }
            }
        }
        vec![self.of_span(words.text, words.span(range))]
    }
}

/// Calls `f` with each gram of one to three words of `phrase` (a word's trailing `,;:` and
/// possessive `'s` cut), with the index of its first word and its number of words. Grams are
/// made as the words come, with no list: the callers choose among them by those indices, as
/// they would in a list ordered by first word then length.
fn grams(phrase: &str, f: impl FnMut(&str, usize, usize)) {
    if phrase.is_ascii() {
        // split on bytes, no character decoded: the white space of `split_whitespace` in
        // ASCII (with the vertical tab, which `is_ascii_whitespace` leaves out)
        let bytes = phrase.as_bytes();
        let words = bytes
            .split(|&b| b.is_ascii_whitespace() || b == 0x0b)
            .filter(|w| !w.is_empty())
            .map(|w| {
                let at = w.as_ptr() as usize - bytes.as_ptr() as usize;
                &phrase[at..at + w.len()]
            });
        grams_of(phrase, words, f);
    } else {
        grams_of(phrase, phrase.split_whitespace(), f);
    }
}

/// [`grams`] over the words of `phrase` (slices of it).
fn grams_of<'p>(
    phrase: &'p str,
    words: impl Iterator<Item = &'p str>,
    mut f: impl FnMut(&str, usize, usize),
) {
    let mut last = [(0usize, 0usize); 3];
    for (j, w) in words.enumerate() {
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
        // Every form starts with a capital (`Élysée` past ASCII): a gram in lower case is
        // none, whatever its shape.
        let capital = g
            .as_bytes()
            .first()
            .is_some_and(|&b| !b.is_ascii_lowercase());
        if !capital || !COUNTRY_SHAPES.may_be(g.as_bytes()) {
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

    /// `country` passes over the grams in lower case: no form is written so.
    #[test]
    fn country_forms_start_with_a_capital() {
        for form in COUNTRIES.keys() {
            assert!(!form.as_bytes()[0].is_ascii_lowercase(), "{form}");
        }
    }

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
