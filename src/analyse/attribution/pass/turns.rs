//! Turns: the turns of a transcript (a briefing, a press conference, an interview, a meeting
//! record), each a direct statement of its speaker.
//!
//! - [`turn_label`]: a paragraph opening with a speaker label and a colon (`MR PRICE:`,
//!   `Spokesperson Mao Ning:`, `Mr. Nebenzia (Russian Federation):`, `QUESTION (Reuters):`)
//!   or the White House `Q` alone before the question; the turn runs over the unlabelled
//!   paragraphs after it, up to the next label or stage direction;
//! - [`transcript`]: a document is a transcript when it has two labels or more and one of
//!   them is a question, answer, outlet or moderator label, is in upper case, or comes
//!   again: a single `Lavrov: …` line of a news story is left to the `colon_label` rule;
//! - [`stage_direction`]: `(Laughter.)`, `[inaudible]`, `* * *`, `END`, a time line: not
//!   statements; alone on a line they end a turn, at a turn's start or end they are left
//!   out of it;
//! - [`roles`]: a question label (`Q`, `QUESTION`, `AFP`) asks; an official's turn right
//!   after a question answers it when the question asks something (`?`) or the exchange is
//!   already one of questions and answers, else it is a statement (opening remarks, a
//!   hand-off, going on after a journalist's aside);
//! - [`speaker_of`]: the speaker is the full name the document gives for the label's last
//!   word (`MR PRICE` -> `Ned Price` of `… Ned Price …`, `THE PRESIDENT` -> `President
//!   Biden`), else the label itself; a question's speaker is the outlet in its label, or
//!   one `Journalist` of unknown kind; in an interview with unlabelled answers (a question
//!   paragraph ending in `?`, then a paragraph with no label) the answer is a turn with no
//!   label.
//!
//! The labels and stage directions are data: `lexicon/turns_labels.tsv`.

use super::super::words::COLON_HEADERS;
use super::super::{Found, Input};
use crate::output::record::{SpeakerKind, TurnRole};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &[
    "turn_label",
    "transcript",
    "stage_direction",
    "roles",
    "speaker_of",
];

/// How many tokens a label may take before its colon (`President of Russia Vladimir Putin`,
/// `QUESTION (Deutsche Welle)`).
const LABEL_TOKENS: usize = 12;

/// How many words a label may have, its parentheses aside.
const LABEL_WORDS: usize = 7;

/// How many words a name after `from` or `with` may have (`NATO Secretary General Jens
/// Stoltenberg`).
const NAME_WORDS: usize = 6;

/// How far from the end of a turn an introduction of the next questioner may start.
const INTRODUCTION_BYTES: usize = 160;

/// How many bytes a stage direction in brackets may take (`(As prepared for delivery)`).
const STAGE_BYTES: usize = 48;

/// What a label or a bracketed note is, from `turns_labels.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Question,
    Answer,
    Outlet,
    Moderator,
    Honorific,
    Stage,
}

static LABELS: LazyLock<FxHashMap<String, Class>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for row in crate::lexicon::rows(include_str!("../../../lexicon/turns_labels.tsv")) {
        let class = match row.get(1).copied() {
            Some("question") => Class::Question,
            Some("answer") => Class::Answer,
            Some("outlet") => Class::Outlet,
            Some("moderator") => Class::Moderator,
            Some("honorific") => Class::Honorific,
            Some("stage") => Class::Stage,
            _ => continue,
        };
        if let Some(form) = row.first() {
            m.insert(form.to_string(), class);
        }
    }
    // The news agencies are outlets too (`Xinhua:`, `TASS:`).
    for row in crate::lexicon::rows(include_str!("../../../lexicon/agencies.tsv")) {
        if let Some(alias) = row.first().filter(|a| !a.contains('.')) {
            m.entry(alias.to_lowercase()).or_insert(Class::Outlet);
        }
    }
    m
});

fn class_of(key: &str) -> Option<Class> {
    LABELS.get(key).copied()
}

/// Who speaks a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in super::super) enum TurnSpeaker {
    /// The mention at this span names the speaker: a full name the document gives, or the
    /// label itself.
    Mention(Span),
    /// A name made from the label, which no mention reads as: `MR PRICE` -> `Price`, `Q` ->
    /// `Journalist`.
    Named(String, SpeakerKind),
    /// The speaker of an earlier turn: the same label, or the interviewee of an `Answer:`.
    SameAs(usize),
    /// Nobody the document names.
    Nobody,
}

/// One turn of a transcript.
#[derive(Debug, Clone)]
pub(in super::super) struct Turn {
    /// The label as written, without its delimiter; empty for an unlabelled answer.
    pub(in super::super) label: Option<Span>,
    /// What the speaker says, over all the turn's paragraphs.
    pub(in super::super) content: Span,
    pub(in super::super) role: TurnRole,
    /// For an answer, the turn of the question.
    pub(in super::super) reply_to: Option<usize>,
    pub(in super::super) speaker: TurnSpeaker,
}

/// A label opening a paragraph.
#[derive(Debug, Clone)]
struct Label {
    /// Its words, without parentheses and delimiter.
    span: Span,
    /// What is in its parentheses (`Reuters` of `QUESTION (Reuters)`).
    paren: Option<Span>,
    /// Its first content token (the paragraph's end when the content starts on the next).
    content: usize,
    /// Its words in lower case, one space between, without parentheses.
    key: String,
    class: Option<Class>,
    /// The class of what is in its parentheses.
    paren_class: Option<Class>,
    /// All its letters are upper case.
    caps: bool,
    para: usize,
    /// Its last word's token.
    last: usize,
    /// Its paragraph ends a sentence (`.`, `?`, `!`, a closing quotation mark...).
    ends_sentence: bool,
}

/// Finds the turns, when the document is a transcript, and marks their label paragraphs.
pub(in super::super) fn run(inp: &Input, found: &mut Found) {
    let doc = &inp.doc;
    let mut labels: Vec<Label> = Vec::new();
    for (para, &(p0, p1)) in doc.para_toks.iter().enumerate() {
        if let Some(label) = turn_label(inp, para, p0, p1) {
            labels.push(label);
        }
    }
    if !transcript(&labels) {
        return;
    }
    for l in &labels {
        found.label_paras.push(l.para);
    }
    let turns = turns_of(inp, &labels);
    found.turns = turns;
}

/// The label opening paragraph `para` (tokens `p0..p1`), if any.
fn turn_label(inp: &Input, para: usize, p0: usize, p1: usize) -> Option<Label> {
    let doc = &inp.doc;
    let text = inp.text;
    let raw = |k: usize| doc.toks[k].span().slice(text);
    if p1 <= p0 + 1 {
        return None;
    }
    // The White House `Q` with no delimiter: `Q    Good afternoon.`
    if raw(p0) == "Q" {
        let after = &text[doc.toks[p0].span().end..doc.toks[p0 + 1].span().start];
        let delim = doc.is(p0 + 1, &[":", "."]);
        if delim || (!after.is_empty() && after.chars().all(char::is_whitespace)) {
            let span = doc.toks[p0].span();
            return Some(Label {
                span,
                paren: None,
                content: p0 + 1 + usize::from(delim),
                key: "q".to_string(),
                class: Some(Class::Question),
                paren_class: None,
                caps: true,
                para,
                last: p0,
                ends_sentence: ends_sentence(inp, p1),
            });
        }
    }
    let lim = p1.min(p0 + LABEL_TOKENS);
    let mut k = p0;
    let mut words = 0;
    let mut paren: Option<(usize, usize)> = None;
    let mut key = String::new();
    let mut caps = true;
    while k < lim && !doc.is(k, &[":"]) {
        let t = &doc.toks[k];
        let w = raw(k);
        if paren.is_some() {
            return None;
        }
        if t.word {
            let connector = k > p0 && matches!(doc.w(k), "of" | "for" | "and" | "de");
            if !t.cap && !connector {
                return None;
            }
            caps &= connector || !w.chars().any(char::is_lowercase);
            words += 1;
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(doc.w(k));
        } else if w == "(" {
            let close = (k + 1..lim).find(|&c| doc.is(c, &[")"]))?;
            paren = Some((k + 1, close));
            k = close;
        } else if !matches!(w, "." | "-" | "'" | "’") {
            return None;
        }
        k += 1;
    }
    if k >= lim || words == 0 || words > LABEL_WORDS || doc.in_class(p0, COLON_HEADERS) {
        return None;
    }
    // The colon ends the label: white space after it, and no number starting the content
    // (`Time: 10:00`).
    let colon_end = doc.toks[k].span().end;
    if !text[colon_end..].starts_with(char::is_whitespace) && k + 1 < p1 {
        return None;
    }
    if k + 1 < p1 && raw(k + 1).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let last_word = (p0..k)
        .rev()
        .find(|&j| doc.toks[j].word && paren.is_none_or(|(a, b)| j < a || j >= b))?;
    let span = Span::new(doc.toks[p0].span().start, doc.toks[last_word].span().end);
    let paren_span = paren.filter(|(a, b)| a < b).map(|(a, b)| doc.span(a, b));
    let paren_class = paren_span.and_then(|s| class_of(&s.slice(text).to_lowercase()));
    Some(Label {
        span: Span::new(
            span.start,
            paren.map_or(span.end, |(_, b)| doc.toks[b].span().end),
        ),
        paren: paren_span,
        content: k + 1,
        class: class_of(&key),
        key,
        paren_class,
        caps,
        para,
        last: last_word,
        ends_sentence: ends_sentence(inp, p1),
    })
}

/// Whether the paragraph ending before token `p1` ends a sentence.
fn ends_sentence(inp: &Input, p1: usize) -> bool {
    let last = inp.doc.toks[p1 - 1].span().slice(inp.text);
    matches!(
        last,
        "." | "?" | "!" | "…" | "\"" | "”" | "’" | "'" | ")" | "]" | ":" | "—" | "–" | "-" | ","
    )
}

/// Whether the labels make the document a transcript: two or more (or one `THE
/// PRESIDENT:`), most of their paragraphs ending a sentence (a digest of headlines does
/// not), one of them a question, answer, outlet or moderator label, a title in upper case,
/// or a label coming again (upper case alone is not enough: lists of states and their
/// rainfall in a 1987 wire story).
fn transcript(labels: &[Label]) -> bool {
    let sentences = labels.iter().filter(|l| l.ends_sentence).count();
    if labels.is_empty() || sentences * 2 <= labels.len() {
        return false;
    }
    // `THE PRESIDENT`, not `POPULATION` or `ARMED FORCES` of a factbox.
    let title = |l: &Label| l.caps && l.key.starts_with("the ") && titles_only(l);
    if labels.len() == 1 {
        return title(&labels[0]);
    }
    let mut seen = FxHashSet::default();
    labels.iter().any(|l| {
        let known = matches!(
            l.class,
            Some(Class::Question | Class::Answer | Class::Outlet | Class::Moderator)
        );
        known || title(l) || !seen.insert(l.key.as_str())
    })
}

/// Whether paragraph `p0..p1` is a stage direction or a note alone on its line
/// (`(Laughter.)`, `[inaudible]`, `* * *`, `END`, `2:02 p.m. EST`).
fn stage_direction(text: &str, para: Span) -> bool {
    let t = para.slice(text).trim();
    let bracketed = matches!(
        (t.chars().next(), t.chars().last()),
        (Some('('), Some(')')) | (Some('['), Some(']')) | (Some('<'), Some('>'))
    );
    let stars = t.contains('*') && t.chars().all(|c| c == '*' || c.is_whitespace());
    let time = t.len() <= 24
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.contains(':')
        && t.split_whitespace().skip(1).all(|w| w.len() <= 4);
    let lower = t.trim_end_matches('.').to_lowercase();
    let end_line = lower == "end" || (lower.starts_with("end ") && t.len() <= 24);
    bracketed || stars || time || end_line || class_of(&lower) == Some(Class::Stage)
}

/// Whether the bracketed note `inner` (without its brackets) is a stage direction: in the
/// lexicon, or a short capitalised phrase ending with a period (`Laughter.`, `In English.`).
fn stage_note(inner: &str) -> bool {
    let inner = inner.trim();
    let lower = inner.trim_end_matches('.').to_lowercase();
    class_of(&lower) == Some(Class::Stage)
        || (inner.ends_with('.')
            && inner.starts_with(char::is_uppercase)
            && inner.split_whitespace().count() <= 4)
}

/// `content` without stage directions in brackets at its start or end, and trimmed of white
/// space (no-break spaces too).
fn without_stage_notes(text: &str, mut s: Span) -> Span {
    loop {
        s = trim(text, s);
        let t = s.slice(text);
        let close = match t.chars().next() {
            Some('(') => ')',
            Some('[') => ']',
            _ => break,
        };
        match t[..t.len().min(STAGE_BYTES)].find(close) {
            Some(c) if c + 1 < t.len() && stage_note(&t[1..c]) => s.start += c + 1,
            _ => break,
        }
    }
    loop {
        s = trim(text, s);
        let t = s.slice(text);
        let open = match t.chars().last() {
            Some(')') => '(',
            Some(']') => '[',
            _ => break,
        };
        let from = t.len().saturating_sub(STAGE_BYTES);
        let from = (from..t.len())
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(t.len());
        match t[from..].rfind(open).map(|o| o + from) {
            Some(o) if o > 0 && stage_note(&t[o + 1..t.len() - 1]) => s.end = s.start + o,
            _ => break,
        }
    }
    s
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let start = s.start + (t.len() - t.trim_start().len());
    Span::new(start, start + t.trim().len())
}

/// The turns of a transcript from its labels.
fn turns_of(inp: &Input, labels: &[Label]) -> Vec<Turn> {
    let doc = &inp.doc;
    let text = inp.text;
    let para_span = |p: usize| {
        let (p0, p1) = doc.para_toks[p];
        (p1 > p0).then(|| doc.span(p0, p1))
    };
    // Interviews whose answers have no label: every label asks.
    let unlabelled_answers = labels
        .iter()
        .all(|l| matches!(l.class, Some(Class::Question)));
    let mut turns: Vec<Turn> = Vec::new();
    let mut label_turn: Vec<Option<usize>> = Vec::new();
    // The open turn: its start and end bytes, and its label.
    let mut open: Option<(usize, usize, Option<usize>)> = None;
    let mut next_label = 0;
    let first = labels.first().map_or(0, |l| l.para);
    for p in first..doc.para_toks.len() {
        let Some(ps) = para_span(p) else { continue };
        let label = labels.get(next_label).filter(|l| l.para == p);
        let is_stage = label.is_none() && stage_direction(text, ps);
        let asked = open.is_some_and(|(_, e, l)| {
            unlabelled_answers && l.is_some() && text[..e].trim_end().ends_with('?')
        });
        if label.is_some() || is_stage || asked {
            if let Some((s, e, l)) = open.take() {
                push_turn(inp, labels, &mut turns, &mut label_turn, Span::new(s, e), l);
            }
        }
        if let Some(l) = label {
            let (_, p1) = doc.para_toks[p];
            let start = if l.content < p1 {
                doc.toks[l.content].span().start
            } else {
                ps.end
            };
            open = Some((start, ps.end, Some(next_label)));
            next_label += 1;
        } else if asked {
            open = Some((ps.start, ps.end, None));
        } else if let Some((_, e, _)) = open.as_mut().filter(|_| !is_stage) {
            *e = ps.end;
        }
    }
    if let Some((s, e, l)) = open {
        push_turn(inp, labels, &mut turns, &mut label_turn, Span::new(s, e), l);
    }
    roles(text, labels, &label_turn, &mut turns);
    introduced_questioners(text, &mut turns);
    if turns.iter().any(|t| t.speaker == TurnSpeaker::Nobody) {
        let first = labels.first().map_or(0, |l| l.span.start);
        if let Some(guest) = interviewee(text, first) {
            for t in turns
                .iter_mut()
                .filter(|t| t.speaker == TurnSpeaker::Nobody)
            {
                t.speaker = TurnSpeaker::Mention(guest);
            }
        }
    }
    turns
}

/// A question whose asker the turn before introduces (`The next question is from Jon
/// Smith.`): that asker.
fn introduced_questioners(text: &str, turns: &mut [Turn]) {
    for i in 1..turns.len() {
        let anonymous = match &turns[i].speaker {
            TurnSpeaker::Named(_, SpeakerKind::Unknown) => true,
            TurnSpeaker::SameAs(k) => {
                matches!(
                    turns[*k].speaker,
                    TurnSpeaker::Named(_, SpeakerKind::Unknown)
                )
            }
            _ => false,
        };
        if turns[i].role != TurnRole::Question
            || !anonymous
            || turns[i - 1].role == TurnRole::Question
        {
            continue;
        }
        let before = turns[i - 1].content;
        let tail_start = (before.end.saturating_sub(INTRODUCTION_BYTES)..before.end)
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(before.end);
        let tail = &text[tail_start..before.end];
        let Some(f) = tail.rfind(" from ") else {
            continue;
        };
        let at = tail_start + f + " from ".len();
        if let Some(name) = capitalised_run(text, at, before.end).filter(|n| n.1 >= 2) {
            turns[i].speaker = TurnSpeaker::Mention(name.0);
        }
    }
}

/// The run of capitalised words (names, title words, initials) starting at byte `at`, up to
/// `end` and at most [`NAME_WORDS`] words: its span and its number of words.
fn capitalised_run(text: &str, at: usize, end: usize) -> Option<(Span, usize)> {
    let mut e = at;
    let mut words = 0;
    while words < NAME_WORDS {
        let r = &text[e..end];
        let skip = r.len() - r.trim_start_matches([' ', '\u{a0}']).len();
        if words > 0 && skip == 0 {
            break;
        }
        let r = &r[skip..];
        let len = r
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '.' || c == '\''))
            .unwrap_or(r.len());
        let w = r[..len].trim_end_matches('.');
        if w.is_empty() || !w.starts_with(char::is_uppercase) {
            break;
        }
        e += skip + w.len();
        words += 1;
    }
    (words > 0).then(|| (Span::new(at, e), words))
}

/// The guest of an interview, from the lines before its first label: the name after
/// `with` (`Interview with NATO Secretary General Jens Stoltenberg by …`).
fn interviewee(text: &str, first_label: usize) -> Option<Span> {
    let head = &text[..first_label];
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        return None;
    }
    let i = lower.find("interview")?;
    let w = lower[i..].find(" with ")? + i + " with ".len();
    capitalised_run(text, w, first_label)
        .filter(|&(_, n)| n >= 2)
        .map(|(s, _)| s)
}

/// Adds the turn of label `l` (an unlabelled answer when `None`) over `content`.
fn push_turn(
    inp: &Input,
    labels: &[Label],
    turns: &mut Vec<Turn>,
    label_turn: &mut Vec<Option<usize>>,
    content: Span,
    l: Option<usize>,
) {
    let content = without_stage_notes(inp.text, content);
    if content.is_empty() {
        return;
    }
    let speaker = match l {
        Some(l) => speaker_of(inp, labels, label_turn, l),
        None => TurnSpeaker::Nobody,
    };
    if let Some(l) = l {
        label_turn.resize(l + 1, None);
        label_turn[l] = Some(turns.len());
    }
    turns.push(Turn {
        label: l.map(|l| labels[l].span),
        content,
        role: TurnRole::Statement,
        reply_to: None,
        speaker,
    });
}

/// The class of label `l` as a turn: a question when its parentheses name an outlet
/// (`QUESTION (Reuters)`, `Sarah Kelly (Deutsche Welle)`).
fn turn_class(l: &Label) -> Option<Class> {
    match (l.class, l.paren_class) {
        (Some(Class::Outlet), _) | (_, Some(Class::Outlet)) => Some(Class::Question),
        (c, _) => c,
    }
}

/// The roles of the turns: questions ask; the turn after a question answers it when it asks
/// something or the exchange is already one of answers; the rest are statements.
fn roles(text: &str, labels: &[Label], label_turn: &[Option<usize>], turns: &mut [Turn]) {
    let class: Vec<Option<Class>> = {
        let mut of_turn = vec![None; turns.len()];
        for (l, t) in label_turn.iter().enumerate() {
            if let Some(t) = *t {
                of_turn[t] = turn_class(&labels[l]);
            }
        }
        of_turn
    };
    let class = interviewers(text, labels, label_turn, turns, class);
    for i in 0..turns.len() {
        if class[i] == Some(Class::Question) {
            turns[i].role = TurnRole::Question;
            continue;
        }
        let Some(q) = i
            .checked_sub(1)
            .filter(|&q| turns[q].role == TurnRole::Question)
        else {
            continue;
        };
        let asks = turns[q].content.slice(text).contains('?');
        let before = turns[..q]
            .iter()
            .rev()
            .find(|t| t.role != TurnRole::Question);
        let in_exchange = before.is_some_and(|t| t.role == TurnRole::Answer);
        if asks || in_exchange || class[i] == Some(Class::Answer) || turns[i].label.is_none() {
            turns[i].role = TurnRole::Answer;
            turns[i].reply_to = Some(q);
        }
    }
}

/// With no question label in the document, the labels whose turns mostly ask (`?` ending
/// most of them, two turns at least) are an interviewer's: their turns are questions.
fn interviewers(
    text: &str,
    labels: &[Label],
    label_turn: &[Option<usize>],
    turns: &[Turn],
    mut class: Vec<Option<Class>>,
) -> Vec<Option<Class>> {
    if class.contains(&Some(Class::Question)) {
        return class;
    }
    let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    let asks = |t: usize| turns[t].content.slice(text).trim_end().ends_with('?');
    for (l, t) in label_turn.iter().enumerate() {
        if let Some(t) = *t {
            let c = counts.entry(labels[l].key.as_str()).or_default();
            c.0 += 1;
            c.1 += usize::from(asks(t));
        }
    }
    for (l, t) in label_turn.iter().enumerate() {
        let asker = counts
            .get(labels[l].key.as_str())
            .is_some_and(|&(n, q)| n >= 2 && q * 2 > n);
        if let (Some(t), true) = (*t, asker) {
            class[t] = Some(Class::Question);
        }
    }
    class
}

/// The speaker of label `l`'s turn.
fn speaker_of(
    inp: &Input,
    labels: &[Label],
    label_turn: &[Option<usize>],
    l: usize,
) -> TurnSpeaker {
    let label = &labels[l];
    // The same label as before: the same speaker.
    let same = |k: &usize| {
        let other = &labels[*k];
        other.key == label.key
            && other.paren.map(|p| p.slice(inp.text)) == label.paren.map(|p| p.slice(inp.text))
    };
    if let Some(t) = (0..l)
        .rev()
        .find(same)
        .and_then(|k| label_turn.get(k).copied().flatten())
    {
        return TurnSpeaker::SameAs(t);
    }
    match turn_class(label) {
        // `QUESTION (Nordic Radio)`: the outlet or journalist named; not `(retranslated)`.
        Some(Class::Question) => match label
            .paren
            .filter(|p| p.slice(inp.text).starts_with(char::is_uppercase))
        {
            Some(p) => TurnSpeaker::Mention(p),
            None if label.class == Some(Class::Question) => {
                TurnSpeaker::Named("Journalist".to_string(), SpeakerKind::Unknown)
            }
            None => TurnSpeaker::Mention(label.span),
        },
        Some(Class::Answer) => (0..l)
            .rev()
            .filter(|&k| turn_class(&labels[k]).is_none())
            .find_map(|k| label_turn.get(k).copied().flatten())
            .map_or(TurnSpeaker::Nobody, TurnSpeaker::SameAs),
        Some(Class::Moderator) => TurnSpeaker::Mention(label.span),
        _ => named_speaker(inp, labels, label),
    }
}

/// The speaker of an official's label: the label when it gives a full name (`Wang
/// Wenbin`), else the full name the document gives (a lead sentence, an introduction, its
/// title line), else the label.
fn named_speaker(inp: &Input, labels: &[Label], label: &Label) -> TurnSpeaker {
    // `Wang Wenbin`, `President of Russia Vladimir Putin`: the name is in the label.
    if !label.caps && !titles_only(label) {
        if let (a, true) = name_start(inp, label.last) {
            return TurnSpeaker::Mention(inp.doc.span(a, label.last + 1));
        }
    }
    if let Some(full) = full_name(inp, labels, label) {
        return TurnSpeaker::Mention(full);
    }
    if !label.caps {
        return TurnSpeaker::Mention(label.span);
    }
    // `MR PRICE` with no `Price` anywhere else: `Price`.
    let words: Vec<&str> = label
        .key
        .split(' ')
        .filter(|w| !matches!(class_of(w), Some(Class::Honorific)))
        .collect();
    let name = words.last().map_or(String::new(), |w| title_case(w));
    if name.is_empty() {
        return TurnSpeaker::Mention(label.span);
    }
    TurnSpeaker::Named(name, SpeakerKind::Person)
}

/// The label's words but `the`.
fn label_words(label: &Label) -> Vec<&str> {
    label.key.split(' ').filter(|w| *w != "the").collect()
}

/// Whether the label is made of title words only (`THE PRESIDENT`, `NATO Secretary
/// General`).
fn titles_only(label: &Label) -> bool {
    // Short words before the last are acronyms or `of` (`NATO Secretary General`).
    let words = label_words(label);
    let n = words.len();
    words
        .iter()
        .enumerate()
        .all(|(i, w)| crate::analyse::speakers::is_title_word(w) || (i + 1 < n && w.len() <= 4))
}

/// `price` -> `Price`, `jean-pierre` -> `Jean-Pierre`.
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut up = true;
    for c in w.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == '-' || c == '\'';
    }
    out
}

/// The first mention of the label's speaker by full name outside the labels: the label's
/// last word written in mixed case after a first name or a title (`Ned Price`, `Press
/// Secretary Karine Jean-Pierre`), in the body or else in the header lines; for a label of
/// title words only (`THE PRESIDENT`, `NATO Secretary General`), those titles before a name
/// (`President Biden`).
fn full_name(inp: &Input, labels: &[Label], label: &Label) -> Option<Span> {
    let doc = &inp.doc;
    let text = inp.text;
    let words = label_words(label);
    let last = *words.last()?;
    let in_label = |t: usize| {
        let p = doc.toks[t].para();
        labels.binary_search_by_key(&p, |l| l.para).is_ok_and(|i| {
            let s = doc.toks[t].span();
            labels[i].span.start <= s.start && s.end <= labels[i].span.end
        })
    };
    let mixed = |t: usize| {
        let w = doc.toks[t].span().slice(text);
        doc.toks[t].word && doc.toks[t].cap && w.chars().any(char::is_lowercase)
    };
    let header_end = doc.toks.first().map_or(0, |t| t.span().start);
    if titles_only(label) {
        let n = words.len();
        let body = (0..doc.toks.len().saturating_sub(n)).find_map(|t| {
            let matches = (0..n).all(|i| doc.w(t + i) == words[i]);
            if !matches || in_label(t) || !mixed(t + n) {
                return None;
            }
            let mut e = t + n;
            while e < doc.toks.len() && e < t + n + 3 && mixed(e) {
                e += 1;
            }
            Some(doc.span(t, e))
        });
        return body.or_else(|| header_title_name(text, header_end, &words));
    }
    let mut title_only = None;
    for t in 1..doc.toks.len() {
        if doc.w(t) != last || !mixed(t) || in_label(t) {
            continue;
        }
        let (a, named) = name_start(inp, t);
        if named {
            return Some(doc.span(a, t + 1));
        }
        if a < t && title_only.is_none() {
            title_only = Some(doc.span(a, t + 1));
        }
    }
    header_name(text, header_end, last).or(title_only)
}

/// In the header lines (`text[..end]`), the first full name ending with `last` (lower case):
/// a first name and the title words before it (`Press Briefing by Press Secretary Karine
/// Jean-Pierre`).
fn header_name(text: &str, end: usize, last: &str) -> Option<Span> {
    let header = &text[..end];
    let lower = header.to_lowercase();
    // Lower-casing keeps the byte offsets of ASCII text only.
    if lower.len() != header.len() {
        return None;
    }
    let mut from = 0;
    let mut title_only = None;
    while let Some(i) = lower[from..].find(last).map(|i| i + from) {
        from = i + last.len();
        let word_end = !header[from..].starts_with(|c: char| c.is_alphanumeric());
        let word_start = !header[..i].ends_with(|c: char| c.is_alphanumeric() || c == '-');
        if !word_end || !word_start || !header[i..].starts_with(char::is_uppercase) {
            continue;
        }
        let (start, named) = header_words_back(header, i);
        if named {
            return Some(Span::new(start, from));
        }
        if start < i && title_only.is_none() {
            title_only = Some(Span::new(start, from));
        }
    }
    title_only
}

/// Where the name ending at byte `i` of `header` starts: one capitalised first name before
/// it, and the title words before that; and whether it has a first name.
fn header_words_back(header: &str, i: usize) -> (usize, bool) {
    let mut start = i;
    let mut named = false;
    let mut titles = false;
    let mut k = i;
    loop {
        let before = header[..k].trim_end_matches([' ', '\u{a0}']);
        if before.len() == k {
            break;
        }
        let w0 = before.rfind(|c: char| c.is_whitespace()).map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
        let w = &before[w0..];
        if !w.starts_with(char::is_uppercase)
            || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        {
            break;
        }
        if crate::analyse::speakers::is_title_word(w) {
            start = w0;
            titles = true;
        } else if !named && !titles {
            named = true;
            start = w0;
        } else {
            break;
        }
        k = w0;
    }
    (start, named)
}

/// In the header lines (`text[..end]`), the title words of a label followed by a name
/// (`Remarks by President Biden`).
fn header_title_name(text: &str, end: usize, words: &[&str]) -> Option<Span> {
    let header = &text[..end];
    let lower = header.to_lowercase();
    if lower.len() != header.len() || words.is_empty() {
        return None;
    }
    let phrase = words.join(" ");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&phrase).map(|i| i + from) {
        from = i + phrase.len();
        // The name: up to three capitalised words after the titles.
        let mut e = from;
        let mut count = 0;
        while count < 3 {
            let Some(r) = header[e..].strip_prefix(' ') else {
                break;
            };
            let len = r
                .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '.'))
                .unwrap_or(r.len());
            if len == 0 || !r.starts_with(char::is_uppercase) {
                break;
            }
            e += 1 + len;
            count += 1;
        }
        let word_start = !header[..i].ends_with(char::is_alphanumeric);
        if count > 0 && word_start {
            return Some(Span::new(i, e));
        }
    }
    None
}

/// The first token of the full name ending with token `t`: one first name (and initials)
/// before it, and the title words before those; and whether it has a first name.
fn name_start(inp: &Input, t: usize) -> (usize, bool) {
    let doc = &inp.doc;
    let text = inp.text;
    let raw = |k: usize| doc.toks[k].span().slice(text);
    let glued = |a: usize, b: usize| doc.toks[a].span().end == doc.toks[b].span().start;
    let same_para = |k: usize| doc.toks[k].para() == doc.toks[t].para();
    let mut a = t;
    let mut names = 0;
    let mut titles = false;
    while a > 0 && same_para(a - 1) {
        let k = a - 1;
        let w = raw(k);
        // `Jean-Pierre` in three tokens.
        if w == "-" && glued(k, a) && k > 0 {
            a = k;
            continue;
        }
        // An initial: `R.` of `Joseph R. Biden`.
        if w == "." && k > 0 && glued(k - 1, k) && raw(k - 1).chars().count() == 1 && !titles {
            a = k - 1;
            continue;
        }
        let tok = &doc.toks[k];
        if !tok.word || !tok.cap {
            break;
        }
        if crate::analyse::speakers::is_title_word(w) {
            titles = true;
            a = k;
            continue;
        }
        if titles || names >= 1 {
            break;
        }
        names += 1;
        a = k;
    }
    (a, names > 0)
}

#[cfg(test)]
mod tests {
    use crate::output::record::TurnRole::{self, Answer as A, Question as Q, Statement as S};
    use crate::parse::{paragraphs, quotes};
    use crate::span::Span;

    /// (role, content, reply_to as the index of a turn) of every turn of `text`.
    fn turns(text: &str) -> Vec<(TurnRole, String, Option<usize>)> {
        let paras = paragraphs::split(text, Span::new(0, text.len()));
        let qs = quotes::find(text, &paras);
        let doc = crate::text::tokenize(text, &paras, &qs, super::super::super::cue_starts());
        let a = super::super::super::attribute(text, &doc, &qs);
        let of_turn: Vec<usize> = (0..a.statements.len())
            .filter(|&i| a.statements[i].role.is_some())
            .collect();
        a.statements
            .iter()
            .filter_map(|s| {
                let reply = s
                    .reply_to
                    .map(|q| of_turn.iter().position(|&i| i == q).unwrap_or(usize::MAX));
                Some((s.role?, s.content.slice(text).to_string(), reply))
            })
            .collect()
    }

    type Case = (
        &'static str,
        &'static str,
        &'static [(TurnRole, &'static str, Option<usize>)],
    );

    /// Roles: a question asks; the turn after it answers when it asks something or the
    /// exchange is one of answers already; else a statement (greetings, hand-offs, going on
    /// after an aside).
    #[test]
    fn roles_table() {
        let cases: &[Case] = &[
            (
                "answer after a question",
                "MR HARLOW: Welcome.\n\nQUESTION: Is it on?\n\nMR HARLOW: Yes.",
                &[(S, "Welcome.", None), (Q, "Is it on?", None), (A, "Yes.", Some(1))],
            ),
            (
                "a greeting is not asked",
                "MS. WHITFIELD: Good morning.\n\nQ    Good morning.\n\nMS. WHITFIELD: Let us begin.",
                &[(S, "Good morning.", None), (Q, "Good morning.", None), (S, "Let us begin.", None)],
            ),
            (
                "an aside in an exchange of answers",
                "Q    Why?\n\nMR. ROE: Because.\n\nQ    Understood.\n\nMR. ROE: Good.",
                &[(Q, "Why?", None), (A, "Because.", Some(0)), (Q, "Understood.", None), (A, "Good.", Some(2))],
            ),
            (
                "interviewer by name",
                "Maria Lind: How are you?\n\nJens Berg: Fine.\n\nMaria Lind: And the summit?\n\nJens Berg: It went well.",
                &[(Q, "How are you?", None), (A, "Fine.", Some(0)), (Q, "And the summit?", None), (A, "It went well.", Some(2))],
            ),
            (
                "question and answer labels",
                "Question: Will you run?\n\nAnswer: No.\n\nQuestion: Why not?\n\nAnswer: Family.",
                &[(Q, "Will you run?", None), (A, "No.", Some(0)), (Q, "Why not?", None), (A, "Family.", Some(2))],
            ),
            (
                "hand-off after an answer",
                "Q    Why?\n\nMR. ROE: Because.\n\nMS. LEE: Next question.",
                &[(Q, "Why?", None), (A, "Because.", Some(0)), (S, "Next question.", None)],
            ),
        ];
        for (name, text, want) in cases {
            let want: Vec<_> = want
                .iter()
                .map(|&(r, c, q)| (r, c.to_string(), q))
                .collect();
            assert_eq!(turns(text), want, "{name}");
        }
    }

    /// Texts with labels that are not a transcript's turns.
    #[test]
    fn not_turns() {
        let cases: &[&str] = &[
            "Lavrov: Russia is ready for talks.\n\nThe talks begin on Monday.",
            "Date: 12 May\n\nSubject: Talks\n\nThe talks begin on Monday.",
            "Oper Shr: 1.20 dlrs vs 1.10\n\nOper Net: 12 mln vs 11 mln",
            "The plan has three parts: a ceasefire, talks and aid.\n\nSmith: it will fail.",
            "Background: The talks began in May.\n\nNote: The ministry did not comment.",
        ];
        for text in cases {
            assert_eq!(turns(text), vec![], "{text:?}");
        }
    }

    /// Stage directions: alone on a line they end a turn; at its start or end they are left
    /// out of it; inside, they stay.
    #[test]
    fn stage_directions() {
        let cases: &[(&str, bool)] = &[
            ("(Laughter.)", true),
            ("[inaudible]", true),
            ("* * *", true),
            ("END", true),
            ("END 2:41 P.M. EDT", true),
            ("2:02 p.m. EST", true),
            ("<…>", true),
            ("(As prepared for delivery)", true),
            ("We agree.", false),
            ("2022 was a hard year for all of us.", false),
        ];
        for &(line, want) in cases {
            assert_eq!(
                super::stage_direction(line, Span::new(0, line.len())),
                want,
                "{line}"
            );
        }
        let trims: &[(&str, &str)] = &[
            (
                "No, that is every day. (Laughter.)",
                "No, that is every day.",
            ),
            ("(Via interpreter) We agree.", "We agree."),
            ("We support APEC (the forum)", "We support APEC (the forum)"),
            ("It was (laughs) fine.", "It was (laughs) fine."),
        ];
        for &(t, want) in trims {
            let s = super::without_stage_notes(t, Span::new(0, t.len()));
            assert_eq!(s.slice(t), want);
        }
    }
}
