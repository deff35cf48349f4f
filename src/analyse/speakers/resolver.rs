//! The [`Resolver`]: groups the mentions of a story into entities, in text order, by surname,
//! by name, or by the head noun or pronoun against the most recently used compatible speaker.

use super::mention::{gender_of, read_mention, strip_possessive, words, Mention, Reading};
use super::{lower_contains, lower_string, noun, Entity, NounKind};
use crate::lexicon::closed::{Gender, Pronoun};
use crate::span::Span;
use crate::vocab::SpeakerKind;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// How many recently used speakers a description or pronoun is matched against.
const WINDOW: usize = 24;

/// Groups speaker mentions into entities, in text order.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    /// Surname (lower case) -> entities with it, most recent last.
    by_surname: Names<Vec<usize>>,
    /// Organisation and group names (lower case) -> entity.
    by_name: Names<usize>,
    /// What is known of each entity besides its record (one per entity, in its order): in
    /// a slot rather than in maps keyed by its index, which every story would hash and grow.
    facts: Vec<Facts>,
    /// Most recently used entities, most recent last, at most [`WINDOW`] long.
    recent: Vec<usize>,
    /// The mentions read last, by their text, most recent last, at most [`READ_KEPT`]: a
    /// story names its speakers again and again (`he`, `the company`, `Smith`), and reading a
    /// mention is most of the cost of resolving it. A story has few distinct mentions: a
    /// short list is searched faster than a map is hashed and grown. Shared, as the reading
    /// is read while the entities change.
    read: Vec<(Box<str>, Arc<Read>)>,
}

/// The names of a story's sources (lower case), each with its value: in a list while they
/// are few, as in most stories (a short list is searched faster than a map is hashed, grown
/// and dropped), in a hash map past [`LISTED`] names, so that a long story stays linear.
#[derive(Debug)]
struct Names<V> {
    list: Vec<(String, V)>,
    map: HashMap<String, V>,
}

/// How many names [`Names`] keeps in its list.
const LISTED: usize = 16;

impl<V> Default for Names<V> {
    fn default() -> Names<V> {
        Names {
            list: Vec::new(),
            map: HashMap::default(),
        }
    }
}

impl<V: Default> Names<V> {
    fn get(&self, name: &str) -> Option<&V> {
        if self.map.is_empty() {
            self.list.iter().find(|(n, _)| n == name).map(|(_, v)| v)
        } else {
            self.map.get(name)
        }
    }

    /// The value of `name`, a default one entered if it has none.
    fn entry(&mut self, name: String) -> &mut V {
        if self.map.is_empty() {
            let i = match self.list.iter().position(|(n, _)| *n == name) {
                Some(i) => i,
                None if self.list.len() < LISTED => {
                    self.list.push((name, V::default()));
                    self.list.len() - 1
                }
                None => {
                    self.map.extend(self.list.drain(..));
                    return self.map.entry(name).or_default();
                }
            };
            return &mut self.list[i].1;
        }
        self.map.entry(name).or_default()
    }
}

/// How many distinct mentions [`Resolver::read`] keeps.
const READ_KEPT: usize = 16;

/// What the resolver knows of an entity besides its record.
#[derive(Debug, Default)]
struct Facts {
    /// Head noun and its class, of an organisation.
    class: Option<(String, Option<&'static str>)>,
    /// First name, of a person.
    first: Option<String>,
    /// Known gender, of a person (true: female), for `he`/`she`.
    female: Option<bool>,
}

/// A mention's text read once per story ([`Resolver::read`]).
#[derive(Debug)]
struct Read {
    mention: Mention,
    /// The mention's name in lower case, for the names map (empty for persons and
    /// pronouns, for which the map is neither read nor written).
    key: String,
}

impl Resolver {
    /// A resolver with no speakers yet.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// The entities found so far, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Consumes the resolver, returning its entities.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    fn touch(&mut self, e: usize) {
        if let Some(i) = self.recent.iter().position(|&x| x == e) {
            self.recent.remove(i);
        }
        self.recent.push(e);
        if self.recent.len() > WINDOW {
            self.recent.remove(0);
        }
    }

    fn new_entity(&mut self, name: String, kind: SpeakerKind, title: Option<String>) -> usize {
        self.entities.push(Entity {
            name,
            kind,
            title,
            mentions: Vec::new(),
        });
        self.facts.push(Facts::default());
        self.entities.len() - 1
    }

    fn most_recent(&self, ok: impl Fn(usize, &Entity) -> bool) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .copied()
            .find(|&e| ok(e, &self.entities[e]))
    }

    /// The entity a mention refers to, without recording the mention.
    ///
    /// `key` is the mention's name in lower case, for the names map.
    fn find(&self, m: &Mention, key: &str) -> Option<usize> {
        match &m.reading {
            Reading::Pronoun(p) => self.find_pronoun(p),
            Reading::Person { last, first } => {
                let cands = self.by_surname.get(last)?;
                cands
                    .iter()
                    .rev()
                    .copied()
                    .find(|&e| match (first, self.facts[e].first.as_ref()) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    })
            }
            Reading::Org => self.by_name.get(key).copied(),
            Reading::Description {
                head,
                kind,
                class,
                definite,
            } => {
                if !definite {
                    return None;
                }
                match kind {
                    NounKind::Person => self.most_recent(|_, e| {
                        e.kind == SpeakerKind::Person
                            && e.title.as_deref().is_some_and(|t| lower_contains(t, head))
                    }),
                    NounKind::Group => self.by_name.get(key).copied(),
                    NounKind::Doc => self.most_recent(|_, e| e.kind == SpeakerKind::Organization),
                    NounKind::Org => self.most_recent(|i, e| {
                        e.kind == SpeakerKind::Organization
                            && self.facts[i]
                                .class
                                .as_ref()
                                .is_some_and(|(h, c)| h == head || (class.is_some() && c == class))
                    }),
                }
            }
            Reading::Parties | Reading::Other => self.by_name.get(key).copied(),
        }
    }

    /// The most recent speaker a pronoun can refer to, by its gender, person and number.
    fn find_pronoun(&self, p: &Pronoun) -> Option<usize> {
        match (p.gender, p.person, p.plural) {
            // `he`, `him`: a person not known to be a woman; `she`, `her` the reverse.
            (Some(g @ (Gender::Male | Gender::Female)), ..) => {
                let female = g == Gender::Female;
                self.most_recent(|i, e| {
                    e.kind == SpeakerKind::Person && self.facts[i].female != Some(!female)
                })
            }
            // `it`: an organisation.
            (Some(Gender::Neuter), ..) => {
                self.most_recent(|_, e| e.kind == SpeakerKind::Organization)
            }
            // `I`: a person.
            (_, 1, Some(false)) => self.most_recent(|_, e| e.kind == SpeakerKind::Person),
            // `they`: a group or an organisation.
            (_, 3, Some(true)) => self.most_recent(|_, e| {
                matches!(e.kind, SpeakerKind::Group | SpeakerKind::Organization)
            }),
            // `we`, `you`: anyone.
            _ => self.most_recent(|_, _| true),
        }
    }

    /// The reading of the mention `s`, read the first time the story names it so.
    fn read(&mut self, s: &str) -> Arc<Read> {
        if let Some((_, read)) = self.read.iter().rev().find(|(t, _)| &**t == s) {
            return Arc::clone(read);
        }
        let mention = read_mention(s);
        // The names map is neither read nor written for persons and pronouns.
        let key = match mention.reading {
            Reading::Person { .. } | Reading::Pronoun(_) => String::new(),
            _ => lower_string(&mention.name),
        };
        let read = Arc::new(Read { mention, key });
        if self.read.len() == READ_KEPT {
            self.read.remove(0);
        }
        self.read.push((s.into(), Arc::clone(&read)));
        read
    }

    /// Resolves the mention at `span` of `text` to an entity (creating one when it names a
    /// new source), records the mention and returns the entity's index.
    pub fn resolve(&mut self, text: &str, span: Span) -> Option<usize> {
        let s = text.get(span.start..span.end)?;
        let read = self.read(s);
        let (m, key) = (&read.mention, &read.key);
        // `trim().is_empty()`, stopped at the first character (nearly always a letter).
        if m.name.chars().all(char::is_whitespace) {
            return None;
        }
        let found = self.find(m, key);
        let e = match found {
            Some(e) => {
                self.improve(e, m);
                e
            }
            // A pronoun with no one to refer to is nobody.
            None if matches!(m.reading, Reading::Pronoun(_)) => return None,
            None => self.create(m, key.clone()),
        };
        // Gender evidence: the pronoun itself, or a gendered title word. The first evidence
        // stands, and only a person's is ever asked for: others are not looked for.
        if self.entities[e].kind == SpeakerKind::Person && self.facts[e].female.is_none() {
            let gender = match &m.reading {
                Reading::Pronoun(p) => match p.gender {
                    Some(Gender::Female) => Some(true),
                    Some(Gender::Male) => Some(false),
                    _ => gender_of(s),
                },
                _ => gender_of(s),
            };
            if let Some(g) = gender {
                self.facts[e].female = Some(g);
            }
        }
        let mentions = &mut self.entities[e].mentions;
        if mentions.last() != Some(&span) {
            mentions.push(span);
        }
        self.touch(e);
        Some(e)
    }

    /// Records `span` as one more mention of entity `e` (a transcript's label for the
    /// speaker its full name names).
    pub fn add_mention(&mut self, e: usize, span: Span) {
        let mentions = &mut self.entities[e].mentions;
        if !mentions.contains(&span) {
            mentions.push(span);
            mentions.sort_by_key(|s| s.start);
        }
        self.touch(e);
    }

    /// A new entity named `name` (not read from a mention: a transcript's `Journalist`, or
    /// `Price` of the label `MR PRICE`), with its first mention at `span`; a person is
    /// found again by its surname.
    pub fn add_named(&mut self, name: String, kind: SpeakerKind, span: Span) -> usize {
        let surname = (kind == SpeakerKind::Person).then(|| lower_string(&name));
        let e = self.new_entity(name, kind, None);
        if let Some(s) = surname {
            self.by_surname.entry(s).push(e);
        }
        self.entities[e].mentions.push(span);
        self.touch(e);
        e
    }

    /// A new entity for a mention that names a new source, entered in the maps that later
    /// mentions of it look in.
    fn create(&mut self, m: &Mention, key: String) -> usize {
        let kind = match &m.reading {
            Reading::Person { .. } => SpeakerKind::Person,
            Reading::Org => SpeakerKind::Organization,
            Reading::Description { kind, .. } => match kind {
                NounKind::Person => SpeakerKind::Person,
                NounKind::Org | NounKind::Doc => SpeakerKind::Organization,
                NounKind::Group => SpeakerKind::Group,
            },
            Reading::Parties => SpeakerKind::Group,
            _ => SpeakerKind::Unknown,
        };
        let e = self.new_entity(m.name.clone(), kind, m.title.clone());
        match &m.reading {
            Reading::Person { last, first } => {
                self.by_surname.entry(last.clone()).push(e);
                if let Some(f) = first {
                    self.facts[e].first = Some(f.clone());
                    // Family name first (`Park Ji-hoon`, `Li Wen`): a later `Park` is the
                    // same person.
                    self.by_surname.entry(f.clone()).push(e);
                }
            }
            Reading::Description {
                head,
                class,
                kind: NounKind::Org | NounKind::Doc,
                ..
            } => {
                self.facts[e].class = Some((head.clone(), *class));
                *self.by_name.entry(key) = e;
            }
            Reading::Org => {
                let head = words(&m.name)
                    .next_back()
                    .map(|w| lower_string(strip_possessive(w)))
                    .unwrap_or_default();
                let class = noun(&head).and_then(|(_, c)| c);
                self.facts[e].class = Some((head, class));
                *self.by_name.entry(key) = e;
            }
            _ => {
                *self.by_name.entry(key) = e;
            }
        }
        e
    }

    /// Lets a later mention improve an entity's name and title.
    fn improve(&mut self, e: usize, m: &Mention) {
        let ent = &mut self.entities[e];
        if let Reading::Person { first, .. } = &m.reading {
            if words(&m.name).count() > words(&ent.name).count() && ent.kind == SpeakerKind::Person
            {
                ent.name = m.name.clone();
            }
            if let Some(f) = first {
                self.facts[e].first.get_or_insert_with(|| f.clone());
            }
        }
        if ent.title.is_none() {
            if let Some(t) = &m.title {
                if ent.kind == SpeakerKind::Person && t != &ent.name {
                    ent.title = Some(t.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names give what a hash map gives, past the length of their list too.
    #[test]
    fn names_agree_with_a_map() {
        let mut names: Names<Vec<usize>> = Names::default();
        let mut map: HashMap<String, Vec<usize>> = HashMap::default();
        for i in 0..3 * LISTED {
            let name = format!("n{}", (i * 7) % (LISTED + 5));
            names.entry(name.clone()).push(i);
            map.entry(name).or_default().push(i);
            for k in 0..LISTED + 6 {
                let k = format!("n{k}");
                assert_eq!(names.get(&k), map.get(&k), "{k} after {i}");
            }
        }
    }
}
