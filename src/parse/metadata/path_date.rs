//! The story date a file's path gives, for stories whose text gives none: archives are often
//! filed by day (`2022/01/18/tass-1.txt`, `20220118-lavrov.txt`, `APW19980807.0261.txt`,
//! `2022-01-18_readout.html`).
//!
//! The path is read from its last component back to its first, and the first date found
//! wins: the file's own name says more about the story than the folders above it. In each
//! component, a date is one of the [`FORMS`]; its digits must not touch other digits (`120220118`
//! is no date), and the date must exist in a year from 1900 to 2100 (a serial number such as
//! `00012345` is no date).

use super::StoryDate;

/// The forms a date takes in a path, each with an example (path, date) run as a test (the
/// readers below are written for them).
#[cfg(test)]
const FORMS: &[(&str, &str, &str)] = &[
    (
        "three folders: year, month, day",
        "archive/2022/01/18/story.txt",
        "2022-01-18",
    ),
    (
        "eight digits in a name",
        "tass/20220118-lavrov-blinken.txt",
        "2022-01-18",
    ),
    (
        "eight digits after letters",
        "aquaint__APW19980807.0261.txt",
        "1998-08-07",
    ),
    ("ISO with hyphens", "2022-01-18_readout.html", "2022-01-18"),
    (
        "ISO with underscores",
        "readout_2022_01_18.txt",
        "2022-01-18",
    ),
    ("ISO with dots", "wire/2022.01.18/a.txt", "2022-01-18"),
];

/// The story date the path `path` gives (`/` or `\` between its components), if any.
pub fn from_path(path: &str) -> Option<StoryDate> {
    if !has_date_run(path.as_bytes()) {
        return None;
    }
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    for (i, part) in parts.iter().enumerate().rev() {
        if let Some(d) = in_component(part) {
            return Some(d);
        }
        // `YYYY/MM/DD/` folders, read from the day's folder (the file's own folder, or
        // `DD` as the last component of a folder path)
        if let [y, m, d] = parts.get(i.saturating_sub(2)..=i).unwrap_or_default() {
            if y.len() == 4 && m.len() == 2 && d.len() == 2 {
                if let Some(date) = ymd(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Whether `path` holds a run of exactly four or eight digits, which every form needs (a
/// year, or the eight digits of a day): most paths have none (`stories/00001.txt`), and are
/// ruled out without splitting them into components.
fn has_date_run(path: &[u8]) -> bool {
    let mut run = 0;
    for &b in path {
        if b.is_ascii_digit() {
            run += 1;
        } else if run == 4 || run == 8 {
            return true;
        } else {
            run = 0;
        }
    }
    run == 4 || run == 8
}

/// A date written in one component of a path: eight digits, or year, month and day joined
/// by one `-`, `_` or `.`.
fn in_component(part: &str) -> Option<StoryDate> {
    let b = part.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let found = match run {
            8 => ymd(&part[i..i + 4], &part[i + 4..i + 6], &part[i + 6..i + 8]),
            4 => joined(part, i),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        i += run;
    }
    None
}

/// `YYYY-MM-DD` (or `_`, `.`) starting at byte `i` of `part`, its last digit touching no
/// other digit.
fn joined(part: &str, i: usize) -> Option<StoryDate> {
    let b = part.as_bytes();
    let sep = *b.get(i + 4)?;
    if !matches!(sep, b'-' | b'_' | b'.') || b.get(i + 7) != Some(&sep) {
        return None;
    }
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !digits(i + 5..i + 7)
        || !digits(i + 8..i + 10)
        || b.get(i + 10).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    ymd(&part[i..i + 4], &part[i + 5..i + 7], &part[i + 8..i + 10])
}

/// The date of year, month and day digits, when it exists and its year is from 1900 to 2100.
fn ymd(y: &str, m: &str, d: &str) -> Option<StoryDate> {
    let all_digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1900..=2100).contains(&year) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(StoryDate {
        year: Some(year),
        month,
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_match_their_own_examples() {
        for (name, path, want) in FORMS {
            let got = from_path(path).map(|d| d.value());
            assert_eq!(got.as_deref(), Some(*want), "{name}: {path}");
        }
    }

    /// The digit-run pre-test passes every path a date is read from.
    #[test]
    fn date_run_pretest_keeps_every_dated_path() {
        let dated = FORMS.iter().map(|f| f.1).chain([
            "2021/12/31/20220118.txt",
            "x/1998-08-07",
            "x/19980807",
            "C:\\wire\\2022\\01\\18\\x.txt",
        ]);
        for path in dated {
            assert!(has_date_run(path.as_bytes()), "{path}");
        }
        for path in ["", "00001.txt", "a/12345/123", "a/1234567"] {
            assert!(!has_date_run(path.as_bytes()), "{path}");
        }
    }

    /// Paths that give no date, or give the nearest one.
    #[test]
    fn paths_without_dates_and_nearest_dates() {
        let cases = [
            ("stories/00001.txt", None),
            ("reuters/12345678.txt", None),
            ("a/120220118.txt", None),
            ("a/2022-13-01.txt", None),
            ("a/2022/02/30/x.txt", None),
            ("a/1850/01/18/x.txt", None),
            ("2021/12/31/20220118.txt", Some("2022-01-18")),
            ("2022/01/18", Some("2022-01-18")),
            ("C:\\wire\\2022\\01\\18\\x.txt", Some("2022-01-18")),
            ("", None),
            ("reuters21578/stories/00001.txt", None),
            ("a/1234/b.txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                from_path(path).map(|d| d.value()).as_deref(),
                want,
                "{path}"
            );
        }
    }
}
