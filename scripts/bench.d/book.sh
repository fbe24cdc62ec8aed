#!/usr/bin/env bash
# Talking books (issue 21). $1 = the vorlesen binary. A book of 20 articles (EPUB, DAISY, read-along
# HTML) costs at most 10% more than rendering the same 20 articles to MP3 files, the reference: CPU
# time (user + system, workers included), each book run next to a reference run, the median of the
# per-pair ratios over BENCH_BOOK_RUNS (3) pairs (cpu_ratio in lib.bash).
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/scripts/bench.d/lib.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

article=$(bench_input)
mkdir "$tmp/in"
for i in $(seq -w 1 20); do cp "$article" "$tmp/in/artikel$i.txt"; done
runs=${BENCH_BOOK_RUNS:-3}

render() { "$bin" render "$tmp"/in/*.txt -j 2 -q "$@"; }
mp3_files() { rm -rf "$tmp/mp3" && mkdir "$tmp/mp3" && render -o "$tmp/mp3" -f mp3; }
epub_book() { rm -f "$tmp/zeitung.epub" && render -o "$tmp/zeitung.epub"; }
daisy_book() { rm -rf "$tmp/zeitung" && render -f daisy -o "$tmp/zeitung"; }
html_book() { rm -f "$tmp/seite.html" && render -o "$tmp/seite.html"; }

status=0
for format in epub daisy html; do
  read -r ratio cost reference < <(cpu_ratio "$runs" "${format}_book" mp3_files)
  printf 'book %s: 20 x %s (%d bytes): %.2f s CPU, MP3 files %.2f s: ratio %.3f (target <= 1.10), median of %d\n' \
    "$format" "$(basename "$article")" "$(stat -c %s "$article")" "$cost" "$reference" "$ratio" "$runs"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 1.10) }' || { echo "book: $format costs more than 10% over MP3" >&2; status=1; }
done
exit $status
