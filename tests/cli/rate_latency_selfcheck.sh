#!/usr/bin/env bash
# The bench's rate-change latency estimator (scripts/bench.d/key_latency.py, rate_switch) on synthetic
# recordings with the switch at a known sample (scripts/bench.d/rate_selfcheck.py says which): the
# sample text rendered at the two rates the bench uses, spliced at word starts, inside long words
# (said again from the start) and at the next sentence, and left unchanged or at the old rate.
# The switch must be found within 25 ms in (nearly) all word and replay cases, a change at the next
# sentence must come out above 200 ms, and no change must come out as not found. Needs python3 and
# the binary, no sound server or terminal. Skips (77) without python3.
set -euo pipefail
bin=$1 src=$2
command -v python3 >/dev/null || { echo "python3 is missing: skipped"; exit 77; }
export VORLESEN_DATA_DIR=$src/voices
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
refs=()
for rate in 100 120; do  # the rates scripts/bench.d/player.sh plays at
  "$bin" render -q --force -s "$rate" --timings json -o "$work/ref$rate.wav" "$src/samples/beispiel.txt"
  refs+=(--ref "$rate:$work/ref$rate.wav:$work/ref$rate.json")
done
python3 -B "$src/scripts/bench.d/rate_selfcheck.py" "${refs[@]}"
