//! Single-core analysis speed of the library, in MB/s and stories/s, on short stories (each
//! story of a corpus on its own) and on long ones (the same stories joined into one text):
//! to a `Record`, and to JSON lines as the command line's batches write them.
//!
//! Run with `cargo bench --bench throughput`. It reads the real corpora in `../shared/corpus`
//! and falls back to the repository's fixtures where they are absent. This is a plain
//! harness (no statistics): the figures are means over a few passes, and the machine is
//! shared, so compare runs made one after the other.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use statements::Options;

// The command line's allocator module itself, so that these figures are the ones a batch run
// sees.
// (Its unit tests are not run from here: without the test harness their imports go unused.)
#[path = "../src/bin/statements/alloc.rs"]
#[allow(unused_imports)]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn stories(dir: &Path, limit: usize) -> Vec<String> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return Vec::new(),
    };
    paths.sort();
    paths
        .into_iter()
        .take(limit)
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| {
            statements::input::decode(&b)
                .ok()
                .map(|(t, _)| t.into_owned())
        })
        .collect()
}

fn measure(label: &str, texts: &[String], passes: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut found = 0usize;
    let started = Instant::now();
    for _ in 0..passes {
        for text in texts {
            let record = statements::analyse(text);
            found += record.quotes.len() + record.dates.len();
        }
    }
    let secs = started.elapsed().as_secs_f64() / passes as f64;
    println!(
        "{label:40} {:>7} stories {:>8.2} MB  {:>8.2} MB/s  {:>9.0} stories/s  ({} found)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        texts.len() as f64 / secs,
        found / passes
    );
}

/// [`measure`] as the command line runs a batch: each story's JSON line written straight from
/// the analysis (`analyse_to_json`), without a `Record`.
fn measure_json(label: &str, texts: &[String], passes: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = Options::default();
    let mut line = Vec::with_capacity(4096);
    let mut found = 0usize;
    let started = Instant::now();
    for _ in 0..passes {
        for text in texts {
            line.clear();
            let counts = statements::analyse_to_json(text, &options, None, None, &mut line);
            found += counts.statements + counts.dates;
            std::hint::black_box(line.len());
        }
    }
    let secs = started.elapsed().as_secs_f64() / passes as f64;
    println!(
        "{:40} {:>7} stories {:>8.2} MB  {:>8.2} MB/s  {:>9.0} stories/s  ({} found)",
        format!("{label}, to JSON lines"),
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        texts.len() as f64 / secs,
        found / passes
    );
}

/// Where the time goes: the stages of the real pipeline (`analyse_observed`) timed as they
/// finish, then the JSON writing, as shares of the whole.
fn stages(label: &str, texts: &[String]) {
    use statements::Stage;
    let names = [
        (Stage::Metadata, "metadata"),
        (Stage::Paragraphs, "paragraphs"),
        (Stage::Quotes, "quotes"),
        (Stage::Dates, "dates"),
        (Stage::Attribution, "attribution"),
        (Stage::Timeline, "timeline"),
        (Stage::Record, "record"),
    ];
    // One slot per stage, and the last for the JSON.
    let mut spent = [Duration::ZERO; 8];
    let options = Options::default();
    for text in texts {
        let mut t = Instant::now();
        let record = statements::analyse_observed(text, &options, |stage| {
            let now = Instant::now();
            let i = names.iter().position(|(s, _)| *s == stage).unwrap_or(0);
            spent[i] += now - t;
            t = now;
        });
        // The command line's writer (same bytes as serde_json, faster).
        let mut json = Vec::with_capacity(4096);
        statements::output::json::write_record(&record, &mut json);
        std::hint::black_box(json.len());
        spent[7] += t.elapsed();
    }
    let total: Duration = spent.iter().sum();
    let shares: Vec<String> = names
        .iter()
        .map(|(_, n)| *n)
        .chain(["json"])
        .zip(spent)
        .map(|(n, d)| format!("{n} {:.0}%", 100.0 * d.as_secs_f64() / total.as_secs_f64()))
        .collect();
    println!(
        "{label:40} stages ({:.0} ms): {}",
        total.as_secs_f64() * 1e3,
        shares.join(", ")
    );
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("..").join("shared").join("corpus");
    let mut sets = vec![
        (
            "reuters21578 (short stories)",
            stories(&corpus.join("reuters21578/stories"), 5000),
        ),
        (
            "tempeval3-news (short stories)",
            stories(&corpus.join("tempeval3-news/stories"), 2686),
        ),
    ];
    if sets.iter().all(|(_, s)| s.is_empty()) {
        println!("../shared/corpus is absent: measuring the fixtures");
        sets = vec![("fixtures", stories(&root.join("fixtures"), 100))];
    }
    for (label, texts) in &sets {
        if texts.is_empty() {
            continue;
        }
        measure(label, texts, 3);
        measure_json(label, texts, 3);
        stages(label, texts);
        // A long story: the same texts as paragraphs of one text of at least 4 MB.
        let mut long = String::new();
        while long.len() < 4_000_000 {
            for t in texts {
                long.push_str(t);
                long.push_str("\n\n");
            }
        }
        measure(
            &format!(
                "{} joined into one long story",
                label.split(' ').next().unwrap_or("")
            ),
            &[long],
            1,
        );
    }
}
