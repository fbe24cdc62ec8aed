#!/usr/bin/env bash
# Rendering must cost no more than eSpeak NG alone (issue 18, item 5): `vorlesen render --raw --force`
# against `espeak-ng -v de -f … -w` on the same text, interleaved runs, medians of the per-run wall and
# CPU (user+system) ratios. Targets: <= 1.05 each. Our audio is a little longer (numbers and
# abbreviations spoken in full, pauses between paragraphs), so the figure includes that work too.
bin=$1
source "$(dirname "$0")/lib.bash"
input=$(bench_input)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
runs=${BENCH_RUNS:-9}
ours() { "$bin" render --raw --force "$input" -o "$tmp/ours.wav"; }
reference() { espeak-ng -v de -f "$input" -w "$tmp/ref.wav"; }
read -r wall cpu ours_wall ref_wall ours_cpu ref_cpu < <(wall_cpu_ratio "$runs" ours reference)
printf 'input: %s (%s bytes)\n' "$(basename "$input")" "$(stat -c %s "$input")"
printf 'render --raw median: %.3f s wall, %.3f s CPU; espeak-ng -w median: %.3f s wall, %.3f s CPU\n' \
  "$ours_wall" "$ours_cpu" "$ref_wall" "$ref_cpu"
printf 'render/espeak-ng wall ratio: %.3f, CPU ratio: %.3f (targets <= 1.05, medians of %d interleaved runs)\n' \
  "$wall" "$cpu" "$runs"
# For the record, not a target: the same without the phoneme rules (voices/de/phoneme_rules.tsv left
# out of a copy of the language data), which shows what the rules cost on top of the rest.
cp -r "$(dirname "$0")/../../voices" "$tmp/voices" && rm -f "$tmp/voices/de/phoneme_rules.tsv"
no_rules() { VORLESEN_DATA_DIR="$tmp/voices" "$bin" render --raw --force "$input" -o "$tmp/ours.wav"; }
read -r nr_wall nr_cpu _ < <(wall_cpu_ratio "$runs" no_rules reference)
printf 'without the phoneme rules: wall ratio %.3f, CPU ratio %.3f (for the record)\n' "$nr_wall" "$nr_cpu"
awk -v w="$wall" -v c="$cpu" 'BEGIN { exit !(w <= 1.05 && c <= 1.05) }'
