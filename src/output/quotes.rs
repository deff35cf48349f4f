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
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        return 0.0;
    }
    both as f64 / union as f64
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
    shingles: Vec<u64>,
    quote: DedupQuote,
}

/// The statements of many stories, one group per statement.
#[derive(Default)]
pub struct QuoteIndex {
    groups: Vec<Group>,
    /// LSH bucket -> the last entry of its chain in `chain`.
    buckets: HashMap<u64, u32>,
    /// Bucket chains: (group, previous entry of the same bucket or `u32::MAX`).
    chain: Vec<(u32, u32)>,
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

    /// The group most like `set` at or above the threshold (the first of equals), among those
    /// sharing one of its `bands` and whose speaker key agrees with `key`.
    ///
    /// Each group is compared once, however many buckets it shares, and not at all when the
    /// sizes of the two sets alone keep them under the threshold (|A ∩ B| / |A ∪ B| is at most
    /// min / max): on both corpora the buckets of common short wordings hold thousands of
    /// groups, and comparing each in full took most of the run.
    fn closest(
        &mut self,
        set: &[u64],
        bands: &[u64; BANDS],
        key: Option<&str>,
    ) -> Option<(f64, u32)> {
        self.added += 1;
        let mut best: Option<(f64, u32)> = None;
        for b in bands {
            let mut at = self.buckets.get(b).copied().unwrap_or(u32::MAX);
            while let Some(&(g, previous)) = self.chain.get(at as usize) {
                at = previous;
                let seen = &mut self.compared[g as usize];
                if *seen == self.added {
                    continue;
                }
                *seen = self.added;
                let group = &self.groups[g as usize];
                let group_key = group.quote.speaker_key.as_deref();
                if group_key.is_some() && key.is_some() && group_key != key {
                    continue;
                }
                let (a, b) = (set.len(), group.shingles.len());
                if (a.min(b) as f64) < THRESHOLD * a.max(b) as f64 {
                    continue;
                }
                let j = jaccard(set, &group.shingles);
                if j >= THRESHOLD && best.is_none_or(|(bj, bg)| j > bj || (j == bj && g < bg)) {
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
        let best = if mergeable && !set.is_empty() {
            self.closest(&set, &bands, row.speaker_key.as_deref())
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
        let g = self.groups.len() as u32;
        self.compared.push(0);
        for b in bands {
            let previous = self.buckets.insert(b, self.chain.len() as u32);
            self.chain.push((g, previous.unwrap_or(u32::MAX)));
        }
        self.groups.push(Group {
            shingles: set,
            quote: DedupQuote {
                text: source.text.clone(),
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
        self.groups.into_iter().map(|g| g.quote)
    }
}

#[cfg(test)]
mod tests;
