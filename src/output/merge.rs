//! The cross-story timeline: the events of many records joined into one timeline sorted by
//! date, for `statements timeline`. It reads only public [`Record`]s, so it sits with the
//! output, above the analysis of one story (`analyse::timeline`).

use crate::analyse::timeline::is_not_place;
use crate::output::record::{Event, EventParty, Record, Speaker, SpeakerKind};
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::sync::LazyLock;

/// Capitalised words too common in news to tell two events apart, as written
/// (`timeline_common_names.tsv`).
static COMMON_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../lexicon/timeline_common_names.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// One report of a merged event: which story said it, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSource {
    /// The story's `path`, or `null`.
    pub path: Option<String>,
    /// The story's `id`, or `null`.
    pub id: Option<String>,
    /// The story date (`YYYY-MM-DD` or `XXXX-MM-DD`), or `null`.
    pub story_date: Option<String>,
    /// The story's agency, or `null`.
    pub agency: Option<String>,
    /// The date expression as the story wrote it.
    pub date_text: String,
    /// The clause reporting the event.
    pub text: String,
}

/// One event of a timeline built from many stories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedEvent {
    /// The normalised date (a TIMEX3 value).
    pub date: String,
    /// Where it took place, when any report names it.
    pub place: Option<String>,
    /// Its PLOVER event type (`CONSULT`, `ACCUSE`...), the first a report gives, or `null`.
    pub event_type: Option<String>,
    /// The names of the speakers taking part, over all reports.
    pub participants: Vec<String>,
    /// Every report of the event, in input order.
    pub sources: Vec<EventSource>,
}

/// Merges the events of many records into one timeline sorted by date (dates without a year
/// after those with one, by month and day). Reports of one event are joined on this key: the
/// same date; the same event type where both have one; where both name actors or recipients,
/// a party in common, and a recipient in common where both name recipients (by surname); the
/// same place where both name one; and participant names in common (by
/// surname) or, when neither lists participants, three names both texts give.
pub fn merge(records: &[Record]) -> Vec<MergedEvent> {
    let mut timeline = Timeline::default();
    for r in records {
        // The timeline is of dated events: an undated one has nothing to be placed by.
        for e in r.events.iter().filter(|e| e.date.is_some()) {
            let report = Report::new(r, e);
            match timeline.same_event(&report, r) {
                Some(g) => timeline.join(g, report),
                None => timeline.add(report),
            }
        }
    }
    let mut out = timeline.events;
    // stable: reports of one date keep input order
    out.sort_by_key(|m| date_key(&m.date));
    out
}

/// One story's report of an event, with what tells whether another report is of the same.
struct Report {
    date: String,
    place: Option<String>,
    event_type: Option<String>,
    /// The keys of its actors and recipients, and of its recipients alone.
    parties: HashSet<String>,
    recipients: HashSet<String>,
    /// The participants' names.
    names: Vec<String>,
    /// The surnames of the participants that are people: only those identify an event across
    /// stories (`officials` or `the ministry` are in every story).
    keys: HashSet<String>,
    /// The names in the report's text ([`names_in`]).
    signature: HashSet<String>,
    source: EventSource,
}

impl Report {
    fn new(r: &Record, e: &Event) -> Report {
        let people: Vec<&Speaker> = e
            .participants
            .iter()
            .filter_map(|id| r.speakers.iter().find(|s| &s.id == id))
            .collect();
        let place = e.place.as_ref().map(|p| p.trim().to_string());
        // By surname, as participants are: one story's `Vladimir Putin` (a speaker) is
        // another's `his Russian counterpart Vladimir Putin` (words only).
        let keys = |parties: &[EventParty]| -> HashSet<String> {
            parties.iter().filter_map(|p| party_surname(r, p)).collect()
        };
        let recipients = keys(&e.recipients);
        let mut parties = keys(&e.actors);
        parties.extend(recipients.iter().cloned());
        Report {
            date: e.date.clone().unwrap_or_default(),
            event_type: e.event_type.clone(),
            parties,
            recipients,
            names: people.iter().map(|s| s.name.clone()).collect(),
            keys: people
                .iter()
                .filter(|s| s.kind == SpeakerKind::Person)
                .filter_map(|s| surname(&s.name))
                .collect(),
            signature: names_in(&e.text, place.as_deref()),
            place,
            source: EventSource {
                path: r.path.clone(),
                id: r.id.clone(),
                story_date: r.metadata.date.clone(),
                agency: r.metadata.agency.clone(),
                date_text: e.date_text.clone().unwrap_or_default(),
                text: e.text.clone(),
            },
        }
    }
}

/// The merged events so far, with what each one's reports tell about it.
#[derive(Default)]
struct Timeline {
    events: Vec<MergedEvent>,
    /// Per event: the surnames of all its reports' participants.
    surnames: Vec<HashSet<String>>,
    /// Per event: the names in its first report's text.
    signatures: Vec<HashSet<String>>,
    /// Per event: the party keys of all its reports, and their recipients' keys.
    parties: Vec<(HashSet<String>, HashSet<String>)>,
    /// The events of each date.
    by_date: HashMap<String, Vec<usize>>,
}

impl Timeline {
    /// The event of the same date that `report` (of story `r`) is another report of.
    fn same_event(&self, report: &Report, r: &Record) -> Option<usize> {
        let cands = self.by_date.get(&report.date)?;
        cands.iter().copied().find(|&g| {
            let m = &self.events[g];
            // two events of one story are two events: the story already joined its own
            if m.sources.iter().any(|s| s.path == r.path && s.id == r.id) {
                return false;
            }
            let places_agree = match (&m.place, &report.place) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            };
            let types_agree = match (&m.event_type, &report.event_type) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            // one call of Lavrov's with Blinken and another with Wang Yi are two events
            let (parties, recipients) = &self.parties[g];
            let meet = |a: &HashSet<String>, b: &HashSet<String>| {
                a.is_empty() || b.is_empty() || !a.is_disjoint(b)
            };
            let parties_agree =
                meet(parties, &report.parties) && meet(recipients, &report.recipients);
            let overlap = !report.keys.is_disjoint(&self.surnames[g]);
            // without a person in common, the reports must share three names with the first
            // report (`Indian`, `Moslem`, `Srinagar`): a date and a dateline city are not enough
            let shared = report
                .signature
                .intersection(&self.signatures[g])
                .take(3)
                .count();
            places_agree && types_agree && parties_agree && (overlap || shared >= 3)
        })
    }

    /// Adds `report` to event `g`: its place if the event has none, its participants (one per
    /// surname, the fullest name) and its source.
    fn join(&mut self, g: usize, report: Report) {
        let m = &mut self.events[g];
        if m.place.is_none() {
            m.place = report.place;
        }
        if m.event_type.is_none() {
            m.event_type = report.event_type;
        }
        let (parties, recipients) = &mut self.parties[g];
        parties.extend(report.parties);
        recipients.extend(report.recipients);
        for n in report.names {
            let key = surname(&n);
            match m.participants.iter_mut().find(|p| surname(p) == key) {
                Some(p) if p.len() < n.len() => *p = n,
                Some(_) => {}
                None => m.participants.push(n),
            }
        }
        m.sources.push(report.source);
        self.surnames[g].extend(report.keys);
    }

    /// A new event reported first by `report`.
    fn add(&mut self, report: Report) {
        let g = self.events.len();
        self.by_date.entry(report.date.clone()).or_default().push(g);
        self.events.push(MergedEvent {
            date: report.date,
            place: report.place,
            event_type: report.event_type,
            participants: report.names,
            sources: vec![report.source],
        });
        self.surnames.push(report.keys);
        self.signatures.push(report.signature);
        self.parties.push((report.parties, report.recipients));
    }
}

/// The capitalised words of an event's text (`Geneva`, `NATO`, `Moslem`), lower-cased, but
/// not its place, dates or sentence-initial function words: what two reports of one event
/// name in common.
fn names_in(text: &str, place: Option<&str>) -> HashSet<String> {
    let place = place.map(str::to_lowercase).unwrap_or_default();
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()))
        .filter(|w| !is_not_place(w) && !COMMON_NAMES.contains(w))
        .map(str::to_lowercase)
        .filter(|w| !place.split_whitespace().any(|p| p == w))
        .collect()
}

/// The surname of an event's party: that of its speaker's name when it is one of the story's
/// speakers, else that of its own words.
fn party_surname(r: &Record, p: &EventParty) -> Option<String> {
    let speaker = p
        .speaker_id
        .as_ref()
        .and_then(|id| r.speakers.iter().find(|s| &s.id == id));
    surname(speaker.map_or(p.name.as_str(), |s| s.name.as_str()))
}

fn surname(name: &str) -> Option<String> {
    name.split_whitespace()
        .next_back()
        .filter(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_uppercase()))
        .map(|w| w.to_lowercase())
}

/// A sort key for a TIMEX3 value: known years first, then year, month, day and the rest
/// (weeks by their Monday, quarters, halves and seasons by their first month).
fn date_key(v: &str) -> (bool, i32, u32, u32, String) {
    let mut parts = v.splitn(3, '-');
    let y = parts.next().unwrap_or("");
    let year = y.parse::<i32>().ok();
    let second = parts.next().unwrap_or("");
    let third = parts.next().unwrap_or("");
    let (month, day) = if let Some(w) = second.strip_prefix('W') {
        match (year, w.parse::<u32>().ok()) {
            (Some(yy), Some(wk)) => {
                chrono::NaiveDate::from_isoywd_opt(yy, wk, chrono::Weekday::Mon)
                    .map(|d| {
                        use chrono::Datelike;
                        (d.month(), d.day())
                    })
                    .unwrap_or((0, 0))
            }
            _ => (0, 0),
        }
    } else if let Some(q) = second.strip_prefix('Q') {
        (
            q.parse::<u32>()
                .map(|q| (q.saturating_sub(1)) * 3 + 1)
                .unwrap_or(0),
            0,
        )
    } else if let Some(h) = second.strip_prefix('H') {
        (
            h.parse::<u32>()
                .map(|h| if h == 2 { 7 } else { 1 })
                .unwrap_or(0),
            0,
        )
    } else {
        let season = match second {
            "SP" => Some(3),
            "SU" => Some(6),
            "FA" => Some(9),
            "WI" => Some(12),
            _ => None,
        };
        match season {
            Some(m) => (m, 0),
            None => {
                let m = second.parse::<u32>().unwrap_or(0);
                let d = third
                    .get(..2)
                    .and_then(|d| d.parse::<u32>().ok())
                    .unwrap_or(0);
                (m, d)
            }
        }
    };
    (year.is_none(), year.unwrap_or(0), month, day, v.to_string())
}

#[cfg(test)]
mod tests;
