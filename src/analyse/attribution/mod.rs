//! Attribution: speech cues, the statements they govern, and the speaker of each.
//!
//! The body is tokenised once into words and punctuation ([`crate::text`]); the speech cues
//! of the lexicon (`speech_verbs.tsv`: `said`, `told`, `pointed out`, `according to`, `as
//! saying`...) are found at the tokens that start one (the forms' first words, flagged in
//! the story's vocabulary, `vocabulary_words`, and noted while tokenising), each matched
//! against the forms with that first word, longest first. Then:
//!
//! passes, each a module of `pass` reading the tokens, the cues and the claims of the
//! passes before it, in this order (written once, in [`attribute`]):
//!
//! 0. `turns`: in a transcript (a briefing, a press conference, an interview), each turn
//!    after a speaker label (`MR PRICE:`, `Q:`, `Wang Wenbin:`) is a direct statement of
//!    its speaker, with its role (question, answer, statement); the other passes still
//!    read inside the turns (what the speaker reports others said);
//! 1. `quote_frames`: every quotation (double marks, or single marks with a speech frame)
//!    is matched to a cue next to it: after it (`"…," he said.`, `"…," said Oswaldo
//!    Oliveira`) or before it (`X said: "…"`), to a name after a dash, a colon or a
//!    transcript label; a quote with no frame continues the speaker of the quote before it
//!    (split and floating quotes);
//! 2. `cue_clauses`: every remaining cue yields an indirect statement: the speaker is the
//!    subject before the verb (`Lavrov reaffirmed …`), the clause after it is the content,
//!    or, when nothing follows the cue but adjuncts, the clause before the comma is (`…, the
//!    ministry said.`); `according to X` and `as saying` have their own frames; a
//!    participle or a verb joined by `and` keeps the speaker of the statement before it;
//! 3. `nouns_and_labels`: `X's claim that …` and `Name: …` opening a paragraph;
//! 4. `quote_leftovers`: floating quotes, quotes inside an indirect statement (partial
//!    statements), and long quotes with no frame;
//! 5. `speakers`: the speaker mentions are resolved in text order into entities
//!    ([`speakers`]), and the claims become statements; in a readout or an official or
//!    joint statement, the narrator's references to the document's parties (`The
//!    Secretary`, `Both leaders`, `we`) are resolved to them first (`parties`).
//!
//! The claims (`claims`) are only added to, except for five named edits a later step
//! makes to an earlier claim (clip, drop, narrow to its quotation, mute an expressive act or
//! narrow it to the cue joined to it). What is not a statement (a modal possibility, a free
//! relative, a scare quote, an expressive act such as `thanked`...) is a named predicate in
//! `filters`; the word lists are in `lexicon/attribution_classes.tsv` (`words`) and the
//! windows in `limits`.
//!
//! Each step looks at a few tokens around a cue or a quote, so the whole is linear in the
//! story length.
//!
//! [`speakers`]: crate::analyse::speakers

mod claims;
mod cues;
mod filters;
mod limits;
mod pass;
mod phrases;
mod words;

use crate::analyse::speakers::Entity;
use crate::span::Span;
use crate::text::quotes::QuotedSpan;
use crate::text::vocabulary::NOTE;
use crate::text::Doc;
use crate::vocab::{DocType, QuoteKind, TurnRole};
use claims::Claims;
use cues::{Cue, CueEntry, CueLexicon, CUES};
use words::Words;

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
    /// The role of a transcript's turn; `None` for any other statement.
    pub role: Option<TurnRole>,
    /// For an answer: the index in [`Attribution::statements`] of the question it follows.
    pub reply_to: Option<usize>,
}

/// The statements of a story and the speakers they are attributed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// Speakers, in order of first mention.
    pub speakers: Vec<Entity>,
}

/// What every pass reads: the text, its quotations, its tokens and its speech cues.
struct Input<'a> {
    text: &'a str,
    quotes: &'a [QuotedSpan],
    doc: Words<'a>,
    cues: Vec<Cue>,
    lexicon: &'static CueLexicon,
    /// The byte positions of the text's colons, found once for the label scans, which ask of
    /// every paragraph whether its opening holds one (most stories hold none or few).
    colons: Vec<usize>,
}

impl Input<'_> {
    /// The lexicon entry of cue `ci`.
    fn entry(&self, ci: usize) -> &'static CueEntry {
        &self.lexicon.entries[self.cues[ci].entry]
    }

    /// The cue starting at token `t`.
    fn cue_starting(&self, t: usize) -> Option<usize> {
        self.cues.binary_search_by_key(&t, |c| c.t0).ok()
    }

    /// Whether tokens `[a, b)` may hold a `:` token: whether a colon of the text lies in
    /// their span (a `:` token is that byte), which rules out at once most paragraph openings
    /// of a news story before their tokens are read one by one.
    fn may_hold_colon(&self, a: usize, b: usize) -> bool {
        let toks = &self.doc.toks;
        let (Some(first), Some(last)) = (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l)))
        else {
            return a < b;
        };
        let (start, end) = (first.span().start, last.span().end);
        let i = self.colons.partition_point(|&c| c < start);
        start > end || self.colons.get(i).is_some_and(|&c| c < end)
    }

    /// The cue ending just before token `t`.
    fn cue_ending(&self, t: usize) -> Option<usize> {
        let i = self.cues.partition_point(|c| c.t1 <= t);
        (i > 0 && self.cues[i - 1].t1 == t).then(|| i - 1)
    }
}

/// What the passes find: the claims, and what they have used up.
struct Found {
    claims: Claims,
    /// The cues that introduce a claim.
    cue_used: Vec<bool>,
    /// The quotations that are (or are in) a claim.
    quote_done: Vec<bool>,
    /// Quotations opening a paragraph or a sentence with no frame and no quoted speaker
    /// before them: they may continue the speaker of a cue clause found later.
    floating: Vec<usize>,
    /// The turns of a transcript, in text order (none in a news story).
    turns: Vec<pass::turns::Turn>,
    /// The paragraphs opening with a turn's label.
    label_paras: Vec<usize>,
}

/// The words this stage looks the story's tokens up in ([`crate::analyse::vocabulary`]): the
/// first words of the speech cues, flagged [`NOTE`] (the tokens noted as cue candidates when
/// the story's tokens are built, [`crate::text::tokenize`]), and the class words
/// ([`words::class_words`]).
pub(crate) fn vocabulary_words() -> impl Iterator<Item = (&'static [u8], u8)> {
    let firsts = CUES.by_first_word.iter().map(|(w, _)| (w, NOTE));
    firsts.chain(words::class_words().map(|(_, w)| (w.as_bytes(), 0)))
}

/// Finds the statements of the story and attributes them, from its tokens (built with
/// `vocabulary_words`) and its quotations.
pub fn attribute(text: &str, doc: &Doc, quotes: &[QuotedSpan]) -> Attribution {
    attribute_document(text, doc, quotes, None)
}

/// [`attribute`] for a document of kind `kind`: in a readout, a statement or a joint
/// statement, the narrator's references to its parties (`The Secretary`, `Both leaders`,
/// a joint statement's `we`) are resolved to them (`pass::parties`).
pub fn attribute_document(
    text: &str,
    doc: &Doc,
    quotes: &[QuotedSpan],
    kind: Option<DocType>,
) -> Attribution {
    if doc.toks.is_empty() {
        return Attribution::default();
    }
    let doc = Words::new(doc);
    let cues = doc.cues();
    let mut found = Found {
        claims: Claims::new(),
        cue_used: vec![false; cues.len()],
        quote_done: vec![false; quotes.len()],
        floating: Vec::new(),
        turns: Vec::new(),
        label_paras: Vec::new(),
    };
    let input = Input {
        text,
        quotes,
        doc,
        cues,
        lexicon: &CUES,
        colons: memchr::memchr_iter(b':', text.as_bytes()).collect(),
    };
    // The passes, in order: each may use up cues and quotations, so that a later one does
    // not report them again, and may clip or drop the claims of the one before it.
    pass::turns::run(&input, &mut found);
    pass::quote_frames::run(&input, &mut found);
    found.claims.start_cue_clauses();
    pass::cue_clauses::run(&input, &mut found);
    pass::nouns_and_labels::run(&input, &mut found);
    pass::quote_leftovers::run(&input, &mut found);
    let body = input.doc.toks[0].span().start;
    let parties = pass::parties::find(text, kind, body);
    pass::speakers::run(text, &found.claims, &found.turns, parties)
}

#[cfg(test)]
mod tests;
