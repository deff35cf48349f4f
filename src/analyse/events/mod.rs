//! Events as political event data: who did what to whom. Each event of the story's timeline,
//! and each sentence naming a contact (a call, a meeting, a visit, talks, a letter) or another
//! political act (an accusation, a demand, a threat, an agreement, an attack), is coded with a
//! PLOVER type and mode, the closest CAMEO code and its Goldstein score, its status (actual,
//! future, hypothetical, negated), its actors and recipients (with country, sector and
//! speaker), its trigger and, for verbal acts, the statement that is the event.
//!
//! - `lexicon` loads the tables (`events_*.tsv`: triggers, CAMEO codes, PLOVER map, word
//!   classes, countries, sectors, clause modes);
//! - `triggers` finds the triggers of each sentence the story's tokens marked as holding one
//!   of their words (`trigger_marks`);
//! - `tokens` gives a sentence with a trigger its words (the story's tokens, cut again where
//!   they join what this stage reads apart), `phrases` reads the subject and object name runs
//!   around a trigger, `actors` makes them parties;
//! - `code` codes the events ([`code`]).

mod actors;
mod code;
mod inflect;
mod lexicon;
mod phrases;
mod tokens;
mod triggers;

pub(crate) use actors::country;
pub(crate) use code::{code, Story};
pub(crate) use lexicon::{Shapes, COUNTRIES};
pub(crate) use tokens::tok_at_in;

use crate::text::vocabulary::MARK;
use std::borrow::Cow;

/// One word of each form of the event triggers, its longest (the first of two as long): a
/// sentence holding a form holds that word. The story's tokens ([`crate::text::tokenize`])
/// mark the sentences with a word that may be one, and the trigger scan reads only those.
/// The longest word is the rarest, as a rule (`willing` of `is willing`): marking by first
/// words would mark nearly every sentence (`is`, `will`, `would`). A word with a class in
/// `events_words.tsv` (a function word, an auxiliary, an entity noun) is taken only when the
/// form has no other: `charges` marks `charges against`, `lodged` or `protest` `lodged an
/// official protest`.
///
/// The forms that name no event (`talk that`, `press conference`: type `-`) mark nothing:
/// they only keep a shorter form from matching at their place, and a sentence with nothing
/// else gives no event either way (`that` would mark nearly every sentence).
fn trigger_marks() -> impl Iterator<Item = Vec<u8>> {
    lexicon::TRIGGERS
        .rows
        .iter()
        .filter(|t| t.event_type != "-")
        .filter_map(|t| {
            let longest = |plain: bool| {
                let words = t.words.iter().rev();
                words
                    .filter(|w| !plain || lexicon::class(w).is_none())
                    .max_by_key(|w| w.len())
            };
            longest(true).or_else(|| longest(false))
        })
        .map(|w| w.to_ascii_lowercase().into_bytes())
}

/// The words this stage looks the story's tokens up in ([`crate::analyse::vocabulary`]): the
/// trigger marks ([`trigger_marks`], flagged [`MARK`]), the triggers' first words and the
/// words with a class in `events_words.tsv`.
pub(crate) fn vocabulary_words() -> impl Iterator<Item = (Cow<'static, [u8]>, u8)> {
    let marks = trigger_marks().map(|w| (Cow::Owned(w), MARK));
    let firsts = lexicon::TRIGGERS.by_first.keys().copied();
    let listed = firsts.chain(lexicon::class_words());
    marks.chain(listed.map(|w| (Cow::Borrowed(w), 0)))
}

use crate::span::Span;
use crate::vocab::DatePrecision;

pub use crate::vocab::EventStatus as Status;

/// An actor or recipient of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The words naming it in the text; `None` for a statement's source not named in the
    /// clause (its speaker's name stands for it).
    pub name: Option<Span>,
    /// Its index in the story's speakers, where it is one.
    pub speaker: Option<usize>,
    /// ISO 3166-1 alpha-3 code, where known.
    pub country: Option<&'static str>,
    /// Sector code (`GOV`, `MIL`, `DIP`, `IGO`...), where known.
    pub sector: Option<&'static str>,
}

/// What an event is, as political event data.
#[derive(Debug, Clone, PartialEq)]
pub struct Coding {
    /// PLOVER type (`CONSULT`, `ACCUSE`...).
    pub event_type: &'static str,
    /// PLOVER mode (`phone`, `visit`...), where one applies.
    pub mode: Option<&'static str>,
    /// CAMEO code (`041`).
    pub cameo: &'static str,
    /// Goldstein score of the CAMEO code.
    pub goldstein: Option<f64>,
    /// Who acts (every party of a joint event, the initiator first).
    pub actors: Vec<Party>,
    /// Who is acted upon (none for a joint event).
    pub recipients: Vec<Party>,
    /// A symmetric event (talks between A and B).
    pub joint: bool,
    /// The words naming the event.
    pub trigger: Span,
    /// The statement that is the event (a verbal act), by index.
    pub quote: Option<usize>,
}

/// The precision of a normalised date value: `day` (`2022-01-18`, `XXXX-WXX-2`), `week`
/// (`2022-W02`), `month` (`2022-01`), `year` (`2022`), else `unknown`.
pub fn date_precision(value: Option<&str>) -> DatePrecision {
    let Some(v) = value else {
        return DatePrecision::Unknown;
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = v.split('-').collect();
    let year = parts[0].len() == 4;
    match parts[..] {
        [y] if year && digits(y) => DatePrecision::Year,
        [_, m] if year && m.starts_with('W') => DatePrecision::Week,
        [_, m] if year && m.len() == 2 && digits(m) => DatePrecision::Month,
        [_, _, d] if year && d.get(..1).is_some_and(digits) => DatePrecision::Day,
        _ => DatePrecision::Unknown,
    }
}

#[cfg(test)]
mod tests;
