#!/bin/bash
# vorlesen segment: one sentence per line from stdin, paragraphs as documentFromText() finds them,
# line breaks inside a sentence as single spaces, invalid UTF-8 reported once, clean failures.
set -u
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

printf 'Titel\n\nDr. Müller kam am 3. Mai. Er brachte\nihm Milch usw. Das reicht.\n\nErster Absatz.\nZweiter Absatz   mit Lücke.\n' \
  | "$bin" segment >"$tmp/out" 2>"$tmp/err" || fail "exit status $?"
cat >"$tmp/want" <<'WANT'
Titel
Dr. Müller kam am 3. Mai.
Er brachte ihm Milch usw.
Das reicht.
Erster Absatz.
Zweiter Absatz   mit Lücke.
WANT
diff -u "$tmp/want" "$tmp/out" || fail "sentences differ"
[ -s "$tmp/err" ] && fail "unexpected stderr: $(cat "$tmp/err")"

# The same from a file, with byte offsets.
printf 'Ja. Nein.\n' >"$tmp/in.txt"
"$bin" segment --offsets "$tmp/in.txt" >"$tmp/out" || fail "offsets: exit status $?"
printf '0\t3\tJa.\n4\t9\tNein.\n' | diff -u - "$tmp/out" || fail "offsets differ"

# Invalid UTF-8: replaced, one warning line, still exit 0.
printf 'Gr\xfc\xdfe aus K\xf6ln. Bis bald.\n' | "$bin" segment >"$tmp/out" 2>"$tmp/err" || fail "bad UTF-8: exit status $?"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "expected one warning line, got: $(cat "$tmp/err")"
grep -q 'invalid UTF-8 at byte 2' "$tmp/err" || fail "warning does not name the offset: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "bad UTF-8: expected 2 sentences, got $(cat "$tmp/out")"
grep -q $'^Gr\xef\xbf\xbd' "$tmp/out" || fail "replacement character missing"

# Empty input: no output, success.
"$bin" segment </dev/null >"$tmp/out" 2>"$tmp/err" || fail "empty input: exit status $?"
[ -s "$tmp/out" ] && fail "empty input printed something"

# A missing file: one line naming it, exit 1.
"$bin" segment "$tmp/missing.txt" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] || fail "missing file: exit status $status"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'missing.txt' "$tmp/err" || fail "missing file message: $(cat "$tmp/err")"

# A directory, and an output that cannot be written: one line, exit 1.
"$bin" segment "$tmp" >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && grep -q 'is a directory' "$tmp/err" || fail "directory: exit $status, $(cat "$tmp/err")"
if [ -w /dev/full ]; then
  "$bin" segment "$tmp/in.txt" >/dev/full 2>"$tmp/err"
  status=$?
  [ "$status" -eq 1 ] && grep -q 'cannot write' "$tmp/err" || fail "/dev/full: exit $status, $(cat "$tmp/err")"
fi

# A 1 MB line without punctuation: bounded lines, nothing lost.
head -c 1048576 /dev/zero | tr '\0' 'x' | sed 's/x\{9\}/wortwort /g' >"$tmp/long.txt"
"$bin" segment "$tmp/long.txt" >"$tmp/out" || fail "long line: exit status $?"
awk 'length($0) > 1000 { bad = 1 } END { exit bad }' "$tmp/out" || fail "a line longer than 1000 bytes"
[ "$(tr -d ' \n' <"$tmp/out" | wc -c)" -eq "$(tr -d ' \n' <"$tmp/long.txt" | wc -c)" ] || fail "long line: text lost"
exit 0
