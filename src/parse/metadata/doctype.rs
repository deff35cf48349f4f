//! What kind of document a story is (`metadata.doc_type`), which institution issues it
//! (`metadata.issuer`), and, for a transcript, where its header ends.
//!
//! A news story is a `wire_story` whatever it reports: a dateline, or an agency credit that
//! is not an issuer's own name, says so at once, and nothing else is read. A dateline that is
//! a line of its own (`Port Selva, 12 April 2027`) gives way to a title that opens with its
//! type (`Joint Statement of ...`). Otherwise the document is read from its top (at most
//! [`SCAN_LINES`] lines and [`SCAN_BYTES`] bytes):
//!
//! - the title: the headline, or the first line under the header lines it heads (the issuer's
//!   name or office, a document symbol, a type label such as `READOUT`, dates);
//! - the title line's cues (`Remarks by ...`, `... Regular Press Conference on ...`,
//!   `Readout of ...`, `Joint Statement ...`), the most specific winning;
//! - lines that only a meeting record has (`The meeting was called to order ...`);
//! - speaker turns (`MR PRICE:`, `Q    Good afternoon.`, `Spokesperson Mao Ning:`,
//!   `Sarah Kelly (Deutsche Welle):`) and their shape: questions from journalists
//!   (`QUESTION:`, `Q`, an outlet) make a briefing, questions from a single named person or
//!   `Answer:` turns an interview, turns without questions remarks;
//! - the issuer: a line naming it at the top (`THE WHITE HOUSE`), one of its offices
//!   (`Office of the Spokesperson`), a title only it uses (`Department Press Briefing`), a
//!   speaker label (`NATO Secretary General:`), and last the name mentioned most in the
//!   opening of the document.
//!
//! A document with an issuer but no other cue is a `statement`; one with no cue at all a
//! `wire_story`. In a transcript the lines between the title and the first turn (date, time,
//! place and speaker lists) are header: the body starts at the first turn.
//!
//! Cues live in `src/lexicon/metadata_doc_types.tsv` and `src/lexicon/metadata_issuers.tsv`.

use super::calendar::read_date;
use super::lex;
use super::text::{line_at, Line};
use super::top::{furniture_line, line_date};
use super::StoryDate;
use crate::lexicon::{rows, Initials};
use crate::span::Span;
use crate::vocab::DocType;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// The most lines read for turns and header lines.
const SCAN_LINES: usize = 80;
/// How far from the top turns and header lines are looked for, in bytes.
const SCAN_BYTES: usize = 16_000;
/// The longest line looked at whole.
const LINE_WINDOW: usize = 2000;
/// How far into a line its speaker label's delimiter may be, in bytes.
const LABEL_BYTES: usize = 80;
/// The most words of a speaker label (without its parenthesis).
const LABEL_WORDS: usize = 8;
/// The fewest turns, from at least two speakers, that make a transcript.
const MIN_TURNS: usize = 3;
/// The most non-blank header lines between the body's start and the first turn.
const HEADER_LINES: usize = 16;
/// How far from its end a title's date may start, in bytes.
const TITLE_DATE_BYTES: usize = 40;
/// The longest title line.
const MAX_TITLE: usize = 250;
/// The fewest words of a title that outweighs a dateline on a line of its own (`Joint
/// Statement on ...`; a lone `remarks` over a news story's dateline does not).
const TITLE_WORDS: usize = 3;
/// The longest line read as a place line (`East Room`, `The Kremlin, Moscow`).
const PLACE_BYTES: usize = 60;

/// The doc types, most specific first: the first one a title's cues name wins.
const SPECIFICITY: [DocType; 8] = [
    DocType::MeetingRecord,
    DocType::JointStatement,
    DocType::Readout,
    DocType::Interview,
    DocType::PressConference,
    DocType::Briefing,
    DocType::Remarks,
    DocType::Statement,
];

/// The cues of `metadata_doc_types.tsv`, lower-cased, with curly apostrophes made straight.
struct DocCues {
    title_start: Vec<(String, DocType)>,
    title: Vec<(String, DocType)>,
    label: Vec<(String, DocType)>,
    news_title: Vec<String>,
    line: Vec<(String, DocType)>,
    question: Vec<String>,
    answer: Vec<String>,
    not_label: Vec<String>,
    list_label: Vec<String>,
    speaker_title: Vec<String>,
    institution: Vec<String>,
    agenda: Vec<String>,
}

static DOC_CUES: LazyLock<DocCues> = LazyLock::new(|| {
    let mut c = DocCues {
        title_start: Vec::new(),
        title: Vec::new(),
        label: Vec::new(),
        news_title: Vec::new(),
        line: Vec::new(),
        question: Vec::new(),
        answer: Vec::new(),
        not_label: Vec::new(),
        list_label: Vec::new(),
        speaker_title: Vec::new(),
        institution: Vec::new(),
        agenda: Vec::new(),
    };
    for r in rows(include_str!("../../lexicon/metadata_doc_types.tsv")) {
        let [class, cue, doc_type, ..] = r[..] else {
            continue;
        };
        let cue = fold(cue);
        match (class, DocType::from_name(doc_type)) {
            ("title_start", Some(d)) => c.title_start.push((cue, d)),
            ("title", Some(d)) => c.title.push((cue, d)),
            ("label", Some(d)) => c.label.push((cue, d)),
            ("news_title", _) => c.news_title.push(cue),
            ("line", Some(d)) => c.line.push((cue, d)),
            ("question_label", _) => c.question.push(cue),
            ("answer_label", _) => c.answer.push(cue),
            ("not_label", _) => c.not_label.push(cue),
            ("list_label", _) => c.list_label.push(cue),
            ("speaker_title", _) => c.speaker_title.push(cue),
            ("institution", _) => c.institution.push(cue),
            ("agenda", _) => c.agenda.push(cue),
            _ => {}
        }
    }
    c
});

/// Where an issuer cue is read (the `where` column of `metadata_issuers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Name,
    Title,
    Line,
    Label,
}

/// The rows of `metadata_issuers.tsv`: issuer, where, cue (folded; a title cue's parts).
static ISSUERS: LazyLock<Vec<(&'static str, Where, Vec<String>)>> = LazyLock::new(|| {
    rows(include_str!("../../lexicon/metadata_issuers.tsv"))
        .filter_map(|r| {
            let [issuer, place, cue, ..] = r[..] else {
                return None;
            };
            let place = match place {
                "name" => Where::Name,
                "title" => Where::Title,
                "line" => Where::Line,
                "label" => Where::Label,
                _ => return None,
            };
            Some((issuer, place, cue.split(" & ").map(fold).collect()))
        })
        .collect()
});

/// True when `name` is an issuer's (`The White House`): a credit naming it is no agency's.
pub(super) fn is_issuer(name: &str) -> bool {
    ISSUERS.iter().any(|&(issuer, ..)| issuer == name)
}

/// Lower case, curly apostrophes straight, runs of white space (also U+00A0) one space.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            // The common case, several times faster than lower-casing char by char.
            let from = out.len();
            out.push_str(w);
            out[from..].make_ascii_lowercase();
            continue;
        }
        out.extend(w.chars().flat_map(char::to_lowercase).map(|c| match c {
            '’' | '‘' => '\'',
            c => c,
        }));
    }
    out
}

/// True when `cue` is in `hay` (both folded) between word boundaries.
fn has_word(hay: &str, cue: &str) -> bool {
    hay.match_indices(cue)
        .any(|(i, _)| bounded(hay, i, i + cue.len()))
}

/// True when `hay[i..j]` has no letter or digit just before or after it.
fn bounded(hay: &str, i: usize, j: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = hay[..i].chars().next_back();
    let after = hay[j..].chars().next();
    // A cue that starts or ends in a non-word character (`'s call with`, `s/pv.`) needs no
    // boundary there.
    let cue_start = hay[i..j].chars().next();
    let cue_end = hay[i..j].chars().next_back();
    (!alnum(cue_start) || !alnum(before)) && (!alnum(cue_end) || !alnum(after))
}

/// True when folded `line` starts with `cue` and a word boundary follows.
fn starts_word(line: &str, cue: &str) -> bool {
    line.starts_with(cue) && bounded(line, 0, cue.len())
}

/// What the reader found.
#[derive(Debug, Clone, Default)]
pub(super) struct Reading {
    /// The document type; `None` only for an empty text.
    pub doc_type: Option<DocType>,
    /// The issuer, for a document that is not a wire story: a name of the lexicon, or the
    /// title line of an institution it does not list.
    pub issuer: Option<Cow<'static, str>>,
    /// Where the body starts when its header runs further (or less far) than the top reader
    /// took: a transcript's first turn.
    pub body_start: Option<usize>,
    /// The headline the top reader took is a turn, a time or a stage direction.
    pub drop_headline: bool,
    /// The title, when the line the top reader took as headline names the issuer
    /// (`Ministry of Foreign Affairs of the Russian Federation`) and the title follows it.
    pub headline: Option<String>,
    /// A date line in the header.
    pub date: Option<StoryDate>,
    /// A place or venue line in the header (`East Room`).
    pub place: Option<String>,
}

/// What [`read`] needs from the rest of the metadata reader.
pub(super) struct Found<'t> {
    /// Where the story's own text starts (after header lines).
    pub content_start: usize,
    /// The body as the top reader found it.
    pub body: Span,
    /// The headline and where its line starts.
    pub headline: Option<&'t str>,
    /// A dateline on a line with text, or an agency that is not an issuer, credits the story.
    pub wire: bool,
    /// The only credit is a dateline that is a line of its own (`Port Selva, 12 April 2027`):
    /// a news story's, unless the title says the document is an official one.
    pub bare_dateline: bool,
}

/// One speaker turn: where its line starts and what its label says.
#[derive(Debug, Clone, Copy)]
struct Turn<'t> {
    start: usize,
    label: &'t str,
    question: bool,
    answer: bool,
    ends_with_question: bool,
    /// The label reads as a speaker rather than a section or place (`BAGHDAD:`, `Bonds:`):
    /// a question or answer label, or two words or more (`MR PRICE`, `Sarah Kelly (DW)`).
    speaker: bool,
}

/// Reads the type, issuer and header of the document `text`.
pub(super) fn read(text: &str, found: &Found<'_>) -> Reading {
    if text.trim().is_empty() {
        return Reading::default();
    }
    let wire = Reading {
        doc_type: Some(DocType::WireStory),
        ..Reading::default()
    };
    if found.wire {
        return wire;
    }
    // Whether the headline is an institution's name, read once for the two places that ask.
    let institution = OnceCell::new();
    let title = Title::read(text, found, &institution);
    if found.bare_dateline && !title.outweighs_dateline() {
        return wire;
    }
    let scan = scan(text, found.content_start);
    let layout = scan.layout();
    let issuer = issuer_named(
        found,
        &scan,
        (title.folded.as_deref(), &title.cues),
        layout,
        &institution,
    );
    let doc_type = if scan.meeting {
        layout
    } else {
        title.doc_type.or(layout)
    }
    .or(issuer.as_ref().map(|_| DocType::Statement))
    .unwrap_or(DocType::WireStory);
    let mut reading = Reading {
        doc_type: Some(doc_type),
        ..Reading::default()
    };
    if doc_type == DocType::WireStory {
        return reading;
    }
    read_headline(
        text,
        found,
        title.retitled,
        (doc_type, layout),
        &mut reading,
    );
    // A transcript's issuer is the one it names most (a joint statement or a readout that
    // mentions `the Security Council` is not issued by it); its opening turn ends where the
    // second starts.
    let opening_end = scan.turns.get(1).map_or(text.len(), |t| t.start);
    let mentioned = |_| mentioned_issuer(text, found.content_start, opening_end);
    reading.issuer = issuer.or_else(|| layout.and_then(mentioned).map(Cow::Borrowed));
    if layout.is_some() {
        if let Some(first) = scan.turns.first() {
            header::header(text, found, first.start, &mut reading);
        }
    }
    reading
}

/// The headline, body start and date of a document that is not a wire story: the title found
/// under its header lines (`retitled`), or a meeting record's agenda item.
fn read_headline(
    text: &str,
    found: &Found<'_>,
    retitled: Option<&str>,
    (doc_type, layout): (DocType, Option<DocType>),
    reading: &mut Reading,
) {
    reading.headline = retitled.map(str::to_string);
    if layout.is_none() {
        reading.body_start = retitled.and_then(|t| body_after_title(text, found, t));
    }
    if doc_type == DocType::MeetingRecord {
        if let Some(item) = agenda_item(text, found.content_start) {
            reading.headline = Some(item.to_string());
        }
    }
    reading.date = retitled.or(found.headline).and_then(title_date);
}

/// A document's title: the headline, or the line under the header lines it heads.
struct Title<'t> {
    /// The line under the header lines, when the headline is one of them.
    retitled: Option<&'t str>,
    /// The title, lower-cased and space-folded.
    folded: Option<String>,
    cues: Vec<TitleCue>,
    /// The doc type its cues say, or the type label above it (`READOUT`) when they say none.
    doc_type: Option<DocType>,
}

impl<'t> Title<'t> {
    fn read(text: &'t str, found: &Found<'_>, institution: &OnceCell<bool>) -> Title<'t> {
        let retitled = found
            .headline
            .and_then(|h| title_under_head_lines(text, found, h, institution));
        let folded = retitled.or(found.headline).map(fold);
        let cues = folded.as_deref().map(title_cues).unwrap_or_default();
        let doc_type = title_doc_type(&cues).or_else(|| {
            retitled?;
            type_label(found.headline?)
        });
        Title {
            retitled,
            folded,
            cues,
            doc_type,
        }
    }

    /// Whether the title makes a place and date line of its own the document's own
    /// (`Joint Statement ...` / `Port Selva, 12 April 2027`) rather than a news story's
    /// dateline: only a title that opens with its cue does, as news headlines name documents
    /// too (`BBC defends interview with ...`).
    fn outweighs_dateline(&self) -> bool {
        let worded = |t: &str| t.split_whitespace().nth(TITLE_WORDS - 1).is_some();
        self.cues.iter().any(|c| matches!(c, TitleCue::Start(_)))
            && self.folded.as_deref().is_some_and(worded)
    }
}

/// Where the body starts under a title found below the issuer's line, when the top reader
/// put it before the title: the title is no more the body than the issuer's line is.
fn body_after_title(text: &str, found: &Found<'_>, title: &str) -> Option<usize> {
    let start = title.as_ptr() as usize - text.as_ptr() as usize;
    if found.body.start > start {
        return None;
    }
    let next = lines(text, start).nth(1).map_or(text.len(), |l| l.start);
    let skip = text[next..].len() - text[next..].trim_start().len();
    Some(next + skip)
}

/// The issuer the document names at its top (`THE WHITE HOUSE`), in its title (`Department
/// Press Briefing`), in a speaker label of a transcript (`NATO Secretary General:`; labels name
/// the issuer only in a transcript: `UNITED NATIONS:` heads a digest's item), or, last, by a
/// title line naming an institution the lexicon does not list (`Ministry of Foreign Affairs of
/// the Republic of Lusania`: the line is the issuer's name as it writes it).
fn issuer_named(
    found: &Found<'_>,
    scan: &Scan<'_>,
    (title, cues): (Option<&str>, &[TitleCue]),
    layout: Option<DocType>,
    institution: &OnceCell<bool>,
) -> Option<Cow<'static, str>> {
    let title_issuer = || title.and_then(|t| title_issuer(cues, t));
    let label_issuer =
        || layout.and_then(|_| scan.turns.iter().find_map(|t| label_issuer(t.label)));
    let named = || {
        let line = found
            .headline
            .filter(|h| *institution.get_or_init(|| institution_line(h)))?;
        Some(Cow::Owned(line.trim().to_string()))
    };
    scan.top_issuer
        .or_else(title_issuer)
        .or_else(label_issuer)
        .map(Cow::Borrowed)
        .or_else(named)
}

/// The most header lines (dates, furniture, labels) skipped between a head line and the title.
const HEAD_LINES: usize = 6;

/// The title under the lines that head an official document before it: the issuer's name or
/// office (`Ministry of Foreign Affairs of the Russian Federation`, `Office of the
/// Spokesperson`, an institution the lexicon does not list), a document symbol (`SC/16021`),
/// a bare type label (`READOUT`, `Press release`), dates and furniture. The first line that is
/// none of these is the title when it reads as one (not a turn, not a clause).
/// `institution` holds whether `headline` is an institution's name once it is read.
fn title_under_head_lines<'t>(
    text: &'t str,
    found: &Found<'_>,
    headline: &str,
    institution: &OnceCell<bool>,
) -> Option<&'t str> {
    if !head_line(headline, || {
        *institution.get_or_init(|| institution_line(headline))
    }) {
        return None;
    }
    let at = found.content_start + text[found.content_start..].find(headline)?;
    let next = lines(text, at)
        .skip(1)
        .map(|l| l.text(text).trim())
        .filter(|t| !t.is_empty())
        .take(HEAD_LINES + 1)
        .find(|t| {
            !head_line(t, || institution_line(t)) && line_date(t).is_none() && !furniture_line(t)
        })?;
    // `Kessia: Declaration by the High Representative ...` starts like a turn, but a turn's
    // words carry no title cue.
    let titled = || title_doc_type(&title_cues(&fold(next))).is_some();
    let plain = next.len() <= MAX_TITLE
        && (turn_label(next).is_none() || titled())
        && !next.ends_with([',', ';', ':']);
    plain.then_some(next)
}

/// Whether a line heads an official document above its title: the issuer's name or office, an
/// institution's name (`institution`, which may be known already), a document symbol or a
/// bare type label.
fn head_line(line: &str, institution: impl FnOnce() -> bool) -> bool {
    line_issuer(line).is_some() || institution() || symbol_line(line) || type_label(line).is_some()
}

/// Whether a line is a document symbol alone (`SC/16021`, `S/PRST/2027/3`, `GA/12544`): one
/// word of capitals, digits and separators, with a slash and a digit.
fn symbol_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 40
        && t.contains('/')
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"/.-".contains(&b))
}

/// The doc type a line names when it is only a type label above the title (`READOUT`,
/// `Press release`, `Media note`): header, not the title itself (`Department Press
/// Briefing` is a title).
fn type_label(line: &str) -> Option<DocType> {
    let t = fold(line.trim().trim_end_matches(':'));
    DOC_CUES
        .label
        .iter()
        .find(|(cue, _)| *cue == t)
        .map(|&(_, d)| d)
}

/// A meeting record's title: the item on its agenda, the line after `The agenda was
/// adopted.` (its heading lines, `United Nations S/PV.9412`, `Security Council`, are not).
fn agenda_item(text: &str, start: usize) -> Option<&str> {
    let mut lines = lines(text, start)
        .map(|l| l.text(text).trim())
        .filter(|t| !t.is_empty());
    lines.find(|t| agenda_line(t))?;
    let item = lines.next()?;
    let plain = item.len() <= MAX_TITLE
        && turn_label(item).is_none()
        && !item.ends_with(['.', ',', ';', ':']);
    plain.then_some(item)
}

/// Whether a line of a meeting record says its agenda was adopted (`The agenda was
/// adopted.`): header, not prose.
pub(super) fn agenda_line(t: &str) -> bool {
    let t = fold(t.trim_end_matches('.'));
    DOC_CUES.agenda.contains(&t)
}

/// Whether a line names an institution, not in the issuers' lexicon, that issues the
/// document below it (`Ministry of Foreign Affairs of the Republic of Lusania`, `Embassy of
/// Nordmark in Washington`): it opens with an institution word and ends with no sentence.
fn institution_line(line: &str) -> bool {
    let line = line.trim();
    let folded = fold(line);
    line.len() <= ISSUER_LINE_BYTES
        && !line.ends_with(['.', '?', '!', ':', ','])
        && DOC_CUES
            .institution
            .iter()
            .any(|cue| starts_word(&folded, cue))
}

/// The date a title ends with (`... Regular Press Conference on April 14, 2027`,
/// `Department Press Briefing – February 3, 2027`).
fn title_date(title: &str) -> Option<StoryDate> {
    let title = title.trim_end();
    let from = super::text::floor_boundary(title, title.len().saturating_sub(TITLE_DATE_BYTES));
    title[from..]
        .char_indices()
        .filter(|&(i, _)| i == 0 || title[from..][..i].ends_with(' '))
        .find_map(|(i, _)| {
            read_date(title, from + i).filter(|&(d, end)| end == title.len() && d.year.is_some())
        })
        .map(|(d, _)| d)
}

/// What a cue found in a title says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleCue {
    /// A doc type, when the cue opens the title.
    Start(DocType),
    /// A doc type, wherever the cue is.
    Inside(DocType),
    /// A word of a news headline.
    News,
    /// Part `.1` of the title cue of issuer row `.0`.
    Issuer(usize, usize),
}

/// Every title cue of both lexicons with what it says, and the cues by their first word
/// (up to the first space: `'s` for `'s call with`), so that a title is read once, not once
/// per cue.
struct TitleCues {
    cues: Vec<(String, TitleCue)>,
    by_first_word: HashMap<String, Vec<usize>>,
}

static TITLE_CUES: LazyLock<TitleCues> = LazyLock::new(|| {
    let c = &*DOC_CUES;
    let mut cues: Vec<(String, TitleCue)> = Vec::new();
    cues.extend(
        c.title_start
            .iter()
            .map(|(cue, d)| (cue.clone(), TitleCue::Start(*d))),
    );
    cues.extend(
        c.title
            .iter()
            .map(|(cue, d)| (cue.clone(), TitleCue::Inside(*d))),
    );
    cues.extend(c.news_title.iter().map(|cue| (cue.clone(), TitleCue::News)));
    for (row, (_, w, parts)) in ISSUERS.iter().enumerate() {
        if *w == Where::Title {
            let issuer_parts = parts.iter().enumerate();
            cues.extend(issuer_parts.map(|(i, part)| (part.clone(), TitleCue::Issuer(row, i))));
        }
    }
    let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, (cue, _)) in cues.iter().enumerate() {
        by_first_word
            .entry(first_word(cue).to_string())
            .or_default()
            .push(i);
    }
    TitleCues {
        cues,
        by_first_word,
    }
});

/// The word `s` opens: letters, digits and hyphens, after an apostrophe when it opens with
/// one (`'s` of `'s call with`); `readout` of `readout: ...`.
fn first_word(s: &str) -> &str {
    let skip = usize::from(s.starts_with('\''));
    let end = s[skip..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(s.len(), |i| i + skip);
    &s[..end]
}

/// The cues a (folded) title holds, on word boundaries: looked up at each word start and
/// each apostrophe.
fn title_cues(title: &str) -> Vec<TitleCue> {
    let t = &*TITLE_CUES;
    let starts = title
        .char_indices()
        .filter(|&(i, c)| c == '\'' || (c != ' ' && (i == 0 || title[..i].ends_with(' '))));
    let mut found = Vec::new();
    for (at, _) in starts {
        let rest = &title[at..];
        for &i in t.by_first_word.get(first_word(rest)).into_iter().flatten() {
            let (cue, kind) = &t.cues[i];
            let matched = rest.starts_with(cue.as_str())
                && bounded(title, at, at + cue.len())
                && !matches!(kind, TitleCue::Start(_) if at != 0);
            if matched && !found.contains(kind) {
                found.push(*kind);
            }
        }
    }
    found
}

/// The most specific doc type a title's cues name; none in a news headline.
fn title_doc_type(cues: &[TitleCue]) -> Option<DocType> {
    if cues.contains(&TitleCue::News) {
        return None;
    }
    SPECIFICITY.into_iter().find(|d| {
        cues.iter()
            .any(|&c| c == TitleCue::Start(*d) || c == TitleCue::Inside(*d))
    })
}

impl Scan<'_> {
    /// The doc type the layout says: a meeting record by its lines, else by its turns' shape.
    fn layout(&self) -> Option<DocType> {
        if self.meeting {
            Some(DocType::MeetingRecord)
        } else {
            layout_type(&self.turns)
        }
    }
}

/// The doc type the turns' shape says: `None` for too few turns.
fn layout_type(turns: &[Turn<'_>]) -> Option<DocType> {
    let first = turns.first()?;
    let speakers = turns.iter().filter(|t| t.speaker).count();
    if turns.len() < MIN_TURNS || speakers < 2 || turns.iter().all(|t| t.label == first.label) {
        return None;
    }
    let journalists = turns.iter().filter(|t| t.question).count();
    // Who asks when no label says it: the speakers of turns that end with a question.
    let mut askers: Vec<&str> = turns
        .iter()
        .filter(|t| !t.question && t.ends_with_question)
        .map(|t| person(t.label))
        .collect();
    askers.sort_unstable();
    askers.dedup();
    Some(
        if turns.iter().any(|t| t.answer) || (journalists == 0 && askers.len() == 1) {
            DocType::Interview
        } else if journalists > 0 || !askers.is_empty() {
            DocType::Briefing
        } else {
            DocType::Remarks
        },
    )
}

/// A label without its parenthesis: `Sarah Kelly (Deutsche Welle)` -> `Sarah Kelly`.
fn person(label: &str) -> &str {
    label.split('(').next().unwrap_or(label).trim()
}

/// The issuer a (folded) title names: the first issuer row whose title cue's parts are all
/// among the title's cues, else a release title's opening (`Readout of the President ...`).
fn title_issuer(cues: &[TitleCue], title: &str) -> Option<&'static str> {
    ISSUERS
        .iter()
        .enumerate()
        .find(|(row, (_, w, parts))| {
            *w == Where::Title
                && (0..parts.len()).all(|i| cues.contains(&TitleCue::Issuer(*row, i)))
        })
        .map(|(_, &(issuer, ..))| issuer)
        .or_else(|| lex::issuer_of_title(title))
}

/// The issuer a speaker label names: `NATO Secretary General`, `MS. JEAN-PIERRE`.
fn label_issuer(label: &str) -> Option<&'static str> {
    let label = fold(label);
    ISSUERS
        .iter()
        .find(|(_, w, parts)| match w {
            Where::Label => starts_word(&label, &parts[0]),
            Where::Name => has_word(&label, &parts[0]),
            _ => false,
        })
        .map(|&(issuer, ..)| issuer)
}

/// The longest line read as an issuer's name or office line.
const ISSUER_LINE_BYTES: usize = 120;

/// The [`Initials`] of the issuers' names and office lines: most lines start like none.
static LINE_ISSUER_INITIALS: LazyLock<Initials> = LazyLock::new(|| {
    Initials::new(
        ISSUERS
            .iter()
            .filter(|(_, w, _)| matches!(w, Where::Name | Where::Line))
            .map(|(_, _, parts)| parts[0].as_bytes()),
    )
});

/// The [`Initials`] of the meeting-record lines.
static MEETING_INITIALS: LazyLock<Initials> =
    LazyLock::new(|| Initials::new(DOC_CUES.line.iter().map(|(cue, _)| cue.as_bytes())));

/// True when a (trimmed) line opens as only a meeting record's lines do (`The meeting was
/// called to order ...`, `S/PV.9990`).
fn meeting_line(t: &str) -> bool {
    if !MEETING_INITIALS.may_start(t.as_bytes()) {
        return false;
    }
    let opening = fold(&t[..super::text::floor_boundary(t, LABEL_BYTES)]);
    DOC_CUES
        .line
        .iter()
        .any(|(cue, _)| starts_word(&opening, cue))
}

/// The issuer a top line names: the whole line is its name (`THE WHITE HOUSE`), or starts
/// with one of its offices or sites (`Office of the Spokesperson`).
fn line_issuer(line: &str) -> Option<&'static str> {
    if line.len() > ISSUER_LINE_BYTES || !LINE_ISSUER_INITIALS.may_start(line.as_bytes()) {
        return None;
    }
    let line = fold(line);
    ISSUERS
        .iter()
        .find(|(_, w, parts)| match w {
            Where::Name => line == parts[0],
            Where::Line => starts_word(&line, &parts[0]),
            _ => false,
        })
        .map(|&(issuer, ..)| issuer)
}

/// The issuer whose name the opening of the document mentions most (the first named on a
/// tie), and at least twice or once before `opening_end` (in the opening turn: `The
/// Department of State has one announcement`): the last resort for a transcript or release
/// that names no issuer at its top. Named once later, it is a subject of the talk (`the
/// Security Council must act`), not its host.
fn mentioned_issuer(text: &str, start: usize, opening_end: usize) -> Option<&'static str> {
    let end = super::text::floor_boundary(text, start.saturating_add(SCAN_BYTES));
    let opening = fold(&text[start..end.max(start)]);
    let mut best: Option<(usize, usize, &'static str)> = None;
    for (issuer, w, parts) in ISSUERS.iter() {
        if *w != Where::Name {
            continue;
        }
        let mut hits = opening
            .match_indices(parts[0].as_str())
            .filter(|(i, m)| bounded(&opening, *i, i + m.len()));
        let Some((first, _)) = hits.next() else {
            continue;
        };
        let count = 1 + hits.count();
        let better = best.is_none_or(|(c, f, _)| count > c || (count == c && first < f));
        if better {
            best = Some((count, first, issuer));
        }
    }
    best.filter(|&(count, first, _)| count >= 2 || start + first < opening_end)
        .map(|(.., issuer)| issuer)
}

/// What the top of a document holds: its turns, an issuer line, a meeting record's lines.
#[derive(Default)]
struct Scan<'t> {
    turns: Vec<Turn<'t>>,
    top_issuer: Option<&'static str>,
    meeting: bool,
}

/// Reads the lines from `start`: speaker turns, meeting-record lines, and an issuer line
/// before the first turn.
fn scan(text: &str, start: usize) -> Scan<'_> {
    let mut scan = Scan::default();
    for line in lines(text, start) {
        let t = line.text(text).trim();
        if t.is_empty() {
            continue;
        }
        scan.meeting |= meeting_line(t);
        if let Some(label) = turn_label(t) {
            scan.turns.push(turn(line.start, label, t));
        } else if scan.turns.is_empty() && scan.top_issuer.is_none() {
            scan.top_issuer = line_issuer(t);
        }
    }
    scan
}

/// The lines from `start`, within the scan's limits.
fn lines(text: &str, start: usize) -> impl Iterator<Item = Line> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= text.len() || pos - start >= SCAN_BYTES {
            return None;
        }
        let line = line_at(text, pos, LINE_WINDOW);
        pos = if line.next > pos {
            line.next
        } else {
            text.len()
        };
        Some(line)
    })
    .take(SCAN_LINES)
}

/// The turn of a line whose label is `label`.
fn turn<'t>(start: usize, label: &'t str, line: &str) -> Turn<'t> {
    let core = fold(person(label));
    let question = DOC_CUES.question.contains(&core)
        || DOC_CUES.question.contains(&fold(label))
        || lex::agency(person(label)).is_some();
    let end = line.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    let answer = DOC_CUES.answer.contains(&core);
    Turn {
        start,
        label,
        question,
        answer,
        ends_with_question: end.ends_with('?'),
        speaker: question || answer || label.contains('(') || speaker_like(&core, label),
    }
}

/// True when a label (`core` folded, without its parenthesis) names a speaker: it opens with
/// a title (`MR PRICE`, `Moderator`), or, not in capitals, has two words or more (`Wang
/// Wenbin`). `BAGHDAD` and `UNITED NATIONS` head the items of a news digest.
fn speaker_like(core: &str, label: &str) -> bool {
    let titled = core
        .split(' ')
        .next()
        .is_some_and(|w| DOC_CUES.speaker_title.iter().any(|t| t == w));
    titled || (core.contains(' ') && label.chars().any(char::is_lowercase))
}

/// The speaker label a (trimmed) line opens with: `MR PRICE` of `MR PRICE: Good afternoon.`,
/// `Q` of `Q    Thank you.` (White House) or `Q. Thank you.`; `None` for other lines.
fn turn_label(t: &str) -> Option<&str> {
    if let Some(rest) = t.strip_prefix('Q') {
        let delimited = rest.is_empty()
            || rest.starts_with("  ")
            || rest.starts_with('\t')
            || rest.starts_with(": ")
            || rest.starts_with(". ")
            || rest == ":"
            || rest == ".";
        if delimited {
            return Some("Q");
        }
    }
    let window = &t[..super::text::floor_boundary(t, LABEL_BYTES)];
    let colon = window.find(':')?;
    let after = t[colon + 1..].chars().next();
    if after.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let label = t[..colon].trim();
    (label_like(label) && lex::date_label(t).is_none()).then_some(label)
}

/// True when `label` reads as a speaker's name or title: capitalised words (and the small
/// words of names: `of`, `the`, `de`), perhaps with a parenthesis (`(Reuters)`, `(Russian
/// Federation)`), and not a field name (`Note`, `Contact`, `Participants`).
fn label_like(label: &str) -> bool {
    let core = person(label);
    let words: Vec<&str> = core.split_whitespace().collect();
    if words.is_empty() || words.len() > LABEL_WORDS || !core.starts_with(char::is_uppercase) {
        return false;
    }
    if label.contains('(') && !label.ends_with(')') {
        return false;
    }
    let small = [
        "of", "the", "de", "del", "da", "von", "van", "al", "bin", "and", "for", "la", "le", "du",
        "des",
    ];
    let named = words.iter().all(|w| {
        (w.starts_with(char::is_uppercase) || small.contains(w))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '/'))
    });
    let folded = fold(core);
    named && !DOC_CUES.not_label.contains(&folded) && !DOC_CUES.list_label.contains(&folded)
}

mod header;

#[cfg(test)]
mod tests;
