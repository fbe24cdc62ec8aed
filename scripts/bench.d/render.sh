#!/usr/bin/env bash
# Batch rendering (issue 6). $1 = the vorlesen binary. Prints both figures; exits non-zero when one is missed.
#  1. Throughput: 20 copies of an article rendered with -j 1 and with -j 2: wall-time speed-up >= 1.7 on
#     2 cores (worker processes, so this needs 2 cores that are not busy with something else).
#  2. Memory: one 20 MB input: peak resident memory of vorlesen (parent and worker) <= 100 MB.
#     eSpeak NG speaks about 150x faster than real time here, so 20 MB (about 300 hours of speech) takes an
#     hour of CPU. By default the render is stopped after BENCH_MEMORY_SECONDS (60): the document is loaded
#     and split at the start and everything after streams, so the peak is reached early; the resident
#     size is sampled as it runs to show it stays flat. BENCH_MEMORY_SECONDS=0 renders all of it.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

article=$here/tests/fixtures/render/artikel.txt
shared=${VORLESEN_SHARED_DIR:-$here/../shared}
if compgen -G "$shared/articles/*.txt" >/dev/null; then article=$(ls "$shared"/articles/*.txt | head -1); fi
for i in $(seq -w 1 20); do cp "$article" "$tmp/article$i.txt"; done

render_times() {  # JOBS: "WALL CPU" seconds to render the 20 copies (CPU: user+system, workers included)
  rm -rf "$tmp/out"
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$bin" render "$tmp"/article*.txt -o "$tmp/out" -f flac -j "$1" -q
  awk '{print $1, $2 + $3}' "$tmp/time"
}
read -r t1 c1 < <(render_times 1)
read -r t2 c2 < <(render_times 2)
speedup=$(echo "$t1 / $t2" | bc -l)
# Cores the -j 2 run actually got: well below 2 means other work shared the machine.
cores=$(echo "$c2 / $t2" | bc -l)
printf 'render throughput: 20 x %s (%d bytes) to FLAC: -j 1 %.1f s, -j 2 %.1f s: speed-up %.2fx (target >= 1.70); ' \
  "$(basename "$article")" "$(stat -c %s "$article")" "$t1" "$t2" "$speedup"
printf 'CPU %.1f s vs %.1f s, -j 2 got %.2f of %d cores (load average %s)\n' "$c1" "$c2" "$cores" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

# One large input: copies of the article, paragraphs intact.
target=$((20 * 1024 * 1024))
: >"$tmp/large.txt"
while [[ $(stat -c %s "$tmp/large.txt") -lt $target ]]; do
  cat "$tmp"/article*.txt >>"$tmp/large.txt"
done
truncate -s "$target" "$tmp/large.txt"
limit=${BENCH_MEMORY_SECONDS:-60}
/usr/bin/time -f '%M' -o "$tmp/peak" "$bin" render "$tmp/large.txt" -o "$tmp/large.flac" -q 2>"$tmp/err" &
timer=$!
samples=()
start=$SECONDS
while kill -0 $timer 2>/dev/null; do
  sleep 5
  parent=$(pgrep -P $timer || true)
  worker=$( [[ -n $parent ]] && pgrep -P "$parent" || true)
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$worker/status" 2>/dev/null || true)
  [[ -n $rss ]] && samples+=("$((SECONDS - start))s:$((rss / 1024))MB")
  if ((limit > 0 && SECONDS - start >= limit)); then
    # Stop the render (vorlesen and its worker): the parent forwards SIGTERM and cleans up.
    pkill -TERM -P $timer 2>/dev/null || true
    break
  fi
done
wait $timer || true
peak_kb=$(tail -1 "$tmp/peak")
printf 'render memory: one 20 MB input, %s: peak resident %.1f MB (target <= 100 MB); resident over time: %s\n' \
  "$( ((limit > 0)) && echo "stopped after ${limit} s" || echo "rendered completely")" \
  "$(echo "$peak_kb / 1024" | bc -l)" "${samples[*]}"
[[ -z $(find "$tmp" -name '.*.vorlesen-*') ]] || echo "render: the stopped render left temporary files" >&2

status=0
awk -v s="$speedup" 'BEGIN { exit !(s >= 1.7) }' || { echo "render: -j 2 speed-up below 1.7x" >&2; status=1; }
((peak_kb <= 100 * 1024)) || { echo "render: peak memory above 100 MB" >&2; status=1; }
exit $status
