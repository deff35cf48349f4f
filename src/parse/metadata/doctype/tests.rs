//! Examples of each doc-type and issuer rule, and of the header lines a transcript keeps out
//! of its body.

use super::header::{prose, stage_direction, time_line};
use super::*;
use crate::parse::metadata::read as read_metadata;

#[test]
fn titles() {
    let cases = [
        (
            "Remarks by President Harlan Before Marine One Departure",
            Some(DocType::Remarks),
        ),
        (
            "Remarks by President Harlan and Prime Minister Dubois in Joint Press Conference",
            Some(DocType::PressConference),
        ),
        (
            "Department Press Briefing – February 3, 2027",
            Some(DocType::Briefing),
        ),
        (
            "Press Briefing by Press Secretary Dana Vell",
            Some(DocType::Briefing),
        ),
        (
            "Foreign Ministry Spokesperson Li Hanwen’s Regular Press Conference on April 14, 2027",
            Some(DocType::PressConference),
        ),
        (
            "Foreign Minister Pavel Orlin’s remarks and answers to media questions",
            Some(DocType::PressConference),
        ),
        (
            "News conference following Russian-Kasarian talks",
            Some(DocType::PressConference),
        ),
        (
            "Readout of the Vice President’s Meeting with Minister Arvo",
            Some(DocType::Readout),
        ),
        (
            "Secretary Pell’s Call with Foreign Minister Arvo",
            Some(DocType::Readout),
        ),
        (
            "Telephone conversation with President of Kasaria",
            Some(DocType::Readout),
        ),
        (
            "Joint Statement of Veloria and Nordmark on Maritime Cooperation",
            Some(DocType::JointStatement),
        ),
        (
            "Statement by the Press Secretary on the Harbor Accord",
            Some(DocType::Statement),
        ),
        (
            "Interview of Foreign Minister Valdt with Radio Meridian",
            Some(DocType::Interview),
        ),
        (
            "READOUT: Secretary Pell's meeting with Minister Arvo",
            Some(DocType::Readout),
        ),
        (
            "Statement, on the anniversary of the accord",
            Some(DocType::Statement),
        ),
        (
            "Secretary General’s interview with Radio Meridian",
            Some(DocType::Interview),
        ),
        // News headlines, not titles of an issuer's documents.
        (
            "REAGAN TO HOLD NEWS CONFERENCE AT 2000 EST, WHITE HOUSE SAYS",
            None,
        ),
        (
            "Miyazawa says Baker's remarks were aimed at the accord",
            None,
        ),
        (
            "U.K. Chancellor forecast in budget speech GDP growth of 3.0 pct",
            None,
        ),
        (
            "TEXACO HAS NO COMMENT ON PENNZOIL SETTLEMENT STATEMENT",
            None,
        ),
        ("Ministers back grain corridor", None),
        // Plural possessives: several leaders' or ministers' statement is a joint one.
        (
            "G7 Leaders’ Statement on the Straits",
            Some(DocType::JointStatement),
        ),
        (
            "Foreign Ministers' Declaration on the Kerran Valley",
            Some(DocType::JointStatement),
        ),
        (
            "Veloria: Declaration by the High Representative on behalf of the EU on the elections",
            Some(DocType::Statement),
        ),
    ];
    for (title, want) in cases {
        assert_eq!(title_doc_type(&title_cues(&fold(title))), want, "{title:?}");
    }
}

#[test]
fn turn_labels() {
    let cases = [
        ("MR PRICE: Good afternoon.", Some("MR PRICE")),
        (
            "MS. JEAN-PIERRE:  Good afternoon, everybody.",
            Some("MS. JEAN-PIERRE"),
        ),
        ("Q    Good afternoon.", Some("Q")),
        ("Q. Thank you, High Representative.", Some("Q")),
        ("QUESTION: A very special day?", Some("QUESTION")),
        (
            "Spokesperson Mao Ning: China firmly opposes it.",
            Some("Spokesperson Mao Ning"),
        ),
        (
            "Sarah Kelly (Deutsche Welle): Thank you so much.",
            Some("Sarah Kelly (Deutsche Welle)"),
        ),
        (
            "Mr. Osei (Kasaria): My delegation agrees.",
            Some("Mr. Osei (Kasaria)"),
        ),
        (
            "The President: I welcome the Special Envoy.",
            Some("The President"),
        ),
        ("AFP: Can you confirm this?", Some("AFP")),
        (
            "Question (retranslated): Will Kasaria join?",
            Some("Question (retranslated)"),
        ),
        // Not turns: field names, sentences, times, lists, addresses.
        ("Note: the text was updated.", None),
        ("Contact: press@example.org", None),
        ("Participants: Mr. Osei, Ms. Lindqvist", None),
        ("He said: we will not accept it.", None),
        ("10:30 a.m. EST", None),
        ("NABLUS, West Bank: Fourteen people were hurt.", None),
        ("Updated: March 3, 2027", None),
        ("http://example.org/page", None),
        ("Queen Elizabeth visited the city.", None),
    ];
    for (line, want) in cases {
        assert_eq!(turn_label(line), want, "{line:?}");
    }
}

#[test]
fn issuers() {
    let lines = [
        ("THE WHITE HOUSE", Some("The White House")),
        (
            "Office of the Spokesperson",
            Some("U.S. Department of State"),
        ),
        (
            "Ministry of Foreign Affairs of the Russian Federation",
            Some("Ministry of Foreign Affairs of the Russian Federation"),
        ),
        ("Security Council", Some("United Nations Security Council")),
        ("The White House said on Monday it would act.", None),
    ];
    for (line, want) in lines {
        assert_eq!(line_issuer(line), want, "line {line:?}");
    }
    let titles = [
        (
            "Department Press Briefing – March 9, 2027",
            Some("U.S. Department of State"),
        ),
        (
            "Foreign Ministry Spokesperson Li Hanwen's Regular Press Conference on April 14, 2027",
            Some("Ministry of Foreign Affairs of the People's Republic of China"),
        ),
        (
            "Readout of President Harlan’s Call with Prime Minister Dubois",
            Some("The White House"),
        ),
        ("Joint Statement of Veloria and Nordmark", None),
    ];
    for (title, want) in titles {
        let title = fold(title);
        assert_eq!(
            title_issuer(&title_cues(&title), &title),
            want,
            "title {title:?}"
        );
    }
    let labels = [
        ("NATO Secretary General", Some("NATO")),
        ("MS. JEAN-PIERRE", Some("The White House")),
        (
            "President of Russia Vladimir Putin",
            Some("President of Russia"),
        ),
        ("QUESTION (Reuters)", None),
        ("Sarah Kelly (Deutsche Welle)", None),
    ];
    for (label, want) in labels {
        assert_eq!(label_issuer(label), want, "label {label:?}");
    }
    // the last resort: an institution the opening names twice, or once in its opening turn
    // (which ends at byte 20 here), not once later
    let openings = [
        (
            "Q: Will NATO act?\n\nA: NATO allies agreed to meet.",
            Some("NATO"),
        ),
        (
            "MR HOLLIS: The Department of State has news.",
            Some("U.S. Department of State"),
        ),
        ("Minister Aoki: Yes.\n\nQ: And the Security Council?", None),
    ];
    for (opening, want) in openings {
        assert_eq!(
            mentioned_issuer(opening, 0, 20),
            want,
            "opening {opening:?}"
        );
    }
}

/// What `read` finds in a whole document: doc type, issuer, headline, place, date, body start.
struct Want {
    doc_type: Option<DocType>,
    issuer: Option<&'static str>,
    headline: Option<&'static str>,
    place: Option<&'static str>,
    date: Option<&'static str>,
    body: &'static str,
}

#[test]
fn documents() {
    let w = |doc_type, issuer, headline, place, date, body| Want {
        doc_type: Some(doc_type),
        issuer,
        headline,
        place,
        date,
        body,
    };
    let cases = [
        // A transcript without a title: the turns' shape and the issuer it names most.
        (
            "1:02 p.m. EST\n\nMR HOLLIS: Good afternoon. The Department of State has one announcement.\n\nQUESTION: Can you say more?\n\nMR HOLLIS: Not yet.\n",
            w(DocType::Briefing, Some("U.S. Department of State"), None, None, None, "MR HOLLIS: Good afternoon."),
        ),
        // Title, date, venue and time lines are header; the body starts at the first turn.
        (
            "Remarks by President Harlan Before Bilateral Meeting\n\nMarch 3, 2027\n\nOval Office\n\n11:02 A.M. EST\n\nPRESIDENT HARLAN: Welcome.\n\nPRIME MINISTER DUBOIS: Thank you.\n\nPRESIDENT HARLAN: Thank you all.\n",
            w(DocType::Remarks, Some("The White House"), Some("Remarks by President Harlan Before Bilateral Meeting"), Some("Oval Office"), Some("2027-03-03"), "PRESIDENT HARLAN: Welcome."),
        ),
        // A speaker line is no place; a bulleted date line is a date.
        (
            "Press Briefing by Spokesperson Tor Aalund\n\n  • 12 May 2027 -\n\nTor Aalund, NATO Spokesperson\n\n(As delivered)\n\nModerator: Welcome.\n\nTor Aalund: Thank you.\n\nQuestion: Is the Alliance ready?\n\nTor Aalund: Yes.\n",
            w(DocType::Briefing, Some("NATO"), Some("Press Briefing by Spokesperson Tor Aalund"), None, Some("2027-05-12"), "Moderator: Welcome."),
        ),
        // Questions from one named person: an interview.
        (
            "with the Minister by Radio Meridian journalist Ana Ruiz\n\nAna Ruiz (Radio Meridian): Welcome, Minister.\n\nMinister Valdt: Thank you.\n\nAna Ruiz: What do you expect from the talks?\n\nMinister Valdt: Progress.\n",
            w(DocType::Interview, None, Some("with the Minister by Radio Meridian journalist Ana Ruiz"), None, None, "Ana Ruiz (Radio Meridian): Welcome, Minister."),
        ),
        // A headline naming only the issuer: the title is the next line. The opening
        // statement without a label starts the body.
        (
            "Ministry of Foreign Affairs of the Russian Federation\n\nForeign Minister Pavel Orlin’s remarks and answers to media questions, Moscow, March 3, 2027\n\nLadies and gentlemen,\n\nWe have held useful talks.\n\nQuestion: What next?\n\nPavel Orlin: More talks.\n\nQuestion: When?\n\nPavel Orlin: Soon.\n",
            w(DocType::PressConference, Some("Ministry of Foreign Affairs of the Russian Federation"), Some("Foreign Minister Pavel Orlin’s remarks and answers to media questions, Moscow, March 3, 2027"), None, Some("2027-03-03"), "Ladies and gentlemen,"),
        ),
        // A meeting record: its heading is header, the body starts at the first turn.
        (
            "United Nations S/PV.9990\nSecurity Council\nEighty-second year\n9990th meeting\nTuesday, 9 March 2027, 10 a.m.\nNew York\n\nPresident: Mr. Alvarado (Veloria)\nMembers: Kasaria Mr. Osei\n\nThe meeting was called to order at 10.05 a.m.\n\nThe President: I welcome the Envoy.\n\nMr. Osei (Kasaria): I thank the Envoy.\n\nMs. Lindqvist (Nordmark): So do I.\n",
            w(DocType::MeetingRecord, Some("United Nations Security Council"), Some("United Nations S/PV.9990"), Some("New York"), Some("2027-03-09"), "The President: I welcome the Envoy."),
        ),
        // A meeting record with its agenda: the item adopted is its title.
        (
            "United Nations S/PV.9412\nSecurity Council\n9412th meeting\nThursday, 20 May 2027, 3 p.m.\nNew York\n\nThe meeting was called to order at 3.05 p.m.\n\nAdoption of the agenda\n\nThe agenda was adopted.\n\nThe situation in the Kerran Valley\n\nThe President: I welcome the Envoy.\n\nMr. Osei (Kasaria): I thank the Envoy.\n\nMs. Lindqvist (Nordmark): So do I.\n",
            w(DocType::MeetingRecord, Some("United Nations Security Council"), Some("The situation in the Kerran Valley"), Some("New York"), Some("2027-05-20"), "The President: I welcome the Envoy."),
        ),
        // An institution in no issuer's row heads its statement: the title is the next line.
        (
            "Ministry of Foreign Affairs of the Republic of Lusania\n\nStatement on the situation in the Kerran Valley\n\nThe Ministry notes that the ceasefire has been violated.\n",
            w(DocType::Statement, Some("Ministry of Foreign Affairs of the Republic of Lusania"), Some("Statement on the situation in the Kerran Valley"), None, None, "The Ministry notes that the ceasefire has been violated."),
        ),
        (
            "Embassy of Nordmark in Veloria\n\nOn the opening of the new consulate\n\nThe Embassy welcomes the decision of the city council.\n",
            w(DocType::Statement, Some("Embassy of Nordmark in Veloria"), Some("On the opening of the new consulate"), None, None, "The Embassy welcomes the decision of the city council."),
        ),
        // Releases without turns.
        (
            "Office of the Spokesperson\n\nSecretary Pell’s Call with Foreign Minister Arvo\n\nSecretary Pell spoke today with Foreign Minister Arvo.\n",
            w(DocType::Readout, Some("U.S. Department of State"), Some("Secretary Pell’s Call with Foreign Minister Arvo"), None, None, "Secretary Pell spoke today with Foreign Minister Arvo."),
        ),
        (
            "Joint Statement of Veloria and Nordmark on the Straits\n\nWe reaffirm our support for the United Nations Security Council.\n",
            w(DocType::JointStatement, None, Some("Joint Statement of Veloria and Nordmark on the Straits"), None, None, "We reaffirm our support for the United Nations Security Council."),
        ),
        (
            "THE WHITE HOUSE\n\nOn the Harbor Accord\n\nThe President welcomes the accord.\n",
            w(DocType::Statement, Some("The White House"), Some("On the Harbor Accord"), None, None, "The President welcomes the accord."),
        ),
        // Lines above the title: a type label, an office, a date, a document symbol, an
        // institution and a release label. The label gives the type when the title has none.
        (
            "READOUT\n\nOffice of the Spokesperson\n\nMay 3, 2027\n\nSecretary Harris’ Meeting with Foreign Minister Arvo\n\nSecretary Harris met Foreign Minister Arvo today.\n",
            w(DocType::Readout, Some("U.S. Department of State"), Some("Secretary Harris’ Meeting with Foreign Minister Arvo"), None, Some("2027-05-03"), "Secretary Harris met Foreign Minister Arvo today."),
        ),
        (
            "SC/99999\n\n3 May 2027\n\nSecurity Council Press Statement on the Kerran Valley\n\nThe members of the Security Council condemned the attack.\n",
            w(DocType::Statement, Some("United Nations Security Council"), Some("Security Council Press Statement on the Kerran Valley"), None, Some("2027-05-03"), "The members of the Security Council condemned the attack."),
        ),
        (
            "Council of the EU\n\nPress release\n\n4 May 2027\n\nVeloria: Declaration by the High Representative on behalf of the EU on the elections\n\nThe European Union takes note of the results.\n",
            w(DocType::Statement, Some("Council of the European Union"), Some("Veloria: Declaration by the High Representative on behalf of the EU on the elections"), None, Some("2027-05-04"), "The European Union takes note of the results."),
        ),
        // A place and date line of its own under a title that opens with its type is the
        // document's; under a news headline it is a dateline.
        (
            "Joint Statement of the Defence Ministers of Veloria and Nordmark\n\nHalden, 3 May 2027\n\nThe Ministers reaffirmed their commitment to the treaty.\n",
            w(DocType::JointStatement, None, Some("Joint Statement of the Defence Ministers of Veloria and Nordmark"), Some("Halden"), Some("2027-05-03"), "The Ministers reaffirmed their commitment to the treaty."),
        ),
        (
            "Minister defends interview with rebel leader\n\nHALDEN, May 3, 2027\n\nThe minister defended the broadcast on Tuesday.\n",
            w(DocType::WireStory, None, Some("Minister defends interview with rebel leader"), Some("HALDEN"), Some("2027-05-03"), "The minister defended the broadcast on Tuesday."),
        ),
        // Wire stories: also when they report a ministry's statement or quote a transcript.
        (
            "MOSCOW, March 3. /TASS/. The Russian Foreign Ministry said in a statement that talks would resume.\n",
            w(DocType::WireStory, None, None, Some("MOSCOW"), Some("XXXX-03-03"), "The Russian Foreign Ministry said in a statement that talks would resume."),
        ),
        (
            "Joint statement on talks released\n\nGENEVA (Reuters) - The two sides issued a joint statement.\n\nQ: Will you meet again?\n\nMINISTER RENN: Yes.\n\nQ: When?\n",
            w(DocType::WireStory, None, Some("Joint statement on talks released"), Some("GENEVA"), None, "The two sides issued a joint statement.\n\nQ: Will you meet again?\n\nMINISTER RENN: Yes.\n\nQ: When?"),
        ),
        (
            "Middle East news highlights:\n\nAMMAN: Voting starts.\n\nBAGHDAD: Markets reopen.\n\nUNITED NATIONS: The council meets.\n",
            w(DocType::WireStory, None, None, None, None, "Middle East news highlights:\n\nAMMAN: Voting starts.\n\nBAGHDAD: Markets reopen.\n\nUNITED NATIONS: The council meets."),
        ),
    ];
    for (text, want) in &cases {
        let m = read_metadata(text);
        assert_eq!(m.doc_type, want.doc_type, "doc type of {text:?}");
        assert_eq!(m.issuer.as_deref(), want.issuer, "issuer of {text:?}");
        assert_eq!(m.headline.as_deref(), want.headline, "headline of {text:?}");
        assert_eq!(m.place.as_deref(), want.place, "place of {text:?}");
        assert_eq!(
            m.date.map(|d| d.value()).as_deref(),
            want.date,
            "date of {text:?}"
        );
        assert!(
            m.body.slice(text).starts_with(want.body),
            "body of {text:?}: {:?}",
            m.body.slice(text)
        );
    }
    assert_eq!(read_metadata("").doc_type, None);
    assert_eq!(read_metadata(" \n ").doc_type, None);
}

#[test]
fn header_lines() {
    let times = [
        ("2:02 p.m. EST", true),
        ("11:45 A.M. EDT", true),
        ("20:00", true),
        ("East Room", false),
        ("2027", false),
    ];
    for (t, want) in times {
        assert_eq!(time_line(t), want, "{t:?}");
    }
    let stage = [
        ("(As delivered)", true),
        ("[inaudible]", true),
        ("* * *", true),
        ("(Laughter.) Yes.", false),
    ];
    for (t, want) in stage {
        assert_eq!(stage_direction(t), want, "{t:?}");
    }
    let prose_lines = [
        ("Ladies and gentlemen,", true),
        ("We have held talks.", true),
        ("Washington, D.C.", false),
        ("The Kremlin, Moscow", false),
        ("(Laughter.)", false),
    ];
    for (t, want) in prose_lines {
        assert_eq!(prose(t), want, "{t:?}");
    }
    let dates = [
        (
            "Foreign Ministry Spokesperson Li Hanwen's Regular Press Conference on April 14, 2027",
            Some("2027-04-14"),
        ),
        (
            "Department Press Briefing – February 3, 2027",
            Some("2027-02-03"),
        ),
        ("Remarks on March 3", None),
        ("Remarks by the President", None),
    ];
    for (t, want) in dates {
        assert_eq!(title_date(t).map(|d| d.value()).as_deref(), want, "{t:?}");
    }
}
