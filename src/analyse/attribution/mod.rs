//! Attribution: speech cues, the statements they govern, and the speaker of each.
//!
//! The body is tokenised once into words and punctuation; the speech cues of the lexicon
//! (`speech_verbs.tsv`: `said`, `told`, `pointed out`, `according to`, `as saying`...) are
//! found at the tokens that may start one (a bit filter of the forms' first words, tested while
//! tokenising), each matched against the forms with that first word, longest first. Then:
//!
//! 1. every quotation (double marks, or single marks with a speech frame) is matched to a
//!    cue next to it: after it (`"…," he said.`, `"…," said Oswaldo Oliveira`) or before it
//!    (`X said: "…"`, `X called it "…"`). A quote with no frame continues the speaker of the
//!    quote before it in the paragraph or of the previous paragraph's quote (split and
//!    floating quotes); short ones with no frame are scare quotes or names and are skipped;
//! 2. every remaining cue yields an indirect statement: the speaker is the subject before
//!    the verb (`Lavrov reaffirmed …`), the clause after it is the content, or, when nothing
//!    follows the cue but adjuncts, the clause before the comma is (`…, the ministry said.`);
//!    `according to X` and `as saying` have their own frames; a participle or a verb joined
//!    by `and` (`…, pointing out that …`, `… and warned that …`) keeps the speaker of the
//!    statement before it. A content holding quoted words is a partial statement;
//! 3. the speaker mentions are resolved in text order into entities ([`speakers`]).
//!
//! Each step looks at a few tokens around a cue or a quote, so the whole is linear in the
//! story length.
//!
//! [`speakers`]: crate::analyse::speakers

mod cues;
mod filters;
mod phrases;
mod tokens;
mod words;

use crate::analyse::speakers::{clean_mention, Entity, Resolver};
use crate::output::record::QuoteKind;
use crate::parse::metadata::StoryMetadata;
use crate::parse::paragraphs::Paragraph;
use crate::parse::quotes::QuotedSpan;
use crate::span::Span;
use cues::{Frame, Reliability, CUES};
use tokens::{tokenize, Sent};
use words::*;

/// One statement found in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content, without quotation marks.
    pub content: Span,
    /// Index of the speaker in [`Attribution::speakers`].
    pub speaker: Option<usize>,
    /// The mention naming the source nearest the cue.
    pub speaker_mention: Option<Span>,
    /// The speech cue.
    pub cue: Option<Span>,
}

/// The statements of a story and the speakers they are attributed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// Speakers, in order of first mention.
    pub speakers: Vec<Entity>,
}

/// A quotation's cue index, speaker noun phrase (token range) and whether it is direct.
type QuoteFrame = (Option<usize>, Option<(usize, usize)>, bool);

/// A statement before its speaker is resolved.
#[derive(Debug, Clone)]
struct Pending {
    kind: QuoteKind,
    content: Span,
    mention: Option<Span>,
    cue: Option<Span>,
    /// Take the speaker of another pending statement.
    inherit: Option<usize>,
    /// Token range of the content, for clipping by later clauses.
    toks: (usize, usize),
    sent: usize,
    /// Found through a reliable speech verb.
    strong: bool,
}

/// The last pending statement with `key(p) == key` that satisfies `ok`, in O(log n + k):
/// statements before `split` (quotations) and from `split` on (cues) are each in text order,
/// so the first part is searched by bisection and the second scanned back only while its
/// keys are not smaller. This keeps attribution linear on stories with thousands of
/// statements.
fn last_matching(
    pending: &[Pending],
    split: usize,
    key_of: impl Fn(&Pending) -> usize,
    key: usize,
    ok: impl Fn(&Pending) -> bool,
) -> Option<usize> {
    let split = split.min(pending.len());
    for i in (split..pending.len()).rev() {
        let k = key_of(&pending[i]);
        if k < key {
            break;
        }
        if k == key && ok(&pending[i]) {
            return Some(i);
        }
    }
    let hi = pending[..split].partition_point(|p| key_of(p) <= key);
    (0..hi)
        .rev()
        .take_while(|&i| key_of(&pending[i]) == key)
        .find(|&i| ok(&pending[i]))
}

/// Finds the statements of the story and attributes them.
pub fn attribute(
    text: &str,
    metadata: &StoryMetadata,
    paragraphs: &[Paragraph],
    quotes: &[QuotedSpan],
) -> Attribution {
    let _ = metadata;
    let doc = tokenize(text, paragraphs, quotes);
    if doc.toks.is_empty() {
        return Attribution::default();
    }
    let cues = doc.cues();
    // The paragraph of a pending statement, through its sentence.
    let para_of = |p: &Pending| {
        doc.sents
            .get(p.sent)
            .and_then(|s| doc.toks.get(s.t0))
            .map_or(0, |t| t.para())
    };
    let lex = &*CUES;
    let mut cue_used = vec![false; cues.len()];
    let mut pending: Vec<Pending> = Vec::new();

    // Token index of each quote's opening and closing marks.
    let tok_at = |pos: usize| doc.toks.partition_point(|t| t.span().start < pos);
    // Cue index by first token.
    let cue_starting = |t: usize| cues.binary_search_by_key(&t, |c| c.t0).ok();
    let cue_ending = |t: usize| {
        let i = cues.partition_point(|c| c.t1 <= t);
        (i > 0 && cues[i - 1].t1 == t).then(|| i - 1)
    };

    // 1. Quotations.
    let mut quote_done = vec![false; quotes.len()];
    let mut last_quote_stmt: Option<(usize, usize)> = None; // (paragraph, pending index)
                                                            // Quotes opening a paragraph with no frame and no quoted speaker before them: they may
                                                            // continue the speaker of an indirect statement, found in step 2.
    let mut floating: Vec<usize> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.depth > 0 {
            continue;
        }
        let open = tok_at(q.outer.start);
        let close = tok_at(q.outer.end).saturating_sub(1);
        if open >= doc.toks.len() || close >= doc.toks.len() || close < open {
            continue;
        }
        let para = doc.toks[open].para();
        let (p0, p1) = doc.para_toks[para];
        let words_inside = (open..close).filter(|&i| doc.toks[i].word).count();
        // After the quote: `, NP cue` or `, cue NP`.
        let mut found: Option<QuoteFrame> = None;
        if !q.unclosed {
            let mut j = close + 1;
            if j < p1 && doc.is(j, &[",", "-", "—", "–"]) {
                j += 1;
            }
            let ended = q
                .inner
                .slice(text)
                .trim_end_matches(['\'', '’', '"', '”', ')'])
                .ends_with([',', '?', '!', '.', '-', '—', '…'])
                || j > close + 1;
            // `“…” ― Oscar P. Quintero`: a dash and a name closing the paragraph.
            if doc.is(close + 1, &["―", "—", "–"]) && close + 2 < p1 {
                let a = close + 2;
                let mut b = a;
                while b < p1 && b - a < 8 && (doc.toks[b].cap || doc.is(b, &["-", "."])) {
                    b += 1;
                }
                let rest_ok = b >= p1 || doc.is(b, &[".", ","]);
                if b > a && rest_ok && doc.toks[a].cap {
                    found = Some((None, Some((a, b)), true));
                }
            }
            // A quote closed by a full stop ends its sentence: the next one is not its
            // attribution (`"…." Sanders said he …`).
            let full_stop = q
                .inner
                .slice(text)
                .trim_end_matches(['\'', '’', '"', '”', ')'])
                .ends_with('.');
            let next_lower = j < p1 && doc.toks[j].word && !doc.toks[j].cap;
            if found.is_none() && ended && (!full_stop || next_lower) && j < p1 {
                let lim = p1.min(j + 24);
                let mut k = j;
                while k < lim && !doc.is(k, &[".", ";", ":", "\"", "“", "”", "?", "!"]) {
                    if let Some(ci) = cue_starting(k) {
                        let e = &lex.entries[cues[ci].entry];
                        if e.frame != Frame::According && !cue_used[ci] {
                            let strong = e.reliability == Reliability::Strong;
                            let np = if k > j {
                                doc.left_np(k, j)
                                    .filter(|&(a, b)| {
                                        (a == j || doc.is(a - 1, &[","]))
                                            && (doc.source_like(a, b)
                                                || strong && !e.participle && b - a <= 4)
                                    })
                                    .or_else(|| {
                                        doc.right_np(j, k).filter(|&(a, b)| doc.source_like(a, b))
                                    })
                            } else if e.participle {
                                None
                            } else {
                                // `said the ruling`: a short phrase after a speech verb.
                                // The inversion after a quote is itself a sign of speech.
                                doc.right_np(cues[ci].t1, p1).filter(|&(a, b)| {
                                    doc.source_like(a, b)
                                        || b - a <= 5
                                            && (doc.toks[a].cap
                                                || doc.in_class(a, DETS)
                                                || doc.in_class(a, QUANTIFIERS))
                                })
                            };
                            let tail_from = match np {
                                Some((_, b)) if b > cues[ci].t1 => b,
                                _ => cues[ci].t1,
                            };
                            // The tail ends at the sentence end or at the next quotation
                            // (`"A," he said, "B."`).
                            let s1 = doc.sents[doc.toks[cues[ci].t0].sent()].t1;
                            // `said he …`, `said the …`: a reported clause follows, so
                            // the cue starts a new statement.
                            let clause_follows = e.frame != Frame::Tell
                                && tail_from < s1
                                && doc.in_class(tail_from, CLAUSE_OPENERS);
                            let attributes = e.participle || !clause_follows;
                            if attributes && (np.is_some() || (k == j && e.participle)) {
                                found = Some((Some(ci), np, true));
                            }
                        }
                        break;
                    }
                    k += 1;
                }
            }
        }
        // Before the quote: `NP cue (addressee/adjuncts) [:|,|that] "…"`.
        // A quote running on into narration (`the "decapitation" scheme`) is a modifier,
        // not the object of a cue before it.
        let ends_clause = close + 1 >= p1
            || doc.punct(close + 1)
            || q.inner.slice(text).ends_with([',', '.', '?', '!']);
        // `He said:` ending the paragraph before the quote.
        let para_start = p0;
        let colon_before = open == p0 && para > 0 && p0 > 0 && doc.is(p0 - 1, &[":"]);
        let p0 = if colon_before {
            doc.para_toks[para - 1].0
        } else {
            p0
        };
        // Without a colon or a comma the quote is part of a reported clause (`said that "…"`,
        // `called the claims "…"`): step 2 reports the whole clause as a partial statement.
        let _ = ends_clause;
        if found.is_none() && open > p0 && doc.is(open - 1, &[":", ","]) {
            let mut k = open;
            let mut sep = "";
            if doc.is(k - 1, &[":", ",", "that"]) {
                sep = doc.w(k - 1);
                k -= 1;
            }
            let reach = if sep == ":" { 10 } else { 6 };
            let lim = k.saturating_sub(reach).max(p0);
            let mut t = k;
            while t > lim {
                if let Some(ci) = cue_ending(t) {
                    let e = &lex.entries[cues[ci].entry];
                    if !cue_used[ci] && e.frame != Frame::According {
                        let s0 = doc.sents[doc.toks[cues[ci].t0].sent()].t0.max(p0);
                        let np = doc
                            .left_np(cues[ci].t0, s0)
                            .or_else(|| doc.coordinated_subject(cues[ci].t0, s0))
                            .or_else(|| {
                                // `Said Ellis: "…"`
                                doc.right_np(cues[ci].t1, k).filter(|&(a, b)| {
                                    b == k && doc.toks[a].cap && doc.source_like(a, b)
                                })
                            });
                        let inherits = e.participle
                            || cues[ci].t0 > 0 && doc.is(cues[ci].t0 - 1, &["and", ","]);
                        let np_ok = np.is_some_and(|(a, b)| {
                            e.reliability == Reliability::Strong || doc.source_like(a, b)
                        });
                        if np_ok || (np.is_none() && inherits) {
                            let lower_start = q
                                .inner
                                .slice(text)
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_lowercase());
                            let direct = sep != "that" && !lower_start;
                            found = Some((Some(ci), np, direct));
                        }
                    }
                    break;
                }
                t -= 1;
                if doc.punct(t) && !doc.is(t, &[",", "-"]) {
                    break;
                }
            }
            // `Clinton has since apologized: "…"`: the subject of the introducing sentence.
            if found.is_none() && sep == ":" {
                let s0 = doc.sents[doc.toks[k].sent()].t0.max(p0);
                // `Pew Research: "…"`: a name just before the colon.
                let named = doc.left_np_core(k, s0).filter(|&(a, b)| {
                    (a..b).all(|x| doc.toks[x].cap || doc.is(x, &["and", ".", "-"]))
                        && doc.source_like(a, b)
                        && !doc.in_class(a, COLON_HEADERS)
                });
                if let Some(np) = named.or_else(|| doc.sentence_subject(s0, k)) {
                    found = Some((None, Some(np), true));
                }
            }
        }
        // `"WALLACE: Let's start …`: a transcript's speaker label opening the quote.
        if found.is_none() {
            if let Some(np) = doc.transcript_label(text, open + 1, close) {
                found = Some((None, Some(np), true));
            }
        }
        let kind_of = |direct: bool| {
            if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            }
        };
        match found {
            Some((ci, np, direct)) => {
                let cue = ci.map(|ci| {
                    cue_used[ci] = true;
                    doc.span(cues[ci].t0, cues[ci].t1)
                });
                let inherit = if np.is_none() {
                    last_matching(&pending, pending.len(), para_of, para, |_| true)
                } else {
                    None
                };
                // `Clinton posted a comment, saying, "…"`: the sentence's subject.
                let np = match (np, inherit, ci) {
                    (None, None, Some(ci)) => {
                        let t0 = cues[ci].t0;
                        let s0 = doc.sents[doc.toks[t0].sent()].t0;
                        doc.sentence_subject(s0, t0)
                    }
                    _ => np,
                };
                // A quote closing a clause that narration opened (`a top priority "is …,"
                // Mr. Kamin said`): the clause is the statement, the quote a partial one.
                let sent_t0 = doc.sents[doc.toks[open].sent()].t0.max(para_start);
                let cue_after = ci.is_some_and(|c| cues[c].t0 > close);
                let embedded = cue_after
                    && open > sent_t0 + 2
                    && !doc.is(open - 1, &[":", ",", "(", "—", "-", "–"])
                    && !doc.quote_mark(open - 1)
                    && (sent_t0..open)
                        .filter(|&x| doc.toks[x].word)
                        .take(3)
                        .count()
                        >= 3;
                // `On Sunday's broadcast of "Meet the Press," the minister said …`: a title
                // inside a fronted adverbial is not what the cue after it reports.
                if embedded && doc.fronted_adverbial(sent_t0, close + 1) {
                    if let Some(ci) = ci {
                        cue_used[ci] = false;
                    }
                    continue;
                }
                let clause = if embedded {
                    doc.content(sent_t0, close + 1)
                } else {
                    None
                };
                let mention = np.map(|(a, b)| doc.span(a, b));
                let clause_idx = clause.map(|content| {
                    pending.push(Pending {
                        kind: QuoteKind::Indirect,
                        content,
                        mention,
                        cue,
                        inherit,
                        toks: (sent_t0, close + 1),
                        sent: doc.toks[open].sent(),
                        strong: true,
                    });
                    pending.len() - 1
                });
                pending.push(Pending {
                    kind: if clause_idx.is_some() {
                        QuoteKind::Partial
                    } else {
                        kind_of(direct && (!q.single || words_inside >= 4))
                    },
                    content: q.inner,
                    mention: if clause_idx.is_some() { None } else { mention },
                    cue,
                    inherit: clause_idx.or(inherit),
                    toks: (open, close + 1),
                    sent: doc.toks[open].sent(),
                    strong: false,
                });
                quote_done[qi] = true;
                last_quote_stmt = Some((para, pending.len() - 1));
            }
            None => {
                if q.single {
                    continue;
                }
                // A split or floating quote continues the last quoted speaker.
                let starts_para = open == para_start;
                let prev = last_quote_stmt.filter(|&(pp, _)| {
                    pp == para || (starts_para && pp + 1 >= para && para > 0) || q.continued
                });
                let opens_sentence = open == doc.sents[doc.toks[open].sent()].t0;
                if prev.is_none()
                    && words_inside >= 3
                    && (open == para_start || opens_sentence || q.continued)
                {
                    floating.push(qi);
                }
                if let Some((_, pi)) = prev {
                    if words_inside >= 3 {
                        pending.push(Pending {
                            kind: QuoteKind::Direct,
                            content: q.inner,
                            mention: None,
                            cue: None,
                            inherit: Some(pi),
                            toks: (open, close + 1),
                            sent: doc.toks[open].sent(),
                            strong: false,
                        });
                        quote_done[qi] = true;
                        last_quote_stmt = Some((para, pi));
                    }
                }
            }
        }
    }

    // 2. Indirect statements from the remaining cues.
    let quote_pending = pending.len();
    for (ci, c) in cues.iter().enumerate() {
        if cue_used[ci] {
            continue;
        }
        let e = &lex.entries[c.entry];
        let sent = doc.toks[c.t0].sent();
        let Sent { t0: s0, t1: s1, .. } = doc.sents[sent];
        // The statements of this sentence found so far (the last one may be clipped).
        let prev_in_sent = last_matching(
            &pending,
            quote_pending,
            |p| p.sent,
            sent,
            |p| p.kind != QuoteKind::Direct,
        );
        let clause_start = prev_in_sent
            .map(|p| pending[p].toks.1)
            .unwrap_or(s0)
            .max(s0);
        match e.frame {
            Frame::According => {
                let Some((a, b)) = doc.right_np(c.t1, s1) else {
                    continue;
                };
                let comma_before = c.t0 > s0 + 1 && doc.is(c.t0 - 1, &[","]);
                let (ca, cb) = if c.t0 <= clause_start + 1 {
                    // `According to X, …`
                    (b, s1)
                } else if comma_before && b + 1 >= s1 {
                    // `…, according to X.`
                    (clause_start, c.t0 - 1)
                } else if comma_before && doc.is(b, &[","]) {
                    // `The talks, according to X, will resume`: around the cue.
                    (clause_start, s1)
                } else {
                    (clause_start, c.t0)
                };
                if let Some(content) = doc.content(ca, cb) {
                    pending.push(Pending {
                        kind: QuoteKind::Indirect,
                        content,
                        mention: Some(doc.span(a, b)),
                        cue: Some(doc.span(c.t0, c.t1)),
                        inherit: None,
                        toks: (ca, cb),
                        sent,
                        strong: false,
                    });
                    cue_used[ci] = true;
                }
                continue;
            }
            Frame::Quoting => {
                // `X was quoted as saying` / `TASS quoted X as saying`.
                let mut np = None;
                if let Some(q) = (c.t0.saturating_sub(10).max(s0)..c.t0)
                    .rev()
                    .find(|&k| doc.w(k) == "quoted")
                {
                    if q + 1 < c.t0 {
                        np = Some((q + 1, c.t0));
                    } else {
                        let mut k = q;
                        while k > s0 && doc.in_class(k - 1, PASSIVE_AUX) {
                            k -= 1;
                        }
                        np = doc.left_np(k, s0);
                    }
                }
                let np = np.or_else(|| doc.left_np(c.t0, s0));
                let start = doc.content_start(c.t1, s1, Frame::Say);
                if let Some(content) = doc.content(start, s1) {
                    pending.push(Pending {
                        kind: QuoteKind::Indirect,
                        content,
                        mention: np.map(|(a, b)| doc.span(a, b)),
                        cue: Some(doc.span(c.t0, c.t1)),
                        inherit: None,
                        toks: (start, s1),
                        sent,
                        strong: false,
                    });
                    cue_used[ci] = true;
                }
                continue;
            }
            _ => {}
        }
        // The subject may lie inside the content of a weak statement before it in the
        // sentence (`X agreed to …, the EU's chief said.`): the closing attribution wins.
        let mut np = doc.left_np(c.t0, clause_start.max(s0));
        if let (Some(pi), Some((a, b))) = (prev_in_sent, doc.left_np(c.t0, s0)) {
            if a >= pending[pi].toks.0
                && a < clause_start
                && a > s0
                && doc.is(a - 1, &[","])
                && !pending[pi].strong
                && pi >= quote_pending
                && e.reliability == Reliability::Strong
                && doc.tail_is_adjunct(c.t1, s1)
            {
                np = Some((a, b));
            }
            // `X said A, while Y urged B`: a new clause with its own speaker splits the
            // statement before it.
            if np.is_none()
                && a >= pending[pi].toks.0
                && a > s0 + 1
                && doc.in_class(a - 1, CONTRAST_CONJUNCTIONS)
                && doc.is(a - 2, &[",", ";"])
                && doc.source_like(a, b)
            {
                np = Some((a, b));
                let clip = a - 1;
                let p = &mut pending[pi];
                if p.toks.0 < clip && p.toks.1 > clip {
                    if let Some(sp) = doc.content(p.toks.0, clip) {
                        p.content = sp;
                        p.toks.1 = clip;
                    }
                }
            }
        }
        let mut rel = c.t0;
        while rel > s0 && doc.in_class(rel - 1, AUX) {
            rel -= 1;
        }
        if np.is_none() && rel > s0 && doc.is(rel - 1, &["who", "which", "that"]) {
            // `a child, who said …`: the speaker is the relative pronoun's antecedent.
            np = doc.antecedent(rel - 1, s0);
        }
        let before = {
            let mut k = c.t0;
            while k > s0 && doc.in_class(k - 1, AUX) {
                k -= 1;
            }
            k
        };
        // `… and warned`, `…, adding`, `went on to say`.
        let joined = before > s0
            && np.is_none()
            && (doc.is(before - 1, &["and", ","])
                || doc.is(before - 1, &["to"]) && before > s0 + 1 && doc.is(before - 2, &["on"]));
        // `the government could deny …`: a possibility, not a statement.
        if (before..c.t0).any(|k| doc.in_class(k, MODALS)) && e.reliability != Reliability::Strong {
            continue;
        }
        let mut inherits = np.is_none() && (e.participle || joined);
        // `what she wants`: a free relative, not a statement.
        if let Some((a, _)) = np {
            if a > s0 && doc.in_class(a - 1, FREE_RELATIVES) && e.reliability != Reliability::Strong
            {
                continue;
            }
        }
        // Validate the subject.
        let np = np.filter(|&(a, b)| match e.reliability {
            Reliability::Strong if !e.participle => {
                doc.source_like(a, b)
                    || b - a <= 6
                        && (doc.toks[a].cap
                            || doc.in_class(a, DETS)
                            || doc.in_class(a, SUBJECT_QUANTIFIERS))
            }
            Reliability::Weak | Reliability::Strong => {
                let core = (a..b).find(|&i| doc.is(i, &[","])).unwrap_or(b);
                // `The transcript shows that …`: a `that` clause after the verb makes it a
                // report whatever its short subject.
                let that_clause = b == c.t0 && doc.is(c.t1, &["that"]) && !e.participle;
                core - a <= 8 && (doc.source_like(a, b) || that_clause && core - a <= 5)
            }
            Reliability::Doc => doc.doc_like(a, b),
            Reliability::QuoteOnly => false,
        });
        if e.reliability == Reliability::QuoteOnly {
            continue;
        }
        // What follows the cue up to the sentence end: content, or only adjuncts?
        let after = c.t1;
        let rest_np = if np.is_none() && !e.participle && before > s0 && doc.is(before - 1, &[","])
        {
            // `…, said John Smith.`
            doc.right_np(after, s1).filter(|&(a, b)| {
                doc.source_like(a, b)
                    && (e.reliability == Reliability::Strong || b - a <= 6 && doc.toks[a].cap)
            })
        } else {
            None
        };
        let tail_from = rest_np.map(|(_, b)| b).unwrap_or(after);
        let mut tail_is_adjunct = doc.tail_is_adjunct(tail_from, s1);
        if !tail_is_adjunct
            && e.frame == Frame::Tell
            && !(tail_from..s1).any(|k| doc.is(k, &["that"]))
        {
            // `…, Obama told his closest advisers as he …`: an addressee, then adjuncts.
            let lim = s1.min(tail_from + 6);
            tail_is_adjunct = (tail_from..=lim).any(|k| {
                k >= s1 || doc.in_class(k, PREPS) || doc.in_class(k, TELL_ADJUNCT_OPENERS)
            });
        }
        if rest_np.is_some() && tail_is_adjunct {
            inherits = false;
        }
        // A closing attribution (`…, said Li.`) overrides a weaker statement found earlier in
        // the same clause (`Nobody asked the miners …, said Li.`): that one is dropped.
        let mut clause_start = clause_start;
        let closing_comma = match (np, rest_np) {
            (Some((a, _)), _) if a > s0 && doc.is(a - 1, &[","]) => Some(a - 1),
            (None, Some(_)) if !inherits => Some(before - 1),
            _ => None,
        };
        if let (Some(comma), Some(pi)) = (closing_comma, prev_in_sent) {
            if tail_is_adjunct
                && comma <= clause_start
                && pi >= quote_pending
                && !pending[pi].strong
            {
                pending[pi].content = Span::new(0, 0);
                pending[pi].toks = (s0, s0);
                clause_start = s0;
            }
        }
        // The speaker mention before the cue must follow a comma for a closing attribution.
        let comma_before = |a: usize| a > s0 && doc.is(a - 1, &[",", "—", "-"]);
        let (mention, content) = if let Some((a, b)) = np {
            if tail_is_adjunct && comma_before(a) && a - 1 > clause_start {
                if doc.fronted_adverbial(clause_start, a - 1) {
                    continue;
                }
                (Some((a, b)), (clause_start, a - 1))
            } else if tail_is_adjunct && a == s0 && s0 > doc.para_toks[doc.toks[c.t0].para()].0 {
                // `X said.` after a sentence: nothing to report here.
                continue;
            } else if comma_before(a) && doc.is(after, &[","]) && a - 1 > clause_start {
                // `The museum, Mr. Obama said, would …`: the content surrounds the cue.
                (Some((a, b)), (clause_start, s1))
            } else {
                let start = doc.content_start(after, s1, e.frame);
                (Some((a, b)), (start, s1))
            }
        } else if let Some((a, b)) = rest_np.filter(|_| !inherits) {
            if tail_is_adjunct
                && before - 1 > clause_start
                && !doc.fronted_adverbial(clause_start, before - 1)
            {
                (Some((a, b)), (clause_start, before - 1))
            } else {
                continue;
            }
        } else if inherits {
            let start = doc.content_start(after, s1, e.frame);
            (None, (start, s1))
        } else {
            continue;
        };
        let Some(content_span) = doc.content(content.0, content.1) else {
            continue;
        };
        // `did not respond to requests for comment`, `has yet to respond to questions`: a
        // negated cue before a request for comment reports nothing. (A negated cue before a question,
        // `did not say when …`, is kept: news corpora annotate it as an attribution.)
        let negated = c.t0 > s0
            && (doc.is(c.t0 - 1, &["not", "never"])
                || doc.w(c.t0 - 1).ends_with("n't")
                || doc.w(c.t0 - 1).ends_with("n’t")
                || c.t0 > s0 + 1 && doc.is(c.t0 - 1, &["to"]) && doc.is(c.t0 - 2, &["yet"])
                || c.t0 > s0 + 1 && doc.is(c.t0 - 1, &["t"]) && doc.is(c.t0 - 2, &["'", "’"]));
        let asks_comment =
            (content.0..content.1.min(content.0 + 6)).any(|k| doc.in_class(k, COMMENT_REQUESTS));
        if negated
            && asks_comment
            && content.0 >= c.t1
            && doc.in_class(content.0, REQUEST_PREPOSITIONS)
        {
            continue;
        }
        let mut mention = mention;
        if mention.is_none() && joined {
            mention = doc.coordinated_subject(before, s0);
        }
        let inherit = if mention.is_none() {
            let p = last_matching(&pending, quote_pending, |p| p.sent, sent, |_| true);
            if p.is_none() {
                mention = doc.sentence_subject(s0, before);
            }
            let p = p.or_else(|| {
                last_matching(
                    &pending,
                    quote_pending,
                    para_of,
                    doc.toks[c.t0].para(),
                    |_| true,
                )
            });
            if p.is_none() && mention.is_none() {
                continue;
            }
            p.filter(|_| mention.is_none())
        } else {
            None
        };
        // A new clause clips the content of the statement before it in the sentence.
        if let Some(pi) = prev_in_sent {
            let mut clip = match mention {
                Some(_) if content.1 <= c.t0 => content.0,
                // `Park called for restraint, while Whitman reaffirmed …`: the new clause
                // starts at its subject and the conjunction before it.
                Some((a, _)) if a < before => a,
                _ => before.saturating_sub(if joined { 1 } else { 0 }),
            };
            if mention.is_some_and(|(a, _)| a == clip) {
                while clip > s0 && doc.in_class(clip - 1, CLIP_CONJUNCTIONS) {
                    clip -= 1;
                }
            }
            let p = &mut pending[pi];
            if pi >= quote_pending && p.toks.1 > clip && p.toks.0 < clip {
                if let Some(s) = doc.content(p.toks.0, clip) {
                    p.content = s;
                    p.toks.1 = clip;
                }
            }
        }
        pending.push(Pending {
            kind: QuoteKind::Indirect,
            content: content_span,
            mention: mention.map(|(a, b)| doc.span(a, b)),
            cue: Some(doc.span(c.t0, c.t1)),
            inherit,
            toks: content,
            sent,
            strong: e.reliability == Reliability::Strong,
        });
        cue_used[ci] = true;
    }

    // Sentences and paragraphs that already hold a statement (one pass, so that the two
    // scans below stay linear).
    let mut sent_has = vec![false; doc.sents.len()];
    let mut para_has = vec![false; doc.para_toks.len()];
    for p in &pending {
        if let Some(x) = sent_has.get_mut(p.sent) {
            *x = true;
        }
        if let Some(x) = para_has.get_mut(para_of(p)) {
            *x = true;
        }
    }

    // `Moscow's claim that …`: a speech noun after a possessive, with a that-clause.
    // Every token `t` from 1 with two tokens after it, by the token after it (a scan of the
    // whole story: the test of each token is kept to a few instructions).
    let nexts = doc.toks.get(2..doc.toks.len().saturating_sub(1));
    for (i, next) in nexts.unwrap_or_default().iter().enumerate() {
        let t = i + 1;
        // `that` first: the length of the next token alone rules out most tokens, one
        // comparison nearly all the others.
        if next.norm().len() != "that".len()
            || !doc.is(t + 1, &["that"])
            || !doc.in_class(t, SPEECH_NOUNS)
            || doc.toks[t].quoted
        {
            continue;
        }
        let poss = doc.w(t - 1);
        if !(poss.ends_with("'s") || poss.ends_with("s'"))
            || doc.toks[t - 1].sent() != doc.toks[t].sent()
        {
            continue;
        }
        let sent = doc.toks[t].sent();
        let Sent { t0: s0, t1: s1 } = doc.sents[sent];
        let Some((a, _)) = doc.left_np_core(t, s0) else {
            continue;
        };
        if !doc.source_like(a, t) {
            continue;
        }
        let Some(content) = doc.content(t + 2, s1) else {
            continue;
        };
        if sent_has[sent] {
            continue;
        }
        sent_has[sent] = true;
        pending.push(Pending {
            kind: QuoteKind::Indirect,
            content,
            mention: Some(doc.span(a, t)),
            cue: Some(doc.toks[t].span()),
            inherit: None,
            toks: (t + 2, s1),
            sent,
            strong: false,
        });
    }

    // `Lavrov: Russia is ready for talks` (headlines, interview transcripts): a name and a
    // colon opening a paragraph.
    for (para, &(p0, p1)) in doc.para_toks.iter().enumerate() {
        let Some(colon) = (p0 + 1..p1.min(p0 + 6)).find(|&k| doc.is(k, &[":"])) else {
            continue;
        };
        let name_ok = (p0..colon).all(|k| doc.toks[k].cap || doc.is(k, &[".", "-", "'s"]))
            && !doc.in_class(p0, COLON_HEADERS)
            // `Stealth Over Health:`: a title-case phrase, not a name (names keep such words
            // in lower case).
            && !(p0 + 1..colon).any(|k| {
                doc.in_class(k, TITLE_CASE_WORDS)
            });
        let content_ok = colon + 1 < p1
            && !doc.toks[colon + 1]
                .span()
                .slice(text)
                .starts_with(|c: char| c.is_ascii_digit())
            && (colon + 1..p1).filter(|&k| doc.toks[k].word).count() >= 3;
        if !name_ok || !content_ok {
            continue;
        }
        let Some(content) = doc.content(colon + 1, p1) else {
            continue;
        };
        if para_has[para] {
            continue;
        }
        pending.push(Pending {
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

    // Floating quotes continue the speaker of the statement just before them, in the same or
    // the previous paragraph.
    if !floating.is_empty() {
        let mut order: Vec<(usize, usize)> = pending
            .iter()
            .enumerate()
            .map(|(i, p)| (p.content.start, i))
            .collect();
        order.sort_unstable();
        let mut k = 0;
        let mut last: Option<usize> = None;
        for &qi in &floating {
            let q = &quotes[qi];
            while k < order.len() && order[k].0 < q.outer.start {
                last = Some(order[k].1);
                k += 1;
            }
            let open = tok_at(q.outer.start).min(doc.toks.len() - 1);
            let para = doc.toks[open].para();
            let Some(pi) = last else { continue };
            let ppara = doc.toks[pending[pi].toks.0.min(doc.toks.len() - 1)].para();
            if ppara + 1 < para || quote_done[qi] {
                continue;
            }
            let close = tok_at(q.outer.end).saturating_sub(1).max(open);
            pending.push(Pending {
                kind: QuoteKind::Direct,
                content: q.inner,
                mention: None,
                cue: None,
                inherit: Some(pi),
                toks: (open, close + 1),
                sent: doc.toks[open].sent(),
                strong: false,
            });
            quote_done[qi] = true;
            last = Some(pending.len() - 1);
        }
    }

    // A quotation inside the content of an indirect statement is a partial statement of the
    // same speaker (`castigated these claims as "empty and unfounded"`); one that is nearly
    // the whole content makes the statement direct (`said "we will win"`). The others without
    // a frame are kept below when long enough to be speech rather than a scare quote or a
    // title.
    let mut order: Vec<usize> = (quote_pending..pending.len())
        .filter(|&i| pending[i].kind == QuoteKind::Indirect)
        .collect();
    order.sort_by_key(|&i| pending[i].content.start);
    {
        let mut k = 0;
        let mut extra = Vec::new();
        for (qi, q) in quotes.iter().enumerate() {
            if q.depth > 0 || q.single || quote_done[qi] {
                continue;
            }
            while k < order.len() && pending[order[k]].content.end < q.inner.start {
                k += 1;
            }
            let Some(&pi) = order.get(k) else { continue };
            let content = pending[pi].content;
            if content.contains(q.inner) {
                quote_done[qi] = true;
                if q.inner.len() * 10 >= content.len() * 9 {
                    pending[pi].content = q.inner;
                    let upper = q.inner.slice(text).starts_with(char::is_uppercase);
                    pending[pi].kind = if upper {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Partial
                    };
                    continue;
                }
                let open = tok_at(q.outer.start).min(doc.toks.len() - 1);
                extra.push(Pending {
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
                quote_done[qi] = true;
            }
        }
        pending.extend(extra);
    }
    for (qi, q) in quotes.iter().enumerate() {
        if quote_done[qi] || q.depth > 0 || q.single {
            continue;
        }
        let words = q.inner.slice(text).split_whitespace().count();
        if words < 6 {
            continue;
        }
        let open = tok_at(q.outer.start).min(doc.toks.len() - 1);
        pending.push(Pending {
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

    // 3. Speakers, resolved in text order of their mentions.
    let mut resolver = Resolver::new();
    let mut idx: Vec<usize> = (0..pending.len()).collect();
    idx.sort_by_key(|&i| {
        let p = &pending[i];
        p.mention.map(|m| m.start).unwrap_or(p.content.start)
    });
    let mut speaker: Vec<Option<usize>> = vec![None; pending.len()];
    let mut mention_of: Vec<Option<Span>> = pending.iter().map(|p| p.mention).collect();
    let mut cue_of: Vec<Option<Span>> = pending.iter().map(|p| p.cue).collect();
    for &i in &idx {
        if let Some(m) = pending[i].mention {
            // A mention reduced to a weekday or a bare `His` names no one: better no speaker
            // than a speaker called `Saturday`.
            mention_of[i] = clean_mention(text, m);
            speaker[i] = mention_of[i].and_then(|m| resolver.resolve(text, m));
        }
    }
    // Inherited speakers follow their chains (always to earlier statements, or at least to
    // different ones; bounded steps guard against cycles).
    for i in 0..pending.len() {
        let mut j = i;
        let mut steps = 0;
        while pending[j].mention.is_none() && steps < 8 {
            match pending[j].inherit {
                Some(k) if k != j => j = k,
                _ => break,
            }
            steps += 1;
        }
        if j != i {
            speaker[i] = speaker[j];
            if mention_of[i].is_none() {
                mention_of[i] = pending[j].mention;
            }
            if cue_of[i].is_none() && pending[i].kind != QuoteKind::Indirect {
                cue_of[i] = pending[j].cue;
            }
        }
    }
    let mut statements: Vec<Statement> = pending
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

#[cfg(test)]
mod tests;
