#!/usr/bin/env bash
# Real playback through PortAudio into a private PulseAudio null sink, recorded from null.monitor:
# what is heard matches `vorlesen render` of the same text in length (within 5%) and in the order
# and spacing of sentence onsets; plain mode prints each sentence when it starts being heard; a
# pause records silence for as long as it lasts; the device lost mid-play ends it with exit 3 and one
# line; warnings that come after playback started still reach stderr, while the libraries' chatter
# does not. Skips (77) only when PulseAudio cannot start.
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

# recorded_play NAME [--key T:K]...: plays text.txt while recording; leaves NAME.raw (the recording),
# NAME.seg (its sentence segments) and NAME.tsv (the printed lines with their times).
recorded_play() {
  local name=$1; shift
  pulse_record "$work/$name.raw"
  python3 "$lib/drive_play.py" --clock "$work/$name.raw" "$@" -- "$bin" play "$work/text.txt" >"$work/$name.tsv"
  sleep 0.3
  pulse_stop_recording
  python3 "$lib/audio_segments.py" "$work/$name.raw" >"$work/$name.seg"
}

# 1. Plain run: recording vs rendering, and line times vs onsets.
recorded_play rec
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
seg = lambda name: [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
ref, rec = seg("ref.seg"), seg("rec.seg")
lines = [l.rstrip("\n").split("\t", 2) for l in open(f"{work}/rec.tsv")]
print("reference segments", ref, "\nrecorded segments", rec, "\nlines", lines)
assert len(ref) == 3, ref
assert len(rec) == len(ref), f"{len(rec)} sentences recorded, {len(ref)} rendered"
ref_len, rec_len = ref[-1][1] - ref[0][0], rec[-1][1] - rec[0][0]
assert abs(rec_len - ref_len) <= 0.05 * ref_len, f"length {rec_len:.2f}s vs {ref_len:.2f}s"
for (a, _), (b, _) in zip(ref, rec):
    assert abs((b - rec[0][0]) - (a - ref[0][0])) <= 0.05, f"onset {b - rec[0][0]:.2f} vs {a - ref[0][0]:.2f}"
texts = [t for _, _, t in lines]
assert texts == ["Der Zug fährt um acht Uhr ab.", "Wir warten am Bahnsteig.", "Dann kommt er endlich."], texts
# Each line appears when its sentence starts being heard: compared on the recording's clock.
for i, (_, recorded, _) in enumerate(lines):
    assert abs(float(recorded) - rec[i][0]) <= 0.1, f"line {i} printed at {recorded}s of the recording, heard at {rec[i][0]:.2f}s"
print("ok: length, onsets, plain-mode lines")
PY

# 2. Pause for 1.5 s in the first sentence (space, space): silence of that length, then the rest.
#    The keys' times count from the first sentence's line, not from the start (slow on a busy machine).
recorded_play rec2 --from-first-line --key "0.5: " --key "2.0: "
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
seg = lambda name: [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
ref, rec = seg("ref.seg"), seg("rec2.seg")
lines = [l.rstrip("\n").split("\t", 2)[2] for l in open(f"{work}/rec2.tsv")]
print("recorded segments", rec, "\nlines", lines)
gaps = [b[0] - a[1] for a, b in zip(rec, rec[1:])]
assert max(gaps) >= 1.4, f"no pause of 1.5 s recorded: gaps {gaps}"
ref_len, rec_len = ref[-1][1] - ref[0][0], rec[-1][1] - rec[0][0]
assert abs(rec_len - (ref_len + 1.5)) <= 0.05 * ref_len + 0.1, f"length {rec_len:.2f}s vs {ref_len:.2f}s + 1.5 s pause"
assert "[paused]" in lines and "[playing]" in lines, lines
print("ok: pause")
PY

# 3. The device goes away mid-play (the sound server dies): playback ends within seconds with one
#    line naming the device, exit 3, no PortAudio/ALSA chatter.
python3 -c 'print("Ein Satz, der etwas länger dauert. " * 30)' >"$work/long.txt"
start=$(date +%s%N)
"$bin" play "$work/long.txt" >/dev/null 2>"$work/err" &
pid=$!
sleep 1.5
pulseaudio --kill
rc=0; wait $pid || rc=$?
took=$(( ($(date +%s%N) - start) / 1000000 ))
echo "device lost: exit $rc after $took ms: $(cat "$work/err")"
[[ $rc == 3 ]] || { echo "FAIL: exit $rc"; exit 1; }
[[ $(wc -l <"$work/err") == 1 ]] || { echo "FAIL: stderr: $(cat "$work/err")"; exit 1; }
(( took < 8000 )) || { echo "FAIL: took $took ms"; exit 1; }
echo "ok: device lost"

# 4. Warnings while the stream is open: a long file plays from its head, and invalid UTF-8 beyond
#    the head is found only once the whole file is extracted, after the first sound, while fd 2
#    points at /dev/null for PortAudio. It reaches stderr anyway, as does a bad lexicon line; nothing
#    else does (no ALSA or PortAudio lines).
pulse_start "$work/pulse2" || { echo "PulseAudio cannot start again"; exit 1; }
python3 - "$work/big.txt" <<'PY'
import sys
paragraph = "Ein kurzer Absatz. Er hat zwei Sätze.\n\n"
data = (paragraph * 16000).encode() + b"Am Ende ein kaputtes Zeichen: \xff.\n"
open(sys.argv[1], "wb").write(data)
PY
printf 'gut\tgut\nkaputt\n' >"$work/lex.tsv"
rc=0
python3 "$lib/drive_play.py" --key "2.5:q" -- "$bin" play --lexicon "$work/lex.tsv" "$work/big.txt" \
  >"$work/big.tsv" 2>"$work/big.err" || rc=$?
echo "warnings after the start: exit $rc, stderr: $(cat "$work/big.err")"
[[ $rc == 0 ]] || { echo "FAIL: exit $rc"; exit 1; }
grep -q "^vorlesen: warning: .*big.txt: invalid UTF-8 at byte $(( $(stat -c %s "$work/big.txt") - 3 ))" "$work/big.err" ||
  { echo "FAIL: the warning about the rest of the file was lost"; exit 1; }
grep -q "^vorlesen: warning: .*lex.tsv:2: " "$work/big.err" || { echo "FAIL: no lexicon warning"; exit 1; }
[[ $(wc -l <"$work/big.err") == 2 ]] || { echo "FAIL: expected two warnings and nothing else"; exit 1; }
grep -q "Ein kurzer Absatz." "$work/big.tsv" || { echo "FAIL: nothing was read: $(cat "$work/big.tsv")"; exit 1; }
echo "ok: warnings after the start"
