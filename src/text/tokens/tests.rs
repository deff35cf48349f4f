use super::*;
use crate::text::{paragraphs, quotes};

/// A vocabulary of the words `note` (flagged [`NOTE`]) and `mark` (flagged [`MARK`]).
fn vocab(note: &[&[u8]], mark: &[&[u8]]) -> Vocabulary {
    let notes = note.iter().map(|w| (*w, NOTE));
    Vocabulary::new(notes.chain(mark.iter().map(|w| (*w, MARK)))).unwrap()
}

/// The tokens of `text` (one paragraph or more), as (text, lower-case form).
fn tokens(text: &str) -> Vec<(String, String)> {
    let paras = paragraphs::split(text, Span::new(0, text.len()));
    let qs = quotes::find(text, &paras);
    let none = vocab(&[], &[]);
    let doc = tokenize(text, &paras, &qs, &none);
    (0..doc.toks.len())
        .map(|i| {
            (
                doc.toks[i].span().slice(text).to_string(),
                doc.w(i).to_string(),
            )
        })
        .collect()
}

/// Words keep their joiners and the period of an abbreviation; curly apostrophes are
/// read as straight ones in the lower-case form, at the same token.
#[test]
fn tokens_table() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Smith said U.S. talks failed.",
            &["Mr.", "Smith", "said", "U.S.", "talks", "failed", "."],
        ),
        (
            "al-Assad met AT&T’s chief",
            &["al-Assad", "met", "AT&T’s", "chief"],
        ),
        ("“Yes,” he said", &["“", "Yes", ",", "”", "he", "said"]),
        (
            "Sen. Kaine (D-Va.) spoke",
            &["Sen.", "Kaine", "(", "D-Va.", ")", "spoke"],
        ),
        // Every kind of abbreviations.tsv keeps its period, a state only when capitalised;
        // a plain word gives it up.
        (
            "Mar. 5 in Austin, Tex. at No. 2, Smith Bros. sold ore.",
            &[
                "Mar.", "5", "in", "Austin", ",", "Tex.", "at", "No.", "2", ",", "Smith", "Bros.",
                "sold", "ore", ".",
            ],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = tokens(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(&got, want, "{text}");
    }
    let lower = tokens("AT&T’s SAID");
    assert_eq!(lower[0].1, "at&t's");
    assert_eq!(lower[1].1, "said");
}

/// A token flagged plain is ASCII letters and digits only; the plain words of a plain
/// text are flagged.
#[test]
fn plain_flags_only_ascii_letters_and_digits() {
    let text = "Mr. Smith said U.S. talks failed at 3pm; al-Assad, AT&T’s Ñandú \
                internationalisation-wide talks-";
    let paras = paragraphs::split(text, Span::new(0, text.len()));
    let none = vocab(&[], &[]);
    let doc = tokenize(text, &paras, &[], &none);
    let mut flagged = Vec::new();
    for t in &doc.toks {
        let w = t.span().slice(text);
        if t.plain {
            assert!(
                t.word && w.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{w}"
            );
            flagged.push(w);
        }
    }
    assert_eq!(flagged, ["Smith", "said", "talks", "failed", "at", "3pm"]);
}

/// The stage's filter picks its candidates among the word tokens, in order.
#[test]
fn sentences_are_marked_by_the_words_they_hold() {
    let marks = vocab(&[], &[b"talks", b"backed", b"willing"]);
    // (text, the sentences marked)
    let cases: &[(&str, &[&str])] = &[
        ("Talks resumed. Profits rose.", &["Talks resumed."]),
        (
            "U.S.-backed forces. Rebel-held towns.",
            &["U.S.-backed forces."],
        ),
        ("He is willing-to go. No one.", &["He is willing-to go."]),
        // a word read whole before a period is read by its runs from a letter on
        ("It was 3talks. Fine.", &["It was 3talks."]),
        // past ASCII: marked whatever its words
        ("Ñandú fell. Prices rose.", &["Ñandú fell."]),
        ("Praises sung. Profits up.", &[]),
    ];
    for (text, want) in cases {
        let paras = paragraphs::split(text, Span::new(0, text.len()));
        let doc = tokenize(text, &paras, &[], &marks);
        let got: Vec<&str> = paras
            .iter()
            .flat_map(|p| &p.sentences)
            .filter(|s| doc.marked.contains(&s.start))
            .map(|s| s.slice(text).trim())
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn candidates_are_the_words_the_filter_passes() {
    let text = "He said, and she said too.";
    let paras = paragraphs::split(text, Span::new(0, text.len()));
    let doc = tokenize(text, &paras, &[], &vocab(&[b"said"], &[]));
    let said: Vec<usize> = doc
        .candidates
        .iter()
        .copied()
        .filter(|&i| doc.w(i) == "said")
        .collect();
    assert_eq!(said, vec![1, 5]);
}

/// The tokens inside a top-level double quotation are flagged, and only those: a
/// token straddling a quotation's end is not, nor are those of a single quotation.
#[test]
fn quoted_tokens_table() {
    let cases: &[(&str, &[&str])] = &[
        (
            "\"We are ready,\" he said. \"Talks go on.\"",
            &["We", "are", "ready", ",", "Talks", "go", "on", "."],
        ),
        ("He said no.", &[]),
        ("He called it 'fine' and left.", &[]),
        (
            "\"One\" and \"two\" and \"three\"",
            &["One", "two", "three"],
        ),
    ];
    for (text, want) in cases {
        let paras = paragraphs::split(text, Span::new(0, text.len()));
        let qs = quotes::find(text, &paras);
        let none = vocab(&[], &[]);
        let doc = tokenize(text, &paras, &qs, &none);
        let got: Vec<&str> = doc
            .toks
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.span().slice(text))
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

/// The eight-at-once run agrees with a byte loop for every byte at every place.
#[test]
fn alnum_run_agrees_with_a_byte_loop() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut s = *b"Ab9zZ0q-";
            s[at] = b;
            let want = s.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            assert_eq!(alnum_run(u64::from_le_bytes(s)), want, "{b:#x} at {at}");
        }
    }
    assert_eq!(alnum_run(u64::from_le_bytes(*b"abcdefgh")), 8);
}

/// A word read from one 16-byte load (the plain path) and the same word read by
/// [`word_end`] (near the end of the text, or longer than 15 bytes, or with a joiner) get
/// the same token and the same filter answer, in any case.
#[test]
fn plain_words_read_as_the_general_path_reads_them() {
    let words = vocab(&[b"said", b"according", b"spokeswomen1234567"], &[]);
    let cases: &[(&str, &[&str])] = &[
        (
            "SAID the minister, who Said it and said so.",
            &["SAID", "Said", "said"],
        ),
        ("He said", &["said"]),
        (
            "According to SPOKESWOMEN1234567 today",
            &["According", "SPOKESWOMEN1234567"],
        ),
        ("said-so said.", &["said"]),
    ];
    for (text, want) in cases {
        let paras = paragraphs::split(text, Span::new(0, text.len()));
        let doc = tokenize(text, &paras, &[], &words);
        let got: Vec<&str> = doc
            .candidates
            .iter()
            .map(|&i| doc.toks[i].span().slice(text))
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

/// Every token carries the id of its lower-case form, whichever path read it: plain words,
/// words with joiners, words past ASCII, ASCII and other marks.
#[test]
fn every_token_has_the_id_of_its_lower_case_form() {
    let listed: [&[u8]; 9] = [
        b"said",
        b"u.s.",
        b",",
        b".",
        b"didn't",
        b"\xc3\xb1and\xc3\xba",
        b"\xe2\x80\x9c",
        b"al-assad",
        b"3pm",
    ];
    let words = Vocabulary::new(listed.iter().map(|w| (*w, 0))).unwrap();
    let text = "Mr. Smith said, \u{201c}U.S. talks\u{201d} failed at 3pm; al-Assad didn\u{2019}t \
                see \u{d1}and\u{fa}. SAID the U.S. (said)";
    let paras = paragraphs::split(text, Span::new(0, text.len()));
    let doc = tokenize(text, &paras, &[], &words);
    let mut found = 0;
    for i in 0..doc.toks.len() {
        let want = words.id(doc.w_bytes(i));
        assert_eq!(doc.toks[i].id, want, "{:?}", doc.w(i));
        found += usize::from(want != 0);
    }
    assert!(found >= 12, "{found}");
}
