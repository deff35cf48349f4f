//! The vocabulary the stages share: the kinds of statements, speakers and dates. They sit at
//! the bottom of the crate so that the stages that find them (parse, analyse) and the record
//! that publishes them (output) all import them from here, and nothing below the output imports
//! from it. The serialised names are part of the public record (`statements schema`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named or described person (`Sergey Lavrov`, `a Western diplomat`).
    Person,
    /// An organisation, body or document (`the Russian Foreign Ministry`, `the statement`).
    Organization,
    /// Several people (`sources`, `the Russian diplomats`, `officials`).
    Group,
    /// Not known.
    Unknown,
}

/// The kind of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Quoted words attributed to a source.
    Direct,
    /// A quoted fragment inside narration.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

/// The TimeML type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateType {
    /// A calendar date or period (`January 10`, `last week`, `2022`).
    Date,
    /// A time of day (`10:00 GMT`, `Tuesday morning`).
    Time,
    /// A length of time (`three days`).
    Duration,
    /// A recurrence (`every year`, `weekly`).
    Set,
}
