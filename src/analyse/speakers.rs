//! Speaker entities: every mention of one real-world source grouped under one canonical name.
//!
//! Each speaker mention the attribution finds is read into a name, a title and a head noun,
//! then resolved against the speakers met so far:
//!
//! - a named person by surname (`Lavrov` joins `Russian Foreign Minister Sergey Lavrov`,
//!   unless both give different first names);
//! - a named organisation by its name without articles;
//! - a definite description by its head noun against the most recent compatible speaker
//!   (`the minister` -> the last person titled minister; `the diplomatic agency` -> the last
//!   organisation of the ministry class; `the statement` -> the last organisation);
//! - a pronoun by the most recent compatible speaker (`he` -> a person, `it` -> an
//!   organisation, `they` -> a group or organisation);
//! - an indefinite description (`a Western diplomat`, `sources`) is a new source.
//!
//! Resolution looks only at a small window of recently used speakers and at hash maps, so it
//! is linear in the number of mentions. The canonical name is the fullest name used.

use crate::lexicon::ascii_lower_bytes;
use crate::output::record::SpeakerKind;
use crate::span::Span;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// One source with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest name the story uses.
    pub name: String,
    /// Person, organization, group or unknown.
    pub kind: SpeakerKind,
    /// Title or role, where given.
    pub title: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Span>,
}

/// What a speaker noun heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounKind {
    Person,
    Org,
    Doc,
    Group,
}

struct Noun {
    kind: NounKind,
    class: Option<&'static str>,
}

static NOUNS: LazyLock<HashMap<String, Noun>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for row in crate::lexicon::rows(include_str!("../lexicon/speaker_nouns.tsv")) {
        let Some(&word) = row.first() else { continue };
        let kind = match row.get(1).copied() {
            Some("person") => NounKind::Person,
            Some("org") => NounKind::Org,
            Some("doc") => NounKind::Doc,
            Some("group") => NounKind::Group,
            _ => continue,
        };
        let class = row.get(2).copied().filter(|c| !c.is_empty());
        m.entry(word.to_string()).or_insert(Noun { kind, class });
    }
    m
});

/// Words that may stand before a name without being part of it: titles and the person nouns
/// of the speaker lexicon, in one set so that a word costs one look-up.
static TITLE_WORDS: LazyLock<HashSet<&'static [u8]>> = LazyLock::new(|| {
    let mut set: HashSet<&'static [u8]> =
        crate::lexicon::rows(include_str!("../lexicon/titles.tsv"))
            .filter_map(|r| r.first().map(|w| w.as_bytes()))
            .collect();
    for row in crate::lexicon::rows(include_str!("../lexicon/speaker_nouns.tsv")) {
        // The first row of a word decides its kind, as in `NOUNS`.
        if let Some(&word) = row.first() {
            if NOUNS.get(word).is_some_and(|n| n.kind == NounKind::Person) {
                set.insert(word.as_bytes());
            }
        }
    }
    set
});

/// Lower-case `word` for a look-up: in `buf`, without allocating, when it is short ASCII (the
/// usual case), else with `to_lowercase` (which may change non-ASCII letters and lengths).
fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if word.is_ascii() {
        if let Some(w) = crate::lexicon::ascii_lower(word, buf) {
            return Cow::Borrowed(w);
        }
    }
    Cow::Owned(word.to_lowercase())
}

/// The lexicon entry for a (lower-case) noun, with plurals read as groups.
fn noun(word: &str) -> Option<(NounKind, Option<&'static str>)> {
    if let Some(n) = NOUNS.get(word) {
        return Some((n.kind, n.class));
    }
    // The singular is built on the stack: most words that end in `s` are looked up again.
    let mut buf = [0u8; 32];
    let singular = if let Some(stem) = word.strip_suffix("ies") {
        joined(stem, "y", &mut buf)
    } else if let Some(stem) = word.strip_suffix("men") {
        joined(stem, "man", &mut buf)
    } else {
        Cow::Borrowed(word.strip_suffix('s')?)
    };
    let n = NOUNS.get(singular.as_ref())?;
    Some(match n.kind {
        NounKind::Person => (NounKind::Group, None),
        k => (k, n.class),
    })
}

/// `stem` then `ending`, in `buf` when it fits.
fn joined<'b>(stem: &'b str, ending: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    let len = stem.len() + ending.len();
    if let Some(out) = buf.get_mut(..len) {
        out[..stem.len()].copy_from_slice(stem.as_bytes());
        out[stem.len()..].copy_from_slice(ending.as_bytes());
        if let Ok(s) = std::str::from_utf8(out) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(format!("{stem}{ending}"))
}

/// Whether a lower-case word heads a mention of a source (`minister`, `ministry`,
/// `officials`, `statement`).
pub(crate) fn is_source_noun(word: &str) -> bool {
    noun(word).is_some()
}

/// Whether a lower-case word names a document (`statement`, `report`, `poll`).
pub(crate) fn is_doc_noun(word: &str) -> bool {
    noun(word).is_some_and(|(k, _)| k == NounKind::Doc)
}

fn is_title_word(word: &str) -> bool {
    // Non-ASCII words take `to_lowercase`, which also lower-cases their non-ASCII letters.
    let mut buf = [0; 32];
    match ascii_lower_bytes(word.as_bytes(), &mut buf).filter(|_| word.is_ascii()) {
        Some(w) => TITLE_WORDS.contains(w),
        None => TITLE_WORDS.contains(word.to_lowercase().as_bytes()),
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "some", "several", "many", "other", "two", "three",
    "these", "those", "this", "that", "its", "his", "her", "their", "our", "both", "all",
];

const INDEFINITE: &[&str] = &[
    "a", "an", "another", "one", "some", "several", "many", "other", "two", "three", "both", "all",
];

/// How a mention refers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reading {
    /// `he`, `she`, `it`, `they`, `we`, `I`.
    Pronoun(&'static str),
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

/// Last words of a company's name (`Morgan Stanley and Co`, `Gulf Resources and Chemical
/// Corp`), lower case, without the period.
const CORPORATE_SUFFIXES: &[&str] = &[
    "co", "cos", "corp", "inc", "ltd", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "spa", "gmbh",
    "bhd",
];

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
        let last = strip_possessive(w).trim_end_matches('.').to_lowercase();
        CORPORATE_SUFFIXES.contains(&last.as_str())
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

/// A mention read into a name and a title.
#[derive(Debug, Clone)]
struct Mention {
    reading: Reading,
    name: String,
    title: Option<String>,
}

/// The words of `s` between whitespace, as `split_whitespace` gives them, but split byte by
/// byte when `s` is ASCII without a vertical tab (nearly always): the one ASCII space
/// `split_ascii_whitespace` does not split at.
fn words(s: &str) -> Words<'_> {
    if s.is_ascii() && !s.as_bytes().contains(&0x0B) {
        Words::Ascii(s.split_ascii_whitespace())
    } else {
        Words::Unicode(s.split_whitespace())
    }
}

/// The iterator [`words`] returns.
enum Words<'a> {
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

fn words_of(s: &str) -> Vec<&str> {
    // Room for the words of most mentions at once: a collected filter starts at four.
    let mut out = Vec::with_capacity(8);
    out.extend(words(s).map(trim_punctuation).filter(|w| !w.is_empty()));
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

fn strip_possessive(w: &str) -> &str {
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
        if is_one_of(first, DETERMINERS) && !rest.is_empty() {
            w = rest;
        } else {
            break;
        }
    }
    w
}

/// Reads a mention's text.
fn read_mention(s: &str) -> Mention {
    // Parenthesised party labels and states are not part of a name: `Pat McCrory (R)`.
    let owned;
    let s = if s.contains('(') {
        let mut out = String::with_capacity(s.len());
        let mut depth = 0usize;
        for c in s.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        owned = out;
        owned.trim()
    } else {
        s.trim()
    };
    // An appositive after a comma is a title: `Scott Pruitt, the attorney general,`.
    let (core, appositive) = match s.find(',') {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    // `Kasaria's ambassador, Yusuf Adeyemi`: a description then a name in apposition; the
    // name is the speaker and the description its title.
    let (core, appositive) = match appositive {
        Some(a) => {
            let a = a.trim_end_matches([',', ' ']);
            let aw = words_of(a);
            let name_like = (1..=4).contains(&aw.len())
                && aw
                    .iter()
                    .all(|w| is_capitalised(w) && !is_title_word(strip_possessive(w)));
            let core_named = words_of(core)
                .last()
                .is_some_and(|w| is_capitalised(strip_possessive(w)));
            if name_like && !core_named {
                (a, Some(core))
            } else {
                (core, appositive)
            }
        }
        None => (core, None),
    };
    let all_words = words_of(core);
    let words = &all_words[..];
    let apposition = appositive
        .map(|a| without_determiner(&words_of(a)).join(" "))
        .filter(|a| !a.is_empty());
    if let [only] = words[..] {
        const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "him", "her"];
        if let Some(&p) = PRONOUNS.iter().find(|p| p.eq_ignore_ascii_case(only)) {
            return Mention {
                reading: Reading::Pronoun(p),
                name: words[0].to_string(),
                title: None,
            };
        }
    }
    let definite = !words.first().is_some_and(|w| is_one_of(w, INDEFINITE));
    let starts_with_the = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let words = without_determiner(&all_words);
    // The name: the trailing run of capitalised words that are not title words.
    let mut k = words.len();
    while k > 0 {
        let w = strip_possessive(words[k - 1]);
        if is_capitalised(w) && !is_title_word(w) {
            k -= 1;
        } else {
            break;
        }
    }
    // `Cantonal Bank's Fritschi`: what precedes a possessive is an affiliation, not a name.
    let k = if k + 1 < words.len() {
        match words[k..words.len() - 1]
            .iter()
            .rposition(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            Some(p) => k + p + 1,
            None => k,
        }
    } else {
        k
    };
    // `Officials`, `Mediators` opening a sentence: a capitalised plural source noun is a
    // description of a group, not a name.
    let k = if k == 0
        && words.len() == 1
        && noun(&lower(strip_possessive(words[0]), &mut [0; 32]))
            .is_some_and(|(kind, _)| kind == NounKind::Group)
    {
        words.len()
    } else {
        k
    };
    let mut name_words: Vec<&str> = words[k..].to_vec();
    if let Some(last) = name_words.last_mut() {
        *last = strip_possessive(last);
    }
    let name_words = &name_words[..];
    let title_words = &words[..k];
    // Several named parties (`Valdoria and Marest agreed`): one group named by the whole
    // phrase, not a person `Marest` with the title `Valdoria and`.
    if let [.., before, joiner] = title_words {
        let coordinated = !name_words.is_empty()
            && matches!(*joiner, "and" | "&")
            && is_capitalised(strip_possessive(before));
        if coordinated {
            if let Some(mention) = coordinated_names(words, title_words, name_words, &apposition) {
                return mention;
            }
        }
    }
    // The head noun: the last word before `of`/`for`/`at`... in the non-name part, or the
    // last word of a name.
    let head_part: &[&str] = if name_words.is_empty() {
        let cut = title_words
            .iter()
            .position(|w| {
                matches!(
                    *w,
                    "of" | "for" | "at" | "in" | "from" | "on" | "with" | "who" | "which" | "to"
                )
            })
            .filter(|&i| i > 0)
            .unwrap_or(title_words.len());
        &title_words[..cut]
    } else {
        name_words
    };
    let head_word = head_part.last().map_or("", |w| strip_possessive(w));
    let head_noun = noun(&lower(head_word, &mut [0; 32]));
    if !name_words.is_empty() {
        let name = name_words.join(" ");
        let org_head =
            head_noun.is_some_and(|(k, _)| k != NounKind::Person && k != NounKind::Group);
        let all_caps = name_words.len() == 1
            && name.len() >= 2
            && name
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        let the = starts_with_the && title_words.is_empty();
        if org_head || all_caps || the {
            let full = words.join(" ");
            let (kind, class) = head_noun.unwrap_or((NounKind::Org, None));
            let _ = (kind, class);
            return Mention {
                reading: Reading::Org,
                name: full,
                title: apposition,
            };
        }
        let title = if title_words.is_empty() {
            apposition
        } else {
            Some(title_words.join(" "))
        };
        let last = strip_possessive(name_words[name_words.len() - 1]).to_lowercase();
        let first = (name_words.len() > 1).then(|| name_words[0].to_lowercase());
        return Mention {
            reading: Reading::Person { last, first },
            name,
            title,
        };
    }
    let text = words.join(" ");
    match head_noun {
        Some((kind, class)) => {
            // An organisation written with capitals (`the Foreign Ministry`) is a name.
            let capitalised = words.iter().any(|w| is_capitalised(w)) && definite;
            if kind == NounKind::Org && capitalised && words.iter().all(|w| is_capitalised(w)) {
                return Mention {
                    reading: Reading::Org,
                    name: text,
                    title: None,
                };
            }
            Mention {
                reading: Reading::Description {
                    head: head_word.to_lowercase(),
                    kind,
                    class,
                    definite,
                },
                name: text.clone(),
                title: (kind == NounKind::Person).then_some(text),
            }
        }
        None => Mention {
            reading: Reading::Other,
            name: text,
            title: None,
        },
    }
}

/// The gender a mention's title words show (`Mrs.`, `spokeswoman` -> female).
fn gender_of(s: &str) -> Option<bool> {
    const FEMALE: &[&str] = &[
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "madame",
        "lady",
        "dame",
        "queen",
        "princess",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "woman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "grandmother",
        "actress",
    ];
    const MALE: &[&str] = &[
        "mr",
        "mr.",
        "sir",
        "lord",
        "king",
        "prince",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "man",
        "father",
        "husband",
        "son",
        "brother",
        "grandfather",
    ];
    // One look-up per word; the two lists share no word.
    static GENDER: LazyLock<HashMap<&'static [u8], bool>> = LazyLock::new(|| {
        let female = FEMALE.iter().map(|w| (w.as_bytes(), true));
        female
            .chain(MALE.iter().map(|w| (w.as_bytes(), false)))
            .collect()
    });
    let mut buf = [0; 32];
    for w in words(s) {
        let found = if w.is_ascii() {
            // Trimmed by bytes: for ASCII the same as the `char` test below.
            let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.';
            let bytes = w.as_bytes();
            let start = bytes.iter().position(keep).unwrap_or(bytes.len());
            let end = bytes.iter().rposition(keep).map_or(start, |e| e + 1);
            // No entry is longer than the buffer: a longer word is none of them.
            let Some(w) = ascii_lower_bytes(&bytes[start..end], &mut buf) else {
                continue;
            };
            GENDER.get(w).copied()
        } else {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_lowercase();
            GENDER.get(w.as_bytes()).copied()
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// How many recently used speakers a description or pronoun is matched against.
const WINDOW: usize = 24;

/// Groups speaker mentions into entities, in text order.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    /// Surname (lower case) -> entities with it, most recent last.
    by_surname: HashMap<String, Vec<usize>>,
    /// Organisation and group names (lower case) -> entity.
    by_name: HashMap<String, usize>,
    /// Head noun class per organisation entity.
    class_of: HashMap<usize, (String, Option<&'static str>)>,
    /// First names of person entities.
    first_of: HashMap<usize, String>,
    /// Known gender of person entities (true: female), for `he`/`she`.
    female: HashMap<usize, bool>,
    /// Most recently used entities, most recent last, at most [`WINDOW`] long.
    recent: Vec<usize>,
}

impl Resolver {
    /// A resolver with no speakers yet.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// The entities found so far, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Consumes the resolver, returning its entities.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    fn touch(&mut self, e: usize) {
        if let Some(i) = self.recent.iter().position(|&x| x == e) {
            self.recent.remove(i);
        }
        self.recent.push(e);
        if self.recent.len() > WINDOW {
            self.recent.remove(0);
        }
    }

    fn new_entity(&mut self, name: String, kind: SpeakerKind, title: Option<String>) -> usize {
        self.entities.push(Entity {
            name,
            kind,
            title,
            mentions: Vec::new(),
        });
        self.entities.len() - 1
    }

    fn most_recent(&self, ok: impl Fn(usize, &Entity) -> bool) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .copied()
            .find(|&e| ok(e, &self.entities[e]))
    }

    /// The entity a mention refers to, without recording the mention.
    ///
    /// `key` is the mention's name in lower case, for the names map.
    fn find(&self, m: &Mention, key: &str) -> Option<usize> {
        match &m.reading {
            Reading::Pronoun(p) => match *p {
                "he" | "him" => self.most_recent(|i, e| {
                    e.kind == SpeakerKind::Person && self.female.get(&i) != Some(&true)
                }),
                "she" | "her" => self.most_recent(|i, e| {
                    e.kind == SpeakerKind::Person && self.female.get(&i) != Some(&false)
                }),
                "i" => self.most_recent(|_, e| e.kind == SpeakerKind::Person),
                "it" => self.most_recent(|_, e| e.kind == SpeakerKind::Organization),
                "they" => self.most_recent(|_, e| {
                    matches!(e.kind, SpeakerKind::Group | SpeakerKind::Organization)
                }),
                _ => self.most_recent(|_, _| true),
            },
            Reading::Person { last, first } => {
                let cands = self.by_surname.get(last)?;
                cands
                    .iter()
                    .rev()
                    .copied()
                    .find(|e| match (first, self.first_of.get(e)) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    })
            }
            Reading::Org => self.by_name.get(key).copied(),
            Reading::Description {
                head,
                kind,
                class,
                definite,
            } => {
                if !definite {
                    return None;
                }
                match kind {
                    NounKind::Person => self.most_recent(|_, e| {
                        e.kind == SpeakerKind::Person
                            && e.title
                                .as_deref()
                                .is_some_and(|t| t.to_lowercase().contains(head.as_str()))
                    }),
                    NounKind::Group => self.by_name.get(key).copied(),
                    NounKind::Doc => self.most_recent(|_, e| e.kind == SpeakerKind::Organization),
                    NounKind::Org => self.most_recent(|i, e| {
                        e.kind == SpeakerKind::Organization
                            && self
                                .class_of
                                .get(&i)
                                .is_some_and(|(h, c)| h == head || (class.is_some() && c == class))
                    }),
                }
            }
            Reading::Parties | Reading::Other => self.by_name.get(key).copied(),
        }
    }

    /// Resolves the mention at `span` of `text` to an entity (creating one when it names a
    /// new source), records the mention and returns the entity's index.
    pub fn resolve(&mut self, text: &str, span: Span) -> Option<usize> {
        let s = text.get(span.start..span.end)?;
        let m = read_mention(s);
        if m.name.trim().is_empty() {
            return None;
        }
        // The names map is neither read nor written for persons and pronouns.
        let key = match m.reading {
            Reading::Person { .. } | Reading::Pronoun(_) => String::new(),
            _ => m.name.to_lowercase(),
        };
        let found = self.find(&m, &key);
        let e = match found {
            Some(e) => {
                self.improve(e, &m);
                e
            }
            None => {
                if let Reading::Pronoun(_) = m.reading {
                    return None;
                }
                let kind = match &m.reading {
                    Reading::Person { .. } => SpeakerKind::Person,
                    Reading::Org => SpeakerKind::Organization,
                    Reading::Description { kind, .. } => match kind {
                        NounKind::Person => SpeakerKind::Person,
                        NounKind::Org | NounKind::Doc => SpeakerKind::Organization,
                        NounKind::Group => SpeakerKind::Group,
                    },
                    Reading::Parties => SpeakerKind::Group,
                    _ => SpeakerKind::Unknown,
                };
                let e = self.new_entity(m.name.clone(), kind, m.title.clone());
                match &m.reading {
                    Reading::Person { last, first } => {
                        self.by_surname.entry(last.clone()).or_default().push(e);
                        if let Some(f) = first {
                            self.first_of.insert(e, f.clone());
                            // Family name first (`Park Ji-hoon`, `Li Wen`): a later `Park`
                            // is the same person.
                            self.by_surname.entry(f.clone()).or_default().push(e);
                        }
                    }
                    Reading::Description {
                        head,
                        class,
                        kind: NounKind::Org | NounKind::Doc,
                        ..
                    } => {
                        self.class_of.insert(e, (head.clone(), *class));
                        self.by_name.insert(key, e);
                    }
                    Reading::Org => {
                        let head = words(&m.name)
                            .next_back()
                            .map(|w| strip_possessive(w).to_lowercase())
                            .unwrap_or_default();
                        let class = noun(&head).and_then(|(_, c)| c);
                        self.class_of.insert(e, (head, class));
                        self.by_name.insert(key, e);
                    }
                    _ => {
                        self.by_name.insert(key, e);
                    }
                }
                e
            }
        };
        // Gender evidence: the pronoun itself, or a gendered title word. The first evidence
        // stands, and only a person's is ever asked for: others are not looked for.
        if self.entities[e].kind == SpeakerKind::Person && !self.female.contains_key(&e) {
            let gender = match &m.reading {
                Reading::Pronoun("he" | "him") => Some(false),
                Reading::Pronoun("she" | "her") => Some(true),
                _ => gender_of(s),
            };
            if let Some(g) = gender {
                self.female.insert(e, g);
            }
        }
        let mentions = &mut self.entities[e].mentions;
        if mentions.last() != Some(&span) {
            mentions.push(span);
        }
        self.touch(e);
        Some(e)
    }

    /// Lets a later mention improve an entity's name and title.
    fn improve(&mut self, e: usize, m: &Mention) {
        let ent = &mut self.entities[e];
        if let Reading::Person { first, .. } = &m.reading {
            if words(&m.name).count() > words(&ent.name).count() && ent.kind == SpeakerKind::Person
            {
                ent.name = m.name.clone();
            }
            if let Some(f) = first {
                self.first_of.entry(e).or_insert_with(|| f.clone());
            }
        }
        if ent.title.is_none() {
            if let Some(t) = &m.title {
                if ent.kind == SpeakerKind::Person && t != &ent.name {
                    ent.title = Some(t.clone());
                }
            }
        }
    }
}

/// Whether a lower-case word is a word of time or discourse that can sit between a subject
/// and its verb (`The Cypriot government Saturday condemned`, `X, on Tuesday, added`, `His
/// lawyer, however, insists`); such words are never part of a speaker's name.
fn is_mention_edge_word(lower: &[u8]) -> bool {
    // A `match` rather than a list scan: it tests the length first, then a few bytes.
    matches!(
        lower,
        b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"today"
            | b"yesterday"
            | b"tonight"
            | b"morning"
            | b"afternoon"
            | b"evening"
            | b"night"
            | b"on"
            | b"also"
            | b"however"
            | b"earlier"
            | b"later"
            | b"then"
            | b"meanwhile"
            | b"but"
            | b"and"
    )
}

/// Possessive determiners: on their own they are not a mention of anyone (`His lawyer`
/// names the lawyer, and a bare `His` means the mention was cut short).
const BARE_DETERMINERS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// The mention without the time and discourse words at its edges, or `None` when nothing that
/// can name a source is left (`Saturday`, `on Tuesday`, a bare `His`).
pub(crate) fn clean_mention(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let is_edge = |w: &str| {
        let w = if w.is_ascii() {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
        } else {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        };
        // A non-ASCII word is none of the (ASCII) edge words.
        w.is_empty()
            || ascii_lower_bytes(w.as_bytes(), &mut [0; 32]).is_some_and(is_mention_edge_word)
    };
    let offset = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    // At the start, a capitalised time word may be a name (`Friday Okonkwo`) unless a comma
    // sets it off (`Saturday, Kabila`).
    let is_lead_edge =
        |w: &str| is_edge(w) && (w.starts_with(|c: char| c.is_lowercase()) || w.ends_with(','));
    // A word that is not an edge word is not a lead edge word either: `first` is not after
    // `last`.
    let first = s.split_whitespace().find(|w| !is_lead_edge(w))?;
    let last = s.split_whitespace().rev().find(|w| !is_edge(w))?;
    let start = offset(first);
    let core = s.get(start..offset(last) + last.len())?;
    let core = core.trim_end_matches([',', ';', ':']);
    if core.is_empty()
        || BARE_DETERMINERS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(core))
    {
        return None;
    }
    Some(Span::new(
        span.start + start,
        span.start + start + core.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves the `|`-separated mentions of one story; returns each one's entity name.
    fn chain(mentions: &str) -> Vec<String> {
        let text = mentions;
        let mut r = Resolver::new();
        let mut pos = 0;
        let mut out = Vec::new();
        for part in text.split('|') {
            let span = Span::new(pos, pos + part.len());
            pos += part.len() + 1;
            out.push(r.resolve(text, span));
        }
        out.into_iter()
            .map(|e| e.map_or("-".to_string(), |e| r.entities()[e].name.clone()))
            .collect()
    }

    #[test]
    fn resolution_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Russian Foreign Minister Sergey Lavrov|Lavrov|the minister|he",
                &["Sergey Lavrov"; 4],
            ),
            (
                "the Russian Foreign Ministry|the Russian diplomatic agency|the ministry|the statement",
                &["Russian Foreign Ministry"; 4],
            ),
            (
                "Lavrov|Russian Foreign Minister Sergey Lavrov",
                &["Sergey Lavrov", "Sergey Lavrov"],
            ),
            (
                "Hillary Clinton|Bill Clinton|Clinton",
                &["Hillary Clinton", "Bill Clinton", "Bill Clinton"],
            ),
            ("sources|officials|sources", &["sources", "officials", "sources"]),
            ("a Western diplomat|a Western diplomat", &["Western diplomat", "Western diplomat"]),
            ("he", &["-"]),
            ("Ana Ruiz|Mediators|he", &["Ana Ruiz", "Mediators", "Ana Ruiz"]),
            (
                "Kasaria's ambassador, Yusuf Adeyemi|Adeyemi",
                &["Yusuf Adeyemi", "Yusuf Adeyemi"],
            ),
            (
                "the bloc's secretary-general, Lucia Ferreira|Ferreira",
                &["Lucia Ferreira", "Lucia Ferreira"],
            ),
            ("Scott Pruitt, the attorney general|Pruitt", &["Scott Pruitt"; 2]),
            (
                "spokeswoman Ann Lee|Mr. Bo Chen|she|he",
                &["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"],
            ),
            (
                "Herbert Fritschi|Cantonal Bank's Fritschi",
                &["Herbert Fritschi", "Herbert Fritschi"],
            ),
            (
                "ministry spokesman Park Ji-hoon|Park",
                &["Park Ji-hoon", "Park Ji-hoon"],
            ),
            (
                "Kremlin Spokesman Dmitry Peskov|Peskov|the spokesman",
                &["Dmitry Peskov"; 3],
            ),
            ("The New York Times|the newspaper", &["New York Times", "New York Times"]),
        ];
        for (input, expected) in cases {
            assert_eq!(chain(input), expected.to_vec(), "mentions {input:?}");
        }
    }

    #[test]
    fn titles_and_kinds() {
        let text = "Russian Foreign Minister Sergey Lavrov|Scott Pruitt, the attorney general of Oklahoma,|the Russian diplomats|Reuters";
        let mut r = Resolver::new();
        let mut pos = 0;
        for part in text.split('|') {
            r.resolve(text, Span::new(pos, pos + part.len()));
            pos += part.len() + 1;
        }
        let e = r.into_entities();
        assert_eq!(e[0].title.as_deref(), Some("Russian Foreign Minister"));
        assert_eq!(e[0].kind, SpeakerKind::Person);
        assert_eq!(e[1].name, "Scott Pruitt");
        assert_eq!(e[1].title.as_deref(), Some("attorney general of Oklahoma"));
        assert_eq!(e[2].kind, SpeakerKind::Group);
        assert_eq!(e[3].kind, SpeakerKind::Organization);
    }

    #[test]
    fn coordinated_names() {
        let cases: &[(&str, &str, SpeakerKind, Option<&str>)] = &[
            // (mention, name, kind, title)
            (
                "Valdoria and Marest",
                "Valdoria and Marest",
                SpeakerKind::Group,
                None,
            ),
            (
                "Russia and China",
                "Russia and China",
                SpeakerKind::Group,
                None,
            ),
            (
                "the underwriters Harlow and Finch Co",
                "Harlow and Finch Co",
                SpeakerKind::Organization,
                None,
            ),
            (
                "Northern Gas and Electric Corp",
                "Northern Gas and Electric Corp",
                SpeakerKind::Organization,
                None,
            ),
            // A person's title may hold a coordination: the person stays the speaker.
            (
                "Foreign and Commonwealth Secretary Anna Berg",
                "Anna Berg",
                SpeakerKind::Person,
                Some("Foreign and Commonwealth Secretary"),
            ),
        ];
        for &(mention, name, kind, title) in cases {
            let mut r = Resolver::new();
            r.resolve(mention, Span::new(0, mention.len()));
            let e = r.into_entities();
            assert_eq!(
                (e[0].name.as_str(), e[0].kind, e[0].title.as_deref()),
                (name, kind, title),
                "{mention}"
            );
        }
    }
}

#[cfg(test)]
mod clean_mention_tests {
    use super::*;

    #[test]
    fn time_and_discourse_words_are_not_part_of_a_mention() {
        let cases: &[(&str, Option<&str>)] = &[
            // (mention as found, mention kept)
            (
                "The Cypriot government Saturday",
                Some("The Cypriot government"),
            ),
            ("Saturday", None),
            ("on Tuesday", None),
            ("Baroness Chalker, on Tuesday", Some("Baroness Chalker")),
            ("His", None),
            ("His lawyer, however,", Some("His lawyer")),
            ("Sergey Lavrov", Some("Sergey Lavrov")),
            ("the ministry", Some("the ministry")),
            ("Friday Okonkwo", Some("Friday Okonkwo")),
        ];
        for (mention, kept) in cases {
            let got = clean_mention(mention, Span::new(0, mention.len()))
                .map(|s| &mention[s.start..s.end]);
            assert_eq!(got, *kept, "{mention}");
        }
    }
}
