//! Temporal expressions: recognised in the text and normalised to TIMEX3-style values against
//! the story date.
//!
//! Conventions follow TimeML as annotated in TempEval-3 and MEANTIME: a bare weekday or a
//! month-day without a year resolves to the latest such day on or before the story date unless
//! the clause looks ahead (`will meet on Friday`); `the` belongs to phrases built on a common
//! noun (`the third quarter`, `the past two years`) but not to names (`the 1960s`); vague
//! references are `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`; without a story year the year
//! prints as `XXXX`.
//!
//! - [`tokens`] cuts the text once into tokens, looking words up in [`lexicon`];
//! - [`recognise`] tries the [`rules`] at each token that may start an expression: the rule
//!   table (`rules/table.rs`) names each rule with its first token's class, its production and
//!   its examples, in the order they are tried; adding a date form is adding a row there;
//! - [`grammar`] holds the token tests the rules are built from, [`tense`] the clause's tense;
//! - [`resolve`] carries the discourse context (last day, quarter, year) the rules anchor on,
//!   and [`normalise`] computes the values.

mod grammar;
mod lexicon;
mod normalise;
mod recognise;
mod resolve;
mod rules;
mod tense;
mod tokens;

use crate::parse::metadata::StoryDate;
use crate::span::Span;
use crate::vocab::DateType;

/// One temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// TIMEX3-style value (`2022-01-10`, `XXXX-03`, `P3D`, `PRESENT_REF`).
    pub value: String,
    /// Date, time, duration or set.
    pub date_type: DateType,
}

/// Finds and normalises the temporal expressions of `region`, anchored on the story date.
pub fn find(text: &str, region: Span, anchor: Option<StoryDate>) -> Vec<DateMention> {
    find_with(text, region, anchor, &mut Scratch::default())
}

/// The memory [`find_with`] reuses from one story to the next: the date tokens.
#[derive(Default)]
pub struct Scratch {
    tokens: tokens::Tokens,
}

/// [`find`], cutting the date tokens into `scratch`'s lists: a worker that reads story after
/// story allocates them only when a story has more tokens than any before it.
pub fn find_with(
    text: &str,
    region: Span,
    anchor: Option<StoryDate>,
    scratch: &mut Scratch,
) -> Vec<DateMention> {
    let region = Span::new(region.start.min(text.len()), region.end.min(text.len()));
    if region.is_empty()
        || !text.is_char_boundary(region.start)
        || !text.is_char_boundary(region.end)
    {
        return Vec::new();
    }
    let anchor = normalise::anchor_day(anchor);
    recognise::recognise(text, region, anchor, &mut scratch.tokens)
        .into_iter()
        .map(|f| DateMention {
            span: f.span,
            value: f.value,
            date_type: f.date_type,
        })
        .collect()
}

#[cfg(test)]
mod tests;
