//! Speakers: the mentions of the claims resolved into entities in text order (by
//! [`Resolver`]), inherited speakers followed along their chains, and the claims turned into
//! the story's statements (dropped ones left out, one statement per content).

use super::super::claims::{Claim, Claims};
use super::super::limits::INHERIT_STEPS;
use super::super::{Attribution, Statement};
use crate::analyse::speakers::{clean_mention, Resolver};
use crate::span::Span;
use crate::vocab::QuoteKind;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &["speakers"];

/// The statements and speakers of the claims.
pub(in super::super) fn run(text: &str, claims: &Claims) -> Attribution {
    let claims = claims.all();
    let mut resolver = Resolver::new();
    let mut speaker: Vec<Option<usize>> = vec![None; claims.len()];
    let mut mention_of: Vec<Option<Span>> = claims.iter().map(|p| p.mention).collect();
    let mut cue_of: Vec<Option<Span>> = claims.iter().map(|p| p.cue).collect();
    resolve(text, claims, &mut resolver, &mut speaker, &mut mention_of);
    // Inherited speakers follow their chains (always to earlier statements, or at least to
    // different ones; bounded steps guard against cycles).
    for i in 0..claims.len() {
        let j = chain_end(claims, i);
        if j != i {
            speaker[i] = speaker[j];
            if mention_of[i].is_none() {
                mention_of[i] = claims[j].mention;
            }
            if cue_of[i].is_none() && claims[i].kind != QuoteKind::Indirect {
                cue_of[i] = claims[j].cue;
            }
        }
    }
    let mut statements: Vec<Statement> = claims
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.content.is_empty())
        .map(|(i, p)| Statement {
            kind: p.kind,
            content: p.content,
            speaker: speaker[i],
            speaker_mention: mention_of[i],
            cue: cue_of[i],
        })
        .collect();
    statements.sort_by_key(|s| (s.content.start, s.content.end));
    statements.dedup_by(|a, b| a.content == b.content);
    Attribution {
        statements,
        speakers: resolver.into_entities(),
    }
}

/// Resolves the claims' own mentions, in text order of the mentions (of the contents for
/// claims without one).
fn resolve(
    text: &str,
    claims: &[Claim],
    resolver: &mut Resolver,
    speaker: &mut [Option<usize>],
    mention_of: &mut [Option<Span>],
) {
    let mut idx: Vec<usize> = (0..claims.len()).collect();
    idx.sort_by_key(|&i| {
        let p = &claims[i];
        p.mention.map(|m| m.start).unwrap_or(p.content.start)
    });
    for &i in &idx {
        if let Some(m) = claims[i].mention {
            // A mention reduced to a weekday or a bare `His` names no one: better no speaker
            // than a speaker called `Saturday`.
            mention_of[i] = clean_mention(text, m);
            speaker[i] = mention_of[i].and_then(|m| resolver.resolve(text, m));
        }
    }
}

/// The claim whose speaker claim `i` takes: along its `inherit` links, at most
/// [`INHERIT_STEPS`] of them, to the first with a mention.
fn chain_end(claims: &[Claim], i: usize) -> usize {
    let mut j = i;
    let mut steps = 0;
    while claims[j].mention.is_none() && steps < INHERIT_STEPS {
        match claims[j].inherit {
            Some(k) if k != j => j = k,
            _ => break,
        }
        steps += 1;
    }
    j
}
