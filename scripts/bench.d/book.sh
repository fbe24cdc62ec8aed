#!/usr/bin/env bash
# Talking books (issue 21). $1 = the vorlesen binary. A book of 20 articles (EPUB, DAISY, read-along
# HTML) costs at most 10% more than rendering the same 20 articles to MP3 files, the reference, run in
# the same go. Measured as CPU time (user + system, workers included: less sensitive than wall time
# to the other work on a shared machine), interleaved, median of BENCH_BOOK_RUNS (3) runs each.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/scripts/bench.d/lib.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

article=$(bench_input)
mkdir "$tmp/in" "$tmp/out"
for i in $(seq -w 1 20); do cp "$article" "$tmp/in/artikel$i.txt"; done
runs=${BENCH_BOOK_RUNS:-3}

# cpu OUTPUT ARGS...: CPU seconds of rendering the 20 articles to OUTPUT (removed first).
cpu() {
  local out=$1
  shift
  rm -rf "$out"
  [[ $out == */mp3 ]] && mkdir "$out"
  cpu_seconds "$bin" render "$tmp"/in/*.txt -o "$out" -j 2 -q "$@"
}
: >"$tmp/mp3" >"$tmp/epub" >"$tmp/daisy" >"$tmp/html"
for _ in $(seq "$runs"); do
  cpu "$tmp/out/mp3" -f mp3 >>"$tmp/mp3"
  cpu "$tmp/out/zeitung.epub" >>"$tmp/epub"
  cpu "$tmp/out/buch" -f daisy >>"$tmp/daisy"
  cpu "$tmp/out/seite.html" >>"$tmp/html"
done
reference=$(median <"$tmp/mp3")
status=0
for format in epub daisy html; do
  cost=$(median <"$tmp/$format")
  ratio=$(echo "$cost / $reference" | bc -l)
  printf 'book %s: 20 x %s (%d bytes): %.2f s CPU, MP3 files %.2f s: ratio %.3f (target <= 1.10), median of %d\n' \
    "$format" "$(basename "$article")" "$(stat -c %s "$article")" "$cost" "$reference" "$ratio" "$runs"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 1.10) }' || { echo "book: $format costs more than 10% over MP3" >&2; status=1; }
done
exit $status
