//! Building a story's events: its sentences walked in order, each cut into clauses between its
//! dates, each clause with a date and an event word an event; then one event kept per date and
//! place.

use super::clauses::clauses;
use super::participants::Participants;
use super::place::place_near;
use super::sentences::more_words_than;
use super::words::event_score;
use super::EventFound;
use crate::analyse::attribution::Attribution;
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::span::Span;
use crate::text::paragraphs::Paragraph;
use crate::text::Doc;
use crate::vocab::DateType;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;

/// Builds the events of a story: the dated ones, then every event coded (and the undated
/// ones added) by [`crate::analyse::events::code`].
pub fn build(
    text: &str,
    metadata: &StoryMetadata,
    paragraphs: &[Paragraph],
    dates: &[DateMention],
    attribution: &Attribution,
    doc: &Doc,
) -> Vec<EventFound> {
    let found = crate::analyse::events::Story {
        text,
        metadata,
        paragraphs,
        dates,
        attribution,
        doc,
    };
    let mut events = dated(&found);
    crate::analyse::events::code(&found, &mut events);
    events
}

/// The dated events of a story, from what the stages before found in it.
pub(super) fn dated(found: &crate::analyse::events::Story<'_>) -> Vec<EventFound> {
    let &crate::analyse::events::Story {
        text,
        metadata,
        paragraphs,
        dates,
        attribution,
        doc,
    } = found;
    let Some(candidates) = Candidates::new(dates, metadata) else {
        // No date can date an event (the lead only matters for events).
        return Vec::new();
    };
    let mut story = Story {
        text,
        doc,
        metadata,
        dates,
        attribution,
        lead: None,
        found: Vec::new(),
        people: None,
        story_value: None,
        next_date: 0,
        in_sentence: Vec::new(),
        clauses: Vec::new(),
    };
    let sentences = paragraphs.iter().flat_map(|p| &p.sentences);
    for (nth, &sentence) in sentences.enumerate() {
        // A sentence holding no candidate date is only read (to find the lead) while there
        // is no lead yet. Skipping it leaves `next_date` behind, but that only ever moves
        // forward to the first date at or after the (rising) sentence start: later sentences
        // bring it to the same place.
        if story.lead.is_some() && !candidates.any_in(sentence) {
            continue;
        }
        story.sentence(nth, sentence);
    }
    dedupe(story.found, dates)
}

/// Whether a date may date an event: concrete, and not the dateline's.
pub(crate) fn may_date(d: &DateMention, metadata: &StoryMetadata) -> bool {
    is_concrete(d) && !metadata.dateline.is_some_and(|l| l.overlaps(d.span))
}

/// The spans of the dates that may date an event, sorted by start (sorted here, not taken as
/// sorted, so that the test is exact whatever order the dates come in).
struct Candidates(Vec<Span>);

impl Candidates {
    /// `None` when no date may date an event.
    fn new(dates: &[DateMention], metadata: &StoryMetadata) -> Option<Candidates> {
        let mut spans: Vec<Span> = dates
            .iter()
            .filter(|d| may_date(d, metadata))
            .map(|d| d.span)
            .collect();
        if spans.is_empty() {
            return None;
        }
        spans.sort_unstable();
        Some(Candidates(spans))
    }

    /// Whether a candidate lies inside `given`.
    fn any_in(&self, given: Span) -> bool {
        let first = self.0.partition_point(|c| c.start < given.start);
        self.0[first..]
            .iter()
            .take_while(|c| c.start < given.end)
            .any(|&c| given.contains(c))
    }
}

/// The walk over one story's sentences: what it has found, and the buffers it reuses.
struct Story<'a> {
    text: &'a str,
    /// The story's tokens, and the text in ASCII lower case (`Doc::norm`).
    doc: &'a Doc,
    metadata: &'a StoryMetadata,
    dates: &'a [DateMention],
    attribution: &'a Attribution,
    /// The lead: the story's first real sentence, whose events are the story's own news.
    lead: Option<Span>,
    /// The events found, with their scores.
    found: Vec<(EventFound, u32)>,
    /// Built on the first event only: most stories have none.
    people: Option<Participants<'a>>,
    /// The story date's value, made on the first event only.
    story_value: Option<Option<String>>,
    /// The first date not before the current sentence: dates are in text order, sentences too.
    next_date: usize,
    /// The dates of the current sentence that may date an event.
    in_sentence: Vec<usize>,
    /// The clauses of the current sentence, each with its date.
    clauses: Vec<(Span, usize)>,
}

impl Story<'_> {
    /// Reads one sentence, the `nth` of the story: the lead if it is the first long one,
    /// then its events.
    fn sentence(&mut self, nth: usize, sentence: Span) {
        if self.lead.is_none() && more_words_than(sentence.slice(self.text), 7) {
            self.lead = Some(sentence);
        }
        self.dates_in(sentence);
        if self.in_sentence.is_empty() {
            return;
        }
        clauses(
            self.text,
            sentence,
            &self.in_sentence,
            self.dates,
            &mut self.clauses,
        );
        let found = std::mem::take(&mut self.clauses);
        for &(clause, date) in &found {
            self.event(nth, clause, date);
        }
        self.clauses = found;
    }

    /// Puts in `in_sentence` the dates inside `sentence` that may date an event.
    fn dates_in(&mut self, sentence: Span) {
        let dates = self.dates;
        while self.next_date < dates.len() && dates[self.next_date].span.start < sentence.start {
            self.next_date += 1;
        }
        self.in_sentence.clear();
        let mut k = self.next_date;
        while k < dates.len() && dates[k].span.start < sentence.end {
            if sentence.contains(dates[k].span) && may_date(&dates[k], self.metadata) {
                self.in_sentence.push(k);
            }
            k += 1;
        }
    }

    /// Records the event of a clause of the `nth` sentence with its date, when the clause
    /// names one. The place is
    /// the `in Name` nearest the date, or the dateline's for the story's own news (dated the
    /// story date, or in the lead).
    fn event(&mut self, nth: usize, clause: Span, date: usize) {
        let Some(score) = event_score(self.text, self.doc, nth, clause) else {
            return;
        };
        let d = &self.dates[date];
        let mut place = place_near(self.text, clause, d.span);
        let metadata = self.metadata;
        let story_value = self
            .story_value
            .get_or_insert_with(|| metadata.date.map(|d| d.value()))
            .as_deref();
        let own_news =
            story_value == Some(d.value.as_str()) || self.lead.is_some_and(|l| l.contains(clause));
        if place.is_none() && own_news {
            place = metadata.place.clone();
        }
        let attribution = self.attribution;
        let participants = self
            .people
            .get_or_insert_with(|| Participants::new(attribution))
            .in_clause(self.text, clause);
        let event = EventFound {
            date: Some(date),
            clause,
            place,
            participants,
            status: crate::analyse::events::Status::Actual,
            coding: None,
        };
        self.found.push((event, score));
    }
}

/// Keeps one event per date and place: the clause that reports it best (a `took place` or
/// `was held` over a passing mention), the earlier on ties.
fn dedupe(found: Vec<(EventFound, u32)>, dates: &[DateMention]) -> Vec<EventFound> {
    if found.len() < 2 {
        return found.into_iter().map(|(e, _)| e).collect();
    }
    let mut best: HashMap<(Option<String>, Option<String>), usize> = HashMap::default();
    let mut keep = vec![true; found.len()];
    for (i, (e, score)) in found.iter().enumerate() {
        let key = (
            e.date.map(|d| dates[d].value.clone()),
            e.place.as_ref().map(|p| p.to_lowercase()),
        );
        match best.get(&key) {
            Some(&j) if found[j].1 >= *score => keep[i] = false,
            Some(&j) => {
                keep[j] = false;
                best.insert(key, i);
            }
            None => {
                best.insert(key, i);
            }
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((e, _), _)| e)
        .collect()
}

/// A date that places an event: a day, a week or a month (`2022-01-18`, `2022-W02`,
/// `XXXX-WXX-2`, `2022-01`), not a year alone (`formed in 1983` dates no happening of the
/// sentence as a rule), a duration, a recurrence or a vague reference.
fn is_concrete(d: &DateMention) -> bool {
    let v = d.value.as_bytes();
    let year = v.len() >= 4 && (v[..4].iter().all(u8::is_ascii_digit) || &v[..4] == b"XXXX");
    let second = v.get(5..7).unwrap_or(b"");
    let finer = v.get(4) == Some(&b'-')
        && (second.iter().all(u8::is_ascii_digit) || second.first() == Some(&b'W'));
    matches!(d.date_type, DateType::Date | DateType::Time) && year && finer
}
