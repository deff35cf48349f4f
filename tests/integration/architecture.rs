//! The library's arrows run one way: each top-level module imports only from modules on its
//! own floor or below. The floors, bottom up, are the pipeline of ARCHITECTURE.md: shared
//! primitives, decoding, the story's text stream, the layout readers, the analyses, and the
//! output; `lib.rs` (which runs the pipeline) and the command line sit above them all.
//! A file that imports from a floor above its own fails this test with the line that does.

use crate::harness::root;
use std::path::Path;

/// Top-level modules of `src/` by floor, bottom first.
const FLOORS: &[&[&str]] = &[
    &["ascii", "span", "error", "vocab", "lexicon"],
    &["input"],
    &["text"],
    &["parse"],
    &["analyse"],
    &["output"],
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

/// The top-level module a `crate::` path names (`crate::output::record::X` → `output`).
fn modules_named(line: &str) -> impl Iterator<Item = &str> {
    line.match_indices("crate::").map(move |(i, _)| {
        let rest = &line[i + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        &rest[..end]
    })
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn library_imports_run_down_the_pipeline() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs");
        // Unit tests may check a stage end to end through the public record.
        if path.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(own) = floor_of(top) else {
            continue; // lib.rs and bin/ run the pipeline: they may import anything
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for module in modules_named(line) {
                // `crate::Error` and friends are re-exports in lib.rs: name their module.
                let floor = floor_of(module).unwrap_or(usize::MAX);
                if floor > own {
                    wrong.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports running up:\n{}",
        wrong.join("\n")
    );
}
