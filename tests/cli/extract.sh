#!/usr/bin/env bash
# `vorlesen extract`: one block per line on stdout, stdin as "-", --raw, clear errors on bad input.
set -uo pipefail
bin=$1
src=$2
fixtures=$src/tests/fixtures/extract
export VORLESEN_DATA_DIR=$src/voices
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The HTML page: the article's lines, nothing of the page around it.
"$bin" extract "$fixtures/nachrichten.html" >"$tmp/out" 2>"$tmp/err" || fail "extract exited $?: $(cat "$tmp/err")"
[[ $(head -1 "$tmp/out") == "Hochwasser an der Elbe: Dresden rüstet sich" ]] || fail "first line: $(head -1 "$tmp/out")"
[[ $(tail -1 "$tmp/out") == "Für Freitag erwarten"* ]] || fail "last line: $(tail -1 "$tmp/out")"
[[ $(wc -l <"$tmp/out") -eq 12 ]] || fail "expected 12 lines, got $(wc -l <"$tmp/out")"
! grep -q -e Cookies -e Impressum -e Kommentare "$tmp/out" || fail "clutter in output"
[[ ! -s "$tmp/err" ]] || fail "unexpected stderr: $(cat "$tmp/err")"

# --kinds: the kind of each block before a TAB, the same as the golden file.
"$bin" extract --kinds "$fixtures/nachrichten.html" >"$tmp/kinds" || fail "--kinds exited $?"
diff <(grep -v '^#' "$fixtures/nachrichten.expected.tsv") "$tmp/kinds" >&2 || fail "--kinds differs from the golden file"

# Standard input, sniffed as HTML by its content.
"$bin" extract - <"$fixtures/nachrichten.html" >"$tmp/stdin" || fail "extract - exited $?"
cmp -s "$tmp/out" "$tmp/stdin" || fail "stdin output differs from file output"

# --raw: the file as it is (the text dump's breadcrumb is the first line).
"$bin" extract --raw "$fixtures/wirtschaft-dump.txt" >"$tmp/raw" || fail "--raw exited $?"
[[ $(head -1 "$tmp/raw") == "Startseite > Wirtschaft > Energie" ]] || fail "--raw first line: $(head -1 "$tmp/raw")"

# Bad input: one line naming the file, exit 1, nothing on stdout.
"$bin" extract "$tmp/fehlt.html" >"$tmp/out2" 2>"$tmp/err2"
rc=$?
[[ $rc -eq 1 ]] || fail "missing file: exit $rc"
[[ $(wc -l <"$tmp/err2") -eq 1 ]] && grep -q "fehlt.html" "$tmp/err2" || fail "missing file message: $(cat "$tmp/err2")"
[[ ! -s "$tmp/out2" ]] || fail "output for a missing file"

printf '<html><body><nav><a href="/">Start</a></nav></body></html>' >"$tmp/leer.html"
"$bin" extract "$tmp/leer.html" >/dev/null 2>"$tmp/err3"
rc=$?
[[ $rc -eq 1 ]] || fail "page without article: exit $rc"
grep -q "leer.html: no article text found" "$tmp/err3" || fail "empty page message: $(cat "$tmp/err3")"

"$bin" extract "$src" >/dev/null 2>"$tmp/err4"
[[ $? -eq 1 ]] && grep -q "is a directory" "$tmp/err4" || fail "directory: $(cat "$tmp/err4")"

# The shared page dump, when ../shared is there.
if [[ -n "${VORLESEN_SHARED_DIR:-}" ]]; then
  "$bin" extract "$VORLESEN_SHARED_DIR/articles/handelsblatt-deepseek.txt" >"$tmp/hb" || fail "shared dump exited $?"
  [[ $(sed -n 2p "$tmp/hb") == "Wie der Deepseek-Erfolg Chinas Staatsführung hilft" ]] || fail "shared dump headline"
  [[ $(tail -1 "$tmp/hb") == *"aber lieber im Stillen." ]] || fail "shared dump last line"
fi
exit 0
