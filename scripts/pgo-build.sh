#!/usr/bin/env bash
# A profile-guided release build of the command line, for batch runs over large archives.
#
# The compiler lays out branches and inlines by guesses; a profile of real runs replaces the
# guesses with counts. The profile is taken on the repository's own stories only (fixtures/ and
# eval/own/src, written by us), so the build needs nothing from ../shared and is not trained on
# the corpus the benchmark measures. Output is identical to the plain build; only speed differs
# (see BENCHMARKS.md).
#
#   scripts/pgo-build.sh        -> target/pgo/statements
#
# Needs llvm-profdata of the same LLVM as rustc: `rustup component add llvm-tools`.
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  echo "pgo-build: $profdata is missing; install it with: rustup component add llvm-tools" >&2
  exit 2
fi
work=$PWD/target/pgo
rm -rf "$work/profiles"
mkdir -p "$work/profiles"

# 1. An instrumented build, run over our own stories in each mode the batch runs use.
RUSTFLAGS="-Cprofile-generate=$work/profiles" \
  cargo build --release --locked --quiet --target-dir "$work/generate"
instrumented=$work/generate/release/statements
for _ in 1 2 3 4 5; do
  "$instrumented" parse --quiet fixtures eval/own/src >/dev/null
  "$instrumented" parse --quiet --threads 1 fixtures eval/own/src >/dev/null
  "$instrumented" parse --quiet --jsonl eval/own/quotes.jsonl >/dev/null
done
"$instrumented" timeline fixtures eval/own/src >/dev/null 2>&1

# 2. The counts, merged, guide the optimised build.
"$profdata" merge -o "$work/merged.profdata" "$work/profiles"
RUSTFLAGS="-Cprofile-use=$work/merged.profdata" \
  cargo build --release --locked --quiet --target-dir "$work/use"
cp "$work/use/release/statements" "$work/statements"
echo "pgo-build: $work/statements"
