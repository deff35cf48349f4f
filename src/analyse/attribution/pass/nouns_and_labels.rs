//! Nouns and labels: statements without a speech verb, in sentences and paragraphs that hold
//! no statement yet:
//!
//! - [`speech_noun_that`]: a speech noun after a possessive, with a that-clause (`Moscow's
//!   claim that …`);
//! - [`colon_label`]: a name and a colon opening a paragraph (`Lavrov: Russia is ready for
//!   talks`, in headlines and interview transcripts), not a header (`Date:`) or a title-case
//!   phrase (`Stealth Over Health:`).

use super::super::claims::Claim;
use super::super::filters::table_row;
use super::super::limits::*;
use super::super::words::*;
use super::super::{Found, Input};
use crate::text::Doc;
use crate::vocab::QuoteKind;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &["speech_noun_that", "colon_label"];

/// Adds the speech-noun and colon-label statements.
pub(in super::super) fn run(inp: &Input, found: &mut Found) {
    let doc = &inp.doc;
    // Sentences and paragraphs that already hold a statement (one pass, so that the two
    // scans below stay linear).
    let mut sent_has = vec![false; doc.sents.len()];
    let mut para_has = vec![false; doc.para_toks.len()];
    for p in found.claims.all() {
        if let Some(x) = sent_has.get_mut(p.sent) {
            *x = true;
        }
        if let Some(x) = para_has.get_mut(doc.para_of_sentence(p.sent)) {
            *x = true;
        }
    }
    // A turn's label is the turns pass's.
    for &p in &found.label_paras {
        if let Some(x) = para_has.get_mut(p) {
            *x = true;
        }
    }
    speech_noun_that(inp, found, &mut sent_has);
    colon_label(inp, found, &para_has);
}

/// The tokens `t` from 1 with two tokens after it whose next token is `that`, in order:
/// found by a search of `that` in the lower-cased text ([`Doc::norm`]) rather than by a test
/// of every token of the story. A token whose lower-case form is `that` is ASCII (no other
/// letter lower-cases to `t`, `h` or `a`), so its form is in the text's own place there.
///
/// [`Doc::norm`]: crate::text::Doc
fn before_that(doc: &Doc) -> impl Iterator<Item = usize> + '_ {
    static THAT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"that"));
    let end = doc.toks.len().saturating_sub(1);
    // The tokens are in text order, as the matches are: one cursor walks both.
    let mut next = 0;
    THAT.find_iter(doc.norm.as_bytes())
        .map_while(move |p| {
            next += doc
                .toks
                .get(next..end)?
                .partition_point(|t| t.span().start < p);
            Some((next, p))
        })
        .filter(move |&(next, p)| next >= 2 && next < end && doc.toks[next].norm() == (p..p + 4))
        .map(|(next, _)| next - 1)
}

/// `Moscow's claim that …`: every token `t` from 1 with two tokens after it, by the token
/// after it.
fn speech_noun_that(inp: &Input, found: &mut Found, sent_has: &mut [bool]) {
    let doc = &inp.doc;
    for t in before_that(doc) {
        if !doc.in_class(t, SPEECH_NOUNS) || doc.toks[t].quoted {
            continue;
        }
        let poss = doc.w(t - 1);
        if !(poss.ends_with("'s") || poss.ends_with("s'"))
            || doc.toks[t - 1].sent() != doc.toks[t].sent()
        {
            continue;
        }
        let sent = doc.toks[t].sent();
        let s = &doc.sents[sent];
        let Some((a, _)) = doc.left_np_core(t, s.t0) else {
            continue;
        };
        if !doc.source_like(a, t) {
            continue;
        }
        let Some(content) = doc.content(t + 2, s.t1) else {
            continue;
        };
        if sent_has[sent] {
            continue;
        }
        sent_has[sent] = true;
        found.claims.push(Claim {
            kind: QuoteKind::Indirect,
            content,
            mention: Some(doc.span(a, t)),
            cue: Some(doc.toks[t].span()),
            inherit: None,
            toks: (t + 2, s.t1),
            sent,
            strong: false,
        });
    }
}

/// `Lavrov: Russia is ready for talks`: a name and a colon opening a paragraph.
fn colon_label(inp: &Input, found: &mut Found, para_has: &[bool]) {
    let doc = &inp.doc;
    for (para, &(p0, p1)) in doc.para_toks.iter().enumerate() {
        let lim = p1.min(p0 + LABEL_NAME);
        if !inp.may_hold_colon(p0 + 1, lim) {
            continue;
        }
        let Some(colon) = (p0 + 1..lim).find(|&k| doc.is(k, &[":"])) else {
            continue;
        };
        let name_ok = (p0..colon).all(|k| doc.toks[k].cap || doc.is(k, &[".", "-", "'s"]))
            && !doc.in_class(p0, COLON_HEADERS)
            // `Stealth Over Health:`: a title-case phrase, not a name (names keep such words
            // in lower case).
            && !(p0 + 1..colon).any(|k| doc.in_class(k, TITLE_CASE_WORDS));
        let content_ok = colon + 1 < p1
            && !doc.toks[colon + 1]
                .span()
                .slice(inp.text)
                .starts_with(|c: char| c.is_ascii_digit())
            && (colon + 1..p1).filter(|&k| doc.toks[k].word).count() >= LABEL_CONTENT_WORDS;
        if !name_ok || !content_ok {
            continue;
        }
        let Some(content) = doc.content(colon + 1, p1) else {
            continue;
        };
        if para_has[para] || table_row(inp.text, content) {
            continue;
        }
        found.claims.push(Claim {
            kind: QuoteKind::Indirect,
            content,
            mention: Some(doc.span(p0, colon)),
            cue: Some(doc.toks[colon].span()),
            inherit: None,
            toks: (colon + 1, p1),
            sent: doc.toks[colon].sent(),
            strong: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search of `that` finds the tokens a test of every token finds.
    #[test]
    fn before_that_finds_what_a_scan_finds() {
        let probes = [
            "Moscow's claim that it won. That, that: THAT thathat “that” Thát that’s that",
            "that",
            "x that",
            "a b that c that",
        ];
        for story in crate::analyse::fixture_stories(&probes) {
            let doc = &story.doc;
            let scan: Vec<usize> = (1..doc.toks.len().saturating_sub(2))
                .filter(|&t| doc.w(t + 1) == "that")
                .collect();
            assert_eq!(before_that(doc).collect::<Vec<_>>(), scan, "{}", story.text);
        }
    }
}
