#!/usr/bin/env bash
# Acronym and foreign-word readings as `vorlesen normalize --explain` shows them (after the merge that
# puts the Pronouncer behind `normalize`; skipped on a tree without that command).
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
"$bin" --help | grep -q "^  normalize " || { echo "no 'normalize' command here: skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
printf 'Die KI der NATO und das Start-up.\nDer Hype um Deepseek.\n' |
  "$bin" normalize --explain >"$tmp/out" 2>"$tmp/err" || fail "normalize --explain failed: $(cat "$tmp/err")"
[[ $(sed -n 1p "$tmp/out") == "Die K-I der Nato und das Start-up." ]] || fail "line 1 spoken: $(sed -n 1p "$tmp/out")"
[[ $(sed -n 2p "$tmp/out") == "Der Hype um Deepseek." ]] || fail "line 2 spoken: $(sed -n 2p "$tmp/out")"
for want in $'1\tacronym\tKI\tK-I' $'1\tacronym\tNATO\tNato' $'1\tforeign\tStart-up\tStart-up [en]' \
            $'2\tforeign\tHype\tHype [en]' $'2\tforeign\tDeepseek\tDeepseek [en]'; do
  grep -qxF "$want" "$tmp/err" || fail "explain line missing: '$want' in: $(cat "$tmp/err")"
done
# --ipa: the IPA eSpeak NG will speak, one line per input line; with --explain, each respelled word.
printf 'Sie sagte es.\n\nDer Hype.\n' | "$bin" normalize --ipa --explain >"$tmp/ipa" 2>"$tmp/ipa_err" ||
  fail "normalize --ipa failed: $(cat "$tmp/ipa_err")"
[[ $(wc -l <"$tmp/ipa") -eq 3 ]] || fail "--ipa printed $(wc -l <"$tmp/ipa") lines for 3: $(cat "$tmp/ipa")"
grep -q "zˈɑːktə" <(sed -n 1p "$tmp/ipa") || fail "line 1 IPA: $(sed -n 1p "$tmp/ipa")"
[[ -z $(sed -n 2p "$tmp/ipa") ]] || fail "an empty line gave IPA: $(sed -n 2p "$tmp/ipa")"
grep -q "hˈaɪp" <(sed -n 3p "$tmp/ipa") || fail "line 3 IPA (English voice): $(sed -n 3p "$tmp/ipa")"
grep -qP "^1\trule\tsagte\t\[\[z\|'A:\|k\|t\|@\]\]\t\[\[z\|'A:\|g\|t\|@\]\]\tphoneme_rules\.tsv:[0-9]+$" "$tmp/ipa_err" ||
  fail "no rule line for 'sagte' in: $(cat "$tmp/ipa_err")"
finish
