//! Reading one speaker mention into a [`Mention`]: how it refers (a pronoun, a person's name, an
//! organisation, a description headed by a noun of the lexicon, named parties), its name and
//! its title.
//!
//! [`read_mention`] runs the readers in order, each a small function: parentheses out, an
//! appositive split off, then a pronoun, coordinated names, a name (person or organisation) and
//! last a description.

use super::{is_capitalised, is_title_word, lower_string, noun, noun_of, NounKind};
use crate::lexicon::closed::{self, Case, Pronoun};
use crate::text::{WordFilter, WordSet};
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// How a mention refers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reading {
    /// `he`, `she`, `it`, `they`, `we`, `I`.
    Pronoun(Pronoun),
    /// A person's name, with its surname (lower case) and first name if given.
    Person { last: String, first: Option<String> },
    /// An organisation's name.
    Org,
    /// A description headed by a noun of the lexicon (`the minister`, `the ministry`).
    Description {
        head: String,
        kind: NounKind,
        class: Option<&'static str>,
        definite: bool,
    },
    /// Several named parties joined by `and`: `Valdoria and Marest`, `Russia and China`.
    Parties,
    /// Anything else.
    Other,
}

/// A mention read into a name and a title.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub reading: Reading,
    pub name: String,
    pub title: Option<String>,
}

/// The pronouns that can be a whole mention: the subject forms, and the object forms of the
/// third person singular (`him`, `her`; not `me`, `them`), one row per word, in file order.
static PRONOUNS: LazyLock<Vec<Pronoun>> = LazyLock::new(|| {
    let mut out: Vec<Pronoun> = Vec::new();
    for &p in closed::pronouns() {
        let third_singular = p.person == 3 && p.plural == Some(false);
        let whole = p.case == Case::Subject || (p.case == Case::Object && third_singular);
        if whole && !out.iter().any(|q| q.word == p.word) {
            out.push(p);
        }
    }
    out
});

/// Determiners dropped from the front of a mention before its name is read: every row of
/// `determiners.tsv`, and the possessives of the third person or the plural (`his`, `their`,
/// `our`; not `my` or `your`, which only quoted speech uses).
static DETERMINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let determiners = closed::determiners().iter().map(|d| d.word);
    let possessives = closed::pronouns()
        .iter()
        .filter(|p| p.is_possessive_of_others())
        .map(|p| p.word);
    determiners.chain(possessives).collect()
});

/// The bit filter of [`DETERMINERS`] (which hold [`INDEFINITE`]) in lower case: the first
/// word of a mention is most often a name, ruled out with one bit test before the lists are
/// read.
static DETERMINER_FILTER: LazyLock<WordFilter> = LazyLock::new(|| {
    let lower: Vec<Vec<u8>> = DETERMINERS
        .iter()
        .chain(INDEFINITE.iter())
        .map(|w| w.to_ascii_lowercase().into_bytes())
        .collect();
    WordFilter::new(lower.iter().map(Vec::as_slice))
});

/// Whether `word` may be one of [`DETERMINERS`] or [`INDEFINITE`] in any case.
fn may_be_determiner(word: &str) -> bool {
    DETERMINER_FILTER.may_contain_ascii_lower(word.as_bytes())
}

/// Determiners that introduce a new source (`a Western diplomat`, `several officials`).
static INDEFINITE: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    closed::determiners()
        .iter()
        .filter(|d| !d.definite)
        .map(|d| d.word)
        .collect()
});

/// Last words of a company's name (`speakers_corporate_suffixes.tsv`).
pub(super) static CORPORATE_SUFFIXES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!(
        "../../lexicon/speakers_corporate_suffixes.tsv"
    ))
    .filter_map(|r| r.first().copied())
    .collect()
});

/// Words after which a description's head noun is over (`speakers_head_cuts.tsv`), behind
/// their bit filter (most words of a description are none of them).
static HEAD_CUTS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        crate::lexicon::rows(include_str!("../../lexicon/speakers_head_cuts.tsv"))
            .filter_map(|r| r.first().map(|w| w.as_bytes())),
    )
});

/// Gendered title words (`speakers_gender_words.tsv`), true for female, behind a bit filter of
/// the words (most words asked are names, ruled out with one bit test).
static GENDER: LazyLock<(HashMap<&'static [u8], bool>, WordFilter)> = LazyLock::new(|| {
    let words: HashMap<&'static [u8], bool> =
        crate::lexicon::rows(include_str!("../../lexicon/speakers_gender_words.tsv"))
            .filter_map(|r| Some((r.first()?.as_bytes(), *r.get(1)? == "f")))
            .collect();
    let filter = WordFilter::new(words.keys().copied());
    (words, filter)
});

/// The gender of a gendered title word, lower-cased.
fn gender_word(w: &[u8]) -> Option<bool> {
    let (words, filter) = &*GENDER;
    if !filter.may_contain(w) {
        return None;
    }
    words.get(w).copied()
}

/// Reads a mention's text.
pub(super) fn read_mention(s: &str) -> Mention {
    let mut owned = String::new();
    let s = without_parentheses(s, &mut owned);
    let (core, appositive) = split_appositive(s);
    let all_words = words_of(core);
    if let Some(m) = pronoun(&all_words) {
        return m;
    }
    let apposition = appositive
        .map(|a| without_determiner(&words_of(a)).join(" "))
        .filter(|a| !a.is_empty());
    let parts = Parts::new(&all_words, apposition);
    if let Some(m) = parts.coordination() {
        return m;
    }
    let head_word = parts.head_word();
    let head_noun = noun_of(head_word);
    if parts.name_words.is_empty() {
        parts.description(head_word, head_noun)
    } else {
        parts.named(head_noun)
    }
}

/// `s` trimmed, without what stands in parentheses: party labels and states are not part of a
/// name (`Pat McCrory (R)`). The text is copied into `owned` only when it has parentheses.
fn without_parentheses<'a>(s: &'a str, owned: &'a mut String) -> &'a str {
    // By byte: the char search costs more than the few bytes of a mention.
    if !s.as_bytes().contains(&b'(') {
        return s.trim();
    }
    owned.reserve(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => owned.push(c),
            _ => {}
        }
    }
    owned.trim()
}

/// The mention's core and its appositive: what follows the first comma is a title (`Scott
/// Pruitt, the attorney general,`), unless it is a name and the core is not (`Kasaria's
/// ambassador, Yusuf Adeyemi`): then the name is the speaker and the description its title.
fn split_appositive(s: &str) -> (&str, Option<&str>) {
    let Some(i) = memchr::memchr(b',', s.as_bytes()) else {
        return (s, None);
    };
    let (core, appositive) = (&s[..i], s[i + 1..].trim());
    let a = appositive.trim_end_matches([',', ' ']);
    // One to four capitalised words, none a title word; counted without collecting them.
    let mut count = 0;
    let name_like = mention_words(a).all(|w| {
        count += 1;
        count <= 4 && is_capitalised(w) && !is_title_word(strip_possessive(w))
    }) && count >= 1;
    let core_named = mention_words(core)
        .next_back()
        .is_some_and(|w| is_capitalised(strip_possessive(w)));
    if name_like && !core_named {
        (a, Some(core))
    } else {
        (core, Some(appositive))
    }
}

/// A mention that is one pronoun (`he`, `They`).
fn pronoun(words: &[&str]) -> Option<Mention> {
    let [only] = words[..] else { return None };
    let &p = PRONOUNS
        .iter()
        .find(|p| p.word.eq_ignore_ascii_case(only))?;
    Some(Mention {
        reading: Reading::Pronoun(p),
        name: only.to_string(),
        title: None,
    })
}

/// A mention's words split into title and name.
struct Parts<'w, 'a> {
    /// The words after the leading determiners.
    words: &'w [&'a str],
    /// The words before the name: a title, or the whole of a description.
    title_words: &'w [&'a str],
    /// The name: the trailing capitalised words, the last without its possessive ending.
    name_words: Vec<&'a str>,
    /// The appositive without its determiners: a title.
    apposition: Option<String>,
    /// The mention does not open with an indefinite determiner (`a`, `several`).
    definite: bool,
    /// The mention opens with `the`.
    starts_with_the: bool,
}

impl<'w, 'a> Parts<'w, 'a> {
    fn new(all_words: &'w [&'a str], apposition: Option<String>) -> Parts<'w, 'a> {
        let first = all_words.first();
        let definite = !first.is_some_and(|w| may_be_determiner(w) && is_one_of(w, &INDEFINITE));
        let starts_with_the = first.is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let words = without_determiner(all_words);
        let k = name_start(words);
        let mut name_words: Vec<&str> = words[k..].to_vec();
        if let Some(last) = name_words.last_mut() {
            *last = strip_possessive(last);
        }
        Parts {
            words,
            title_words: &words[..k],
            name_words,
            apposition,
            definite,
            starts_with_the,
        }
    }

    /// Several named parties (`Valdoria and Marest agreed`): one group named by the whole
    /// phrase, not a person `Marest` with the title `Valdoria and`; or one company (`Pacific
    /// Gas and Electric Co`).
    fn coordination(&self) -> Option<Mention> {
        let [.., before, joiner] = self.title_words else {
            return None;
        };
        let coordinated = !self.name_words.is_empty()
            && matches!(*joiner, "and" | "&")
            && is_capitalised(strip_possessive(before));
        if !coordinated {
            return None;
        }
        coordinated_names(
            self.words,
            self.title_words,
            &self.name_words,
            &self.apposition,
        )
    }

    /// The head noun: the last word of a name, or else the last word before `of`, `for`,
    /// `who`... (`speakers_head_cuts.tsv`) in the description.
    fn head_word(&self) -> &'a str {
        let head_part: &[&'a str] = if self.name_words.is_empty() {
            let cut = self
                .title_words
                .iter()
                .position(|w| HEAD_CUTS.contains(w.as_bytes()))
                .filter(|&i| i > 0)
                .unwrap_or(self.title_words.len());
            &self.title_words[..cut]
        } else {
            &self.name_words
        };
        head_part.last().map_or("", |w| strip_possessive(w))
    }

    /// A mention with a name: an organisation when its head is an organisation's noun, it is
    /// one word in capitals (`NATO`) or opens with `the` (`the Kremlin`); else a person, with
    /// the words before the name (or the appositive) as title.
    fn named(self, head_noun: Option<(NounKind, Option<&'static str>)>) -> Mention {
        let name = self.name_words.join(" ");
        let org_head =
            head_noun.is_some_and(|(k, _)| k != NounKind::Person && k != NounKind::Group);
        let all_caps = self.name_words.len() == 1
            && name.len() >= 2
            && name
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        let the = self.starts_with_the && self.title_words.is_empty();
        if org_head || all_caps || the {
            return Mention {
                reading: Reading::Org,
                name: self.words.join(" "),
                title: self.apposition,
            };
        }
        let title = if self.title_words.is_empty() {
            self.apposition
        } else {
            Some(self.title_words.join(" "))
        };
        let last = lower_string(strip_possessive(self.name_words[self.name_words.len() - 1]));
        let first = (self.name_words.len() > 1).then(|| lower_string(self.name_words[0]));
        Mention {
            reading: Reading::Person { last, first },
            name,
            title,
        }
    }

    /// A mention without a name: a description when a noun of the lexicon heads it (an
    /// organisation written all in capitals, `the Foreign Ministry`, is a name), else other.
    fn description(
        &self,
        head_word: &str,
        head_noun: Option<(NounKind, Option<&'static str>)>,
    ) -> Mention {
        let text = self.words.join(" ");
        let Some((kind, class)) = head_noun else {
            return Mention {
                reading: Reading::Other,
                name: text,
                title: None,
            };
        };
        let capitalised = self.words.iter().any(|w| is_capitalised(w)) && self.definite;
        if kind == NounKind::Org && capitalised && self.words.iter().all(|w| is_capitalised(w)) {
            return Mention {
                reading: Reading::Org,
                name: text,
                title: None,
            };
        }
        Mention {
            reading: Reading::Description {
                head: lower_string(head_word),
                kind,
                class,
                definite: self.definite,
            },
            name: text.clone(),
            title: (kind == NounKind::Person).then_some(text),
        }
    }
}

/// Where the name starts among `words` (determiners dropped): the trailing run of capitalised
/// words that are not title words, but after the last possessive before its last word
/// (`Cantonal Bank's Fritschi`: what precedes a possessive is an affiliation); no name at all
/// for a lone capitalised plural source noun (`Officials`, `Mediators` opening a sentence: a
/// group, not a name).
fn name_start(words: &[&str]) -> usize {
    let mut k = words.len();
    while k > 0 {
        let w = strip_possessive(words[k - 1]);
        if is_capitalised(w) && !is_title_word(w) {
            k -= 1;
        } else {
            break;
        }
    }
    if k + 1 < words.len() {
        let possessive = words[k..words.len() - 1]
            .iter()
            .rposition(|w| w.ends_with("'s") || w.ends_with("’s"));
        if let Some(p) = possessive {
            k += p + 1;
        }
    }
    let group = k == 0
        && words.len() == 1
        && noun_of(strip_possessive(words[0])).is_some_and(|(kind, _)| kind == NounKind::Group);
    if group {
        words.len()
    } else {
        k
    }
}

/// The reading of a mention whose name follows `X and` (`Valdoria and Marest`, `Pacific Gas
/// and Electric Co`): a company when a corporate suffix or an organisation noun ends it, else
/// a group of named parties; `None` when a title word comes first (`Analyst Jane Roe of
/// Ingalls and Snyder`: a person and her firm), which is read as usual.
fn coordinated_names(
    words: &[&str],
    title_words: &[&str],
    name_words: &[&str],
    apposition: &Option<String>,
) -> Option<Mention> {
    // The names start at the first capitalised word (`co-managing underwriters PaineWebber
    // Inc and Advest Inc`).
    let named_from = words
        .iter()
        .position(|w| is_capitalised(strip_possessive(w)))
        .unwrap_or(0);
    let org_end = name_words.last().is_some_and(|w| {
        let last = lower_string(strip_possessive(w).trim_end_matches('.'));
        CORPORATE_SUFFIXES.contains(last.as_str())
            || noun(&last).is_some_and(|(kind, _)| kind == NounKind::Org)
    });
    if org_end {
        // `Pacific Gas and Electric Co`, `Morgan Stanley and Co`: a company.
        return Some(Mention {
            reading: Reading::Org,
            name: words[named_from..].join(" "),
            title: apposition.clone(),
        });
    }
    if title_words
        .iter()
        .any(|w| is_title_word(strip_possessive(w)))
    {
        return None;
    }
    let mut all: Vec<&str> = words[named_from..].to_vec();
    if let Some(last) = all.last_mut() {
        *last = strip_possessive(last);
    }
    Some(Mention {
        reading: Reading::Parties,
        name: all.join(" "),
        title: apposition.clone(),
    })
}

/// The gender a mention's title words show (`Mrs.`, `spokeswoman` -> female).
pub(super) fn gender_of(s: &str) -> Option<bool> {
    let mut buf = [0; 32];
    if s.is_ascii() {
        return whitespace_words(s).find_map(|w| ascii_gender_of(w.as_bytes(), &mut buf));
    }
    for w in words(s) {
        let found = if w.is_ascii() {
            ascii_gender_of(w.as_bytes(), &mut buf)
        } else {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_lowercase();
            gender_word(w.as_bytes())
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The gender an ASCII word of a mention shows (`Mrs.`, `spokeswoman`), lower-cased in `buf`.
fn ascii_gender_of(w: &[u8], buf: &mut [u8; 32]) -> Option<bool> {
    // Trimmed by bytes: for ASCII the same as the `char` test of a word past ASCII.
    let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.';
    let start = w.iter().position(keep).unwrap_or(w.len());
    let end = w.iter().rposition(keep).map_or(start, |e| e + 1);
    let w = &w[start..end];
    // Most words of a mention are names: the filter rules them out before any lower-casing.
    if !GENDER.1.may_contain_ascii_lower(w) {
        return None;
    }
    // No entry is longer than the buffer: a longer word is none of them.
    gender_word(crate::lexicon::ascii_lower_bytes(w, buf)?)
}

/// The words of `s` between white space, as [`str::split_whitespace`] gives them. An ASCII
/// string is split on its bytes, with no char decoded: the decoding was most of the cost of
/// reading a name's few words, several times per speaker.
pub(super) fn whitespace_words(s: &str) -> WhitespaceWords<'_> {
    WhitespaceWords {
        s,
        at: 0,
        ascii: s.is_ascii(),
    }
}

/// The iterator of [`whitespace_words`].
pub(super) struct WhitespaceWords<'s> {
    s: &'s str,
    /// Where the rest of `s` starts.
    at: usize,
    ascii: bool,
}

impl<'s> Iterator for WhitespaceWords<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        if !self.ascii {
            return self.next_past_ascii();
        }
        // The ASCII chars `char::is_whitespace` holds: tab to carriage return, and space.
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) {
            i += 1;
        }
        self.at = i;
        // Both ends are ASCII bytes, char boundaries.
        (start < i).then(|| &self.s[start..i])
    }
}

impl<'s> WhitespaceWords<'s> {
    /// [`Iterator::next`] of a string past ASCII, on its chars.
    #[inline(never)]
    fn next_past_ascii(&mut self) -> Option<&'s str> {
        let rest = &self.s[self.at..];
        let start = rest.len() - rest.trim_start().len();
        if start == rest.len() {
            return None;
        }
        let len = rest[start..].find(char::is_whitespace);
        let end = start + len.unwrap_or(rest.len() - start);
        self.at += end;
        Some(&rest[start..end])
    }
}

/// The words of `s` between whitespace, as `split_whitespace` gives them, but split byte by
/// byte when `s` is ASCII without a vertical tab (nearly always): the one ASCII space
/// `split_ascii_whitespace` does not split at.
pub(super) fn words(s: &str) -> Words<'_> {
    // Every byte tested without a branch, in a loop the compiler vectorises: a mention runs
    // to a few dozen bytes, and is nearly always plain.
    let odd = s
        .bytes()
        .fold(false, |odd, b| odd | (b >= 0x80) | (b == 0x0B));
    if !odd {
        Words::Ascii(s.split_ascii_whitespace())
    } else {
        Words::Unicode(s.split_whitespace())
    }
}

/// The iterator [`words`] returns.
#[derive(Clone)]
pub(super) enum Words<'a> {
    Ascii(std::str::SplitAsciiWhitespace<'a>),
    Unicode(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Ascii(w) => w.next(),
            Words::Unicode(w) => w.next(),
        }
    }
}

impl<'a> DoubleEndedIterator for Words<'a> {
    fn next_back(&mut self) -> Option<&'a str> {
        match self {
            Words::Ascii(w) => w.next_back(),
            Words::Unicode(w) => w.next_back(),
        }
    }
}

/// The words of a mention: [`words`] without the punctuation stuck to them, empty ones left
/// out.
fn mention_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    words(s).map(trim_punctuation).filter(|w| !w.is_empty())
}

fn words_of(s: &str) -> Vec<&str> {
    // Room for the words of most mentions at once: a collected filter starts at four.
    let mut out = Vec::with_capacity(8);
    // split by a byte loop when ASCII (nearly always)
    out.extend(
        whitespace_words(s)
            .map(trim_punctuation)
            .filter(|w| !w.is_empty()),
    );
    out
}

/// `w` without the punctuation that can stick to a word of a mention: `,;:()"“”`. Tested
/// byte by byte: the curly quotes are the only non-ASCII ones, both three bytes from 0xE2.
fn trim_punctuation(mut w: &str) -> &str {
    loop {
        match w.as_bytes().first() {
            Some(b',' | b';' | b':' | b'(' | b')' | b'"') => w = &w[1..],
            Some(0xE2) if w.starts_with(['“', '”']) => w = &w[3..],
            _ => break,
        }
    }
    loop {
        match w.as_bytes().last() {
            Some(b',' | b';' | b':' | b'(' | b')' | b'"') => w = &w[..w.len() - 1],
            Some(0x9C | 0x9D) if w.ends_with(['“', '”']) => w = &w[..w.len() - 3],
            _ => break,
        }
    }
    w
}

#[inline]
pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// Whether `word` is one of `list` (lower-case ASCII words without `k`) in any case. No
/// non-ASCII letter lower-cases to an ASCII letter other than `k` (the Kelvin sign), so this
/// equals comparing `word.to_lowercase()`.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|e| e.eq_ignore_ascii_case(word))
}

fn without_determiner<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let mut w = words;
    while let Some((first, rest)) = w.split_first() {
        if may_be_determiner(first) && is_one_of(first, &DETERMINERS) && !rest.is_empty() {
            w = rest;
        } else {
            break;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_words_split_as_split_whitespace() {
        for s in [
            "",
            "  ",
            "Sergey Lavrov",
            " the\tU.S.\x0benvoy\r\n said ",
            "Мария\u{a0}Захарова\u{2003}said",
            "São  Paulo\x0c",
            "a\x1fb",
        ] {
            let words: Vec<&str> = whitespace_words(s).collect();
            assert_eq!(words, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    /// The byte loop of [`words_of`] gives the words the splitting iterators give, for ASCII
    /// white space of every kind (the vertical tab too), punctuation and non-ASCII text.
    #[test]
    fn words_of_splits_as_split_whitespace() {
        for s in [
            "Comissaria Smith",
            "  the  company's  (\"chairman\"),  ",
            "a\tb\nc\x0Bd\x0Ce\rf",
            "\"“Lavrov”\" ,; said",
            "",
            "  ,  ",
            "Añez\u{a0}Chávez and  Li",
        ] {
            let want: Vec<&str> = mention_words(s).collect();
            assert_eq!(words_of(s), want, "{s:?}");
            if s.is_ascii() {
                let split: Vec<&str> = s.split_whitespace().collect();
                assert_eq!(whitespace_words(s).collect::<Vec<_>>(), split, "{s:?}");
            }
        }
    }
}
