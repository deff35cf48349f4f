//! Quote frames: each top-level quotation matched to what attributes it, tried in this order:
//!
//! - [`dash_name`]: a dash and a name closing the paragraph (`“…” ― Oscar P. Quintero`);
//! - [`after_quote`]: a cue after it (`"…," he said.`, `"…," said Oswaldo Oliveira`);
//! - [`before_quote`]: a cue before it, past a colon or a comma (`X said: "…"`), or, past a
//!   colon, the name or the subject of the introducing sentence ([`colon_subject`]:
//!   `Pew Research: "…"`, `Clinton has since apologized: "…"`);
//! - [`transcript_label`]: a speaker label opening it (`"WALLACE: Let's start …`);
//! - else [`continue_speaker`]: a quotation with no frame continues the speaker of the
//!   quotation before it in the paragraph or of the previous paragraph's (split quotes), or
//!   floats, to be given the speaker of the statement before it once the cue clauses are
//!   found; short ones are scare quotes or names and are skipped.
//!
//! A quotation closing a clause that narration opened (`a top priority "is …," Mr. Kamin
//! said`) yields the clause as an indirect statement and the quotation as a partial one.

use super::super::claims::Claim;
use super::super::cues::{Frame, Reliability};
use super::super::limits::*;
use super::super::words::*;
use super::super::{Found, Input};
use crate::text::quotes::QuotedSpan;
use crate::vocab::QuoteKind;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &[
    "dash_name",
    "after_quote",
    "before_quote",
    "colon_subject",
    "transcript_label",
    "continue_speaker",
    "closes_clause",
];

/// A quotation's cue index, speaker noun phrase (token range) and whether it is direct.
type QuoteFrame = (Option<usize>, Option<(usize, usize)>, bool);

/// A quotation among the tokens.
struct QuoteAt<'q> {
    q: &'q QuotedSpan,
    /// Tokens of the opening and the closing mark.
    open: usize,
    close: usize,
    para: usize,
    /// The paragraph's tokens.
    p0: usize,
    p1: usize,
    words_inside: usize,
}

/// Finds the frame of every quotation, in text order.
pub(in super::super) fn run(inp: &Input, found: &mut Found) {
    // (paragraph, claim) of the last quotation given a speaker.
    let mut last_quote: Option<(usize, usize)> = None;
    for (qi, q) in inp.quotes.iter().enumerate() {
        if q.depth > 0 {
            continue;
        }
        let Some(at) = quote_at(inp, q) else {
            continue;
        };
        let frame = dash_name(inp, &at)
            .or_else(|| after_quote(inp, found, &at))
            .or_else(|| before_quote(inp, found, &at))
            .or_else(|| transcript_label(inp, &at));
        match frame {
            Some(frame) => {
                if let Some(claim) = record(inp, found, &at, frame) {
                    found.quote_done[qi] = true;
                    last_quote = Some((at.para, claim));
                }
            }
            None => continue_speaker(inp, found, qi, &at, &mut last_quote),
        }
    }
}

fn quote_at<'q>(inp: &Input, q: &'q QuotedSpan) -> Option<QuoteAt<'q>> {
    let doc = &inp.doc;
    let open = doc.tok_at(q.outer.start);
    let close = doc.tok_at(q.outer.end).saturating_sub(1);
    if open >= doc.toks.len() || close >= doc.toks.len() || close < open {
        return None;
    }
    let para = doc.para_of(open);
    let (p0, p1) = doc.para_toks[para];
    let words_inside = (open..close).filter(|&i| doc.toks[i].word).count();
    Some(QuoteAt {
        q,
        open,
        close,
        para,
        p0,
        p1,
        words_inside,
    })
}

/// `“…” ― Oscar P. Quintero`: a dash and a name closing the paragraph.
fn dash_name(inp: &Input, at: &QuoteAt) -> Option<QuoteFrame> {
    let doc = &inp.doc;
    let (close, p1) = (at.close, at.p1);
    if at.q.unclosed || !doc.is(close + 1, &["―", "—", "–"]) || close + 2 >= p1 {
        return None;
    }
    let a = close + 2;
    let mut b = a;
    while b < p1 && b - a < DASH_NAME && (doc.toks[b].cap || doc.is(b, &["-", "."])) {
        b += 1;
    }
    let rest_ok = b >= p1 || doc.is(b, &[".", ","]);
    (b > a && rest_ok && doc.toks[a].cap).then_some((None, Some((a, b)), true))
}

/// After the quote: `, NP cue` or `, cue NP`, the first cue before the clause ends.
fn after_quote(inp: &Input, found: &Found, at: &QuoteAt) -> Option<QuoteFrame> {
    let (doc, text) = (&inp.doc, inp.text);
    let (close, p1) = (at.close, at.p1);
    if at.q.unclosed {
        return None;
    }
    let mut j = close + 1;
    if j < p1 && doc.is(j, &[",", "-", "—", "–"]) {
        j += 1;
    }
    let inner =
        at.q.inner
            .slice(text)
            .trim_end_matches(['\'', '’', '"', '”', ')']);
    let ended = inner.ends_with([',', '?', '!', '.', '-', '—', '…']) || j > close + 1;
    // A quote closed by a full stop ends its sentence: the next one is not its attribution
    // (`"…." Sanders said he …`).
    let full_stop = inner.ends_with('.');
    let next_lower = j < p1 && doc.toks[j].word && !doc.toks[j].cap;
    if !(ended && (!full_stop || next_lower) && j < p1) {
        return None;
    }
    let lim = p1.min(j + CUE_AFTER_QUOTE);
    let mut k = j;
    while k < lim && !doc.is(k, &[".", ";", ":", "\"", "“", "”", "?", "!"]) {
        if let Some(ci) = inp.cue_starting(k) {
            return cue_after_quote(inp, found, at, j, k, ci);
        }
        k += 1;
    }
    None
}

/// The frame of cue `ci` at token `k` after a quote whose attribution starts at `j`, if it
/// attributes it: it has a speaker, and does not start a new reported clause.
fn cue_after_quote(
    inp: &Input,
    found: &Found,
    at: &QuoteAt,
    j: usize,
    k: usize,
    ci: usize,
) -> Option<QuoteFrame> {
    let doc = &inp.doc;
    let (cue, e) = (&inp.cues[ci], inp.entry(ci));
    if e.frame == Frame::According || found.cue_used[ci] {
        return None;
    }
    let strong = e.reliability == Reliability::Strong;
    let np = if k > j {
        doc.left_np(k, j)
            .filter(|&(a, b)| {
                (a == j || doc.is(a - 1, &[","]))
                    && (doc.source_like(a, b) || strong && !e.participle && b - a <= 4)
            })
            .or_else(|| doc.right_np(j, k).filter(|&(a, b)| doc.source_like(a, b)))
    } else if e.participle {
        None
    } else {
        // `said the ruling`: a short phrase after a speech verb. The inversion after a
        // quote is itself a sign of speech.
        doc.right_np(cue.t1, at.p1).filter(|&(a, b)| {
            doc.source_like(a, b)
                || b - a <= 5
                    && (doc.toks[a].cap || doc.in_class(a, DETS) || doc.in_class(a, QUANTIFIERS))
        })
    };
    let tail_from = match np {
        Some((_, b)) if b > cue.t1 => b,
        _ => cue.t1,
    };
    // The tail ends at the sentence end or at the next quotation (`"A," he said, "B."`).
    let s1 = doc.sents[doc.toks[cue.t0].sent()].t1;
    // `said he …`, `said the …`: a reported clause follows, so the cue starts a new
    // statement.
    let clause_follows =
        e.frame != Frame::Tell && tail_from < s1 && doc.in_class(tail_from, CLAUSE_OPENERS);
    let attributes = e.participle || !clause_follows;
    (attributes && (np.is_some() || (k == j && e.participle))).then_some((Some(ci), np, true))
}

/// Before the quote: `NP cue (addressee/adjuncts) [:|,] "…"`, or after a colon the name or
/// the subject of the introducing sentence.
fn before_quote(inp: &Input, found: &Found, at: &QuoteAt) -> Option<QuoteFrame> {
    let doc = &inp.doc;
    let open = at.open;
    // `He said:` ending the paragraph before the quote.
    let colon_before = open == at.p0 && at.para > 0 && at.p0 > 0 && doc.is(at.p0 - 1, &[":"]);
    let p0 = if colon_before {
        doc.para_toks[at.para - 1].0
    } else {
        at.p0
    };
    // Without a colon or a comma the quote is part of a reported clause (`said that "…"`,
    // `called the claims "…"`): the cue clauses report the whole clause as a partial
    // statement.
    if !(open > p0 && doc.is(open - 1, &[":", ","])) {
        return None;
    }
    let k = open - 1;
    let sep = doc.w(k);
    let reach = if sep == ":" {
        CUE_BEFORE_COLON
    } else {
        CUE_BEFORE_COMMA
    };
    let lim = k.saturating_sub(reach).max(p0);
    let mut t = k;
    while t > lim {
        if let Some(ci) = inp.cue_ending(t) {
            let frame = cue_before_quote(inp, found, at, p0, k, sep, ci);
            if frame.is_some() || sep != ":" {
                return frame;
            }
            break;
        }
        t -= 1;
        if doc.punct(t) && !doc.is(t, &[",", "-"]) {
            break;
        }
    }
    if sep == ":" {
        colon_subject(inp, p0, k)
    } else {
        None
    }
}

/// The frame of cue `ci` ending before the separator `sep` at token `k` that opens a quote.
fn cue_before_quote(
    inp: &Input,
    found: &Found,
    at: &QuoteAt,
    p0: usize,
    k: usize,
    sep: &str,
    ci: usize,
) -> Option<QuoteFrame> {
    let doc = &inp.doc;
    let (cue, e) = (&inp.cues[ci], inp.entry(ci));
    if found.cue_used[ci] || e.frame == Frame::According {
        return None;
    }
    let s0 = doc.sents[doc.toks[cue.t0].sent()].t0.max(p0);
    let np = doc
        .left_np(cue.t0, s0)
        .or_else(|| doc.coordinated_subject(cue.t0, s0))
        .or_else(|| {
            // `Said Ellis: "…"`
            doc.right_np(cue.t1, k)
                .filter(|&(a, b)| b == k && doc.toks[a].cap && doc.source_like(a, b))
        });
    let inherits = e.participle || cue.t0 > 0 && doc.is(cue.t0 - 1, &["and", ","]);
    let np_ok =
        np.is_some_and(|(a, b)| e.reliability == Reliability::Strong || doc.source_like(a, b));
    if !(np_ok || (np.is_none() && inherits)) {
        return None;
    }
    let lower_start =
        at.q.inner
            .slice(inp.text)
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase());
    let direct = sep != "that" && !lower_start;
    Some((Some(ci), np, direct))
}

/// `Pew Research: "…"`: a name just before the colon at `k`; else `Clinton has since
/// apologized: "…"`: the subject of the introducing sentence.
fn colon_subject(inp: &Input, p0: usize, k: usize) -> Option<QuoteFrame> {
    let doc = &inp.doc;
    let s0 = doc.sents[doc.toks[k].sent()].t0.max(p0);
    let named = doc.left_np_core(k, s0).filter(|&(a, b)| {
        (a..b).all(|x| doc.toks[x].cap || doc.is(x, &["and", ".", "-"]))
            && doc.source_like(a, b)
            && !doc.in_class(a, COLON_HEADERS)
    });
    let np = named.or_else(|| doc.sentence_subject(s0, k))?;
    Some((None, Some(np), true))
}

/// `"WALLACE: Let's start …`: a transcript's speaker label opening the quote.
fn transcript_label(inp: &Input, at: &QuoteAt) -> Option<QuoteFrame> {
    let np = inp.doc.transcript_label(inp.text, at.open + 1, at.close)?;
    Some((None, Some(np), true))
}

/// Records a framed quotation (and the clause it closes, if narration opened it); returns
/// the quotation's claim, or `None` when a filter rules the frame out.
fn record(inp: &Input, found: &mut Found, at: &QuoteAt, frame: QuoteFrame) -> Option<usize> {
    let doc = &inp.doc;
    let (ci, np, direct) = frame;
    let (open, close) = (at.open, at.close);
    let (np, inherit) = speaker_of_frame(inp, found, at, ci, np);
    // A quote closing a clause that narration opened (`a top priority "is …," Mr. Kamin
    // said`): the clause is the statement, the quote a partial one.
    let sent_t0 = doc.sents[doc.toks[open].sent()].t0.max(at.p0);
    let embedded = ci.is_some_and(|c| inp.cues[c].t0 > close) && closes_clause(inp, at, sent_t0);
    // `On Sunday's broadcast of "Meet the Press," the minister said …`: a title inside a
    // fronted adverbial is not what the cue after it reports (and the cue stays free).
    if embedded && doc.fronted_adverbial(sent_t0, close + 1) {
        return None;
    }
    let cue = ci.map(|ci| {
        found.cue_used[ci] = true;
        doc.span(inp.cues[ci].t0, inp.cues[ci].t1)
    });
    let mention = np.map(|(a, b)| doc.span(a, b));
    let sent = doc.toks[open].sent();
    let clause = if embedded {
        doc.content(sent_t0, close + 1)
    } else {
        None
    };
    let clause_idx = clause.map(|content| {
        found.claims.push(Claim {
            kind: QuoteKind::Indirect,
            content,
            mention,
            cue,
            inherit,
            toks: (sent_t0, close + 1),
            sent,
            strong: true,
        })
    });
    let kind = if clause_idx.is_some() {
        QuoteKind::Partial
    } else if direct && (!at.q.single || at.words_inside >= 4) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    Some(found.claims.push(Claim {
        kind,
        content: at.q.inner,
        mention: if clause_idx.is_some() { None } else { mention },
        cue,
        inherit: clause_idx.or(inherit),
        toks: (open, close + 1),
        sent,
        strong: false,
    }))
}

/// The speaker phrase of a framed quotation, or the claim it inherits its speaker from:
/// the last of the paragraph when the frame names none, else (`Clinton posted a comment,
/// saying, "…"`) the subject of the cue's sentence.
fn speaker_of_frame(
    inp: &Input,
    found: &Found,
    at: &QuoteAt,
    ci: Option<usize>,
    np: Option<(usize, usize)>,
) -> (Option<(usize, usize)>, Option<usize>) {
    let doc = &inp.doc;
    if np.is_some() {
        return (np, None);
    }
    let inherit = found.claims.last_in_paragraph(doc, at.para);
    let np = match (inherit, ci) {
        (None, Some(ci)) => {
            let t0 = inp.cues[ci].t0;
            let s0 = doc.sents[doc.toks[t0].sent()].t0;
            doc.sentence_subject(s0, t0)
        }
        _ => None,
    };
    (np, inherit)
}

/// Whether the quotation closes a clause that narration opened in its sentence (from
/// `sent_t0`): three words or more before it, with no colon, comma, dash or mark between.
fn closes_clause(inp: &Input, at: &QuoteAt, sent_t0: usize) -> bool {
    let (doc, open) = (&inp.doc, at.open);
    open > sent_t0 + 2
        && !doc.is(open - 1, &[":", ",", "(", "—", "-", "–"])
        && !doc.quote_mark(open - 1)
        && (sent_t0..open)
            .filter(|&x| doc.toks[x].word)
            .take(3)
            .count()
            >= 3
}

/// A quotation with no frame: a split or floating quote continues the last quoted speaker
/// (in the paragraph, or the previous one when it opens its paragraph); one that opens a
/// paragraph or a sentence with no quoted speaker before it floats.
fn continue_speaker(
    inp: &Input,
    found: &mut Found,
    qi: usize,
    at: &QuoteAt,
    last_quote: &mut Option<(usize, usize)>,
) {
    let doc = &inp.doc;
    let (q, open, para) = (at.q, at.open, at.para);
    if q.single {
        return;
    }
    let starts_para = open == at.p0;
    let prev = last_quote.filter(|&(pp, _)| {
        pp == para || (starts_para && pp + 1 >= para && para > 0) || q.continued
    });
    let long_enough = at.words_inside >= CONTINUED_QUOTE_WORDS;
    let opens_sentence = open == doc.sents[doc.toks[open].sent()].t0;
    if prev.is_none() && long_enough && (starts_para || opens_sentence || q.continued) {
        found.floating.push(qi);
    }
    let Some((_, pi)) = prev.filter(|_| long_enough) else {
        return;
    };
    found.claims.push(Claim {
        kind: QuoteKind::Direct,
        content: q.inner,
        mention: None,
        cue: None,
        inherit: Some(pi),
        toks: (open, at.close + 1),
        sent: doc.toks[open].sent(),
        strong: false,
    });
    found.quote_done[qi] = true;
    *last_quote = Some((para, pi));
}
