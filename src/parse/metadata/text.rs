//! Small text helpers for the metadata reader: bounded line iteration from the top and from
//! the bottom of a story (`\n` and `\r\n` line ends), and char-boundary-safe windows.
//!
//! Every helper here does bounded work: the metadata reader must only look at the first and
//! last few lines of a story, however large or strange the input.

/// One line of the text, without its line terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    /// First byte of the line.
    pub start: usize,
    /// End of the line's text, before `\r\n` / `\n`.
    pub end: usize,
    /// Start of the following line (`text.len()` for the last line).
    pub next: usize,
    /// True when the line was cut at the look-ahead window: its real end is further on.
    pub truncated: bool,
}

impl Line {
    /// The line's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the line holds only white space.
    pub fn is_blank(&self, text: &str) -> bool {
        trim(self.text(text)).is_empty()
    }
}

pub(super) use crate::text::trim;

/// The largest char boundary of `text` that is `<= at`.
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The line starting at `start` (a char boundary), looking at most `window` bytes ahead for
/// its end; a longer line comes back `truncated` at the window.
pub(super) fn line_at(text: &str, start: usize, window: usize) -> Line {
    let bytes = text.as_bytes();
    let limit = floor_boundary(text, start.saturating_add(window));
    match memchr::memchr(b'\n', &bytes[start..limit]) {
        Some(i) => {
            let nl = start + i;
            let end = if nl > start && bytes[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            Line {
                start,
                end,
                next: nl + 1,
                truncated: false,
            }
        }
        None if limit == text.len() => {
            let end = if limit > start && bytes[limit - 1] == b'\r' {
                limit - 1
            } else {
                limit
            };
            Line {
                start,
                end,
                next: text.len(),
                truncated: false,
            }
        }
        None => Line {
            start,
            end: limit,
            next: limit,
            truncated: true,
        },
    }
}

/// The line that ends just before `next` (the start of the following line, or `text.len()`),
/// looking back no further than `floor`; `None` when `next <= floor`. A line reaching back past
/// `floor` comes back `truncated`, starting at `floor`.
pub(super) fn line_before(text: &str, next: usize, floor: usize) -> Option<Line> {
    if next <= floor {
        return None;
    }
    let bytes = text.as_bytes();
    let mut end = next;
    if bytes[end - 1] == b'\n' {
        end -= 1;
    }
    let (start, truncated) = match memchr::memrchr(b'\n', &bytes[floor..end]) {
        Some(i) => (floor + i + 1, false),
        None => (floor, floor > 0),
    };
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    Some(Line {
        start,
        end,
        next,
        truncated,
    })
}

/// Skips white space other than line ends from byte `i` of `s`.
pub(super) fn skip_spaces(s: &str, i: usize) -> usize {
    // Spaces and tabs byte by byte; after them a printable ASCII byte or a line end (nearly
    // always) ends the run without decoding chars.
    let b = s.as_bytes();
    let mut i = i;
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    match b.get(i) {
        None | Some(b'\n' | b'\r') => return i,
        Some(c) if c.is_ascii_graphic() => return i,
        _ => {}
    }
    let rest = &s[i..];
    let kept = rest.trim_start_matches(|c: char| {
        (c.is_whitespace() || c == '\u{feff}') && c != '\n' && c != '\r'
    });
    i + (rest.len() - kept.len())
}

/// Skips all white space, line ends included, from byte `i` of `s`, at most `limit` bytes.
pub(super) fn skip_whitespace(s: &str, i: usize, limit: usize) -> usize {
    let stop = floor_boundary(s, i.saturating_add(limit));
    let rest = &s[i..stop];
    let kept = rest.trim_start();
    i + (rest.len() - kept.len())
}

/// The char at byte `i` of `s`, if any.
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    // An ASCII byte (nearly always) is its char: no decoding.
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(i..).and_then(|r| r.chars().next()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_forward_and_back() {
        let text = "ab\r\ncd\n\nef";
        let a = line_at(text, 0, 100);
        assert_eq!((a.text(text), a.next), ("ab", 4));
        let b = line_at(text, a.next, 100);
        assert_eq!(b.text(text), "cd");
        let c = line_at(text, b.next, 100);
        assert!(c.is_blank(text));
        let d = line_at(text, c.next, 100);
        assert_eq!((d.text(text), d.next), ("ef", text.len()));
        let last = line_before(text, text.len(), 0).unwrap();
        assert_eq!(last.text(text), "ef");
        let blank = line_before(text, last.start, 0).unwrap();
        assert!(blank.is_blank(text));
        let cd = line_before(text, blank.start, 0).unwrap();
        assert_eq!(cd.text(text), "cd");
        let ab = line_before(text, cd.start, 0).unwrap();
        assert_eq!(ab.text(text), "ab");
        assert_eq!(line_before(text, ab.start, 0), None);
    }

    #[test]
    fn windows_respect_char_boundaries() {
        let text = "ééééé\nx";
        let l = line_at(text, 0, 3);
        assert!(l.truncated);
        assert_eq!(l.text(text), "é");
        assert_eq!(floor_boundary(text, 3), 2);
        let t = line_before(text, text.len(), 6).unwrap();
        assert_eq!(t.text(text), "x");
    }
}
