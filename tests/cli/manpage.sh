#!/usr/bin/env bash
# The man page is kept in step with --help: every subcommand and every long option that --help shows
# is documented in docs/vorlesen.1, and the page renders without warnings.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
page="$src/docs/vorlesen.1"
# The page in plain text, with roff escapes for "-" removed.
text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page")
commands=$("$bin" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[[ -n $commands ]] || fail "no subcommands found in --help"
for cmd in $commands; do
  grep -q "^\.B $cmd\b\|^\.B $cmd " <<<"$text" || fail "command '$cmd' is not documented in vorlesen.1"
  for opt in $("$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$opt" <<<"$text" || fail "option $opt of '$cmd' is not documented in vorlesen.1"
  done
done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [[ -z $warnings ]] || fail "groff warnings: $warnings"
fi
finish
