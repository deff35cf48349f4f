//! The place of an event: the `in Name` nearest its date (`in Geneva on January 10`).

use crate::span::Span;
use std::borrow::Cow;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Capitalised words that do not start a place name after `in`, as written:
/// `timeline_not_places.tsv`, and capitalised, the articles and demonstratives of
/// `determiners.tsv` and the possessives of `pronouns.tsv` of the third person or the plural
/// (`The`, `This`, `His`, `Our`).
static NOT_PLACES: LazyLock<HashSet<Cow<'static, str>>> = LazyLock::new(|| {
    use crate::lexicon::closed::{self, DeterminerKind};
    let listed = crate::lexicon::rows(include_str!("../../lexicon/timeline_not_places.tsv"))
        .filter_map(|r| r.first().map(|&w| Cow::Borrowed(w)));
    let determiners = closed::determiners()
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                DeterminerKind::Article | DeterminerKind::Demonstrative
            )
        })
        .map(|d| Cow::Owned(capitalised(d.word)));
    let possessives = closed::pronouns()
        .iter()
        .filter(|p| p.is_possessive_of_others())
        .map(|p| Cow::Owned(capitalised(p.word)));
    listed.chain(determiners).chain(possessives).collect()
});

/// `w` with its first letter in upper case.
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether a capitalised word (as written) starts no place name after `in`; the cross-story
/// merge leaves these words out of the names that reports share, too.
pub(crate) fn is_not_place(word: &str) -> bool {
    NOT_PLACES.contains(word)
}

/// A searcher for `in `, built once.
static IN_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("in "));

/// The place named by `in Name` nearest the date (`in Geneva on January 10`).
pub(crate) fn place_near(text: &str, clause: Span, date: Span) -> Option<String> {
    let s = clause.slice(text);
    let mut best: Option<(usize, String)> = None;
    let mut from = 0;
    while let Some(k) = IN_FINDER.find(&s.as_bytes()[from..]) {
        let at = from + k;
        from = at + 3;
        if at > 0
            && s[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let rest = &s[at + 3..];
        let name = place_name(rest);
        if name.is_empty() {
            continue;
        }
        let abs = clause.start + at;
        let dist = if abs < date.start {
            date.start - abs
        } else {
            abs.saturating_sub(date.end)
        };
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, name.to_string()));
        }
    }
    best.map(|(_, n)| n)
}

/// The capitalised words at the start of `rest` that make a place name (`New York`,
/// `Nur-Sultan`); empty when it does not start with one.
fn place_name(rest: &str) -> &str {
    let mut end = 0;
    let mut words = 0;
    for word in rest.split(' ') {
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"']);
        let capital = core.starts_with(|c: char| c.is_uppercase())
            && core
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}');
        let joiner = words > 0 && matches!(core, "de" | "del" | "am" | "upon");
        let bare = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("\u{2019}s"))
            .unwrap_or(core);
        if !(capital || joiner) || is_not_place(bare) {
            break;
        }
        let start = word.as_ptr() as usize - rest.as_ptr() as usize;
        end = start + core.len();
        words += 1;
        let possessive = core.ends_with("'s") || core.ends_with("\u{2019}s");
        if core.len() != word.len() || words == 4 || possessive {
            break;
        }
    }
    let name = rest[..end].trim_end_matches(|c: char| !c.is_alphabetic());
    // "in Turkey's election": the place is Turkey
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
}
