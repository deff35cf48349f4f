//! Closed word classes that several stages read: the personal pronouns and their possessives
//! (`pronouns.tsv`), the determiners (`determiners.tsv`) and the abbreviations written with a
//! period (`abbreviations.tsv`). Each file is parsed once, into typed rows; a stage picks the
//! words it needs by their columns (`case` possessive, `definite` no, kind month...) rather
//! than keeping a list of its own.

// Fx hash: short trusted keys, many lookups per story; SipHash's DoS resistance buys nothing.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What an abbreviation of `abbreviations.tsv` is, which says where its period may end a
/// sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Before a name: `Mr.`, `Gen.`, `St.`.
    Title,
    /// Before a day: `Sept. 5`.
    Month,
    /// A US state after a town: `Austin, Tex.`.
    State,
    /// The end of a company's or a person's name (`Corp.`, `Jr.`), and `etc.`, `Dept.`.
    Suffix,
    /// Before a number: `No. 1`.
    Number,
    /// `vs.`, `approx.`.
    Other,
}

/// Grammatical case of a pronoun form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `he`, `they`.
    Subject,
    /// `him`, `them`.
    Object,
    /// A possessive determiner: `his`, `their`.
    Possessive,
    /// `himself`, `themselves`.
    Reflexive,
}

/// Gender a pronoun form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `he`, `him`, `his`.
    Male,
    /// `she`, `her`.
    Female,
    /// `it`, `its`.
    Neuter,
}

/// One row of `pronouns.tsv`: one form in one use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    /// The form, lower case.
    pub word: &'static str,
    /// 1, 2 or 3.
    pub person: u8,
    /// `Some(true)` plural, `Some(false)` singular, `None` either (`you`).
    pub plural: Option<bool>,
    /// Subject, object, possessive or reflexive.
    pub case: Case,
    /// `None` where the form does not tell (`they`, `I`).
    pub gender: Option<Gender>,
}

impl Pronoun {
    /// A possessive of the third person or of the plural (`his`, `its`, `their`, `our`): the
    /// ones that open a description of someone else (not `my`, `your`).
    pub fn is_possessive_of_others(&self) -> bool {
        self.case == Case::Possessive && (self.person == 3 || self.plural == Some(true))
    }
}

/// What a determiner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeterminerKind {
    /// `the`, `a`, `an`.
    Article,
    /// `this`, `those`.
    Demonstrative,
    /// `some`, `several`, `both`.
    Quantifier,
    /// `two`, `three`.
    Numeral,
}

/// One row of `determiners.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Determiner {
    /// The determiner, lower case.
    pub word: &'static str,
    /// Article, demonstrative, quantifier or numeral.
    pub kind: DeterminerKind,
    /// It points at something known (`the`, `this`), rather than introducing something new.
    pub definite: bool,
}

static PRONOUNS: LazyLock<Vec<Pronoun>> = LazyLock::new(|| {
    super::rows(include_str!("pronouns.tsv"))
        .filter_map(|row| {
            let [word, person, number, case, gender] = row[..] else {
                return None;
            };
            Some(Pronoun {
                word,
                person: person.parse().ok()?,
                plural: match number {
                    "sg" => Some(false),
                    "pl" => Some(true),
                    _ => None,
                },
                case: match case {
                    "subject" => Case::Subject,
                    "object" => Case::Object,
                    "possessive" => Case::Possessive,
                    "reflexive" => Case::Reflexive,
                    _ => return None,
                },
                gender: match gender {
                    "m" => Some(Gender::Male),
                    "f" => Some(Gender::Female),
                    "n" => Some(Gender::Neuter),
                    _ => None,
                },
            })
        })
        .collect()
});

static DETERMINERS: LazyLock<Vec<Determiner>> = LazyLock::new(|| {
    super::rows(include_str!("determiners.tsv"))
        .filter_map(|row| {
            let [word, kind, definite] = row[..] else {
                return None;
            };
            Some(Determiner {
                word,
                kind: match kind {
                    "article" => DeterminerKind::Article,
                    "demonstrative" => DeterminerKind::Demonstrative,
                    "quantifier" => DeterminerKind::Quantifier,
                    "numeral" => DeterminerKind::Numeral,
                    _ => return None,
                },
                definite: definite == "yes",
            })
        })
        .collect()
});

static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbreviationKind>> = LazyLock::new(|| {
    super::rows(include_str!("abbreviations.tsv"))
        .filter_map(|row| {
            let [word, kind] = row[..] else {
                return None;
            };
            let kind = match kind {
                "title" => AbbreviationKind::Title,
                "month" => AbbreviationKind::Month,
                "state" => AbbreviationKind::State,
                "suffix" => AbbreviationKind::Suffix,
                "number" => AbbreviationKind::Number,
                "other" => AbbreviationKind::Other,
                _ => return None,
            };
            Some((word, kind))
        })
        .collect()
});

/// The length in bytes of the longest abbreviation of `abbreviations.tsv`: a longer word need
/// not be looked up.
pub const ABBREVIATION_MAX: usize = 6;

/// The kind of the abbreviation `lower` (lower case, without its period) of
/// `abbreviations.tsv`, or `None` when it is none.
pub fn abbreviation(lower: &str) -> Option<AbbreviationKind> {
    ABBREVIATIONS.get(lower).copied()
}

/// The rows of `pronouns.tsv`, in file order.
pub fn pronouns() -> &'static [Pronoun] {
    &PRONOUNS
}

/// The rows of `determiners.tsv`, in file order.
pub fn determiners() -> &'static [Determiner] {
    &DETERMINERS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row reads into its columns: none is dropped for a misspelt value.
    #[test]
    fn every_row_reads() {
        let rows = |data: &'static str| super::super::rows(data).count();
        assert_eq!(pronouns().len(), rows(include_str!("pronouns.tsv")));
        assert_eq!(determiners().len(), rows(include_str!("determiners.tsv")));
        assert_eq!(ABBREVIATIONS.len(), rows(include_str!("abbreviations.tsv")));
        assert!(ABBREVIATIONS.keys().all(|w| w.len() <= ABBREVIATION_MAX));
    }

    /// A named filter on the pronouns' columns and the words it gives.
    type Filter<'a> = (&'a str, &'a dyn Fn(&Pronoun) -> bool, &'a [&'a str]);

    /// Filters on the columns, each with the words it gives.
    #[test]
    fn filters_on_columns() {
        let words = |f: &dyn Fn(&Pronoun) -> bool| -> Vec<&str> {
            pronouns().iter().filter(|p| f(p)).map(|p| p.word).collect()
        };
        let cases: &[Filter] = &[
            (
                "possessive",
                &|p| p.case == Case::Possessive,
                &["my", "our", "your", "his", "her", "its", "their"],
            ),
            (
                "possessive of others",
                &|p| p.is_possessive_of_others(),
                &["our", "his", "her", "its", "their"],
            ),
            (
                "reflexive, female",
                &|p| p.case == Case::Reflexive && p.gender == Some(Gender::Female),
                &["herself"],
            ),
        ];
        for (name, filter, want) in cases {
            assert_eq!(words(*filter), *want, "{name}");
        }
        let indefinite: Vec<&str> = determiners()
            .iter()
            .filter(|d| !d.definite)
            .map(|d| d.word)
            .collect();
        assert_eq!(
            indefinite,
            [
                "a", "an", "another", "one", "some", "several", "many", "other", "both", "all",
                "two", "three"
            ]
        );
    }
}
