//! The participants of an event: the speakers mentioned in its clause.

use super::words::words_of;
use crate::analyse::attribution::Attribution;
use crate::span::Span;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;

/// Finds the speakers taking part in a clause: a linked mention inside it, or the last word of
/// the speaker's name (`Lavrov`) standing in it as a word.
///
/// Built once per story so that each clause costs a binary search over the mentions and a
/// hash lookup per word, not a pass over every speaker and mention: a long story has many
/// events and many mentions, and scanning all of them per event would be quadratic.
pub(super) struct Participants<'a> {
    /// Every mention of every speaker, sorted by start: (mention, speaker index).
    mentions: Vec<(Span, usize)>,
    /// Speakers by the last word of their name (three letters or more, capitalised).
    by_surname: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Participants<'a> {
    pub(super) fn new(attribution: &'a Attribution) -> Participants<'a> {
        let mut mentions = Vec::new();
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, e) in attribution.speakers.iter().enumerate() {
            mentions.extend(e.mentions.iter().map(|&m| (m, i)));
            if let Some(w) = e
                .name
                .split_whitespace()
                .next_back()
                .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()))
            {
                by_surname.entry(w).or_default().push(i);
            }
        }
        mentions.sort_unstable();
        Participants {
            mentions,
            by_surname,
        }
    }

    pub(super) fn in_clause(&self, text: &str, clause: Span) -> Vec<usize> {
        let mut out = Vec::new();
        let first = self
            .mentions
            .partition_point(|(m, _)| m.start < clause.start);
        for &(m, i) in self.mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < clause.end)
        {
            if clause.contains(m) {
                out.push(i);
            }
        }
        if !self.by_surname.is_empty() {
            for w in words_of(clause.slice(text)) {
                // Surnames are capitalised and three bytes long or more: a word in lower case
                // or a short one is not looked up.
                let lower = w.as_bytes()[0].is_ascii_lowercase();
                if w.len() < 3 || lower {
                    continue;
                }
                if let Some(found) = self.by_surname.get(w) {
                    out.extend(found);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
