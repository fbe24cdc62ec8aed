#!/usr/bin/env bash
# What chapter marks (issue 19) cost: `vorlesen render` of the article to MP3 (TagLib rewrites the ID3
# tag, the costliest of the chapter writers) and to WAV with chapters and the ffmetadata file, against
# --no-chapters; interleaved runs, median ratio of CPU time (user+system). Target: <= 1.05. The marks
# themselves cost about 5 ms of CPU in a render of 1.7 s (measured alone, see docs/ARCHITECTURE.md
# "Chapters"); the limit is set by the noise of a shared machine, not by them.
bin=$1
source "$(dirname "$0")/lib.bash"
input=$(bench_input)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
runs=${BENCH_RUNS:-5}
status=0
for fmt in mp3 wav; do
  with() { "$bin" render --force "$input" -o "$tmp/with.$fmt" --chapters "$tmp/with.ffmetadata"; }
  without() { "$bin" render --force "$input" -o "$tmp/without.$fmt" --no-chapters; }
  read -r ratio with_median without_median < <(cpu_ratio "$runs" with without)
  printf 'input: %s (%s bytes), %s\n' "$(basename "$input")" "$(stat -c %s "$input")" "$fmt"
  printf 'render median: %.3f s CPU with chapters, %.3f s without\n' "$with_median" "$without_median"
  printf 'render %s with/without chapters CPU time ratio: %.3f (target <= 1.05, median of %d interleaved runs)\n' \
    "$fmt" "$ratio" "$runs"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 1.05) }' || status=1
done
exit $status
