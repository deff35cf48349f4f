//! The passes of attribution, each reading the story's tokens and cues and the claims of the
//! passes before it. Their order is written once, in [`super::attribute`].

pub(super) mod cue_clauses;
pub(super) mod nouns_and_labels;
pub(super) mod parties;
pub(super) mod quote_frames;
pub(super) mod quote_leftovers;
pub(super) mod speakers;
pub(super) mod turns;
