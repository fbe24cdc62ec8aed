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
finish
