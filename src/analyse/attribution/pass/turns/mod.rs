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
//!   after a question answers it when the question asks something (`?`), addresses him by
//!   his title or name (`Secretary General Stoltenberg, welcome.`) or the exchange is
//!   already one of questions and answers, else it is a statement (opening remarks, a
//!   hand-off, going on after a journalist's aside); a second official's turn of some
//!   length after another's answer answers the question of the exchange that named him;
//! - [`speaker_of`]: the speaker is the full name the document gives for the label's last
//!   word (`MR PRICE` -> `Ned Price` of `… Ned Price …`, `THE PRESIDENT` -> `President
//!   Biden`), else the label itself; a question's speaker is the outlet in its label, or
//!   one `Journalist` of unknown kind (the journalist introduced keeps the floor for his
//!   follow-ups until a hand-off); in an interview with unlabelled answers (`Q:` labels,
//!   or one named interviewer's, on paragraphs ending in `?`, then a paragraph with no
//!   label) the answer is a turn with no label, spoken by the guest the title names
//!   (`Interview with X`, `X’s interview with …`).
//!
//! The labels and stage directions are data: `lexicon/turns_labels.tsv`.

mod speaker;

use super::super::words::COLON_HEADERS;
use super::super::{Found, Input};
use crate::span::Span;
use crate::vocab::{SpeakerKind, TurnRole};
use rustc_hash::{FxHashMap, FxHashSet};
use speaker::{interviewee, questioners, speaker_of, titles_only};
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

/// How many tokens a stage note after a delegate's label may add (`(spoke in French)`).
const NOTE_TOKENS: usize = 6;

/// How many words a label may have, its parentheses aside.
const LABEL_WORDS: usize = 7;

/// How many words a name after `from` or `with` may have (`NATO Secretary General Jens
/// Stoltenberg`).
const NAME_WORDS: usize = 6;

/// How far from the end of a turn an introduction of the next questioner may start.
const INTRODUCTION_BYTES: usize = 160;

/// How many words a turn after another official's answer has when it answers the same
/// question too (shorter, it hands over: `Go ahead, Peter.`).
const SECOND_ANSWER_WORDS: usize = 20;

/// How many turns back a second official's answer may reach for the question put to him.
const EXCHANGE_TURNS: usize = 8;

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
    Language,
}

static LABELS: LazyLock<FxHashMap<String, Class>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for row in crate::lexicon::rows(include_str!("../../../../lexicon/turns_labels.tsv")) {
        let class = match row.get(1).copied() {
            Some("question") => Class::Question,
            Some("answer") => Class::Answer,
            Some("outlet") => Class::Outlet,
            Some("moderator") => Class::Moderator,
            Some("honorific") => Class::Honorific,
            Some("stage") => Class::Stage,
            Some("language") => Class::Language,
            _ => continue,
        };
        if let Some(form) = row.first() {
            m.insert(form.to_string(), class);
        }
    }
    // The news agencies are outlets too (`Xinhua:`, `TASS:`).
    for row in crate::lexicon::rows(include_str!("../../../../lexicon/agencies.tsv")) {
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
    if p1 <= p0 + 1 {
        return None;
    }
    if let Some(q) = q_label(inp, para, p0, p1) {
        return Some(q);
    }
    let scan = scan_label(inp, p0, p1)?;
    let k = scan.colon;
    if scan.words == 0 || scan.words > LABEL_WORDS || doc.in_class(p0, COLON_HEADERS) {
        return None;
    }
    // The colon ends the label: white space after it, and no number starting the content
    // (`Time: 10:00`).
    let colon_end = doc.toks[k].span().end;
    if !text[colon_end..].starts_with(char::is_whitespace) && k + 1 < p1 {
        return None;
    }
    if k + 1 < p1
        && doc.toks[k + 1]
            .span()
            .slice(text)
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let paren = scan.paren;
    let last_word = (p0..k)
        .rev()
        .find(|&j| doc.toks[j].word && paren.is_none_or(|(a, b)| j < a || j >= b))?;
    let end = paren.map_or(doc.toks[last_word].span().end, |(_, b)| {
        doc.toks[b].span().end
    });
    let paren_span = paren.filter(|(a, b)| a < b).map(|(a, b)| doc.span(a, b));
    let paren_class = paren_span.and_then(|s| class_of(&s.slice(text).to_lowercase()));
    Some(Label {
        span: Span::new(doc.toks[p0].span().start, end),
        paren: paren_span,
        content: k + 1,
        class: class_of(&scan.key),
        key: scan.key,
        paren_class,
        caps: scan.caps,
        para,
        last: last_word,
        ends_sentence: ends_sentence(inp, p1),
    })
}

/// The White House `Q` with no delimiter (`Q    Good afternoon.`), or with one (`Q:`,
/// `Q.`).
fn q_label(inp: &Input, para: usize, p0: usize, p1: usize) -> Option<Label> {
    let doc = &inp.doc;
    let text = inp.text;
    if doc.toks[p0].span().slice(text) != "Q" {
        return None;
    }
    let after = &text[doc.toks[p0].span().end..doc.toks[p0 + 1].span().start];
    let delim = doc.is(p0 + 1, &[":", "."]);
    let spaced = !after.is_empty() && after.chars().all(char::is_whitespace);
    (delim || spaced).then(|| Label {
        span: doc.toks[p0].span(),
        paren: None,
        content: p0 + 1 + usize::from(delim),
        key: "q".to_string(),
        class: Some(Class::Question),
        paren_class: None,
        caps: true,
        para,
        last: p0,
        ends_sentence: ends_sentence(inp, p1),
    })
}

/// The words of a label before its colon.
struct LabelScan {
    /// The colon's token.
    colon: usize,
    words: usize,
    /// The tokens inside its parentheses.
    paren: Option<(usize, usize)>,
    key: String,
    caps: bool,
}

/// Reads capitalised words (and `of`, `for`, `and`, `de` inside), periods, hyphens and one
/// parenthesis at the end from token `p0` to a colon, within [`LABEL_TOKENS`].
fn scan_label(inp: &Input, p0: usize, p1: usize) -> Option<LabelScan> {
    let doc = &inp.doc;
    let mut lim = p1.min(p0 + LABEL_TOKENS);
    // A note on the language after a delegate's label may carry the colon further.
    let reach = p1.min(lim + NOTE_TOKENS);
    // Most paragraphs of a news story open with no colon at all: rule them out before the
    // scan builds the label's key.
    if !inp.may_hold_colon(p0, reach) || !(p0..reach).any(|k| doc.is(k, &[":"])) {
        return None;
    }
    let mut k = p0;
    let mut scan = LabelScan {
        colon: p0,
        words: 0,
        paren: None,
        key: String::new(),
        caps: true,
    };
    while k < lim && !doc.is(k, &[":"]) {
        let t = &doc.toks[k];
        let w = t.span().slice(inp.text);
        if scan.paren.is_some() {
            // `Ms. Lemaire (France) (spoke in French):`: a stage note after the delegation
            // is no part of the label.
            if w != "(" {
                return None;
            }
            let close = (k + 1..reach).find(|&c| doc.is(c, &[")"]))?;
            if !stage_note(doc.span(k + 1, close).slice(inp.text)) {
                return None;
            }
            k = close + 1;
            lim = reach;
            continue;
        }
        if t.word {
            let connector = k > p0 && matches!(doc.w(k), "of" | "for" | "and" | "de");
            if !t.cap && !connector {
                return None;
            }
            scan.caps &= connector || !w.chars().any(char::is_lowercase);
            scan.words += 1;
            if !scan.key.is_empty() {
                scan.key.push(' ');
            }
            scan.key.push_str(doc.w(k));
        } else if w == "(" {
            let close = (k + 1..lim).find(|&c| doc.is(c, &[")"]))?;
            scan.paren = Some((k + 1, close));
            k = close;
        } else if !matches!(w, "." | "-" | "'" | "’") {
            return None;
        }
        k += 1;
    }
    scan.colon = k;
    (k < lim).then_some(scan)
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
/// a delegate's label of a meeting record, or a label coming again (upper case alone is not enough: lists of states and their
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
        known || title(l) || delegate(l) || !seen.insert(l.key.as_str())
    })
}

/// A delegate's label in a meeting record: a courtesy word, a name and the delegation in
/// parentheses (`Mr. Nebenzia (Russian Federation)`, `Ms. Lindqvist (Nordmark)`).
fn delegate(l: &Label) -> bool {
    let first = l.key.split(' ').next().unwrap_or("");
    l.paren.is_some() && l.key.contains(' ') && class_of(first) == Some(Class::Honorific)
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
    // `spoke in French`: a language note, whatever the language
    let language = lower
        .rsplit_once(' ')
        .is_some_and(|(head, _)| class_of(head) == Some(Class::Language));
    class_of(&lower) == Some(Class::Stage)
        || language
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
    let unlabelled_answers = unlabelled_answers(inp, labels);
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
    let first = labels.first().map_or(0, |l| l.span.start);
    questioners(text, &mut turns, first);
    if turns.iter().any(|t| t.speaker == TurnSpeaker::Nobody) {
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

/// Whether the document is an interview whose answers have no label: every label asks
/// (`Q:`, `Question:`), or one interviewer is named on every label (`Maria Lind:`, twice
/// at least) and most of the labelled paragraphs end with a question mark.
fn unlabelled_answers(inp: &Input, labels: &[Label]) -> bool {
    if labels
        .iter()
        .all(|l| matches!(l.class, Some(Class::Question)))
    {
        return true;
    }
    let doc = &inp.doc;
    let asks = labels
        .iter()
        .filter(|l| {
            let (_, p1) = doc.para_toks[l.para];
            doc.toks[p1 - 1].span().slice(inp.text) == "?"
        })
        .count();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| l.class.is_none() && l.key == labels[0].key)
        && asks * 2 > labels.len()
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
    let mut key: Vec<Option<&str>> = vec![None; turns.len()];
    for (l, t) in label_turn.iter().enumerate() {
        if let Some(t) = *t {
            key[t] = Some(labels[l].key.as_str());
        }
    }
    for i in 0..turns.len() {
        if class[i] == Some(Class::Question) {
            turns[i].role = TurnRole::Question;
            continue;
        }
        if let Some(q) = second_answer(text, turns, &key, i) {
            turns[i].role = TurnRole::Answer;
            turns[i].reply_to = Some(q);
            continue;
        }
        let Some(q) = i
            .checked_sub(1)
            .filter(|&q| turns[q].role == TurnRole::Question)
        else {
            continue;
        };
        // A question that asks (`?`), or that addresses the official by his title or name
        // (`Secretary General Stoltenberg, welcome to the programme.`): he answers it.
        let asks = turns[q].content.slice(text).contains('?')
            || key[i].is_some_and(|k| names(turns[q].content.slice(text), k));
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

/// A second official answering a question put to both (a joint press conference): a turn
/// of some length right after another official's answer, to the latest question of the
/// exchange (back to its last statement, at most [`EXCHANGE_TURNS`] turns) that names
/// him; that question's turn.
fn second_answer(text: &str, turns: &[Turn], key: &[Option<&str>], i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    let label = |t: &Turn| t.label.map(|l| l.slice(text));
    if turns[p].role != TurnRole::Answer
        || label(&turns[p]) == label(&turns[i])
        || turns[i].content.slice(text).split_whitespace().count() < SECOND_ANSWER_WORDS
    {
        return None;
    }
    let k = key[i]?;
    (p.saturating_sub(EXCHANGE_TURNS)..p)
        .rev()
        .take_while(|&q| turns[q].role != TurnRole::Statement)
        .find(|&q| turns[q].role == TurnRole::Question && names(turns[q].content.slice(text), k))
}

/// Whether a question names the official of label `key` (`Mr. Secretary General` for
/// `SECRETARY GENERAL STOLTENBERG`): one of the label's words of four letters or more.
fn names(question: &str, key: &str) -> bool {
    let q = question.to_lowercase();
    let mut said = q.split(|c: char| !(c.is_alphanumeric() || c == '-'));
    let named: Vec<&str> = key.split(' ').filter(|w| w.len() >= 4).collect();
    !named.is_empty() && said.any(|w| named.contains(&w))
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

#[cfg(test)]
mod tests;
