//! The rules: a table of named rules ([`table::RULES`]), each a pattern's first token (a
//! lexicon class or a token kind), a production that reads on from there and computes the
//! value, and examples run as tests; and the engine that tries them.
//!
//! At a token the engine tries, in table order, the rules whose first element the token has
//! (an index: a bit mask per lexicon entry and per token kind, built once); the first that
//! matches wins. A production may also stop the search at the token ([`Out::Stop`]): `fall`
//! not after `the` is the verb, whatever later rules would make of it.

mod calendar;
mod clock;
mod digits;
mod numeric;
mod relative;
mod relword;
pub(in crate::parse::dates) mod table;

use super::grammar::{G, M};
use super::lexicon::{Func, Lex, List};
use super::normalise as n;
use super::tokens::K;
use crate::span::Span;
use crate::vocab::DateType;
use DateType::{Date as DT, Duration as DU, Time as TI};

/// One expression found by the grammar, in tokens.
#[derive(Debug, Clone)]
pub(in crate::parse::dates) struct Found {
    /// Byte span.
    pub span: Span,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    pub date_type: DateType,
    /// The name of the rule that matched (for the example tests only: without it, a story's
    /// `Found`s convert in place into its mentions).
    #[cfg(test)]
    pub rule: &'static str,
}

/// What a rule's production makes of the tokens at its start.
pub(in crate::parse::dates) enum Out {
    /// A match: the search ends with it.
    Match(M),
    /// No match: the next rule is tried.
    Pass,
    /// No match, and no later rule may match here either.
    Stop,
}

use Out::{Match, Pass, Stop};

/// A production's result where its failure ends the search.
fn stop(x: Option<M>) -> Out {
    x.map_or(Stop, Match)
}

/// A production's result where its failure lets the next rule try.
fn pass(x: Option<M>) -> Out {
    x.map_or(Pass, Match)
}

/// The first element of a rule's pattern: a token kind, or a class of the date lexicon
/// (`dates_words.tsv`).
#[derive(Debug, Clone, Copy)]
pub(in crate::parse::dates) enum First {
    /// `10:35`.
    Clock,
    /// `2022-01-18`.
    Iso,
    /// `7/8/07`.
    Slash,
    /// A number in digits.
    Digits,
    /// `'` (of `'80s`).
    Apostrophe,
    /// The lexicon classes: `month`, `weekday`, `weekdays`, `unit`, `units`, `num`, `ord`,
    /// `fuzzy`, `rel`, `dayrel`, `pod`, `season`, `ref`, `set`, `mod`, `holiday`, `decade`.
    Month,
    Weekday,
    Weekdays,
    Unit,
    Units,
    Number,
    Ord,
    Fuzzy,
    Rel,
    DayRel,
    Pod,
    Season,
    Ref,
    Set,
    Mod,
    Holiday,
    Decade,
    /// A word of the `word` class with one of these values.
    Word(&'static [&'static str]),
}

impl First {
    /// Whether a word with the lexicon entry `l` can start the pattern.
    #[cfg(test)]
    pub(in crate::parse::dates) fn accepts(self, l: &Lex) -> bool {
        match self {
            First::Word(ws) => l.word.is_some_and(|w| ws.contains(&w)),
            class => CLASSES
                .iter()
                .position(|c| same_class(c, &class))
                .is_some_and(|i| class_bits(l) >> i & 1 != 0),
        }
    }
}

/// The lexicon classes of the entry `l`, as bits in the order of [`CLASSES`].
fn class_bits(l: &Lex) -> u32 {
    let has = [
        l.month != 0,
        l.weekday != 0,
        l.weekdays != 0,
        l.unit.is_some(),
        l.units.is_some(),
        l.num.is_some(),
        l.ord.is_some(),
        l.fuzzy,
        l.rel.is_some(),
        l.dayrel.is_some(),
        l.pod.is_some(),
        l.season.is_some(),
        l.reference.is_some(),
        l.set.is_some(),
        l.modifier.is_some(),
        l.holiday.is_some(),
        l.decade.is_some(),
    ];
    has.iter()
        .enumerate()
        .fold(0, |bits, (i, &h)| bits | u32::from(h) << i)
}

/// A production: at token `j` (`the` before it or not), what the rule makes of what follows.
pub(in crate::parse::dates) type Production = fn(&mut G<'_>, usize, bool) -> Out;

/// One rule of the table.
pub(in crate::parse::dates) struct Rule {
    /// Its name, reported by the example test.
    pub name: &'static str,
    /// The classes its first token may have (any of them).
    pub first: &'static [First],
    /// What it makes of the tokens from there (for a group, runs its rows in order:
    /// [`group!`]).
    pub run: Production,
    /// The rules of a group, tried in order at the group's first token: a row that stops
    /// ends the group, which then fails as if no row had matched (the next rule is tried).
    /// Empty for a rule of its own.
    pub rows: &'static [Rule],
    /// Sentences it must match, with the story date and the expression and value expected.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [Example],
}

/// An example of a rule: on the story date `date`, `text` has the expression `span` (matched
/// by that rule) with the value `value`; or, with an empty `span`, nothing at all ([`none`]).
#[cfg_attr(not(test), allow(dead_code))]
pub(in crate::parse::dates) struct Example {
    /// The story date (ISO).
    pub date: &'static str,
    /// The sentence.
    pub text: &'static str,
    /// The expression as it stands in the sentence.
    pub span: &'static str,
    /// Its value.
    pub value: &'static str,
}

/// An example on the story date the tests use, Tuesday 18 January 2022.
pub(in crate::parse::dates) const fn ex(
    text: &'static str,
    span: &'static str,
    value: &'static str,
) -> Example {
    Example {
        date: "2022-01-18",
        text,
        span,
        value,
    }
}

/// An example where the rule stops the search, so that nothing is found in `text`.
pub(in crate::parse::dates) const fn none(text: &'static str) -> Example {
    Example {
        date: "2022-01-18",
        text,
        span: "",
        value: "",
    }
}

/// The rules that start at each token kind that is not a word, as bit masks over
/// [`table::RULES`] (built at compile time).
struct KindMasks {
    clock: u64,
    iso: u64,
    slash: u64,
    digits: u64,
    apostrophe: u64,
}

/// Which token kind a first element names: 0 clock, 1 ISO date, 2 slash date, 3 digits,
/// 4 apostrophe; 5 for a lexicon class.
const fn kind_of(f: &First) -> u8 {
    match f {
        First::Clock => 0,
        First::Iso => 1,
        First::Slash => 2,
        First::Digits => 3,
        First::Apostrophe => 4,
        _ => 5,
    }
}

/// The rules of [`table::RULES`] whose pattern starts with the token kind `kind`.
const fn kind_mask(kind: u8) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < table::RULES.len() {
        let first = table::RULES[i].first;
        let mut k = 0;
        while k < first.len() {
            if kind_of(&first[k]) == kind {
                mask |= 1 << i;
            }
            k += 1;
        }
        i += 1;
    }
    mask
}

const KIND_MASKS: KindMasks = KindMasks {
    clock: kind_mask(0),
    iso: kind_mask(1),
    slash: kind_mask(2),
    digits: kind_mask(3),
    apostrophe: kind_mask(4),
};

/// The lexicon classes a pattern may start with, for [`Starts`] (in the order of
/// [`class_bits`]).
const CLASSES: [First; 17] = [
    First::Month,
    First::Weekday,
    First::Weekdays,
    First::Unit,
    First::Units,
    First::Number,
    First::Ord,
    First::Fuzzy,
    First::Rel,
    First::DayRel,
    First::Pod,
    First::Season,
    First::Ref,
    First::Set,
    First::Mod,
    First::Holiday,
    First::Decade,
];

/// What the rule table says of the words of the lexicon, read once as the lexicon is built:
/// the rules each class and each function word can start.
pub(in crate::parse::dates) struct Starts {
    /// The rules each of [`CLASSES`] can start.
    classes: [u64; CLASSES.len()],
    /// The function words rules start with (`First::Word`), and their rules.
    words: Vec<(&'static str, u64)>,
}

impl Starts {
    /// Reads the table.
    pub(in crate::parse::dates) fn new() -> Self {
        let mut classes = [0u64; CLASSES.len()];
        let mut words: Vec<(&'static str, u64)> = Vec::new();
        for (i, rule) in table::RULES.iter().enumerate() {
            for f in rule.first {
                if let First::Word(ws) = f {
                    for &w in *ws {
                        match words.iter_mut().find(|(x, _)| *x == w) {
                            Some((_, m)) => *m |= 1 << i,
                            None => words.push((w, 1 << i)),
                        }
                    }
                } else if let Some(c) = CLASSES.iter().position(|c| same_class(c, f)) {
                    classes[c] |= 1 << i;
                }
            }
        }
        Starts { classes, words }
    }

    /// The rules a word with the lexicon entry `l` can start, as a bit mask over
    /// [`table::RULES`] (kept in the entry: [`Lex::rules`]).
    pub(in crate::parse::dates) fn mask(&self, l: &Lex) -> u64 {
        let mut bits = class_bits(l);
        let mut mask = 0;
        while bits != 0 {
            mask |= self.classes[bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        if let Some(word) = l.word {
            for (w, rules) in &self.words {
                if *w == word {
                    mask |= rules;
                }
            }
        }
        mask
    }

    /// The function words a match can start at: those the table names as first tokens,
    /// and those of the two prefixes the engine reads before a rule (`the`, and the
    /// approximators `more than`, `less than`, `no more than`, `at least`, `up to`:
    /// [`G::approx_len`]).
    pub(in crate::parse::dates) fn is_starter(&self, w: &[u8]) -> bool {
        const PREFIXES: &[&str] = &["the", "more", "less", "no", "at", "up"];
        PREFIXES.iter().any(|p| p.as_bytes() == w)
            || self.words.iter().any(|(x, _)| x.as_bytes() == w)
    }
}

/// Whether two first elements are the same lexicon class.
fn same_class(a: &First, b: &First) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Defines a group of rules: the rows (`name => production, [examples]`, tried in order) as
/// a table for the tests, and a production that runs them with direct calls.
macro_rules! group {
    ($rows:ident, $run:ident, [$($name:literal => $prod:path, [$($ex:expr),* $(,)?]),* $(,)?]) => {
        /// The rows of the group, for the example tests.
        const $rows: &[Rule] = &[$(row($name, $prod, &[$($ex),*])),*];

        /// Runs the rows of the group in order.
        fn $run(g: &mut G<'_>, j: usize, the: bool) -> Out {
            $(
                match $prod(g, j, the) {
                    Out::Match(x) => {
                        g.rule = $name;
                        return Out::Match(x);
                    }
                    Out::Stop => return Out::Pass,
                    Out::Pass => {}
                }
            )*
            Out::Pass
        }
    };
}
pub(in crate::parse::dates) use group;

impl G<'_> {
    /// A programme or column title in running text (`ABC's This Week`, `on 60 Minutes`):
    /// every word of the match capitalised, ending in a unit word, after a lower-case word
    /// or a possessive (a Title Case headline has no lower-case word before it).
    pub(in crate::parse::dates) fn is_title(&self, x: &M) -> bool {
        let last = x.end - 1;
        // `This Week`, `60 Minutes`; not a holiday (`on Thanksgiving Day`)
        let opens = matches!(self.t[x.start].k, K::Num { .. }) || self.rel(x.start).is_some();
        if x.start == 0
            || !opens
            || !(self.unit(last).is_some() || self.units(last).is_some())
            || !self.cap(last)
        {
            return false;
        }
        let all_caps = (x.start..x.end).all(|k| match self.t[k].k {
            K::Word { cap, .. } => cap,
            _ => true,
        });
        let before = match self.t[x.start - 1].k {
            K::Word { cap, .. } => !cap,
            K::Poss => true,
            _ => false,
        };
        all_caps && before
    }

    /// A function word no rule can start a match at here, the commonest failed starts.
    /// After `the`, [`Self::body`] fails at a word outside the lexicon or punctuation; `a` and
    /// `an` count only before a lexicon word, a hyphen or the adjectives of `an extra year`
    /// ([`Self::body`], [`Self::count`], [`Self::counted`]); `at`, `up`, `more` and `less`
    /// start only `at least`, `up to`, `more than` ([`Self::approx_len`]); `that` only `that
    /// day`, `that year`, `that quarter`. These words have no other reading. Debug builds
    /// check the skip like the others.
    pub(in crate::parse::dates) fn idle_function_word(&self, i: usize) -> bool {
        let next = i + 1;
        match self.lex(i).map(|l| l.func) {
            Some(Func::The) => matches!(
                self.t.get(next).map(|t| t.k),
                None | Some(K::Word { lex: None, .. } | K::P(_) | K::Poss | K::AmPm(_))
            ),
            Some(Func::A) => {
                self.lex(next).is_none() && !self.p(next, '-') && !self.in_list(next, List::Extra)
            }
            Some(Func::At) => !self.wd(next, "least"),
            Some(Func::Up) => !self.wd(next, "to"),
            Some(Func::MoreLess) => !self.wd(next, "than"),
            Some(Func::That) => self.unit(next).is_none(),
            _ => false,
        }
    }

    /// Tries every rule at token `i`.
    pub(in crate::parse::dates) fn at(&mut self, i: usize) -> Option<M> {
        let r = self.at_inner(i)?;
        // a month named alone (`2022-01`, `XXXX-01`)
        let v = r.value.as_bytes();
        if r.ty == DT && v.len() == 7 && v[4] == b'-' && v[5..].iter().all(u8::is_ascii_digit) {
            let mo = (v[5] - b'0') as u32 * 10 + (v[6] - b'0') as u32;
            self.note_month(r.value[..4].parse().ok(), mo);
        }
        Some(r)
    }

    pub(in crate::parse::dates) fn at_inner(&mut self, i: usize) -> Option<M> {
        let tok = self.t[i];
        match tok.k {
            // `'80s`, `in '82`: the rules that start at an apostrophe, tried only here (not
            // after `the` or a modifier)
            K::P('\'') => self.try_rules(i, false, KIND_MASKS.apostrophe),
            K::P(_) | K::Poss => None,
            K::AmPm(_) => None,
            _ => {
                // Approximators before a duration or `ago`: `about two years ago`, `nearly an hour`.
                if let Some(k) = self.approx_len(i) {
                    if let Some(mut r) = self.core(i + k) {
                        let ago = self.raw(r.end - 1).eq_ignore_ascii_case("ago");
                        // "about two years", but not "over [the next two years]"
                        if (matches!(r.ty, DU | TI) || ago) && !self.wd(i + k, "the") {
                            r.start = i;
                        }
                        if ago {
                            // "about two years ago" is annotated as the length, not the point
                            if let Some(v) = self.ago_length(i + k, r.end - 1) {
                                r.value = v;
                                r.ty = DU;
                            }
                        }
                        return Some(r);
                    }
                    return None;
                }
                self.core(i)
            }
        }
    }

    /// The length named before `ago` in `[s, e)`: `two years` gives `P2Y`.
    pub(in crate::parse::dates) fn ago_length(&self, s: usize, e: usize) -> Option<String> {
        let (cnt, k) = self.count(s)?;
        let u = self.unit(k).or(self.units(k))?;
        (k + 1 == e).then(|| n::duration(cnt, u))
    }

    /// The length of an approximator at `i` (`about`, `more than`, `at least`, `up to`).
    pub(in crate::parse::dates) fn approx_len(&self, i: usize) -> Option<usize> {
        let l = self.lex(i)?;
        if l.approx && !l.fuzzy {
            return Some(1);
        }
        if l.func == Func::MoreLess && self.wd(i + 1, "than") {
            return Some(2);
        }
        // `no` and `at` as written: a word of another length is neither
        let two = self.t[i].span.len() == 2;
        if two && self.is_word_text(i, "no") && self.wd(i + 1, "more") && self.wd(i + 2, "than") {
            return Some(3);
        }
        if two && self.is_word_text(i, "at") && self.wd(i + 1, "least") {
            return Some(2);
        }
        if l.func == Func::Up && self.wd(i + 1, "to") {
            return Some(2);
        }
        None
    }

    pub(in crate::parse::dates) fn core(&mut self, i: usize) -> Option<M> {
        if i >= self.t.len() {
            return None;
        }
        if self.lex(i).is_some_and(|l| l.func == Func::The) {
            let r = self.body(i + 1, true)?;
            // `the` belongs to phrases built on a common noun (`the third quarter`, `the past
            // two years`, `the weekend`), not to names (`the 1960s`, `the Aug. 7 bombings`).
            if r.start == i + 1 && self.keeps_the(i + 1) {
                return Some(M { start: i, ..r });
            }
            return Some(r);
        }
        self.body(i, false)
    }

    pub(in crate::parse::dates) fn keeps_the(&self, j: usize) -> bool {
        if self.month_at(j).is_some() || self.weekday_at(j).is_some() || self.year_num(j).is_some()
        {
            return false;
        }
        !matches!(
            self.t.get(j).map(|t| t.k),
            Some(K::Num { plural: true, .. })
        )
    }

    /// The rules at `j`; `the` says whether `the` precedes. Rules are tried in table order
    /// among those the token can start; the first match wins.
    pub(in crate::parse::dates) fn body(&mut self, j: usize, the: bool) -> Option<M> {
        let mask = match self.t.get(j)?.k {
            K::Clock { .. } => KIND_MASKS.clock,
            K::Iso { .. } => KIND_MASKS.iso,
            K::Slash { .. } => KIND_MASKS.slash,
            K::Num { .. } => KIND_MASKS.digits,
            K::Word { lex: Some(l), .. } => l.rules,
            _ => return None,
        };
        self.try_rules(j, the, mask)
    }

    /// Tries the rules of `mask` (bits over [`table::RULES`]) at `j`, in table order.
    fn try_rules(&mut self, j: usize, the: bool, mut mask: u64) -> Option<M> {
        while mask != 0 {
            let i = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            match self.run_rule(table::RULES.get(i)?, j, the) {
                Match(x) => return Some(x),
                Stop => return None,
                Pass => {}
            }
        }
        None
    }

    /// Runs one rule at `j`; a match notes the rule's name (a group notes its row's).
    #[inline]
    fn run_rule(&mut self, rule: &Rule, j: usize, the: bool) -> Out {
        let out = (rule.run)(self, j, the);
        if rule.rows.is_empty() && matches!(out, Match(_)) {
            self.rule = rule.name;
        }
        out
    }
}
