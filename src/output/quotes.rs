//! The statements of many stories (`statements quotes`): one [`QuoteRow`] per statement of
//! each story, or, with `--dedup`, one [`DedupQuote`] per statement however many stories
//! carry it ([`QuoteIndex`]).
//!
//! Two wordings are one statement when their word sets are near-identical: the Jaccard
//! similarity of their sets of words and word pairs (lower case, letters and digits) is at
//! least [`THRESHOLD`], and their speakers agree (the same `key`; a wording whose speaker
//! has no key merges only when it has [`MIN_WORDS_UNKEYED`] words or more). Candidates are
//! found by MinHash with locality-sensitive hashing ([`BANDS`] bands of [`ROWS`] rows), so
//! each new wording is compared with a few earlier ones only, and memory grows with the
//! number of distinct statements, not with the number of stories.

use super::record::{QuoteKind, Record, SpeakerRole};
use rustc_hash::{FxHashMap as HashMap, FxHasher};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

/// The least Jaccard similarity of two wordings of one statement (see the README, measured
/// on our own pairs in the tests below).
pub const THRESHOLD: f64 = 0.5;
/// A wording whose speaker has no key merges only with this many words or more.
pub const MIN_WORDS_UNKEYED: usize = 8;
/// MinHash bands.
pub const BANDS: usize = 20;
/// MinHash rows per band.
pub const ROWS: usize = 3;

/// One statement of one story: a row of `statements quotes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRow {
    /// The story's `path`, or `null`.
    pub path: Option<String>,
    /// The story's `id` (JSON Lines input), or `null`.
    pub id: Option<String>,
    /// The story's agency, or `null`.
    pub agency: Option<String>,
    /// The story's date, or `null`.
    pub date: Option<String>,
    /// The statement's `id` in its story (`q3`).
    pub quote_id: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The statement's words.
    pub text: String,
    /// The speaker's name, or `null`.
    pub speaker: Option<String>,
    /// The speaker's `key`, or `null`.
    pub speaker_key: Option<String>,
    /// The speaker's country, or `null`.
    pub speaker_country: Option<String>,
    /// The speaker's role, or `null`.
    pub speaker_role: Option<SpeakerRole>,
}

/// One report of a statement: where it was carried and the wording used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteSource {
    /// The story's `path`, or `null`.
    pub path: Option<String>,
    /// The story's `id`, or `null`.
    pub id: Option<String>,
    /// The story's agency, or `null`.
    pub agency: Option<String>,
    /// The story's date, or `null`.
    pub date: Option<String>,
    /// The statement's `id` in that story.
    pub quote_id: String,
    /// The wording that story used.
    pub text: String,
}

/// One statement with every story that carries it: a row of `statements quotes --dedup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DedupQuote {
    /// The first wording met.
    pub text: String,
    /// The speaker's name (as the first story gives it), or `null`.
    pub speaker: Option<String>,
    /// The speaker's `key`, or `null`.
    pub speaker_key: Option<String>,
    /// The speaker's country, or `null`.
    pub speaker_country: Option<String>,
    /// How many sources carry it.
    pub count: usize,
    /// The sources, in input order.
    pub sources: Vec<QuoteSource>,
}

/// The rows of one record, one per statement.
pub fn rows(record: &Record) -> Vec<QuoteRow> {
    record
        .quotes
        .iter()
        .map(|q| {
            let s = q
                .speaker
                .as_ref()
                .and_then(|r| record.speakers.iter().find(|s| s.id == r.id));
            QuoteRow {
                path: record.path.clone(),
                id: record.id.clone(),
                agency: record.metadata.agency.clone(),
                date: record.metadata.date.clone(),
                quote_id: q.id.clone(),
                kind: q.kind,
                text: q.text.clone(),
                speaker: s.map(|s| s.name.clone()),
                speaker_key: s.and_then(|s| s.key.clone()),
                speaker_country: s.and_then(|s| s.country.clone()),
                speaker_role: s.and_then(|s| s.role),
            }
        })
        .collect()
}

/// The words and word pairs of a wording, hashed, sorted and distinct; and its word count.
pub fn shingles(text: &str) -> (Vec<u64>, usize) {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let hash = |parts: &[&str]| {
        let mut h = FxHasher::default();
        parts.hash(&mut h);
        h.finish()
    };
    let mut set: Vec<u64> = words.iter().map(|w| hash(&[w])).collect();
    set.extend(words.windows(2).map(hash));
    set.sort_unstable();
    set.dedup();
    (set, words.len())
}

/// The Jaccard similarity of two sorted sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let both = shared(a, b, 0).unwrap_or(0);
    let union = a.len() + b.len() - both;
    if union == 0 {
        return 0.0;
    }
    both as f64 / union as f64
}

/// The Jaccard similarity of two sorted sets when it is at least `at_least` (then equal to
/// [`jaccard`]'s), else `None`. The merge stops as soon as the elements left cannot make
/// enough shared ones: most candidates an LSH bucket gives are far from the threshold, and
/// comparing them to the end took most of `quotes --dedup`'s index.
pub fn jaccard_at_least(a: &[u64], b: &[u64], at_least: f64) -> Option<f64> {
    let total = a.len() + b.len();
    let reaches = |both: usize| total > both && both as f64 / (total - both) as f64 >= at_least;
    // the fewest shared elements that reach it (the similarity grows with them)
    let most = a.len().min(b.len());
    let mut need = (at_least * total as f64 / (1.0 + at_least)).ceil().max(0.0) as usize;
    need = need.min(most + 1);
    while need > 0 && reaches(need - 1) {
        need -= 1;
    }
    while need <= most && !reaches(need) {
        need += 1;
    }
    if need > most {
        return None;
    }
    let both = shared(a, b, need)?;
    // as `jaccard` computes it
    let similarity = both as f64 / (total - both) as f64;
    (similarity >= at_least).then_some(similarity)
}

/// How many elements two sorted sets share, by one merge of the two; `None` as soon as the
/// elements left cannot bring the count to `need` (0: never).
fn shared(a: &[u64], b: &[u64], need: usize) -> Option<usize> {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
                continue;
            }
        }
        if both + (a.len() - i).min(b.len() - j) < need {
            return None;
        }
    }
    Some(both)
}

/// The i-th MinHash function of a (well mixed) shingle hash: an xor with a seed and an odd
/// multiplier, cheap enough for a hundred functions per shingle.
fn mix(x: u64, i: u64) -> u64 {
    let seed = (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x ^ seed)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9 | 1)
        .rotate_left(29)
}

/// The LSH bucket of each band of a set's MinHash signature.
fn buckets(set: &[u64]) -> [u64; BANDS] {
    let mut out = [0u64; BANDS];
    for (band, slot) in out.iter_mut().enumerate() {
        let mut h = FxHasher::default();
        band.hash(&mut h);
        for row in 0..ROWS {
            let i = (band * ROWS + row) as u64;
            set.iter().map(|&s| mix(s, i)).min().hash(&mut h);
        }
        *slot = h.finish();
    }
    out
}

/// A statement ready to be added: its row, its shingles, its word count and its LSH
/// buckets, computed apart from the index (on the worker threads).
pub struct Prepared {
    row: QuoteRow,
    set: Vec<u64>,
    words: usize,
    bands: [u64; BANDS],
}

impl Prepared {
    /// Prepares one row.
    pub fn new(row: QuoteRow) -> Prepared {
        let (set, words) = shingles(&row.text);
        let bands = buckets(&set);
        Prepared {
            row,
            set,
            words,
            bands,
        }
    }

    /// The bytes it holds, roughly.
    pub fn weight(&self) -> usize {
        std::mem::size_of::<Prepared>() + self.set.len() * 8 + self.row.text.len()
    }
}

/// The statements of one record, prepared.
pub fn prepare(record: &Record) -> Vec<Prepared> {
    rows(record).into_iter().map(Prepared::new).collect()
}

struct Group {
    /// Boxed: the set is built with room for every word and pair, and most of that room is
    /// left over once repeats are dropped (kept for every distinct statement of a run).
    shingles: Box<[u64]>,
    quote: DedupQuote,
}

/// A group in one LSH bucket, with what rules most candidates out without reading the
/// group itself: the size of its set of shingles and its speaker key's number (0: no key).
#[derive(Clone, Copy)]
struct Link {
    group: u32,
    size: u32,
    key: u32,
}

/// The groups of one LSH bucket. Most buckets hold one group; those of common short
/// wordings hold thousands, read in one sweep over contiguous links.
enum Bucket {
    One(Link),
    Many(Vec<Link>),
}

impl Bucket {
    fn links(&self) -> &[Link] {
        match self {
            Bucket::One(link) => std::slice::from_ref(link),
            Bucket::Many(links) => links,
        }
    }

    fn push(&mut self, link: Link) {
        match self {
            Bucket::One(first) => *self = Bucket::Many(vec![*first, link]),
            Bucket::Many(links) => links.push(link),
        }
    }
}

/// The statements of many stories, one group per statement.
#[derive(Default)]
pub struct QuoteIndex {
    groups: Vec<Group>,
    /// LSH bucket -> the groups in it, in the order they came.
    buckets: HashMap<u64, Bucket>,
    /// The number of each speaker key met, from 1.
    keys: HashMap<String, u32>,
    /// For each group, the number of the last statement compared with it
    /// ([`QuoteIndex::added`]): a group in several of a statement's buckets is compared once.
    compared: Vec<u32>,
    /// Statements added so far, the first being 1.
    added: u32,
}

impl QuoteIndex {
    /// An empty index.
    pub fn new() -> QuoteIndex {
        QuoteIndex::default()
    }

    /// How many distinct statements the index holds.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Adds the statements of one story.
    pub fn add(&mut self, record: &Record) {
        for p in prepare(record) {
            self.add_prepared(p);
        }
    }

    /// Adds one statement.
    pub fn add_row(&mut self, row: QuoteRow) {
        self.add_prepared(Prepared::new(row));
    }

    /// The number of speaker key `key` (0 for none): a key not met yet has a number no group
    /// holds.
    fn key_number(&self, key: Option<&str>) -> u32 {
        match key {
            None => 0,
            Some(k) => self.keys.get(k).copied().unwrap_or(u32::MAX),
        }
    }

    /// The group most like `set` at or above the threshold (the first of equals), among those
    /// sharing one of its `bands` and whose speaker key agrees with key number `key`.
    ///
    /// Each group is compared once, however many buckets it shares, and not at all when the
    /// sizes of the two sets alone keep them under the threshold (|A ∩ B| / |A ∪ B| is at most
    /// min / max): on both corpora the buckets of common short wordings hold thousands of
    /// groups, and comparing each in full took most of the run. Both tests read the bucket's
    /// links only.
    fn closest(&mut self, set: &[u64], bands: &[u64; BANDS], key: u32) -> Option<(f64, u32)> {
        self.added += 1;
        let mut best: Option<(f64, u32)> = None;
        let a = set.len();
        for b in bands {
            let Some(bucket) = self.buckets.get(b) else {
                continue;
            };
            for link in bucket.links() {
                if link.key != 0 && key != 0 && link.key != key {
                    continue;
                }
                let b = link.size as usize;
                if (a.min(b) as f64) < THRESHOLD * a.max(b) as f64 {
                    continue;
                }
                let seen = &mut self.compared[link.group as usize];
                if *seen == self.added {
                    continue;
                }
                *seen = self.added;
                let g = link.group;
                let Some(j) = jaccard_at_least(set, &self.groups[g as usize].shingles, THRESHOLD)
                else {
                    continue;
                };
                if best.is_none_or(|(bj, bg)| j > bj || (j == bj && g < bg)) {
                    best = Some((j, g));
                }
            }
        }
        best
    }

    /// Adds one prepared statement: to the group of a near-identical earlier wording by a
    /// compatible speaker, or as a new group.
    pub fn add_prepared(&mut self, p: Prepared) {
        let Prepared {
            row,
            set,
            words,
            bands,
        } = p;
        let mergeable = row.speaker_key.is_some() || words >= MIN_WORDS_UNKEYED;
        let key = self.key_number(row.speaker_key.as_deref());
        let best = if mergeable && !set.is_empty() {
            self.closest(&set, &bands, key)
        } else {
            None
        };
        let source = QuoteSource {
            path: row.path,
            id: row.id,
            agency: row.agency,
            date: row.date,
            quote_id: row.quote_id,
            text: row.text,
        };
        if let Some((_, g)) = best {
            let q = &mut self.groups[g as usize].quote;
            q.count += 1;
            q.sources.push(source);
            return;
        }
        let key = match (&row.speaker_key, key) {
            (Some(k), u32::MAX) => {
                let number = self.keys.len() as u32 + 1;
                self.keys.insert(k.clone(), number);
                number
            }
            _ => key,
        };
        let group = self.groups.len() as u32;
        let size = u32::try_from(set.len()).unwrap_or(u32::MAX);
        let link = Link { group, size, key };
        self.compared.push(0);
        for b in bands {
            match self.buckets.entry(b) {
                std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().push(link),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Bucket::One(link));
                }
            }
        }
        self.groups.push(Group {
            shingles: set.into_boxed_slice(),
            quote: DedupQuote {
                // the first source's wording, filled in by `quotes`: not held twice meanwhile
                text: String::new(),
                speaker: row.speaker,
                speaker_key: row.speaker_key,
                speaker_country: row.speaker_country,
                count: 1,
                sources: vec![source],
            },
        });
    }

    /// The statements, in the order first met.
    pub fn quotes(self) -> impl Iterator<Item = DedupQuote> {
        self.groups.into_iter().map(|g| {
            let mut quote = g.quote;
            quote.text = quote
                .sources
                .first()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            quote
        })
    }
}

#[cfg(test)]
mod tests;
