//! Table tests of the attribution frames, on sentences written for the purpose, and the
//! seed story.

use super::words::*;
use super::*;
use crate::parse::metadata::StoryMetadata;
use crate::text::{paragraphs, quotes};

/// (kind, content, speaker name, mention, cue) of every statement.
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn run(text: &str) -> Vec<Row> {
    let meta = StoryMetadata {
        body: Span::new(0, text.len()),
        ..StoryMetadata::default()
    };
    let paras = paragraphs::split(text, meta.body);
    let qs = quotes::find(text, &paras);
    let doc = crate::analyse::tokenize(text, &paras, &qs);
    // The document type, for the rules of official documents (`parties`).
    let kind = crate::parse::metadata::read(text).doc_type;
    let a = attribute_document(text, &doc, &qs, kind);
    a.statements
        .iter()
        .map(|s| {
            (
                s.kind,
                s.content.slice(text).to_string(),
                s.speaker.map(|e| a.speakers[e].name.clone()),
                s.speaker_mention.map(|m| m.slice(text).to_string()),
                s.cue.map(|c| c.slice(text).to_string()),
            )
        })
        .collect()
}

use QuoteKind::{Direct as D, Indirect as I, Partial as P};

/// (kind, content, speaker name or `-`, cue or `-`).
type Expected = (QuoteKind, &'static str, &'static str, &'static str);

/// The examples of the rules of every pass, of the cue search and of the filters: (rule,
/// text, expected (kind, content, speaker, cue) statements). A filter's examples show what it
/// rules out (often nothing is left) and what it keeps.
const EXAMPLES: &[(&str, &str, &[Expected])] = &[
        // Direct, speaker after.
        (
            "after_quote",
            "\"We are ready for talks,\" Lavrov said.",
            &[(D, "We are ready for talks,", "Lavrov", "said")],
        ),
        (
            "after_quote",
            "“We are ready for talks,” said Urawa head coach Oswaldo Oliveira, who arrived late.",
            &[(D, "We are ready for talks,", "Oswaldo Oliveira", "said")],
        ),
        (
            "after_quote",
            "\"Sanctions will not work,\" the minister stressed.",
            &[(D, "Sanctions will not work,", "minister", "stressed")],
        ),
        // Direct, speaker before.
        (
            "before_quote",
            "Lavrov said: \"We are ready for talks with everyone.\"",
            &[(D, "We are ready for talks with everyone.", "Lavrov", "said")],
        ),
        (
            "before_quote",
            "Smith told reporters on Monday: \"The plan is dead.\"",
            &[(D, "The plan is dead.", "Smith", "told")],
        ),
        // Split quote.
        (
            "continue_speaker",
            "\"We are ready,\" he said. \"But not at any price.\"",
            &[
                (D, "We are ready,", "-", "said"),
                (D, "But not at any price.", "-", "said"),
            ],
        ),
        // Floating quote continues the speaker.
        (
            "continue_speaker",
            "Foreign Minister Ann Linde said: \"Talks must go on.\"\n\n\"There is no alternative to dialogue in this crisis.\"",
            &[
                (D, "Talks must go on.", "Ann Linde", "said"),
                (D, "There is no alternative to dialogue in this crisis.", "Ann Linde", "said"),
            ],
        ),
        // Partial.
        (
            "embedded_partial",
            "Peskov dismissed the reports as \"pure fiction\".",
            &[
                (I, "the reports as \"pure fiction\"", "Peskov", "dismissed"),
                (P, "pure fiction", "Peskov", "dismissed"),
            ],
        ),
        // Indirect: speaker first.
        (
            "say_tell_urge",
            "Prime Minister Jane Doe said the talks would resume next week.",
            &[(I, "the talks would resume next week", "Jane Doe", "said")],
        ),
        (
            "say_tell_urge",
            "The ministry said that the embassy would stay open.",
            &[(I, "the embassy would stay open", "ministry", "said")],
        ),
        (
            "say_tell_urge",
            "Ambassador Li told reporters the door remained open.",
            &[(I, "the door remained open", "Li", "told")],
        ),
        (
            "say_tell_urge",
            "The envoy urged both sides to show restraint.",
            &[(I, "both sides to show restraint", "envoy", "urged")],
        ),
        (
            "longest_form",
            "President Ruto called on the rebels to lay down their arms.",
            &[(I, "the rebels to lay down their arms", "Ruto", "called on")],
        ),
        // Indirect: speaker after.
        (
            "closing_attribution",
            "The talks will resume in March, the ministry said.",
            &[(I, "The talks will resume in March", "ministry", "said")],
        ),
        (
            "closing_attribution",
            "The talks will resume in March, said a senior official.",
            &[(I, "The talks will resume in March", "senior official", "said")],
        ),
        (
            "according",
            "The talks will resume in March, according to diplomatic sources.",
            &[(I, "The talks will resume in March", "diplomatic sources", "according to")],
        ),
        (
            "according",
            "According to the ministry, the talks will resume in March.",
            &[(I, "the talks will resume in March", "ministry", "According to")],
        ),
        (
            "according",
            "The talks, according to two diplomats, will resume in March.",
            &[(
                I,
                "The talks, according to two diplomats, will resume in March",
                "diplomats",
                "according to",
            )],
        ),
        // Coordinated and participle cues keep the speaker.
        (
            "say_tell_urge",
            "Smith did not rule out new sanctions and warned that the crisis would deepen.",
            &[
                (I, "new sanctions", "Smith", "did not rule out"),
                (I, "the crisis would deepen", "Smith", "warned"),
            ],
        ),
        (
            "say_tell_urge",
            "Smith rejected the plan, pointing out that nobody had been consulted.",
            &[
                (I, "the plan", "Smith", "rejected"),
                (I, "nobody had been consulted", "Smith", "pointing out"),
            ],
        ),
        (
            "quoting",
            "The agency quoted Lavrov as saying that Moscow was ready.",
            &[(I, "Moscow was ready", "Lavrov", "as saying")],
        ),
        // Inverted, dash and colon attributions.
        (
            "before_quote",
            "Said Ellis: \"I see no interest in reform.\"",
            &[(D, "I see no interest in reform.", "Ellis", "Said")],
        ),
        (
            "dash_name",
            "“Maybe we can build a bridge instead.” ― Steve Quinn",
            &[(D, "Maybe we can build a bridge instead.", "Steve Quinn", "-")],
        ),
        (
            "colon_label",
            "Lavrov: Russia is ready for talks with NATO",
            &[(I, "Russia is ready for talks with NATO", "Lavrov", ":")],
        ),
        ("colon_label", "Date: 2022-01-18", &[]),
        // Appositives, ages, parentheses, relative clauses.
        (
            "say_tell_urge",
            "Mr. Regalado, 69, said he had been inundated with angry email.",
            &[(I, "he had been inundated with angry email", "Regalado", "said")],
        ),
        (
            "say_tell_urge",
            "Gov. Pat McCrory (R) said the court had gone too far.",
            &[(I, "the court had gone too far", "Pat McCrory", "said")],
        ),
        (
            "closing_attribution",
            "The talks stalled, said Mr. Barrett, the lawyer for the agency.",
            &[(I, "The talks stalled", "Barrett", "said")],
        ),
        (
            "say_tell_urge",
            "It was a young voter who said the rules were unfair.",
            &[(I, "the rules were unfair", "young voter", "said")],
        ),
        // A closing attribution overrides a weaker reading; `while` splits two speakers.
        (
            "closing_attribution",
            "Both sides agreed on Thursday to reopen the border, the EU envoy said after the talks.",
            &[(I, "Both sides agreed on Thursday to reopen the border", "EU envoy", "said")],
        ),
        (
            "split_clause",
            "Radek said the deal would hold, while the opposition party urged more caution.",
            &[
                (I, "the deal would hold", "Radek", "said"),
                (I, "more caution", "opposition party", "urged"),
            ],
        ),
        // Told with an addressee; parenthetical attribution.
        (
            "closing_attribution",
            "The plan is dead, Smith told his closest advisers as he left.",
            &[(I, "The plan is dead", "Smith", "told")],
        ),
        (
            "say_tell_urge",
            "The museum, Obama said, would open next year.",
            &[(I, "The museum, Obama said, would open next year", "Obama", "said")],
        ),
        // A full-stop quote followed by a new sentence is not attributed by it.
        (
            "after_quote",
            "\"We are done here.\" Sanders said he would not run again.",
            &[(I, "he would not run again", "Sanders", "said")],
        ),
        // A quote closing a clause that narration opened.
        (
            "closes_clause",
            "The top priority \"is raising taxes at the top,\" Mr. Kamin said.",
            &[
                (I, "The top priority \"is raising taxes at the top,\"", "Kamin", "said"),
                (P, "is raising taxes at the top,", "Kamin", "said"),
            ],
        ),
        // A speech noun after a possessive.
        (
            "speech_noun_that",
            "Analysts doubted Moscow's claim that the troops had left the border.",
            &[(I, "the troops had left the border", "Moscow", "claim")],
        ),
        // Not statements: modal possibilities, free relatives.
        ("modal_possibility", "The government could deny them the permits.", &[]),
        ("free_relative", "Her support still lags below what she wants and more.", &[]),
        // Not statements: scare quotes, names, narration.
        ("scare_quote", "The West spoke of a Russian ‘invasion’ of Ukraine.", &[]),
        ("scare_quote", "Officials discussed the \"decapitation\" scheme in detail.", &[]),
        ("not_a_cue", "The talks were held on Tuesday.", &[]),
        ("not_a_cue", "These claims are baseless.", &[]),
        // Labelling verbs with a quoted label.
        (
            "embedded_partial",
            "Moldavia branded the blockade a \"reckless gamble.\"",
            &[
                (I, "the blockade a \"reckless gamble.\"", "Moldavia", "branded"),
                (P, "reckless gamble.", "Moldavia", "branded"),
            ],
        ),
        // Fronted adverbials are not the content of a cue after them.
        (
            "fronted_adverbial",
            "On Sunday's edition of \"Morning Report,\" the minister said the offer stood.",
            &[(I, "the offer stood", "minister", "said")],
        ),
        ("fronted_adverbial", "Through a spokesman, Ferreira declined to comment.", &[]),
        (
            "closing_attribution",
            "In Geneva, the talks went well, the envoy said.",
            &[(I, "In Geneva, the talks went well", "envoy", "said")],
        ),
        // Bare plural sources after the content.
        (
            "closing_attribution",
            "The blockade will end soon, mediators said.",
            &[(I, "The blockade will end soon", "mediators", "said")],
        ),
        // `referring to`: a participle keeping the speaker.
        (
            "after_quote",
            "\"We want peace,\" Ruiz said, referring to the border talks.",
            &[
                (D, "We want peace,", "Ruiz", "said"),
                (I, "the border talks", "Ruiz", "referring to"),
            ],
        ),
        // A weak cue with a `that` clause reports whatever its short subject.
        (
            "say_tell_urge",
            "The transcript shows that the envoy left early.",
            &[(I, "the envoy left early", "transcript", "shows")],
        ),
        // Rows of a table (column gaps) are no statements, one double space in prose is kept.
        ("table_row", "Usage: Wheat  4,500    4,300     4,095", &[]),
        ("table_row", "Traders said  the market was quiet.", &[(I, "the market was quiet", "Traders", "said")]),
        // Negated cues before a request for comment report nothing.
        ("negated_comment_request", "Ruiz did not respond to requests for comment.", &[]),
        ("negated_comment_request", "The ministry has yet to respond to questions about the report.", &[]),
        (
            "negated_comment_request",
            "The envoy didn't say when the talks would resume.",
            &[(I, "when the talks would resume", "envoy", "say")],
        ),
        (
            "negated_comment_request",
            "The envoy did not say the talks had failed.",
            &[(I, "the talks had failed", "envoy", "say")],
        ),
        // A description with a name in apposition before a trailing cue.
        (
            "closing_attribution",
            "The summit will be held in March, the bloc's secretary-general, Lucia Ferreira, said.",
            &[(I, "The summit will be held in March", "Lucia Ferreira", "said")],
        ),
        (
            "say_tell_urge",
            "Kasaria's ambassador, Yusuf Adeyemi, said the talks had failed.",
            &[(I, "the talks had failed", "Yusuf Adeyemi", "said")],
        ),
        // A second attribution in the sentence clips the first at its subject.
        (
            "split_clause",
            "Park called for calm talks, while Whitman reaffirmed support for the plan.",
            &[
                (I, "calm talks", "Park", "called for"),
                (I, "support for the plan", "Whitman", "reaffirmed"),
            ],
        ),
        // Colon headlines: a name, not a title-case phrase.
        (
            "colon_label",
            "Peace Over Profit: Ministers Meet in Geneva Today",
            &[],
        ),
        (
            "colon_label",
            "Ferreira: The bloc will not yield to pressure",
            &[(I, "The bloc will not yield to pressure", "Ferreira", ":")],
        ),
        // Transcript speaker labels.
        (
            "transcript_label",
            "\"HOST: Will the envoy attend the summit tomorrow?\"\n\n\"ENVOY: The delegation will attend in full.\"",
            &[
                (D, "HOST: Will the envoy attend the summit tomorrow?", "HOST", "-"),
                (D, "ENVOY: The delegation will attend in full.", "ENVOY", "-"),
            ],
        ),
    // Added with the passes.
    (
        "colon_subject",
        "Clinton has since apologized: \"I made a mistake and I regret it.\"",
        &[(D, "I made a mistake and I regret it.", "Clinton", "-")],
    ),
    (
        "colon_subject",
        "Pew Research: \"Most voters distrust both parties.\"",
        &[(D, "Most voters distrust both parties.", "Pew Research", "-")],
    ),
    (
        "floating",
        "The minister said the talks would resume soon.\n\n\"We will not give up on dialogue.\"",
        &[
            (I, "the talks would resume soon", "minister", "said"),
            (D, "We will not give up on dialogue.", "minister", "said"),
        ],
    ),
    (
        "long_unframed",
        "Protesters carried banners reading \"No more war in our land ever again\" through the city.",
        &[(D, "No more war in our land ever again", "-", "-")],
    ),
    ("bare_said", "The talks failed. Smith said on Monday in Geneva.", &[]),
    (
        "embedded_partial",
        "Smith said \"we will win this vote in the end\".",
        &[(P, "we will win this vote in the end", "Smith", "said")],
    ),
    (
        "speakers",
        "\"We are ready,\" Foreign Minister Ann Linde said. \"Talks must go on,\" Linde added.",
        &[
            (D, "We are ready,", "Ann Linde", "said"),
            (D, "Talks must go on,", "Ann Linde", "added"),
        ],
    ),
    (
        "say_tell_urge",
        "President Biden was clear that the alliance would not waver. The Secretary underscored the need for restraint.",
        &[
            (I, "the alliance would not waver", "Biden", "was clear that"),
            (I, "the need for restraint", "Secretary", "underscored"),
        ],
    ),
    (
        "expressive_act",
        "Lavrov thanked Turkey for its mediation. The minister welcomed the decision.",
        &[],
    ),
    (
        "expressive_act",
        "The government welcomed the decision but warned against any interference.",
        &[(I, "against any interference", "government", "warned")],
    ),
    (
        "expressive_act",
        "Lucan wrote that the talks had failed and thanked Switzerland for its help.",
        &[(I, "the talks had failed", "Lucan", "wrote")],
    ),
    (
        "expressive_act",
        "The president expressed his condolences to the families of the victims.",
        &[],
    ),
    (
        "expressive_act",
        "The two leaders expressed satisfaction with the growth of trade between their countries.",
        &[],
    ),
    (
        "turn_label",
        "MR HARLOW: Good afternoon, everyone.\n\nQUESTION: Is the trip still on?\n\nMR HARLOW: It is.",
        &[
            (D, "Good afternoon, everyone.", "Harlow", "-"),
            (D, "Is the trip still on?", "Journalist", "-"),
            (D, "It is.", "Harlow", "-"),
        ],
    ),
    (
        "turn_label",
        "Q    Will you go?\n\nTHE PRESIDENT:  We will see.\n\nMore on that later.\n\nQ    When?",
        &[
            (D, "Will you go?", "Journalist", "-"),
            (D, "We will see.\n\nMore on that later.", "President", "-"),
            (D, "When?", "Journalist", "-"),
        ],
    ),
    (
        "transcript",
        "Lavrov: Russia is ready for talks with the West.\n\nThe talks are set for Monday.",
        &[(I, "Russia is ready for talks with the West", "Lavrov", ":")],
    ),
    (
        "transcript",
        "Mr. Tan (Singapore): The draft is balanced.\n\nMs. Roe (Chile): Chile can accept it.\n\nMr. Tan (Singapore): Thank you.",
        &[
            (D, "The draft is balanced.", "Tan", "-"),
            (D, "Chile can accept it.", "Roe", "-"),
            (D, "Thank you.", "Tan", "-"),
        ],
    ),
    (
        "stage_direction",
        "QUESTION: That is a long trip. (Laughter.)\n\nMR HARLOW: (Laughs.) It is short.\n\n[inaudible]\n\nEND 1:42 p.m.",
        &[
            (D, "That is a long trip.", "Journalist", "-"),
            (D, "It is short.", "Harlow", "-"),
        ],
    ),
    (
        "roles",
        "AFP: Can you confirm the visit?\n\nLin Jiaxin: I have nothing to share.",
        &[
            (D, "Can you confirm the visit?", "AFP", "-"),
            (D, "I have nothing to share.", "Lin Jiaxin", "-"),
        ],
    ),
    (
        "speaker_of",
        "Briefing by Press Secretary Dana Whitfield\n\nMS. WHITFIELD: Good morning.\n\nQ    Good morning.\n\nMS. WHITFIELD: Let us begin.",
        &[
            (D, "Good morning.", "Dana Whitfield", "-"),
            (D, "Good morning.", "Journalist", "-"),
            (D, "Let us begin.", "Dana Whitfield", "-"),
        ],
    ),
    (
        "speaker_of",
        "Interview with Foreign Minister Ana Ferrer\n\nQ: What do you expect?\n\nA deal by Friday.\n\nQ: And then?\n\nWe will see.",
        &[
            (D, "What do you expect?", "Journalist", "-"),
            (D, "A deal by Friday.", "Ana Ferrer", "-"),
            (D, "And then?", "Journalist", "-"),
            (D, "We will see.", "Ana Ferrer", "-"),
        ],
    ),
    // Official documents: the narrator's references to the parties.
    (
        "lead_parties",
        "Readout of Secretary Pell’s Call with Foreign Minister Arvo\n\nSecretary of State Adrian Pell spoke today with Nordmark Foreign Minister Lena Arvo. Secretary Pell stressed that the straits must stay open.",
        &[(I, "the straits must stay open", "Adrian Pell", "stressed")],
    ),
    (
        "narrator_reference",
        "Readout of Secretary Pell’s Call with Foreign Minister Arvo\n\nSecretary of State Adrian Pell spoke today with Nordmark Foreign Minister Lena Arvo. The Secretary underscored that the straits must stay open. The Foreign Minister noted that Nordmark would help.",
        &[
            (I, "the straits must stay open", "Adrian Pell", "underscored"),
            (I, "Nordmark would help", "Lena Arvo", "noted"),
        ],
    ),
    (
        "together_reference",
        "Readout of Secretary Pell’s Call with Foreign Minister Arvo\n\nSecretary of State Adrian Pell spoke today with Nordmark Foreign Minister Lena Arvo. Both ministers agreed that their teams would meet in May.",
        &[(I, "their teams would meet in May", "Adrian Pell and Lena Arvo", "agreed")],
    ),
    (
        "joint_signatories",
        "Joint Statement by the Republic of Halvaria and the Kingdom of Ostmark\n\nWe stress that disputes must be settled peacefully.",
        &[(I, "disputes must be settled peacefully", "Republic of Halvaria and Kingdom of Ostmark", "stress")],
    ),
    (
        "joint_signatories",
        "Leaders’ Statement on the Straits\n\nWe, the Leaders of the Northern Forum (NF), meet today in Halden.\n\nWe stress that disputes must be settled peacefully.",
        &[(I, "disputes must be settled peacefully", "Leaders of the Northern Forum", "stress")],
    ),
    ];

/// Every example gives its statements.
#[test]
fn frames_table() {
    let mut failures = Vec::new();
    for (rule, input, expected) in EXAMPLES {
        let got = run(input);
        let got: Vec<(QuoteKind, String, String, String)> = got
            .into_iter()
            .map(|(k, c, s, _, cue)| (k, c, s.unwrap_or("-".into()), cue.unwrap_or("-".into())))
            .collect();
        let want: Vec<(QuoteKind, String, String, String)> = expected
            .iter()
            .map(|(k, c, s, cue)| (*k, c.to_string(), s.to_string(), cue.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "{rule}: {input:?}\n  got  {got:?}\n  want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every rule of the passes and of the cue search, and every filter, has an example; every
/// example names one of them.
#[test]
fn every_rule_has_an_example() {
    let rules = [
        super::cues::RULES,
        super::pass::quote_frames::RULES,
        super::pass::cue_clauses::RULES,
        super::pass::nouns_and_labels::RULES,
        super::pass::quote_leftovers::RULES,
        super::pass::speakers::RULES,
        super::pass::turns::RULES,
        super::pass::parties::RULES,
        super::filters::RULES,
    ]
    .concat();
    for rule in &rules {
        assert!(
            EXAMPLES.iter().any(|(name, _, _)| name == rule),
            "no example of {rule}"
        );
    }
    for (name, input, _) in EXAMPLES {
        assert!(rules.contains(name), "{input:?}: no rule {name}");
    }
}

#[test]
fn seed_story() {
    let text = include_str!("../../../fixtures/tass-2022-01-18-lavrov-blinken.txt");
    let got = run(text);
    let find = |needle: &str| {
        got.iter()
            .find(|r| r.1.contains(needle))
            .unwrap_or_else(|| panic!("no statement with {needle:?} in {got:#?}"))
    };
    let q1 = find("Sergey Lavrov again highlighted");
    assert_eq!(q1.0, D);
    assert_eq!(q1.2.as_deref(), Some("Russian Foreign Ministry"));
    let q2 = find("In the context of the situation");
    assert_eq!(q2.0, D);
    assert_eq!(q2.2.as_deref(), Some("Russian Foreign Ministry"));
    assert_eq!(q2.3.as_deref(), Some("the Russian diplomatic agency"));
    let p = got
        .iter()
        .find(|r| r.1.starts_with("empty and unfounded"))
        .expect("the partial quote");
    assert_eq!(p.0, P);
    assert_eq!(p.2.as_deref(), Some("Dmitry Peskov"));
    let l = find("the imperative for Washington");
    assert_eq!(l.0, I);
    assert_eq!(l.2.as_deref(), Some("Sergey Lavrov"));
    assert_eq!(l.4.as_deref(), Some("reaffirmed"));
    for needle in [
        "Russia did not pose any threat",
        "attempts to use military force",
        "the possibility of provocations",
    ] {
        let s = find(needle);
        assert_eq!(s.0, I, "{needle}");
        assert_eq!(s.2.as_deref(), Some("Dmitry Peskov"), "{needle}");
    }
    let st = find("The sides continued exchange");
    assert_eq!(st.0, I);
    assert_eq!(st.2.as_deref(), Some("Russian Foreign Ministry"));
    let m = find("Lavrov and Blinken also discussed");
    assert_eq!(m.0, I);
    assert_eq!(m.2.as_deref(), Some("Russian Foreign Ministry"));
    assert_eq!(m.3.as_deref(), Some("the ministry"));
    for scare in ["invasion", "on paper", "Russian aggression"] {
        assert!(
            !got.iter().any(|r| r.1 == scare),
            "{scare} is not a statement"
        );
    }
    assert!(!got.iter().any(|r| r.1.contains("telephone talk was held")));
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "",
        "\"",
        "said",
        ", said",
        "according to",
        "\"A,\" said",
        "as saying",
        "“”",
        "He said: “",
        "é said ’ “x” said é",
    ] {
        let _ = run(text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any mix of words, quotation marks, punctuation and line breaks is analysed without a
    /// panic, and every statement span lies on character boundaries inside the text.
    #[test]
    fn arbitrary_text_never_panics(
        text in "([A-Za-z]{1,6}|said|told|according to|as saying|Mr\\.|U\\.S\\.|[\"“”‘’'`«»,.:;!?()—―-]|\n\n|\n|  | |é|Ж){0,80}"
    ) {
        let meta = StoryMetadata { body: Span::new(0, text.len()), ..StoryMetadata::default() };
        let paras = paragraphs::split(&text, meta.body);
        let qs = quotes::find(&text, &paras);
        let doc = crate::analyse::tokenize(&text, &paras, &qs);
        let a = attribute(&text, &doc, &qs);
        for s in &a.statements {
            proptest::prop_assert!(text.get(s.content.start..s.content.end).is_some());
            if let Some(e) = s.speaker {
                proptest::prop_assert!(e < a.speakers.len());
            }
        }
    }
}

/// Every row of the class lexicon names a known class and holds words, single-spaced.
#[test]
fn class_lexicon_rows_are_well_formed() {
    let data = include_str!("../../lexicon/attribution_classes.tsv");
    for row in crate::lexicon::rows(data) {
        assert_eq!(row.len(), 2, "{row:?}");
        assert!(
            CLASS_NAMES.iter().any(|(name, _)| *name == row[0]),
            "{row:?}"
        );
        assert!(row[1].split(' ').all(|w| !w.is_empty()), "{row:?}");
    }
    assert_eq!(class_words().count(), 745);
    assert!(class_of(b"said") & NP_BOUNDARY.0 != 0 && class_of(b"said") & NOUN_BEFORE.0 != 0);
}
