//! Trailing credit lines: what ends a story after its narrative text (` Reuter`, `(END)`,
//! `==Kyodo`, `(Reporting by ...; Editing by ...)`, `###`), read from the bottom up over the
//! last few lines only. Some credits name the agency (` Reuter`).

use super::lex::{self, CreditKind};
use super::text::{floor_boundary, line_before, trim, Line};
use crate::lexicon::Initials;
use std::sync::LazyLock;

/// How far back from the end of the story credits are looked for, in bytes.
const BOTTOM_BYTES: usize = 3000;
/// The most non-blank lines looked at from the bottom.
const MAX_LINES: usize = 8;
/// How far back from the end of a line a closing `( ... )` credit may start, in bytes.
const MAX_PAREN: usize = 400;
/// The longest line an e-mail sign-off (`Write to Jane Roe at jane.roe@wsj.com`) is looked
/// for in, in bytes.
const MAX_MAIL_LINE: usize = 200;

/// What the end of a story holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tail {
    /// Where the narrative text ends (before the credits; white space not trimmed).
    pub body_end: usize,
    /// The agency a credit names (` Reuter` -> `Reuters`).
    pub agency: Option<&'static str>,
}

/// `s` ends with `p`, ASCII case-insensitively.
fn ends_with_ci(s: &str, p: &str) -> bool {
    // The last bytes first: most lines end like none of the patterns.
    let last = |x: &str| x.as_bytes().last().map(u8::to_ascii_lowercase);
    s.len() >= p.len()
        && (p.is_empty() || last(s) == last(p))
        && s.is_char_boundary(s.len() - p.len())
        && s[s.len() - p.len()..].eq_ignore_ascii_case(p)
}

/// `s` starts with `p`, ASCII case-insensitively.
fn starts_with_ci(s: &str, p: &str) -> bool {
    // The first bytes first: most lines start like none of the patterns.
    let first = |x: &str| x.as_bytes().first().map(u8::to_ascii_lowercase);
    s.len() >= p.len()
        && (p.is_empty() || first(s) == first(p))
        && s.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p))
}

/// True when a line is a reporter's signature: an e-mail address (`ksy@yna.co.kr`) or an
/// editors' code (`bur-fz/sw`, `jm/ach`).
fn signature(line: &str) -> bool {
    if line.len() > 40 || line.contains(char::is_whitespace) {
        return false;
    }
    let email = line.contains('@') && line.contains('.');
    let code = line.contains('/')
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, '/' | '-'));
    email || code
}

/// When the whole (trimmed) line is a credit: `Some(agency it names)`.
fn credit_line(line: &str) -> Option<Option<&'static str>> {
    if !line.chars().any(char::is_alphanumeric) {
        // `###`, `-0-`, `___`, `* * *`.
        return Some(None);
    }
    let mail = if line.len() <= MAX_MAIL_LINE && line.contains('@') {
        lex::agency_of_email(line)
    } else {
        None
    };
    if signature(line) {
        return Some(mail.flatten());
    }
    // A short line with the address of a known agency's reporter: `Contact: jroe@ap.org`.
    if let Some(Some(agency)) = mail {
        if line.len() <= MAX_MAIL_LINE / 2 {
            return Some(Some(agency));
        }
    }
    // `REUTER^M`: a carriage return written out in caret notation by some converters.
    let norm = line.strip_suffix("^M").unwrap_or(line);
    let norm = norm
        .trim_end_matches(|c: char| c == '.' || c == '…' || c.is_whitespace() || c.is_control());
    let norm = norm.trim_start_matches(|c: char| c == '-' || c == '—' || c.is_whitespace());
    let paren_inner = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .map(str::trim);
    if !Openings::get().may_match(line, norm, paren_inner, mail.is_some()) {
        return None;
    }
    lex::credits().iter().find_map(|c| {
        let hit = match c.kind {
            CreditKind::Line => norm.eq_ignore_ascii_case(&c.pattern),
            CreditKind::Prefix => starts_with_ci(line, &c.pattern),
            CreditKind::Ends => ends_with_ci(norm, &c.pattern),
            CreditKind::Paren => paren_inner.is_some_and(|i| starts_with_ci(i, &c.pattern)),
            CreditKind::Suffix => false,
            CreditKind::Mail => mail.is_some() && starts_with_ci(line, &c.pattern),
        };
        hit.then(|| c.agency.or(mail.flatten()))
    })
}

/// What the whole-line credit patterns ([`credit_line`]) can match, by kind: the first two
/// bytes of those compared from the start of the line (or of its parenthesised group), the
/// last bytes of those compared at its end. A line of text, which none of them starts or
/// ends, is ruled out with a few tests instead of one per pattern.
struct Openings {
    line: Initials,
    prefix: Initials,
    paren: Initials,
    mail: Initials,
    /// The last bytes of the `Ends` patterns (ASCII lower case), one bit each.
    ends: [u64; 4],
    /// An `Ends` pattern is empty: it ends every line.
    ends_any: bool,
}

impl Openings {
    fn get() -> &'static Openings {
        static OPENINGS: LazyLock<Openings> = LazyLock::new(|| {
            let of = |kind: CreditKind| {
                Initials::new(
                    lex::credits()
                        .iter()
                        .filter(move |c| c.kind == kind)
                        .map(|c| c.pattern.as_bytes()),
                )
            };
            let (mut ends, mut ends_any) = ([0u64; 4], false);
            for c in lex::credits().iter().filter(|c| c.kind == CreditKind::Ends) {
                match c.pattern.as_bytes().last() {
                    Some(&b) => {
                        let b = usize::from(b.to_ascii_lowercase());
                        ends[b / 64] |= 1 << (b % 64);
                    }
                    None => ends_any = true,
                }
            }
            Openings {
                line: of(CreditKind::Line),
                prefix: of(CreditKind::Prefix),
                paren: of(CreditKind::Paren),
                mail: of(CreditKind::Mail),
                ends,
                ends_any,
            }
        });
        &OPENINGS
    }

    /// False when no pattern can match: `line` is the trimmed line, `norm` the line as the
    /// `Line` and `Ends` patterns read it, `paren` the inside of a parenthesised line.
    fn may_match(&self, line: &str, norm: &str, paren: Option<&str>, mail: bool) -> bool {
        let ends = |s: &str| {
            self.ends_any
                || s.as_bytes().last().is_some_and(|&b| {
                    let b = usize::from(b.to_ascii_lowercase());
                    self.ends[b / 64] & (1 << (b % 64)) != 0
                })
        };
        self.line.may_start(norm.as_bytes())
            || self.prefix.may_start(line.as_bytes())
            || ends(norm)
            || paren.is_some_and(|p| self.paren.may_start(p.as_bytes()))
            || (mail && self.mail.may_start(line.as_bytes()))
    }
}

/// A credit closing a line of text: `... the future. REUTER`, `... said. (Reporting by X)`.
/// Returns where the text before it ends, and the agency it names.
fn trailing_credit(text: &str, line: &Line) -> Option<(usize, Option<&'static str>)> {
    let t = text[line.start..line.end].trim_end();
    if t.ends_with(')') {
        let lo = floor_boundary(t, t.len().saturating_sub(MAX_PAREN));
        if let Some(open) = t[lo..].rfind('(') {
            let open = lo + open;
            let inner = t[open + 1..t.len() - 1].trim();
            let found = lex::credits_of(CreditKind::Paren)
                .iter()
                .find(|c| starts_with_ci(inner, &c.pattern));
            if let Some(c) = found {
                return Some((line.start + open, c.agency));
            }
        }
    }
    for c in lex::credits_of(CreditKind::Suffix) {
        if !ends_with_ci(t, &c.pattern) {
            continue;
        }
        let before = t[..t.len() - c.pattern.len()].trim_end();
        let spaced = before.len() < t.len() - c.pattern.len();
        // After a full sentence only: `... said Edzard Reuter` is a name, not a credit.
        let after_sentence = before.ends_with(['.', '!', '?', '"', '”', '\'', ')']);
        if spaced && after_sentence {
            return Some((line.start + before.len(), c.agency));
        }
    }
    None
}

/// Reads the credits at the end of `text`, looking no further back than `floor` (the body
/// start) nor than the last few lines.
pub(super) fn read(text: &str, floor: usize) -> Tail {
    let lo = floor.max(floor_boundary(
        text,
        text.len().saturating_sub(BOTTOM_BYTES),
    ));
    let lo = floor_boundary(text, lo.min(text.len()));
    let mut tail = Tail {
        body_end: text.len(),
        agency: None,
    };
    let mut next = text.len();
    let mut seen = 0;
    while seen < MAX_LINES {
        let Some(line) = line_before(text, next, lo) else {
            break;
        };
        let t = trim(line.text(text));
        if t.is_empty() {
            if line.truncated {
                break;
            }
            next = line.start;
            tail.body_end = line.start;
            continue;
        }
        seen += 1;
        if !line.truncated {
            if let Some(agency) = credit_line(t) {
                tail.agency = tail.agency.or(agency);
                tail.body_end = line.start;
                next = line.start;
                continue;
            }
        }
        if let Some((cut, agency)) = trailing_credit(text, &line) {
            tail.agency = tail.agency.or(agency);
            tail.body_end = cut;
        }
        break;
    }
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_end_the_body() {
        let cases = [
            ("Prices rose.\n Reuter\n", "Prices rose.", Some("Reuters")),
            (
                "Prices rose.\r\n REUTER...\r\n",
                "Prices rose.",
                Some("Reuters"),
            ),
            (
                "Prices rose, it said. REUTER\n",
                "Prices rose, it said.",
                Some("Reuters"),
            ),
            (
                "Said chief Edzard Reuter\n",
                "Said chief Edzard Reuter",
                None,
            ),
            (
                "The talks end Friday.\n\n(Reporting by Ana Ruiz; Editing by Tom Lee)\n",
                "The talks end Friday.",
                Some("Reuters"),
            ),
            (
                "The talks end Friday. (Reporting by Ana Ruiz; Editing by Tom Lee)",
                "The talks end Friday.",
                Some("Reuters"),
            ),
            ("The ship sailed.\n(END)\n", "The ship sailed.", None),
            ("The ship sailed. (END)", "The ship sailed.", None),
            (
                "The court ruled.\n==Kyodo\n",
                "The court ruled.",
                Some("Kyodo"),
            ),
            (
                "The plan was approved. Enditem\n",
                "The plan was approved.",
                None,
            ),
            (
                "The statement ended.\n\n###\n",
                "The statement ended.",
                None,
            ),
            ("Police said.\n\nbur-xy/ab\n", "Police said.", None),
            (
                "The test came.\n\nabc@example.co.kr\n(END)\n",
                "The test came.",
                None,
            ),
            (
                "Both sides spoke.\n\n___\n\nJane Roe in Rome contributed to this report.\n",
                "Both sides spoke.",
                None,
            ),
            (
                "No credit at all (he said).",
                "No credit at all (he said).",
                None,
            ),
            ("", "", None),
            (
                "The talks ended.\n\nWrite to Jane Roe at jane.roe@wsj.com\n",
                "The talks ended.",
                Some("The Wall Street Journal"),
            ),
            (
                "The ship sailed.\n\nkim@yna.co.kr\n(END)\n",
                "The ship sailed.",
                Some("Yonhap"),
            ),
            (
                "The envoy left.\n\nContact the reporter: jroe@ap.org\n",
                "The envoy left.",
                Some("AP"),
            ),
            (
                "The envoy left.\n\njroe@ap.org\n",
                "The envoy left.",
                Some("AP"),
            ),
            (
                "He said so.\n\nContact: press@example.org\n",
                "He said so.",
                None,
            ),
            (
                "She wrote to the envoy at home.\n",
                "She wrote to the envoy at home.",
                None,
            ),
            (
                "Readers may send questions to the ministry at info@example.org, the statement said.\n",
                "Readers may send questions to the ministry at info@example.org, the statement said.",
                None,
            ),
        ];
        for (text, body, agency) in cases {
            let tail = read(text, 0);
            assert_eq!(text[..tail.body_end].trim_end(), body, "{text:?}");
            assert_eq!(tail.agency, agency, "{text:?}");
        }
        // The floor is respected: nothing before it is read.
        let t = "Reuter\nBody";
        assert_eq!(read(t, 7).body_end, t.len());
    }
}
