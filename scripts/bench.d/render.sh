#!/usr/bin/env bash
# Batch rendering benchmark (issue 6). $1 = the vorlesen binary.
#  1. Throughput: 20 copies of an article, -j 1 vs -j 2; needs >= 1.7x with 2 cores.
#  2. Memory: one 20 MB input; peak resident memory of the render (parent and workers) <= 100 MB.
# Prints both figures; exits non-zero when one is missed. Inputs come from ../shared/articles/*.txt when
# present, else from the project's own test fixture. BENCH_MEMORY_MB changes the size of the large input
# (default 20) for a quicker run.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

article=$here/tests/fixtures/render/artikel.txt
shared=${VORLESEN_SHARED_DIR:-$here/../shared}
if compgen -G "$shared/articles/*.txt" >/dev/null; then article=$(ls "$shared"/articles/*.txt | head -1); fi
for i in $(seq -w 1 20); do cp "$article" "$tmp/article$i.txt"; done

now() { date +%s.%N; }
run() {  # run JOBS: seconds for rendering the 20 copies to FLAC
  rm -rf "$tmp/out"
  local t0 t1
  t0=$(now)
  "$bin" render "$tmp"/article*.txt -o "$tmp/out" -f flac -j "$1" -q
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}
run 1 >/dev/null  # warm the page cache
t1=$(run 1)
t2=$(run 2)
speedup=$(echo "$t1 / $t2" | bc -l)
printf 'render throughput: 20 x %s (%d bytes): -j 1 %.2f s, -j 2 %.2f s, speed-up %.2fx (need >= 1.70x, cores: %d)\n' \
  "$(basename "$article")" "$(stat -c %s "$article")" "$t1" "$t2" "$speedup" "$(nproc)"

# One large input made of copies of the article, paragraphs intact.
mb=${BENCH_MEMORY_MB:-20}
target=$((mb * 1024 * 1024))
: >"$tmp/large.txt"
while [[ $(stat -c %s "$tmp/large.txt") -lt $target ]]; do
  cat "$tmp"/article*.txt >>"$tmp/large.txt"
  printf '\n\n' >>"$tmp/large.txt"
done
truncate -s "$target" "$tmp/large.txt"
# MP3 keeps the output small (a 20 MB article is about 300 hours of speech); -s 450 makes it quicker.
/usr/bin/time -f '%M %e' -o "$tmp/time" "$bin" render "$tmp/large.txt" -o "$tmp/large.mp3" -s 450 -q
read -r peak_kb seconds <"$tmp/time"
hours=$(echo "$(soxi -D "$tmp/large.mp3" 2>/dev/null || echo 0) / 3600" | bc -l)
printf 'render memory: %d MB input, %.1f h of audio in %.0f s: peak resident memory %.1f MB (need <= 100 MB)\n' \
  "$mb" "$hours" "$seconds" "$(echo "$peak_kb / 1024" | bc -l)"

status=0
(($(echo "$speedup >= 1.7" | bc -l))) || { echo "render: throughput speed-up below 1.7x" >&2; status=1; }
((peak_kb <= 100 * 1024)) || { echo "render: peak memory above 100 MB" >&2; status=1; }
exit $status
