//! The tense of the clause around an expression: the nearest tense cue in a bounded window,
//! which decides whether a bare weekday or month looks back or ahead.

use super::grammar::G;
use super::lexicon::{in_list, List};
use super::normalise::Tense;
use super::tokens::K;

/// How many tokens the tense window reaches on each side.
const WINDOW: usize = 20;

impl G<'_> {
    /// The tense of the clause around tokens `[s, e)`: the nearest cue within a few tokens,
    /// not crossing a sentence boundary.
    pub(super) fn tense(&self, s: usize, e: usize) -> Tense {
        self.tense_at(s, e).0
    }

    /// [`Self::tense`] with the distance in tokens to the cue that decided it.
    pub(super) fn tense_at(&self, s: usize, e: usize) -> (Tense, usize) {
        let back = self.tense_before(s);
        let fwd = self.tense_after(e, back.is_some());
        match (back, fwd) {
            (Some((a, t)), Some((b, u))) => {
                if a <= b {
                    (t, a)
                } else {
                    (u, b)
                }
            }
            (Some((a, t)), None) | (None, Some((a, t))) => (t, a),
            _ => (Tense::Unknown, usize::MAX),
        }
    }

    /// Whether token `j` ends a clause for the tense window: sentence punctuation (not the dot
    /// of `U.S.` or `Jan.`), a semicolon or a line break.
    fn clause_boundary(&self, j: usize) -> bool {
        match self.t[j].k {
            // not the dot of "U.S." or "Jan."
            K::P('.') => !(j > 0 && (self.raw(j - 1).len() <= 2 || self.month_at(j - 1).is_some())),
            K::P('!') | K::P('?') | K::P(';') | K::P('\n') => true,
            _ => false,
        }
    }

    /// The tense token `j` gives as a cue, if any: `until`, a tense word of the lexicon, or
    /// an `-ed` word, read with the auxiliaries around it.
    fn tense_cue(&self, j: usize) -> Option<Tense> {
        // Only `until`, a word with a tense reading (`was`, `were` and `set` among them)
        // and an `-ed` word can be cues: most words of the window are none of them.
        let K::Word { lex, .. } = self.t[j].k else {
            return None;
        };
        if !lex.is_some_and(|l| l.cue) && !self.ed(j) {
            return None;
        }
        // `until Friday`, `extended until 9 a.m. Tuesday`: a deadline ahead
        // but `Until Thursday, they had not called him a suspect`: a state that ended
        if self.wd(j, "until") {
            let had = (j + 1..(j + 9).min(self.t.len()))
                .take_while(|&k| !matches!(self.t[k].k, K::P('.' | ';' | '\n')))
                .any(|k| self.is_word_text(k, "had"));
            return Some(if had { Tense::Past } else { Tense::Future });
        }
        // `set` looks ahead only as `set to` / `set for`, not `set aside`
        if self.is_word_text(j, "set")
            && !(self.is_word_text(j + 1, "to") || self.is_word_text(j + 1, "for"))
        {
            return None;
        }
        // `were planning a rally on Saturday`: a plan still ahead
        if (self.is_word_text(j, "was") || self.is_word_text(j, "were"))
            && j + 1 < self.t.len()
            && self.ing_plan(j + 1)
        {
            return Some(Tense::Future);
        }
        let ed = self.ed(j);
        // `untouched`, `unspecified`: adjectives, not past verbs
        let adjective = ed && self.raw(j).starts_with("un");
        let t = lex.and_then(|l| l.tense).or(if ed && !adjective {
            Some(Tense::Past)
        } else {
            None
        })?;
        Some(self.with_auxiliaries(j, t))
    }

    /// An `-ing` form of a plan word (`planning`, `scheduling`): a plan still ahead.
    fn ing_plan(&self, k: usize) -> bool {
        self.raw(k).ends_with("ing") && self.lex(k).and_then(|l| l.tense) == Some(Tense::Future)
    }

    /// The tense `t` of the cue at `j` as the auxiliaries before it make it: a plan word after
    /// a past auxiliary is past (`had been due to`), a participle after a modal and `be` is
    /// ahead (`will be held`).
    fn with_auxiliaries(&self, j: usize, t: Tense) -> Tense {
        // "had been due to", "was scheduled to": a plan in the past
        let past_aux = |k: usize| self.in_list(k, List::PastAux);
        if t == Tense::Future
            && !self.ing_plan(j)
            && ((j >= 1 && past_aux(j - 1)) || (j >= 2 && past_aux(j - 2)))
        {
            return Tense::Past;
        }
        // "will be held", "could be announced", "is to be signed": a participle after a
        // bare `be` is a passive whose time comes from the modal before it
        if t == Tense::Past
            && j >= 2
            && self.is_word_text(j - 1, "be")
            && self.in_list(j - 2, List::PassiveModal)
        {
            return Tense::Future;
        }
        t
    }

    /// The nearest cue before token `s` within the window: its distance and tense.
    fn tense_before(&self, s: usize) -> Option<(usize, Tense)> {
        let mut comma_back = false;
        let mut j = s;
        let mut dist = 0;
        while j > 0 && dist < WINDOW {
            j -= 1;
            dist += 1;
            if self.clause_boundary(j) {
                break;
            }
            if let Some(mut t) = self.tense_cue(j) {
                // `will meet`, `to visit`, `did not meet`: the auxiliary decides
                if t == Tense::Present {
                    if j >= 1 && self.is_word_text(j - 1, "to") {
                        t = Tense::Future;
                    } else if let Some(u) = (1..=2)
                        .filter(|&k| j >= k)
                        .find_map(|k| self.tense_cue(j - k).filter(|&u| u != Tense::Present))
                    {
                        t = u;
                    }
                }
                return Some((dist, t));
            }
            // an infinitive between the date and any verb before it looks ahead of that verb
            // (`agreed to buy it in February`, `is to resume trading Tuesday`)
            if self.p(j, ',') {
                comma_back = true;
            }
            if !comma_back && self.is_word_text(j, "to") && self.infinitive(j + 1) {
                // but `had been due to expire`: a plan already past
                let planned_past = j >= 1
                    && self.lex(j - 1).and_then(|l| l.tense) == Some(Tense::Future)
                    && self.tense_cue(j - 1) == Some(Tense::Past);
                let t = if planned_past {
                    Tense::Past
                } else {
                    Tense::Future
                };
                return Some((dist, t));
            }
        }
        None
    }

    /// The nearest past or future cue from token `e` on within the window (stopping at a
    /// comma when `comma_ends` is set): its distance and tense.
    fn tense_after(&self, e: usize, comma_ends: bool) -> Option<(usize, Tense)> {
        let mut j = e;
        let mut dist = 0;
        while j < self.t.len() && dist < WINDOW {
            dist += 1;
            if self.clause_boundary(j) {
                break;
            }
            // a verb after a comma reports the news (`in June, the ministry said`) and gives
            // way to any cue before the date
            if comma_ends && self.p(j, ',') {
                break;
            }
            // a present verb after the date (`Monday's vote is seen as`) says nothing of it
            if let Some(t) = self.tense_cue(j).filter(|&t| t != Tense::Present) {
                return Some((dist, t));
            }
            j += 1;
        }
        None
    }

    /// A lowercase word after `to` that reads as a verb, not a noun phrase or a date.
    pub(super) fn infinitive(&self, j: usize) -> bool {
        match self.t.get(j).map(|t| t.k) {
            Some(K::Word { lex, .. }) => {
                let raw = self.raw(j);
                raw.starts_with(|c: char| c.is_ascii_lowercase())
                    && lex.is_none()
                    && !in_list(List::NotVerb, raw)
                    && !raw.ends_with("ed")
                    && !raw.ends_with("ing")
            }
            _ => false,
        }
    }
}
