//! A speaker's key: one identifier for one person or body in every story that names it, made
//! from its name alone (the rules of `speakers_names.tsv`), so that no archive-wide state is
//! needed and a story's key never depends on the other stories.
//!
//! - A person named with a given name and a surname: `person:` and the name's words, ASCII,
//!   lower case, joined by `-` (`person:sergey-lavrov`). Transliterations and spellings
//!   merge (`Sergei` -> `sergey`, `Zelenskyy` -> `zelensky`, `Muhammad` -> `mohammed`),
//!   initials, particles and generational suffixes drop (`Mikhail S. Gorbachev`, `Bashar
//!   al-Assad`, `Joseph R. Biden Jr.`), nicknames become given names (`Joe` -> `joseph`), and
//!   aliases join forms of one name (`Hillary Rodham Clinton` ->
//!   `hillary-clinton` by an alias rule; a middle name written out is kept otherwise, since
//!   it may tell people apart: `James Andrew Miller` is not `James Miller`); a family name
//!   written first has its given names joined (`Kim Jong Un` -> `person:kim-jongun`), and
//!   the names whose initials tell people apart keep them (`George W. Bush` ->
//!   `george-w-bush`; `George H.W. Bush` -> `george-bush`).
//! - A person the story names by surname only, or by a title or description only: no key
//!   (`null`), since nothing in the story tells which of the people with that surname or
//!   office it is.
//! - A state speaking as such (`Japan`, `Moscow`, `the Kremlin`, `Washington`):
//!   `country:` and its ISO 3166-1 alpha-3 code in lower case (`country:rus`).
//! - A named organisation: `org:`, the country its name holds (if any), and its other words
//!   without articles and company suffixes (`the Russian Foreign Ministry`, `Russia's
//!   Foreign Ministry` -> `org:rus:foreign-ministry`; `Texaco Inc` -> `org:texaco`). An
//!   organisation named only by common words with no country (`the ministry`, `the
//!   company`) has no key.
//! - A group (`officials`, `sources`) has no key.

use super::mention::{whitespace_words, CORPORATE_SUFFIXES};
use super::{is_title_word, noun};
use crate::analyse::events::{country, COUNTRIES};
use crate::lexicon::Initials;
use crate::text::WordFilter;
use crate::vocab::SpeakerKind;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The rules of `speakers_names.tsv`, by kind.
#[derive(Default)]
struct Rules {
    variant: HashMap<&'static str, &'static str>,
    ending: Vec<(&'static str, &'static str)>,
    nick: HashMap<&'static str, &'static str>,
    particle: HashSet<&'static str>,
    suffix: HashSet<&'static str>,
    family: HashSet<&'static str>,
    keep: HashSet<&'static str>,
    alias: HashMap<&'static str, &'static str>,
    cut: HashSet<&'static str>,
    org: HashSet<&'static str>,
    place: HashSet<&'static str>,
    common: HashSet<&'static str>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut r = Rules::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/speakers_names.tsv")) {
        let (Some(&kind), Some(&word)) = (row.first(), row.get(1)) else {
            continue;
        };
        let to = row.get(2).copied().unwrap_or("");
        match kind {
            "variant" => _ = r.variant.insert(word, to),
            "ending" => r.ending.push((word, to)),
            "nick" => _ = r.nick.insert(word, to),
            "particle" => _ = r.particle.insert(word),
            "suffix" => _ = r.suffix.insert(word),
            "family" => _ = r.family.insert(word),
            "keep" => _ = r.keep.insert(word),
            "alias" => _ = r.alias.insert(word, to),
            "cut" => _ = r.cut.insert(word),
            "org" => _ = r.org.insert(word),
            "place" => _ = r.place.insert(word),
            "common" => _ = r.common.insert(word),
            _ => {}
        }
    }
    r
});

/// Words that are never a key's own (`of`, `the`): an organisation's key leaves them out.
const FUNCTION_WORDS: [&str; 7] = ["the", "of", "and", "for", "a", "an", "&"];

/// The key of a speaker named `name`, of kind `kind` (see the module documentation).
pub(super) fn key(name: &str, kind: SpeakerKind) -> Option<String> {
    let words = name_words(name);
    if words.is_empty() {
        return None;
    }
    if let Some(c) = whole_country(&words) {
        return Some(country_key(c));
    }
    let capitalised = words.iter().any(|w| w.starts_with(char::is_uppercase));
    match kind {
        SpeakerKind::Group => None,
        SpeakerKind::Person if is_company(&words) || is_org_name(&words) => org_key(&words),
        SpeakerKind::Person if capitalised => person_key(&words),
        SpeakerKind::Organization | SpeakerKind::Unknown if capitalised => org_key(&words),
        _ => None,
    }
}

/// The words of a name, without edge punctuation, possessive `'s` and leading articles.
fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = whitespace_words(name)
        .map(|w| {
            let w = trim_punctuation(w);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .first()
        .is_some_and(|w| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a)))
    {
        words.remove(0);
    }
    words
}

/// A word without the commas, semicolons, colons, quotation marks and brackets at its ends.
/// They are ASCII, so they are trimmed as bytes: no byte of another char equals one of them,
/// and no char is decoded.
fn trim_punctuation(word: &str) -> &str {
    let keep = |b: &u8| !matches!(b, b',' | b';' | b':' | b'"' | b'(' | b')');
    let bytes = word.as_bytes();
    let start = bytes.iter().position(keep).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(keep).map_or(start, |last| last + 1);
    &word[start..end]
}

/// The first bytes of the country forms (all capitals): a phrase none of whose words starts
/// with one names no country (`officials`, `the company`, `he`), and is not looked up.
static COUNTRY_INITIALS: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut initials = [false; 256];
    for form in COUNTRIES.keys() {
        if let Some(&b) = form.as_bytes().first() {
            initials[usize::from(b)] = true;
        }
    }
    initials
});

/// Whether a word may start a country form.
pub(super) fn may_start_country(word: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|&b| COUNTRY_INITIALS[usize::from(b)])
}

/// The country a phrase names, as [`country`] reads it, whose forms all start at the start
/// of a word (split at white space).
///
/// A form is a gram of the phrase's words: its first word starts with a country form's first
/// byte and its last word, cut as [`country`] cuts it, may be a form's last word. A phrase
/// with no such pair of words (`He`, `The company`, `Baker`) is not looked up.
pub(super) fn country_in(phrase: &str) -> Option<&'static str> {
    let mut started = false;
    let may = whitespace_words(phrase).any(|w| {
        started |= may_start_country(w);
        started && may_end_country(w)
    });
    if !may {
        return None;
    }
    country(phrase)
}

/// The last words of the country forms (after their last white space): a gram whose last word
/// is none of them is no form.
static COUNTRY_ENDS: LazyLock<WordFilter> = LazyLock::new(|| {
    WordFilter::new(COUNTRIES.keys().map(|form| {
        let last = form.rsplit(char::is_whitespace).next().unwrap_or(form);
        last.as_bytes()
    }))
});

/// Whether a word of a phrase, cut as [`country`] cuts a gram's last word (its `,;:` and a
/// possessive `'s` at its end), may end a country form.
pub(super) fn may_end_country(word: &str) -> bool {
    // On bytes: the cut chars are ASCII, and `’s` is its UTF-8 bytes.
    let mut w = word.as_bytes();
    while let [rest @ .., b',' | b';' | b':'] = w {
        w = rest;
    }
    let w = w
        .strip_suffix(b"'s")
        .or_else(|| w.strip_suffix("’s".as_bytes()))
        .unwrap_or(w);
    COUNTRY_ENDS.may_contain(w)
}

/// The country a name is, when all its words are one country form (`Japan`, `the Kremlin`).
fn whole_country(words: &[&str]) -> Option<&'static str> {
    if !words.first().is_some_and(|w| may_start_country(w)) {
        return None;
    }
    match words {
        [word] => COUNTRIES.get(word).copied(),
        _ => COUNTRIES.get(words.join(" ").as_str()).copied(),
    }
}

/// Whether a name ends in a company suffix (`Texaco Inc`): a company read as a person.
fn is_company(words: &[&str]) -> bool {
    words.last().is_some_and(|w| {
        let w = w.trim_end_matches('.');
        // Lower-casing an ASCII word keeps its first two bytes' initials.
        if w.is_ascii() && !SUFFIX_INITIALS.may_start(w.as_bytes()) {
            return false;
        }
        let mut buf = [0; WORD_BUFFER];
        CORPORATE_SUFFIXES.contains(&*lower(w, &mut buf))
    })
}

/// The first two bytes of the company suffixes: the last word of most names starts none of
/// them, and is not lower-cased or looked up.
static SUFFIX_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(CORPORATE_SUFFIXES.iter().map(|s| s.as_bytes())));

/// Whether a capitalised name of several words is an organisation's: its last word is an
/// organisation word (`Salomon Brothers`) or a country form (`Statistics Canada`).
fn is_org_name(words: &[&str]) -> bool {
    let [.., before, last] = words else {
        return false;
    };
    let mut buf = [0; WORD_BUFFER];
    let lower = lower(last, &mut buf);
    before.starts_with(char::is_uppercase)
        && (RULES.org.contains(&*lower)
            || noun(&lower).is_some_and(|(k, _)| k == super::NounKind::Org)
            || COUNTRIES.contains_key(last))
}

/// Whether a word ends a title before a name: a title word, a `cut` word, a country form, or
/// an acronym (`EC`, `USDA`) in a name not written all in capitals.
fn is_cut_word(word: &str, capitals: bool) -> bool {
    let mut buf = [0; WORD_BUFFER];
    let lower = lower(word.trim_end_matches('.'), &mut buf);
    let acronym = !capitals && word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
    acronym
        || RULES.cut.contains(&*lower)
        || COUNTRIES.contains_key(word)
        || lower.split('-').any(|p| !p.is_empty() && is_title_word(p))
}

/// A person's key: `person:` and the normalised words of the name after its title, or `None`
/// for a surname or a description.
fn person_key(words: &[&str]) -> Option<String> {
    // The name is what follows the last title word, as long as a word follows it.
    let capitals = words.iter().all(|w| !w.contains(char::is_lowercase));
    let start = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&i| is_cut_word(words[i], capitals))
        .map_or(0, |i| i + 1);
    let words = &words[start..];
    // A word in lower case that is no particle (`bin`, `al-Assad`) makes a description
    // (`Fed spokesman`), and some capitalised names are places (`New York`).
    let named = words.iter().all(|w| {
        w.starts_with(|c: char| !c.is_lowercase())
            || w.split('-')
                .next()
                .is_some_and(|p| RULES.particle.contains(p))
    });
    let mut buf = [0; 4 * WORD_BUFFER];
    if !named || RULES.place.contains(&*lower_joined(words, &mut buf)) {
        return None;
    }
    let mut tokens: Vec<String> = Vec::with_capacity(words.len() + 1);
    for w in words {
        push_tokens(w, &mut tokens);
    }
    // One buffer for the tokens joined by spaces, as the rules spell names.
    let mut spelled = String::with_capacity(name_length(&tokens));
    join_into(&mut spelled, &tokens);
    let keep = RULES.keep.contains(spelled.as_str());
    tokens.retain(|t| {
        !RULES.particle.contains(t.as_str())
            && !RULES.suffix.contains(t.as_str())
            && (keep || t.len() > 1)
    });
    if tokens.len() < 2 {
        return None;
    }
    for t in &mut tokens {
        if let Some(r) = respelled(t) {
            *t = r;
        }
    }
    join_into(&mut spelled, &tokens);
    if let Some(full) = RULES.alias.get(spelled.as_str()) {
        tokens = full.split(' ').map(str::to_string).collect();
    }
    let tokens = if RULES.family.contains(tokens[0].as_str()) {
        vec![tokens[0].clone(), tokens[1..].concat()]
    } else {
        let mut t = tokens;
        if let Some(given) = RULES.nick.get(t[0].as_str()) {
            t[0] = given.to_string();
        }
        t
    };
    Some(joined_key(&["person:"], &tokens))
}

/// Pushes the words of one written word for a key onto `out`: ASCII, lower case, without
/// apostrophes, split at periods (`H.W.` -> `h`, `w`) and hyphens (`Jong-un` -> `jong`, `un`).
fn push_tokens(word: &str, out: &mut Vec<String>) {
    // `deunicode` borrows an ASCII word and always writes ASCII, which lower-cases byte by byte.
    let ascii = deunicode::deunicode_with_tofu_cow(word, "[?]");
    // One pass over the word: a token is the letters and digits between two periods or
    // hyphens, pushed when it has any. Most words are one token: the buffer, made as long as
    // the word, is pushed itself, with no copy and no growth.
    let mut token = String::with_capacity(ascii.len());
    for &b in ascii.as_bytes() {
        match b {
            b'.' | b'-' if !token.is_empty() => {
                out.push(token.clone());
                token.clear();
            }
            b if b.is_ascii_alphanumeric() => token.push(char::from(b.to_ascii_lowercase())),
            _ => {}
        }
    }
    if !token.is_empty() {
        out.push(token);
    }
}

/// `words` joined by spaces in lower case, as `lower(&words.join(" "), buf)`: written straight
/// into `buf` when they are ASCII and fit, with no joined copy made.
fn lower_joined<'b>(words: &[&str], buf: &'b mut [u8]) -> Cow<'b, str> {
    let len = name_length(words);
    if len > buf.len() || !words.iter().all(|w| w.is_ascii()) {
        return Cow::Owned(words.join(" ").to_lowercase());
    }
    let mut at = 0;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            buf[at] = b' ';
            at += 1;
        }
        buf[at..at + w.len()].copy_from_slice(w.as_bytes());
        at += w.len();
    }
    let joined = &mut buf[..at];
    joined.make_ascii_lowercase();
    Cow::Borrowed(std::str::from_utf8(joined).expect("ASCII words"))
}

/// The length of `words` joined by single spaces.
fn name_length<S: AsRef<str>>(words: &[S]) -> usize {
    let bytes: usize = words.iter().map(|w| w.as_ref().len() + 1).sum();
    bytes.saturating_sub(1)
}

/// Writes `tokens` joined by single spaces into `out`, in place of what it held.
fn join_into(out: &mut String, tokens: &[String]) {
    out.clear();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(t);
    }
}

/// The key of a state: `country:` and its code in lower case.
fn country_key(code: &str) -> String {
    ["country:", &code.to_ascii_lowercase()].concat()
}

/// A key made of the parts of `prefix` and the tokens joined by `-` (`person:sergey-lavrov`),
/// built in one string: `format!` over a `join` made two and cost some 500 instructions a key.
fn joined_key(prefix: &[&str], tokens: &[String]) -> String {
    let capacity: usize = prefix.iter().map(|p| p.len()).sum::<usize>()
        + tokens.iter().map(|t| t.len() + 1).sum::<usize>();
    let mut key = String::with_capacity(capacity);
    prefix.iter().for_each(|p| key.push_str(p));
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push('-');
        }
        key.push_str(t);
    }
    key
}

/// Bytes of a word lower-cased on the stack by [`lower`]; longer words take a `String`.
const WORD_BUFFER: usize = 32;

/// `word` in lower case, as `to_lowercase` writes it: in `buf` when it is ASCII and fits
/// (nearly every word), since a `String` per word was most of a key's cost.
fn lower<'b>(word: &str, buf: &'b mut [u8]) -> Cow<'b, str> {
    match crate::lexicon::ascii_lower(word, buf).filter(|_| word.is_ascii()) {
        Some(l) => Cow::Borrowed(l),
        None => Cow::Owned(word.to_lowercase()),
    }
}

/// A name word in the spelling keys use (`variant` and `ending` rules), or `None` when no
/// rule changes it (most words: no copy is made of them).
fn respelled(token: &str) -> Option<String> {
    if let Some(v) = RULES.variant.get(token) {
        return Some(v.to_string());
    }
    if token.len() >= 5 {
        for (from, to) in &RULES.ending {
            if let Some(stem) = token.strip_suffix(from) {
                return Some(format!("{stem}{to}"));
            }
        }
    }
    None
}

/// The number of words of the longest country form (of three words at most) at `words[i]`.
fn country_form_at(words: &[&str], i: usize) -> Option<usize> {
    if !may_start_country(words[i]) {
        return None;
    }
    let mut gram = String::new();
    (1..=3.min(words.len() - i)).rev().find(|&n| {
        gram.clear();
        for (k, w) in words[i..i + n].iter().enumerate() {
            if k > 0 {
                gram.push(' ');
            }
            gram.push_str(w);
        }
        COUNTRIES.contains_key(gram.as_str())
    })
}

/// Whether a word of an organisation's name is a common word (`ministry`, `foreign`).
fn is_common(token: &str) -> bool {
    FUNCTION_WORDS.contains(&token)
        || noun(token).is_some()
        || is_title_word(token)
        || CORPORATE_SUFFIXES.contains(token)
}

/// An organisation's key: `org:`, its country, and its other words; `None` when it has only
/// common words and no country.
fn org_key(words: &[&str]) -> Option<String> {
    let nation = country_in(&words.join(" "));
    let mut rest: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Only a name with a country loses its country forms.
        match nation.and_then(|_| country_form_at(words, i)) {
            Some(n) => i += n,
            None => {
                rest.push(words[i]);
                i += 1;
            }
        }
    }
    let company = rest.last().is_some_and(|w| is_company(&[w]));
    if company {
        rest.pop();
        while rest.last().is_some_and(|w| is_company(&[w])) {
            rest.pop();
        }
    }
    let mut tokens: Vec<String> = Vec::with_capacity(rest.len() + 1);
    for w in &rest {
        push_tokens(w, &mut tokens);
    }
    tokens.retain(|t| !FUNCTION_WORDS.contains(&t.as_str()));
    let joined = tokens.join(" ");
    if let Some(full) = RULES.alias.get(joined.as_str()) {
        tokens = full.split(' ').map(str::to_string).collect();
    }
    match nation {
        // A company named after its country (`Sony Japan Ltd` cut to `Japan Ltd`).
        Some(_) if tokens.is_empty() && company => None,
        Some(c) if tokens.is_empty() => Some(country_key(c)),
        Some(c) => Some(joined_key(&["org:", &c.to_ascii_lowercase(), ":"], &tokens)),
        None if tokens
            .iter()
            .all(|t| is_common(t) || RULES.common.contains(t.as_str())) =>
        {
            None
        }
        None => Some(joined_key(&["org:"], &tokens)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests before [`country`] in [`country_in`] reject no phrase that names a country.
    #[test]
    fn country_filter_keeps_every_country() {
        for form in COUNTRIES.keys() {
            assert!(!form.is_empty() && form.trim() == *form, "{form:?}");
            for p in [
                form.to_string(),
                format!("the {form}"),
                format!("{form}'s envoy"),
                format!("{form}’s"),
                format!("{form}, the"),
                format!("envoy of {form}:"),
                format!("North {form} officials"),
                form.replace(' ', "\n"),
                form.to_uppercase(),
            ] {
                assert_eq!(country_in(&p), country(&p), "{p}");
            }
        }
        for p in ["He", "The company", "Baker", "officials", "Élysée aide", ""] {
            assert_eq!(country_in(p), country(p), "{p}");
        }
    }

    /// A word with its first char in capitals.
    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
    }

    /// The test of [`SUFFIX_INITIALS`] in [`is_company`] rejects no company suffix.
    #[test]
    fn company_filter_keeps_every_suffix() {
        let unfiltered = |w: &str| {
            let mut buf = [0; WORD_BUFFER];
            CORPORATE_SUFFIXES.contains(&*lower(w.trim_end_matches('.'), &mut buf))
        };
        for suffix in CORPORATE_SUFFIXES.iter() {
            for w in [
                suffix.to_string(),
                capitalised(suffix),
                suffix.to_uppercase(),
                format!("{suffix}."),
                "Baker".to_string(),
            ] {
                assert_eq!(is_company(&["Texaco", &w]), unfiltered(&w), "{w}");
            }
        }
    }

    fn person(name: &str) -> Option<String> {
        key(name, SpeakerKind::Person)
    }

    #[test]
    fn one_person_one_key() {
        let same = [
            vec!["Sergey Lavrov", "Sergei Lavrov", "Сергей Лавров"],
            vec![
                "Volodymyr Zelensky",
                "Volodymyr Zelenskyy",
                "Volodymyr Zelenskiy",
            ],
            vec![
                "Mohammed bin Salman",
                "Muhammad bin Salman",
                "Mohamed Bin Salman",
            ],
            vec!["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un"],
            vec![
                "Mikhail Gorbachev",
                "Mikhail S. Gorbachev",
                "Soviet Mikhail Gorbachev",
            ],
            vec!["Bashar al-Assad", "Bashar Assad"],
            vec!["Joe Biden", "Joseph R. Biden Jr.", "Joseph Biden"],
            vec!["Hillary Clinton", "Hillary Rodham Clinton"],
            vec![
                "Recep Tayyip Erdogan",
                "Tayyip Erdogan",
                "Recep Tayyip Erdoğan",
            ],
            vec!["Nigel Lawson", "Exchequer Nigel Lawson"],
            vec!["James Baker", "Treasury Secretary James Baker", "Jim Baker"],
            vec!["Frans Andriessen", "EC Frans Andriessen"],
            vec!["NED PRICE", "Ned Price"],
        ];
        for forms in same {
            let keys: Vec<_> = forms.iter().map(|f| person(f)).collect();
            assert!(keys[0].is_some(), "{forms:?}");
            assert!(keys.iter().all(|k| k == &keys[0]), "{forms:?}: {keys:?}");
        }
    }

    #[test]
    fn different_people_different_keys() {
        let apart = [
            ("Kim Jong Un", "Kim Jong Il"),
            ("Kim Jong Un", "Kim Dae-jung"),
            ("George W. Bush", "George H.W. Bush"),
            ("George W. Bush", "George Bush"),
            ("Bill Clinton", "Hillary Clinton"),
            ("John Major", "John Smith"),
            ("James Andrew Miller", "James Miller"),
        ];
        for (a, b) in apart {
            assert_ne!(person(a), person(b), "{a} / {b}");
        }
        assert_eq!(person("George H.W. Bush"), person("George Bush"));
        assert_eq!(person("John Major").as_deref(), Some("person:john-major"));
    }

    #[test]
    fn surnames_and_descriptions_have_no_key() {
        for name in [
            "Lavrov",
            "Mr. Lavrov",
            "spokesman",
            "the foreign minister",
            "Another",
        ] {
            assert_eq!(person(name), None, "{name}");
        }
        assert_eq!(key("officials", SpeakerKind::Group), None);
    }

    #[test]
    fn states_and_organisations() {
        let org = |n| key(n, SpeakerKind::Organization);
        assert_eq!(org("the Kremlin").as_deref(), Some("country:rus"));
        assert_eq!(person("Japan").as_deref(), Some("country:jpn"));
        assert_eq!(
            org("Russia's Foreign Ministry"),
            org("the Russian Foreign Ministry")
        );
        assert_eq!(
            org("the Russian Foreign Ministry").as_deref(),
            Some("org:rus:foreign-ministry")
        );
        assert_eq!(org("Texaco Inc"), org("Texaco"));
        assert_eq!(person("Texaco Inc").as_deref(), Some("org:texaco"));
        assert_eq!(org("the Foreign Ministry"), None);
        assert_eq!(org("the company"), None);
        assert_eq!(org("the Treasury"), None);
        assert_eq!(org("Japan Ltd"), None);
        assert_eq!(org("OPEC").as_deref(), Some("org:opec"));
    }
}
