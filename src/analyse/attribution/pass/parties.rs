//! Parties: in an official document, who the narrator speaks of. A readout's or statement's
//! narrator refers to its principal by title alone (`The Secretary underscored …`, `The
//! President reaffirmed …`) and to both sides together (`Both leaders agreed …`, `The two
//! sides …`); a joint statement speaks as `we`, its signatories.
//!
//! - [`lead_parties`]: in a readout or a statement, the lead sentence names the parties: its
//!   subject before a meeting verb (`spoke`, `met`, `held`) and the name after `with`
//!   (`Secretary of State Adrian Pell spoke today with Nordmark Foreign Minister Lena
//!   Arvo`), or after `hosted`;
//! - [`joint_signatories`]: a joint statement's signatories are listed in its title after
//!   `Joint Statement by|of|between` (`… by the Republic of Halvaria and the Kingdom of
//!   Ostmark`), or else in its first `We, the leaders of A and B`;
//! - [`narrator_reference`]: `the` and a title (`The Secretary`, `The Prime Minister`, `The
//!   Foreign Minister`) is the party whose name holds those words, the principal first;
//! - [`together_reference`]: `both` or `the two` and a noun of the parties together
//!   (`Both leaders`, `The two sides`, `Both`), and in a joint statement `we` or `the sides`,
//!   are all the parties: one speaker of kind group, named after its members (`Adrian Pell
//!   and Lena Arvo`), whose mentions are recorded among each member's mentions too, so that
//!   the statement links to both.
//!
//! Nothing here runs for a wire story or a transcript: their speakers are resolved as
//! before. The words are data: `lexicon/parties.tsv`.

use crate::analyse::speakers::{is_title_word, Resolver};
use crate::span::Span;
use crate::vocab::{DocType, SpeakerKind};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The rules of this module, each with an example in `tests.rs` (`EXAMPLES`).
#[cfg(test)]
pub(in super::super) const RULES: &[&str] = &[
    "lead_parties",
    "joint_signatories",
    "narrator_reference",
    "together_reference",
];

/// How many bytes from the start of the body the lead sentence may start, and from the
/// start of the text a joint statement's title.
const LEAD_BYTES: usize = 800;

/// How many words after the meeting verb `with` may come (`spoke by phone today with`).
const WITH_WORDS: usize = 6;

/// How many words a party's name may have (`Secretary of State Adrian Pell`).
const NAME_WORDS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Meeting,
    Together,
    Joint,
    Signed,
}

static WORDS: LazyLock<FxHashMap<&'static str, Class>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../../../lexicon/parties.tsv"))
        .filter_map(|row| {
            let class = match row.get(1).copied()? {
                "meeting" => Class::Meeting,
                "together" => Class::Together,
                "joint" => Class::Joint,
                "signed" => Class::Signed,
                _ => return None,
            };
            Some((*row.first()?, class))
        })
        .collect()
});

fn class(word: &str) -> Option<Class> {
    WORDS.get(word.to_lowercase().as_str()).copied()
}

/// The parties of a document, as spans of the text naming them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(in super::super) struct Parties {
    /// The principal: the subject of a readout's lead sentence.
    pub(in super::super) principal: Option<Span>,
    /// The others: who the principal spoke or met with; a joint statement's signatories.
    pub(in super::super) others: Vec<Span>,
    /// A joint statement: `we` is all the parties.
    pub(in super::super) joint: bool,
}

/// The parties of a document of kind `kind` whose statements start at byte `body`.
pub(in super::super) fn find(text: &str, kind: Option<DocType>, body: usize) -> Parties {
    match kind {
        Some(DocType::Readout | DocType::Statement) => lead_parties(text, body),
        Some(DocType::JointStatement) => Parties {
            principal: None,
            others: joint_signatories(text),
            joint: true,
        },
        _ => Parties::default(),
    }
}

/// The words of `text[from..to]`: their spans, without the punctuation around them.
fn words(text: &str, from: usize, to: usize) -> Vec<Span> {
    let s = &text[from..to];
    s.split(char::is_whitespace)
        .filter_map(|w| {
            let core = w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
            let core = core.trim_end_matches('.');
            // Offsets from the pieces' addresses: a separator may be several bytes long.
            let start = from + (core.as_ptr() as usize - s.as_ptr() as usize);
            (!core.is_empty()).then(|| Span::new(start, start + core.len()))
        })
        .collect()
}

/// Whether the word after span `w` in `text` ends a sentence or a clause (`.`, `,`, `;`).
fn ends_clause(text: &str, w: Span) -> bool {
    text[w.end..].starts_with(['.', ',', ';', ':', '?', '!'])
}

/// Whether words `a` and `b` (in this order) are on one line: a title line is not part of
/// the lead sentence's subject.
fn same_line(text: &str, a: Span, b: Span) -> bool {
    !text[a.end..b.start].contains('\n')
}

fn capitalised(text: &str, w: Span) -> bool {
    w.slice(text).starts_with(char::is_uppercase) && !possessive(text, w)
}

fn possessive(text: &str, w: Span) -> bool {
    let s = w.slice(text);
    s.ends_with("’s") || s.ends_with("'s")
}

fn lead_parties(text: &str, body: usize) -> Parties {
    let end = (body + LEAD_BYTES..text.len())
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(text.len());
    let ws = words(text, body, end);
    for (v, &w) in ws.iter().enumerate() {
        if class(w.slice(text)) != Some(Class::Meeting) || v == 0 {
            continue;
        }
        // The subject ends right before the verb, or one adverb before (`Calder today met`).
        let last = (v.saturating_sub(2)..v)
            .rev()
            .find(|&k| capitalised(text, ws[k]))
            .filter(|&k| k + 1 == v || !ends_clause(text, ws[k]));
        let Some(last) = last else { continue };
        let principal = name_back(text, &ws, last);
        let hosted = w.slice(text) == "hosted";
        let object = if hosted {
            Some(v + 1)
        } else {
            (v + 1..ws.len().min(v + 1 + WITH_WORDS))
                .take_while(|&k| !ends_clause(text, ws[k - 1]) || k == v + 1)
                .find(|&k| ws[k].slice(text) == "with")
                .map(|k| k + 1)
        };
        let other = object.and_then(|k| name_forward(text, &ws, k, false));
        if let (Some(p), Some(o)) = (principal, other) {
            return Parties {
                principal: Some(p),
                others: vec![o],
                joint: false,
            };
        }
    }
    Parties::default()
}

/// The name ending with word `last`: capitalised words back to the sentence's start, `of`
/// between title words (`Secretary of State Adrian Pell`).
fn name_back(text: &str, ws: &[Span], last: usize) -> Option<Span> {
    let mut first = last;
    while first > 0 && last - first + 1 < NAME_WORDS {
        let k = first - 1;
        if ends_clause(text, ws[k]) || !same_line(text, ws[k], ws[first]) {
            break;
        }
        let w = ws[k].slice(text);
        let of = w == "of" && k > 0 && is_title_word(ws[k - 1].slice(text));
        if !(capitalised(text, ws[k]) || of) {
            break;
        }
        first = k;
    }
    Some(Span::new(ws[first].start, ws[last].end))
}

/// The name starting at word `k` (after a leading `the`): capitalised words, `of` between
/// them in a list of states (`any_of`: `Federal Republic of Varnia`), else after one word or
/// title words only (`Republic of Halvaria`, `Foreign Minister of Nordmark`, not
/// the `of Lusania` of `Prime Minister Ngozi Okafor of Lusania`), up to a clause's end.
fn name_forward(text: &str, ws: &[Span], mut k: usize, any_of: bool) -> Option<Span> {
    if ws.get(k)?.slice(text).eq_ignore_ascii_case("the") {
        k += 1;
    }
    let first = k;
    let mut last = None;
    while k < ws.len() && k - first < NAME_WORDS {
        let w = ws[k].slice(text);
        let of = w == "of"
            && (any_of || k == first + 1 || (first..k).all(|j| is_title_word(ws[j].slice(text))))
            && ws.get(k + 1).is_some_and(|n| capitalised(text, *n));
        if !(w.starts_with(char::is_uppercase) || of)
            || k > first && !same_line(text, ws[k - 1], ws[k])
        {
            break;
        }
        last = Some(k);
        if possessive(text, ws[k]) || ends_clause(text, ws[k]) {
            break;
        }
        k += 1;
    }
    last.map(|l| Span::new(ws[first].start, ws[l].end))
}

/// The signatories a joint statement's title lists (`Joint Statement by the Republic of
/// Halvaria and the Kingdom of Ostmark on …`).
fn joint_signatories(text: &str) -> Vec<Span> {
    let end = (LEAD_BYTES.min(text.len())..text.len())
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(text.len());
    let head = &text[..end];
    let lower = head.to_ascii_lowercase();
    let Some(at) = lower.find("joint statement") else {
        return Vec::new();
    };
    let line_end = head[at..].find('\n').map_or(end, |n| at + n);
    let ws = words(text, at, line_end);
    let Some(k) = ws
        .iter()
        .position(|w| class(w.slice(text)) == Some(Class::Signed))
    else {
        return Vec::new();
    };
    list(text, &ws[k + 1..])
}

/// Where the first line of the opening that starts with `We,` starts.
fn first_we(text: &str) -> Option<usize> {
    let end = (LEAD_BYTES.min(text.len())..text.len())
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(text.len());
    let head = &text[..end];
    if head.starts_with("We,") {
        return Some(0);
    }
    head.match_indices("\nWe,").next().map(|(i, _)| i + 1)
}

/// The name an apposition gives (` the Leaders of the Group of Seven (G7)`): without the
/// spaces around it, its article and a closing parenthesis.
fn apposition(text: &str, s: Span) -> Span {
    let raw = s.slice(text);
    let trimmed = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    let t = trimmed.strip_prefix("the ").unwrap_or(trimmed);
    let start = s.start + lead + (trimmed.len() - t.len());
    let t = match t.rfind(" (") {
        Some(p) if t.ends_with(')') => &t[..p],
        _ => t,
    };
    Span::new(start, start + t.len())
}

/// The names a list of words gives (`the Republic of Halvaria and the Kingdom of Ostmark`,
/// `A, B and C`), up to the first word that is none of theirs (`on`, `following`).
pub(in super::super) fn list(text: &str, ws: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let Some(name) = name_forward(text, ws, k, true) else {
            break;
        };
        out.push(name);
        k = ws.partition_point(|w| w.end <= name.end);
        if text[name.end..].starts_with(',') {
            if ws.get(k).is_some_and(|w| w.slice(text) == "and") {
                k += 1;
            }
            continue;
        }
        match ws.get(k).map(|w| w.slice(text)) {
            Some("and") => k += 1,
            _ => break,
        }
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// The parties' speakers, made as they are first referred to.
#[derive(Debug, Default)]
pub(in super::super) struct PartySpeakers {
    parties: Parties,
    /// Each party's name and entity, the principal first.
    members: Vec<(Span, usize)>,
    /// The entity of all the parties together.
    group: Option<usize>,
}

impl PartySpeakers {
    /// The parties' speakers, each party resolved at its own mention (they come before the
    /// statements, in the title or the lead sentence).
    pub(in super::super) fn new(text: &str, parties: Parties, resolver: &mut Resolver) -> Self {
        // A joint statement's signatories are states or bodies, named as the title lists
        // them; a readout's parties are read as any mention is.
        let members = parties
            .principal
            .iter()
            .chain(&parties.others)
            .filter_map(|&s| match parties.joint {
                true => Some((
                    s,
                    resolver.add_named(s.slice(text).to_string(), SpeakerKind::Organization, s),
                )),
                false => resolver.resolve(text, s).map(|e| (s, e)),
            })
            .collect();
        PartySpeakers {
            parties,
            members,
            group: None,
        }
    }

    /// A joint statement whose title lists no signatories: those its first `We, the leaders
    /// of A and B` lists, or the one body it names (`We, the Leaders of the Group of Seven`).
    fn signatories_of(&mut self, text: &str, resolver: &mut Resolver) {
        // The apposition after the first `We,` that opens a line, up to its comma.
        let Some(at) = first_we(text) else {
            return;
        };
        let from = at + "We,".len();
        let end = text[from..]
            .find([',', '.', '\n'])
            .map_or(text.len(), |n| from + n);
        let Some(of) = text[from..end].find(" of ") else {
            return;
        };
        let listed = list(text, &words(text, from + of + " of ".len(), end));
        if listed.len() < 2 {
            // One body speaks (`We, the Leaders of the Group of Seven (G7), …`): the group
            // is named by the apposition, without its article and parenthesis.
            let named = apposition(text, Span::new(from, end));
            let name = named.slice(text).to_string();
            self.group = Some(resolver.add_named(name, SpeakerKind::Group, named));
            return;
        }
        self.members = listed
            .iter()
            .map(|&s| {
                let e = resolver.add_named(s.slice(text).to_string(), SpeakerKind::Organization, s);
                (s, e)
            })
            .collect();
        self.parties.others = listed;
    }

    /// The speaker the narrator's mention `m` refers to among the parties, its mention
    /// recorded; `None` when it refers to none of them.
    pub(in super::super) fn refer(
        &mut self,
        text: &str,
        m: Span,
        resolver: &mut Resolver,
    ) -> Option<usize> {
        // A wire story or a transcript has no parties: nothing to read (not even the
        // mention's words, the cost of every mention of every story).
        if !self.parties.joint && self.members.is_empty() {
            return None;
        }
        let words: Vec<String> = m
            .slice(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if self.parties.joint && self.members.is_empty() && self.group.is_none() {
            self.signatories_of(text, resolver);
        }
        if together_reference(&words, self.parties.joint) {
            return self.together(m, resolver);
        }
        let e = narrator_reference(text, &words, &self.members)?;
        resolver.add_mention(e, m);
        Some(e)
    }

    fn together(&mut self, m: Span, resolver: &mut Resolver) -> Option<usize> {
        let members = &self.members;
        if members.len() < 2 {
            // the one body that names itself after `We,`, if any
            let g = self.group?;
            resolver.add_mention(g, m);
            return Some(g);
        }
        for &(_, e) in members {
            resolver.add_mention(e, m);
        }
        let group = match self.group {
            Some(g) => {
                resolver.add_mention(g, m);
                g
            }
            None => {
                let names: Vec<&str> = members
                    .iter()
                    .map(|&(_, e)| resolver.entities()[e].name.as_str())
                    .collect();
                let name = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.concat(),
                };
                resolver.add_named(name, SpeakerKind::Group, m)
            }
        };
        self.group = Some(group);
        Some(group)
    }
}

/// `Both leaders`, `The two sides`, `Both`, and in a joint statement `We`, `the sides`.
fn together_reference(words: &[String], joint: bool) -> bool {
    let (first, rest) = match words.split_first() {
        Some((f, r)) => (f.as_str(), r),
        None => return false,
    };
    if joint && first == "we" {
        return true;
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let rest = match (first, rest.as_slice()) {
        ("both", r) => r,
        ("the", ["two", r @ ..]) => r,
        ("the", r) if joint => r,
        _ => return false,
    };
    match rest {
        [] => first == "both" || words.len() == 2,
        [noun] => class(noun) == Some(Class::Together),
        _ => false,
    }
}

/// `The Secretary`, `The Foreign Minister`: the party whose name holds those words (three at
/// most, the last a title), the principal first.
fn narrator_reference(text: &str, words: &[String], members: &[(Span, usize)]) -> Option<usize> {
    let (first, titles) = words.split_first()?;
    if first != "the" || !titles.last().is_some_and(|w| is_title_word(w)) || titles.len() > 3 {
        return None;
    }
    members.iter().find_map(|&(s, e)| {
        let name = s.slice(text).to_lowercase();
        let has = |t: &String| name.split(' ').any(|w| w == t);
        titles.iter().all(has).then_some(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_and_joint_parties() {
        type Case = (
            &'static str,
            Option<DocType>,
            Option<&'static str>,
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                "Secretary of State Adrian Pell spoke today with Nordmark Foreign Minister Lena Arvo about the straits.",
                Some(DocType::Readout),
                Some("Secretary of State Adrian Pell"),
                &["Nordmark Foreign Minister Lena Arvo"],
            ),
            (
                "President Calder today met with Prime Minister Ngozi Okafor of Lusania at the White House.",
                Some(DocType::Readout),
                Some("President Calder"),
                &["Prime Minister Ngozi Okafor"],
            ),
            (
                "Joint Statement by the Republic of Halvaria and the Kingdom of Ostmark on Energy\n\nWe agree.",
                Some(DocType::JointStatement),
                None,
                &["Republic of Halvaria", "Kingdom of Ostmark"],
            ),
            (
                "Secretary Pell spoke today with Foreign Minister Arvo.",
                Some(DocType::WireStory),
                None,
                &[],
            ),
        ];
        for &(text, kind, principal, others) in cases {
            let p = find(text, kind, 0);
            assert_eq!(p.principal.map(|s| s.slice(text)), principal, "{text}");
            let got: Vec<&str> = p.others.iter().map(|s| s.slice(text)).collect();
            assert_eq!(got, others, "{text}");
        }
    }

    #[test]
    fn references() {
        let w = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
        assert!(together_reference(&w("both leaders"), false));
        assert!(together_reference(&w("the two sides"), false));
        assert!(together_reference(&w("both"), false));
        assert!(!together_reference(&w("the sides"), false));
        assert!(together_reference(&w("the sides"), true));
        assert!(together_reference(&w("we"), true));
        assert!(!together_reference(&w("we"), false));
        assert!(!together_reference(&w("both companies"), false));
    }
}
