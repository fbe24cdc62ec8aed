#!/usr/bin/env bash
# The reading screen speaks the user's language: status line, help overlay and resume question in
# German (LANG=de_DE.UTF-8, which needs no generated de_DE locale: the program falls back to C.UTF-8
# and picks the catalogue through LANGUAGE) and in English (LANG=C.UTF-8); the keys are the same.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
FIXTURE="$SRC/tests/fixtures/ui_article.txt"

# Plays, checks the status line and the help overlay, moves to sentence 4 and quits there.
# $1 = LANG, $2 = the status line's pattern while playing, $3 = paused, $4 = help title, $5 = a help row
check_screen() {
  local lang=$1 playing=$2 paused=$3 title=$4 row=$5
  UI_ENV="NO_COLOR=1 LANG=$lang" ui_start "$BIN" play --device null --from-start "$FIXTURE"
  ui_wait "the status line ($lang)" "ui_status | grep -Eq '$playing'"
  local status; status=$(ui_status | sed 's/ *$//')
  [ ${#status} -le 80 ] || fail "status line wider than 80 columns ($lang): '$status'"
  echo "status line ($lang, ${#status} columns): $status"
  t send-keys -t ui Space
  ui_wait "paused ($lang)" "ui_status | grep -Eq '$paused'"
  t send-keys -t ui '?'
  ui_wait "the help overlay ($lang)" "ui_plain | grep -q ' $title '"
  ui_plain | grep -Eq "$row" || fail "help overlay ($lang) lacks '$row'"
  t send-keys -t ui x  # any key closes it
  ui_wait "the overlay closed ($lang)" "! ui_plain | grep -q ' $title '"
  t send-keys -t ui l l l
  sleep 0.3
  t send-keys -t ui q
  ui_check_restored
}

# Reopens the article: the question names the sentence where it was left.
# $1 = LANG, $2 = the expected question, $3 = the key that answers yes
check_resume() {
  local lang=$1 question=$2 yes=$3
  local left_at
  left_at=$(awk -F'\t' 'NR > 1 { print $2 + 1; exit }' "$XDG_STATE_HOME/vorlesen/positions.tsv")
  [ -n "$left_at" ] || fail "no position remembered"
  question=${question//N/$left_at}
  t send-keys -t ui -l "clear; env LANG=$lang $(printf '%q ' "$BIN" play --device null "$FIXTURE")"
  t send-keys -t ui Enter
  ui_wait "the resume question ($lang)" "ui_status | grep -qF '$question'"
  echo "resume question ($lang): $(ui_status | sed 's/ *$//')"
  t send-keys -t ui "$yes"
  ui_wait "reading on from sentence $left_at ($lang)" "ui_status | grep -Eq '(Satz|sentence) ($left_at|$((left_at + 1))) (von|of)'"
  t send-keys -t ui q
  ui_check_restored
}

check_screen de_DE.UTF-8 '^Läuft \| Satz [0-9]+ von [0-9]+\+? \| [0-9:]+, noch [0-9:]+ \| Tempo 175 \| Lautst\. 100 \| de \| \? Hilfe' \
  '^Pause \| Satz [0-9]+ von' 'Tasten' 'Leertaste +anhalten / fortsetzen'
check_resume de_DE.UTF-8 "Bei Satz N weiterlesen? Enter/j ja, n von vorn, q beenden" j
# A reading list of two articles in an 80-column pane: "Artikel 1 von 2" joins the German status line,
# which still fits with sentence, time left, rate and volume (the voice, elapsed time and help hint
# give way first, as in English).
# $1 = LANG, $2 = the status line's pattern
check_list_status() {
  local lang=$1 pattern=$2
  UI_ENV="NO_COLOR=1 LANG=$lang" ui_start "$BIN" play --device null --from-start "$FIXTURE" "$FIXTURE"
  ui_wait "the reading list's status line ($lang)" "ui_status | grep -Eq '$pattern'"
  local status; status=$(ui_status | sed 's/ *$//')
  [ ${#status} -le 80 ] || fail "status line wider than 80 columns ($lang): '$status'"
  echo "reading list status line ($lang, ${#status} columns): $status"
  t send-keys -t ui q
  ui_check_restored
}

check_list_status de_DE.UTF-8 '^Läuft \| Artikel 1 von 2 \| Satz [0-9]+ von [0-9]+\+? \| ([0-9:]+, )?noch [0-9:]+ \| Tempo 175 \| Lautst\. 100'
check_list_status C.UTF-8 '^Playing \| article 1 of 2 \| sentence [0-9]+ of [0-9]+\+? \| ([0-9:]+, )?[0-9:]+ left \| 175 wpm \| vol 100'
check_screen C.UTF-8 '^Playing \| sentence [0-9]+ of [0-9]+\+? \| [0-9:]+, [0-9:]+ left \| 175 wpm \| vol 100 \| de \| \? help' \
  '^Paused \| sentence [0-9]+ of' 'Keys' 'space +pause / resume'
check_resume C.UTF-8 "Continue at sentence N? Enter/y yes, n from the start, q quit" y
echo "ok"
