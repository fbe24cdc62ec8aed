#!/usr/bin/env bash
# The man pages are kept in step with --help: every subcommand and every long option that --help
# shows is documented in docs/vorlesen.1, and the German --help's in docs/vorlesen.de.1 (man -L de
# vorlesen); both pages render without warnings.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
# check_page PAGE LANG HEADING: HEADING is the --help title of the subcommand list in that language.
check_page() {
  local page=$1 lang=$2 heading=$3 name=${1##*/}
  # The page in plain text, with roff escapes for "-" removed.
  local text commands
  text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page")
  commands=$(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=$lang "$bin" --help |
             awk -v h="$heading:" '$0 == h {on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
  [[ -n $commands ]] || { fail "no subcommands under '$heading:' in --help ($lang)"; return; }
  for cmd in $commands; do
    grep -q "^\.B $cmd\b\|^\.B $cmd " <<<"$text" || fail "command '$cmd' is not documented in $name"
    for opt in $(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=$lang "$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
      grep -q -- "$opt" <<<"$text" || fail "option $opt of '$cmd' is not documented in $name"
    done
  done
  if command -v groff >/dev/null; then
    local warnings
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [[ -z $warnings ]] || fail "groff warnings in $name: $warnings"
  fi
}
check_page "$src/docs/vorlesen.1" C Subcommands
check_page "$src/docs/vorlesen.de.1" de_DE.UTF-8 Befehle
# The German page is German and covers the same sections as the English one.
[[ $(grep -c '^\.SH' "$src/docs/vorlesen.de.1") -eq $(($(grep -c '^\.SH' "$src/docs/vorlesen.1") + 0)) ]] ||
  fail "vorlesen.de.1 has $(grep -c '^\.SH' "$src/docs/vorlesen.de.1") sections, vorlesen.1 $(grep -c '^\.SH' "$src/docs/vorlesen.1")"
grep -q '^\.SH BESCHREIBUNG' "$src/docs/vorlesen.de.1" || fail "vorlesen.de.1 is not German"
finish
