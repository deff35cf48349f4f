//! The windows the rules look through, in tokens. Each bounds how far a rule looks from a
//! cue or a quotation, which keeps attribution linear in the story length; the values were
//! set on the annotated corpora and changing one changes the output.

/// How far after a closing quotation mark its cue may start (`"…," the foreign minister of
/// Russia, Sergey Lavrov, said`): further on, a cue belongs to a new clause.
pub(super) const CUE_AFTER_QUOTE: usize = 24;

/// How long a name after a dash closing a quotation may be (`“…” ― Oscar P. Quintero`).
pub(super) const DASH_NAME: usize = 8;

/// How far before an opening quotation mark its cue may end, past a colon (`X told
/// reporters on Monday: "…"`, room for an addressee and adjuncts)…
pub(super) const CUE_BEFORE_COLON: usize = 10;

/// …and past a comma (`X said, "…"`): a comma leaves less room.
pub(super) const CUE_BEFORE_COMMA: usize = 6;

/// A quotation that continues the quoted speaker before it, or floats after a statement,
/// has at least this many words: shorter ones are scare quotes or names.
pub(super) const CONTINUED_QUOTE_WORDS: usize = 3;

/// A quotation with no frame at all is speech when it has at least this many words.
pub(super) const UNFRAMED_QUOTE_WORDS: usize = 6;

/// A quotation nearly all of a statement's content (nine tenths of it, these two as a
/// ratio) makes the statement its quotation.
pub(super) const NEARLY_ALL: (usize, usize) = (9, 10);

/// How far before `as saying` its `quoted` may be (`TASS quoted the Kremlin spokesman
/// Dmitry Peskov as saying`).
pub(super) const QUOTED_BEFORE_AS_SAYING: usize = 10;

/// How many words a subject of a strong cue without a source head may have (`the top
/// negotiator for the bloc said`)…
pub(super) const STRONG_SUBJECT: usize = 6;

/// …and of a weak cue, up to its first comma (`the transcript shows`).
pub(super) const WEAK_SUBJECT: usize = 8;

/// …and of a weak cue whose subject is not a source, before a `that` clause.
pub(super) const THAT_CLAUSE_SUBJECT: usize = 5;

/// How many tokens after `told` an addressee and the adjunct after it may take (`told his
/// closest advisers as he left`).
pub(super) const TELL_ADDRESSEE: usize = 6;

/// How many words a request for comment after a negated cue may be from its start
/// (`did not respond to requests for comment`).
pub(super) const COMMENT_REQUEST: usize = 6;

/// How far a name and colon may open a paragraph (`Lavrov: …`, `Sen. Tim Kaine: …`).
pub(super) const LABEL_NAME: usize = 6;

/// How many steps an inherited speaker is followed back (guards against cycles).
pub(super) const INHERIT_STEPS: usize = 8;

/// How many words a name after a cue may have to close an attribution with a weak cue
/// (`…, argued Smith.`).
pub(super) const NAME_AFTER_CUE: usize = 6;

/// A `Name:` label opens a paragraph of at least this many words after the colon.
pub(super) const LABEL_CONTENT_WORDS: usize = 3;

/// How many tokens a noun phrase may have (`the former Russian deputy foreign minister
/// for arms control Sergei Ryabkov`): a longer run is a clause, not a subject.
pub(super) const NP_TOKENS: usize = 14;

/// How far back a parenthesis inside a name may open (`Gov. Pat McCrory (R-N.C.)`).
pub(super) const PARENTHESIS: usize = 8;

/// How many tokens a fronted adverbial may have (`On Sunday's broadcast of "Meet the
/// Press,"`).
pub(super) const FRONTED_ADVERBIAL: usize = 14;

/// How far after `told` its `that` may be (`told reporters in Geneva on Tuesday that`).
pub(super) const TOLD_THAT: usize = 12;

/// How many steps the content start moves past `that`, commas and time words after a cue.
pub(super) const CONTENT_START_STEPS: usize = 8;

/// How long an adjunct after a cue may be before its `that` (`said in a statement posted on
/// the ministry's website late on Tuesday that`).
pub(super) const ADJUNCT_BEFORE_THAT: usize = 25;
