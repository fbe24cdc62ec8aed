#!/bin/bash
# Segmenter throughput and linearity, run by scripts/bench with $1 = the vorlesen binary.
# Input: German text repeated to about 3.5 MB (the paragraphs of the segmenter's golden test, and
# the articles in ../shared when present), then the same ten times. Times are CPU seconds
# (user + system) of `vorlesen segment`, medians of interleaved runs, so that other load on the
# machine counts as little as possible.
# Targets: >= 20 MB/s (a quarter of the 5 MB/s budget for normalize + segment), and 10x the input
# in <= 11x the time.
set -eu
bin=${1:?usage: segment.sh VORLESEN_BINARY}
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

{
  grep -v '^#' "$here/tests/fixtures/segment/sentences.tsv" | cut -f1
  shared=${VORLESEN_SHARED_DIR:-$here/../shared}
  for f in "$shared"/articles/*.txt; do [ -f "$f" ] && cat "$f"; done
} >"$tmp/unit.txt"
: >"$tmp/small.txt"
while [ "$(stat -c %s "$tmp/small.txt")" -lt 3500000 ]; do cat "$tmp/unit.txt" >>"$tmp/small.txt"; done
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/small.txt"; done >"$tmp/large.txt"

# CPU seconds of one `vorlesen segment FILE`.
cpu_seconds() {
  { TIMEFORMAT='%U %S'; time "$bin" segment "$1" >/dev/null; } 2>&1 | awk '{ print $1 + $2 }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# Small and large runs interleaved, so both see the same load on a shared machine; medians of 5.
runs=${BENCH_RUNS:-5}
small_all=() large_all=()
for ((i = 0; i < runs; i++)); do
  small_all+=("$(cpu_seconds "$tmp/small.txt")")
  large_all+=("$(cpu_seconds "$tmp/large.txt")")
done
small_bytes=$(stat -c %s "$tmp/small.txt")
large_bytes=$(stat -c %s "$tmp/large.txt")
small_s=$(printf '%s\n' "${small_all[@]}" | median)
large_s=$(printf '%s\n' "${large_all[@]}" | median)

awk -v sb="$small_bytes" -v lb="$large_bytes" -v ss="$small_s" -v ls="$large_s" 'BEGIN {
  ss = (ss > 0.001 ? ss : 0.001); ls = (ls > 0.001 ? ls : 0.001)
  rate = lb / 1e6 / ls
  ratio = ls / ss
  printf "segment throughput: %.1f MB/s (target >= 20 MB/s; %.1f MB in %.2f s CPU)\n", rate, lb / 1e6, ls
  printf "segment linearity: %.1fx time for %.0fx input (target <= 11x)\n", ratio, lb / sb
  exit (rate < 20 || ratio > 11) ? 1 : 0
}'
