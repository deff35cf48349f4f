//! Word classes: the closed classes of words the rules test tokens against (auxiliaries,
//! prepositions, determiners, and the word list of each single rule), read from
//! `lexicon/attribution_classes.tsv`; and each token's classes, read by the id the tokenizer
//! gave its word ([`crate::text::Vocabulary`]).

use crate::text::Doc;
use std::ops::Deref;
use std::sync::LazyLock;

/// A closed class of words (determiners, prepositions, auxiliaries...), one bit of a token's
/// class mask. The words of each class are in `lexicon/attribution_classes.tsv`; every token
/// is looked up once, by the tokenizer, and its mask read by its id ([`CLASSES_BY_ID`]), so
/// that asking whether a token belongs to a class is one test of a bit, not a scan of the
/// list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WordClass(pub(super) u64);

/// Auxiliaries and adverbs between a subject and its verb (`has also said`).
pub(super) const AUX: WordClass = WordClass(1 << 0);
/// Words that end a subject noun phrase on its left.
pub(super) const NP_BOUNDARY: WordClass = WordClass(1 << 1);
/// Prepositions that open an adjunct after a cue (`said in a statement`).
pub(super) const PREPS: WordClass = WordClass(1 << 2);
/// Words that close a time adjunct (`on Tuesday`, `last week`).
pub(super) const TIME_WORDS: WordClass = WordClass(1 << 3);
/// Addressees of `told` and the like.
pub(super) const ADDRESSEES: WordClass = WordClass(1 << 4);
/// Words after which a cue form is a noun (`these claims`, `the report`).
pub(super) const NOUN_BEFORE: WordClass = WordClass(1 << 5);
/// Determiners that open a noun phrase.
pub(super) const DETS: WordClass = WordClass(1 << 6);
/// First words of `Key: value` lines that are not speakers.
pub(super) const COLON_HEADERS: WordClass = WordClass(1 << 7);
/// Quantifiers opening a noun phrase (`one former staffer`).
pub(super) const QUANTIFIERS: WordClass = WordClass(1 << 8);
/// Nouns of speech that introduce a that-clause after a possessive (`Moscow's claim that`).
pub(super) const SPEECH_NOUNS: WordClass = WordClass(1 << 9);
/// Modal verbs: a cue after one reports a possibility (`could deny`), not a statement.
pub(super) const MODALS: WordClass = WordClass(1 << 10);
/// Auxiliaries that cannot sit inside a subject noun phrase.
pub(super) const VERBISH: WordClass = WordClass(1 << 11);
/// Words opening an appositive or a relative clause after a name.
pub(super) const APPOSITIVE_OPENERS: WordClass = WordClass(1 << 12);
/// Capitalised at the start of a sentence, but not names.
pub(super) const NOT_NAMES: WordClass = WordClass(1 << 13);
/// Subject pronouns that can stand for a speaker.
pub(super) const PRONOUNS: WordClass = WordClass(1 << 14);

/// Inside a fronted adverbial, words that would make it a clause (a comma or an auxiliary outside
/// quotation marks).
pub(super) const CLAUSE_BREAKS: WordClass = WordClass(1 << 15);
/// Before a strong cue form, words that make it a noun (`the claims`, `this report`, `of said`).
pub(super) const NOUN_MARKERS: WordClass = WordClass(1 << 16);
/// Words that open a trailing adjunct inside a subject (`Sean Spicer on Thursday said`).
pub(super) const TRAILING_ADJUNCTS: WordClass = WordClass(1 << 17);
/// Words opening a short tail after a cue that is an adjunct, not a reported clause (`said,
/// adding`, `said last week`).
pub(super) const ADJUNCT_OPENERS: WordClass = WordClass(1 << 18);
/// Articles and possessives that open a noun phrase after a fronted preposition (`In a statement
/// the ministry said`).
pub(super) const NP_OPENERS: WordClass = WordClass(1 << 19);
/// Adverbs and conjunctions before a subject that are not part of it (`But Lavrov said`).
pub(super) const LEADING_ADVERBS: WordClass = WordClass(1 << 20);
/// Words opening a sentence before its subject (`However, Lavrov said`).
pub(super) const SENTENCE_OPENERS: WordClass = WordClass(1 << 21);
/// Conjunctions opening a fronted adjunct clause before the subject (`After the talks, Lavrov
/// said`).
pub(super) const ADJUNCT_CONJUNCTIONS: WordClass = WordClass(1 << 22);
/// Personal pronouns that are a sentence's subject (`He said`).
pub(super) const PERSONAL_PRONOUNS: WordClass = WordClass(1 << 23);
/// Words that cannot open a sentence's subject.
pub(super) const NOT_SUBJECTS: WordClass = WordClass(1 << 24);
/// Words that end a noun phrase after a cue (`said Smith, who …`, `said Smith on Tuesday`).
pub(super) const RIGHT_NP_ENDS: WordClass = WordClass(1 << 25);
/// Prepositions after the head of a source phrase (`attorneys for the family`).
pub(super) const HEAD_PREPOSITIONS: WordClass = WordClass(1 << 26);
/// Words after a cue that open a reported clause (`said he would`, `said the talks`): the cue
/// starts a new statement.
pub(super) const CLAUSE_OPENERS: WordClass = WordClass(1 << 27);
/// Auxiliaries of a passive `quoted` (`was quoted as saying`).
pub(super) const PASSIVE_AUX: WordClass = WordClass(1 << 28);
/// Conjunctions that open a new clause with its own speaker (`X said A, while Y urged B`).
pub(super) const CONTRAST_CONJUNCTIONS: WordClass = WordClass(1 << 29);
/// Words before a subject that make it a free relative (`what she wants`), not a statement.
pub(super) const FREE_RELATIVES: WordClass = WordClass(1 << 30);
/// Quantifiers opening a short subject of a strong cue (`several said`).
pub(super) const SUBJECT_QUANTIFIERS: WordClass = WordClass(1 << 31);
/// Words after `told` and its addressee that open an adjunct (`told his advisers as he left`).
pub(super) const TELL_ADJUNCT_OPENERS: WordClass = WordClass(1 << 32);
/// Nouns of a request for comment (`did not respond to requests for comment`).
pub(super) const COMMENT_REQUESTS: WordClass = WordClass(1 << 33);
/// Prepositions opening a request for comment after a negated cue (`respond to`).
pub(super) const REQUEST_PREPOSITIONS: WordClass = WordClass(1 << 34);
/// Conjunctions and commas before a new clause's subject, cut from the clause before it.
pub(super) const CLIP_CONJUNCTIONS: WordClass = WordClass(1 << 35);
/// Lower-case words of a title-case phrase before a colon (`Stealth Over Health:`): names keep such
/// words in lower case.
pub(super) const TITLE_CASE_WORDS: WordClass = WordClass(1 << 36);
/// Contractions with `'s` that are not possessives (`he's`).
pub(super) const NOT_POSSESSIVES: WordClass = WordClass(1 << 37);

/// Every class by its name in the lexicon file.
pub(super) const CLASS_NAMES: [(&str, WordClass); 38] = [
    ("aux", AUX),
    ("np_boundary", NP_BOUNDARY),
    ("preps", PREPS),
    ("time_words", TIME_WORDS),
    ("addressees", ADDRESSEES),
    ("noun_before", NOUN_BEFORE),
    ("dets", DETS),
    ("colon_headers", COLON_HEADERS),
    ("quantifiers", QUANTIFIERS),
    ("speech_nouns", SPEECH_NOUNS),
    ("modals", MODALS),
    ("verbish", VERBISH),
    ("appositive_openers", APPOSITIVE_OPENERS),
    ("not_names", NOT_NAMES),
    ("pronouns", PRONOUNS),
    ("clause_breaks", CLAUSE_BREAKS),
    ("noun_markers", NOUN_MARKERS),
    ("trailing_adjuncts", TRAILING_ADJUNCTS),
    ("adjunct_openers", ADJUNCT_OPENERS),
    ("np_openers", NP_OPENERS),
    ("leading_adverbs", LEADING_ADVERBS),
    ("sentence_openers", SENTENCE_OPENERS),
    ("adjunct_conjunctions", ADJUNCT_CONJUNCTIONS),
    ("personal_pronouns", PERSONAL_PRONOUNS),
    ("not_subjects", NOT_SUBJECTS),
    ("right_np_ends", RIGHT_NP_ENDS),
    ("head_prepositions", HEAD_PREPOSITIONS),
    ("clause_openers", CLAUSE_OPENERS),
    ("passive_aux", PASSIVE_AUX),
    ("contrast_conjunctions", CONTRAST_CONJUNCTIONS),
    ("free_relatives", FREE_RELATIVES),
    ("subject_quantifiers", SUBJECT_QUANTIFIERS),
    ("tell_adjunct_openers", TELL_ADJUNCT_OPENERS),
    ("comment_requests", COMMENT_REQUESTS),
    ("request_prepositions", REQUEST_PREPOSITIONS),
    ("clip_conjunctions", CLIP_CONJUNCTIONS),
    ("title_case_words", TITLE_CASE_WORDS),
    ("not_possessives", NOT_POSSESSIVES),
];

/// The class words of `lexicon/attribution_classes.tsv`, as (class, word) pairs, then the
/// classes read from the shared closed-class files ([`shared_class_words`]).
pub(super) fn class_words() -> impl Iterator<Item = (WordClass, &'static str)> {
    listed_class_words().chain(shared_class_words())
}

/// The pronoun and determiner classes, picked by their columns from `lexicon/pronouns.tsv`
/// and `lexicon/determiners.tsv`: one list of pronouns and one of determiners serves every
/// stage (speakers and the timeline read the same files).
fn shared_class_words() -> impl Iterator<Item = (WordClass, &'static str)> {
    use crate::lexicon::closed::{determiners, pronouns, Case, DeterminerKind, Gender, Pronoun};
    let pronoun_words = |class, keep: fn(&Pronoun) -> bool| {
        pronouns()
            .iter()
            .filter(move |p| keep(p))
            .map(move |p| (class, p.word))
    };
    let articles = |class| {
        determiners()
            .iter()
            .filter(|d| d.kind == DeterminerKind::Article)
            .map(move |d| (class, d.word))
    };
    pronoun_words(PRONOUNS, |p| p.case == Case::Subject)
        // `he`, `she`, `they`, `we`, `I`: subjects that name a person, not `it` or `you`.
        .chain(pronoun_words(PERSONAL_PRONOUNS, |p| {
            p.case == Case::Subject && p.person != 2 && p.gender != Some(Gender::Neuter)
        }))
        .chain(articles(DETS))
        .chain(pronoun_words(DETS, |p| p.case == Case::Possessive))
        .chain(articles(NP_OPENERS))
        .chain(pronoun_words(NP_OPENERS, |p| {
            p.case == Case::Possessive && p.person == 3
        }))
}

/// The class words listed in `lexicon/attribution_classes.tsv`.
fn listed_class_words() -> impl Iterator<Item = (WordClass, &'static str)> {
    crate::lexicon::rows(include_str!("../../lexicon/attribution_classes.tsv")).flat_map(|row| {
        let class = CLASS_NAMES
            .iter()
            .find(|(name, _)| Some(name) == row.first())
            .map(|&(_, class)| class);
        let words = row.get(1).copied().unwrap_or_default();
        class
            .into_iter()
            .flat_map(move |class| words.split(' ').map(move |w| (class, w)))
    })
}

/// The class mask of each word of the story's vocabulary ([`crate::analyse::vocabulary`]),
/// by its id: a token's classes are read by the id the tokenizer gave it, with no look-up (a
/// word may be in several classes; a word in none, 0).
static CLASSES_BY_ID: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let words = crate::analyse::vocabulary();
    let mut masks = vec![0; words.ids()];
    for (class, w) in class_words() {
        if let Some(mask) = masks.get_mut(usize::from(words.id(w.as_bytes()))) {
            *mask |= class.0;
        }
    }
    // a word of no id is in no class (every class word has one)
    masks[0] = 0;
    masks
});

/// The class mask of a lower-cased token.
#[cfg(test)]
pub(super) fn class_of(norm: &[u8]) -> u64 {
    CLASSES_BY_ID[usize::from(crate::analyse::vocabulary().id(norm))]
}

/// The story's tokens as attribution reads them, with the [`WordClass`] bits of each token
/// read by its vocabulary id.
pub(super) struct Words<'d> {
    doc: &'d Doc,
    classes: &'static [u64],
}

impl Deref for Words<'_> {
    type Target = Doc;

    fn deref(&self) -> &Doc {
        self.doc
    }
}

impl<'d> Words<'d> {
    pub(super) fn new(doc: &'d Doc) -> Words<'d> {
        Words {
            doc,
            classes: &CLASSES_BY_ID,
        }
    }

    /// Whether token `i` is in `class`. Inlined: the rules ask it of the same few tokens
    /// many times, and it is two loads and a test of a bit.
    #[inline]
    pub(super) fn in_class(&self, i: usize, class: WordClass) -> bool {
        let Some(t) = self.doc.toks.get(i) else {
            return false;
        };
        self.classes.get(usize::from(t.id)).copied().unwrap_or(0) & class.0 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's classes read by its id are those of its word in the class lists, for every
    /// token of the fixtures.
    #[test]
    fn classes_by_id_are_the_listed_classes() {
        let mut listed: rustc_hash::FxHashMap<&[u8], u64> = Default::default();
        for (class, w) in class_words() {
            *listed.entry(w.as_bytes()).or_default() |= class.0;
        }
        let mut classed = 0;
        for story in crate::analyse::fixture_stories(&["He didn't say, but p.s. the Q&A's end."]) {
            let words = Words::new(&story.doc);
            for i in 0..story.doc.toks.len() {
                let want = listed.get(story.doc.w_bytes(i)).copied().unwrap_or(0);
                let got = CLASS_NAMES.iter().fold(0, |m, &(_, c)| {
                    m | if words.in_class(i, c) { c.0 } else { 0 }
                });
                assert_eq!(got, want, "{:?}", story.doc.w(i));
                classed += usize::from(want != 0);
            }
        }
        assert!(classed > 1000, "{classed}");
    }
}
