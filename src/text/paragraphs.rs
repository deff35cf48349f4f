//! Paragraphs and sentences of the story body.
//!
//! Paragraphs end at blank lines. Stories hard-wrapped at a fixed width (Reuters 1987, many
//! wire feeds) mark a new paragraph by indenting its first line instead, and their wrapped
//! lines are joined into one paragraph; stories with long lines (one paragraph per line, no
//! blank lines) break at every line end. In hard-wrapped text, a line indented by less than
//! a paragraph's indentation starts a paragraph of its own too when it is a table row (the
//! rows of Reuters price tables are indented by one space), not when it carries on the
//! sentence of the line before. CRLF line ends are accepted everywhere.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotation marks and brackets after
//! them) followed by white space and something that can start a sentence, except after
//! titles and other abbreviations (`Mr.`, `Gen.`, `Sept.`), initials (`J. Smith`) and
//! multi-letter abbreviations such as `U.S.` unless a typical sentence opener follows.

use crate::lexicon::ascii_lower;
use crate::span::Span;
use crate::text::trim_start;
use std::borrow::Cow;
// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// One paragraph of the body, with its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, trimmed.
    pub span: Span,
    /// Its sentences, in order, trimmed, covering the paragraph.
    pub sentences: Vec<Span>,
}

/// When an abbreviation's period ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// Never: a title before a name (`Gen.`).
    Never,
    /// Before a capitalised word: a US state after a town goes on with a comma, a bracket
    /// or a dash (`Louisville, Ky., said`, `(D-Ky.)`, `Ouray, Colo. -- was closed`), and a
    /// capitalised word after it opens a sentence (`Jefferson County, Ky. United Catalysts
    /// is based`); a number after it is a ZIP code.
    BeforeWord,
    /// When a typical sentence opener follows: a month ends a sentence unless a day follows
    /// (`Sept. 5`, but `during Jan/Sept. The bulk`), `No.` unless a number follows.
    BeforeOpener,
    /// A company suffix: also before a quotation that opens a sentence or after a gap of
    /// spaces, where a name cannot go on (`SBCI International Ltd. "We thought`,
    /// `Asia Ltd.    Jardine`), but not before a title or a name that goes on (`Exxon Corp.
    /// Chairman Lee said`) or a quotation inside the sentence (`Adolph Coors Co. "have been
    /// following`).
    Suffix,
}

/// When the period after the abbreviation `lower` (lower case, without the period; one of
/// `abbreviations.tsv`) ends a sentence; `None` when it is no abbreviation.
fn abbreviation_ends(lower: &str) -> Option<Ends> {
    use crate::lexicon::closed::AbbreviationKind as Kind;
    Some(match crate::lexicon::closed::abbreviation(lower)? {
        Kind::State => Ends::BeforeWord,
        Kind::Title | Kind::Other => Ends::Never,
        Kind::Month | Kind::Number => Ends::BeforeOpener,
        Kind::Suffix => Ends::Suffix,
    })
}

/// Words that typically open a sentence: after `U.S.` they show the period ended one.
static SENTENCE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../lexicon/sentence_openers.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// One line of the region: its span without the line end, its indentation in bytes, and
/// whether it holds only white space.
#[derive(Debug)]
struct Line {
    span: Span,
    indent: usize,
    blank: bool,
}

impl Line {
    /// The line `text[start..end]`, its indentation and blankness read byte by byte.
    fn new(text: &str, start: usize, end: usize) -> Line {
        let b = &text.as_bytes()[start..end];
        // Indentation: spaces, tabs and no-break spaces (U+00A0, `C2 A0` in UTF-8).
        let mut indent = 0;
        loop {
            match b.get(indent) {
                Some(b' ' | b'\t') => indent += 1,
                Some(0xC2) if b.get(indent + 1) == Some(&0xA0) => indent += 2,
                _ => break,
            }
        }
        // A line is blank when only white space follows its indentation; a printable ASCII
        // byte there (nearly always) settles it without decoding chars.
        let blank = match b.get(indent) {
            None => true,
            Some(c) if c.is_ascii_graphic() => false,
            Some(_) => text[start + indent..end].trim_start().is_empty(),
        };
        Line {
            span: Span::new(start, end),
            indent,
            blank,
        }
    }
}

/// The lines of `region` (without their `\n` or `\r\n`).
fn lines_into(text: &str, region: Span, out: &mut Vec<Line>) {
    out.clear();
    // A guess from the length of wire copy's lines, to grow the list seldom.
    out.reserve(region.len() / 48 + 4);
    let bytes = text.as_bytes();
    // A line from `start` to its `\n` (or the region's end), without a `\r` before it.
    let line = |start: usize, end: usize| {
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        Line::new(text, start, end)
    };
    let mut start = region.start;
    for nl in memchr::memchr_iter(b'\n', &bytes[region.start..region.end]) {
        let end = region.start + nl;
        out.push(line(start, end));
        start = end + 1;
    }
    out.push(line(start, region.end));
}

/// How the lines of a region mark paragraphs.
struct Layout {
    /// The least indentation of a line with text: shared by every line, it marks nothing.
    base_indent: usize,
    /// Indentation marks paragraphs: some lines are indented and some are not.
    indent_marks: bool,
    /// The text is hard-wrapped: no line is much longer than a terminal line, and there
    /// are a few; wrapped lines are then joined into paragraphs.
    wrapped: bool,
    /// The lines with text.
    count: usize,
}

/// How `lines` mark paragraphs, or `None` when none has text.
fn layout(lines: &[Line]) -> Option<Layout> {
    let mut content = lines.iter().filter(|l| !l.blank);
    let first = content.next()?;
    let (mut base_indent, mut max_indent, mut max_len, mut count) =
        (first.indent, first.indent, first.span.len(), 1);
    for l in content {
        base_indent = base_indent.min(l.indent);
        max_indent = max_indent.max(l.indent);
        max_len = max_len.max(l.span.len());
        count += 1;
    }
    Some(Layout {
        base_indent,
        // Some line is at `base_indent`, the least indentation.
        indent_marks: max_indent >= base_indent + 2,
        wrapped: max_len <= 100 && count >= 3,
        count,
    })
}

/// Splits `region` of `text` into paragraphs and sentences.
pub fn split(text: &str, region: Span) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    split_into(text, region, &mut Splitter::default(), &mut paragraphs);
    paragraphs
}

/// The memory [`split_into`] reuses from one story to the next: the list of lines, and the
/// sentence lists of the paragraphs it was handed back.
#[derive(Debug, Default)]
pub struct Splitter {
    lines: Vec<Line>,
    sentences: Vec<Vec<Span>>,
}

/// [`split`] into `paragraphs`, whose former paragraphs it takes back (their sentence lists
/// are reused, as are those `splitter` kept): a worker that splits story after story
/// allocates only when a story has more lines or paragraphs than any before it.
#[inline(never)] // A stage of its own in profiles (`scripts/instructions.sh`).
pub fn split_into(
    text: &str,
    region: Span,
    splitter: &mut Splitter,
    paragraphs: &mut Vec<Paragraph>,
) {
    let spare = &mut splitter.sentences;
    spare.extend(paragraphs.drain(..).map(|p| p.sentences));
    let region = clamp(text, region);
    let lines = &mut splitter.lines;
    lines_into(text, region, lines);
    let Some(layout) = layout(lines) else {
        return;
    };

    // At most one paragraph per line: never regrown.
    paragraphs.reserve(layout.count);
    let mut close = |p: Span| {
        let span = trimmed(text, p);
        if !span.is_empty() {
            let mut sentences = spare.pop().unwrap_or_default();
            sentences_into(text, span, &mut sentences);
            paragraphs.push(Paragraph { span, sentences });
        }
    };
    let mut current: Option<Span> = None;
    // The line before, when it has text.
    let mut prev: Option<&Line> = None;
    for line in lines.iter() {
        if line.blank {
            if let Some(p) = current.take() {
                close(p);
            }
            prev = None;
            continue;
        }
        if starts_paragraph(text, &layout, prev, line, current.is_some()) {
            if let Some(p) = current.take() {
                close(p);
            }
            // The indentation is white space the paragraph's trim would skip.
            current = Some(Span::new(line.span.start + line.indent, line.span.end));
        } else if let Some(p) = current.as_mut() {
            p.end = line.span.end;
        }
        prev = Some(line);
    }
    if let Some(p) = current.take() {
        close(p);
    }
}

/// Whether `line` starts a paragraph, after `prev` (the line before, when it has text) and
/// with a paragraph `open` or not: after a blank line, at an indentation deeper than the
/// text's, in a text not wrapped, or where the line before does not run on to it.
fn starts_paragraph(text: &str, l: &Layout, prev: Option<&Line>, line: &Line, open: bool) -> bool {
    match prev {
        None => true,
        Some(before) => {
            (l.indent_marks && line.indent >= l.base_indent + 2)
                || !l.wrapped
                || !open
                || (line.indent > 0 && !continues(text, before, line))
        }
    }
}

/// The least length (in bytes, from the start of its line in the text) of a wrapped line of
/// prose whose sentence runs on to the next line: a shorter line ended where its writer broke
/// it (a table row, a heading).
const FULL_LINE: usize = 40;

/// Whether the indented `line` of a hard-wrapped paragraph carries on the sentence of the
/// line `before` it. Reuters 1987 copy puts tables inside paragraphs with rows indented by
/// one space (` May 1191/1210 ba`, ` Sales at call nil`), which would otherwise be joined
/// into one sentence with the text before them; but some of its wrapped prose is indented the
/// same way (`Swissair said that its traffic` / ` volume rose six pct`). The line continues
/// when neither line is a table row (no gap of two spaces inside), and the line before ends
/// no sentence and is full, or the line ends the sentence (`current market` / ` price.`).
fn continues(text: &str, before: &Line, line: &Line) -> bool {
    let inner = |l: &Line| trimmed(text, Span::new(l.span.start + l.indent, l.span.end));
    let (b, l) = (inner(before).slice(text), inner(line).slice(text));
    let gap = |s: &str| has_double_space(s.as_bytes());
    if gap(b) || gap(l) || b.ends_with(['.', ':', '!', '?']) {
        return false;
    }
    // The region may start inside the line before (after a dateline): its length is counted
    // from the line's start in the text.
    let head = &text.as_bytes()[..before.span.start];
    let line_start = memchr::memrchr(b'\n', head).map_or(0, |k| k + 1);
    before.span.end - line_start >= FULL_LINE || l.ends_with('.')
}

/// Whether `s` holds two spaces in a row (a column gap), at memchr speed. The searcher is
/// built once: `memmem::find` builds one per call for any text of 64 bytes or more, which
/// cost more than the search.
pub(crate) fn has_double_space(s: &[u8]) -> bool {
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    DOUBLE_SPACE.find(s).is_some()
}

/// `span` without white space at either end, as [`Span::trim`] gives it, but with no char
/// decoded when both ends are printable ASCII (nearly always: a paragraph is trimmed when it
/// is closed, and again by [`sentences`]; the timeline trims its sentences and clauses).
pub(crate) fn trimmed(text: &str, span: Span) -> Span {
    let b = text.as_bytes();
    let printable = |i: usize| b.get(i).is_some_and(u8::is_ascii_graphic);
    if span.start < span.end && printable(span.start) && printable(span.end - 1) {
        span
    } else {
        span.trim(text)
    }
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, region: Span) -> Span {
    let mut start = region.start.min(text.len());
    let mut end = region.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '}')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '`' | '[')
}

/// The word just before byte `pos` (letters, digits and inner periods, hyphens and `&`).
/// ASCII bytes are tested one by one; only other chars are decoded.
fn word_before(s: &str, pos: usize) -> &str {
    let head = &s[..pos];
    let b = head.as_bytes();
    let mut start = pos;
    while let Some(&c) = start.checked_sub(1).and_then(|i| b.get(i)) {
        if c.is_ascii() {
            if !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'&')) {
                break;
            }
            start -= 1;
        } else {
            match head[..start].chars().next_back() {
                Some(ch) if ch.is_alphanumeric() => start -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    &head[start..]
}

/// Splits a paragraph into trimmed sentences.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, para, &mut out);
    out
}

/// [`sentences`] into `out`, emptied first.
fn sentences_into(text: &str, para: Span, out: &mut Vec<Span>) {
    out.clear();
    // Trimmed once here, the paragraph gives sentences that need no trimming: each starts
    // after white space (or at the paragraph's start) and ends at its terminator and closing
    // marks (or at the paragraph's end).
    let para = trimmed(text, para);
    let s = para.slice(text);
    if s.is_empty() {
        return;
    }
    // Room for a few sentences, the most a paragraph of news has, taken at once rather than
    // by the first push.
    out.reserve(4);
    let mut start = 0usize;
    let bytes = s.as_bytes();
    let mut pos = 0usize;
    // Jump from terminator to terminator: most of a paragraph is not one. Terminators
    // swallowed with the one before them (`...`, `?!`) are passed over.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if i < pos {
            continue;
        }
        let c = char::from(bytes[i]);
        // Swallow closing marks and further terminators.
        let mut end = i + 1;
        while let Some(d) = s[end..].chars().next() {
            if is_closing(d) || matches!(d, '.' | '!' | '?') {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        // White space must follow.
        let rest = &s[end..];
        let after_ws = trim_start(rest);
        if after_ws.len() == rest.len() || after_ws.is_empty() {
            continue;
        }
        let next = after_ws.chars().next().unwrap_or(' ');
        let next_ok = next.is_uppercase()
            || next.is_ascii_digit()
            || is_opening_quote(next)
            || matches!(next, '—' | '-' | '•' | '*');
        if !next_ok {
            continue;
        }
        if c == '.' && !ends_sentence(s, i, after_ws) {
            continue;
        }
        let sent = Span::new(para.start + start, para.start + end);
        debug_assert_eq!(sent, sent.trim(text));
        out.push(sent);
        start = s.len() - after_ws.len();
    }
    let last = Span::new(para.start + start, para.end);
    debug_assert!(!last.is_empty() && last == last.trim(text));
    out.push(last);
}

/// `word` lower-cased: in `buf` when it fits (nearly always: no allocation per period), else
/// in a new string. With `unicode`, non-ASCII letters are lower-cased too.
fn lower_word<'a>(word: &str, buf: &'a mut [u8; 32], unicode: bool) -> Cow<'a, str> {
    if !unicode || word.is_ascii() {
        if let Some(lower) = ascii_lower(word, buf) {
            return Cow::Borrowed(lower);
        }
    }
    if unicode {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Owned(word.to_ascii_lowercase())
    }
}

/// Whether the period at byte `dot` of `s` ends a sentence, given the text after it.
fn ends_sentence(s: &str, dot: usize, after: &str) -> bool {
    let word = word_before(s, dot);
    // The next word, lower-cased, is only needed after an abbreviation or initials.
    let opener_follows = || {
        let mut next_buf = [0u8; 32];
        let next_len = after
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(after.len(), |(i, _)| i);
        let next_word = lower_word(&after[..next_len], &mut next_buf, true);
        SENTENCE_OPENERS.contains(&*next_word)
    };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // No letter: no word at all, or a number (`a new contract high of 306.10. Arbitrage`),
    // not an abbreviation.
    if letters == 0 {
        return true;
    }
    // Initials: a single capital letter (`J. Smith`), or `U.S.`-style abbreviations.
    if word.contains('.') || letters == 1 && word.chars().all(|c| c.is_uppercase()) {
        if letters == 1 && !word.contains('.') {
            // `J. Smith` but also `Plan B. The`: a following capitalised word decides little;
            // initials are far more common in news.
            return false;
        }
        return opener_follows();
    }
    let mut word_buf = [0u8; 32];
    let lower = lower_word(word, &mut word_buf, false);
    match abbreviation_ends(&lower) {
        None => true,
        Some(Ends::Never) => false,
        Some(Ends::BeforeWord) => after.starts_with(char::is_uppercase),
        Some(Ends::BeforeOpener) => opener_follows(),
        Some(Ends::Suffix) => {
            // The white space between the period (and its closing marks) and `after`.
            let gap = s.len() - after.len() - (dot + 1);
            // A quotation that opens a sentence: its first letter is a capital.
            let mut chars = after.chars();
            let quotation = matches!(chars.next(), Some('"' | '“' | '«'))
                && chars.next().is_some_and(char::is_uppercase);
            quotation || gap >= 2 || opener_follows()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_into_reused_memory_gives_what_a_fresh_split_gives() {
        let mut texts: Vec<String> = std::fs::read_dir("fixtures")
            .expect("fixtures")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.extend(["", "One line.", "A.\n\nB. C.\n\n\n  D"].map(String::from));
        let (mut splitter, mut reused) = (Splitter::default(), Vec::new());
        // Long stories after short ones and the other way round.
        for text in texts.iter().chain(texts.iter().rev()) {
            let whole = Span::new(0, text.len());
            split_into(text, whole, &mut splitter, &mut reused);
            assert_eq!(reused, split(text, whole));
        }
    }

    /// `trimmed` trims as `Span::trim` does (the trims it is made of are tested in
    /// `text::trim`).
    #[test]
    fn trimmed_matches_span_trim() {
        let cases = [
            "",
            " ",
            "word",
            "  two words \n",
            "\u{b}\u{c}vertical tab and form feed\u{85}",
            "\u{a0}no-break space\u{3000}",
            "\t\r\n«quoted»\u{2009}",
            "日本",
        ];
        for text in cases {
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    if text.is_char_boundary(start) && text.is_char_boundary(end) {
                        let span = Span::new(start, end);
                        assert_eq!(trimmed(text, span), span.trim(text), "{text:?} {span:?}");
                    }
                }
            }
        }
    }

    fn texts(text: &str) -> Vec<Vec<String>> {
        split(text, Span::new(0, text.len()))
            .iter()
            .map(|p| {
                p.sentences
                    .iter()
                    .map(|s| s.slice(text).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn paragraphs_table() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("One. Two.\n\nThree.", &[&["One.", "Two."], &["Three."]]),
            ("One.\r\n\r\nTwo.\r\n", &[&["One."], &["Two."]]),
            (
                "    First line of a\nwrapped paragraph ends.\n    Second starts here and is\nwrapped too.\n",
                &[
                    &["First line of a\nwrapped paragraph ends."],
                    &["Second starts here and is\nwrapped too."],
                ],
            ),
            (
                "A long paragraph on a single line that goes well past any terminal width, as web copy does.\nA second one.",
                &[
                    &["A long paragraph on a single line that goes well past any terminal width, as web copy does."],
                    &["A second one."],
                ],
            ),
            // Rows of a table indented by one space inside a wrapped paragraph: each its own.
            (
                "    Prices were as follows.\nMay 1191/1210 ba\n Jul 1195      BID\n Sales at call NIL\n QUIET",
                &[
                    &["Prices were as follows.", "May 1191/1210 ba"],
                    &["Jul 1195      BID"],
                    &["Sales at call NIL"],
                    &["QUIET"],
                ],
            ),
            // Wrapped prose indented the same way runs on: the line before is full and ends
            // no sentence, or the indented line ends the sentence.
            (
                "    ZURICH, April 2 - Swissair said that its traffic\n volume rose six pct in February.\nIt fell.\n",
                &[&["ZURICH, April 2 - Swissair said that its traffic\n volume rose six pct in February.", "It fell."]],
            ),
            (
                "    He said it was below the\ncurrent market\n price.\n",
                &[&["He said it was below the\ncurrent market\n price."]],
            ),
            ("", &[]),
            ("\n\n  \n", &[]),
        ];
        for (input, expected) in cases {
            let got = texts(input);
            let want: Vec<Vec<String>> = expected
                .iter()
                .map(|p| p.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn sentences_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Smith met Gen. Jones. They talked.",
                &["Mr. Smith met Gen. Jones.", "They talked."],
            ),
            (
                "He left on Sept. 5. She stayed.",
                &["He left on Sept. 5.", "She stayed."],
            ),
            ("J. R. Smith arrived.", &["J. R. Smith arrived."]),
            (
                "He flew to the U.S. The talks failed.",
                &["He flew to the U.S.", "The talks failed."],
            ),
            ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
            (
                "\"We are ready.\" He smiled.",
                &["\"We are ready.\"", "He smiled."],
            ),
            (
                "“Really?” he asked. “Yes.”",
                &["“Really?” he asked.", "“Yes.”"],
            ),
            (
                "It costs 3.5 mln dlrs. Fine.",
                &["It costs 3.5 mln dlrs.", "Fine."],
            ),
            (
                "Dr. Who said so... Then left.",
                &["Dr. Who said so...", "Then left."],
            ),
            (
                "Exxon Corp. The firm said.",
                &["Exxon Corp.", "The firm said."],
            ),
            (
                "Exxon Corp. Chairman Lee said.",
                &["Exxon Corp. Chairman Lee said."],
            ),
            (
                "Hoare Govett Ltd. said so.",
                &["Hoare Govett Ltd. said so."],
            ),
            (
                "by SBCI International Ltd. \"We thought so,\" he said.",
                &["by SBCI International Ltd.", "\"We thought so,\" he said."],
            ),
            (
                "director of Hoare Govett Asia Ltd.    Jardine shares rallied.",
                &[
                    "director of Hoare Govett Asia Ltd.",
                    "Jardine shares rallied.",
                ],
            ),
            (
                "imports during Jan/Sept. The bulk will arrive in May.",
                &["imports during Jan/Sept.", "The bulk will arrive in May."],
            ),
            (
                "It ends Sept. 30 this year.",
                &["It ends Sept. 30 this year."],
            ),
            (
                "Adolph Coors Co. \"have been discounting\" it said.",
                &["Adolph Coors Co. \"have been discounting\" it said."],
            ),
            (
                "a contract high of 306.10. Arbitrage programs ran.",
                &["a contract high of 306.10.", "Arbitrage programs ran."],
            ),
        ];
        for (input, expected) in cases {
            let got = sentences(input, Span::new(0, input.len()));
            let got: Vec<&str> = got.iter().map(|s| s.slice(input)).collect();
            assert_eq!(got, expected.to_vec(), "input {input:?}");
        }
    }

    #[test]
    fn odd_regions_do_not_panic() {
        let text = "é. É. \u{a0}x";
        for a in 0..=text.len() {
            for b in a..=text.len() + 2 {
                let _ = split(text, Span { start: a, end: b });
            }
        }
    }
}
