#!/usr/bin/env bash
# Instructions spent per pipeline stage, counted by callgrind on the first N stories of a
# corpus with one thread. Unlike wall time, instruction counts do not move with the load of a
# shared machine, so two builds can be compared one after the other.
#
#   scripts/instructions.sh [N] [CORPUS_DIR] [BINARY]
#     N           stories to run (default 2000)
#     CORPUS_DIR  default ../shared/corpus/reuters21578/stories
#     BINARY      default target/release/statements (built first when it is the default)
#
# Needs valgrind (`apt-get install valgrind`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
corpus=${2:-../shared/corpus/reuters21578/stories}
bin=${3:-}
[ -d "$corpus" ] || { echo "skipped: $corpus is absent"; exit 0; }
command -v valgrind >/dev/null || { echo "skipped: valgrind is not installed"; exit 0; }
if [ -z "$bin" ]; then
  cargo build --release --locked --quiet
  bin=target/release/statements
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/stories"
corpus_abs=$(cd "$corpus" && pwd)
find "$corpus_abs" -maxdepth 1 -type f | sort | sed -n "1,${n}p" | while read -r f; do
  ln -s "$f" "$work/stories/"
done
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
  "$bin" parse --quiet --threads 1 "$work/stories" >/dev/null 2>"$work/valgrind.log"
total=$(grep -o 'Collected : [0-9]*' "$work/valgrind.log" | awk '{print $3}')
echo "| stage | instructions (millions) | share |"
echo "|---|---|---|"
callgrind_annotate --inclusive=yes "$work/cg.out" 2>/dev/null |
  awk -v total="$total" '
    function row(name, pattern) {
      for (i = 1; i <= n; i++) if (index(line[i], pattern)) {
        v = line[i]; sub(/^ */, "", v); sub(/ .*/, "", v); gsub(",", "", v)
        printf "| %s | %.1f | %.1f%% |\n", name, v / 1e6, 100 * v / total; return
      }
    }
    { line[++n] = $0 }
    END {
      printf "| whole run (%s) | %.1f | 100%% |\n", "'"$n stories"'", total / 1e6
      row("metadata", "statements::parse::metadata::read [")
      row("paragraphs and sentences", "statements::text::paragraphs::split [")
      row("quotation marks", "statements::text::quotes::find [")
      row("dates", "statements::parse::dates::recognise::recognise [")
      row("attribution", "statements::analyse::attribution::attribute_document [")
      row("timeline", "statements::analyse::timeline::build::build [")
      row("events (coding, within the timeline)", "statements::analyse::events::code::code [")
      row("JSON line (written from the findings)", "statements::output::line::write_findings [")
      row("decoding (binary sniff, UTF-8 check)", "statements::input::decode [")
      row("directory walk", "<statements::walk::Walk as core::iter::traits::iterator::Iterator>::next [")
    }'
