//! The scan: tokenises a story once ([`super::tokens`]), then tries the rules
//! ([`super::rules`]) at each token that can start a temporal expression, skipping the tokens
//! of the last match. Every rule looks ahead a bounded number of tokens, so the whole pass is
//! linear in the text.

use super::grammar::G;
use super::normalise::Day;
use super::resolve::Ctx;
use super::rules::Found;
use super::tokens::{tokenise_into, Tok, Tokens, K};
use crate::span::Span;

/// Finds the temporal expressions of `region`, its tokens cut into `tokens` (a worker's,
/// reused from story to story).
// Out of line (one call per story) so that profiles show the dates pass as one entry.
#[inline(never)]
pub(super) fn recognise(
    text: &str,
    region: Span,
    anchor: Option<Day>,
    tokens: &mut Tokens,
) -> Vec<Found> {
    tokenise_into(text, region, tokens);
    let Tokens { toks, starts } = &*tokens;
    let mut g = G {
        t: toks,
        text,
        cx: Ctx {
            anchor,
            last_day: None,
            last_quarter: None,
            last_year: None,
            last_weekday: None,
            last_month: None,
            month_newer: false,
        },
        rule: "",
    };
    let mut out = Vec::new();
    // the first token not inside the last match
    let mut next = 0;
    for &i in starts {
        if i < next {
            continue;
        }
        let start = match start(toks, i) {
            Start::Try if g.idle_function_word(i) => Start::Idle,
            s => s,
        };
        match start {
            Start::Try => {}
            Start::No => continue,
            Start::Idle => {
                // In debug builds (the tests), check that the grammar would indeed fail here
                // without changing its state: the skips are an optimisation only.
                if cfg!(debug_assertions) {
                    let before = g.cx.clone();
                    let r = g.at(i);
                    debug_assert!(r.is_none() && g.cx == before, "skipped token {i} matters");
                }
                continue;
            }
        }
        match g.at(i) {
            Some(x) if x.end > x.start && x.end <= toks.len() && g.is_title(&x) => next = x.end,
            Some(x) if x.end > x.start && x.end <= toks.len() => {
                next = x.end;
                let mut cur = Some(Box::new(x));
                while let Some(x) = cur {
                    let span = Span::new(toks[x.start].span.start, toks[x.end - 1].span.end);
                    out.push(Found {
                        span,
                        value: x.value,
                        date_type: x.ty,
                        #[cfg(test)]
                        rule: g.rule,
                    });
                    cur = x.extra;
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the grammar is tried at a token.
enum Start {
    /// It is.
    Try,
    /// No rule can match here: an inert word ([`Lex::inert`]) or an idle number
    /// ([`idle_number`]); debug builds check it.
    Idle,
    /// No rule starts with a token of this kind (a word outside the lexicon, a bare tense cue,
    /// most punctuation).
    No,
}

/// A cheap test for tokens no rule starts with.
fn start(t: &[Tok], i: usize) -> Start {
    match t[i].k {
        K::Word { lex: Some(l), .. } if l.inert => Start::Idle,
        K::Word { lex: Some(l), .. } if l.starts => Start::Try,
        K::Num { .. } if idle_number(t, i) => Start::Idle,
        K::Num { .. } | K::Clock { .. } | K::Iso { .. } | K::Slash { .. } | K::P('\'') => {
            Start::Try
        }
        _ => Start::No,
    }
}

/// A number no rule can use, so that the grammar need not be tried on it (most numbers of
/// financial copy: `1.5 mln dlrs`). Only a decade (`1990s`) or a year (`in 1988`) is a date
/// alone; every other rule on a number (the group `number` of the rule table, and
/// [`G::counted`]) needs the token after
/// it to be a lexicon word (`May`, `years`, `to`, `GMT`), a hyphen (`five-year`), a fraction
/// (`5 1/2 years`) or `a.m.`. Those rules change no state when they fail, so skipping is
/// exact.
fn idle_number(t: &[Tok], i: usize) -> bool {
    let Some(K::Num {
        val,
        digits,
        ord,
        plural,
        plain,
        ..
    }) = t.get(i).map(|t| t.k)
    else {
        return false;
    };
    if plural || (plain && !ord && digits == 4 && (1000..=2200).contains(&val)) {
        return false;
    }
    !matches!(
        t.get(i + 1).map(|t| t.k),
        Some(K::Word { lex: Some(_), .. } | K::P('-') | K::Slash { .. } | K::AmPm(_))
    )
}
