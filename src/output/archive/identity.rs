//! Who a speaker or an event's party is across stories: the key that the graph, the database
//! and the report join on.
//!
//! A speaker's key is the `key` the analysis gives it (`person:sergey-lavrov`, the same person
//! however a story spells the name; see the README, "Speakers across stories"); a speaker
//! without one (a surname alone, a description, a group) and an event's party that is no
//! speaker are keyed by their name normalised ([`name_key`]): lower-cased, letters and digits
//! only, words joined by one space (`Sergey  Lavrov` and `sergey lavrov` are one key).

use crate::output::record::{EventParty, Record, Speaker};

/// The key of `speaker` across stories.
pub fn speaker_key(speaker: &Speaker) -> String {
    match &speaker.key {
        Some(key) => key.clone(),
        None => name_key(&speaker.name),
    }
}

/// The key of the speaker with record id `id` (`s1`) in `record`, or `None`.
pub fn speaker_key_of(record: &Record, id: &str) -> Option<String> {
    record.speakers.iter().find(|s| s.id == id).map(speaker_key)
}

/// The key of an event's actor or recipient: its speaker's key when it is one of the story's
/// speakers, else its words normalised; `None` for a party with no words.
pub fn party_key(record: &Record, party: &EventParty) -> Option<String> {
    party
        .speaker_id
        .as_deref()
        .and_then(|id| speaker_key_of(record, id))
        .or_else(|| Some(name_key(&party.name)).filter(|k| !k.is_empty()))
}

/// A name normalised into a key: lower case, runs of anything but letters and digits turned
/// into one space, leading `the` dropped (`The Kremlin` and `Kremlin` are one key).
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// The country of a speaker in its story: the country most often given to the event parties
/// that are this speaker (ties: the first given), or `None`.
pub fn speaker_country<'r>(record: &'r Record, speaker_id: &str) -> Option<&'r str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let parties = record
        .events
        .iter()
        .flat_map(|e| e.actors.iter().chain(&e.recipients));
    for p in parties.filter(|p| p.speaker_id.as_deref() == Some(speaker_id)) {
        if let Some(c) = p.country.as_deref() {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.iter().find(|&&(_, n)| n == best).map(|&(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_into_keys() {
        let cases = [
            ("Sergey Lavrov", "sergey lavrov"),
            ("  Sergey   LAVROV ", "sergey lavrov"),
            ("The Kremlin", "kremlin"),
            ("U.S. State Department", "u s state department"),
            ("Zelenskyy", "zelenskyy"),
            ("", ""),
        ];
        for (name, key) in cases {
            assert_eq!(name_key(name), key, "{name}");
        }
    }
}
