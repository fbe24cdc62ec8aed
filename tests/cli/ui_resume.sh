#!/usr/bin/env bash
# Resume: quit in the middle, reopen, the position is offered and taken; --from-start skips it.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
FIXTURE="$SRC/tests/fixtures/ui_article.txt"

UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null "$FIXTURE"
ui_wait_playing
t send-keys -t ui l l l l
ui_wait "sentence 5" '[ "$(ui_sentence_number)" -ge 5 ]'
t send-keys -t ui Space
ui_wait "paused" 'ui_status | grep -q "^Paused"'
left_at=$(ui_sentence_number)
t send-keys -t ui q
ui_check_restored
grep -q "	$((left_at - 1))	" "$XDG_STATE_HOME/vorlesen/positions.tsv" || fail "position $left_at not in the state file"

# Reopen: the question names the sentence; Enter continues there.
t send-keys -t ui -l "clear; $(printf '%q ' "$BIN" play --device null "$FIXTURE")"
t send-keys -t ui Enter
ui_wait "the resume question" 'ui_status | grep -q "Continue at sentence $left_at?"'
t send-keys -t ui Enter
ui_wait "playing from sentence $left_at" 'ui_status | grep -Eq "^(Playing|Paused) \| sentence ($left_at|$((left_at + 1))) of"'
t send-keys -t ui q
ui_check_restored

# --from-start: no question, sentence 1.
t send-keys -t ui -l "clear; $(printf '%q ' "$BIN" play --device null --from-start "$FIXTURE")"
t send-keys -t ui Enter
ui_wait "playing from the start" 'ui_status | grep -q "^Playing | sentence 1 of"'
t send-keys -t ui q
ui_check_restored
echo "ok"
