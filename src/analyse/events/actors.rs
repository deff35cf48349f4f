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
            surnames: speakers.iter().map(|e| last_word(&e.name)).collect(),
            titles: speakers.iter().map(|_| OnceCell::new()).collect(),
            parties: speakers.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The country and sector of speaker `s`'s title.
    fn title(&self, s: usize) -> (Option<&'static str>, Option<&'static str>) {
        *self.titles[s].get_or_init(|| {
            let title = self.attribution.speakers[s].title.as_deref();
            title.map_or((None, None), country_and_sector)
        })
    }

    /// The party of a speaker who is not named in the clause (the source of a statement).
    pub(super) fn speaker_party(&self, s: usize) -> Party {
        self.parties[s]
            .get_or_init(|| {
                let (country, sector) = country_and_sector(&self.attribution.speakers[s].name);
                Party {
                    name: None,
                    speaker: Some(s),
                    country: country.or_else(|| self.title(s).0),
                    sector: sector.or_else(|| self.title(s).1),
                }
            })
            .clone()
    }

    /// The party named by the words of `span`.
    fn of_span(&self, text: &str, span: Span) -> Party {
        let speaker = self.speaker_of(text, span);
        let (country, sector) = country_and_sector(span.slice(text));
        Party {
            name: Some(span),
            speaker,
            country: country.or_else(|| speaker.and_then(|s| self.title(s).0)),
            sector: sector.or_else(|| speaker.and_then(|s| self.title(s).1)),
        }
    }

    /// The speaker a phrase names: one whose mention overlaps it, or whose name ends with
    /// the phrase's last word (`Lavrov`).
    fn speaker_of(&self, text: &str, span: Span) -> Option<usize> {
        let last = last_word(span.slice(text));
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

/// What follows the last space of `s` (all of it when it has none), as `s.rsplit(' ')` gives
/// first: found by a byte search, with no pattern searcher.
pub(super) fn last_word(s: &str) -> &str {
    s.as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(s, |k| &s[k + 1..])
}

/// Calls `f` with each gram of one to three words of `phrase` (a word's trailing `,;:` and
/// possessive `'s` cut), as the bytes `start..end` of the phrase, with the index of its first
/// word and its number of words. Grams are made as the words come, with no list: the callers
/// choose among them by those indices, as they would in a list ordered by first word then
/// length. The callers slice the phrase only for the grams that pass their tests on bytes.
fn grams(phrase: &str, mut f: impl FnMut((usize, usize), usize, usize)) {
    let b = phrase.as_bytes();
    let mut last = [(0usize, 0usize); 3];
    let (mut i, mut j) = (0, 0);
    loop {
        i = run(phrase, i, true);
        if i == b.len() {
            return;
        }
        let start = i;
        i = run(phrase, i, false);
        last[j % 3] = (start, start + kept(&b[start..i]));
        for n in 1..=3.min(j + 1) {
            let first = j + 1 - n;
            f((last[first % 3].0, last[j % 3].1), first, n);
        }
        j += 1;
    }
}

/// Where the run of white space (`white`) or of other characters from byte `i` of `s` ends,
/// white space as `split_whitespace` reads it. An ASCII byte is classed as it is, with no
/// decoding (the white space of `is_ascii_whitespace`, and the vertical tab, which it leaves
/// out).
#[inline(always)]
fn run(s: &str, mut i: usize, white: bool) -> usize {
    while let Some(&c) = s.as_bytes().get(i) {
        let (is_white, len) = if c.is_ascii() {
            (c.is_ascii_whitespace() || c == 0x0b, 1)
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            (ch.is_whitespace(), ch.len_utf8())
        };
        if is_white != white {
            break;
        }
        i += len;
    }
    i
}

/// The length of a word once its trailing `,;:` and then a possessive `'s` or `’s` are cut.
/// Read on bytes: the marks are ASCII, and no byte of a longer character is.
fn kept(w: &[u8]) -> usize {
    let mut n = w.len();
    while n > 0 && matches!(w[n - 1], b',' | b';' | b':') {
        n -= 1;
    }
    let w = &w[..n];
    if w.ends_with(b"'s") {
        n - 2
    } else if w.ends_with("\u{2019}s".as_bytes()) {
        n - 4
    } else {
        n
    }
}

/// The country a phrase names: its longest country form (`South Korean` over `Korean`; of two
/// as long, the later).
pub(crate) fn country(phrase: &str) -> Option<&'static str> {
    let mut best = Country::default();
    grams(phrase, |g, i, _| best.gram(phrase, g, i));
    best.found.map(|b| b.2)
}

/// The sector of a phrase: that of its last word (or pair of words) with one, by first word
/// then length. (The stage asks for it with the country: [`country_and_sector`].)
#[cfg(test)]
fn sector(phrase: &str) -> Option<&'static str> {
    let mut found = Sector::default();
    grams(phrase, |g, i, n| found.gram(phrase.as_bytes(), g, i, n));
    found.found.map(|f| f.1)
}

/// [`country`] and [`sector`] of one phrase, its grams made once.
pub(super) fn country_and_sector(phrase: &str) -> (Option<&'static str>, Option<&'static str>) {
    let (mut c, mut s) = (Country::default(), Sector::default());
    grams(phrase, |g, i, n| {
        c.gram(phrase, g, i);
        s.gram(phrase.as_bytes(), g, i, n);
    });
    (c.found.map(|b| b.2), s.found.map(|f| f.1))
}

/// The country form found so far: its length, first word and country.
#[derive(Default)]
struct Country {
    found: Option<(usize, usize, &'static str)>,
}

impl Country {
    #[inline(always)]
    fn gram(&mut self, phrase: &str, (start, end): (usize, usize), i: usize) {
        let b = &phrase.as_bytes()[start..end];
        // Every form starts with a capital (`Élysée` past ASCII): a gram in lower case is
        // none, whatever its shape.
        let capital = b.first().is_some_and(|&b| !b.is_ascii_lowercase());
        if !capital || !COUNTRY_SHAPES.may_be(b) {
            return;
        }
        let g = &phrase[start..end];
        if let Some(&c) = COUNTRIES.get(g) {
            if self.found.is_none_or(|b| (g.len(), i) >= (b.0, b.1)) {
                self.found = Some((g.len(), i, c));
            }
        }
    }
}

/// The sector word found so far: its first word and length in words, and its sector.
#[derive(Default)]
struct Sector {
    found: Option<((usize, usize), &'static str)>,
}

impl Sector {
    #[inline(always)]
    fn gram(&mut self, phrase: &[u8], (start, end): (usize, usize), i: usize, n: usize) {
        let g = &phrase[start..end];
        if !SECTOR_SHAPES.may_be(g) {
            return;
        }
        let mut buf = [0u8; 40];
        let Some(lower) = crate::lexicon::ascii_lower_bytes(g, &mut buf) else {
            return;
        };
        if let Some(&s) = SECTORS.get(lower) {
            if self.found.is_none_or(|f| (i, n) > f.0) {
                self.found = Some(((i, n), s));
            }
        }
    }
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
            assert_eq!(country_and_sector(phrase), (c, s), "{phrase}");
        }
    }

    /// The grams as they were made before the words were split on bytes: by
    /// `split_whitespace`, each word cut by `str` methods.
    fn grams_by_split(phrase: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut last = [(0usize, 0usize); 3];
        for (j, w) in phrase.split_whitespace().enumerate() {
            let start = w.as_ptr() as usize - phrase.as_ptr() as usize;
            let w = w.trim_end_matches([',', ';', ':']);
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            last[j % 3] = (start, start + w.len());
            for n in 1..=3.min(j + 1) {
                let i = j + 1 - n;
                out.push((phrase[last[i % 3].0..last[j % 3].1].to_string(), i, n));
            }
        }
        out
    }

    #[test]
    fn last_word_is_what_rsplit_gives_first() {
        for s in [
            "Sergey Lavrov",
            "Lavrov",
            "",
            "a ",
            " a",
            "a  b",
            "Café Élysée",
        ] {
            assert_eq!(last_word(s), s.rsplit(' ').next().unwrap_or(""), "{s:?}");
        }
    }

    #[test]
    fn grams_split_as_split_whitespace_splits() {
        let cases = [
            "Russia's Foreign\u{a0}Minister,, Sergey Lavrov;:",
            " \x0bKremlin\u{2019}s \t spokesman's\u{2003}aide ",
            "Élysée\u{2028}Palace 's ’s , U.S.",
            "",
            "   ",
        ];
        for phrase in cases {
            let mut got = Vec::new();
            grams(phrase, |(a, b), i, n| {
                got.push((phrase[a..b].to_string(), i, n))
            });
            assert_eq!(got, grams_by_split(phrase), "{phrase:?}");
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
            grams(phrase, |(a, b), i, n| {
                got.push((phrase[a..b].to_string(), i, n))
            });
            let want: Vec<_> = want
                .into_iter()
                .map(|(g, i, n)| (g.to_string(), i, n))
                .collect();
            assert_eq!(got, want, "{phrase}");
        }
    }
}
