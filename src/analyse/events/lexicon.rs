//! The events stage's tables, parsed once on first use: the triggers
//! (`events_triggers.tsv`), CAMEO codes with Goldstein scores (`events_cameo.tsv`), the
//! CAMEO-to-PLOVER map (`events_plover.tsv`), word classes (`events_words.tsv`), countries
//! (`events_countries.tsv`), sectors (`events_sectors.tsv`) and clause modes
//! (`events_modes.tsv`).

use super::inflect;
use crate::lexicon::rows;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Where a trigger's actors stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// The subject acts on the object.
    Svo,
    /// A symmetric contact or deal: every party is an actor.
    Joint,
    /// No recipient.
    Alone,
    /// The one who says it acts on the subject (`X said Y must go`).
    Said,
    /// The object visits the subject (`A hosted B`: B is the actor).
    Host,
}

/// The shapes of a list's words: per first two bytes (ASCII case folded, five low bits each),
/// the set of lengths (1 to 31 bytes) the list's words of those initials have, and the same
/// per last two bytes. A word whose shape is not in both sets is in no list, which most words
/// of a text show at once without hashing: `the` is rejected because no trigger of three
/// bytes starts with `th`, `with` because none of four bytes ends in `th`.
pub(crate) struct Shapes {
    heads: Box<[u32; 1024]>,
    tails: Box<[u32; 1024]>,
}

impl Shapes {
    pub(crate) fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> Shapes {
        let mut heads = Box::new([0u32; 1024]);
        let mut tails = Box::new([0u32; 1024]);
        for w in words.filter(|w| !w.is_empty() && w.len() < 32) {
            heads[Shapes::head(w)] |= 1 << w.len();
            tails[Shapes::tail(w)] |= 1 << w.len();
        }
        Shapes { heads, tails }
    }

    /// False when no word of the list has the shape of `w`.
    pub(crate) fn may_be(&self, w: &[u8]) -> bool {
        w.len() < 32
            && !w.is_empty()
            && self.heads[Shapes::head(w)] & (1 << w.len()) != 0
            && self.tails[Shapes::tail(w)] & (1 << w.len()) != 0
    }

    fn head(w: &[u8]) -> usize {
        let second = w.get(1).map_or(0, |&b| usize::from(b & 31));
        usize::from(w[0] & 31) * 32 + second
    }

    fn tail(w: &[u8]) -> usize {
        let n = w.len();
        let before = if n > 1 { usize::from(w[n - 2] & 31) } else { 0 };
        before * 32 + usize::from(w[n - 1] & 31)
    }
}

/// One row of the trigger table.
#[derive(Debug)]
pub(super) struct Trigger {
    /// The words of the form, lower case.
    pub words: Vec<&'static str>,
    pub cameo: &'static str,
    pub event_type: &'static str,
    pub mode: Option<&'static str>,
    pub frame: Frame,
    /// The Goldstein score of `cameo`, looked up once.
    pub goldstein: Option<f64>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: &'static str,
}

/// The triggers, by their first word (lower case), longest form first.
pub(super) struct Triggers {
    pub rows: Vec<Trigger>,
    pub by_first: HashMap<&'static [u8], Vec<usize>>,
    /// The shapes of the forms' first words.
    pub shapes: Shapes,
}

fn frame(s: &str) -> Frame {
    match s {
        "joint" => Frame::Joint,
        "none" => Frame::Alone,
        "said" => Frame::Said,
        "host" => Frame::Host,
        _ => Frame::Svo,
    }
}

/// The trigger tables, in the order their rows are tried on a tie: the project's own, then
/// the verbs derived from PETRARCH2's CAMEO dictionary (MIT; see that file's header).
const TRIGGER_TABLES: [&str; 2] = [
    include_str!("../../lexicon/events_triggers.tsv"),
    include_str!("../../lexicon/events_petrarch.tsv"),
];

pub(super) static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut out = Vec::new();
    for r in TRIGGER_TABLES.into_iter().flat_map(rows) {
        let [forms, cameo, event_type, mode, fr, example] = r[..] else {
            continue;
        };
        let listed = forms.split(',').map(str::trim).filter(|f| !f.is_empty());
        // Made once for the process's life, as the table itself: `accuse+` is four forms.
        for form in listed.flat_map(inflect::forms) {
            let form: &'static str = Box::leak(form.into_boxed_str());
            out.push(Trigger {
                words: form.split(' ').filter(|w| !w.is_empty()).collect(),
                cameo,
                event_type,
                mode: Some(mode).filter(|m| !m.is_empty()),
                frame: frame(fr),
                goldstein: goldstein(cameo),
                example,
            });
        }
    }
    let mut by_first: HashMap<&'static [u8], Vec<usize>> = HashMap::default();
    for (i, t) in out.iter().enumerate() {
        by_first.entry(t.words[0].as_bytes()).or_default().push(i);
    }
    for list in by_first.values_mut() {
        // Longest form first (`called on` before `called`); the earlier row on ties.
        list.sort_by_key(|&i| (std::cmp::Reverse(out[i].words.len()), i));
    }
    let shapes = Shapes::new(by_first.keys().copied());
    Triggers {
        rows: out,
        by_first,
        shapes,
    }
});

/// CAMEO code -> (label, Goldstein score).
pub(super) static CAMEO: LazyLock<HashMap<&'static str, (&'static str, Option<f64>)>> =
    LazyLock::new(|| {
        rows(include_str!("../../lexicon/events_cameo.tsv"))
            .filter_map(|r| {
                let score = r.get(2).and_then(|g| g.parse::<f64>().ok());
                Some((*r.first()?, (*r.get(1)?, score)))
            })
            .collect()
    });

/// The Goldstein score of a CAMEO code, or of its root code where it has none.
pub(super) fn goldstein(code: &str) -> Option<f64> {
    CAMEO
        .get(code)
        .and_then(|c| c.1)
        .or_else(|| CAMEO.get(code.get(..2)?).and_then(|c| c.1))
}

/// CAMEO code -> (PLOVER type, mode), from the CC BY-SA table.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) static PLOVER: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| {
        rows(include_str!("../../lexicon/events_plover.tsv"))
            .filter_map(|r| Some((*r.first()?, (*r.get(1)?, *r.get(2).unwrap_or(&"")))))
            .collect()
    });

/// A word's class in `events_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Skip,
    Entity,
    Link,
    Pronoun,
    Negation,
    Future,
    Intent,
    Hypothetical,
    Stop,
    Document,
    Economic,
}

/// Keyed by bytes: a word lower-cased for the look-up needs no UTF-8 check.
static WORDS: LazyLock<HashMap<&'static [u8], Class>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/events_words.tsv"))
        .filter_map(|r| {
            let class = match *r.get(1)? {
                "skip" => Class::Skip,
                "entity" => Class::Entity,
                "link" => Class::Link,
                "pronoun" => Class::Pronoun,
                "negation" => Class::Negation,
                "future" => Class::Future,
                "intent" => Class::Intent,
                "hypothetical" => Class::Hypothetical,
                "stop" => Class::Stop,
                "document" => Class::Document,
                "economic" => Class::Economic,
                _ => return None,
            };
            Some((r.first()?.as_bytes(), class))
        })
        .collect()
});

/// The words with a class in `events_words.tsv`.
pub(super) fn class_words() -> impl Iterator<Item = &'static [u8]> {
    WORDS.keys().copied()
}

static WORD_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(WORDS.keys().copied()));

/// The longest word whose class is looked up, in bytes.
const CLASS_MAX: usize = 24;

/// The class of a word (any case), if it has one.
pub(super) fn class(word: &str) -> Option<Class> {
    if !WORD_SHAPES.may_be(word.as_bytes()) {
        return None;
    }
    let mut buf = [0u8; CLASS_MAX];
    let lower = crate::lexicon::ascii_lower_bytes(word.as_bytes(), &mut buf)?;
    WORDS.get(lower).copied()
}

/// The class of a word already in ASCII lower case, as [`class`] gives it.
pub(super) fn class_of_lower(lower: &[u8]) -> Option<Class> {
    if lower.len() > CLASS_MAX || !WORD_SHAPES.may_be(lower) {
        return None;
    }
    WORDS.get(lower).copied()
}

/// Country forms, as written, to alpha-3 codes; the longest form has the most words.
pub(crate) static COUNTRIES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for r in rows(include_str!("../../lexicon/events_countries.tsv")) {
        let [code, forms] = r[..] else { continue };
        for f in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            map.insert(f, code);
        }
    }
    map
});

/// Sector words (lower case, one or two words) to sector codes; keyed by bytes, as the word
/// classes.
pub(super) static SECTORS: LazyLock<HashMap<&'static [u8], &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/events_sectors.tsv"))
        .filter_map(|r| Some((r.first()?.as_bytes(), *r.get(1)?)))
        .collect()
});

/// The shapes of the clause-mode words, per PLOVER type: most types have none (their
/// clauses are not read), and most words of a clause are none.
pub(super) static MODE_SHAPES: LazyLock<HashMap<&'static str, Shapes>> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, Vec<&'static [u8]>> = HashMap::default();
    for &(event_type, word) in MODES.keys() {
        words.entry(event_type).or_default().push(word.as_bytes());
    }
    words
        .into_iter()
        .map(|(event_type, w)| (event_type, Shapes::new(w.into_iter())))
        .collect()
});

/// The shapes of the country forms' words.
pub(super) static COUNTRY_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::new(COUNTRIES.keys().map(|w| w.as_bytes())));

/// The shapes of the sector words.
pub(super) static SECTOR_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::new(SECTORS.keys().copied()));

/// A clause word's mode: the mode, and the CAMEO code it makes closer, if any.
pub(super) type ClauseMode = (&'static str, Option<&'static str>);

/// (PLOVER type, clause word) -> mode.
pub(super) static MODES: LazyLock<HashMap<(&'static str, &'static str), ClauseMode>> =
    LazyLock::new(|| {
        rows(include_str!("../../lexicon/events_modes.tsv"))
            .filter_map(|r| {
                let cameo = r.get(3).copied().filter(|c| !c.is_empty());
                Some(((*r.first()?, *r.get(1)?), (*r.get(2)?, cameo)))
            })
            .collect()
    });

#[cfg(test)]
mod tests {
    use super::Shapes;

    #[test]
    fn shapes_reject_by_head_or_tail() {
        let list: [&[u8]; 2] = [b"talks", b"will"];
        let shapes = Shapes::new(list.into_iter());
        let cases: [(&str, &[u8], bool); 6] = [
            ("listed word", b"talks", true),
            ("capitals fold", b"Will", true),
            ("same head and length, other tail", b"taxed", false),
            ("same tail and length, other head", b"walks", false),
            ("other length", b"talk", false),
            ("empty", b"", false),
        ];
        for (name, word, want) in cases {
            assert_eq!(shapes.may_be(word), want, "{name}");
        }
    }
}
