#!/usr/bin/env bash
# What structure by voice (issue 19) costs: `vorlesen render` of the article with its styles (the
# default) against `--plain-style`, same binary, interleaved runs, median ratio of CPU time
# (user+system). Target: <= 1.10. Also prints how long the article takes to hear either way (the
# styles' pauses lengthen it a little).
bin=$1
source "$(dirname "$0")/lib.bash"
input=$(bench_input)
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export VORLESEN_DATA_DIR=$here/voices XDG_CONFIG_HOME=$tmp/config  # no personal config.toml
runs=${BENCH_RUNS:-9}
styled() { "$bin" render --force "$input" -o "$tmp/styled.wav"; }
plain() { "$bin" render --force --plain-style "$input" -o "$tmp/plain.wav"; }
read -r ratio styled_median plain_median < <(cpu_ratio "$runs" styled plain)
audio_seconds() { python3 -c 'import sys,wave; w=wave.open(sys.argv[1]); print("%.1f" % (w.getnframes()/w.getframerate()))' "$1"; }
printf 'input: %s (%s bytes)\n' "$(basename "$input")" "$(stat -c %s "$input")"
printf 'audio: %s s with styles, %s s with --plain-style\n' "$(audio_seconds "$tmp/styled.wav")" "$(audio_seconds "$tmp/plain.wav")"
printf 'render median: %.3f s CPU with styles, %.3f s with --plain-style\n' "$styled_median" "$plain_median"
printf 'render styled/plain CPU time ratio: %.3f (target <= 1.10, median of %d interleaved runs)\n' "$ratio" "$runs"
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.10) }'
