#!/usr/bin/env bash
# Progress on a terminal: one line redrawn in place (files done/total, hours of audio, rate), failures
# printed above it, then the summary. Runs vorlesen under script(1) to give it a terminal.
set -uo pipefail
bin=$1 src=$2
command -v script >/dev/null || { echo "script(1) not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cp "$src/tests/fixtures/render/kurz.txt" "$tmp/a.txt"
cp "$src/tests/fixtures/render/artikel.txt" "$tmp/b.txt"
script -qec "'$bin' render '$tmp/a.txt' '$tmp/missing.txt' '$tmp/b.txt' -o '$tmp/out' -j 2" /dev/null >"$tmp/tty"
rc=$?
[[ $rc -eq 4 ]] || fail "exit $rc, expected 4: $(cat -v "$tmp/tty")"
grep -q $'\r\e\[K3/3 files, 0\.0[0-9] h audio' "$tmp/tty" || fail "no final progress line: $(cat -v "$tmp/tty")"
grep -q 'x real time' "$tmp/tty" || fail "no rate: $(cat -v "$tmp/tty")"
grep -q 'vorlesen: .*missing.txt: cannot open' "$tmp/tty" || fail "failure not printed: $(cat -v "$tmp/tty")"
grep -q '1 of 3 inputs failed' "$tmp/tty" || fail "no summary: $(cat -v "$tmp/tty")"
grep -q '^rendered ' "$tmp/tty" && fail "per-file lines on a terminal: $(cat -v "$tmp/tty")"
# --quiet: only the failure and the summary.
script -qec "'$bin' render '$tmp/a.txt' '$tmp/missing.txt' -o '$tmp/out2' -q" /dev/null >"$tmp/quiet"
grep -q 'files, ' "$tmp/quiet" && fail "--quiet still shows progress: $(cat -v "$tmp/quiet")"
grep -q 'missing.txt: cannot open' "$tmp/quiet" || fail "--quiet hides the failure: $(cat -v "$tmp/quiet")"
# One long input (issue 18): on a terminal its own line (percent read, hours of audio, ETA), wiped at
# the end; on a file, nothing at all.
for i in $(seq 80); do cat "$src/tests/fixtures/render/artikel.txt"; echo; done >"$tmp/long.txt"
script -qec "'$bin' render '$tmp/long.txt' -o '$tmp/long.wav'" /dev/null >"$tmp/one"
[[ -s $tmp/long.wav ]] || fail "no audio for the long input: $(cat -v "$tmp/one")"
grep -qE $'\r\e\[K[0-9]+ % read, 0\.[0-9]{2} h audio, [0-9]+x real time, ETA [0-9]+:[0-9]{2}:[0-9]{2}' "$tmp/one" ||
  fail "no progress line for one file: $(cat -v "$tmp/one")"
[[ $(tail -c 4 "$tmp/one" | od -An -c | tr -d ' ') == *'\r033[K'* ]] || fail "the line is not wiped: $(cat -v "$tmp/one")"
"$bin" render "$tmp/long.txt" -o "$tmp/long2.wav" --force 2>"$tmp/one.err"
[[ ! -s $tmp/one.err ]] || fail "output on a non-terminal stderr: $(cat -v "$tmp/one.err")"
echo ok
