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

/// Where a story's date comes from, in the order they win (see `Options` in the crate root).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given with the story from outside the text: a `--jsonl` record's `date`, or
    /// `Options::story_date`.
    Given,
    /// The document itself: a date header, the dateline, a date line near the top. A date
    /// the text gives without its year takes the year of the `option` or `path` date, if any.
    Text,
    /// The `--date` option (`Options::default_date`), for a story whose text gives no date.
    Option,
    /// The file's path (`2022/01/18/`, `20220118`), for a story whose text gives no date and
    /// with no `--date`.
    Path,
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

/// The format a story arrived in, read from its content (never from the file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text: the input is the text, and offsets index it.
    PlainText,
    /// An HTML page: its article's main text is analysed.
    Html,
    /// IPTC NewsML-G2 XML (`newsMessage`, `newsItem`): one record per news item.
    NewsmlG2,
    /// IPTC News Industry Text Format XML (`nitf`).
    Nitf,
    /// An IPTC 7901 wire transmission (SOH header, keyword line, STX, text, ETX).
    Iptc7901,
    /// An ANPA-1312 (NAA 89-3) wire transmission (SYN SYN SOH, selector, slug line, STX, ETX).
    Anpa1312,
}

impl Format {
    /// The snake_case name the serde derive gives the variant.
    pub fn name(self) -> &'static str {
        match self {
            Format::PlainText => "plain_text",
            Format::Html => "html",
            Format::NewsmlG2 => "newsml_g2",
            Format::Nitf => "nitf",
            Format::Iptc7901 => "iptc7901",
            Format::Anpa1312 => "anpa1312",
        }
    }
}

/// What a speaker is, by office or function: a small closed vocabulary read from the titles
/// and descriptions the story gives (`speakers_roles.tsv`). Person roles first, then the roles
/// of bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerRole {
    /// President, king, emir, supreme leader of a state.
    HeadOfState,
    /// Prime minister, premier, chancellor of a government.
    HeadOfGovernment,
    /// Foreign minister, foreign secretary, secretary of state.
    ForeignMinister,
    /// Any other minister or cabinet secretary.
    Minister,
    /// Deputy, vice or junior minister, state or under secretary.
    DeputyMinister,
    /// Spokesman, spokeswoman, press secretary.
    Spokesperson,
    /// An ambassador.
    Ambassador,
    /// A diplomat, envoy, negotiator, consul or delegate.
    Diplomat,
    /// An official, aide, adviser, director or administrator of a public body.
    Official,
    /// A member of a legislature: senator, congressman, lawmaker, MP, speaker.
    Legislator,
    /// A general, admiral, commander, officer or soldier.
    Military,
    /// The leader, chairman or secretary general of a party.
    PartyLeader,
    /// A candidate or nominee for office.
    Candidate,
    /// A judge or prosecutor.
    Judge,
    /// A police officer.
    Police,
    /// A journalist, reporter, correspondent or editor.
    Journalist,
    /// An analyst, economist or other expert.
    Analyst,
    /// A trader, dealer or broker.
    Trader,
    /// A chairman, chief executive, president or manager of a company.
    Executive,
    /// The head of an international organisation (secretary general, director general).
    HeadOfOrganization,
    /// A governor or mayor.
    LocalLeader,
    /// A government, cabinet, ministry, presidency or state agency speaking as a body.
    Government,
    /// A foreign ministry (`the State Department`, `the Foreign Office`).
    ForeignMinistry,
    /// An embassy or mission.
    Embassy,
    /// A parliament, congress, senate or one of its committees.
    Legislature,
    /// An army, the armed forces, a defence ministry's forces.
    #[serde(rename = "armed_forces")]
    Armed,
    /// A political party.
    Party,
    /// A court.
    Court,
    /// An international organisation (`the United Nations`, `NATO`, `the IMF`).
    InternationalOrganization,
    /// A news agency, newspaper or broadcaster.
    Media,
    /// A company or bank.
    Company,
}

impl SpeakerRole {
    /// Every role, in declaration order.
    pub const ALL: [SpeakerRole; 31] = [
        SpeakerRole::HeadOfState,
        SpeakerRole::HeadOfGovernment,
        SpeakerRole::ForeignMinister,
        SpeakerRole::Minister,
        SpeakerRole::DeputyMinister,
        SpeakerRole::Spokesperson,
        SpeakerRole::Ambassador,
        SpeakerRole::Diplomat,
        SpeakerRole::Official,
        SpeakerRole::Legislator,
        SpeakerRole::Military,
        SpeakerRole::PartyLeader,
        SpeakerRole::Candidate,
        SpeakerRole::Judge,
        SpeakerRole::Police,
        SpeakerRole::Journalist,
        SpeakerRole::Analyst,
        SpeakerRole::Trader,
        SpeakerRole::Executive,
        SpeakerRole::HeadOfOrganization,
        SpeakerRole::LocalLeader,
        SpeakerRole::Government,
        SpeakerRole::ForeignMinistry,
        SpeakerRole::Embassy,
        SpeakerRole::Legislature,
        SpeakerRole::Armed,
        SpeakerRole::Party,
        SpeakerRole::Court,
        SpeakerRole::InternationalOrganization,
        SpeakerRole::Media,
        SpeakerRole::Company,
    ];

    /// The snake_case name the serde derive gives the variant.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerRole::HeadOfState => "head_of_state",
            SpeakerRole::HeadOfGovernment => "head_of_government",
            SpeakerRole::ForeignMinister => "foreign_minister",
            SpeakerRole::Minister => "minister",
            SpeakerRole::DeputyMinister => "deputy_minister",
            SpeakerRole::Spokesperson => "spokesperson",
            SpeakerRole::Ambassador => "ambassador",
            SpeakerRole::Diplomat => "diplomat",
            SpeakerRole::Official => "official",
            SpeakerRole::Legislator => "legislator",
            SpeakerRole::Military => "military",
            SpeakerRole::PartyLeader => "party_leader",
            SpeakerRole::Candidate => "candidate",
            SpeakerRole::Judge => "judge",
            SpeakerRole::Police => "police",
            SpeakerRole::Journalist => "journalist",
            SpeakerRole::Analyst => "analyst",
            SpeakerRole::Trader => "trader",
            SpeakerRole::Executive => "executive",
            SpeakerRole::HeadOfOrganization => "head_of_organization",
            SpeakerRole::LocalLeader => "local_leader",
            SpeakerRole::Government => "government",
            SpeakerRole::ForeignMinistry => "foreign_ministry",
            SpeakerRole::Embassy => "embassy",
            SpeakerRole::Legislature => "legislature",
            SpeakerRole::Armed => "armed_forces",
            SpeakerRole::Party => "party",
            SpeakerRole::Court => "court",
            SpeakerRole::InternationalOrganization => "international_organization",
            SpeakerRole::Media => "media",
            SpeakerRole::Company => "company",
        }
    }

    /// The role of a snake_case name, or `None`.
    pub fn from_name(name: &str) -> Option<SpeakerRole> {
        SpeakerRole::ALL.into_iter().find(|r| r.as_str() == name)
    }
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
