//! Quote leftovers: the quotations no frame took.
//!
//! - [`floating`]: a floating quotation continues the speaker of the statement just before
//!   it, in the same or the previous paragraph;
//! - [`embedded_partial`]: a quotation inside the content of an indirect statement is a
//!   partial statement of the same speaker (`castigated these claims as "empty and
//!   unfounded"`); one that is nearly the whole content makes the statement its quotation
//!   (`said "we will win"`);
//! - [`long_unframed`]: the others are direct statements with no speaker when long enough to
//!   be speech rather than a scare quote or a title.

use super::super::claims::Claim;
use super::super::filters::scare_quote;
use super::super::limits::*;
use super::super::{Found, Input};
use crate::vocab::QuoteKind;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &["floating", "embedded_partial", "long_unframed"];

/// Adds the statements of the leftover quotations.
pub(in super::super) fn run(inp: &Input, found: &mut Found) {
    floating(inp, found);
    embedded_partial(inp, found);
    long_unframed(inp, found);
}

/// A floating quotation takes the speaker of the statement just before it (by content
/// start), in the same or the previous paragraph.
fn floating(inp: &Input, found: &mut Found) {
    if found.floating.is_empty() {
        return;
    }
    let doc = &inp.doc;
    let last_tok = doc.toks.len() - 1;
    let mut order: Vec<(usize, usize)> = found
        .claims
        .all()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.content.start, i))
        .collect();
    order.sort_unstable();
    let mut k = 0;
    let mut last: Option<usize> = None;
    for &qi in &found.floating {
        let q = &inp.quotes[qi];
        while k < order.len() && order[k].0 < q.outer.start {
            last = Some(order[k].1);
            k += 1;
        }
        let open = doc.tok_at(q.outer.start).min(last_tok);
        let para = doc.para_of(open);
        let Some(pi) = last else { continue };
        let ppara = doc.para_of(found.claims.all()[pi].toks.0.min(last_tok));
        if ppara + 1 < para || found.quote_done[qi] {
            continue;
        }
        let close = doc.tok_at(q.outer.end).saturating_sub(1).max(open);
        last = Some(found.claims.push(Claim {
            kind: QuoteKind::Direct,
            content: q.inner,
            mention: None,
            cue: None,
            inherit: Some(pi),
            toks: (open, close + 1),
            sent: doc.toks[open].sent(),
            strong: false,
        }));
        found.quote_done[qi] = true;
    }
}

/// A quotation inside the content of an indirect statement of the cue clauses (or later).
fn embedded_partial(inp: &Input, found: &mut Found) {
    let doc = &inp.doc;
    let claims = &mut found.claims;
    let mut order: Vec<usize> = (claims.cue_start()..claims.len())
        .filter(|&i| claims.all()[i].kind == QuoteKind::Indirect)
        .collect();
    order.sort_by_key(|&i| claims.all()[i].content.start);
    let mut k = 0;
    let mut extra = Vec::new();
    for (qi, q) in inp.quotes.iter().enumerate() {
        if q.depth > 0 || q.single || found.quote_done[qi] {
            continue;
        }
        while k < order.len() && claims.all()[order[k]].content.end < q.inner.start {
            k += 1;
        }
        let Some(&pi) = order.get(k) else { continue };
        let content = claims.all()[pi].content;
        if content.contains(q.inner) {
            found.quote_done[qi] = true;
            let (part, whole) = NEARLY_ALL;
            if q.inner.len() * whole >= content.len() * part {
                let upper = q.inner.slice(inp.text).starts_with(char::is_uppercase);
                let kind = if upper {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                };
                claims.narrow_to_quote(pi, q.inner, kind);
                continue;
            }
            let open = doc.tok_at(q.outer.start).min(doc.toks.len() - 1);
            extra.push(Claim {
                kind: QuoteKind::Partial,
                content: q.inner,
                mention: None,
                cue: None,
                inherit: Some(pi),
                toks: (open, open),
                sent: doc.toks[open].sent(),
                strong: false,
            });
        } else if content.overlaps(q.inner) {
            found.quote_done[qi] = true;
        }
    }
    for claim in extra {
        claims.push(claim);
    }
}

/// A quotation no frame or statement took: speech when it is long enough.
fn long_unframed(inp: &Input, found: &mut Found) {
    let doc = &inp.doc;
    for (qi, q) in inp.quotes.iter().enumerate() {
        if found.quote_done[qi] || q.depth > 0 || q.single || scare_quote(inp.text, q) {
            continue;
        }
        let open = doc.tok_at(q.outer.start).min(doc.toks.len() - 1);
        found.claims.push(Claim {
            kind: QuoteKind::Direct,
            content: q.inner,
            mention: None,
            cue: None,
            inherit: None,
            toks: (open, open),
            sent: doc.toks[open].sent(),
            strong: false,
        });
    }
}
