//! Name phrases around a trigger, read without a parser: the subject is the run of name
//! words (capitalised words, entity nouns such as `officials`, joined by `of`, `and`, `'s`)
//! before the trigger once auxiliaries, adverbs and time words are skipped; the object is the
//! first such run after it, within the clause.

use super::lexicon::Class;
use super::tokens::Tok;
use crate::span::Span;

/// A sentence's tokens with its text.
pub(super) struct Words<'a> {
    pub text: &'a str,
    /// The text in ASCII lower case, at the same offsets (the story's `Doc::norm`).
    pub lower: &'a [u8],
    pub toks: &'a [Tok],
}

/// The longest stretch (in tokens) searched for an object after its trigger.
const OBJECT_REACH: usize = 14;

impl Words<'_> {
    pub fn word(&self, i: usize) -> &str {
        self.toks[i].span.slice(self.text)
    }

    pub fn class(&self, i: usize) -> Option<Class> {
        self.toks[i].class(self.text, self.lower)
    }

    /// A word that belongs in a name: capitalised (or with a capital inside, `al-Qaeda`), or
    /// an entity noun; not a function or time word written with a capital.
    fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.word {
            return false;
        }
        match self.class(i) {
            Some(Class::Entity) => true,
            Some(_) => false,
            None => has_capital(self.word(i)),
        }
    }

    /// A word skipped between a verb and its actors: auxiliaries, time words, adverbs in
    /// `-ly`, determiners, prepositions, and the modals and negations that set the status.
    fn skippable(&self, i: usize) -> bool {
        if !self.toks[i].word {
            return false;
        }
        match self.class(i) {
            Some(
                Class::Skip | Class::Negation | Class::Future | Class::Intent | Class::Hypothetical,
            ) => true,
            Some(_) => false,
            None => {
                let w = self.word(i);
                (w.ends_with("ly") && w.starts_with(char::is_lowercase)) || w.ends_with("n't")
            }
        }
    }

    fn link(&self, i: usize) -> bool {
        self.class(i) == Some(Class::Link)
    }

    pub fn pronoun(&self, i: usize) -> bool {
        self.class(i) == Some(Class::Pronoun)
    }

    /// Where the auxiliaries and adverbs before token `t` start (`t` when there are none).
    pub fn skipped_before(&self, t: usize) -> usize {
        let mut i = t;
        while i > 0 && self.skippable(i - 1) {
            i -= 1;
        }
        i
    }

    /// The subject before token `t`: the name run ending just before the skipped words, as a
    /// token range. A lone pronoun is returned as it is (the caller resolves it).
    /// A noun trigger may stand after a verb or two (`Lavrov reaffirmed in a phone call`, `the
    /// president had held talks`): those are passed over when no name comes first.
    pub fn subject(&self, t: usize) -> Option<(usize, usize)> {
        let mut end = self.skipped_before(t);
        for _ in 0..2 {
            let verb = end > 0 && self.toks[end - 1].word && self.class(end - 1).is_none();
            if !verb || self.name_word(end - 1) {
                break;
            }
            end = self.skipped_before(end - 1);
        }
        if end > 0 && self.pronoun(end - 1) {
            return Some((end - 1, end));
        }
        // `Stoltenberg, who visited Istanbul, …`: the name before the relative pronoun
        if end > 2 && self.lower_word(end - 1) == b"who" && self.word(end - 2) == "," {
            end -= 2;
        }
        let mut i = end;
        while i > 0 {
            let j = i - 1;
            if self.name_word(j)
                || (self.link(j) && j > 0 && self.name_word(j - 1))
                || self.counterpart_join(j)
            {
                i = j;
            } else if self.word(j) == ")" {
                // `(APEC)` inside a name
                match (0..j).rev().find(|&k| self.word(k) == "(") {
                    Some(k) if k > 0 => i = k,
                    _ => break,
                }
            } else {
                break;
            }
        }
        self.trimmed(i, end)
    }

    /// Whether token `j` is the possessive of `A and his counterpart B` (`her`, `their`): the
    /// second party's name run then goes on back to the first party's.
    fn counterpart_join(&self, j: usize) -> bool {
        j >= 2
            && matches!(self.lower_word(j), b"his" | b"her" | b"their")
            && self.lower_word(j - 1) == b"and"
            && self.name_word(j - 2)
    }

    /// Token `i` in ASCII lower case.
    pub fn lower_word(&self, i: usize) -> &[u8] {
        let s = self.toks[i].span;
        &self.lower[s.start..s.end]
    }

    /// The object after token `t`: the first name run after it, before the clause ends (a
    /// comma, a semicolon, or a word such as `said` or `who`). `loose`: anywhere in that
    /// stretch (`agreed to set up a centre in Tokyo`); else only right after the trigger and
    /// the skipped words (`talks with`, `a meeting of`).
    pub fn object(&self, t: usize, loose: bool) -> Option<(usize, usize)> {
        let mut i = t + 1;
        let reach = (t + 1 + OBJECT_REACH).min(self.toks.len());
        while i < reach {
            if !self.toks[i].word && matches!(self.word(i), "," | ";" | ":" | "\"" | "“" | "”")
            {
                return None;
            }
            if self.class(i) == Some(Class::Stop) {
                return None;
            }
            if self.name_word(i) {
                let run = self.run_from(i);
                if !self.adjective(run) {
                    return Some(run);
                }
                i = run.1;
                continue;
            }
            let passes = self.skippable(i) || self.link(i);
            if !loose && !passes {
                return None;
            }
            i += 1;
        }
        None
    }

    /// A run of lower-case entity nouns followed by a lower-case word: a modifier
    /// (`military force`), not a party.
    fn adjective(&self, (a, b): (usize, usize)) -> bool {
        let lower = (a..b).all(|k| self.word(k).starts_with(char::is_lowercase));
        lower
            && b < self.toks.len()
            && self.toks[b].word
            && self.word(b).starts_with(char::is_lowercase)
            && self.class(b).is_none()
    }

    /// Whether the first word after token `t` (past the skipped ones) is a document
    /// (`released a statement`).
    pub fn document_after(&self, t: usize) -> bool {
        let next = (t + 1..self.toks.len()).find(|&i| !self.skippable(i));
        next.is_some_and(|i| self.class(i) == Some(Class::Document))
    }

    /// Whether a word of `class` stands among the four tokens after token `last` or the two
    /// words before token `t`, auxiliaries and determiners passed over (`offered 2 mln
    /// shares`, `the notes will be offered`).
    pub fn class_near(&self, t: usize, last: usize, class: Class) -> bool {
        let after = (last + 1..self.toks.len()).take(4);
        let before = (0..t).rev().filter(|&i| !self.skippable(i)).take(2);
        after.chain(before).any(|i| self.class(i) == Some(class))
    }

    /// Whether a word of `class` stands among the two words before token `t`, auxiliaries
    /// and determiners passed over (`a statement released`).
    pub fn class_before(&self, t: usize, class: Class) -> bool {
        let mut before = (0..t).rev().filter(|&i| !self.skippable(i)).take(2);
        before.any(|i| self.class(i) == Some(class))
    }

    /// Whether a clause break (`,` or `;`) stands between tokens `a` and `b`.
    pub fn break_between(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.toks.len())).any(|i| matches!(self.word(i), "," | ";"))
    }

    /// The first name run at or after token `from` that follows the word `by` (the agent of a
    /// passive), within the clause.
    pub fn agent(&self, from: usize) -> Option<(usize, usize)> {
        let reach = (from + OBJECT_REACH).min(self.toks.len());
        let by = (from..reach).find(|&i| self.word(i).eq_ignore_ascii_case("by"))?;
        self.object(by, false)
    }

    /// The sentence's first name run, within its first few words: the actor a later pronoun
    /// stands for.
    pub fn first(&self) -> Option<(usize, usize)> {
        let at = (0..self.toks.len().min(6)).find(|&i| self.name_word(i))?;
        Some(self.run_from(at))
    }

    /// The name run starting at `i`.
    fn run_from(&self, i: usize) -> (usize, usize) {
        let mut j = i;
        while j < self.toks.len() {
            let next_is_name = j + 1 < self.toks.len() && self.name_word(j + 1);
            // `Organization for Security`: `for` joins names too
            let joins = self.link(j) || self.word(j) == "for";
            if self.name_word(j) || (joins && next_is_name && j > i) {
                j += 1;
            } else {
                break;
            }
        }
        (i, j.max(i + 1))
    }

    /// A token range without the links and skipped words at its edges; `None` when empty.
    fn trimmed(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b && (self.link(a) || self.skippable(a)) {
            a += 1;
        }
        while b > a && (self.link(b - 1) || self.skippable(b - 1)) {
            b -= 1;
        }
        (a < b).then_some((a, b))
    }

    /// A range split at its `and`s between names (`the United States and Jordan`), unless a
    /// part is only an entity noun (`Hungarian and Romanian officials` stays one).
    pub fn split_and(&self, (a, b): (usize, usize)) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut from = a;
        for i in a..b {
            if self.word(i).eq_ignore_ascii_case("and") {
                parts.push((from, i));
                from = i + 1;
            }
        }
        parts.push((from, b));
        let whole = parts.iter().all(|&(x, y)| {
            x < y && (x..y).any(|k| self.name_word(k) && self.class(k) != Some(Class::Entity))
        });
        // `Organization for Security and Cooperation in Europe` is one name; so is a person
        // with two titles (`State Councilor and Foreign Minister Wang Yi`): a part ending in
        // a title word names no one of its own
        let one_name = (a..b).any(|k| matches!(self.word(k), "for" | "of"))
            || parts[..parts.len() - 1]
                .iter()
                .any(|&(x, y)| y > x && crate::analyse::speakers::is_title_word(self.word(y - 1)));
        let parts: Vec<(usize, usize)> = parts
            .into_iter()
            .filter_map(|(x, y)| self.trimmed(x, y))
            .collect();
        if whole && !one_name && parts.len() > 1 {
            parts
        } else {
            vec![(a, b)]
        }
    }

    /// The byte span of a token range.
    pub fn span(&self, (a, b): (usize, usize)) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
}
/// Whether a word has a capital anywhere (`al-Qaeda`); bytes are read as they are unless the
/// word has a character past ASCII.
fn has_capital(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().any(char::is_uppercase)
    }
}

#[cfg(test)]
mod tests {
    use super::has_capital;

    #[test]
    fn capitals_anywhere_in_a_word() {
        let cases = [
            ("al-Qaeda", true),
            ("Éire", true),
            ("officials", false),
            ("café", false),
            ("1987", false),
        ];
        for (word, want) in cases {
            assert_eq!(has_capital(word), want, "{word}");
        }
    }
}
