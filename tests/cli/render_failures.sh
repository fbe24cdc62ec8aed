#!/usr/bin/env bash
# Bad input: one clear line, non-zero exit, no file left. In a batch, one bad input is reported with its
# reason, the others are rendered, the exit code is 4 and a summary lists the failure.
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fixture=$src/tests/fixtures/render/artikel.txt
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect CODE PATTERN ARGS...: exit code CODE, exactly one stderr line matching PATTERN, no output file.
expect() {
  local code=$1 pattern=$2
  shift 2
  "$bin" render "$@" 2>"$tmp/err"
  local rc=$?
  [[ $rc -eq $code ]] || fail "render $*: exit $rc, expected $code: $(cat "$tmp/err")"
  [[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "render $*: expected one line, got: $(cat "$tmp/err")"
  grep -q -- "$pattern" "$tmp/err" || fail "render $*: '$pattern' not in: $(cat "$tmp/err")"
  [[ -z $(ls -A "$tmp/out") ]] || fail "render $*: left $(ls -A "$tmp/out")"
}
mkdir "$tmp/out"
expect 1 "nosuch.txt: cannot open: No such file" "$tmp/nosuch.txt" -o "$tmp/out/a.wav"
expect 1 "is a directory" "$tmp" -o "$tmp/out/a.wav"
printf '\n \n' >"$tmp/blank.txt"
expect 1 "blank.txt: nothing to read aloud" "$tmp/blank.txt" -o "$tmp/out/a.wav"
expect 2 "unknown voice 'nosuch'" "$fixture" -o "$tmp/out/a.wav" -v nosuch
expect 2 "unknown voice 'nosuch'" "$fixture" "$src/tests/fixtures/render/kurz.txt" -o "$tmp/out" -v nosuch -j 2
expect 2 "unknown audio format '.xyz'" "$fixture" -o "$tmp/out/a.xyz"
expect 2 "unknown audio format 'aiff'" "$fixture" -o "$tmp/out/a.wav" -f aiff
expect 1 "cannot create output file: No such file or directory" "$fixture" -o "$tmp/out/missing/a.wav"
mkdir "$tmp/ro"; chmod a-w "$tmp/ro"
if [[ $(id -u) -ne 0 ]]; then
  expect 1 "cannot create output file: Permission denied" "$fixture" -o "$tmp/ro/a.wav"
  cp "$fixture" "$tmp/unreadable.txt"; chmod a-r "$tmp/unreadable.txt"
  expect 1 "unreadable.txt: cannot open: Permission denied" "$tmp/unreadable.txt" -o "$tmp/out/a.wav"
fi
cp "$fixture" "$tmp/a.txt"; cp "$fixture" "$tmp/sub/a.txt" 2>/dev/null || { mkdir "$tmp/sub"; cp "$fixture" "$tmp/sub/a.txt"; }
expect 2 "would both be written to" "$tmp/a.txt" "$tmp/sub/a.txt" -o "$tmp/out"

# A batch with one missing input: the others are rendered, exit 4, the summary names it.
cp "$fixture" "$tmp/b.txt"
printf '%s\n' "$tmp/b.txt" "$tmp/gone.txt" "" >"$tmp/list"
"$bin" render "$tmp/a.txt" --from-list "$tmp/list" -o "$tmp/batch" -j 2 2>"$tmp/err"
rc=$?
[[ $rc -eq 4 ]] || fail "batch with a bad input: exit $rc, expected 4: $(cat "$tmp/err")"
[[ -s $tmp/batch/a.wav && -s $tmp/batch/b.wav ]] || fail "the good inputs were not rendered: $(ls "$tmp/batch")"
[[ ! -e $tmp/batch/gone.wav ]] || fail "a file was written for the missing input"
grep -q "1 of 3 inputs failed" "$tmp/err" || fail "no summary: $(cat "$tmp/err")"
grep -q "^  .*gone.txt: cannot open: No such file or directory" "$tmp/err" || fail "summary lacks the reason: $(cat "$tmp/err")"
[[ -z $(find "$tmp" -name '.*.vorlesen-*') ]] || fail "temporary files left"

# The list may come from standard input.
printf '%s\n' "$tmp/a.txt" | "$bin" render --from-list - -o "$tmp/fromstdin" -q 2>"$tmp/err" || fail "list from stdin: $(cat "$tmp/err")"
[[ -s $tmp/fromstdin/a.wav && ! -s $tmp/err ]] || fail "list from stdin: $(ls "$tmp/fromstdin") $(cat "$tmp/err")"
echo ok
