//! The events stage's tables, parsed once on first use: the triggers
//! (`events_triggers.tsv`), CAMEO codes with Goldstein scores (`events_cameo.tsv`), the
//! CAMEO-to-PLOVER map (`events_plover.tsv`), word classes (`events_words.tsv`), countries
//! (`events_countries.tsv`), sectors (`events_sectors.tsv`) and clause modes
//! (`events_modes.tsv`).

use crate::lexicon::{rows, Initials};
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

/// One row of the trigger table.
#[derive(Debug)]
pub(super) struct Trigger {
    /// The words of the form, lower case.
    pub words: Vec<&'static str>,
    pub cameo: &'static str,
    pub event_type: &'static str,
    pub mode: Option<&'static str>,
    pub frame: Frame,
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: &'static str,
}

/// The triggers, by their first word (lower case), longest form first.
pub(super) struct Triggers {
    pub rows: Vec<Trigger>,
    pub by_first: HashMap<&'static [u8], Vec<usize>>,
    pub heads: Initials,
    pub lengths: (usize, usize),
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

pub(super) static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut out = Vec::new();
    for r in rows(include_str!("../../lexicon/events_triggers.tsv")) {
        let [forms, cameo, event_type, mode, fr, example] = r[..] else {
            continue;
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            out.push(Trigger {
                words: form.split(' ').filter(|w| !w.is_empty()).collect(),
                cameo,
                event_type,
                mode: Some(mode).filter(|m| !m.is_empty()),
                frame: frame(fr),
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
    let heads = Initials::new(by_first.keys().copied());
    let mut lengths = (usize::MAX, 0);
    for w in by_first.keys() {
        lengths = (lengths.0.min(w.len()), lengths.1.max(w.len()));
    }
    Triggers {
        rows: out,
        by_first,
        heads,
        lengths,
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
    Hypothetical,
    Stop,
    Document,
}

static WORDS: LazyLock<HashMap<&'static str, Class>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/events_words.tsv"))
        .filter_map(|r| {
            let class = match *r.get(1)? {
                "skip" => Class::Skip,
                "entity" => Class::Entity,
                "link" => Class::Link,
                "pronoun" => Class::Pronoun,
                "negation" => Class::Negation,
                "future" => Class::Future,
                "hypothetical" => Class::Hypothetical,
                "stop" => Class::Stop,
                "document" => Class::Document,
                _ => return None,
            };
            Some((*r.first()?, class))
        })
        .collect()
});

/// The class of a word (any case), if it has one.
pub(super) fn class(word: &str) -> Option<Class> {
    let mut buf = [0u8; 24];
    let lower = crate::lexicon::ascii_lower(word, &mut buf)?;
    WORDS.get(lower).copied()
}

/// Country forms, as written, to alpha-3 codes; the longest form has the most words.
pub(super) static COUNTRIES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for r in rows(include_str!("../../lexicon/events_countries.tsv")) {
        let [code, forms] = r[..] else { continue };
        for f in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            map.insert(f, code);
        }
    }
    map
});

/// Sector words (lower case, one or two words) to sector codes.
pub(super) static SECTORS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/events_sectors.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// (PLOVER type, clause word) -> mode.
pub(super) static MODES: LazyLock<HashMap<(&'static str, &'static str), &'static str>> =
    LazyLock::new(|| {
        rows(include_str!("../../lexicon/events_modes.tsv"))
            .filter_map(|r| Some(((*r.first()?, *r.get(1)?), *r.get(2)?)))
            .collect()
    });
