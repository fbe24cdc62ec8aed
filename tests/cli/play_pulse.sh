#!/usr/bin/env bash
# Real playback through PortAudio into a private PulseAudio null sink, recorded from null.monitor:
# what is heard matches `vorlesen render` of the same text in length (within 5%) and in the order
# and spacing of sentence onsets; plain mode prints each sentence when it starts being heard; a
# pause records silence for as long as it lasts. Skips (77) only when PulseAudio cannot start.
set -euo pipefail
bin=$1 src=$2
lib=$src/tests/cli/lib
export VORLESEN_DATA_DIR=$src/voices
work=$(mktemp -d)
cleanup() { pulse_stop; rm -rf "$work"; }
source "$lib/pulse.bash"
pulse_start "$work/pulse" || { echo "PulseAudio cannot start here: skipped"; exit 77; }
trap cleanup EXIT

printf 'Der Zug fährt um acht Uhr ab.\n\nWir warten am Bahnsteig. Dann kommt er endlich.\n' >"$work/text.txt"
"$bin" render "$work/text.txt" -o "$work/ref.wav"
python3 "$lib/audio_segments.py" "$work/ref.wav" >"$work/ref.seg"

# 1. Plain run: recording vs rendering, and line times vs onsets.
pulse_record "$work/rec.raw"
python3 "$lib/drive_play.py" -- "$bin" play "$work/text.txt" >"$work/lines.tsv"
sleep 0.3
pulse_stop_recording
python3 "$lib/audio_segments.py" "$work/rec.raw" >"$work/rec.seg"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
seg = lambda name: [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
ref, rec = seg("ref.seg"), seg("rec.seg")
lines = [l.rstrip("\n").split("\t", 1) for l in open(f"{work}/lines.tsv")]
print("reference segments", ref, "\nrecorded segments", rec, "\nlines", lines)
assert len(ref) == 3, ref
assert len(rec) == len(ref), f"{len(rec)} sentences recorded, {len(ref)} rendered"
ref_len, rec_len = ref[-1][1] - ref[0][0], rec[-1][1] - rec[0][0]
assert abs(rec_len - ref_len) <= 0.05 * ref_len, f"length {rec_len:.2f}s vs {ref_len:.2f}s"
for (a, _), (b, _) in zip(ref, rec):
    assert abs((b - rec[0][0]) - (a - ref[0][0])) <= 0.05, f"onset {b - rec[0][0]:.2f} vs {a - ref[0][0]:.2f}"
texts = [t for _, t in lines]
assert texts == ["Der Zug fährt um acht Uhr ab.", "Wir warten am Bahnsteig.", "Dann kommt er endlich."], texts
times = [float(t) for t, _ in lines]
for i in range(1, 3):
    printed, heard = times[i] - times[0], rec[i][0] - rec[0][0]
    assert abs(printed - heard) <= 0.1, f"line {i} printed at +{printed:.2f}s, heard at +{heard:.2f}s"
print("ok: length, onsets, plain-mode lines")
PY

# 2. Pause for 1.5 s in the first sentence (space, space): silence of that length, then the rest.
pulse_record "$work/rec2.raw"
python3 "$lib/drive_play.py" --key "0.8: " --key "2.3: " -- "$bin" play "$work/text.txt" >"$work/lines2.tsv"
sleep 0.3
pulse_stop_recording
python3 "$lib/audio_segments.py" "$work/rec2.raw" >"$work/rec2.seg"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
seg = lambda name: [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
ref, rec = seg("ref.seg"), seg("rec2.seg")
lines = [l.rstrip("\n").split("\t", 1)[1] for l in open(f"{work}/lines2.tsv")]
print("recorded segments", rec, "\nlines", lines)
gaps = [b[0] - a[1] for a, b in zip(rec, rec[1:])]
assert max(gaps) >= 1.4, f"no pause of 1.5 s recorded: gaps {gaps}"
ref_len, rec_len = ref[-1][1] - ref[0][0], rec[-1][1] - rec[0][0]
assert abs(rec_len - (ref_len + 1.5)) <= 0.05 * ref_len + 0.1, f"length {rec_len:.2f}s vs {ref_len:.2f}s + 1.5 s pause"
assert "[paused]" in lines and "[playing]" in lines, lines
print("ok: pause")
PY
