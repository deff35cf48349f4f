//! Table tests for speaker resolution: chains of mentions of one story, each resolved to the
//! entity it names, and the cleaning of a mention's edges.

use super::*;
use mention::read_mention;

/// Resolves the `|`-separated mentions of one story; returns each one's entity name.
fn chain(mentions: &str) -> Vec<String> {
    let text = mentions;
    let mut r = Resolver::new();
    let mut pos = 0;
    let mut out = Vec::new();
    for part in text.split('|') {
        let span = Span::new(pos, pos + part.len());
        pos += part.len() + 1;
        out.push(r.resolve(text, span));
    }
    out.into_iter()
        .map(|e| e.map_or("-".to_string(), |e| r.entities()[e].name.clone()))
        .collect()
}

#[test]
fn resolution_table() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Russian Foreign Minister Sergey Lavrov|Lavrov|the minister|he",
            &["Sergey Lavrov"; 4],
        ),
        (
            "the Russian Foreign Ministry|the Russian diplomatic agency|the ministry|the statement",
            &["Russian Foreign Ministry"; 4],
        ),
        (
            "Lavrov|Russian Foreign Minister Sergey Lavrov",
            &["Sergey Lavrov", "Sergey Lavrov"],
        ),
        (
            "Hillary Clinton|Bill Clinton|Clinton",
            &["Hillary Clinton", "Bill Clinton", "Bill Clinton"],
        ),
        (
            "sources|officials|sources",
            &["sources", "officials", "sources"],
        ),
        (
            "a Western diplomat|a Western diplomat",
            &["Western diplomat", "Western diplomat"],
        ),
        ("he", &["-"]),
        (
            "Ana Ruiz|Mediators|he",
            &["Ana Ruiz", "Mediators", "Ana Ruiz"],
        ),
        (
            "Kasaria's ambassador, Yusuf Adeyemi|Adeyemi",
            &["Yusuf Adeyemi", "Yusuf Adeyemi"],
        ),
        (
            "the bloc's secretary-general, Lucia Ferreira|Ferreira",
            &["Lucia Ferreira", "Lucia Ferreira"],
        ),
        (
            "Scott Pruitt, the attorney general|Pruitt",
            &["Scott Pruitt"; 2],
        ),
        (
            "spokeswoman Ann Lee|Mr. Bo Chen|she|he",
            &["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"],
        ),
        (
            "Herbert Fritschi|Cantonal Bank's Fritschi",
            &["Herbert Fritschi", "Herbert Fritschi"],
        ),
        (
            "ministry spokesman Park Ji-hoon|Park",
            &["Park Ji-hoon", "Park Ji-hoon"],
        ),
        (
            "Kremlin Spokesman Dmitry Peskov|Peskov|the spokesman",
            &["Dmitry Peskov"; 3],
        ),
        (
            "The New York Times|the newspaper",
            &["New York Times", "New York Times"],
        ),
        // pronouns by their columns: `it` an organisation, `they` a group or organisation,
        // `I` a person, `we` anyone
        (
            "the Foreign Ministry|Ana Ruiz|it",
            &["Foreign Ministry", "Ana Ruiz", "Foreign Ministry"],
        ),
        (
            "officials|Ana Ruiz|they",
            &["officials", "Ana Ruiz", "officials"],
        ),
        (
            "the ministry|Ana Ruiz|I|we",
            &["ministry", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"],
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(chain(input), expected.to_vec(), "mentions {input:?}");
    }
}

#[test]
fn titles_and_kinds() {
    let text = "Russian Foreign Minister Sergey Lavrov|Scott Pruitt, the attorney general of Oklahoma,|the Russian diplomats|Reuters";
    let mut r = Resolver::new();
    let mut pos = 0;
    for part in text.split('|') {
        r.resolve(text, Span::new(pos, pos + part.len()));
        pos += part.len() + 1;
    }
    let e = r.into_entities();
    assert_eq!(e[0].title.as_deref(), Some("Russian Foreign Minister"));
    assert_eq!(e[0].kind, SpeakerKind::Person);
    assert_eq!(e[1].name, "Scott Pruitt");
    assert_eq!(e[1].title.as_deref(), Some("attorney general of Oklahoma"));
    assert_eq!(e[2].kind, SpeakerKind::Group);
    assert_eq!(e[3].kind, SpeakerKind::Organization);
}

#[test]
fn coordinated_names() {
    let cases: &[(&str, &str, SpeakerKind, Option<&str>)] = &[
        // (mention, name, kind, title)
        (
            "Valdoria and Marest",
            "Valdoria and Marest",
            SpeakerKind::Group,
            None,
        ),
        (
            "Russia and China",
            "Russia and China",
            SpeakerKind::Group,
            None,
        ),
        (
            "the underwriters Harlow and Finch Co",
            "Harlow and Finch Co",
            SpeakerKind::Organization,
            None,
        ),
        (
            "Northern Gas and Electric Corp",
            "Northern Gas and Electric Corp",
            SpeakerKind::Organization,
            None,
        ),
        // A person's title may hold a coordination: the person stays the speaker.
        (
            "Foreign and Commonwealth Secretary Anna Berg",
            "Anna Berg",
            SpeakerKind::Person,
            Some("Foreign and Commonwealth Secretary"),
        ),
    ];
    for &(mention, name, kind, title) in cases {
        let mut r = Resolver::new();
        r.resolve(mention, Span::new(0, mention.len()));
        let e = r.into_entities();
        assert_eq!(
            (e[0].name.as_str(), e[0].kind, e[0].title.as_deref()),
            (name, kind, title),
            "{mention}"
        );
    }
}

#[test]
fn time_and_discourse_words_are_not_part_of_a_mention() {
    let cases: &[(&str, Option<&str>)] = &[
        // (mention as found, mention kept)
        (
            "The Cypriot government Saturday",
            Some("The Cypriot government"),
        ),
        ("Saturday", None),
        ("on Tuesday", None),
        ("Baroness Chalker, on Tuesday", Some("Baroness Chalker")),
        ("His", None),
        ("His lawyer, however,", Some("His lawyer")),
        ("Sergey Lavrov", Some("Sergey Lavrov")),
        ("the ministry", Some("the ministry")),
        ("Friday Okonkwo", Some("Friday Okonkwo")),
    ];
    for (mention, kept) in cases {
        let got =
            clean_mention(mention, Span::new(0, mention.len())).map(|s| &mention[s.start..s.end]);
        assert_eq!(got, *kept, "{mention}");
    }
}

/// A reading in short, for the tables: its kind, and the head and definiteness of a
/// description.
fn reading_of(r: &mention::Reading) -> String {
    use mention::Reading;
    match r {
        Reading::Pronoun(p) => format!("pronoun {}", p.person),
        Reading::Person { last, first } => format!("person {last} {first:?}"),
        Reading::Org => "org".into(),
        Reading::Description { head, definite, .. } => format!("description {head} {definite}"),
        Reading::Parties => "parties".into(),
        Reading::Other => "other".into(),
    }
}

/// Each reader of `read_mention` with a mention it reads: (mention, reading, name, title).
#[test]
fn mention_readers() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        // a pronoun alone; `them` is never a whole mention
        ("He", "pronoun 3", "He", None),
        ("them", "other", "them", None),
        // parentheses out
        (
            "Pat McCrory (R)",
            "person mccrory Some(\"pat\")",
            "Pat McCrory",
            None,
        ),
        // an appositive is a title, unless it is the name
        (
            "Scott Pruitt, the attorney general,",
            "person pruitt Some(\"scott\")",
            "Scott Pruitt",
            Some("attorney general"),
        ),
        (
            "Kasaria's ambassador, Yusuf Adeyemi",
            "person adeyemi Some(\"yusuf\")",
            "Yusuf Adeyemi",
            Some("Kasaria's ambassador"),
        ),
        // the name: trailing capitalised words, not title words, after a possessive
        (
            "Russian Foreign Minister Sergey Lavrov",
            "person lavrov Some(\"sergey\")",
            "Sergey Lavrov",
            Some("Russian Foreign Minister"),
        ),
        (
            "Cantonal Bank's Fritschi",
            "person fritschi None",
            "Fritschi",
            Some("Cantonal Bank's"),
        ),
        ("Officials", "description officials true", "Officials", None),
        // coordination: parties, or one company
        (
            "Valdoria and Marest",
            "parties",
            "Valdoria and Marest",
            None,
        ),
        (
            "Morgan Stanley and Co",
            "org",
            "Morgan Stanley and Co",
            None,
        ),
        // a name read as an organisation
        ("NATO", "org", "NATO", None),
        ("the Kremlin", "org", "Kremlin", None),
        ("the Foreign Ministry", "org", "Foreign Ministry", None),
        // descriptions: the head before `of`, definite or not; `my` is not dropped
        (
            "the head of the agency",
            "description head true",
            "head of the agency",
            Some("head of the agency"),
        ),
        (
            "several Western diplomats",
            "description diplomats false",
            "Western diplomats",
            None,
        ),
        (
            "his lawyer",
            "description lawyer true",
            "lawyer",
            Some("lawyer"),
        ),
        (
            "my lawyer",
            "description lawyer true",
            "my lawyer",
            Some("my lawyer"),
        ),
        ("the weather", "other", "weather", None),
    ];
    for &(text, reading, name, title) in cases {
        let m = read_mention(text);
        let got = (reading_of(&m.reading), m.name.as_str(), m.title.as_deref());
        assert_eq!(got, (reading.to_string(), name, title), "{text}");
    }
}

/// Title words that show a gender, and words that show none.
#[test]
fn gender_words() {
    let cases: &[(&str, Option<bool>)] = &[
        ("Mrs. Ann Lee", Some(true)),
        ("spokeswoman Ann Lee", Some(true)),
        ("Mr Bo Chen", Some(false)),
        ("(chairman) Bo Chen", Some(false)),
        ("Minister Bo Chen", None),
        // only the edges are trimmed: a possessive ending stays, and no longer matches
        ("the woman's lawyer", None),
    ];
    for &(text, want) in cases {
        assert_eq!(mention::gender_of(text), want, "{text}");
    }
}

/// `clean_mention` compares only mentions as short as the longest bare determiner with them.
#[test]
fn bare_determiner_bytes_is_the_longest() {
    let longest = BARE_DETERMINERS.iter().map(|d| d.len()).max();
    assert_eq!(longest, Some(BARE_DETERMINER_BYTES));
}

/// The ASCII fast paths give what lower-casing a copy gives.
#[test]
fn lower_fast_paths_agree_with_to_lowercase() {
    let texts = [
        "Spokesman",
        "Foreign MINISTER",
        "",
        "Añez Chief",
        "KELVIN K",
        "x",
    ];
    let parts = ["spokesman", "minister", "", "chief", "k", "añez", "ñ", "xy"];
    for s in texts {
        assert_eq!(lower_string(s), s.to_lowercase(), "{s:?}");
        for part in parts {
            let want = s.to_lowercase().contains(part);
            assert_eq!(lower_contains(s, part), want, "{s:?} {part:?}");
        }
    }
}

/// `noun_of` gives what `noun` gives of the lower-cased word, for every noun of the lexicon
/// (as written, capitalised, in capitals and in the plural) and for other words.
#[test]
fn noun_of_agrees_with_noun() {
    let mut words: Vec<String> = ["Smith", "MEN", "Spokesmen", "Añez", "", "s", "Ministries"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    for n in NOUNS.keys() {
        let mut cap = n.clone();
        if let Some(first) = cap.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        words.extend([n.clone(), cap, n.to_uppercase(), format!("{n}s")]);
    }
    for w in &words {
        assert_eq!(noun_of(w), noun(&w.to_lowercase()), "{w:?}");
    }
}
