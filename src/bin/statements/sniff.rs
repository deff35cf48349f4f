//! Files that are clearly not stories, told by their first bytes (or, for tables and JSON,
//! their name): a PDF, an office document, an image, an archive, a CSV table, JSON. Such a
//! file gets an error record saying what it looks like and what to do, instead of a record
//! analysed from bytes that are not text.

use std::path::Path;

/// What `bytes` (the file at `path`) look like when they are clearly not a story, with what
/// to do; `None` for anything that may be a story.
pub fn not_a_story(path: &Path, bytes: &[u8]) -> Option<String> {
    let looks = |what: &str, todo: &str| Some(format!("looks like {what}: {todo}"));
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let text_first = "save it as plain text first";
    if starts(b"%PDF-") {
        return looks(
            "a PDF",
            "convert it to text first (for example with pdftotext)",
        );
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return looks("an old office document (DOC, XLS or PPT)", text_first);
    }
    if starts(b"PK\x03\x04") {
        return match extension(path).as_deref() {
            Some("docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" | "rtf" | "epub") => {
                looks("an office document (DOCX, XLSX, ODT...)", text_first)
            }
            _ => looks("a ZIP archive", "unpack it and give the stories inside"),
        };
    }
    if let Some(kind) = image(bytes) {
        return looks(&format!("an image ({kind})"), "statements reads text only");
    }
    if starts(b"\x1F\x8B") {
        return looks("a gzip file", "decompress it first");
    }
    if starts(b"{\\rtf") {
        return looks("an RTF document", text_first);
    }
    match extension(path).as_deref() {
        Some("csv" | "tsv") => looks(
            "a table (CSV)",
            "give each story as a text file, or as --jsonl records {\"id\", \"text\", \"date\"}",
        ),
        Some("json" | "jsonl" | "ndjson") => looks(
            "JSON",
            "stories as JSON Lines records {\"id\", \"text\", \"date\"} are read with --jsonl",
        ),
        _ => None,
    }
}

/// The kind of image `bytes` start like.
fn image(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1A\n") {
        Some("PNG")
    } else if starts(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("GIF")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some("TIFF")
    } else {
        None
    }
}

/// The file name's extension, lower-cased.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_what_files_look_like() {
        let cases: [(&str, &[u8], Option<&str>); 10] = [
            ("a.pdf", b"%PDF-1.7\n...", Some("looks like a PDF")),
            (
                "a.docx",
                b"PK\x03\x04rest",
                Some("looks like an office document"),
            ),
            ("a.zip", b"PK\x03\x04rest", Some("looks like a ZIP archive")),
            (
                "a.doc",
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..",
                Some("looks like an old office"),
            ),
            (
                "a.png",
                b"\x89PNG\r\n\x1A\n....",
                Some("looks like an image (PNG)"),
            ),
            (
                "photo",
                b"\xFF\xD8\xFF\xE0",
                Some("looks like an image (JPEG)"),
            ),
            ("t.csv", b"date,text\n", Some("looks like a table (CSV)")),
            ("r.json", b"{\"text\": \"x\"}", Some("looks like JSON")),
            ("story.txt", b"MOSCOW, January 18. /TASS/.", None),
            ("story", b"PKK party said on Monday", None),
        ];
        for (name, bytes, expected) in cases {
            let got = not_a_story(Path::new(name), bytes);
            match expected {
                Some(start) => assert!(
                    got.as_deref().is_some_and(|g| g.starts_with(start)),
                    "{name}: {got:?}"
                ),
                None => assert_eq!(got, None, "{name}"),
            }
        }
    }
}
