#!/usr/bin/env bash
# What the phoneme rules (issue 15) cost: `vorlesen render` of the article with voices/de as shipped
# against the same binary with a copy of voices/ that has no phoneme_rules.tsv (so no word is
# respelled and no compound split), interleaved runs, median ratio of CPU time (user+system).
# Target: <= 1.10.
bin=$1
source "$(dirname "$0")/lib.bash"
input=$(bench_input)
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$here/voices" "$tmp/voices"
rm "$tmp/voices/de/phoneme_rules.tsv"
runs=${BENCH_RUNS:-9}
with_rules() { VORLESEN_DATA_DIR=$here/voices "$bin" render --force "$input" -o "$tmp/with.wav"; }
without_rules() { VORLESEN_DATA_DIR=$tmp/voices "$bin" render --force "$input" -o "$tmp/without.wav"; }
read -r ratio with_median without_median < <(cpu_ratio "$runs" with_rules without_rules)
printf 'input: %s (%s bytes)\n' "$(basename "$input")" "$(stat -c %s "$input")"
printf 'render median: %.3f s CPU with the phoneme rules, %.3f s without\n' "$with_median" "$without_median"
printf 'render with/without phoneme rules CPU time ratio: %.3f (target <= 1.10, median of %d interleaved runs)\n' \
  "$ratio" "$runs"
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.10) }'
