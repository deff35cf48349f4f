//! Who a speaker is beyond its story: its country, its role and its key.
//!
//! - `country` (ISO 3166-1 alpha-3) comes from the story's own words about the speaker: its
//!   title (`Russian Foreign Minister`), its name when that is a description or a body
//!   (`the U.S. envoy`, `Beijing`, `the Kremlin`) and the words before its name in each
//!   mention (`Kremlin spokesman Dmitry Peskov`), read against the country forms (names,
//!   demonyms, capitals, seats of government) of `events_countries.tsv`, as the events stage
//!   reads its actors. A person's own name is never read for a country (`Michael Jordan`).
//! - `role`: the office or function its title or description names, from the table of
//!   offices and titles `speakers_roles.tsv` (the vocabulary of [`SpeakerRole`]).
//! - `key`: see [`super::key`].

use super::key::{self, may_end_country, may_start_country};
use super::mention::whitespace_words;
use super::Entity;
use crate::analyse::events::country;
use crate::span::Span;
use crate::text::WordFilter;
use crate::vocab::{SpeakerKind, SpeakerRole};
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A speaker's identity across stories.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// The key of the person or body, the same in every story (see [`super::key`]).
    pub key: Option<String>,
    /// ISO 3166-1 alpha-3 code of the speaker's country, where the story tells it.
    pub country: Option<&'static str>,
    /// The speaker's office or function.
    pub role: Option<SpeakerRole>,
}

/// One row of `speakers_roles.tsv`: the role, and the role when the phrase is in lower case
/// and the speaker has no country.
type RoleRow = (SpeakerRole, Option<SpeakerRole>);

/// Phrases of offices and titles (lower case, words separated by one space) -> roles.
static ROLES: LazyLock<HashMap<String, RoleRow>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/speakers_roles.tsv")) {
        let (Some(phrase), Some(role)) = (row.first(), row.get(1)) else {
            continue;
        };
        let Some(role) = SpeakerRole::from_name(role) else {
            continue;
        };
        let plain = row.get(2).and_then(|r| SpeakerRole::from_name(r));
        map.insert(phrase.replace('-', " "), (role, plain));
    }
    map
});

/// The words of the role table's phrases: a group of words holding any other word is no
/// phrase of it, and is not looked up.
static ROLE_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| ROLES.keys().flat_map(|phrase| phrase.split(' ')).collect());

/// The last words of the role table's phrases: a phrase none of whose words may be one names
/// no role, and is not read further (most phrases: `he`, `the company`, `Baker`).
static ROLE_ENDS: LazyLock<WordFilter> = LazyLock::new(|| {
    WordFilter::new(
        ROLES
            .keys()
            .filter_map(|phrase| phrase.rsplit(' ').next())
            .map(str::as_bytes),
    )
});

/// The longest phrase of the role table, in words.
const MAX_ROLE_WORDS: usize = 5;

/// Prepositions after which a description's head is over (`spokesman for the company`).
const PREPOSITIONS: [&str; 8] = ["for", "of", "at", "in", "with", "from", "to", "on"];

/// The identity of an entity of the story `text`.
pub fn identify(text: &str, e: &Entity) -> Identity {
    let mut name_words = whitespace_words(&e.name);
    let first = name_words.next();
    let last = name_words.last().or(first);
    let described = is_description(e, last);
    // The phrases that speak about the speaker, nearest to it first, each with what it may
    // name: most name nothing, and are not looked up.
    let mut phrases: Vec<(&str, Hints)> = Vec::with_capacity(e.mentions.len() + 2);
    phrases.extend(e.title.as_deref().map(|t| (t, hints(t))));
    if described || e.kind != SpeakerKind::Person {
        phrases.push((&e.name, hints(&e.name)));
    }
    // A phrase met again, or an empty one (a mention that is the name alone), tells nothing
    // new: most mentions repeat (`Lavrov`, `Lavrov`), and each phrase costs a look-up of
    // every word group.
    for &m in &e.mentions {
        let p = before_name(text, m, e, first);
        if !p.trim().is_empty() && !phrases.iter().any(|&(q, _)| q == p) {
            phrases.push((p, hints(p)));
        }
    }
    let nation = phrases
        .iter()
        .filter(|(_, h)| h.country)
        .find_map(|&(p, _)| country(p));
    let role = phrases
        .iter()
        .filter(|(_, h)| h.role)
        .find_map(|&(p, _)| role_of_words(p, nation.is_some()));
    Identity {
        key: key::key(&e.name, e.kind),
        country: nation,
        role,
    }
}

/// What a phrase may name, told from one pass over its words before any look-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hints {
    /// A word that may start a country form comes at or before one that may end one (the
    /// test of `key::country_in`).
    country: bool,
    /// A word (as [`role_words`] reads it) may end a phrase of the role table.
    role: bool,
}

/// The [`Hints`] of `phrase`. Role words are split at hyphens too, as [`split_words`] splits
/// them; a word past ASCII may end any role phrase.
fn hints(phrase: &str) -> Hints {
    let ascii = phrase.is_ascii();
    let mut started = false;
    let mut h = Hints {
        country: false,
        role: false,
    };
    for w in whitespace_words(phrase) {
        started |= may_start_country(w);
        h.country = h.country || started && may_end_country(w);
        h.role = h.role
            || match ascii && !w.as_bytes().contains(&b'-') {
                // Most words hold no hyphen: no split.
                true => may_end_role(w, true),
                false => w.split('-').any(|part| may_end_role(part, ascii)),
            };
    }
    h
}

/// Whether a part of a phrase between white space and hyphens, read as [`role_words`] reads
/// it, may end a phrase of the role table.
fn may_end_role(part: &str, ascii: bool) -> bool {
    let part = role_word(part, ascii);
    !part.is_empty() && (!ascii || ROLE_ENDS.may_contain_ascii_lower(part.as_bytes()))
}

/// Whether a person entity is named by a description (`spokesman`, `a Western diplomat`);
/// `last` is the last word of its name.
fn is_description(e: &Entity, last: Option<&str>) -> bool {
    e.kind == SpeakerKind::Person && !e.name.starts_with(char::is_uppercase)
        || last.is_some_and(|w| !w.starts_with(char::is_uppercase))
}

/// The words of a mention before the speaker's name (all of it when it holds no word of the
/// name): what the mention says about the speaker. `first` is the first word of the name.
fn before_name<'t>(text: &'t str, m: Span, e: &Entity, first: Option<&str>) -> &'t str {
    let s = m.slice(text);
    if e.kind != SpeakerKind::Person {
        return s;
    }
    // Most mentions are the name, or start with its first word: nothing comes before it.
    if first.is_some_and(|w| s.starts_with(w)) {
        return "";
    }
    // The first word of the name that the mention holds, where the mention first holds it.
    let at = whitespace_words(&e.name).find_map(|w| find(s, w));
    at.map_or(s, |i| &s[..i])
}

/// Where `needle` first is in `haystack` (`str::find`): a mention and a name's word are a few
/// bytes, too few to be worth the set-up of `str::find`'s two-way search.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    // A match of one UTF-8 string in another starts and ends at char boundaries.
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i..].starts_with(n))
}

/// One word of a phrase read for its role: its lower-case form, as a range of the phrase's
/// lower-case words, whether it is written capitalised, and whether it is a word of the
/// role table.
struct RoleWord {
    start: usize,
    end: usize,
    capital: bool,
    known: bool,
}

/// The role a phrase names (which [`hints`] may tell it does not): the role phrase that ends last before any preposition that is
/// not inside it, the longest of those ending there. A phrase in lower case gives its plain
/// role (`company president`) when the speaker has no country.
fn role_of_words(phrase: &str, has_country: bool) -> Option<SpeakerRole> {
    let (lower, words) = role_words(phrase);
    // Every role phrase is made of known words (most phrases have none).
    if !words.iter().any(|w| w.known) {
        return None;
    }
    let head_end = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&&lower[w.start..w.end]))
        .unwrap_or(words.len());
    let mut best: Option<(usize, usize, RoleRow, bool)> = None;
    for end in 0..words.len() {
        for n in 1..=MAX_ROLE_WORDS.min(end + 1) {
            let start = end + 1 - n;
            // every longer group holds this word too
            if !words[start].known {
                break;
            }
            if start > head_end {
                continue;
            }
            let gram = &lower[words[start].start..words[end].end];
            if let Some(&row) = ROLES.get(gram) {
                let capital = words[start..=end].iter().any(|w| w.capital);
                if best.is_none_or(|b| (end, n) >= (b.0, b.1)) {
                    best = Some((end, n, row, capital));
                }
            }
        }
    }
    let (_, _, (role, plain), capital) = best?;
    Some(match plain {
        Some(p) if !has_country && !capital => p,
        _ => role,
    })
}

/// A part of a phrase as [`role_of_words`] reads it: without the bytes at its ends that are neither
/// letters, digits nor periods, a possessive `'s`, and the periods at its end.
fn role_word(w: &str, ascii: bool) -> &str {
    let w = match ascii {
        true => trim_ascii_word(w),
        false => w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
    };
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    w.trim_end_matches('.')
}

/// The words of a phrase as [`role_of_words`] reads them, and their lower-case forms joined by single
/// spaces as the table's phrases are: a group of words is one slice of it, looked up with no
/// string built for it.
fn role_words(phrase: &str) -> (String, Vec<RoleWord>) {
    let mut lower = String::with_capacity(phrase.len());
    let mut words: Vec<RoleWord> = Vec::with_capacity(8);
    let ascii = phrase.is_ascii();
    split_words(phrase, |w| {
        let w = role_word(w, ascii);
        if w.is_empty() {
            return;
        }
        if !words.is_empty() {
            lower.push(' ');
        }
        let start = lower.len();
        push_lower(&mut lower, w);
        let known = ROLE_WORDS.contains(&lower[start..]);
        words.push(RoleWord {
            start,
            end: lower.len(),
            capital: w.starts_with(char::is_uppercase),
            known,
        });
    });
    (lower, words)
}

/// Calls `each` on the parts of `phrase` between white space and hyphens, as
/// `phrase.split(|c: char| c.is_whitespace() || c == '-')` gives them; an ASCII phrase is
/// split on its bytes, with no char decoded.
fn split_words<'p>(phrase: &'p str, mut each: impl FnMut(&'p str)) {
    if !phrase.is_ascii() {
        phrase
            .split(|c: char| c.is_whitespace() || c == '-')
            .for_each(each);
        return;
    }
    // The ASCII chars `char::is_whitespace` holds: tab to carriage return, and space.
    let separator = |b: u8| matches!(b, b'\t'..=b'\r' | b' ' | b'-');
    let mut start = 0;
    for (i, b) in phrase.bytes().enumerate() {
        if separator(b) {
            each(&phrase[start..i]);
            start = i + 1;
        }
    }
    each(&phrase[start..]);
}

/// An ASCII word without the bytes at its ends that are neither letters, digits nor periods:
/// `trim_matches` of the same test on chars, without decoding them.
fn trim_ascii_word(word: &str) -> &str {
    let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.';
    let bytes = word.as_bytes();
    let start = bytes.iter().position(keep).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(keep).map_or(start, |last| last + 1);
    &word[start..end]
}

/// Appends `word` in lower case (`to_lowercase`), in place when it is ASCII.
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role of a phrase, as [`identify`] reads it.
    fn role(phrase: &str, has_country: bool) -> Option<SpeakerRole> {
        hints(phrase)
            .role
            .then(|| role_of_words(phrase, has_country))
            .flatten()
    }

    #[test]
    fn roles_of_titles() {
        let cases = [
            (
                "Russian Foreign Minister",
                true,
                Some(SpeakerRole::ForeignMinister),
            ),
            (
                "Deputy Foreign Minister",
                true,
                Some(SpeakerRole::DeputyMinister),
            ),
            (
                "Foreign Ministry spokesman",
                true,
                Some(SpeakerRole::Spokesperson),
            ),
            (
                "Prime Minister's spokeswoman",
                true,
                Some(SpeakerRole::Spokesperson),
            ),
            (
                "Secretary of State",
                false,
                Some(SpeakerRole::ForeignMinister),
            ),
            ("President", false, Some(SpeakerRole::HeadOfState)),
            ("Chinese president", true, Some(SpeakerRole::HeadOfState)),
            ("company president", false, Some(SpeakerRole::Executive)),
            (
                "spokesman for the company",
                false,
                Some(SpeakerRole::Spokesperson),
            ),
            (
                "Chancellor of the Exchequer",
                false,
                Some(SpeakerRole::Minister),
            ),
            ("U.S. Senator", true, Some(SpeakerRole::Legislator)),
            (
                "the Russian Foreign Ministry",
                true,
                Some(SpeakerRole::ForeignMinistry),
            ),
            ("a Western diplomat", false, Some(SpeakerRole::Diplomat)),
            ("Vice-President", false, Some(SpeakerRole::Official)),
            ("the weather", false, None),
        ];
        for (phrase, has_country, want) in cases {
            assert_eq!(role(phrase, has_country), want, "{phrase}");
        }
    }

    #[test]
    fn every_role_row_names_a_role() {
        for row in crate::lexicon::rows(include_str!("../../lexicon/speakers_roles.tsv")) {
            for r in &row[1..] {
                assert!(SpeakerRole::from_name(r).is_some(), "{row:?}");
            }
        }
        for r in SpeakerRole::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }

    /// The test of [`hints`] rejects no phrase that names a role or a country.
    #[test]
    fn role_filter_keeps_every_role() {
        let mut phrases: Vec<String> = Vec::new();
        for phrase in ROLES.keys() {
            let capital = phrase
                .split(' ')
                .map(|w| {
                    let mut chars = w.chars();
                    chars.next().map_or(String::new(), |c| {
                        c.to_uppercase().collect::<String>() + chars.as_str()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
            for p in [phrase.clone(), capital, phrase.replace(' ', "-")] {
                phrases.push(format!("the {p}"));
                phrases.push(format!("{p}'s deputy"));
                phrases.push(format!("\"{p}.\" for the company"));
                phrases.push(format!("Czech {p}"));
                phrases.push(p.to_uppercase());
                phrases.push(p);
            }
        }
        phrases.extend(
            [
                "Russian Foreign Minister",
                "the U.S. envoy",
                "South Korea's trade minister",
                "Kremlin spokesman",
                "he",
                "The company",
                "Baker",
                "the weather",
                "Société Générale",
            ]
            .map(String::from),
        );
        for form in crate::analyse::events::COUNTRIES.keys() {
            phrases.push(format!("the {form}'s envoy"));
            phrases.push(format!("{form}-based analysts, {form}:"));
            phrases.push(form.replace(' ', "\t"));
        }
        for p in &phrases {
            for has_country in [false, true] {
                assert_eq!(role(p, has_country), role_of_words(p, has_country), "{p}");
            }
            let nation = hints(p).country.then(|| country(p)).flatten();
            assert_eq!(nation, country(p), "{p}");
        }
    }

    fn entity(text: &str, name: &str, title: Option<&str>, kind: SpeakerKind) -> Entity {
        let start = text.find(name).unwrap_or(0);
        Entity {
            name: name.to_string(),
            kind,
            title: title.map(str::to_string),
            mentions: vec![Span::new(0, start + name.len())],
        }
    }

    #[test]
    fn identities_of_speakers() {
        let text = "Kremlin spokesman Dmitry Peskov said";
        let e = entity(text, "Dmitry Peskov", None, SpeakerKind::Person);
        let id = identify(text, &e);
        assert_eq!(id.country, Some("RUS"));
        assert_eq!(id.role, Some(SpeakerRole::Spokesperson));
        assert_eq!(id.key.as_deref(), Some("person:dmitry-peskov"));
        // A person's own name is not read for a country.
        let text = "Michael Jordan said";
        let e = entity(text, "Michael Jordan", None, SpeakerKind::Person);
        assert_eq!(identify(text, &e).country, None);
        let text = "the U.S. envoy said";
        let e = entity(text, "U.S. envoy", None, SpeakerKind::Person);
        let id = identify(text, &e);
        assert_eq!(
            (id.country, id.role),
            (Some("USA"), Some(SpeakerRole::Diplomat))
        );
        assert_eq!(id.key, None);
    }
}
