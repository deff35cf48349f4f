//! The vocabulary the stages share: the kinds of documents, statements, transcript turns,
//! speakers, dates and events. They sit at the bottom of the crate so that the stages that find
//! them (parse, analyse) and the record that publishes them (output) all import them from here,
//! and nothing below the output imports from it. The serialised names are part of the public record (`statements schema`).

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

/// What kind of document a story is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// A news story written by an agency or paper, whatever it reports (also a ministry's
    /// statement).
    WireStory,
    /// The transcript of a spokesperson's or official's briefing (`Department Press Briefing`).
    Briefing,
    /// The transcript of a press or news conference, or of a press availability.
    PressConference,
    /// The transcript of remarks or a speech (`Remarks by the President ...`).
    Remarks,
    /// The transcript of an interview.
    Interview,
    /// A statement issued by one office or person (`Statement by the Press Secretary ...`).
    Statement,
    /// A statement issued jointly by several governments or bodies.
    JointStatement,
    /// An issuer's account of a call or meeting (`Readout of ...`).
    Readout,
    /// The record of a meeting of a body (a United Nations Security Council record).
    MeetingRecord,
}

impl DocType {
    /// The snake_case name the serde derive gives the variant.
    pub fn name(self) -> &'static str {
        match self {
            DocType::WireStory => "wire_story",
            DocType::Briefing => "briefing",
            DocType::PressConference => "press_conference",
            DocType::Remarks => "remarks",
            DocType::Interview => "interview",
            DocType::Statement => "statement",
            DocType::JointStatement => "joint_statement",
            DocType::Readout => "readout",
            DocType::MeetingRecord => "meeting_record",
        }
    }

    /// Every variant, in declaration order.
    pub const ALL: [DocType; 9] = [
        DocType::WireStory,
        DocType::Briefing,
        DocType::PressConference,
        DocType::Remarks,
        DocType::Interview,
        DocType::Statement,
        DocType::JointStatement,
        DocType::Readout,
        DocType::MeetingRecord,
    ];

    /// The variant of a snake_case name (`press_conference`).
    pub fn from_name(name: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// What a transcript turn does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TurnRole {
    /// A journalist's or interviewer's turn.
    Question,
    /// An official's turn replying to a question.
    Answer,
    /// Opening remarks, a moderator's hand-off, or any other turn.
    Statement,
}

/// Whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// It happened, or is happening.
    Actual,
    /// Planned, scheduled, announced or promised (`will visit`, `a call set for Tuesday`).
    Future,
    /// Conditional (`if`, `unless`, `could`, `may`).
    Hypothetical,
    /// It did not happen (`did not meet`).
    Negated,
}

/// How precise an event's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A day (`2022-01-18`, `XXXX-01-10`, `XXXX-WXX-2`).
    Day,
    /// A week (`2022-W02`).
    Week,
    /// A month (`2022-01`).
    Month,
    /// A year (`2022`).
    Year,
    /// No date, or one of no known precision.
    Unknown,
}

/// How a statement reached its audience, read from the words near its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An interview (`in an interview with`).
    Interview,
    /// A press or news conference.
    PressConference,
    /// Remarks to reporters, a briefing (`told reporters`).
    Briefing,
    /// A written statement, communique or press release.
    Statement,
    /// A post on a social network (`on Twitter`, `tweeted`).
    SocialMedia,
    /// Television.
    Television,
    /// Radio.
    Radio,
    /// A letter or written message.
    Letter,
    /// A newspaper or magazine (`told the newspaper`, `in an article`).
    Newspaper,
    /// Another news agency (`told TASS`, `told Reuters`).
    ViaAgency,
    /// A speech or address.
    Speech,
    /// A meeting or talks (`at a meeting with`).
    Meeting,
}

impl Channel {
    /// Every variant, in declaration order.
    pub const ALL: [Channel; 12] = [
        Channel::Interview,
        Channel::PressConference,
        Channel::Briefing,
        Channel::Statement,
        Channel::SocialMedia,
        Channel::Television,
        Channel::Radio,
        Channel::Letter,
        Channel::Newspaper,
        Channel::ViaAgency,
        Channel::Speech,
        Channel::Meeting,
    ];

    /// The snake_case name the serde derive gives the variant.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Interview => "interview",
            Channel::PressConference => "press_conference",
            Channel::Briefing => "briefing",
            Channel::Statement => "statement",
            Channel::SocialMedia => "social_media",
            Channel::Television => "television",
            Channel::Radio => "radio",
            Channel::Letter => "letter",
            Channel::Newspaper => "newspaper",
            Channel::ViaAgency => "via_agency",
            Channel::Speech => "speech",
            Channel::Meeting => "meeting",
        }
    }

    /// The variant of a snake_case name (`press_conference`).
    pub fn from_name(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }
}
