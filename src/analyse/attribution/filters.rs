//! Filters: the readings that look like a statement but are not one, each a named predicate
//! called where the rule that would report it stands.

use super::tokens::Doc;
use super::words::*;

impl Doc {
    /// Whether tokens `a..b` are only a fronted adverbial (`On Sunday's broadcast of "Meet
    /// the Press,"`, `Through a spokesman`): a preposition, then no clause break or auxiliary
    /// outside quotation marks. Such a phrase is not the content of the cue after it.
    pub(super) fn fronted_adverbial(&self, a: usize, b: usize) -> bool {
        self.in_class(a, PREPS)
            && !self.is(a, &["to", "while"])
            && b > a
            && b - a <= 14
            && !(a..b).any(|k| !self.toks[k].quoted && self.in_class(k, CLAUSE_BREAKS))
    }
}
