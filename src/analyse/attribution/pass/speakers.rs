//! Speakers: the mentions of the claims and the speakers of the turns resolved into entities
//! in text order (by [`Resolver`]), inherited speakers followed along their chains, and the
//! claims and turns turned into the story's statements (dropped ones left out, one
//! statement per content, a turn before a claim of the same content). In a turn, `I` and
//! `we` are the turn's speaker.

use super::super::claims::{Claim, Claims};
use super::super::limits::INHERIT_STEPS;
use super::super::{Attribution, Statement};
use super::parties::{Parties, PartySpeakers};
use super::turns::{Turn, TurnSpeaker};
use crate::analyse::speakers::{clean_mention, Resolver};
use crate::span::Span;
use crate::vocab::{QuoteKind, SpeakerKind};

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &["speakers"];

/// The statements and speakers of the claims.
pub(in super::super) fn run(
    text: &str,
    claims: &Claims,
    turns: &[Turn],
    parties: Parties,
) -> Attribution {
    let claims = claims.all();
    let mut resolver = Resolver::new();
    let mut parties = PartySpeakers::new(text, parties, &mut resolver);
    let mut speaker: Vec<Option<usize>> = vec![None; claims.len()];
    let mut mention_of: Vec<Option<Span>> = claims.iter().map(|p| p.mention).collect();
    let mut cue_of: Vec<Option<Span>> = claims.iter().map(|p| p.cue).collect();
    let turn_speaker = resolve(
        text,
        claims,
        turns,
        (&mut resolver, &mut parties),
        &mut speaker,
        &mut mention_of,
    );
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
    // The turns first: of a turn and a claim with the same content, the turn stays.
    let mut statements: Vec<Statement> = turns
        .iter()
        .zip(&turn_speaker)
        .map(|(t, &speaker)| Statement {
            kind: QuoteKind::Direct,
            content: t.content,
            speaker,
            speaker_mention: t.label,
            cue: None,
            role: Some(t.role),
            reply_to: t.reply_to,
        })
        .collect();
    statements.extend(
        claims
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p, past_turn_label(turns, p.content)))
            .filter(|(_, _, content)| !content.is_empty())
            .map(|(i, p, content)| Statement {
                kind: p.kind,
                content,
                speaker: speaker[i],
                speaker_mention: mention_of[i],
                cue: cue_of[i],
                role: None,
                reply_to: None,
            }),
    );
    statements.sort_by_key(|s| (s.content.start, s.content.end));
    statements.dedup_by(|a, b| a.content == b.content);
    replies_to_statements(&mut statements);
    Attribution {
        statements,
        speakers: resolver.into_entities(),
    }
}

/// Resolves the claims' own mentions and the turns' speakers, in text order of the mentions
/// (of the contents for claims without one, of the labels for turns). Returns the speaker
/// of each turn.
fn resolve(
    text: &str,
    claims: &[Claim],
    turns: &[Turn],
    (resolver, parties): (&mut Resolver, &mut PartySpeakers),
    speaker: &mut [Option<usize>],
    mention_of: &mut [Option<Span>],
) -> Vec<Option<usize>> {
    // Claims by index, turns after them (`claims.len() + turn`), by position.
    let at = |i: usize| match turns.get(i.wrapping_sub(claims.len())) {
        Some(t) => t.label.map_or(t.content.start, |l| l.start),
        None => {
            let p = &claims[i];
            p.mention.map(|m| m.start).unwrap_or(p.content.start)
        }
    };
    let mut idx: Vec<usize> = (0..claims.len() + turns.len()).collect();
    idx.sort_by_key(|&i| (at(i), i < claims.len()));
    let mut turn_speaker: Vec<Option<usize>> = vec![None; turns.len()];
    // The turn the resolution is in.
    let mut current: Option<usize> = None;
    for &i in &idx {
        if i >= claims.len() {
            let k = i - claims.len();
            turn_speaker[k] = turn_entity(text, &turns[k], &turn_speaker, resolver);
            current = Some(k);
            continue;
        }
        if let Some(m) = claims[i].mention {
            let turn = current.map(|k| &turns[k]);
            let m = turn.map_or(m, |t| past_label(text, t, m));
            // A mention reduced to a weekday or a bare `His` names no one: better no speaker
            // than a speaker called `Saturday`.
            mention_of[i] = clean_mention(text, m);
            let in_turn =
                turn.is_some_and(|t| t.content.start <= m.start && m.end <= t.content.end);
            let turn_e = current.and_then(|k| turn_speaker[k]);
            speaker[i] = match turn_e.filter(|_| in_turn && first_person(m.slice(text))) {
                Some(e) => {
                    resolver.add_mention(e, m);
                    Some(e)
                }
                None => mention_of[i].and_then(|m| {
                    parties
                        .refer(text, m, resolver)
                        .or_else(|| resolver.resolve(text, m))
                }),
            };
        }
    }
    turn_speaker
}

/// A mention running into a turn's label (`Q And I` of `Q    And I know …`) without it.
fn past_label(text: &str, turn: &Turn, m: Span) -> Span {
    match turn.label {
        Some(l) if m.start < l.end && l.end < m.end => {
            let rest = &text[l.end..m.end];
            let skip = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '.')
                    .len();
            Span::new(l.end + skip, m.end)
        }
        _ => m,
    }
}

/// A claim's content without the turn label it runs into (`MR HARLOW: It is a short
/// flight` of `…, I promise`): from the turn's content on (empty when nothing is left).
fn past_turn_label(turns: &[Turn], content: Span) -> Span {
    let k = turns.partition_point(|t| t.content.start <= content.start);
    match turns.get(k) {
        Some(t)
            if t.label
                .is_some_and(|l| content.start <= l.start && l.start < content.end) =>
        {
            Span::new(t.content.start.min(content.end), content.end)
        }
        _ => content,
    }
}

/// Whether a mention is the speaker speaking: `I`, `we` (`And I`).
fn first_person(m: &str) -> bool {
    let mut words = m.split_whitespace();
    let last = words.next_back();
    words.count() <= 1 && matches!(last, Some("I" | "We" | "we"))
}

/// The entity of a turn's speaker, its label recorded as one of its mentions.
fn turn_entity(
    text: &str,
    turn: &Turn,
    done: &[Option<usize>],
    resolver: &mut Resolver,
) -> Option<usize> {
    let e = match &turn.speaker {
        TurnSpeaker::Mention(m) => resolver.resolve(text, *m),
        TurnSpeaker::SameAs(k) => done.get(*k).copied().flatten(),
        TurnSpeaker::Named(name, kind) => {
            let label = turn.label.unwrap_or(turn.content);
            // One `Journalist` for all the anonymous questions.
            let same = resolver
                .entities()
                .iter()
                .position(|e| e.name == *name && e.kind == *kind);
            if let Some(e) = same.filter(|_| *kind == SpeakerKind::Unknown) {
                resolver.add_mention(e, label);
                return Some(e);
            }
            return Some(resolver.add_named(name.clone(), *kind, label));
        }
        TurnSpeaker::Nobody => None,
    }?;
    if let Some(label) = turn.label {
        resolver.add_mention(e, label);
    }
    Some(e)
}

/// The `reply_to` of the turns' statements, which names a turn, made the index of that
/// turn's statement (the turns' statements are in text order, and none is removed as a
/// duplicate).
fn replies_to_statements(statements: &mut [Statement]) {
    let of_turn: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].role.is_some())
        .collect();
    for s in statements.iter_mut() {
        s.reply_to = s.reply_to.and_then(|t| of_turn.get(t).copied());
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
