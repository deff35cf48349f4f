//! Cue clauses: every cue no quotation took yields an indirect statement.
//!
//! - [`according`]: `according to X` before, after or inside the clause it attributes;
//! - [`quoting`]: `X was quoted as saying …`, `TASS quoted X as saying …`;
//! - [`say_tell_urge`]: the speaker is the subject before the verb (`Lavrov reaffirmed …`)
//!   and the clause after it the content, or, when only adjuncts follow the cue, the clause
//!   before the comma is ([`closing_attribution`]: `…, the ministry said.`, `…, said Li.`);
//!   a participle or a verb joined by `and` keeps the speaker of the statement before it
//!   (`…, pointing out that …`, `… and warned that …`). A new clause with its own speaker
//!   ends the content of the statement before it in the sentence ([`split_clause`]: `X said
//!   A, while Y urged B`).

use super::super::claims::Claim;
use super::super::cues::{CueEntry, Frame, Reliability};
use super::super::filters::table_row;
use super::super::limits::*;
use super::super::words::*;
use super::super::{Found, Input, Words};
use crate::span::Span;
use crate::vocab::QuoteKind;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &[
    "according",
    "quoting",
    "say_tell_urge",
    "closing_attribution",
    "split_clause",
    "expressive_act",
];

/// A token range `[start, end)`.
type Toks = (usize, usize);

/// A cue in its sentence, with the statement before it there.
struct CueAt {
    t0: usize,
    t1: usize,
    e: &'static CueEntry,
    sent: usize,
    s0: usize,
    s1: usize,
    /// The last claim of the sentence that is not a direct quotation (it may be clipped).
    prev: Option<usize>,
    /// Where the clause of this cue may start: after `prev`.
    clause_start: usize,
}

impl CueAt {
    fn strong(&self) -> bool {
        self.e.reliability == Reliability::Strong
    }

    fn cue_span(&self, doc: &Words) -> crate::span::Span {
        doc.span(self.t0, self.t1)
    }
}

/// What [`say_tell_urge`] has read around a cue.
struct Reading {
    /// The subject before the cue.
    np: Option<(usize, usize)>,
    /// The subject after the cue (`…, said John Smith.`).
    rest_np: Option<(usize, usize)>,
    /// Where the cue's verb group starts (auxiliaries before the cue included).
    before: usize,
    /// `… and warned`, `…, adding`, `went on to say`.
    joined: bool,
    /// Keeps the speaker of the statement before it.
    inherits: bool,
    /// Only adjuncts follow the cue (and its subject after it).
    tail_is_adjunct: bool,
}

/// Reads every cue not yet used, in text order.
pub(in super::super) fn run(inp: &Input, found: &mut Found) {
    for ci in 0..inp.cues.len() {
        if found.cue_used[ci] {
            continue;
        }
        let at = cue_at(inp, found, ci);
        let used = match at.e.frame {
            Frame::According => according(inp, found, &at),
            Frame::Quoting => quoting(inp, found, &at),
            _ => say_tell_urge(inp, found, &at),
        };
        if used {
            found.cue_used[ci] = true;
        }
    }
}

fn cue_at(inp: &Input, found: &Found, ci: usize) -> CueAt {
    let doc = &inp.doc;
    let c = &inp.cues[ci];
    let sent = doc.toks[c.t0].sent();
    let s = &doc.sents[sent];
    let prev = found
        .claims
        .last_in_sentence(sent, |p| p.kind != QuoteKind::Direct);
    let clause_start = prev
        .map(|p| found.claims.all()[p].toks.1)
        .unwrap_or(s.t0)
        .max(s.t0);
    CueAt {
        t0: c.t0,
        t1: c.t1,
        e: inp.entry(ci),
        sent,
        s0: s.t0,
        s1: s.t1,
        prev,
        clause_start,
    }
}

/// Adds an indirect statement of the cue `at`.
fn push(
    found: &mut Found,
    doc: &Words,
    at: &CueAt,
    claim: (Option<(usize, usize)>, (usize, usize)),
) {
    let (mention, toks) = claim;
    if let Some(content) = doc.content(toks.0, toks.1) {
        let i = found.claims.push(Claim {
            kind: QuoteKind::Indirect,
            content,
            mention: mention.map(|(a, b)| doc.span(a, b)),
            cue: Some(at.cue_span(doc)),
            inherit: None,
            toks,
            sent: at.sent,
            strong: false,
        });
        if at.e.expressive {
            found.claims.mute(i);
        }
    }
}

/// `According to X, …`, `…, according to X.`, `The talks, according to X, will resume`.
fn according(inp: &Input, found: &mut Found, at: &CueAt) -> bool {
    let doc = &inp.doc;
    let (s0, s1, clause_start) = (at.s0, at.s1, at.clause_start);
    let Some((a, b)) = doc.right_np(at.t1, s1) else {
        return false;
    };
    let comma_before = at.t0 > s0 + 1 && doc.is(at.t0 - 1, &[","]);
    let content = if at.t0 <= clause_start + 1 {
        (b, s1)
    } else if comma_before && b + 1 >= s1 {
        (clause_start, at.t0 - 1)
    } else if comma_before && doc.is(b, &[","]) {
        // Around the cue.
        (clause_start, s1)
    } else {
        (clause_start, at.t0)
    };
    let n = found.claims.len();
    push(found, doc, at, (Some((a, b)), content));
    found.claims.len() > n
}

/// `X was quoted as saying` / `TASS quoted X as saying`.
fn quoting(inp: &Input, found: &mut Found, at: &CueAt) -> bool {
    let doc = &inp.doc;
    let s0 = at.s0;
    let mut np = None;
    let from = at.t0.saturating_sub(QUOTED_BEFORE_AS_SAYING).max(s0);
    if let Some(q) = (from..at.t0).rev().find(|&k| doc.w(k) == "quoted") {
        if q + 1 < at.t0 {
            np = Some((q + 1, at.t0));
        } else {
            let mut k = q;
            while k > s0 && doc.in_class(k - 1, PASSIVE_AUX) {
                k -= 1;
            }
            np = doc.left_np(k, s0);
        }
    }
    let np = np.or_else(|| doc.left_np(at.t0, s0));
    let start = doc.content_start(at.t1, at.s1, Frame::Say);
    let n = found.claims.len();
    push(found, doc, at, (np, (start, at.s1)));
    found.claims.len() > n
}

/// A cue of the say, tell and urge frames: its speaker, its content, or the speaker it
/// keeps; `false` when it reports nothing.
fn say_tell_urge(inp: &Input, found: &mut Found, at: &CueAt) -> bool {
    let doc = &inp.doc;
    let Some(r) = read(doc, found, at) else {
        return false;
    };
    let clause_start = closing_attribution(doc, found, at, &r);
    let Some((mention, content)) = mention_and_content(doc, at, &r, clause_start) else {
        return false;
    };
    let Some(content_span) = doc.content(content.0, content.1) else {
        return false;
    };
    if doc.negated_comment_request((at.t0, at.t1), at.s0, content)
        || table_row(inp.text, content_span)
    {
        return false;
    }
    let Some((mention, inherit)) = speaker_link(doc, found, at, &r, mention) else {
        return false;
    };
    if let Some(pi) = at.prev {
        clip_previous(doc, found, at, &r, pi, mention, content);
    }
    let i = found.claims.push(Claim {
        kind: QuoteKind::Indirect,
        content: content_span,
        mention: mention.map(|(a, b)| doc.span(a, b)),
        cue: Some(at.cue_span(doc)),
        inherit,
        toks: content,
        sent: at.sent,
        strong: at.strong(),
    });
    if at.e.expressive {
        expressive_act(inp, found, i, content);
    }
    true
}

/// `thanked X for …`, `welcomed the decision`: an expressive act is not a statement. Its
/// claim stays the speaker of a verb joined to it and ends the clause before it; when a
/// speech cue after `but` or `and` follows in its content (`welcomed the decision but
/// warned against …`), the statement is what that cue governs.
fn expressive_act(inp: &Input, found: &mut Found, i: usize, content: (usize, usize)) {
    let doc = &inp.doc;
    let joined = (content.0 + 1..content.1).find_map(|t| {
        let ci = inp.cue_starting(t)?;
        let e = inp.entry(ci);
        (doc.is(t - 1, &["but", "and"]) && !e.expressive).then_some(ci)
    });
    let narrowed = joined.and_then(|ci| {
        let c = &inp.cues[ci];
        let content = doc.content(c.t1, content.1)?;
        Some((
            content,
            c.t1,
            Span::new(doc.toks[c.t0].span().start, doc.toks[c.t1 - 1].span().end),
        ))
    });
    match narrowed {
        Some((content, t, cue)) => found.claims.narrow_to_joined(i, content, t, cue),
        None => found.claims.mute(i),
    }
}

/// The subjects before and after the cue, whether it keeps an earlier speaker, and whether
/// only adjuncts follow it; `None` when a filter rules the cue out.
fn read(doc: &Words, found: &mut Found, at: &CueAt) -> Option<Reading> {
    let (s0, e) = (at.s0, at.e);
    let mut np = subject_before(doc, found, at);
    let mut before = at.t0;
    while before > s0 && doc.in_class(before - 1, AUX) {
        before -= 1;
    }
    if np.is_none() && before > s0 && doc.is(before - 1, &["who", "which", "that"]) {
        // `a child, who said …`: the speaker is the relative pronoun's antecedent.
        np = doc.antecedent(before - 1, s0);
    }
    let joined = before > s0
        && np.is_none()
        && (doc.is(before - 1, &["and", ","])
            || doc.is(before - 1, &["to"]) && before > s0 + 1 && doc.is(before - 2, &["on"]));
    if doc.modal_possibility(before, at.t0) && !at.strong() {
        return None;
    }
    let inherits = np.is_none() && (e.participle || joined);
    if np.is_some_and(|(a, _)| doc.free_relative(a, s0)) && !at.strong() {
        return None;
    }
    let np = np.filter(|&np| valid_subject(doc, at, np));
    if e.reliability == Reliability::QuoteOnly {
        return None;
    }
    let rest_np = if np.is_none() && !e.participle && before > s0 && doc.is(before - 1, &[","]) {
        // `…, said John Smith.`
        doc.right_np(at.t1, at.s1).filter(|&(a, b)| {
            doc.source_like(a, b) && (at.strong() || b - a <= NAME_AFTER_CUE && doc.toks[a].cap)
        })
    } else {
        None
    };
    let tail_from = rest_np.map(|(_, b)| b).unwrap_or(at.t1);
    let tail_is_adjunct = tail_is_adjunct(doc, at, tail_from);
    Some(Reading {
        np,
        rest_np,
        before,
        joined,
        inherits: inherits && !(rest_np.is_some() && tail_is_adjunct),
        tail_is_adjunct,
    })
}

/// The subject before the cue, within its clause; the subject may also lie inside the
/// content of a weak statement before it in the sentence (`X agreed to …, the EU's chief
/// said.`: the closing attribution wins), or open a new clause ([`split_clause`]).
fn subject_before(doc: &Words, found: &mut Found, at: &CueAt) -> Option<(usize, usize)> {
    let (s0, clause_start) = (at.s0, at.clause_start);
    let mut np = doc.left_np(at.t0, clause_start.max(s0));
    let Some(pi) = at.prev else {
        return np;
    };
    // The subject over the whole sentence: the one just read when the clause starts the
    // sentence (not read twice).
    let whole = if clause_start <= s0 {
        np
    } else {
        doc.left_np(at.t0, s0)
    };
    let Some((a, b)) = whole else {
        return np;
    };
    let prev = &found.claims.all()[pi];
    if a >= prev.toks.0
        && a < clause_start
        && a > s0
        && doc.is(a - 1, &[","])
        && !prev.strong
        && found.claims.is_cue_clause(pi)
        && at.strong()
        && doc.tail_is_adjunct(at.t1, at.s1)
    {
        np = Some((a, b));
    }
    if np.is_none() && split_clause(doc, a, b, prev.toks.0, s0) {
        np = Some((a, b));
        found.claims.clip(pi, a - 1, doc);
    }
    np
}

/// `X said A, while Y urged B`: a subject `a..b` after `, while` (or `but`, `;`…) inside the
/// statement before it (which starts at `prev_start`) opens a new clause with its own
/// speaker, which ends that statement.
fn split_clause(doc: &Words, a: usize, b: usize, prev_start: usize, s0: usize) -> bool {
    a >= prev_start
        && a > s0 + 1
        && doc.in_class(a - 1, CONTRAST_CONJUNCTIONS)
        && doc.is(a - 2, &[",", ";"])
        && doc.source_like(a, b)
}

/// Whether the subject `a..b` may speak through this cue: any short phrase for a strong
/// verb, a source for a weak one, a document for a document verb.
fn valid_subject(doc: &Words, at: &CueAt, (a, b): (usize, usize)) -> bool {
    let e = at.e;
    match e.reliability {
        Reliability::Strong if !e.participle => {
            doc.source_like(a, b)
                || b - a <= STRONG_SUBJECT
                    && (doc.toks[a].cap
                        || doc.in_class(a, DETS)
                        || doc.in_class(a, SUBJECT_QUANTIFIERS))
        }
        Reliability::Weak | Reliability::Strong => {
            let core = (a..b).find(|&i| doc.is(i, &[","])).unwrap_or(b);
            // `The transcript shows that …`: a `that` clause after the verb makes it a
            // report whatever its short subject.
            let that_clause = b == at.t0 && doc.is(at.t1, &["that"]) && !e.participle;
            core - a <= WEAK_SUBJECT
                && (doc.source_like(a, b) || that_clause && core - a <= THAT_CLAUSE_SUBJECT)
        }
        Reliability::Doc => doc.doc_like(a, b),
        Reliability::QuoteOnly => false,
    }
}

/// Whether only adjuncts follow the cue from `tail_from` to the sentence end.
fn tail_is_adjunct(doc: &Words, at: &CueAt, tail_from: usize) -> bool {
    let s1 = at.s1;
    if doc.tail_is_adjunct(tail_from, s1) {
        return true;
    }
    if at.e.frame != Frame::Tell || (tail_from..s1).any(|k| doc.is(k, &["that"])) {
        return false;
    }
    // `…, Obama told his closest advisers as he …`: an addressee, then adjuncts.
    let lim = s1.min(tail_from + TELL_ADDRESSEE);
    (tail_from..=lim)
        .any(|k| k >= s1 || doc.in_class(k, PREPS) || doc.in_class(k, TELL_ADJUNCT_OPENERS))
}

/// A closing attribution (`…, said Li.`) overrides a weaker statement found earlier in the
/// same clause (`Nobody asked the miners …, said Li.`): that one is dropped, and the clause
/// starts with the sentence. Returns where the clause starts.
fn closing_attribution(doc: &Words, found: &mut Found, at: &CueAt, r: &Reading) -> usize {
    let s0 = at.s0;
    let closing_comma = match (r.np, r.rest_np) {
        (Some((a, _)), _) if a > s0 && doc.is(a - 1, &[","]) => Some(a - 1),
        (None, Some(_)) if !r.inherits => Some(r.before - 1),
        _ => None,
    };
    if let (Some(comma), Some(pi)) = (closing_comma, at.prev) {
        if r.tail_is_adjunct
            && comma <= at.clause_start
            && found.claims.is_cue_clause(pi)
            && !found.claims.all()[pi].strong
        {
            found.claims.drop(pi, s0);
            return s0;
        }
    }
    at.clause_start
}

/// The speaker mention and the content's token range, by where the subject is: before the
/// cue after a comma (`…, the minister said`), around it (`The museum, Obama said, would`),
/// before it with the content after, after it (`…, said Li.`), or none (a kept speaker).
fn mention_and_content(
    doc: &Words,
    at: &CueAt,
    r: &Reading,
    clause_start: usize,
) -> Option<(Option<Toks>, Toks)> {
    let (s0, s1, after) = (at.s0, at.s1, at.t1);
    // The speaker mention before the cue must follow a comma for a closing attribution.
    let comma_before = |a: usize| a > s0 && doc.is(a - 1, &[",", "—", "-"]);
    if let Some((a, b)) = r.np {
        return if r.tail_is_adjunct && comma_before(a) && a - 1 > clause_start {
            (!doc.fronted_adverbial(clause_start, a - 1)).then_some((r.np, (clause_start, a - 1)))
        } else if r.tail_is_adjunct && doc.bare_said(a, s0, at.t0) {
            None
        } else if comma_before(a) && doc.is(after, &[","]) && a - 1 > clause_start {
            Some((Some((a, b)), (clause_start, s1)))
        } else {
            let start = doc.content_start(after, s1, at.e.frame);
            Some((Some((a, b)), (start, s1)))
        };
    }
    if let Some(rest) = r.rest_np.filter(|_| !r.inherits) {
        let before = r.before;
        let ok = r.tail_is_adjunct
            && before - 1 > clause_start
            && !doc.fronted_adverbial(clause_start, before - 1);
        return ok.then_some((Some(rest), (clause_start, before - 1)));
    }
    if r.inherits {
        let start = doc.content_start(after, s1, at.e.frame);
        return Some((None, (start, s1)));
    }
    None
}

/// The mention of a statement without a subject of its own: the subject of a coordinated
/// verb, else the statement it inherits from (the last of its sentence, else of its
/// paragraph), else the sentence's subject. `None` when there is no speaker at all.
fn speaker_link(
    doc: &Words,
    found: &Found,
    at: &CueAt,
    r: &Reading,
    mention: Option<(usize, usize)>,
) -> Option<(Option<Toks>, Option<usize>)> {
    let mut mention = mention;
    if mention.is_none() && r.joined {
        mention = doc.coordinated_subject(r.before, at.s0);
    }
    if mention.is_some() {
        return Some((mention, None));
    }
    let p = found.claims.last_in_sentence(at.sent, |_| true);
    if p.is_none() {
        mention = doc.sentence_subject(at.s0, r.before);
    }
    let p = p.or_else(|| found.claims.last_in_paragraph(doc, doc.para_of(at.t0)));
    if p.is_none() && mention.is_none() {
        return None;
    }
    Some((mention, p.filter(|_| mention.is_none())))
}

/// A new clause clips the content of the statement `pi` before it in the sentence.
fn clip_previous(
    doc: &Words,
    found: &mut Found,
    at: &CueAt,
    r: &Reading,
    pi: usize,
    mention: Option<(usize, usize)>,
    content: (usize, usize),
) {
    let mut clip = match mention {
        Some(_) if content.1 <= at.t0 => content.0,
        // `Park called for restraint, while Whitman reaffirmed …`: the new clause starts at
        // its subject and the conjunction before it.
        Some((a, _)) if a < r.before => a,
        _ => r.before.saturating_sub(if r.joined { 1 } else { 0 }),
    };
    if mention.is_some_and(|(a, _)| a == clip) {
        while clip > at.s0 && doc.in_class(clip - 1, CLIP_CONJUNCTIONS) {
            clip -= 1;
        }
    }
    if found.claims.is_cue_clause(pi) {
        found.claims.clip(pi, clip, doc);
    }
}
