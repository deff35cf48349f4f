//! Quotation-mark spans: every stretch of text between an opening and a closing mark.
//!
//! Marks: straight and curly double quotes, `‘…’` and straight single quotes (also nested
//! inside double ones), ``` ``…'' ``` (AP and Gigaword), `«…»` and `„…“`. Straight marks are
//! classified as opening or closing by the characters around them. An apostrophe between
//! letters (`Russia’s`, `don’t`, the broken `Indonesia"s`) or before a year (`'90s`) is not a
//! quotation mark. Marks are paired with a stack, so nesting costs nothing extra; a closing
//! mark with nothing open is ignored, and an opening mark still open at the end of its
//! paragraph is dropped — unless the next paragraph opens with a quotation mark, the news
//! convention for a quote running over several paragraphs, in which case the stretch up to
//! the paragraph end is kept and marked [`QuotedSpan::unclosed`]. One pass over each paragraph:
//! linear in the text whatever the marks.

use crate::span::Span;
use crate::text::paragraphs::Paragraph;

/// One quoted stretch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    /// From the opening mark to the closing mark, both included (to the paragraph end for
    /// an [`unclosed`](Self::unclosed) span).
    pub outer: Span,
    /// The content between the marks, trimmed.
    pub inner: Span,
    /// Single quotation marks (`‘…’`, `'…'`): in news copy mostly scare quotes and titles.
    pub single: bool,
    /// How many quoted spans enclose this one.
    pub depth: usize,
    /// Index of the paragraph holding the span.
    pub paragraph: usize,
    /// The paragraph ended without a closing mark and the next one reopens the quote.
    pub unclosed: bool,
    /// This span reopens a quote left [`unclosed`](Self::unclosed) by the previous paragraph.
    pub continued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    /// A straight double quote whose neighbours do not tell: closes if one is open.
    EitherDouble,
    OpenSingle,
    CloseSingle,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    /// Byte offset of the mark.
    at: usize,
    /// Byte length of the mark.
    len: usize,
    single: bool,
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

fn is_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Characters after which a straight mark opens (besides white space).
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘')
    })
}

/// Classifies the mark at byte `i` (character `c`) of `s`; returns it with its byte length.
fn classify(s: &str, i: usize, c: char) -> Option<(Mark, usize)> {
    let prev = s[..i].chars().next_back();
    let rest = &s[i + c.len_utf8()..];
    let next = rest.chars().next();
    match c {
        '“' | '«' | '„' => Some((Mark::OpenDouble, c.len_utf8())),
        '”' | '»' => Some((Mark::CloseDouble, c.len_utf8())),
        '`' if next == Some('`') => Some((Mark::OpenDouble, 2)),
        // `''`: closing in AP style, but also both marks in some copy (`''Yes,'' he said`).
        '\'' if next == Some('\'') => {
            let after = rest[1..].chars().next();
            if opens_after(prev) && !is_space(after) {
                Some((Mark::OpenDouble, 2))
            } else {
                Some((Mark::CloseDouble, 2))
            }
        }
        '"' => {
            if is_alnum(prev) && is_alnum(next) {
                None // broken apostrophe: `Indonesia"s`
            } else if opens_after(prev) && !is_space(next) {
                Some((Mark::OpenDouble, 1))
            } else if !is_space(prev) && (is_space(next) || !is_alnum(next)) {
                Some((Mark::CloseDouble, 1))
            } else {
                Some((Mark::EitherDouble, 1))
            }
        }
        '‘' | '’' | '\'' => {
            if is_alnum(prev) && is_alnum(next) {
                return None; // `don’t`, `Russia’s`
            }
            if next.is_some_and(|n| n.is_ascii_digit()) && !is_alnum(prev) {
                return None; // `'90s`
            }
            if opens_after(prev) || matches!(prev, Some('"')) {
                if next.is_some_and(|n| n.is_alphabetic() || n == '"' || n == '“') {
                    // `‘`, or a straight/right mark typed for one
                    return Some((Mark::OpenSingle, c.len_utf8()));
                }
                return None;
            }
            if c == '‘' {
                return None;
            }
            Some((Mark::CloseSingle, c.len_utf8()))
        }
        _ => None,
    }
}

/// Whether a `”` at byte `i` of `s` stands where an opening mark belongs: at the start of
/// the paragraph, or after white space and before a word (or an ellipsis).
fn opens_reversed(s: &str, i: usize) -> bool {
    let prev = s[..i].chars().next_back();
    let rest = s[i..].strip_prefix('”').unwrap_or("");
    let next = rest.trim_start_matches(' ').chars().next();
    let word = next.is_some_and(|n| n.is_alphanumeric() || n == '…');
    (prev.is_none() && word) || (is_space(prev) && is_alnum(rest.chars().next()))
}

/// Whether a `“` at byte `i` of `s` stands where a closing mark belongs: after a word or
/// sentence punctuation, and before white space, the paragraph end or punctuation.
fn closes_reversed(s: &str, i: usize) -> bool {
    let prev = s[..i].chars().next_back();
    let next = s[i..].strip_prefix('“').and_then(|r| r.chars().next());
    prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'))
        && next.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ')'))
}

fn starts_with_opening(text: &str, para: Span) -> bool {
    let s = para.slice(text);
    match s.chars().next() {
        Some(c) => matches!(
            classify(s, 0, c),
            Some((Mark::OpenDouble | Mark::EitherDouble, _))
        ),
        None => false,
    }
}

/// Finds the quoted stretches of the paragraphs, in text order: per paragraph, the
/// `candidates` are classified and paired (`pair_marks`); a quote still open at the end
/// is kept when the next paragraph reopens it (`carry_over`).
#[inline(never)] // A stage of its own in profiles (`scripts/instructions.sh`).
pub fn find(text: &str, paragraphs: &[Paragraph]) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    // One stack for the whole story, emptied per paragraph: no allocation per paragraph.
    let mut stack = Stack::default();
    let mut continues = false;
    // Most stories hold no backtick and no `«»` at all: then no paragraph is searched for one.
    let rare = memchr::memchr2(b'`', 0xC2, text.as_bytes()).is_some();
    for (index, para) in paragraphs.iter().enumerate() {
        if para.span.end > text.len() || !text.is_char_boundary(para.span.start) {
            continue;
        }
        let p = Para {
            text,
            s: para.span.slice(text),
            base: para.span.start,
            index,
            rare,
        };
        let first_open = pair_marks(&p, &mut stack, continues, &mut out);
        continues = carry_over(&p, &stack, first_open, paragraphs.get(index + 1), &mut out);
    }
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

/// The paragraph being read: the story, the paragraph's text, where it starts and its index.
struct Para<'t> {
    text: &'t str,
    s: &'t str,
    base: usize,
    index: usize,
    /// The story holds a backtick or a `«»` lead byte (0xC2) somewhere.
    rare: bool,
}

/// The byte offsets in a paragraph where a quotation mark may start, with the character
/// there. Only the bytes that can start a mark are decoded: the ASCII marks, and the lead
/// bytes of `«` `»` (0xC2) and of the curly marks (0xE2), which never occur inside another
/// character's encoding. Most paragraphs have no backtick and no `«»`: then three vectorised
/// searches (`memchr3`) find the candidates; otherwise every byte is tested. `story_rare`
/// tells whether the story has any of those bytes: when it has none, no paragraph does.
fn candidates(s: &str, story_rare: bool) -> impl Iterator<Item = (usize, char)> + '_ {
    let rare = story_rare && memchr::memchr2(b'`', 0xC2, s.as_bytes()).is_some();
    let positions = if rare {
        // Listed at once: a rare paragraph's few marks (no iterator boxed for every one).
        let every_byte = s.bytes().enumerate();
        Positions::Listed(
            every_byte
                .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
                .into_iter(),
        )
    } else {
        Positions::Searched(memchr::memchr3_iter(b'"', b'\'', 0xE2, s.as_bytes()))
    };
    positions
        .filter_map(|i| Some((i, s.get(i..)?.chars().next()?)))
        .filter(|&(_, c)| {
            matches!(
                c,
                '"' | '\'' | '`' | '“' | '”' | '‘' | '’' | '«' | '»' | '„'
            )
        })
}

/// Where [`candidates`] looks: positions listed, or searched for three bytes.
enum Positions<'s> {
    Listed(std::vec::IntoIter<usize>),
    Searched(memchr::Memchr3<'s>),
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Positions::Listed(listed) => listed.next(),
            Positions::Searched(searched) => searched.next(),
        }
    }
}

/// The mark a classified mark at byte `i` (character `c`) finally is, given whether a double
/// quote is open: reversed curly marks repaired, and a straight mark that could be either
/// settled.
fn settle(s: &str, i: usize, c: char, mark: Mark, double_open: bool) -> Mark {
    let mark = match (mark, c) {
        // A right mark typed for a left one (`” … what I learned`, `”Fear.`): with no double
        // quote open, at the paragraph start or after a space before a word.
        (Mark::CloseDouble, '”') if !double_open && opens_reversed(s, i) => Mark::OpenDouble,
        // A left mark typed for a right one (`51 percent.“`): closes an open quote when it
        // follows a word and ends one.
        (Mark::OpenDouble, '“') if double_open && closes_reversed(s, i) => Mark::CloseDouble,
        (m, _) => m,
    };
    match mark {
        Mark::EitherDouble if !double_open => Mark::OpenDouble,
        Mark::EitherDouble => Mark::CloseDouble,
        m => m,
    }
}

/// Pairs the marks of one paragraph with the stack, pushing a span for each closed pair.
/// `continues`: the previous paragraph's quote runs on into this one. Returns whether the
/// quote this paragraph opened with is still open at its end.
fn pair_marks(p: &Para<'_>, stack: &mut Stack, continues: bool, out: &mut Vec<QuotedSpan>) -> bool {
    stack.clear();
    let mut first_open = continues;
    let mut skip_to = 0usize;
    for (i, c) in candidates(p.s, p.rare) {
        if i < skip_to {
            continue;
        }
        let Some((mark, len)) = classify(p.s, i, c) else {
            continue;
        };
        skip_to = i + len;
        let open = |single| Open { at: i, len, single };
        match settle(p.s, i, c, mark, stack.double_open()) {
            Mark::OpenDouble => stack.open_double(open(false), c == '"'),
            Mark::OpenSingle => stack.marks.push(open(true)),
            Mark::CloseDouble => {
                if let Some((open, depth)) = stack.close_double() {
                    let continued = first_open && depth == 0 && open.at == 0;
                    push_span(out, p, Pair::closed(open, i, len, depth, continued));
                }
            }
            Mark::CloseSingle => {
                if let Some((open, depth)) = stack.close_single() {
                    push_span(out, p, Pair::closed(open, i, len, depth, false));
                }
            }
            Mark::EitherDouble => {}
        }
        first_open = first_open && !stack.marks.is_empty();
    }
    first_open
}

/// A double quote still open at the end of paragraph `p` runs on when the next paragraph
/// reopens it: its span to the paragraph end is kept, marked unclosed. Returns whether it
/// runs on.
fn carry_over(
    p: &Para<'_>,
    stack: &Stack,
    first_open: bool,
    next: Option<&Paragraph>,
    out: &mut Vec<QuotedSpan>,
) -> bool {
    let Some(open) = stack.outermost_double() else {
        return false;
    };
    let reopened =
        next.is_some_and(|n| n.span.end <= p.text.len() && starts_with_opening(p.text, n.span));
    if !reopened {
        return false;
    }
    let end = p.s.len();
    push_span(
        out,
        p,
        Pair {
            open,
            close: (end, end),
            depth: 0,
            continued: first_open && open.at == 0,
            unclosed: true,
        },
    );
    true
}

/// The opening marks of a paragraph not yet closed, innermost last.
#[derive(Default)]
struct Stack {
    marks: Vec<Open>,
    /// Positions in `marks` of the double (and of the straight double) opening marks, so
    /// that finding the innermost one never scans the stack.
    doubles: Vec<usize>,
    straights: Vec<usize>,
}

impl Stack {
    fn clear(&mut self) {
        self.marks.clear();
        self.doubles.clear();
        self.straights.clear();
    }

    /// True when a double quote is open.
    fn double_open(&self) -> bool {
        !self.doubles.is_empty()
    }

    /// Cuts the stack back to `k` marks, keeping the index stacks in step.
    fn cut(&mut self, k: usize) {
        self.marks.truncate(k);
        while self.doubles.last().is_some_and(|&x| x >= k) {
            self.doubles.pop();
        }
        while self.straights.last().is_some_and(|&x| x >= k) {
            self.straights.pop();
        }
    }

    /// Opens a double quote; a straight opening mark while a straight quote is open means
    /// that one was never closed, and drops it.
    fn open_double(&mut self, open: Open, straight: bool) {
        if straight {
            if let Some(&k) = self.straights.last() {
                self.cut(k);
            }
            self.straights.push(self.marks.len());
        }
        self.doubles.push(self.marks.len());
        self.marks.push(open);
    }

    /// Closes the innermost double quote (and whatever opened inside it): its opening mark
    /// and depth.
    fn close_double(&mut self) -> Option<(Open, usize)> {
        let &k = self.doubles.last()?;
        let open = self.marks[k];
        self.cut(k);
        Some((open, k))
    }

    /// Closes a single quote when it is the innermost one: its opening mark and depth.
    fn close_single(&mut self) -> Option<(Open, usize)> {
        let open = self.marks.last().copied().filter(|o| o.single)?;
        self.marks.pop();
        Some((open, self.marks.len()))
    }

    /// The outermost double quote still open.
    fn outermost_double(&self) -> Option<Open> {
        self.doubles
            .first()
            .and_then(|&k| self.marks.get(k))
            .copied()
    }
}

/// A pair of marks, relative to its paragraph.
struct Pair {
    open: Open,
    /// Where the closing mark starts and ends (both the paragraph end for an unclosed quote).
    close: (usize, usize),
    depth: usize,
    continued: bool,
    unclosed: bool,
}

impl Pair {
    /// The pair an opening mark makes with a closing mark of `len` bytes at `at`.
    fn closed(open: Open, at: usize, len: usize, depth: usize, continued: bool) -> Pair {
        Pair {
            open,
            close: (at, at + len),
            depth,
            continued,
            unclosed: false,
        }
    }
}

/// Pushes the span of a pair in paragraph `p`, unless it quotes nothing.
fn push_span(out: &mut Vec<QuotedSpan>, p: &Para<'_>, pair: Pair) {
    let base = p.base;
    let inner = Span::new(base + pair.open.at + pair.open.len, base + pair.close.0).trim(p.text);
    if inner.is_empty() {
        return;
    }
    out.push(QuotedSpan {
        outer: Span::new(base + pair.open.at, base + pair.close.1),
        inner,
        single: pair.open.single,
        depth: pair.depth,
        paragraph: p.index,
        unclosed: pair.unclosed,
        continued: pair.continued,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs::split;

    fn quoted(text: &str) -> Vec<String> {
        let paras = split(text, Span::new(0, text.len()));
        find(text, &paras)
            .iter()
            .map(|q| {
                let mut s = q.inner.slice(text).to_string();
                if q.single {
                    s = format!("'{s}'");
                }
                if q.unclosed {
                    s.push('+');
                }
                if q.continued {
                    s.insert(0, '+');
                }
                s
            })
            .collect()
    }

    #[test]
    fn marks_table() {
        let cases: &[(&str, &[&str])] = &[
            ("\"We are ready,\" he said.", &["We are ready,"]),
            ("“We are ready,” he said.", &["We are ready,"]),
            ("He said: «Non».", &["Non"]),
            ("``It was a bomb,'' he said.", &["It was a bomb,"]),
            ("''Yes,'' he said.", &["Yes,"]),
            (
                "the alleged ‘Russian aggression’ claims",
                &["'Russian aggression'"],
            ),
            ("\"A ‘fair’ deal,\" he said.", &["A ‘fair’ deal,", "'fair'"]),
            ("Russia’s and don’t and '90s and ‘90s", &[]),
            ("Indonesia\"s minister said \"no\".", &["no"]),
            (
                "An unclosed \"quote here. And \"a real one\" later.",
                &["a real one"],
            ),
            ("A stray ” closing mark.", &[]),
            (
                "”Peace first. Then talks.” ― Ana Ruiz",
                &["Peace first. Then talks."],
            ),
            ("” … and so we wait,” he said.", &["… and so we wait,"]),
            (
                "She said “we wait and see.“\n\nMore.",
                &["we wait and see."],
            ),
            ("the Clintons’ house and ‘scare’ words", &["'scare'"]),
            ("He said 'never' twice.", &["'never'"]),
            (
                "\"First part.\n\n\"Second part,\" he said.",
                &["First part.+", "+Second part,"],
            ),
            ("“Open without end.\n\nNext paragraph.", &[]),
            ("“Outer “inner” outer.”", &["Outer “inner” outer.", "inner"]),
        ];
        for (input, expected) in cases {
            assert_eq!(quoted(input), expected.to_vec(), "input {input:?}");
        }
    }

    #[test]
    fn pathological_inputs_are_fast() {
        let spans = |t: &str| find(t, &split(t, Span::new(0, t.len())));
        let start = std::time::Instant::now();
        let _ = spans(&"\"".repeat(200_000));
        let nested = format!("{}x{}", "“".repeat(20_000), "”".repeat(20_000));
        assert_eq!(spans(&nested).len(), 20_000);
        assert!(spans(&format!("\"{}", "word ".repeat(50_000))).is_empty());
        let _ = spans(&"‘a ".repeat(50_000));
        let _ = spans(&"' ".repeat(100_000));
        assert!(start.elapsed().as_secs() < 2);
    }
}
