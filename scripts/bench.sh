#!/usr/bin/env bash
# Batch throughput on the shared Reuters corpus, as ratios measured in one run (the machine is
# shared and noisy): wall time of `statements parse` against `grep -rc '"'` over the same warm
# files, taken in alternating rounds (grep, then statements, ROUNDS times, default 9) so that
# both see the same load, reported as the median of the rounds' ratios; 1 thread against 2,
# and peak memory. Prints a Markdown table for BENCHMARKS.md.
#
#   scripts/bench.sh [--pgo] [CORPUS_DIR]   (default ../shared/corpus/reuters21578/stories)
#
# --pgo also builds the profile-guided binary (scripts/pgo-build.sh) and measures it beside the
# plain `cargo build --release` one.
set -euo pipefail
cd "$(dirname "$0")/.."
pgo=false
if [ "${1:-}" = --pgo ]; then
  pgo=true
  shift
fi
corpus=${1:-../shared/corpus/reuters21578/stories}
[ -d "$corpus" ] || { echo "skipped: $corpus is absent"; exit 0; }
cargo build --release --locked --quiet
bin=target/release/statements
if $pgo; then
  scripts/pgo-build.sh >/dev/null
fi
files=$(find "$corpus" -type f | wc -l)
mb=$(du -sm --apparent-size "$corpus" | cut -f1)

best() { # best wall time of 3 runs of a command, in seconds
  local best=999999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  printf '%.3f' "$best"
}

seconds() { # wall time of one run of a command
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

grep -rc '"' "$corpus" >/dev/null # warm the page cache
rounds=${ROUNDS:-9}
ratios=$(mktemp)
greps=$(mktemp)
alls=$(mktemp)
pgo_ratios=$(mktemp)
pgos=$(mktemp)
for _ in $(seq "$rounds"); do
  g=$(seconds grep -rc '"' "$corpus")
  a=$(seconds $bin parse --quiet "$corpus")
  echo "$g" >>"$greps"
  echo "$a" >>"$alls"
  echo "$a / $g" | bc -l >>"$ratios"
  if $pgo; then
    p=$(seconds target/pgo/statements parse --quiet "$corpus")
    echo "$p" >>"$pgos"
    echo "$p / $g" | bc -l >>"$pgo_ratios"
  fi
done
t_grep=$(median <"$greps" | xargs printf '%.3f')
t_all=$(median <"$alls" | xargs printf '%.3f')
ratio=$(median <"$ratios" | xargs printf '%.2f')
ratio_range="$(sort -g "$ratios" | head -1 | xargs printf '%.2f')-$(sort -g "$ratios" | tail -1 | xargs printf '%.2f')"
if $pgo; then
  t_pgo=$(median <"$pgos" | xargs printf '%.3f')
  pgo_ratio=$(median <"$pgo_ratios" | xargs printf '%.2f')
fi
rm -f "$ratios" "$greps" "$alls" "$pgos" "$pgo_ratios"
t_one=$(best $bin parse --quiet --threads 1 "$corpus")
t_two=$(best $bin parse --quiet --threads 2 "$corpus")
peak_kb=$( { /usr/bin/time -f '%M' $bin parse --quiet "$corpus" >/dev/null; } 2>&1 | tail -1)
# Memory must not grow with story length either: 40 stories of about 1 MB, each the corpus
# stories from a different starting point joined end to end.
long=$(mktemp -d)
trap 'rm -rf "$long"' EXIT
find "$corpus" -type f | sort >"$long/list"
for k in $(seq 1 40); do
  sed -n "$((k * 30)),$((k * 30 + 1199))p" "$long/list" | tr '\n' '\0' | xargs -0 cat >"$long/long-$k.txt"
done
long_mb=$(cat "$long"/long-*.txt | wc -c | awk '{printf "%.0f", $1 / 1048576}')
peak_long_kb=$( { /usr/bin/time -f '%M' $bin parse --quiet "$long"/long-*.txt >/dev/null; } 2>&1 | tail -1)

echo "| measure | value |"
echo "|---|---|"
echo "| corpus | $corpus: $files files, $mb MB |"
echo "| grep -rc '\"' (floor), median of $rounds rounds | ${t_grep} s |"
echo "| statements parse (all cores), median of the same rounds | ${t_all} s |"
echo "| ratio to grep, median of the rounds' ratios (range) | ${ratio}x (${ratio_range}) |"
echo "| stories per second (all cores) | $(echo "$files / $t_all" | bc -l | xargs printf '%.0f') |"
echo "| MB/s (all cores) | $(echo "$mb / $t_all" | bc -l | xargs printf '%.1f') |"
echo "| --threads 1 | ${t_one} s |"
echo "| --threads 2 | ${t_two} s |"
echo "| speedup 1 -> 2 threads | $(echo "$t_one / $t_two" | bc -l | xargs printf '%.2f')x |"
if $pgo; then
  echo "| statements parse, profile-guided build (all cores) | ${t_pgo} s |"
  echo "| its ratio to grep, median of the rounds' ratios | ${pgo_ratio}x |"
  echo "| its stories per second | $(echo "$files / $t_pgo" | bc -l | xargs printf '%.0f') |"
fi
echo "| peak memory (max RSS) | $((peak_kb / 1024)) MB |"
echo "| peak memory, 40 stories of ~1 MB ($long_mb MB) | $((peak_long_kb / 1024)) MB |"
