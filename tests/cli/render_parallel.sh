#!/usr/bin/env bash
# render -j 1 and -j 2 write byte-identical files, in every format, with subtitles and timings; a rerun
# skips everything; --force renders again.
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=$src/tests/fixtures/render/artikel.txt
inputs=()
for i in 1 2; do cp "$fixture" "$tmp/artikel$i.txt"; inputs+=("$tmp/artikel$i.txt"); done
cp "$src/tests/fixtures/render/kurz.txt" "$tmp/kurz.txt"; inputs+=("$tmp/kurz.txt")

fail() { echo "FAIL: $*" >&2; exit 1; }
# A temporary file left by a run killed outright (worker and parent at once) is removed by the next one.
mkdir "$tmp/j1-wav"
touch "$tmp/j1-wav/.artikel1.wav.vorlesen-Ab12Cd"
for fmt in wav flac ogg opus mp3; do
  "$bin" render "${inputs[@]}" -o "$tmp/j1-$fmt" -f "$fmt" -j 1 --subtitles vtt --timings json 2>"$tmp/err1" ||
    fail "-j 1 $fmt: $(cat "$tmp/err1")"
  "$bin" render "${inputs[@]}" -o "$tmp/j2-$fmt" -f "$fmt" -j 2 --subtitles vtt --timings json 2>"$tmp/err2" ||
    fail "-j 2 $fmt: $(cat "$tmp/err2")"
  n=$(ls -A "$tmp/j1-$fmt" | wc -l)
  [[ $n -eq 9 ]] || fail "$fmt: expected 9 files (3 x audio, vtt, json), got $n"
  for f in "$tmp/j1-$fmt"/*; do
    cmp -s "$f" "$tmp/j2-$fmt/$(basename "$f")" || fail "$fmt: $(basename "$f") differs between -j 1 and -j 2"
  done
  [[ $(grep -c '^rendered ' "$tmp/err2") -eq 3 ]] || fail "$fmt: expected one line per rendered file: $(cat "$tmp/err2")"
done

# A rerun skips what is up to date; --force renders again; changed settings render again.
"$bin" render "${inputs[@]}" -o "$tmp/j2-wav" -j 2 --subtitles vtt --timings json 2>"$tmp/err3"
[[ $(grep -c '^skipped ' "$tmp/err3") -eq 3 ]] || fail "rerun should skip all 3: $(cat "$tmp/err3")"
"$bin" render "${inputs[@]}" -o "$tmp/j2-wav" -j 2 --subtitles vtt --timings json --force 2>"$tmp/err4"
[[ $(grep -c '^rendered ' "$tmp/err4") -eq 3 ]] || fail "--force should render all 3: $(cat "$tmp/err4")"
"$bin" render "${inputs[@]}" -o "$tmp/j2-wav" -j 2 --subtitles vtt --timings json -s 200 2>"$tmp/err5"
[[ $(grep -c '^rendered ' "$tmp/err5") -eq 3 ]] || fail "a new rate should render all 3: $(cat "$tmp/err5")"
cmp -s "$tmp/j1-wav/kurz.wav" "$tmp/j2-wav/kurz.wav" && fail "rate 200 gave the same audio as 175"

# The timings are valid JSON whose sentences match the subtitle cues.
if command -v python3 >/dev/null; then
  python3 - "$tmp/j1-wav/artikel1.json" "$tmp/j1-wav/artikel1.vtt" <<'PY' || fail "timings JSON"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
cues = open(sys.argv[2], encoding="utf-8").read().count(" --> ")
assert len(d["sentences"]) == cues, (len(d["sentences"]), cues)
assert d["chapters"] and d["chapters"][0]["start"] == 0
assert all(w["start"] <= w["end"] for s in d["sentences"] for w in s["words"])
assert abs(d["sentences"][-1]["end"] - d["duration"]) < 0.001
PY
fi
echo "ok"
