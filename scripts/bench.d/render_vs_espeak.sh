#!/usr/bin/env bash
# Our own work must stay small next to synthesis: `vorlesen render` against `espeak-ng -v de -w` on the
# same article, interleaved runs, median ratio of CPU time (user+system). Target: <= 1.15.
bin=$1
source "$(dirname "$0")/lib.bash"
input=$(bench_input)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
runs=${BENCH_RUNS:-9}
ours() { "$bin" render --force "$input" -o "$tmp/ours.wav"; }
reference() { espeak-ng -v de -f "$input" -w "$tmp/ref.wav"; }
read -r ratio ours_median ref_median < <(cpu_ratio "$runs" ours reference)
printf 'input: %s (%s bytes)\n' "$(basename "$input")" "$(stat -c %s "$input")"
printf 'render median: %.3f s CPU; espeak-ng -w median: %.3f s CPU\n' "$ours_median" "$ref_median"
printf 'render/espeak-ng CPU time ratio: %.3f (target <= 1.15, median of %d interleaved runs)\n' "$ratio" "$runs"
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.15) }'
