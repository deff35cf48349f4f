//! Claims: the statements the passes have found, before their speakers are resolved.
//!
//! A pass adds claims with [`Claims::push`]; the few edits a later pass makes to an earlier
//! claim are named operations: [`Claims::clip`] (a new clause ends the content of the one
//! before it), [`Claims::drop`] (a closing attribution overrides a weaker reading of the same
//! clause) and [`Claims::narrow_to_quote`] (a quotation that is nearly the whole content makes
//! the statement direct). A claim with no mention of its own names the claim it takes its
//! speaker from (`inherit`).

use super::words::Words;
use crate::span::Span;
use crate::vocab::QuoteKind;

/// A statement before its speaker is resolved.
#[derive(Debug, Clone)]
pub(super) struct Claim {
    pub(super) kind: QuoteKind,
    pub(super) content: Span,
    pub(super) mention: Option<Span>,
    pub(super) cue: Option<Span>,
    /// Take the speaker of another claim.
    pub(super) inherit: Option<usize>,
    /// Token range of the content, for clipping by later clauses.
    pub(super) toks: (usize, usize),
    pub(super) sent: usize,
    /// Found through a reliable speech verb.
    pub(super) strong: bool,
}

/// The claims of a story, in the order the passes found them: first the quotations'
/// (in text order), then from [`Claims::start_cue_clauses`] on the cue clauses' (in text
/// order too), then the later passes'.
pub(super) struct Claims {
    list: Vec<Claim>,
    /// Index of the first claim of a cue clause (`usize::MAX` until that pass starts).
    cue_start: usize,
}

impl Claims {
    pub(super) fn new() -> Claims {
        Claims {
            list: Vec::new(),
            cue_start: usize::MAX,
        }
    }

    /// Adds a claim; returns its index.
    pub(super) fn push(&mut self, claim: Claim) -> usize {
        self.list.push(claim);
        self.list.len() - 1
    }

    /// The claims in the order they were found.
    pub(super) fn all(&self) -> &[Claim] {
        &self.list
    }

    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    /// The claims pushed from now on are cue clauses'.
    pub(super) fn start_cue_clauses(&mut self) {
        self.cue_start = self.list.len();
    }

    /// Index of the first claim of the cue clauses (the end of the quotations' ones).
    pub(super) fn cue_start(&self) -> usize {
        self.cue_start.min(self.list.len())
    }

    /// Whether claim `i` was found by the cue clauses or a later pass (not from a quotation).
    pub(super) fn is_cue_clause(&self, i: usize) -> bool {
        i >= self.cue_start
    }

    /// Ends claim `i`'s content before token `at`, when `at` falls inside it and what is left
    /// is still a content.
    pub(super) fn clip(&mut self, i: usize, at: usize, doc: &Words) {
        let c = &mut self.list[i];
        // A muted claim stays out of the statements.
        if c.toks.0 < at && c.toks.1 > at && !c.content.is_empty() {
            if let Some(content) = doc.content(c.toks.0, at) {
                c.content = content;
                c.toks.1 = at;
            }
        }
    }

    /// Drops claim `i` (an empty content is left out of the statements); its token range
    /// becomes empty at `s0`, the start of its sentence.
    pub(super) fn drop(&mut self, i: usize, s0: usize) {
        let c = &mut self.list[i];
        c.content = Span::new(0, 0);
        c.toks = (s0, s0);
    }

    /// Leaves claim `i` out of the statements (an expressive act, `thanked X for …`) and
    /// keeps its token range: it still ends the clause before it and gives its speaker to a
    /// verb joined to it, as a statement would.
    pub(super) fn mute(&mut self, i: usize) {
        self.list[i].content = Span::new(0, 0);
    }

    /// Makes claim `i` of an expressive act the statement of the speech cue `cue` joined to
    /// it (`welcomed the decision but warned against …`): `content` from token `t` on.
    pub(super) fn narrow_to_joined(&mut self, i: usize, content: Span, t: usize, cue: Span) {
        let c = &mut self.list[i];
        c.content = content;
        c.toks.0 = t;
        c.cue = Some(cue);
    }

    /// Makes claim `i` the quotation `inner` that is nearly all of its content.
    pub(super) fn narrow_to_quote(&mut self, i: usize, inner: Span, kind: QuoteKind) {
        let c = &mut self.list[i];
        c.content = inner;
        c.kind = kind;
    }

    /// The last claim with `key(c) == key` that satisfies `ok`, in O(log n + k): the claims
    /// before [`Claims::cue_start`] (quotations) and from it on (cues) are each in text
    /// order, so the first part is searched by bisection and the second scanned back only
    /// while its keys are not smaller. This keeps attribution linear on stories with
    /// thousands of statements.
    pub(super) fn last_matching(
        &self,
        key_of: impl Fn(&Claim) -> usize,
        key: usize,
        ok: impl Fn(&Claim) -> bool,
    ) -> Option<usize> {
        let list = &self.list;
        let split = self.cue_start();
        for i in (split..list.len()).rev() {
            let k = key_of(&list[i]);
            if k < key {
                break;
            }
            if k == key && ok(&list[i]) {
                return Some(i);
            }
        }
        let hi = list[..split].partition_point(|p| key_of(p) <= key);
        (0..hi)
            .rev()
            .take_while(|&i| key_of(&list[i]) == key)
            .find(|&i| ok(&list[i]))
    }

    /// The last claim of sentence `sent` that satisfies `ok`.
    pub(super) fn last_in_sentence(
        &self,
        sent: usize,
        ok: impl Fn(&Claim) -> bool,
    ) -> Option<usize> {
        self.last_matching(|c| c.sent, sent, ok)
    }

    /// The last claim of paragraph `para`.
    pub(super) fn last_in_paragraph(&self, doc: &Words, para: usize) -> Option<usize> {
        self.last_matching(|c| doc.para_of_sentence(c.sent), para, |_| true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(sent: usize, toks: (usize, usize)) -> Claim {
        Claim {
            kind: QuoteKind::Indirect,
            content: Span::new(toks.0, toks.1),
            mention: None,
            cue: None,
            inherit: None,
            toks,
            sent,
            strong: false,
        }
    }

    /// (name, claims' sentences, quotation claims before the cue clauses, sentence asked,
    /// the last claim of that sentence).
    type Case = (&'static str, &'static [usize], usize, usize, Option<usize>);

    /// The last claim of a sentence is found in both parts (quotations, cue clauses).
    #[test]
    fn last_in_sentence_finds_the_last_of_either_part() {
        let cases: &[Case] = &[
            ("none", &[], 0, 0, None),
            ("only quotations", &[0, 1, 1, 2], 4, 1, Some(2)),
            (
                "a cue clause wins over quotations",
                &[0, 1, 1, 1, 2],
                3,
                1,
                Some(3),
            ),
            ("quotation when no cue clause", &[1, 2, 0, 3], 2, 1, Some(0)),
            ("absent sentence", &[0, 2, 1, 3], 2, 4, None),
            ("cue clauses only", &[0, 0, 1], 0, 0, Some(1)),
        ];
        for &(name, sents, quotes, sent, want) in cases {
            let mut claims = Claims::new();
            for (i, &s) in sents.iter().enumerate() {
                if i == quotes {
                    claims.start_cue_clauses();
                }
                claims.push(claim(s, (i, i + 1)));
            }
            if quotes >= sents.len() {
                claims.start_cue_clauses();
            }
            assert_eq!(claims.last_in_sentence(sent, |_| true), want, "{name}");
        }
    }

    /// `drop` empties a claim (left out of the statements) and keeps it in place, so that
    /// claim indices and inherit links stay valid.
    #[test]
    fn drop_keeps_the_claim_in_place() {
        let mut claims = Claims::new();
        claims.push(claim(0, (2, 5)));
        let kept = claims.push(claim(0, (6, 8)));
        claims.drop(0, 1);
        assert!(claims.all()[0].content.is_empty());
        assert_eq!(claims.all()[0].toks, (1, 1));
        assert_eq!(claims.all()[kept].toks, (6, 8));
    }
}
