//! The speakers of many stories, one entry per person or body (`statements speakers`): the
//! speakers of each record are folded by their `key` into a [`SpeakerIndex`], which keeps
//! one small entry per distinct key, so that memory grows with the number of distinct
//! speakers, not with the number of stories.
//!
//! Speakers without a key (a surname, a description, a group) are left out, unless the index
//! is asked to keep them: each is then grouped by its kind and its name in lower case, with
//! `key` null.

use super::record::{Record, SpeakerKind, SpeakerRole};
use rustc_hash::FxHashMap as HashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How many name forms and titles an entry lists at most.
const MAX_FORMS: usize = 16;

/// One person or body across the stories read: a row of `statements speakers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpeakerEntry {
    /// The speakers' `key`, or `null` for speakers without one grouped by name.
    pub key: Option<String>,
    /// The name used most often.
    pub name: String,
    /// Person, organization, group or unknown.
    pub kind: SpeakerKind,
    /// The distinct names the stories use, most used first (at most 16).
    pub names: Vec<String>,
    /// The distinct titles the stories give, most used first (at most 16).
    pub titles: Vec<String>,
    /// The country the stories give most often, or `null`.
    pub country: Option<String>,
    /// The role the stories give most often, or `null`.
    pub role: Option<SpeakerRole>,
    /// How many statements are attributed to it.
    pub statements: usize,
    /// How many stories quote or name it as a speaker.
    pub stories: usize,
    /// The earliest story date (`YYYY-MM-DD`), or `null` when no story has a full date.
    pub first_date: Option<String>,
    /// The latest story date, or `null`.
    pub last_date: Option<String>,
}

/// Counts of distinct values, most frequent first when read.
#[derive(Debug)]
struct Tally<T: PartialEq>(Vec<(T, usize)>);

impl<T: PartialEq> Default for Tally<T> {
    fn default() -> Self {
        Tally(Vec::new())
    }
}

impl<T: PartialEq + Clone> Tally<T> {
    fn add(&mut self, value: T) {
        if let Some((_, n)) = self.0.iter_mut().find(|(v, _)| *v == value) {
            *n += 1;
        } else if self.0.len() < 4 * MAX_FORMS {
            self.0.push((value, 1));
        }
    }

    /// The values, most frequent first (the first seen first among equals).
    fn ranked(&self) -> Vec<T> {
        let mut v: Vec<&(T, usize)> = self.0.iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        v.into_iter().map(|(t, _)| t.clone()).collect()
    }
}

#[derive(Debug)]
struct Entry {
    key: Option<String>,
    kind: SpeakerKind,
    names: Tally<String>,
    titles: Tally<String>,
    countries: Tally<String>,
    roles: Tally<SpeakerRole>,
    statements: usize,
    stories: usize,
    first: Option<String>,
    last: Option<String>,
    /// The number of the last story counted, so that two speakers of one story with the
    /// same key count it once.
    seen_in: usize,
}

/// The speakers of many stories, folded by key.
#[derive(Debug, Default)]
pub struct SpeakerIndex {
    keep_unkeyed: bool,
    at: HashMap<String, usize>,
    entries: Vec<Entry>,
    /// Stories folded in so far.
    stories: usize,
}

impl SpeakerIndex {
    /// An empty index; `keep_unkeyed` keeps the speakers without a key, grouped by name.
    pub fn new(keep_unkeyed: bool) -> SpeakerIndex {
        SpeakerIndex {
            keep_unkeyed,
            ..SpeakerIndex::default()
        }
    }

    /// Folds the speakers of one story in.
    pub fn add(&mut self, record: &Record) {
        let date = record
            .metadata
            .date
            .as_deref()
            .filter(|d| !d.starts_with('X'));
        self.stories += 1;
        for s in &record.speakers {
            let group = match &s.key {
                Some(k) => k.clone(),
                None if self.keep_unkeyed => format!("~{:?}:{}", s.kind, s.name.to_lowercase()),
                None => continue,
            };
            let statements = record
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().is_some_and(|r| r.id == s.id))
                .count();
            let i = *self.at.entry(group).or_insert_with(|| {
                self.entries.push(Entry {
                    key: s.key.clone(),
                    kind: s.kind,
                    names: Tally::default(),
                    titles: Tally::default(),
                    countries: Tally::default(),
                    roles: Tally::default(),
                    statements: 0,
                    stories: 0,
                    first: None,
                    last: None,
                    seen_in: 0,
                });
                self.entries.len() - 1
            });
            let e = &mut self.entries[i];
            e.names.add(s.name.clone());
            if let Some(t) = &s.title {
                e.titles.add(t.clone());
            }
            if let Some(c) = &s.country {
                e.countries.add(c.clone());
            }
            if let Some(r) = s.role {
                e.roles.add(r);
            }
            e.statements += statements;
            if e.seen_in != self.stories {
                e.seen_in = self.stories;
                e.stories += 1;
            }
            if let Some(d) = date {
                if e.first.as_deref().is_none_or(|f| d < f) {
                    e.first = Some(d.to_string());
                }
                if e.last.as_deref().is_none_or(|l| d > l) {
                    e.last = Some(d.to_string());
                }
            }
        }
    }

    /// How many entries the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, most statements first, then most stories, then by key and name.
    pub fn entries(self) -> Vec<SpeakerEntry> {
        let mut out: Vec<SpeakerEntry> = self.entries.into_iter().map(finish).collect();
        out.sort_by(|a, b| {
            (b.statements, b.stories)
                .cmp(&(a.statements, a.stories))
                .then_with(|| a.key.cmp(&b.key))
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }
}

fn finish(e: Entry) -> SpeakerEntry {
    let mut names = e.names.ranked();
    names.truncate(MAX_FORMS);
    let mut titles = e.titles.ranked();
    titles.truncate(MAX_FORMS);
    SpeakerEntry {
        key: e.key,
        name: names.first().cloned().unwrap_or_default(),
        kind: e.kind,
        names,
        titles,
        country: e.countries.ranked().into_iter().next(),
        role: e.roles.ranked().into_iter().next(),
        statements: e.statements,
        stories: e.stories,
        first_date: e.first,
        last_date: e.last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(date: &str, name: &str, key: Option<&str>) -> Record {
        let text = format!("{name} said the talks went well.");
        let mut r = crate::analyse(&text);
        r.metadata.date = Some(date.into());
        for s in &mut r.speakers {
            s.key = key.map(str::to_string);
        }
        r
    }

    #[test]
    fn one_entry_per_key_with_its_forms_and_dates() {
        let mut index = SpeakerIndex::new(false);
        index.add(&story(
            "2022-01-18",
            "Sergey Lavrov",
            Some("person:sergey-lavrov"),
        ));
        index.add(&story(
            "2022-01-10",
            "Sergei Lavrov",
            Some("person:sergey-lavrov"),
        ));
        index.add(&story("2022-01-12", "Lavrov", None));
        let entries = index.entries();
        assert_eq!(entries.len(), 1);
        let e = &entries[0];
        assert_eq!(e.stories, 2);
        assert_eq!(e.statements, 2);
        assert_eq!(e.names, ["Sergey Lavrov", "Sergei Lavrov"]);
        assert_eq!(e.first_date.as_deref(), Some("2022-01-10"));
        assert_eq!(e.last_date.as_deref(), Some("2022-01-18"));
    }

    #[test]
    fn unkeyed_speakers_kept_by_name_when_asked() {
        let mut index = SpeakerIndex::new(true);
        index.add(&story("2022-01-12", "Lavrov", None));
        index.add(&story("2022-01-13", "Lavrov", None));
        let entries = index.entries();
        assert_eq!(entries.len(), 1);
        assert_eq!((entries[0].key.as_deref(), entries[0].stories), (None, 2));
    }
}
