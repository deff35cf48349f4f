//! Story by story against stage by stage, in one process: the first 2,000 Reuters stories
//! (or the fixtures) written to JSON lines one story at a time (`analyse_bytes_to_json`) and in
//! groups analysed stage by stage (`batch::analyse_batch_to_json`), the two alternated over
//! many rounds on one thread, so that the load of a shared machine weighs on both alike.
//!
//! Run with `cargo bench --bench batch [-- ROUNDS [GROUP]]` (default 20 rounds, groups of 32).
//! It checks that both give the same bytes, then prints the best and median time of each.

use statements::batch::{Batch, BatchInput, Content};
use statements::Options;
use std::path::PathBuf;
use std::time::{Duration, Instant};

// The command line's allocator, so that these figures are the ones a batch run sees.
#[path = "../src/bin/statements/alloc.rs"]
#[allow(unused_imports)]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn files() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reuters = root.join("../shared/corpus/reuters21578/stories");
    let dir = if reuters.is_dir() {
        reuters
    } else {
        root.join("fixtures")
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.truncate(2000);
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Every file's line, one story at a time.
fn one_by_one(files: &[Vec<u8>], options: &Options, out: &mut Vec<u8>) {
    for bytes in files {
        let mut line = Vec::with_capacity(4096);
        let _ = statements::analyse_bytes_to_json(bytes, options, None, None, &mut line);
        out.extend_from_slice(&line);
        out.push(b'\n');
    }
}

/// Every file's line, `group` files at a time, stage by stage, by one analyser that keeps
/// its memory from group to group (as a worker does).
fn stage_by_stage(files: &[Vec<u8>], options: &Options, group: usize, out: &mut Vec<u8>) {
    let mut batch = Batch::default();
    for chunk in files.chunks(group) {
        let inputs: Vec<BatchInput> = chunk
            .iter()
            .map(|bytes| BatchInput {
                content: Content::Bytes(bytes),
                options,
                path: None,
                id: None,
            })
            .collect();
        let mut lines = vec![Vec::with_capacity(4096); chunk.len()];
        let _ = batch.analyse_to_json(&inputs, &mut lines);
        for line in lines {
            out.extend_from_slice(&line);
            out.push(b'\n');
        }
    }
}

fn timed(run: impl FnOnce()) -> Duration {
    let started = Instant::now();
    run();
    started.elapsed()
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let group: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(32);
    let files = files();
    let options = Options::default();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    one_by_one(&files, &options, &mut a);
    stage_by_stage(&files, &options, group, &mut b);
    assert!(a == b, "stage by stage wrote other bytes");
    let (mut story_major, mut stage_major) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let mut out = Vec::with_capacity(a.len());
        let mut one = || story_major.push(timed(|| one_by_one(&files, &options, &mut out)));
        let mut out = Vec::with_capacity(a.len());
        let mut grouped =
            || stage_major.push(timed(|| stage_by_stage(&files, &options, group, &mut out)));
        // Each goes first in every other round.
        if round % 2 == 0 {
            one();
            grouped();
        } else {
            grouped();
            one();
        }
    }
    let report = |label: &str, times: &mut Vec<Duration>| {
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{label:24} best {:7.2} ms  median {:7.2} ms  ({} files, {rounds} rounds)",
            ms(times[0]),
            ms(times[times.len() / 2]),
            files.len()
        );
    };
    report("story by story", &mut story_major);
    report(&format!("stage by stage ({group})"), &mut stage_major);
}
