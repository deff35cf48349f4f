//! The forms of a verb trigger, made by rule from its base: a form written `accuse+` in a
//! trigger table stands for `accuse`, `accuses`, `accused` and `accusing`, with the British
//! and American spellings of each (`criticize`/`criticise`, `favour`/`favor`,
//! `cancelled`/`canceled`). Irregular forms (`withdrew`, `gave`) are listed beside it.
//!
//! Where the spelling rules cannot tell (a final consonant is doubled in `regretted` but not
//! in `visited`; that depends on stress), both forms are made: the wrong one never occurs in
//! text, and a table lookup costs the same for one form more.

/// The forms of a trigger form: itself when it has no `+`; else its first word, inflected,
/// followed by the rest of the phrase (`call+ on`: `call on`, `calls on`, `called on`,
/// `calling on`). No form is repeated; the base comes first.
pub(super) fn forms(form: &str) -> Vec<String> {
    let (first, rest) = match form.split_once(' ') {
        Some((f, r)) => (f, Some(r)),
        None => (form, None),
    };
    let Some(base) = first.strip_suffix('+') else {
        return vec![form.to_string()];
    };
    let mut out: Vec<String> = Vec::new();
    for spelling in spellings(base) {
        for w in inflections(&spelling) {
            let f = match rest {
                Some(r) => format!("{w} {r}"),
                None => w,
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

/// A verb's spellings: British `-ise` and `-our` beside American `-ize` and `-or`.
fn spellings(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let swap = |from: &str, to: &str| {
        (base.len() > from.len() + 2)
            .then(|| base.strip_suffix(from).map(|stem| format!("{stem}{to}")))
            .flatten()
    };
    let other = swap("ize", "ise")
        .or_else(|| swap("ise", "ize"))
        .or_else(|| swap("our", "or"))
        .or_else(|| swap("or", "our"));
    out.extend(other);
    out
}

fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a final consonant may be doubled before `-ed` and `-ing` (`ban`, `regret`,
/// `cancel`): one vowel before a consonant other than w, x, y; and whether the word has a
/// single vowel group (then it is doubled, never not: `banned`).
fn doubling(w: &[u8]) -> (bool, bool) {
    let n = w.len();
    if n < 3 {
        return (false, false);
    }
    let (a, b, c) = (w[n - 3], w[n - 2], w[n - 1]);
    // the u of `qu` is no vowel: `acquitted`, `equipped`
    let qu = a == b'u' && n > 3 && w[n - 4] == b'q';
    let may = (!vowel(a) || qu) && vowel(b) && !vowel(c) && !matches!(c, b'w' | b'x' | b'y');
    let groups = w
        .iter()
        .enumerate()
        .filter(|&(i, &x)| (vowel(x) || (x == b'y' && i > 0)) && (i == 0 || !vowel(w[i - 1])))
        .count();
    (may, groups == 1)
}

/// base, -s, -ed and -ing forms of one spelling.
fn inflections(base: &str) -> Vec<String> {
    let w = base.as_bytes();
    let n = w.len();
    let last = w.last().copied().unwrap_or(b' ');
    let before = if n > 1 { w[n - 2] } else { b' ' };
    let consonant_y = last == b'y' && !vowel(before);
    let mut out = vec![base.to_string()];
    // -s
    let consonant_o = last == b'o' && !vowel(before);
    let sibilant = ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| base.ends_with(e))
        || consonant_o;
    out.push(if consonant_y {
        format!("{}ies", &base[..n - 1])
    } else if sibilant {
        format!("{base}es")
    } else {
        format!("{base}s")
    });
    // -ed and -ing
    let (may_double, single) = doubling(w);
    if last == b'e' {
        out.push(format!("{base}d"));
        let keep_e = base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe");
        out.push(if base.ends_with("ie") {
            format!("{}ying", &base[..n - 2])
        } else if keep_e {
            format!("{base}ing")
        } else {
            format!("{}ing", &base[..n - 1])
        });
    } else if consonant_y {
        out.push(format!("{}ied", &base[..n - 1]));
        out.push(format!("{base}ing"));
    } else {
        let doubled = format!("{base}{}", char::from(last));
        if may_double {
            out.push(format!("{doubled}ed"));
            out.push(format!("{doubled}ing"));
        }
        if !(may_double && single) {
            out.push(format!("{base}ed"));
            out.push(format!("{base}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn verbs_are_inflected_by_rule() {
        let cases: [(&str, &[&str]); 13] = [
            ("veto+", &["vetoes", "vetoed", "vetoing"]),
            ("talks", &["talks"]),
            ("acquit+", &["acquitted", "acquitting"]),
            ("accuse+", &["accuse", "accuses", "accused", "accusing"]),
            ("deny+", &["deny", "denies", "denied", "denying"]),
            ("ban+", &["ban", "bans", "banned", "banning"]),
            ("free+", &["free", "frees", "freed", "freeing"]),
            (
                "condemn+",
                &["condemn", "condemns", "condemned", "condemning"],
            ),
            ("criticize+", &["criticise", "criticised", "criticizing"]),
            ("favour+", &["favour", "favored", "favouring"]),
            (
                "cancel+",
                &["cancelled", "canceled", "cancelling", "canceling"],
            ),
            ("regret+", &["regretted", "regrets"]),
            (
                "call+ on",
                &["call on", "calls on", "called on", "calling on"],
            ),
        ];
        for (form, want) in cases {
            let got = forms(form);
            for w in want {
                assert!(got.iter().any(|g| g == w), "{form}: {w} not in {got:?}");
            }
        }
        // a single vowel group doubles, never not
        assert!(!forms("ban+").contains(&"baned".to_string()));
        assert!(forms("visit+").contains(&"visited".to_string()));
    }
}
