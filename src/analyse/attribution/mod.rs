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

use crate::analyse::speakers::{clean_mention, is_doc_noun, is_source_noun, Entity, Resolver};
use crate::output::record::QuoteKind;
use crate::parse::metadata::StoryMetadata;
use crate::parse::paragraphs::Paragraph;
use crate::parse::quotes::QuotedSpan;
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::sync::LazyLock;

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

/// How a cue links speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
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
enum Reliability {
    Strong,
    Weak,
    Doc,
    /// Only as the cue of a quotation.
    QuoteOnly,
}

struct CueEntry {
    frame: Frame,
    reliability: Reliability,
    /// The form ends in -ing: a participle that keeps the speaker of the clause before.
    participle: bool,
}

struct CueLexicon {
    /// The forms of the lexicon by their first word, longest first: a cue starts at a token
    /// that is the first word of a form, and is the longest form the tokens there begin with.
    by_first_word: FxHashMap<String, Vec<CueForm>>,
    entries: Vec<CueEntry>,
    /// The first words of the forms: most tokens are ruled out with one bit test instead of a
    /// hash look-up.
    first_words: WordFilter,
}

/// A word list as a 65,536-bit set of a hash of each word's first two bytes, last byte and
/// length: a word not in it is surely not in the list, and most words of a story are told
/// from a list of a few hundred words with one bit test, before any hash-map look-up.
struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> WordFilter {
        let mut bits = vec![0u64; 1024];
        for w in words {
            let bit = WordFilter::bit(w);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        WordFilter { bits }
    }

    /// False when `word` is surely not in the list.
    fn may_contain(&self, word: &[u8]) -> bool {
        let bit = WordFilter::bit(word);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(word: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return 0;
        };
        let second = word.get(1).copied().unwrap_or(0);
        // The length is folded into a byte: only the spread of the hash depends on it.
        let key = u32::from_le_bytes([first, second, last, word.len() as u8]);
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }
}

/// One form of the cue lexicon (`pointed out`), as lower-case words.
struct CueForm {
    words: Vec<String>,
    /// Its length in bytes with single spaces, the measure of "longest".
    len: usize,
    /// Index in [`CueLexicon::entries`].
    entry: usize,
}

impl CueLexicon {
    /// Whether `word` may be the first word of a form (false is certain, true is likely).
    fn may_start(&self, word: &[u8]) -> bool {
        self.first_words.may_contain(word)
    }
}

static CUES: LazyLock<CueLexicon> = LazyLock::new(|| {
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
            });
        }
    }
    for forms in by_first_word.values_mut() {
        // Longest first; a stable sort keeps the first of two equal forms first.
        forms.sort_by_key(|form| std::cmp::Reverse(form.len));
    }
    let first_words = WordFilter::new(by_first_word.keys().map(|w| w.as_bytes()));
    CueLexicon {
        by_first_word,
        entries,
        first_words,
    }
});

/// A closed class of words (determiners, prepositions, auxiliaries...), one bit of a token's
/// class mask. The words of each class are in `lexicon/attribution_classes.tsv`; every token
/// is looked up once in [`CLASS_OF`], so that asking whether a token belongs to a class is one
/// test of a bit, not a scan of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordClass(u64);

/// Auxiliaries and adverbs between a subject and its verb (`has also said`).
const AUX: WordClass = WordClass(1 << 0);
/// Words that end a subject noun phrase on its left.
const NP_BOUNDARY: WordClass = WordClass(1 << 1);
/// Prepositions that open an adjunct after a cue (`said in a statement`).
const PREPS: WordClass = WordClass(1 << 2);
/// Words that close a time adjunct (`on Tuesday`, `last week`).
const TIME_WORDS: WordClass = WordClass(1 << 3);
/// Addressees of `told` and the like.
const ADDRESSEES: WordClass = WordClass(1 << 4);
/// Words after which a cue form is a noun (`these claims`, `the report`).
const NOUN_BEFORE: WordClass = WordClass(1 << 5);
/// Determiners that open a noun phrase.
const DETS: WordClass = WordClass(1 << 6);
/// First words of `Key: value` lines that are not speakers.
const COLON_HEADERS: WordClass = WordClass(1 << 7);
/// Quantifiers opening a noun phrase (`one former staffer`).
const QUANTIFIERS: WordClass = WordClass(1 << 8);
/// Nouns of speech that introduce a that-clause after a possessive (`Moscow's claim that`).
const SPEECH_NOUNS: WordClass = WordClass(1 << 9);
/// Modal verbs: a cue after one reports a possibility (`could deny`), not a statement.
const MODALS: WordClass = WordClass(1 << 10);
/// Auxiliaries that cannot sit inside a subject noun phrase.
const VERBISH: WordClass = WordClass(1 << 11);
/// Words opening an appositive or a relative clause after a name.
const APPOSITIVE_OPENERS: WordClass = WordClass(1 << 12);
/// Capitalised at the start of a sentence, but not names.
const NOT_NAMES: WordClass = WordClass(1 << 13);
/// Subject pronouns that can stand for a speaker.
const PRONOUNS: WordClass = WordClass(1 << 14);

/// Inside a fronted adverbial, words that would make it a clause (a comma or an auxiliary outside quotation marks).
const CLAUSE_BREAKS: WordClass = WordClass(1 << 15);
/// Before a strong cue form, words that make it a noun (`the claims`, `this report`, `of said`).
const NOUN_MARKERS: WordClass = WordClass(1 << 16);
/// Words that open a trailing adjunct inside a subject (`Sean Spicer on Thursday said`).
const TRAILING_ADJUNCTS: WordClass = WordClass(1 << 17);
/// Words opening a short tail after a cue that is an adjunct, not a reported clause (`said, adding`, `said last week`).
const ADJUNCT_OPENERS: WordClass = WordClass(1 << 18);
/// Articles and possessives that open a noun phrase after a fronted preposition (`In a statement the ministry said`).
const NP_OPENERS: WordClass = WordClass(1 << 19);
/// Adverbs and conjunctions before a subject that are not part of it (`But Lavrov said`).
const LEADING_ADVERBS: WordClass = WordClass(1 << 20);
/// Words opening a sentence before its subject (`However, Lavrov said`).
const SENTENCE_OPENERS: WordClass = WordClass(1 << 21);
/// Conjunctions opening a fronted adjunct clause before the subject (`After the talks, Lavrov said`).
const ADJUNCT_CONJUNCTIONS: WordClass = WordClass(1 << 22);
/// Personal pronouns that are a sentence's subject (`He said`).
const PERSONAL_PRONOUNS: WordClass = WordClass(1 << 23);
/// Words that cannot open a sentence's subject.
const NOT_SUBJECTS: WordClass = WordClass(1 << 24);
/// Words that end a noun phrase after a cue (`said Smith, who …`, `said Smith on Tuesday`).
const RIGHT_NP_ENDS: WordClass = WordClass(1 << 25);
/// Prepositions after the head of a source phrase (`attorneys for the family`).
const HEAD_PREPOSITIONS: WordClass = WordClass(1 << 26);
/// Words after a cue that open a reported clause (`said he would`, `said the talks`): the cue starts a new statement.
const CLAUSE_OPENERS: WordClass = WordClass(1 << 27);
/// Auxiliaries of a passive `quoted` (`was quoted as saying`).
const PASSIVE_AUX: WordClass = WordClass(1 << 28);
/// Conjunctions that open a new clause with its own speaker (`X said A, while Y urged B`).
const CONTRAST_CONJUNCTIONS: WordClass = WordClass(1 << 29);
/// Words before a subject that make it a free relative (`what she wants`), not a statement.
const FREE_RELATIVES: WordClass = WordClass(1 << 30);
/// Quantifiers opening a short subject of a strong cue (`several said`).
const SUBJECT_QUANTIFIERS: WordClass = WordClass(1 << 31);
/// Words after `told` and its addressee that open an adjunct (`told his advisers as he left`).
const TELL_ADJUNCT_OPENERS: WordClass = WordClass(1 << 32);
/// Nouns of a request for comment (`did not respond to requests for comment`).
const COMMENT_REQUESTS: WordClass = WordClass(1 << 33);
/// Prepositions opening a request for comment after a negated cue (`respond to`).
const REQUEST_PREPOSITIONS: WordClass = WordClass(1 << 34);
/// Conjunctions and commas before a new clause's subject, cut from the clause before it.
const CLIP_CONJUNCTIONS: WordClass = WordClass(1 << 35);
/// Lower-case words of a title-case phrase before a colon (`Stealth Over Health:`): names keep such words in lower case.
const TITLE_CASE_WORDS: WordClass = WordClass(1 << 36);
/// Contractions with `'s` that are not possessives (`he's`).
const NOT_POSSESSIVES: WordClass = WordClass(1 << 37);

/// Every class by its name in the lexicon file.
const CLASS_NAMES: [(&str, WordClass); 38] = [
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

/// The class words of `lexicon/attribution_classes.tsv`, as (class, word) pairs.
fn class_words() -> impl Iterator<Item = (WordClass, &'static str)> {
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

/// The classes of each class word (a word may be in several), and a filter of the words.
static CLASS_OF: LazyLock<(FxHashMap<&'static [u8], u64>, WordFilter)> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static [u8], u64> = FxHashMap::default();
    for (class, w) in class_words() {
        *map.entry(w.as_bytes()).or_default() |= class.0;
    }
    let filter = WordFilter::new(map.keys().copied());
    (map, filter)
});

/// The class mask of a lower-cased token.
fn class_of(norm: &[u8]) -> u64 {
    let (map, filter) = &*CLASS_OF;
    if !filter.may_contain(norm) {
        return 0;
    }
    map.get(norm).copied().unwrap_or(0)
}

/// How much of a story attribution reads: its sentences that end within the first GiB. Then
/// every position of a token, in the text and in [`Doc::norm`] (the text, then at most three
/// bytes for each byte of a non-ASCII token), fits 32 bits.
const TOKENIZED_BYTES: usize = 1 << 30;

/// A token. Its positions are kept in 32 bits (28 bytes a token instead of 56): the token
/// list is most of the memory a long story takes (see [`TOKENIZED_BYTES`]).
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: u32,
    end: u32,
    /// Start and end of the lower-cased token in [`Doc::norm`].
    norm_start: u32,
    norm_end: u32,
    sent_index: u32,
    para_index: u32,
    word: bool,
    cap: bool,
    /// Inside the content of a top-level double quotation.
    quoted: bool,
}

impl Tok {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Where the lower-cased token is in [`Doc::norm`].
    fn norm(&self) -> std::ops::Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// Index of its sentence in [`Doc::sents`].
    fn sent(&self) -> usize {
        self.sent_index as usize
    }

    /// Index of its paragraph.
    fn para(&self) -> usize {
        self.para_index as usize
    }
}

struct Sent {
    t0: usize,
    t1: usize,
}

struct Cue {
    t0: usize,
    t1: usize,
    entry: usize,
}

/// The tokenised body.
struct Doc {
    toks: Vec<Tok>,
    /// The text in ASCII lower case, at the same offsets, so that an ASCII token's lower-case
    /// form is at its own span; then the lower-case forms of the other tokens (`’` read as
    /// `'`), one after the other.
    norm: String,
    sents: Vec<Sent>,
    /// First token of each paragraph, and one past the last.
    para_toks: Vec<(usize, usize)>,
    /// The [`WordClass`] bits of each token, looked up the first time they are asked for:
    /// the rules look at a few tokens around each cue and quotation, not at every token.
    classes: Vec<Cell<u64>>,
    /// The word tokens that may start a speech cue (they pass
    /// [`CueLexicon::may_start`]), in order: the cue search looks only at them.
    cue_candidates: Vec<usize>,
}

/// A token's class mask not looked up yet.
const CLASS_UNKNOWN: u64 = u64::MAX;

/// [`BYTE_KIND`] bit: an ASCII white-space byte (`char::is_whitespace`).
const SPACE: u8 = 1;
/// [`BYTE_KIND`] bit: an ASCII letter or digit.
const ALNUM: u8 = 2;
/// [`BYTE_KIND`] bit: an ASCII byte that joins two runs of letters and digits into one word.
const JOINER: u8 = 4;

/// What each byte is to the tokenizer's scan, by table: the scan looks at every byte of every
/// story, and one look-up is cheaper than the char methods' range tests. Non-ASCII bytes are
/// 0 (decoded and tested as chars).
static BYTE_KIND: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            table[b] = SPACE;
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            table[b] = JOINER;
        }
        b += 1;
    }
    table
};

/// The character at byte `i` of `s` and its length, without decoding when it is ASCII (most
/// of a wire story). `i` is always a character boundary here.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Titles, months, US states and company suffixes written with a period (`Gen.`, `Corp.`),
/// given in lower case. A `match` (a decision tree on the bytes): it runs at every word
/// followed by a period.
fn is_abbreviation_word(lower: &str) -> bool {
    match lower {
        // titles
        "mr" | "mrs" | "ms" | "dr" | "rep" | "sen" | "gov" | "gen" | "lt" | "col" => true,
        "st" | "jr" | "sr" | "prof" | "sgt" | "capt" | "adm" | "maj" | "mt" | "ft" => true,
        "rev" | "cmdr" | "brig" | "amb" | "pres" | "reps" | "sens" | "messrs" => true,
        // months
        "jan" | "feb" | "aug" | "sept" | "sep" | "oct" | "nov" | "dec" => true,
        // companies, parties, states and the rest
        "inc" | "corp" | "co" | "ltd" | "gop" | "no" | "vs" => true,
        "calif" | "fla" | "mass" | "mich" | "wis" | "ky" => true,
        _ => false,
    }
}

/// Whether a word followed by a period is an abbreviation (the period is part of it).
fn is_abbreviation(word: &str, after: &str) -> bool {
    if word.len() <= 6 && (word.contains('.') || word.contains('-')) {
        return true;
    }
    let single_cap = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    if single_cap {
        return true;
    }
    // Every abbreviation in the table is at most six letters: longer words skip the look-up.
    let mut buf = [0u8; 6];
    if crate::lexicon::ascii_lower(word, &mut buf).is_some_and(is_abbreviation_word) {
        return true;
    }
    // Not followed by a sentence start: `the N.Y. area`.
    let next = after.trim_start().chars().next();
    next.is_some_and(|c| c.is_lowercase() || c == ',')
}

/// The end of the word that starts at byte `start` of `body` and runs at least to `j`, and
/// whether it is all ASCII (`ascii` tells whether it is so up to `j`). A word is letters and
/// digits, joined by `'`, `’`, `-`, `.` or `&` when a letter or digit follows (`U.S`, `al-Assad`,
/// `AT&T`), with the final period of an abbreviation or initial (`Mr.`, `E.`). Inlined: a call
/// per word cost more than the scan of most words.
#[inline(always)]
fn word_end(body: &str, start: usize, mut j: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = body.as_bytes();
    loop {
        // The ASCII letters and digits in one run.
        j += crate::ascii::run(bytes.get(j..).unwrap_or_default(), false);
        let Some(&d) = bytes.get(j) else {
            break;
        };
        let joiner_len = if d.is_ascii() {
            if BYTE_KIND[usize::from(d)] & JOINER == 0 {
                break;
            }
            1
        } else {
            let Some((c, len)) = char_at(body, j) else {
                break;
            };
            if c.is_alphanumeric() {
                j += len;
                ascii = false;
                continue;
            }
            if c != '’' {
                break;
            }
            len
        };
        let joins = match bytes.get(j + joiner_len) {
            Some(&a) if a.is_ascii() => BYTE_KIND[usize::from(a)] & ALNUM != 0,
            Some(_) => char_at(body, j + joiner_len).is_some_and(|(a, _)| a.is_alphanumeric()),
            None => false,
        };
        if joins {
            j += joiner_len;
            ascii &= joiner_len == 1;
            continue;
        }
        // `U.S.`, `Mr.`, `R-Ky.`, `E.`: keep the final period of an abbreviation or an
        // initial.
        if d == b'.' && is_abbreviation(&body[start..j], &body[j + 1..]) {
            j += 1;
        }
        break;
    }
    (j, ascii)
}

#[inline(never)] // A stage of its own in profiles.
fn tokenize(text: &str, paragraphs: &[Paragraph], quotes: &[QuotedSpan]) -> Doc {
    // About one token in five bytes of wire text: the vector is seldom grown, and a very long
    // story (whose tokens are most of its memory) does not reserve a quarter more than it uses.
    let mut toks = Vec::with_capacity(text.len() / 5 + 16);
    // ASCII lower-casing keeps UTF-8 and offsets intact; over the whole text at once it runs
    // as vector code, where a copy per token would cost a call each.
    let mut norm = String::with_capacity(text.len() + text.len() / 8);
    norm.push_str(text);
    norm.make_ascii_lowercase();
    let mut sents = Vec::with_capacity(paragraphs.iter().map(|p| p.sentences.len()).sum());
    let mut para_toks = Vec::with_capacity(paragraphs.len());
    // Top-level double quotations, in order, to flag quoted tokens in one merge pass.
    let top: Vec<Span> = quotes
        .iter()
        .filter(|q| !q.single && q.depth == 0)
        .map(|q| q.inner)
        .collect();
    let mut qi = 0usize;
    let cue_lexicon = &*CUES;
    // Speech cues are a few in a hundred words.
    let mut cue_candidates = Vec::with_capacity(text.len() / 128 + 4);
    for (pi, p) in paragraphs.iter().enumerate() {
        let pt0 = toks.len();
        for s in &p.sentences {
            if s.end > text.len()
                || s.end > TOKENIZED_BYTES
                || !text.is_char_boundary(s.start)
                || !text.is_char_boundary(s.end)
            {
                continue;
            }
            let st0 = toks.len();
            let body = s.slice(text);
            let bytes = body.as_bytes();
            let mut i = 0;
            while let Some(&b) = bytes.get(i) {
                let kind = BYTE_KIND[usize::from(b)];
                if kind & SPACE != 0 {
                    i += 1;
                    continue;
                }
                let start = s.start + i;
                // (end in `body`, word, all ASCII, capitalised): ASCII first, as most of a
                // wire story is; a non-ASCII character is decoded only when met.
                let (j, word, ascii, cap) = if kind & ALNUM != 0 {
                    let (j, ascii) = word_end(body, i, i + 1, true);
                    (j, true, ascii, b.is_ascii_uppercase())
                } else if b.is_ascii() {
                    (i + 1, false, true, false)
                } else {
                    let Some((c, clen)) = char_at(body, i) else {
                        break;
                    };
                    if c.is_whitespace() {
                        i += clen;
                        continue;
                    }
                    if c.is_alphanumeric() {
                        let (j, _) = word_end(body, i, i + clen, false);
                        (j, true, false, c.is_uppercase())
                    } else {
                        (i + clen, false, false, false)
                    }
                };
                let end = s.start + j;
                let span = Span::new(start, end);
                let (n0, n1) = if ascii {
                    // Most tokens: already lower-cased in place.
                    (span.start, span.end)
                } else {
                    let n0 = norm.len();
                    for ch in body[i..j].chars() {
                        match ch {
                            '’' | '‘' => norm.push('\''),
                            _ => norm.extend(ch.to_lowercase()),
                        }
                    }
                    (n0, norm.len())
                };
                i = j;
                // Tested here, while the token's bytes are at hand, rather than in a second
                // pass over all tokens.
                if word
                    && norm
                        .as_bytes()
                        .get(n0..n1)
                        .is_some_and(|w| cue_lexicon.may_start(w))
                {
                    cue_candidates.push(toks.len());
                }
                while qi < top.len() && top[qi].end <= start {
                    qi += 1;
                }
                let quoted = qi < top.len() && top[qi].start <= start && end <= top[qi].end;
                // All below 4 GiB: see TOKENIZED_BYTES.
                toks.push(Tok {
                    start: span.start as u32,
                    end: span.end as u32,
                    norm_start: n0 as u32,
                    norm_end: n1 as u32,
                    sent_index: sents.len() as u32,
                    para_index: pi as u32,
                    word,
                    cap,
                    quoted,
                });
            }
            sents.push(Sent {
                t0: st0,
                t1: toks.len(),
            });
        }
        para_toks.push((pt0, toks.len()));
    }
    let classes = vec![Cell::new(CLASS_UNKNOWN); toks.len()];
    Doc {
        toks,
        norm,
        sents,
        para_toks,
        classes,
        cue_candidates,
    }
}

impl Doc {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.norm[t.norm()]).unwrap_or("")
    }

    /// The lower-case bytes of token `i`, for comparisons, which need no `str` (and so no
    /// check of character boundaries).
    fn w_bytes(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.norm.as_bytes().get(t.norm()))
            .unwrap_or_default()
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w_bytes(i);
        words.iter().any(|x| x.as_bytes() == w)
    }

    fn in_class(&self, i: usize, class: WordClass) -> bool {
        let Some(cell) = self.classes.get(i) else {
            return false;
        };
        let mut mask = cell.get();
        if mask == CLASS_UNKNOWN {
            mask = class_of(self.w_bytes(i));
            cell.set(mask);
        }
        mask & class.0 != 0
    }

    fn punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word)
    }

    /// A transcript's speaker label at token `a` (`WALLACE:`, `SEN. KAINE:`): up to four
    /// upper-case words before a colon, ending before `lim`.
    fn transcript_label(&self, text: &str, a: usize, lim: usize) -> Option<(usize, usize)> {
        let mut b = a;
        let mut letters = 0;
        while b < lim && b - a < 6 {
            let t = self.toks.get(b)?;
            let raw = t.span().slice(text);
            if t.word {
                if !raw
                    .chars()
                    .all(|c| c.is_uppercase() || c == '-' || c == '\'')
                {
                    return None;
                }
                letters += raw.chars().count();
            } else if raw == ":" {
                break;
            } else if raw != "." {
                return None;
            }
            b += 1;
        }
        (b > a && b < lim && letters >= 2 && self.is(b, &[":"])).then_some((a, b))
    }

    /// Whether tokens `a..b` are only a fronted adverbial (`On Sunday's broadcast of "Meet
    /// the Press,"`, `Through a spokesman`): a preposition, then no clause break or auxiliary
    /// outside quotation marks. Such a phrase is not the content of the cue after it.
    fn fronted_adverbial(&self, a: usize, b: usize) -> bool {
        self.in_class(a, PREPS)
            && !self.is(a, &["to", "while"])
            && b > a
            && b - a <= 14
            && !(a..b).any(|k| !self.toks[k].quoted && self.in_class(k, CLAUSE_BREAKS))
    }

    fn quote_mark(&self, i: usize) -> bool {
        self.punct(i) && matches!(self.w(i), "\"" | "“" | "”" | "'" | "«" | "»" | "`")
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span().start, self.toks[b - 1].span().end)
    }

    /// Finds the speech cues, in order.
    #[inline(never)] // A stage of its own in profiles.
    fn cues(&self) -> Vec<Cue> {
        let lex = &*CUES;
        let mut out = Vec::new();
        // A cue's words are not searched again for cues (`said on` holds no second cue).
        let mut resume = 0usize;
        for &t0 in &self.cue_candidates {
            let Some(tok) = self.toks.get(t0).filter(|_| t0 >= resume) else {
                continue;
            };
            let Some(forms) = lex.by_first_word.get(self.w(t0)) else {
                continue;
            };
            // The longest form the tokens of the sentence start with, its last word possibly
            // only the start of a token (`warn` in `warnings`), which is then no cue.
            let Some((t1, whole, entry)) = forms.iter().find_map(|form| {
                let last = form.words.len().checked_sub(1)?;
                for (k, fw) in form.words.iter().enumerate().skip(1) {
                    let t = self.toks.get(t0 + k).filter(|t| t.sent() == tok.sent())?;
                    let w = self.norm.get(t.norm())?;
                    let matches = if k < last {
                        w == fw
                    } else {
                        w.starts_with(fw.as_str())
                    };
                    if !matches {
                        return None;
                    }
                }
                let whole = self.w(t0 + last).len() == form.words[last].len();
                Some((t0 + last, whole, form.entry))
            }) else {
                continue;
            };
            resume = t1 + 1;
            if !whole {
                continue;
            }
            let e = &lex.entries[entry];
            if self.toks[t0].quoted {
                continue;
            }
            // A capitalised cue inside a sentence is a name (`the United States`).
            if self.toks[t0].cap && t0 != self.sents[self.toks[t0].sent()].t0 {
                continue;
            }
            // `That said, …`
            if self.w(t0) == "said" && t0 > 0 && self.w(t0 - 1) == "that" && self.w(t0 + 1) == "," {
                continue;
            }
            // A noun after a possessive: `Prachanda's remarks`.
            if t0 > 0 && {
                let w = self.w(t0 - 1);
                w.ends_with("'s") && !self.in_class(t0 - 1, NOT_POSSESSIVES)
            } {
                continue;
            }
            // A noun, not a verb: `these claims`, `the report`.
            if !matches!(e.frame, Frame::According | Frame::Quoting)
                && t0 > 0
                && self.toks[t0 - 1].sent() == self.toks[t0].sent()
                && self.in_class(t0 - 1, NOUN_BEFORE)
                && (e.reliability != Reliability::Strong || self.in_class(t0 - 1, NOUN_MARKERS))
            {
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

    /// The subject noun phrase ending just before token `end` (auxiliaries skipped), within
    /// the sentence starting at `s0`. Returns its token range. A name with an appositive or
    /// a relative clause between commas (`Mike Huckabee, the former governor, said`) is
    /// taken whole.
    fn left_np(&self, end: usize, s0: usize) -> Option<(usize, usize)> {
        let mut e = end;
        while e > s0 && self.in_class(e - 1, AUX) && !self.toks[e - 1].cap {
            e -= 1;
        }
        if e > s0 + 1 && self.is(e - 1, &[","]) {
            // Walk back over up to three comma-separated segments (`Yin May, 60, a doctor,
            // said`) to a name.
            let lim = (e - 1).saturating_sub(32).max(s0);
            let mut c = e - 1;
            for _ in 0..3 {
                let c1 = (lim..c)
                    .rev()
                    .find(|&k| self.is(k, &[",", ";", ":", "\"", "“", "”", "(", ")"]))?;
                if !self.is(c1, &[","]) || c1 + 1 >= c {
                    return None;
                }
                let first = c1 + 1;
                if (self.in_class(first, PREPS)
                    || self.w(first).ends_with("ing") && !self.toks[first].cap)
                    && c == e - 1
                {
                    // `Clinton, at a later press gaggle, said`: an adjunct, not an appositive.
                    let (a, b) = self.left_np_core(c1, s0)?;
                    return self.toks[b - 1].cap.then_some((a, b));
                }
                let opens = self.in_class(first, APPOSITIVE_OPENERS)
                    || self.toks[first].cap
                    || self.w(first).starts_with(|ch: char| ch.is_ascii_digit());
                if !opens {
                    return None;
                }
                if let Some((a, b)) = self.left_np_core(c1, s0) {
                    if self.toks[b - 1].cap && (a == s0 || !self.toks[a].cap || b - a <= 5) {
                        return Some((a, e));
                    }
                    let name_segment =
                        (first..c).all(|x| self.toks[x].cap || self.is(x, &[".", "-"]));
                    if name_segment && c == e - 1 && self.source_like(a, b) {
                        return Some((a, e));
                    }
                }
                c = c1;
            }
            return None;
        }
        let (a, mut b) = self.left_np_core(e, s0)?;
        // `RNC spokesman Sean Spicer on Thursday evening said`: drop a trailing adjunct.
        if let Some(p) = (a + 1..b).find(|&p| {
            self.in_class(p, TRAILING_ADJUNCTS)
                && (self.toks[p - 1].cap || (p + 1..b).any(|k| self.in_class(k, TIME_WORDS)))
        }) {
            b = p;
        }
        Some((a, b))
    }

    /// Whether tokens `[from, s1)` hold only adjuncts of an attribution (`in a statement`,
    /// `on Tuesday`, `, who …`, `, adding …`) rather than a reported clause.
    fn tail_is_adjunct(&self, from: usize, s1: usize) -> bool {
        let n = s1.saturating_sub(from);
        let mut k = from;
        while k < s1 && self.punct(k) && !self.quote_mark(k) {
            k += 1;
        }
        let appositive = from < s1
            && self.is(from, &[","])
            && k < s1
            && (self.toks[k].cap
                || self.in_class(k, APPOSITIVE_OPENERS)
                || self.w(k).starts_with(|ch: char| ch.is_ascii_digit()));
        // `said Friday afternoon, as they …`: an adjunct phrase up to a comma.
        let short_adjunct = k < s1
            && (self.in_class(k, TIME_WORDS) || self.in_class(k, PREPS))
            && (k..s1.min(k + 9)).any(|x| self.is(x, &[","]))
            && !(k..s1.min(k + 9))
                .take_while(|&x| !self.is(x, &[","]))
                .any(|x| self.is(x, &["that"]));
        k >= s1
            || appositive
            || short_adjunct
            || (n <= 12
                && (self.in_class(k, PREPS)
                    || self.in_class(k, TIME_WORDS)
                    || self.in_class(k, ADJUNCT_OPENERS))
                && !(k..s1).any(|x| self.is(x, &["that"])))
    }

    /// `I laughed and said`: the subject of a one-word verb joined to the cue (at `before`)
    /// by `and`.
    fn coordinated_subject(&self, before: usize, s0: usize) -> Option<(usize, usize)> {
        let ok = before >= s0 + 3
            && self.is(before - 1, &["and"])
            && self.toks[before - 2].word
            && !self.toks[before - 2].cap
            && (self.in_class(before - 3, PRONOUNS) && !self.is(before - 3, &["it"])
                || self.toks[before - 3].cap)
            && (before - 3 == s0 || self.punct(before - 4));
        // (`then_some` would evaluate the subtraction even when `ok` is false.)
        if ok {
            Some((before - 3, before - 2))
        } else {
            None
        }
    }

    /// The antecedent of a relative pronoun before a cue (`voters who said`).
    fn antecedent(&self, rel: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = rel;
        if k > s0 && self.is(k - 1, &[","]) {
            k -= 1;
        }
        self.left_np_core(k, s0)
            .filter(|&(a, b)| self.source_like(a, b))
    }

    fn left_np_core(&self, e: usize, s0: usize) -> Option<(usize, usize)> {
        let mut j = e;
        while j > s0 {
            let t = j - 1;
            if self.punct(t) {
                let p = self.w(t);
                if matches!(p, "-" | "&" | "." | "/") && j < e {
                    j -= 1;
                    continue;
                }
                if p == ")" {
                    // `Gov. Pat McCrory (R)`: a short parenthesis inside the phrase.
                    let lim = t.saturating_sub(8).max(s0);
                    if let Some(o) = (lim..t).rev().find(|&k| self.is(k, &["("])) {
                        j = o;
                        continue;
                    }
                }
                break;
            }
            let w = self.w(t);
            if w == "and" || w == "or" {
                let both_cap = t > s0
                    && self.toks[t - 1].cap
                    && self.toks.get(t + 1).is_some_and(|x| x.cap)
                    && t + 1 < e;
                if !both_cap {
                    break;
                }
            } else if (self.in_class(t, NP_BOUNDARY) || self.in_class(t, VERBISH))
                && (!self.toks[t].cap || t == s0)
            {
                // Sentence-initial `However`, `But`, `As` are not part of the subject.
                break;
            }
            j -= 1;
            if e - j > 14 {
                return None;
            }
        }
        if j >= e {
            return None;
        }
        // A leading preposition phrase without a comma: `In a statement the ministry said`,
        // `with Donald Trump tweeting`.
        if self.in_class(j, PREPS) {
            match (j + 1..e).rev().find(|&k| self.in_class(k, NP_OPENERS)) {
                Some(k) => j = k,
                None => {
                    let mut k = e;
                    while k > j + 1 && self.toks[k - 1].cap {
                        k -= 1;
                    }
                    if k == e {
                        return None;
                    }
                    j = k;
                }
            }
        }
        // A leading adverb or conjunction: `But Lavrov said`.
        while j < e && self.in_class(j, LEADING_ADVERBS) {
            j += 1;
        }
        if j >= e || self.is(j, &["of", "for", "to"]) {
            return None;
        }
        // A verb or an adverb before the phrase (`cutting off a reporter who asked`,
        // `forcefully told a young woman who suggested`): start at its determiner or name.
        let w = self.w(j);
        if !self.toks[j].cap
            && !self.in_class(j, DETS)
            && !self.in_class(j, QUANTIFIERS)
            && !self.in_class(j, PRONOUNS)
            && !is_source_noun(w)
            && (w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed"))
        {
            let k = (j + 1..e).find(|&k| {
                self.toks[k].cap || self.in_class(k, DETS) || self.in_class(k, QUANTIFIERS)
            })?;
            j = k;
        }
        (j < e).then_some((j, e))
    }

    /// The subject at the start of the sentence: a pronoun or a capitalised name followed
    /// by a lower-case word (`Bush offered …`).
    fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
        let mut i = s0;
        while i < limit && self.in_class(i, SENTENCE_OPENERS) {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        // `During a speech on Tuesday, Trump attacked …`: skip a leading adjunct.
        if self.in_class(i, PREPS) || self.in_class(i, ADJUNCT_CONJUNCTIONS) {
            if let Some(c) = (i + 1..limit.min(i + 16)).find(|&k| self.is(k, &[","])) {
                i = c + 1;
            }
        }
        if i >= limit {
            return None;
        }
        if self.in_class(i, PERSONAL_PRONOUNS) {
            return Some((i, i + 1));
        }
        let w = self.w(i);
        if self.in_class(i, PREPS)
            || self.in_class(i, NOT_NAMES) && !self.toks.get(i + 1).is_some_and(|t| t.cap)
            || self.in_class(i, NP_BOUNDARY)
            || w.ends_with("ly")
            || w.ends_with("ing")
            || self.in_class(i, NOT_SUBJECTS)
        {
            return None;
        }
        let mut k = i;
        while k < limit && k - i < 5 && (self.toks[k].cap || self.is(k, &[".", "-"])) {
            k += 1;
        }
        // A name followed by a verb, or by an appositive (`Dean, a former chairman, …`).
        let verb_follows =
            k < limit && self.toks[k].word && !self.toks[k].cap && !self.is(k, &["of", "and"]);
        let appositive_follows = k + 1 < limit
            && self.is(k, &[","])
            && (self.in_class(k + 1, APPOSITIVE_OPENERS)
                || self.w(k + 1).starts_with(|c: char| c.is_ascii_digit()))
            && k - i >= 1
            && !self.in_class(i, NOT_NAMES);
        (k > i && (verb_follows || appositive_follows)).then_some((i, k))
    }

    /// The noun phrase starting at token `start`, up to a comma, a period or a clause word.
    fn right_np(&self, start: usize, s1: usize) -> Option<(usize, usize)> {
        if self.in_class(start, PREPS)
            || self.is(start, &["of", "that", "to"])
            || self.in_class(start, NP_BOUNDARY)
        {
            return None;
        }
        let mut j = start;
        while j < s1 && j - start < 14 {
            if self.punct(j) {
                let p = self.w(j);
                if matches!(p, "-" | "&" | "/") {
                    j += 1;
                    continue;
                }
                break;
            }
            if j > start
                && (self.in_class(j, RIGHT_NP_ENDS)
                    || self.in_class(j, PREPS) && !self.is(j, &["of", "for"]))
            {
                break;
            }
            j += 1;
        }
        (j > start).then_some((start, j))
    }

    /// Whether the tokens look like a source: a pronoun, or a head (the last word before
    /// any comma) that is a name or a speaker noun.
    fn source_like(&self, a: usize, b: usize) -> bool {
        if b == a + 1 && self.in_class(a, PRONOUNS) {
            return true;
        }
        let end = (a..b).find(|&i| self.is(i, &[","])).unwrap_or(b);
        // `attorneys for the family`: the head may come before the preposition.
        let pre = (a + 1..end)
            .find(|&i| self.in_class(i, HEAD_PREPOSITIONS))
            .unwrap_or(end);
        if pre < end && self.source_like(a, pre) {
            return true;
        }
        let Some(h) = (a..end)
            .rev()
            .find(|&i| self.toks[i].word || self.is(i, &[")"]))
        else {
            return false;
        };
        let w = self.w(h);
        let sentence_initial = h == self.sents[self.toks[h].sent()].t0;
        (self.toks[h].cap && !(sentence_initial && self.in_class(h, NOT_NAMES)))
            || is_source_noun(w.trim_end_matches("'s"))
            || w == ")"
    }

    fn doc_like(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| is_doc_noun(self.w(i)))
    }

    /// Where the content after a cue starts: past `that`, addressees and time adjuncts.
    fn content_start(&self, mut i: usize, s1: usize, frame: Frame) -> usize {
        if frame == Frame::Tell {
            // `told reporters (on Tuesday) that` or `told the newspaper Russia would`.
            if let Some(k) = (i..s1.min(i + 12)).find(|&k| self.is(k, &["that"])) {
                if (i..k).all(|x| !self.punct(x)) {
                    return k + 1;
                }
            }
            let mut skipped = 0;
            while i < s1
                && skipped < 6
                && (self.toks[i].cap
                    || self.in_class(i, ADDRESSEES) && !self.in_class(i, DETS)
                    || self.in_class(i, DETS) && self.toks.get(i + 1).is_some_and(|t| t.cap)
                    || self.in_class(i, DETS)
                        && self.in_class(i + 1, ADDRESSEES)
                        && !self.in_class(i + 1, DETS))
            {
                i += 1;
                skipped += 1;
            }
        }
        let mut guard = 0;
        while i < s1 && guard < 8 {
            guard += 1;
            if self.is(i, &["that", ":", ","]) {
                let was_that = self.is(i, &["that"]);
                i += 1;
                if was_that {
                    break;
                }
                continue;
            }
            if self.in_class(i, TIME_WORDS) {
                i += 1;
                continue;
            }
            if self.in_class(i, PREPS) && frame != Frame::Urge {
                let lim = s1.min(i + 25);
                if let Some(k) = (i + 1..lim)
                    .take_while(|&k| !self.quote_mark(k) && !self.is(k, &[";", ":"]))
                    .find(|&k| self.is(k, &["that"]))
                {
                    i = k + 1;
                    break;
                }
                if let Some(k) = (i + 1..lim)
                    .take_while(|&k| !self.punct(k) || self.is(k, &[","]))
                    .find(|&k| {
                        self.in_class(k, TIME_WORDS)
                            && !self.in_class(k + 1, PREPS)
                            && self.toks.get(k + 1).is_some_and(|t| t.word)
                    })
                {
                    i = k + 1;
                    continue;
                }
            }
            break;
        }
        i
    }

    /// The content span of tokens `[a, b)`, without edge punctuation (quotation marks kept
    /// when they enclose words at the edge).
    fn content(&self, mut a: usize, mut b: usize) -> Option<Span> {
        while a < b && self.punct(a) && !self.quote_mark(a) {
            a += 1;
        }
        while b > a && self.punct(b - 1) && !self.quote_mark(b - 1) {
            b -= 1;
        }
        if b <= a || (a..b).filter(|&i| self.toks[i].word).take(2).count() < 2 {
            return None;
        }
        Some(self.span(a, b))
    }
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
