//! Coding a story's events: the triggers of each sentence the story's tokens marked (see
//! [`super::trigger_marks`]) found with one hash lookup per word, then, in the sentences that
//! hold one, the parties read around it. A timeline event takes the first trigger of its
//! clause; a sentence's first trigger outside timeline events (and its first contact, when that
//! comes later) makes a new event. Repeats of one event in a story (the call of the lead told
//! again later) are dropped.

use super::actors::{last_word, Cast};
use super::lexicon::{goldstein, Class, ClauseMode, Frame, MODES, MODE_SHAPES, TRIGGERS};
use super::phrases::Words;
use super::tokens::{doc_tokens, tokens, Tok};
use super::triggers::{triggers_in, Hit};
use super::{Coding, Party, Status};
use crate::analyse::attribution::Attribution;
use crate::analyse::timeline::{may_date, place_near, EventFound};
use crate::parse::dates::DateMention;
use crate::parse::metadata::StoryMetadata;
use crate::span::Span;
use crate::text::paragraphs::Paragraph;
use crate::text::Doc;

/// The story as the coder reads it.
pub(crate) struct Story<'a> {
    pub text: &'a str,
    pub metadata: &'a StoryMetadata,
    pub paragraphs: &'a [Paragraph],
    pub dates: &'a [DateMention],
    pub attribution: &'a Attribution,
    /// The story's tokens: their marks tell the sentences that may hold a trigger.
    pub doc: &'a Doc,
}

/// Codes the timeline's `events` and adds the events of the sentences they miss, in text
/// order.
#[inline(never)] // A stage of its own in profiles (`scripts/instructions.sh`).
pub(crate) fn code(story: &Story<'_>, events: &mut Vec<EventFound>) {
    let mut hits: Vec<Hit> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut added: Vec<EventFound> = Vec::new();
    let mut marked = story.doc.marked.iter().copied().peekable();
    let lower = story.doc.norm.as_bytes();
    // made on the first sentence with a trigger: most stories have none
    let cast = std::cell::OnceCell::new();
    let sentences = story.paragraphs.iter().flat_map(|p| &p.sentences);
    for (nth, &sentence) in sentences.enumerate() {
        // Both in text order: the marks before this sentence are passed by.
        while marked.next_if(|&m| m < sentence.start).is_some() {}
        if marked.peek() != Some(&sentence.start) {
            continue;
        }
        let doc_toks = doc_tokens(story.doc, nth, sentence);
        triggers_in(story.text, story.doc, sentence, doc_toks, &mut hits);
        if hits.is_empty() {
            continue;
        }
        tokens(story.text, doc_toks, sentence, &mut toks);
        let words = Words {
            text: story.text,
            lower,
            toks: &toks,
        };
        let cast = cast.get_or_init(|| Cast::new(story.attribution));
        let reader = Reader { story, cast, words };
        reader.sentence(sentence, &hits, events, &mut added);
    }
    if !added.is_empty() {
        for e in added {
            if !repeats(&e, events, story) {
                events.push(e);
            }
        }
        // stable: the timeline's own order is kept among its events
        events.sort_by_key(|e| e.clause.start);
    }
    share_countries(events, story.text);
}

/// Reads the events of one sentence.
struct Reader<'a, 's> {
    story: &'a Story<'s>,
    /// The story's speakers as parties.
    cast: &'a Cast<'s>,
    words: Words<'a>,
}

impl Reader<'_, '_> {
    /// Codes the timeline's events of `sentence` and adds the events of its other triggers.
    fn sentence(
        &self,
        sentence: Span,
        hits: &[Hit],
        events: &mut [EventFound],
        added: &mut Vec<EventFound>,
    ) {
        let inside = self.timeline_events(sentence, hits, events);
        // read twice, with no list of its own
        let outside = || {
            hits.iter()
                .zip(&inside)
                .filter(|(_, &i)| !i)
                .map(|(h, _)| h)
        };
        // The sentence's first act and its first contact, whichever comes first (`after the
        // meeting, Erdogan called on Stockholm …`).
        let is_contact = |h: &&Hit| TRIGGERS.rows[h.row].event_type == "CONSULT";
        let contact = outside().find(is_contact);
        let Some(first) = outside().find(|h| !is_contact(h)).or(contact) else {
            return;
        };
        self.add(sentence, first, added);
        // A contact right after another act is what that act is about (`refused to meet`,
        // `offered to negotiate`): no event of its own.
        let complement = |c: &Hit| {
            let between = Span::new(first.span.end, c.span.start.max(first.span.end));
            c.span.start > first.span.start
                && between.slice(self.story.text).split_whitespace().count() <= 3
        };
        if let Some(c) = contact.filter(|c| c.span != first.span && !complement(c)) {
            self.add(sentence, c, added);
        }
    }

    /// Codes the timeline's events in `sentence` with their clauses' first triggers; returns
    /// which of `hits` stand in one of them.
    fn timeline_events(
        &self,
        sentence: Span,
        hits: &[Hit],
        events: &mut [EventFound],
    ) -> Vec<bool> {
        let mut inside = vec![false; hits.len()];
        for e in events.iter_mut().filter(|e| sentence.contains(e.clause)) {
            for (k, h) in hits.iter().enumerate() {
                if e.clause.contains(h.span) {
                    inside[k] = true;
                }
            }
            if e.coding.is_some() {
                continue;
            }
            let Some(h) = hits.iter().find(|h| e.clause.contains(h.span)) else {
                continue;
            };
            // The clause's own words: a timeline clause is cut between two dated events.
            let toks = self.words.toks;
            let a = toks.partition_point(|k| k.span.start < e.clause.start);
            let b = toks.partition_point(|k| k.span.end <= e.clause.end);
            let clause = Reader {
                story: self.story,
                cast: self.cast,
                words: Words {
                    text: self.words.text,
                    lower: self.words.lower,
                    toks: &toks[a..b.max(a)],
                },
            };
            if let Some((coding, status)) = clause.code(h) {
                e.coding = Some(coding);
                e.status = later(status, e.date, self.story);
            }
        }
        inside
    }

    /// A new event for a trigger outside the timeline's events.
    fn add(&self, sentence: Span, h: &Hit, added: &mut Vec<EventFound>) {
        // A question asserts nothing happened (`will you announce new aid?`, a journalist's
        // turn in a briefing): no event of its own.
        let said = sentence.slice(self.story.text).trim_end();
        if said.ends_with('?') || said.ends_with("?\"") || said.ends_with("?\u{201d}") {
            return;
        }
        let Some((coding, status)) = self.code(h) else {
            return;
        };
        // An act with no one doing it or suffering it tells nothing of who did what to whom
        // (`allowed to reopen`, `a total of $650,000 is being offered`).
        if coding.actors.is_empty() && coding.recipients.is_empty() {
            return;
        }
        let story = self.story;
        // The date nearest the trigger: a long sentence may date several things.
        let distance = |d: Span| {
            d.start
                .abs_diff(h.span.start)
                .min(d.end.abs_diff(h.span.end))
        };
        let date = (0..story.dates.len())
            .filter(|&i| {
                let d = &story.dates[i];
                sentence.contains(d.span) && may_date(d, story.metadata)
            })
            .min_by_key(|&i| distance(story.dates[i].span));
        let place = date.and_then(|d| place_near(story.text, sentence, story.dates[d].span));
        let mut participants: Vec<usize> = coding
            .actors
            .iter()
            .chain(&coding.recipients)
            .filter_map(|p| p.speaker)
            .collect();
        participants.sort_unstable();
        participants.dedup();
        added.push(EventFound {
            date,
            clause: sentence,
            place,
            participants,
            status: later(status, date, story),
            coding: Some(coding),
        });
    }

    /// The coding of a trigger, and the status its words give; `None` when the trigger names
    /// no event (`released a statement`).
    fn code(&self, h: &Hit) -> Option<(Coding, Status)> {
        let row = &TRIGGERS.rows[h.row];
        let w = &self.words;
        // The tokens are in text order and do not overlap: both ends are found by halving.
        let t = Some(w.toks.partition_point(|k| k.span.start < h.span.start))
            .filter(|&p| p < w.toks.len())
            .unwrap_or(0);
        let last = w
            .toks
            .partition_point(|k| k.span.end <= h.span.end)
            .checked_sub(1)
            .unwrap_or(t)
            .max(t);
        // (the document read only for a material act: the only one it unmakes)
        let material = matches!(row.event_type, "RETREAT" | "AID" | "COOPERATE");
        let document = || w.document_after(last) || w.class_before(t, Class::Document);
        if (material && document()) || w.class_near(t, last, Class::Economic) {
            return None;
        }
        let statement = self.statement_of(h.span);
        let (actors, recipients) = self.parties(row.frame, t, last, statement);
        let (status, intent) = self.status(t, last, row.event_type);
        // A material act announced is, in PLOVER, the promise or threat made now.
        let announced = intent.then(|| announced_as(row.event_type)).flatten();
        let (event_type, row_mode, row_cameo) = match announced {
            Some((ty, cameo)) => (ty, None, cameo),
            None => (row.event_type, row.mode, row.cameo),
        };
        let status = if announced.is_some() && status == Status::Future {
            Status::Actual
        } else {
            status
        };
        let verbal = matches!(
            event_type,
            "AGREE" | "SUPPORT" | "CONCEDE" | "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN"
        );
        let clause = row_mode
            .is_none()
            .then(|| self.clause_mode(event_type))
            .flatten();
        let cameo = clause.and_then(|c| c.1).unwrap_or(row_cameo);
        let coding = Coding {
            event_type,
            mode: row_mode.or(clause.map(|c| c.0)),
            cameo,
            goldstein: if cameo == row.cameo {
                row.goldstein
            } else {
                goldstein(cameo)
            },
            actors,
            recipients,
            joint: row.frame == Frame::Joint,
            trigger: h.span,
            quote: statement.filter(|_| verbal),
        };
        Some((coding, status))
    }

    /// The statement whose cue is the trigger, or whose content holds it.
    fn statement_of(&self, trigger: Span) -> Option<usize> {
        let st = &self.story.attribution.statements;
        st.iter()
            .position(|s| s.cue.is_some_and(|c| c.overlaps(trigger)))
            .or_else(|| st.iter().position(|s| s.content.contains(trigger)))
    }

    /// The actors and recipients of a trigger spanning tokens `t..=last`.
    fn parties(
        &self,
        frame: Frame,
        t: usize,
        last: usize,
        statement: Option<usize>,
    ) -> (Vec<Party>, Vec<Party>) {
        let w = &self.words;
        let subject = w.subject(t);
        let object = w.object(last, frame != Frame::Joint);
        let passive = self.passive(t);
        let (actor, recipient) = match (frame, passive) {
            (Frame::Said, _) => (None, subject),
            (Frame::Host, false) => (object, subject),
            // `Visiting Chinese Vice Foreign Minister Li Wen held talks`
            (Frame::Svo, false) if t == 0 => (object, None),
            // `X was received by Y`: the visitor is the subject, the host the agent
            (Frame::Host, true) => (subject, w.agent(last)),
            (_, true) => (w.agent(last), subject),
            _ => (subject, object),
        };
        let mut recipients = self.named(recipient, t, None, false);
        // `talks between A and B`: the parties are all there.
        let all_there = frame == Frame::Joint && actor.is_none() && recipients.len() > 1;
        let mut actors = if all_there {
            Vec::new()
        } else {
            self.named(actor, t, statement, true)
        };
        match frame {
            Frame::Joint => actors.append(&mut recipients),
            Frame::Alone => recipients.clear(),
            _ => {}
        }
        (actors, recipients)
    }

    /// The parties of a name run; a pronoun, or no run for the actor, stands for the
    /// statement's speaker or the sentence's first name run before the trigger.
    fn named(
        &self,
        range: Option<(usize, usize)>,
        t: usize,
        statement: Option<usize>,
        actor: bool,
    ) -> Vec<Party> {
        let w = &self.words;
        let a = self.story.attribution;
        let pronoun = |r: (usize, usize)| r.1 - r.0 == 1 && w.pronoun(r.0);
        let range = match range {
            Some(r) if !pronoun(r) => Some(r),
            _ if !actor => None,
            _ => {
                let speaker = statement.and_then(|s| a.statements[s].speaker);
                if let Some(s) = speaker {
                    return vec![self.cast.speaker_party(s)];
                }
                w.first()
                    .filter(|&f| f.1 <= t && !pronoun(f) && !w.break_between(f.1, t))
            }
        };
        let Some(range) = range else {
            return Vec::new();
        };
        w.split_and(range)
            .into_iter()
            .flat_map(|r| self.cast.parties(w, r))
            .collect()
    }

    /// Whether the trigger at token `t` is a passive participle (`was accused`).
    fn passive(&self, t: usize) -> bool {
        let w = &self.words;
        let trig = w.word(t);
        let participle = trig.ends_with("ed") || trig.ends_with("en");
        participle
            && (w.skipped_before(t)..t).any(|i| {
                ["was", "were", "been", "be", "is", "are", "being"]
                    .iter()
                    .any(|b| w.word(i).eq_ignore_ascii_case(b))
            })
    }

    /// The mode the clause's words give a type (`with tanks`: heavy weapons).
    fn clause_mode(&self, event_type: &'static str) -> Option<ClauseMode> {
        let w = &self.words;
        let shapes = MODE_SHAPES.get(event_type)?;
        (0..w.toks.len()).find_map(|i| {
            let lower = w.lower_word(i);
            if !shapes.may_be(lower) {
                return None;
            }
            let lower = std::str::from_utf8(lower).ok()?;
            MODES.get(&(event_type, lower)).copied()
        })
    }

    /// The status the words before the trigger (`t..=last`) and its own give: a negation, a
    /// modal of condition, a word of plan (`will support`); `if` or `unless` anywhere in the
    /// sentence makes it hypothetical. And whether a word of intention or a modal stands
    /// before it (`will impose`, `may halt`: an act announced, not scheduled).
    fn status(&self, t: usize, last: usize, event_type: &str) -> (Status, bool) {
        let w = &self.words;
        let from = w.skipped_before(t).min(t.saturating_sub(3));
        let mut status = Status::Actual;
        let mut intent = false;
        for i in from..=last.min(w.toks.len().saturating_sub(1)) {
            match w.class(i) {
                Some(Class::Negation) if event_type != "REJECT" => return (Status::Negated, false),
                Some(Class::Hypothetical) => {
                    status = Status::Hypothetical;
                    intent = true;
                }
                Some(Class::Future) if status == Status::Actual => status = Status::Future,
                Some(Class::Intent) => {
                    intent = true;
                    if status == Status::Actual {
                        status = Status::Future;
                    }
                }
                _ if w.word(i).ends_with("n't") && event_type != "REJECT" => {
                    return (Status::Negated, false)
                }
                // `we'll`: the `will` of a contraction
                _ if w.word(i).ends_with("'ll") || w.word(i).ends_with("\u{2019}ll") => {
                    intent = true;
                    if status == Status::Actual {
                        status = Status::Future;
                    }
                }
                _ => {}
            }
        }
        let conditional = || {
            w.toks.iter().enumerate().any(|(i, t)| {
                // the words first, by their length: most tokens are neither, and their class
                // is not needed
                let len = t.span.end - t.span.start;
                (len == 2 || len == 6)
                    && matches!(&w.lower[t.span.start..t.span.end], b"if" | b"unless")
                    && w.class(i) == Some(Class::Hypothetical)
            })
        };
        // (a negation has returned already)
        if status != Status::Hypothetical && conditional() {
            status = Status::Hypothetical;
        }
        (status, intent)
    }
}

/// The PLOVER type and CAMEO code of a material act announced (`will impose sanctions`,
/// `would allow the return`): a threat for an act of conflict, a promise of material
/// cooperation for one of cooperation; `None` for a contact (a visit set for Tuesday stays a
/// visit) and for verbal acts.
fn announced_as(event_type: &str) -> Option<(&'static str, &'static str)> {
    match event_type {
        "COERCE" | "SANCTION" | "ASSAULT" | "PROTEST" | "MOBILIZE" => Some(("THREATEN", "130")),
        "CONCEDE" | "RETREAT" | "AID" | "COOPERATE" => Some(("AGREE", "031")),
        _ => None,
    }
}

/// `status`, made future when the event's date is after the story date.
fn later(status: Status, date: Option<usize>, story: &Story<'_>) -> Status {
    let (Some(d), Some(story_date)) = (date, story.metadata.date) else {
        return status;
    };
    let value = &story.dates[d].value;
    let today = story_date.value();
    let comparable = value.len() == 10 && value.as_bytes()[0].is_ascii_digit();
    if status == Status::Actual && comparable && value.as_str() > today.as_str() {
        Status::Future
    } else {
        status
    }
}

/// Whether a new event repeats one already kept: of the same type, and reported on the
/// same date, or (a mode in common or unknown, no two dates) with its actors among the
/// other's parties (a contact told again with fewer names: `the telephone talk was held at
/// the initiative of the US side`), and, for acts other than contacts, its recipients too.
fn repeats(e: &EventFound, kept: &[EventFound], story: &Story<'_>) -> bool {
    let Some(c) = &e.coding else { return false };
    let value = |d: Option<usize>| d.map(|d| story.dates[d].value.as_str());
    kept.iter().any(|k| {
        let Some(kc) = k.coding.as_ref().filter(|kc| kc.event_type == c.event_type) else {
            return false;
        };
        let (mine, theirs) = (value(e.date), value(k.date));
        if mine.is_some() && mine == theirs {
            return true;
        }
        let dates_agree = mine.is_none() || theirs.is_none();
        let modes = c.mode == kc.mode || c.mode.is_none() || kc.mode.is_none();
        let among = |ps: &[Party], qs: &[Party]| {
            ps.iter()
                .all(|p| qs.iter().any(|q| same_party(p, q, story.text)))
        };
        let actors = c.actors.iter().all(|p| {
            kc.actors
                .iter()
                .chain(&kc.recipients)
                .any(|q| same_party(p, q, story.text))
        });
        let same = if c.event_type == "CONSULT" {
            actors
        } else {
            !c.actors.is_empty() && actors && among(&c.recipients, &kc.recipients)
        };
        dates_agree && modes && same
    })
}

/// Whether two parties are one: the same speaker, the same last word, or the same country.
fn same_party(p: &Party, q: &Party, text: &str) -> bool {
    let last = |p: &Party| p.name.map(|n| last_word(n.slice(text)));
    let same_word = match (last(p), last(q)) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    (p.speaker.is_some() && p.speaker == q.speaker)
        || same_word
        || (p.country.is_some() && p.country == q.country)
}

/// Gives a party with no country or sector those of another party of the story with the same
/// last word (`Blinken` after `US Secretary of State Antony Blinken`).
fn share_countries(events: &mut [EventFound], text: &str) {
    let last = |p: &Party| p.name.map(|n| last_word(n.slice(text)));
    let mut known: Vec<(&str, Option<&'static str>, Option<&'static str>)> = Vec::new();
    for c in events.iter().filter_map(|e| e.coding.as_ref()) {
        for p in c.actors.iter().chain(&c.recipients) {
            if let Some(w) = last(p).filter(|w| w.starts_with(char::is_uppercase)) {
                if p.country.is_some() || p.sector.is_some() {
                    known.push((w, p.country, p.sector));
                }
            }
        }
    }
    if known.is_empty() {
        return;
    }
    for c in events.iter_mut().filter_map(|e| e.coding.as_mut()) {
        for p in c.actors.iter_mut().chain(c.recipients.iter_mut()) {
            let Some(w) = last(p) else { continue };
            if let Some(&(_, country, sector)) = known.iter().find(|k| k.0 == w) {
                p.country = p.country.or(country);
                p.sector = p.sector.or(sector);
            }
        }
    }
}
