use crate::span::Span;
use crate::text::{paragraphs, quotes};
use crate::vocab::TurnRole::{self, Answer as A, Question as Q, Statement as S};

/// (role, content, reply_to as the index of a turn) of every turn of `text`.
fn turns(text: &str) -> Vec<(TurnRole, String, Option<usize>)> {
    let paras = paragraphs::split(text, Span::new(0, text.len()));
    let qs = quotes::find(text, &paras);
    let doc = crate::analyse::tokenize(text, &paras, &qs);
    let a = super::super::super::attribute(text, &doc, &qs);
    let of_turn: Vec<usize> = (0..a.statements.len())
        .filter(|&i| a.statements[i].role.is_some())
        .collect();
    a.statements
        .iter()
        .filter_map(|s| {
            let reply = s
                .reply_to
                .map(|q| of_turn.iter().position(|&i| i == q).unwrap_or(usize::MAX));
            Some((s.role?, s.content.slice(text).to_string(), reply))
        })
        .collect()
}

type Case = (
    &'static str,
    &'static str,
    &'static [(TurnRole, &'static str, Option<usize>)],
);

/// Roles: a question asks; the turn after it answers when it asks something or the
/// exchange is one of answers already; else a statement (greetings, hand-offs, going on
/// after an aside).
#[test]
fn roles_table() {
    let cases: &[Case] = &[
        (
            "answer after a question",
            "MR HARLOW: Welcome.\n\nQUESTION: Is it on?\n\nMR HARLOW: Yes.",
            &[(S, "Welcome.", None), (Q, "Is it on?", None), (A, "Yes.", Some(1))],
        ),
        (
            "a greeting is not asked",
            "MS. WHITFIELD: Good morning.\n\nQ    Good morning.\n\nMS. WHITFIELD: Let us begin.",
            &[(S, "Good morning.", None), (Q, "Good morning.", None), (S, "Let us begin.", None)],
        ),
        (
            "an aside in an exchange of answers",
            "Q    Why?\n\nMR. ROE: Because.\n\nQ    Understood.\n\nMR. ROE: Good.",
            &[(Q, "Why?", None), (A, "Because.", Some(0)), (Q, "Understood.", None), (A, "Good.", Some(2))],
        ),
        (
            "interviewer by name",
            "Maria Lind: How are you?\n\nJens Berg: Fine.\n\nMaria Lind: And the summit?\n\nJens Berg: It went well.",
            &[(Q, "How are you?", None), (A, "Fine.", Some(0)), (Q, "And the summit?", None), (A, "It went well.", Some(2))],
        ),
        (
            "question and answer labels",
            "Question: Will you run?\n\nAnswer: No.\n\nQuestion: Why not?\n\nAnswer: Family.",
            &[(Q, "Will you run?", None), (A, "No.", Some(0)), (Q, "Why not?", None), (A, "Family.", Some(2))],
        ),
        (
            "a second official answers a question put to both",
            "Q    Mr. President, Prime Minister, will you meet again?\n\nTHE PRESIDENT:  Yes.\n\nPRIME MINISTER HALVORSEN:  We will meet in the spring, in Oslo or in Washington, and we will have a full agenda on energy, trade and security for our two countries.",
            &[
                (Q, "Mr. President, Prime Minister, will you meet again?", None),
                (A, "Yes.", Some(0)),
                (A, "We will meet in the spring, in Oslo or in Washington, and we will have a full agenda on energy, trade and security for our two countries.", Some(0)),
            ],
        ),
        (
            "opening remarks after an introduction are a statement",
            "MR HARLOW: Welcome.\n\nQUESTION: Special?\n\nMR HARLOW: Yes. Our guest today is Ambassador Ann Roe.\n\nAMBASSADOR ROE: Thank you. It is good to be here with all of you today, and I want to say a few words about the budget we are presenting this week to the Congress.",
            &[
                (S, "Welcome.", None),
                (Q, "Special?", None),
                (A, "Yes. Our guest today is Ambassador Ann Roe.", Some(1)),
                (S, "Thank you. It is good to be here with all of you today, and I want to say a few words about the budget we are presenting this week to the Congress.", None),
            ],
        ),
        (
            "a greeting that addresses the official is answered",
            "MODERATOR: Welcome, everyone.\n\nMaria Lind (Nordic Radio): Thank you. Foreign Minister Berg, welcome to the programme.\n\nFOREIGN MINISTER BERG: Thank you for having me.\n\nMaria Lind: What comes next?\n\nFOREIGN MINISTER BERG: Talks.\n\nMaria Lind: When?\n\nFOREIGN MINISTER BERG: Soon.",
            &[
                (S, "Welcome, everyone.", None),
                (Q, "Thank you. Foreign Minister Berg, welcome to the programme.", None),
                (A, "Thank you for having me.", Some(1)),
                (Q, "What comes next?", None),
                (A, "Talks.", Some(3)),
                (Q, "When?", None),
                (A, "Soon.", Some(5)),
            ],
        ),
        (
            "a second official answers a question put to him earlier in the exchange",
            "Q    Prime Minister Halvorsen, will Norway pay more?\n\nTHE PRESIDENT:  I hope so.\n\nQ    And you, Mr. President?\n\nTHE PRESIDENT:  We already pay.\n\nPRIME MINISTER HALVORSEN:  Norway will raise its spending to two percent within four years, and we will buy new aircraft and new ships for the northern flank.",
            &[
                (Q, "Prime Minister Halvorsen, will Norway pay more?", None),
                (A, "I hope so.", Some(0)),
                (Q, "And you, Mr. President?", None),
                (A, "We already pay.", Some(2)),
                (A, "Norway will raise its spending to two percent within four years, and we will buy new aircraft and new ships for the northern flank.", Some(0)),
            ],
        ),
        (
            "a named interviewer, answers with no label",
            "Foreign Minister Ana Ferrer’s interview with the Daily Courier\n\nLucia Romero: What do you expect?\n\nA new chapter.\n\nLucia Romero: And the sanctions?\n\nThey stay.",
            &[(Q, "What do you expect?", None), (A, "A new chapter.", Some(0)), (Q, "And the sanctions?", None), (A, "They stay.", Some(2))],
        ),
        (
            "a meeting record's delegates, each labelled once",
            "The President: I give the floor to the representative of Halvaria.\n\nMr. Brandt (Halvaria): We support the draft.\n\nMs. Lind (Ostmark): We abstain.",
            &[
                (S, "I give the floor to the representative of Halvaria.", None),
                (S, "We support the draft.", None),
                (S, "We abstain.", None),
            ],
        ),
        (
            "a delegate's label with a note of the language he spoke in",
            "The President: I give the floor to the representative of Halvaria.\n\nMs. Lind (Ostmark) (spoke in French): We abstain.\n\nMr. Ortega Ruiz (Halvaria) (spoke in Spanish): We support the draft.",
            &[
                (S, "I give the floor to the representative of Halvaria.", None),
                (S, "We abstain.", None),
                (S, "We support the draft.", None),
            ],
        ),
        (
            "hand-off after an answer",
            "Q    Why?\n\nMR. ROE: Because.\n\nMS. LEE: Next question.",
            &[(Q, "Why?", None), (A, "Because.", Some(0)), (S, "Next question.", None)],
        ),
    ];
    for (name, text, want) in cases {
        let want: Vec<_> = want
            .iter()
            .map(|&(r, c, q)| (r, c.to_string(), q))
            .collect();
        assert_eq!(turns(text), want, "{name}");
    }
}

/// Texts with labels that are not a transcript's turns.
#[test]
fn not_turns() {
    let cases: &[&str] = &[
        "Lavrov: Russia is ready for talks.\n\nThe talks begin on Monday.",
        "Date: 12 May\n\nSubject: Talks\n\nThe talks begin on Monday.",
        "Oper Shr: 1.20 dlrs vs 1.10\n\nOper Net: 12 mln vs 11 mln",
        "The plan has three parts: a ceasefire, talks and aid.\n\nSmith: it will fail.",
        "Background: The talks began in May.\n\nNote: The ministry did not comment.",
        "Members: Halvaria, Mr. Brandt; Ostmark, Ms. Lind.\n\nAgenda: The situation in the east.",
    ];
    for text in cases {
        assert_eq!(turns(text), vec![], "{text:?}");
    }
}

/// Stage directions: alone on a line they end a turn; at its start or end they are left
/// out of it; inside, they stay.
#[test]
fn stage_directions() {
    let cases: &[(&str, bool)] = &[
        ("(Laughter.)", true),
        ("[inaudible]", true),
        ("* * *", true),
        ("END", true),
        ("END 2:41 P.M. EDT", true),
        ("2:02 p.m. EST", true),
        ("<…>", true),
        ("(As prepared for delivery)", true),
        ("(spoke in Arabic)", true),
        ("We agree.", false),
        ("2022 was a hard year for all of us.", false),
    ];
    for &(line, want) in cases {
        assert_eq!(
            super::stage_direction(line, Span::new(0, line.len())),
            want,
            "{line}"
        );
    }
    let trims: &[(&str, &str)] = &[
        (
            "No, that is every day. (Laughter.)",
            "No, that is every day.",
        ),
        ("(Via interpreter) We agree.", "We agree."),
        ("We support APEC (the forum)", "We support APEC (the forum)"),
        ("It was (laughs) fine.", "It was (laughs) fine."),
    ];
    for &(t, want) in trims {
        let s = super::without_stage_notes(t, Span::new(0, t.len()));
        assert_eq!(s.slice(t), want);
    }
}

/// The askers of anonymous questions: introduced by the turn before, named as interviewer
/// by the title, or one `Journalist`.
#[test]
fn questioners_table() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "introduced",
            "MR. ROE: Hello.\n\nQ    Why?\n\nMR. ROE: Because. The next question is from Jon Smith.\n\nQ    When?\n\nMR. ROE: Soon.\n\nJeff Mason.\n\nQ    Where?",
            &["Roe", "Journalist", "Roe", "Jon Smith", "Roe", "Jeff Mason"],
        ),
        (
            "interviewer",
            "Interview with Foreign Minister Ana Ferrer by Maria Lind\n\nQ: What now?\n\nTalks.\n\nQ: When?\n\nSoon.",
            &["Maria Lind", "Ana Ferrer", "Maria Lind", "Ana Ferrer"],
        ),
        (
            "the introduced journalist keeps the floor until a hand-off",
            "MR. ROE: Hello.\n\nJon Smith.\n\nQ    Why?\n\nMR. ROE: Because.\n\nQ    And when?\n\nMR. ROE: Soon.\n\nMR. ROE: Go ahead, Peter.\n\nQ    Where?",
            &["Roe", "Jon Smith", "Roe", "Jon Smith", "Roe", "Roe", "Journalist"],
        ),
        (
            "the owner of the interview answers",
            "Foreign Minister Ana Ferrer’s interview with the Daily Courier\n\nLucia Romero: What now?\n\nTalks.\n\nLucia Romero: When?\n\nSoon.",
            &["Lucia Romero", "Ana Ferrer", "Lucia Romero", "Ana Ferrer"],
        ),
        (
            "the guest after `Interview of`, title words and all, answers",
            "Interview of Minister of Foreign Affairs Ana Ferrer for the Daily Courier\n\nQuestion: What now?\n\nAnswer: Talks.\n\nQuestion: When?\n\nAnswer: Soon.",
            &["Journalist", "Ana Ferrer", "Journalist", "Ana Ferrer"],
        ),
    ];
    for (name, text, want) in cases {
        let paras = paragraphs::split(text, Span::new(0, text.len()));
        let qs = quotes::find(text, &paras);
        let doc = crate::analyse::tokenize(text, &paras, &qs);
        let a = super::super::super::attribute(text, &doc, &qs);
        let got: Vec<&str> = a
            .statements
            .iter()
            .filter(|s| s.role.is_some())
            .map(|s| s.speaker.map_or("-", |e| a.speakers[e].name.as_str()))
            .collect();
        assert_eq!(&got, want, "{name}");
    }
}
