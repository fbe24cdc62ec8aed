#!/usr/bin/env bash
# `vorlesen normalize`: one output line per input line (empty lines too), invalid UTF-8 replaced and
# reported once, --explain on stderr, and number words eSpeak NG reads right.
bin=$1; src=$2
set -u
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

printf 'Am 8. Mai.\n\n12,50 €\n\nletzte Zeile ohne Zeilenende' >"$tmp/in.txt"
"$bin" normalize <"$tmp/in.txt" >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "exit status $?"
[[ $(wc -l <"$tmp/out.txt") -eq 5 ]] || fail "expected 5 output lines, got $(wc -l <"$tmp/out.txt")"
[[ $(sed -n 1p "$tmp/out.txt") == "Am achten Mai." ]] || fail "line 1: $(sed -n 1p "$tmp/out.txt")"
[[ -z $(sed -n 2p "$tmp/out.txt") ]] || fail "line 2 should be empty"
[[ $(sed -n 3p "$tmp/out.txt") == "zwölf Euro fünfzig" ]] || fail "line 3: $(sed -n 3p "$tmp/out.txt")"
[[ ! -s "$tmp/err.txt" ]] || fail "unexpected stderr: $(cat "$tmp/err.txt")"

printf 'gut\xff\xfe 1\nnoch \xc3 mal\n' | "$bin" normalize >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "bad UTF-8: exit $?"
[[ $(wc -l <"$tmp/out.txt") -eq 2 ]] || fail "bad UTF-8: expected 2 lines"
[[ $(grep -c . "$tmp/err.txt") -eq 1 ]] || fail "bad UTF-8 must be reported once: $(cat "$tmp/err.txt")"
grep -q 'invalid UTF-8' "$tmp/err.txt" || fail "no UTF-8 warning: $(cat "$tmp/err.txt")"
grep -q $'gut\xef\xbf\xbd' "$tmp/out.txt" || fail "U+FFFD missing in output"

printf 'Der 3. Mai kostet 5 €.\n' | "$bin" normalize --explain >"$tmp/out.txt" 2>"$tmp/err.txt"
[[ $(cat "$tmp/out.txt") == "Der dritte Mai kostet fünf Euro." ]] || fail "explain stdout: $(cat "$tmp/out.txt")"
grep -q $'^1\tdate\t3. Mai\tdritte Mai$' "$tmp/err.txt" || fail "explain date line missing: $(cat "$tmp/err.txt")"
grep -q $'^1\tmoney\t5 €\tfünf Euro$' "$tmp/err.txt" || fail "explain money line missing: $(cat "$tmp/err.txt")"

# A word the lexicon reads as eSpeak phonemes is printed as the word (its sound is --ipa's business).
out=$(printf 'Der Konzern sagte 3 Sätze.\n' | "$bin" normalize)
[[ $out == "Der Konzern sagte drei Sätze." ]] || fail "lexicon phonemes leaked into the text: $out"
ipa=$(printf 'Der Konzern\n' | "$bin" normalize --ipa)
[[ $ipa == *kɔnts* ]] || fail "--ipa does not show the lexicon's reading of Konzern: $ipa"

# A 1 MB line without punctuation and a 10,000-digit number finish quickly.
head -c 1000000 /dev/zero | tr '\0' 'a' >"$tmp/long.txt"; echo >>"$tmp/long.txt"
printf '%010000d\n' 7 | tr '0' '9' >>"$tmp/long.txt"
timeout 20 "$bin" normalize <"$tmp/long.txt" >"$tmp/out.txt" || fail "long input: exit $?"
[[ $(wc -l <"$tmp/out.txt") -eq 2 ]] || fail "long input: expected 2 lines"

# What the listener hears: eSpeak NG must read "vier" in number words as [fi:r], not [v].
if command -v espeak-ng >/dev/null; then
  spoken=$(printf '45 Tage, 1499 Menschen, 24. Juli\n' | "$bin" normalize)
  phonemes=$(espeak-ng -v de -q -x "$spoken" | tr -d "',\n" | tr R r)
  [[ $phonemes == *fi:r*fi:r*fi:r* ]] || fail "eSpeak reads '$spoken' as $phonemes"
  [[ $phonemes != *vi:r* ]] || fail "eSpeak reads vier as [v] in '$spoken': $phonemes"
fi

if [[ $failures -gt 0 ]]; then echo "$failures check(s) failed" >&2; exit 1; fi
echo "all checks passed"
