#!/usr/bin/env bash
# Time and peak memory of the archive commands against `parse` over both shared corpora
# (24,256 stories): wall seconds, CPU seconds (user + system: the figure that does not move
# with the load of a shared machine) and peak RSS, via /usr/bin/time.
# Usage: scripts/archive-bench.sh [BINARY]   (default: target/release/statements)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/statements}
shared=../shared/corpus
if [ ! -d "$shared" ]; then echo "skipped: no ../shared"; exit 0; fi
inputs=("$shared/reuters21578/stories" "$shared/tempeval3-news/stories")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  local name=$1; shift
  /usr/bin/time -f "$name %e %U %S %M" -o "$out/time" "$bin" "$@" -q "${inputs[@]}" >/dev/null
  read -r n wall user sys kb < "$out/time"
  printf '%-14s %7.2f s wall %7.2f s CPU %6d MB\n' "$n" "$wall" "$(echo "$user + $sys" | bc)" $((kb / 1024))
}
run parse parse -o "$out/p.jsonl"
run quotes-csv quotes --format csv -o "$out/q.csv"
run quotes-dedup quotes --dedup -o "$out/d.jsonl"
run timeline-csv timeline --format csv -o "$out/t.csv"
run db db -o "$out/a.sqlite"
run db-again db -o "$out/a.sqlite"
run graph graph -o "$out/g.graphml"
run report report -o "$out/r.html"
run parse parse -o "$out/p.jsonl"
