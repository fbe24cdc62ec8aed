#!/usr/bin/env bash
# render writes chapters: read back with ffprobe (ffmpeg, an independent reader) from every format and
# from the --chapters ffmetadata file, titles and start times checked against the timings JSON.
# Headings (title first) when the article has them, paragraphs when not; batch renders per file;
# --no-chapters; a bad --chapters path leaves nothing behind.
set -uo pipefail
bin=$1 src=$2
source "$src/tests/cli/lib.bash"
command -v ffprobe >/dev/null || { echo "ffprobe (Debian package ffmpeg) not installed: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=$src/tests/fixtures/render/kapitel.html

# chapters_of FILE [ffprobe options]: the chapters ffprobe reads, as JSON.
chapters_of() { local f=$1; shift; ffprobe -v error "$@" -show_chapters -of json "$f"; }

# check.py MODE CHAPTERS_JSON TIMINGS_JSON [LABEL]: ffprobe's chapters against the timings file.
# MODE headings: titles are the fixture's title and headings; paragraphs: one per block of the JSON.
cat >"$tmp/check.py" <<'PY'
import json, sys
mode, chapters_file, timings_file, label = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
chapters = json.load(open(chapters_file, encoding="utf-8"))["chapters"]
timings = json.load(open(timings_file, encoding="utf-8"))
blocks = timings["chapters"]  # the first sentence of every block: start and the block's start as title
def cut(text, limit):
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    return raw[:limit].decode("utf-8", "ignore") + "\u2026"
if mode == "headings":
    long_heading = ("Warum sich die Verhandlungen über die Mietpreisbremse, den Kündigungsschutz, die "
                    "Modernisierungsumlage, die Heizkostenabrechnung und die Förderung für neue Wohnungen in den "
                    "Städten und auf dem Land so lange hingezogen haben und wer am Ende nachgeben musste")
    expected = ["Die „große“ Reform: Was sich für Mieter ändert", "Was ändert sich für Mieter?",
                "„Zu spät“, sagt die 'Opposition' = Kritik; #Reform \\ Ausblick", cut(long_heading, 200)]
    assert expected[3].endswith("\u2026") and len(expected[3].encode()) == 203, expected[3]
else:
    expected = [b["title"] for b in blocks]
titles = [c["tags"]["title"] for c in chapters]
assert titles == expected, (label, titles, expected)
def block_start(title):  # the timings file's block whose title begins this chapter's title
    found = [b["start"] for b in blocks if title.startswith(b["title"].rstrip("\u2026"))]
    assert len(found) >= 1, (label, title)
    return found[0]
for i, c in enumerate(chapters):
    want = 0.0 if i == 0 else block_start(c["tags"]["title"])
    got = float(c["start_time"])
    # Milliseconds in the JSON and in ID3/Vorbis; WAV counts samples (1/22050 s).
    assert abs(got - want) <= 0.0005 + 1e-6, (label, i, got, want)
    if i + 1 < len(chapters):
        assert c["end_time"] == chapters[i + 1]["start_time"], (label, i)
if label in ("mp3", "ffmetadata"):  # formats that store the last chapter's end: the end of the audio
    assert abs(float(chapters[-1]["end_time"]) - timings["duration"]) <= 0.0005 + 1e-6, (label, chapters[-1])
print(label, len(chapters), "chapters ok")
PY

# One input, every format, with the timings file and the ffmetadata file.
for fmt in mp3 ogg opus flac wav; do
  out=$tmp/one-$fmt
  mkdir "$out"
  "$bin" render "$fixture" -o "$out/k.$fmt" --timings json --chapters "$out/k.ffmetadata" 2>"$tmp/err" ||
    { fail "$fmt: render failed: $(cat "$tmp/err")"; continue; }
  chapters_of "$out/k.$fmt" >"$out/chapters.json" || fail "$fmt: ffprobe cannot read the file"
  python3 "$tmp/check.py" headings "$out/chapters.json" "$out/k.json" "$fmt" || fail "$fmt: chapters"
  chapters_of "$out/k.ffmetadata" -f ffmetadata >"$out/meta.json" || fail "$fmt: ffprobe cannot read the ffmetadata"
  python3 "$tmp/check.py" headings "$out/meta.json" "$out/k.json" ffmetadata || fail "$fmt: ffmetadata chapters"
  [[ $(head -1 "$out/k.ffmetadata") == ";FFMETADATA1" ]] || fail "$fmt: ffmetadata header"
  grep -qxF "title=„Zu spät“, sagt die 'Opposition' \= Kritik\; \#Reform \\\\ Ausblick" "$out/k.ffmetadata" ||
    fail "$fmt: escapes in the ffmetadata file: $(cat "$out/k.ffmetadata")"
  left=$(ls -A "$out" | grep -c '^\.') ; [[ $left -eq 0 ]] || fail "$fmt: temporary files left: $(ls -A "$out")"
done
# A rerun with the same options skips the job: the tags TagLib rewrote still hold the fingerprint.
"$bin" render "$fixture" -o "$tmp/one-mp3/k.mp3" --timings json --chapters "$tmp/one-mp3/k.ffmetadata" 2>"$tmp/err"
grep -q "is up to date" "$tmp/err" || fail "rerun of the mp3 should be skipped: $(cat "$tmp/err")"

# No headings: a chapter per paragraph, each at its block's first sentence.
printf 'Erster Absatz mit einem Satz.\n\nZweiter Absatz. Er hat zwei Sätze.\n\nDritter „Absatz“ = Ende.\n' >"$tmp/plain.txt"
"$bin" render --raw "$tmp/plain.txt" -o "$tmp/plain.ogg" --timings json 2>"$tmp/err" || fail "plain: $(cat "$tmp/err")"
chapters_of "$tmp/plain.ogg" >"$tmp/plain-chapters.json"
python3 "$tmp/check.py" paragraphs "$tmp/plain-chapters.json" "$tmp/plain.json" paragraphs || fail "paragraph chapters"
[[ $(grep -c '"title"' "$tmp/plain-chapters.json") -eq 3 ]] || fail "expected 3 paragraph chapters"

# Several inputs in parallel: each output gets its own chapters, the same as alone.
cp "$fixture" "$tmp/a.html"; cp "$fixture" "$tmp/b.html"
"$bin" render "$tmp/a.html" "$tmp/b.html" -j 2 -f opus -o "$tmp/batch" --timings json --chapters "$tmp/batch-meta" \
  2>"$tmp/err" || fail "batch: $(cat "$tmp/err")"
for n in a b; do
  chapters_of "$tmp/batch/$n.opus" >"$tmp/batch-$n.json"
  python3 "$tmp/check.py" headings "$tmp/batch-$n.json" "$tmp/batch/$n.json" "batch-$n" || fail "batch $n"
  # The same chapters as the single render (line 2 is the title: the input's name).
  diff <(tail -n +3 "$tmp/batch-meta/$n.ffmetadata") <(tail -n +3 "$tmp/one-opus/k.ffmetadata") >/dev/null ||
    fail "batch $n: chapters differ from the single render"
done

# --no-chapters: none in the file.
"$bin" render "$fixture" -o "$tmp/none.wav" --no-chapters 2>"$tmp/err" || fail "--no-chapters: $(cat "$tmp/err")"
[[ $(chapters_of "$tmp/none.wav" | grep -c '"title"') -eq 0 ]] || fail "--no-chapters wrote chapters"

# A chapter file that cannot be written: one error line, and no audio either (all or nothing).
expect_error "bad --chapters" 1 "^vorlesen: $tmp/missing/k.ffmetadata: " -- \
  "$bin" render "$fixture" -o "$tmp/bad.mp3" --chapters "$tmp/missing/k.ffmetadata"
[[ ! -e $tmp/bad.mp3 ]] || fail "bad --chapters left the audio file"
[[ $(ls -A "$tmp" | grep -c '^\.') -eq 0 ]] || fail "bad --chapters left temporary files"
# Several inputs need a directory for the chapter files.
touch "$tmp/afile"
expect_error "--chapters file with several inputs" 2 "must name a directory when the output is a directory" -- \
  "$bin" render "$tmp/a.html" "$tmp/b.html" -o "$tmp/batch2" --chapters "$tmp/afile"
expect_error "--chapters over the audio" 2 "would overwrite another output" -- \
  "$bin" render "$fixture" -o "$tmp/same.wav" --chapters "$tmp/same.wav"
finish
