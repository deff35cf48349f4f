//! The filters every archive command takes: a speaker (`--speaker`, by name or key), a date
//! range (`--since`, `--until`) and an agency (`--agency`). A filter trims a record to what
//! it selects; the commands then write what is left.
//!
//! - `agency` keeps the stories whose agency is that one (case ignored).
//! - `since` and `until` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, both ends included) keep the
//!   statements of stories dated in the range, and the events dated in it (an event without a
//!   date of its own by its story's date); a date without a year (`XXXX-01-10`) is outside
//!   every range.
//! - `speaker` keeps the statements of the speakers it names and the events they take part
//!   in (as participant, actor or recipient), and those speakers: it names a speaker when it
//!   is its key, or when its words are words of the speaker's name (`Lavrov` names `Sergey
//!   Lavrov`; case and punctuation ignored).

use crate::output::archive::identity::{name_key, party_key, speaker_key};
use crate::output::record::{Event, Record};

/// What an archive command keeps.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    speaker: Option<String>,
    since: Option<String>,
    until: Option<String>,
    agency: Option<String>,
}

impl Filter {
    /// A filter; `since` and `until` must be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn new(
        speaker: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
        agency: Option<&str>,
    ) -> Result<Filter, String> {
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let Some(v) = value.filter(|v| !is_date_bound(v)) {
                return Err(format!(
                    "{flag} {v:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
                ));
            }
        }
        Ok(Filter {
            speaker: speaker.map(name_key).filter(|k| !k.is_empty()),
            since: since.map(str::to_string),
            until: until.map(str::to_string),
            agency: agency.map(str::to_lowercase),
        })
    }

    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.agency.is_none()
    }

    /// Trims `record` to what the filter keeps; `false` when nothing of the story is kept
    /// (an error record is always kept, so that failures are reported).
    pub fn apply(&self, record: &mut Record) -> bool {
        if self.is_empty() || record.error.is_some() {
            return true;
        }
        if let Some(agency) = &self.agency {
            let own = record.metadata.agency.as_deref().map(str::to_lowercase);
            if own.as_deref() != Some(agency.as_str()) {
                return false;
            }
        }
        let story_in_range = self.in_range(record.metadata.date.as_deref());
        if !story_in_range {
            record.quotes.clear();
        }
        let events = std::mem::take(&mut record.events);
        record.events = events
            .into_iter()
            .filter(|e| self.in_range(e.date.as_deref().or(record.metadata.date.as_deref())))
            .collect();
        if let Some(query) = &self.speaker {
            self.keep_speaker(record, query);
        }
        let items = !(record.quotes.is_empty() && record.events.is_empty());
        items || (self.speaker.is_none() && story_in_range)
    }

    /// Keeps the statements and events of the speakers `query` names, and those speakers.
    fn keep_speaker(&self, record: &mut Record, query: &str) {
        let named: Vec<String> = record
            .speakers
            .iter()
            // its key (`person:dmitry-peskov`), or words of its name (`Peskov`)
            .filter(|s| {
                let key = name_key(&speaker_key(s));
                names(query, &key) || names(query, &name_key(&s.name))
            })
            .map(|s| s.id.clone())
            .collect();
        record
            .quotes
            .retain(|q| q.speaker.as_ref().is_some_and(|s| named.contains(&s.id)));
        let events = std::mem::take(&mut record.events);
        record.events = events
            .into_iter()
            .filter(|e| takes_part(record, e, query, &named))
            .collect();
        record.speakers.retain(|s| named.contains(&s.id));
    }

    /// True when a date is inside the range (any date when there is no range).
    fn in_range(&self, date: Option<&str>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(date) = date.filter(|d| d.starts_with(|c: char| c.is_ascii_digit())) else {
            return false;
        };
        let after = self
            .since
            .as_deref()
            .is_none_or(|s| prefix(date, s.len()) >= s);
        let before = self
            .until
            .as_deref()
            .is_none_or(|u| prefix(date, u.len()) <= u);
        after && before
    }
}

/// True when the speaker `query` names takes part in `e`.
fn takes_part(record: &Record, e: &Event, query: &str, named: &[String]) -> bool {
    e.participants.iter().any(|p| named.contains(p))
        || e.actors
            .iter()
            .chain(&e.recipients)
            .filter_map(|p| party_key(record, p))
            .any(|k| names(query, &k))
}

/// True when `query` (a key) names the speaker or party with key `key`: the same key, or its
/// words a run of the key's words.
fn names(query: &str, key: &str) -> bool {
    if query == key {
        return true;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let wanted: Vec<&str> = query.split(' ').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The first `n` bytes of a date value, or all of it.
fn prefix(date: &str, n: usize) -> &str {
    date.get(..n).unwrap_or(date)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date_bound(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(text: &str) -> Record {
        crate::analyse(text)
    }

    const STORY: &str = "MOSCOW, January 18, 2022. /TASS/. Russian Foreign Minister Sergey \
        Lavrov said on Tuesday that the talks were useful. \"We are ready,\" said Kremlin \
        spokesman Dmitry Peskov.";

    #[test]
    fn a_speaker_is_named_by_a_run_of_words_of_its_key() {
        let cases = [
            ("lavrov", "sergey lavrov", true),
            ("sergey lavrov", "sergey lavrov", true),
            ("sergey", "sergey lavrov", true),
            ("lav", "sergey lavrov", false),
            ("lavrov sergey", "sergey lavrov", false),
            ("peskov", "sergey lavrov", false),
        ];
        for (query, key, expected) in cases {
            assert_eq!(names(query, key), expected, "{query} / {key}");
        }
    }

    #[test]
    fn date_bounds_include_their_whole_period() {
        let f = Filter::new(None, Some("2022-01"), Some("2022-01"), None).unwrap();
        assert!(f.in_range(Some("2022-01-18")));
        assert!(f.in_range(Some("2022-01")));
        assert!(!f.in_range(Some("2022-02-01")));
        assert!(!f.in_range(Some("2021-12-31")));
        assert!(!f.in_range(Some("XXXX-01-18")));
        assert!(!f.in_range(None));
        assert!(Filter::new(None, Some("Jan 2022"), None, None).is_err());
    }

    #[test]
    fn the_speaker_filter_keeps_that_speakers_statements() {
        let mut r = story(STORY);
        let all = r.quotes.len();
        assert!(all >= 2, "{:?}", r.quotes);
        let f = Filter::new(Some("Peskov"), None, None, None).unwrap();
        assert!(f.apply(&mut r));
        assert!(!r.quotes.is_empty() && r.quotes.len() < all);
        assert!(r
            .quotes
            .iter()
            .all(|q| q.speaker.as_ref().unwrap().name == "Dmitry Peskov"));
        assert_eq!(r.speakers.len(), 1);
    }

    #[test]
    fn agency_and_date_filters_drop_whole_stories() {
        let keep = |f: Filter| f.apply(&mut story(STORY));
        assert!(keep(Filter::new(None, None, None, Some("tass")).unwrap()));
        assert!(!keep(
            Filter::new(None, None, None, Some("Reuters")).unwrap()
        ));
        assert!(keep(
            Filter::new(None, Some("2022"), Some("2022"), None).unwrap()
        ));
        assert!(!keep(
            Filter::new(None, Some("2023-01-01"), None, None).unwrap()
        ));
    }
}
