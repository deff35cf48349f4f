//! Noun phrases and clauses around a cue: the subject before it (`left_np`), the phrase after
//! it (`right_np`), the subject of a sentence, a relative pronoun's antecedent, whether what
//! follows a cue is only adjuncts, and where the content starts and ends.

use super::cues::Frame;
use super::limits::*;
use super::words::Words;
use super::words::*;
use crate::analyse::speakers::{is_doc_noun, is_source_noun};
use crate::span::Span;

impl Words<'_> {
    /// A transcript's speaker label at token `a` (`WALLACE:`, `SEN. KAINE:`): up to four
    /// upper-case words before a colon, ending before `lim`.
    pub(super) fn transcript_label(
        &self,
        text: &str,
        a: usize,
        lim: usize,
    ) -> Option<(usize, usize)> {
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

    /// The subject noun phrase ending just before token `end` (auxiliaries skipped), within
    /// the sentence starting at `s0`. Returns its token range. A name with an appositive or
    /// a relative clause between commas (`Mike Huckabee, the former governor, said`) is
    /// taken whole.
    pub(super) fn left_np(&self, end: usize, s0: usize) -> Option<(usize, usize)> {
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
    pub(super) fn tail_is_adjunct(&self, from: usize, s1: usize) -> bool {
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
    pub(super) fn coordinated_subject(&self, before: usize, s0: usize) -> Option<(usize, usize)> {
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
    pub(super) fn antecedent(&self, rel: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = rel;
        if k > s0 && self.is(k - 1, &[","]) {
            k -= 1;
        }
        self.left_np_core(k, s0)
            .filter(|&(a, b)| self.source_like(a, b))
    }

    /// The noun phrase ending just before token `e`, within the sentence starting at `s0`:
    /// back to a clause word or punctuation, then past a leading preposition phrase, adverb
    /// or verb.
    pub(super) fn left_np_core(&self, e: usize, s0: usize) -> Option<(usize, usize)> {
        let mut j = self.np_walk_back(e, s0)?;
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

    /// The first token of the phrase ending before `e`: back over words to a clause word or
    /// punctuation (names joined by `and`, `-`, `&` and a short parenthesis kept); `None`
    /// when the phrase is empty or longer than [`NP_TOKENS`].
    fn np_walk_back(&self, e: usize, s0: usize) -> Option<usize> {
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
                    let lim = t.saturating_sub(PARENTHESIS).max(s0);
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
            if e - j > NP_TOKENS {
                return None;
            }
        }
        (j < e).then_some(j)
    }

    /// The subject at the start of the sentence: a pronoun or a capitalised name followed
    /// by a lower-case word (`Bush offered …`).
    pub(super) fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
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
    pub(super) fn right_np(&self, start: usize, s1: usize) -> Option<(usize, usize)> {
        if self.in_class(start, PREPS)
            || self.is(start, &["of", "that", "to"])
            || self.in_class(start, NP_BOUNDARY)
        {
            return None;
        }
        let mut j = start;
        while j < s1 && j - start < NP_TOKENS {
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
    pub(super) fn source_like(&self, a: usize, b: usize) -> bool {
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

    pub(super) fn doc_like(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| is_doc_noun(self.w(i)))
    }

    /// Where the content after a cue starts: past `that`, addressees and time adjuncts.
    pub(super) fn content_start(&self, mut i: usize, s1: usize, frame: Frame) -> usize {
        if frame == Frame::Tell {
            match self.past_addressee(i, s1) {
                Ok(start) => return start,
                Err(next) => i = next,
            }
        }
        let mut guard = 0;
        while i < s1 && guard < CONTENT_START_STEPS {
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
                let lim = s1.min(i + ADJUNCT_BEFORE_THAT);
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

    /// After `told` at `i`: `Ok` with the content start past `told reporters (on Tuesday)
    /// that`, else `Err` with the token after the addressee (`told the newspaper Russia
    /// would`).
    fn past_addressee(&self, mut i: usize, s1: usize) -> Result<usize, usize> {
        if let Some(k) = (i..s1.min(i + TOLD_THAT)).find(|&k| self.is(k, &["that"])) {
            if (i..k).all(|x| !self.punct(x)) {
                return Ok(k + 1);
            }
        }
        let mut skipped = 0;
        while i < s1
            && skipped < TELL_ADDRESSEE
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
        Err(i)
    }

    /// The content span of tokens `[a, b)`, without edge punctuation (quotation marks kept
    /// when they enclose words at the edge).
    pub(super) fn content(&self, mut a: usize, mut b: usize) -> Option<Span> {
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
