//! The speaker of a turn: the full name the document gives for its label (in the body, in
//! the header lines, in an interview's title, in a moderator's introduction of the next
//! questioner), else the label itself.

use super::{
    class_of, turn_class, Class, Input, Label, Turn, TurnSpeaker, INTRODUCTION_BYTES, NAME_WORDS,
};
use crate::span::Span;
use crate::vocab::{SpeakerKind, TurnRole};

/// The askers of the anonymous questions (`Q`, `QUESTION`): the journalist the turn before
/// introduces (`The next question is from Jon Smith.`, or a name alone on the last line:
/// `Jeff Mason.`) or who has the floor (introduced for an earlier question, with no
/// statement since), else the interviewer an interview's title names (`Interview … by Maria
/// Lind`), else one `Journalist`.
pub(super) fn questioners(text: &str, turns: &mut [Turn], first_label: usize) {
    // A `SameAs` chain leads back to the first turn of the label.
    let origin = |mut k: usize| {
        while let TurnSpeaker::SameAs(j) = turns[k].speaker {
            if j >= k {
                break;
            }
            k = j;
        }
        k
    };
    let anonymous: Vec<bool> = (0..turns.len())
        .map(|i| {
            turns[i].role == TurnRole::Question
                && matches!(
                    turns[origin(i)].speaker,
                    TurnSpeaker::Named(_, SpeakerKind::Unknown)
                )
        })
        .collect();
    let interviewer = interview_part(text, first_label, " by ");
    // The journalist given the floor keeps it for his follow-up questions, until a
    // statement (a hand-off: `Go ahead, Peter.`) or the next introduction.
    let mut floor: Option<Span> = None;
    for i in 0..turns.len() {
        if turns[i].role == TurnRole::Statement {
            floor = None;
        }
        if !anonymous[i] {
            continue;
        }
        let introduced = i
            .checked_sub(1)
            .filter(|&p| turns[p].role != TurnRole::Question)
            .and_then(|p| introduction(text, turns[p].content));
        floor = introduced.or(floor);
        turns[i].speaker = match floor.or(interviewer) {
            Some(name) => TurnSpeaker::Mention(name),
            None => TurnSpeaker::Named("Journalist".to_string(), SpeakerKind::Unknown),
        };
    }
}

/// The journalist named at the end of a turn: after `from` (`the next question is from Jon
/// Smith`), or alone on its last line (`Jeff Mason.`).
fn introduction(text: &str, before: Span) -> Option<Span> {
    let tail_start = (before
        .end
        .saturating_sub(INTRODUCTION_BYTES)
        .max(before.start)..before.end)
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(before.end);
    let tail = &text[tail_start..before.end];
    if let Some(f) = tail.rfind(" from ") {
        let at = tail_start + f + " from ".len();
        if let Some((name, _)) = capitalised_run(text, at, before.end).filter(|n| n.1 >= 2) {
            return Some(name);
        }
    }
    let line = tail.rfind('\n').map(|n| tail_start + n + 1)?;
    let line = Span::new(line, before.end);
    let t = line.slice(text).trim_start();
    let at = line.end - t.len();
    let (name, words) = capitalised_run(text, at, before.end)?;
    let rest = text[name.end..before.end].trim();
    ((2..=3).contains(&words) && matches!(rest, "." | "")).then_some(name)
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

/// The guest of an interview, from the lines before its first label: the name whose
/// interview it is, the name after `Interview of` (`Interview of Minister of Foreign Affairs
/// Tomas Varga for the daily …`), or the name after `with` (`Interview with NATO Secretary
/// General Jens Stoltenberg by …`).
pub(super) fn interviewee(text: &str, first_label: usize) -> Option<Span> {
    interview_owner(text, first_label)
        .or_else(|| interview_of(text, first_label))
        .or_else(|| interview_part(text, first_label, " with "))
}

/// In an interview's title, the title and name after `Interview of`: capitalised words and
/// the small words between them (`Minister of Foreign Affairs Tomas Varga`), up to the first
/// other word (`for`, `to`, `with`), two capitalised words at least.
fn interview_of(text: &str, first_label: usize) -> Option<Span> {
    const JOINS: [&str; 3] = ["of", "the", "and"];
    let head = &text[..first_label];
    let at = ["Interview of ", "interview of ", "INTERVIEW OF "]
        .iter()
        .filter_map(|p| head.find(p).map(|i| i + p.len()))
        .min()?;
    let line_end = head[at..].find('\n').map_or(head.len(), |n| at + n);
    let (mut end, mut capitalised, mut pos) = (at, 0, at);
    for w in head[at..line_end].split(' ') {
        let word = w.trim_end_matches([',', '.']);
        if word.starts_with(char::is_uppercase) {
            capitalised += 1;
            end = pos + word.len();
        } else if !JOINS.contains(&word) {
            break;
        }
        pos += w.len() + 1;
    }
    (capitalised >= 2).then(|| Span::new(at, end))
}

/// In an interview's title, the name whose interview it is (`Foreign Minister Ana Ferrer’s
/// interview with the Daily Courier`): the capitalised words before `'s interview`, two
/// at least, the title words among them.
fn interview_owner(text: &str, first_label: usize) -> Option<Span> {
    let head = &text[..first_label];
    let at = [
        "’s interview",
        "'s interview",
        "’s Interview",
        "'s Interview",
    ]
    .iter()
    .filter_map(|p| head.find(p))
    .min()?;
    let line = head[..at].rfind('\n').map_or(0, |n| n + 1);
    let mut start = at;
    let mut words = 0;
    for w in head[line..at].split(' ').rev() {
        if !w.starts_with(char::is_uppercase)
            || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        {
            break;
        }
        start -= w.len() + usize::from(start < at);
        words += 1;
    }
    (words >= 2).then(|| Span::new(start, at))
}

/// In an interview's title (the lines before its first label, holding `interview`), the name
/// after `word` (` with `, ` by `).
fn interview_part(text: &str, first_label: usize, word: &str) -> Option<Span> {
    let head = &text[..first_label];
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        return None;
    }
    let i = lower.find("interview")?;
    let w = lower[i..].find(word)? + i + word.len();
    capitalised_run(text, w, first_label)
        .filter(|&(_, n)| n >= 2)
        .map(|(s, _)| s)
}

/// The speaker of label `l`'s turn.
pub(super) fn speaker_of(
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
pub(super) fn titles_only(label: &Label) -> bool {
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
        let p = doc.para_of(t);
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
        // A meeting record's list of participants: `President:   Ms. Haugland …… (Ostmark)`;
        // the name alone is the mention.
        let listed = header[from..].starts_with(':');
        let name_start = from + usize::from(listed);
        // The name: up to three capitalised words after the titles.
        let mut e = name_start;
        let mut count = 0;
        while count < 3 {
            let r = &header[e..];
            let gap = r.len() - r.trim_start_matches([' ', '\u{a0}']).len();
            if gap == 0 || (gap > 1 && !(listed && count == 0)) {
                break;
            }
            let r = &r[gap..];
            let len = r
                .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '.'))
                .unwrap_or(r.len());
            if len == 0 || !r.starts_with(char::is_uppercase) {
                break;
            }
            if count == 0 {
                e += gap - usize::from(!listed);
            }
            e += usize::from(count > 0 || !listed) + len;
            count += 1;
        }
        let word_start = !header[..i].ends_with(char::is_alphanumeric);
        if count > 0 && word_start {
            let name = header[name_start..e].trim_start();
            return Some(match listed {
                true => Span::new(e - name.len(), e),
                false => Span::new(i, e),
            });
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
    let same_para = |k: usize| doc.para_of(k) == doc.para_of(t);
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
