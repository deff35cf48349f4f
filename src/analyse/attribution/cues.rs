//! Speech cues: the lexicon of `speech_verbs.tsv` (`said`, `told`, `pointed out`, `according
//! to`, `as saying`...) and the search of the cues of a story, longest form first, with the
//! readings that are no cue (a noun after a determiner or a possessive, `That said,`, a name).

use super::words::*;
use crate::text::WordTable;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(super) const RULES: &[&str] = &["longest_form", "not_a_cue"];

/// How a cue links speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// Subject speaks; content follows or precedes.
    Say,
    /// Like `Say`, with an addressee before the content.
    Tell,
    /// The addressee and an infinitive are the content.
    Urge,
    /// `according to X`.
    According,
    /// `as saying`.
    Quoting,
}

/// How sure a cue is to be speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reliability {
    Strong,
    Weak,
    Doc,
    /// Only as the cue of a quotation.
    QuoteOnly,
}

pub(super) struct CueEntry {
    pub(super) frame: Frame,
    pub(super) reliability: Reliability,
    /// The form ends in -ing: a participle that keeps the speaker of the clause before.
    pub(super) participle: bool,
    /// An expressive act (`thanked`, `welcomed`): read as a weak cue, but its clause is not
    /// a statement.
    pub(super) expressive: bool,
}

pub(super) struct CueLexicon {
    /// The forms of the lexicon by their first word, longest first: a cue starts at a token
    /// that is the first word of a form, and is the longest form the tokens there begin with.
    pub(super) by_first_word: WordTable<Vec<CueForm>>,
    pub(super) entries: Vec<CueEntry>,
}

/// One form of the cue lexicon (`pointed out`), as lower-case words.
pub(super) struct CueForm {
    pub(super) words: Vec<String>,
    /// Its length in bytes with single spaces, the measure of "longest".
    pub(super) len: usize,
    /// Index in [`CueLexicon::entries`].
    pub(super) entry: usize,
}

pub(super) static CUES: LazyLock<CueLexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut by_first_word: FxHashMap<String, Vec<CueForm>> = FxHashMap::default();
    for row in crate::lexicon::rows(include_str!("../../lexicon/speech_verbs.tsv")) {
        let (Some(forms), Some(frame), Some(rel)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let frame = match *frame {
            "say" => Frame::Say,
            "tell" => Frame::Tell,
            "urge" => Frame::Urge,
            "according" => Frame::According,
            "quoting" => Frame::Quoting,
            _ => continue,
        };
        let reliability = match *rel {
            "strong" => Reliability::Strong,
            "doc" => Reliability::Doc,
            "quote" => Reliability::QuoteOnly,
            _ => Reliability::Weak,
        };
        for form in forms.split('|') {
            let form = form.trim();
            if form.is_empty() {
                continue;
            }
            let pattern = form.replace('’', "'");
            let first = form.split(' ').next().unwrap_or(form);
            let words: Vec<String> = pattern.split(' ').map(str::to_string).collect();
            by_first_word
                .entry(words[0].clone())
                .or_default()
                .push(CueForm {
                    words,
                    len: pattern.len(),
                    entry: entries.len(),
                });
            entries.push(CueEntry {
                frame,
                reliability,
                participle: first.ends_with("ing") && frame != Frame::Quoting,
                expressive: *rel == "expressive",
            });
        }
    }
    for forms in by_first_word.values_mut() {
        // Longest first; a stable sort keeps the first of two equal forms first.
        forms.sort_by_key(|form| std::cmp::Reverse(form.len));
    }
    // Reached by the filter's hash: a token the filter passed is looked up without hashing it
    // whole.
    let by_first_word =
        WordTable::new(by_first_word.into_iter()).expect("fewer first words than a table holds");
    CueLexicon {
        by_first_word,
        entries,
    }
});

/// The forms of [`CUES`] by the vocabulary id of their first word
/// ([`crate::analyse::vocabulary`]): a candidate token (one whose word is a first word) finds
/// its forms by the id the tokenizer gave it, with no look-up.
static FORMS_BY_ID: LazyLock<Vec<Option<&'static [CueForm]>>> = LazyLock::new(|| {
    let words = crate::analyse::vocabulary();
    let mut by_id = vec![None; words.ids()];
    for (w, forms) in CUES.by_first_word.iter() {
        // every first word has an id (none is 0)
        if let Some(slot) = by_id.get_mut(usize::from(words.id(w))) {
            *slot = Some(forms.as_slice());
        }
    }
    by_id[0] = None;
    by_id
});

/// A speech cue found in the story: its tokens and its lexicon entry.
pub(super) struct Cue {
    pub(super) t0: usize,
    pub(super) t1: usize,
    pub(super) entry: usize,
}

impl Words<'_> {
    /// Finds the speech cues, in order.
    #[inline(never)] // A stage of its own in profiles.
    pub(super) fn cues(&self) -> Vec<Cue> {
        let lex = &*CUES;
        let by_id = &*FORMS_BY_ID;
        let mut out = Vec::new();
        // A cue's words are not searched again for cues (`said on` holds no second cue).
        let mut resume = 0usize;
        for &t0 in &self.candidates {
            if t0 < resume {
                continue;
            }
            let id = self.toks.get(t0).map_or(0, |t| usize::from(t.id));
            let Some(&Some(forms)) = by_id.get(id) else {
                continue;
            };
            let Some((t1, whole, entry)) = self.longest_form(t0, forms) else {
                continue;
            };
            resume = t1 + 1;
            if !whole || self.not_a_cue(t0, &lex.entries[entry]) {
                continue;
            }
            out.push(Cue {
                t0,
                t1: t1 + 1,
                entry,
            });
        }
        out
    }

    /// The longest of `forms` the tokens of the sentence from `t0` on start with: its last
    /// token, whether that token is the whole last word (not only its start: `warn` in
    /// `warnings`, which is then no cue), and its entry.
    fn longest_form(&self, t0: usize, forms: &[CueForm]) -> Option<(usize, bool, usize)> {
        let sent = self.toks[t0].sent();
        forms.iter().find_map(|form| {
            let last = form.words.len().checked_sub(1)?;
            // By bytes: no check of character boundaries (the words are compared whole, or by
            // a prefix that is itself a whole word of the lexicon).
            for (k, fw) in form.words.iter().enumerate().skip(1) {
                let t = self.toks.get(t0 + k).filter(|t| t.sent() == sent)?;
                let w = self.norm.as_bytes().get(t.norm())?;
                let matches = if k < last {
                    w == fw.as_bytes()
                } else {
                    w.starts_with(fw.as_bytes())
                };
                if !matches {
                    return None;
                }
            }
            let whole = self.w_bytes(t0 + last).len() == form.words[last].len();
            Some((t0 + last, whole, form.entry))
        })
    }

    /// Whether the form at `t0` is no speech cue here: quoted, a name (`the United
    /// States`), `That said, …`, a noun after a possessive (`Prachanda's remarks`) or after a
    /// determiner (`these claims`, `the report`).
    fn not_a_cue(&self, t0: usize, e: &CueEntry) -> bool {
        let tok = &self.toks[t0];
        if tok.quoted || tok.cap && t0 != self.sents[tok.sent()].t0 {
            return true;
        }
        if t0 == 0 {
            return false;
        }
        // `That said, …`
        (self.w_bytes(t0) == b"said" && self.w_bytes(t0 - 1) == b"that" && self.w_bytes(t0 + 1) == b",")
            // `Prachanda's remarks`
            || self.w_bytes(t0 - 1).ends_with(b"'s") && !self.in_class(t0 - 1, NOT_POSSESSIVES)
            // `these claims`, `the report`
            || !matches!(e.frame, Frame::According | Frame::Quoting)
                && self.toks[t0 - 1].sent() == tok.sent()
                && self.in_class(t0 - 1, NOUN_BEFORE)
                && (e.reliability != Reliability::Strong || self.in_class(t0 - 1, NOUN_MARKERS))
    }
}
