//! The grammar's view of a story's tokens: [`G`] and the token tests every rule is built
//! from (a word of a lexicon class, a day number, a year, a count).

use super::lexicon::{in_list, Lex, List};
use super::normalise::Day;
use super::resolve::Ctx;
use super::tokens::{Tok, K};
use crate::vocab::DateType;

/// A match inside the grammar: token range and the value.
pub(super) struct M {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: String,
    pub(super) ty: DateType,
    /// A day to remember for anaphora.
    pub(super) day: Option<Day>,
    /// A second expression (`12` of `January 10-12`).
    pub(super) extra: Option<Box<M>>,
}

pub(super) fn m(start: usize, end: usize, value: String, ty: DateType) -> Option<M> {
    Some(M {
        start,
        end,
        value,
        ty,
        day: None,
        extra: None,
    })
}

/// The grammar over one story's tokens.
pub(super) struct G<'a> {
    pub(super) t: &'a [Tok],
    pub(super) text: &'a str,
    pub(super) cx: Ctx,
    /// The rule of the last match (for the example tests).
    pub(super) rule: &'static str,
}

impl G<'_> {
    pub(super) fn lex(&self, j: usize) -> Option<&'static Lex> {
        match self.t.get(j)?.k {
            K::Word { lex, .. } => lex,
            _ => None,
        }
    }

    pub(super) fn cap(&self, j: usize) -> bool {
        matches!(self.t.get(j).map(|t| t.k), Some(K::Word { cap: true, .. }))
    }

    pub(super) fn wd(&self, j: usize, w: &str) -> bool {
        self.lex(j).and_then(|l| l.word) == Some(w)
    }

    /// Whether token `j` is a lower-case word of more than four bytes ending in `-ed` (not a
    /// number glued to letters): a past-tense cue. Read from the text only where the tense
    /// asks, a few tokens around a match, rather than for every word the tokeniser cuts.
    pub(super) fn ed(&self, j: usize) -> bool {
        match self.t.get(j) {
            // the length first, from the span; the bytes without a UTF-8 boundary check
            Some(&Tok {
                span,
                k: K::Word { cap: false, .. },
            }) if span.len() > 4 => {
                let b = self.text.as_bytes();
                b.get(span.end - 2..span.end) == Some(b"ed")
                    && b.get(span.start).is_some_and(|c| !c.is_ascii_digit())
            }
            _ => false,
        }
    }

    pub(super) fn p(&self, j: usize, c: char) -> bool {
        matches!(self.t.get(j).map(|t| t.k), Some(K::P(x)) if x == c)
    }

    pub(super) fn raw(&self, j: usize) -> &str {
        self.t.get(j).map(|t| t.span.slice(self.text)).unwrap_or("")
    }

    /// Whether token `j` is a word of the context list `list` (`dates_context.tsv`).
    #[inline]
    pub(super) fn in_list(&self, j: usize, list: List) -> bool {
        // the lengths first, from the span: most words are ruled out without reading them
        match self.t.get(j) {
            Some(t) if super::lexicon::may_be_in(list, t.span.len()) => {
                super::lexicon::in_list(list, t.span.slice(self.text))
            }
            _ => false,
        }
    }

    pub(super) fn is_word_text(&self, j: usize, w: &str) -> bool {
        self.raw(j).eq_ignore_ascii_case(w)
    }

    /// A plain integer token.
    pub(super) fn int(&self, j: usize) -> Option<(u32, u8)> {
        match self.t.get(j)?.k {
            K::Num {
                val,
                digits,
                ord: false,
                plural: false,
                plain: true,
                ..
            } => Some((val, digits)),
            _ => None,
        }
    }

    /// A day-of-month: `10`, `10th`.
    pub(super) fn day_num(&self, j: usize) -> Option<u32> {
        match self.t.get(j)?.k {
            K::Num {
                val,
                digits,
                plural: false,
                plain: true,
                ..
            } if digits <= 2 && (1..=31).contains(&val) => Some(val),
            _ => None,
        }
    }

    /// A year written in digits or spoken (`nineteen ninety-six`); returns the token after.
    pub(super) fn year_at(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_num(j) {
            return Some((y, j + 1));
        }
        let c = self.lex(j)?.num.filter(|&c| c == 19 || c == 20)?;
        let t = self
            .lex(j + 1)
            .and_then(|l| l.num)
            .filter(|&t| (20..=90).contains(&t) && t % 10 == 0)?;
        let mut e = j + 2;
        let mut y = c as i32 * 100 + t as i32;
        let h = if self.p(e, '-') { e + 1 } else { e };
        if let Some(u) = self.lex(h).and_then(|l| l.num).filter(|&u| u < 10) {
            y += u as i32;
            e = h + 1;
        }
        Some((y, e))
    }

    /// A year of this millennium in words, `two thousand (and) one`, which reads as a year
    /// only where one is expected (`the year two thousand`).
    pub(super) fn spoken_millennium(&self, j: usize) -> Option<(i32, usize)> {
        if self.lex(j)?.num != Some(2) || self.lex(j + 1)?.num != Some(1000) {
            return None;
        }
        let k = if self.wd(j + 2, "and") { j + 3 } else { j + 2 };
        match self.cardinal(k) {
            Some((v, e)) if v.fract() == 0.0 && v < 100.0 && self.lex(k).is_some() => {
                Some((2000 + v as i32, e))
            }
            _ => Some((2000, j + 2)),
        }
    }

    /// A four-digit year.
    pub(super) fn year_num(&self, j: usize) -> Option<i32> {
        match self.int(j) {
            Some((v, 4)) if (1000..=2200).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// A cardinal number: digits or words (`twenty four`, `two and a half`); returns the
    /// value and the token after it.
    pub(super) fn cardinal(&self, j: usize) -> Option<(f64, usize)> {
        let (mut v, mut k) = match self.t.get(j)?.k {
            K::Num {
                val,
                ord: false,
                plural: false,
                frac,
                ..
            } => (val as f64 + frac, j + 1),
            _ => {
                let n = self.lex(j)?.num?;
                let mut v = n as f64;
                let mut k = j + 1;
                if n >= 20 && n % 10 == 0 {
                    // twenty four, twenty-four
                    let h = if self.p(k, '-') { k + 1 } else { k };
                    if let Some(u) = self.lex(h).and_then(|l| l.num).filter(|&u| u < 10) {
                        v += u as f64;
                        k = h + 1;
                    }
                }
                if self.lex(k).and_then(|l| l.num) == Some(100) {
                    v *= 100.0;
                    k += 1;
                }
                if v < 1000.0 && self.lex(k).and_then(|l| l.num) == Some(1000) {
                    v *= 1000.0;
                    k += 1;
                }
                (v, k)
            }
        };
        // "5 1/2", "two and a half"
        if let Some(K::Slash {
            a: 1,
            b: 2,
            c: None,
        }) = self.t.get(k).map(|t| t.k)
        {
            v += 0.5;
            k += 1;
        } else if self.wd(k, "and") && self.wd(k + 1, "a") && self.wd(k + 2, "half") {
            v += 0.5;
            k += 3;
        }
        Some((v, k))
    }

    /// A count before a unit: a cardinal, `a`/`an`, or a vague `several`, `a few`,
    /// `a couple of`. `None` inside means unknown (`X`).
    pub(super) fn count(&self, j: usize) -> Option<(Option<f64>, usize)> {
        if let Some((v, k)) = self.cardinal(j) {
            return Some((Some(v), k));
        }
        let l = self.lex(j)?;
        if l.word == Some("a") {
            if self.lex(j + 1).is_some_and(|l| l.fuzzy) {
                let k = if self.wd(j + 2, "of") { j + 3 } else { j + 2 };
                let c = if self.is_word_text(j + 1, "couple") {
                    Some(2.0)
                } else {
                    None
                };
                return Some((c, k));
            }
            if self.wd(j + 1, "half") {
                return Some((Some(0.5), j + 2));
            }
            if self.lex(j + 1).and_then(|l| l.num) == Some(12)
                || self.lex(j + 1).and_then(|l| l.num) == Some(100)
            {
                let v = self.lex(j + 1).and_then(|l| l.num).unwrap_or(1) as f64;
                return Some((Some(v), j + 2));
            }
            let mut v = 1.0;
            let mut k = j + 1;
            if self.lex(k).and_then(|l| l.unit).is_some()
                && self.wd(k + 1, "and")
                && self.wd(k + 2, "a")
                && self.wd(k + 3, "half")
            {
                // handled by the caller through "and a half" after the unit
                v = 1.0;
            }
            k = k.max(j + 1);
            return Some((Some(v), k));
        }
        if l.fuzzy {
            let k = if self.wd(j + 1, "of") { j + 2 } else { j + 1 };
            let c = if self.is_word_text(j, "couple") {
                Some(2.0)
            } else {
                None
            };
            return Some((c, k));
        }
        None
    }

    /// A month name at `j` that really is one: capitalised, abbreviations with their dot or a
    /// number, and `May` only where a date fits.
    pub(super) fn month_at(&self, j: usize) -> Option<(u32, usize)> {
        let l = self.lex(j)?;
        if l.month == 0 || !self.cap(j) {
            return None;
        }
        let raw = self.raw(j);
        let full =
            raw.len() > 4 || matches!(raw.to_ascii_lowercase().as_str(), "june" | "july" | "may");
        let mut k = j + 1;
        let dotted = self.p(k, '.');
        if !full {
            if dotted {
                k += 1;
            } else if self.day_num(k).is_none() {
                return None;
            }
        }
        if l.month == 5 && raw.eq_ignore_ascii_case("may") {
            let before = j.checked_sub(1).and_then(|b| self.lex(b));
            let prep = before.is_some_and(|b| {
                b.modifier.is_some()
                    || b.rel.is_some()
                    || b.word.is_some_and(|w| in_list(List::BeforeMay, w))
            });
            if !(prep || self.day_num(k).is_some() || self.year_num(k).is_some()) {
                return None;
            }
        }
        if l.month == 3 && raw == "March" {
            // "March" the verb or noun at a sentence start: only with a number or a preposition.
            let before = j.checked_sub(1).and_then(|b| self.lex(b));
            let starts = j == 0 || matches!(self.t[j - 1].k, K::P(_));
            if starts && before.is_none() && self.day_num(k).is_none() && self.year_num(k).is_none()
            {
                return None;
            }
        }
        Some((l.month, k))
    }

    /// A weekday at `j` (capitalised; abbreviations only with their dot).
    pub(super) fn weekday_at(&self, j: usize) -> Option<(u32, usize)> {
        let l = self.lex(j)?;
        if l.weekday == 0 || !self.cap(j) {
            return None;
        }
        if self.raw(j).len() <= 5 && !self.raw(j).to_ascii_lowercase().ends_with("day") {
            if self.p(j + 1, '.') && self.raw(j).len() >= 3 {
                return Some((l.weekday, j + 2));
            }
            return None;
        }
        Some((l.weekday, j + 1))
    }

    pub(super) fn rel(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.rel)
    }

    pub(super) fn unit(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.unit)
    }

    pub(super) fn units(&self, j: usize) -> Option<&'static str> {
        self.lex(j).and_then(|l| l.units)
    }
}
