#!/usr/bin/env bash
# The read-along page (issue 21) in headless Chromium (lib/read_along.py): seeking the audio highlights
# the sentence and word the render timings name, the real buttons work from the keyboard, playing
# moves the highlight, and nothing is logged as an error or fetched from anywhere.
set -uo pipefail
bin=$1 src=$2
source "$src/tests/cli/lib.bash"
chromium=$(command -v chromium || command -v chromium-browser) || { echo "chromium is not installed (scripts/setup --test)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx=$src/tests/fixtures
# A text dump: its Document::text is the file, so the timings' byte spans index the file itself.
article=$fx/extract/wirtschaft-dump.txt

"$bin" render "$article" "$fx/extract/magazin.html" -o "$tmp/seite.html" -q 2>"$tmp/err" || fail "render -f html: $(cat "$tmp/err")"
"$bin" render "$article" -o "$tmp/artikel.mp3" --timings json -q || fail "render --timings json"
grep -q '<nav aria-label=' "$tmp/seite.html" || fail "a page of two articles has no list of them"
[[ $(grep -c '<article id=' "$tmp/seite.html") -eq 2 ]] || fail "not two articles on the page"
python3 "$src/tests/cli/lib/read_along.py" "$chromium" "$tmp/seite.html" "$tmp/artikel.json" "$article" ||
  fail "the read-along page in Chromium"
finish
