#!/usr/bin/env bash
# Search, paragraph keys, mouse click, colour themes and stopping by signal.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
FIXTURE="$SRC/tests/fixtures/ui_article.txt"
mapfile -t SENTENCES < "$SRC/tests/fixtures/ui_article.sentences.txt"
sentence_is() { [ "$(ui_sentence_number)" = "$1" ] && [ "$(ui_highlight)" = "${SENTENCES[$(($1 - 1))]}" ]; }

UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null --from-start "$FIXTURE"
ui_wait_playing
t send-keys -t ui Space

# / searches case-insensitively (umlauts too) and jumps to the sentence with the match.
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui /
ui_wait "the search prompt" '[ "$(ui_status)" = "/" ]'
t send-keys -t ui -l "UMWELTVERBÄNDEN"
ui_jump Enter "the sentence with Umweltverbänden" 'sentence_is 8'
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui /
t send-keys -t ui -l "gibt es nicht"
t send-keys -t ui Enter
ui_wait "not found" 'ui_status | grep -q "^not found: gibt es nicht | Paused"'

# Down / j: next paragraph; Up / k back; G / g to the ends.
ui_jump j "the next paragraph" 'sentence_is 11'
ui_jump Up "back to the previous paragraph" 'sentence_is 8'
ui_jump G "the last sentence" 'sentence_is 13'
ui_jump g "the first sentence" 'sentence_is 1'

# A mouse click (xterm protocol: ESC [ M, button, column+33, row+33) on sentence 4's row.
ui_wait "paused" 'ui_status | grep -q "^Paused"'
row=$(ui_plain | grep -n "^überwiegend zufrieden" | cut -d: -f1)
[ -n "$row" ] || fail "row of sentence 4 not found"
click=$(printf '\033[M %s%s\033[M#%s%s' "$(printf "\\$(printf %o 36)")" "$(printf "\\$(printf %o $((32 + row)))")" \
  "$(printf "\\$(printf %o 36)")" "$(printf "\\$(printf %o $((32 + row)))")")
t send-keys -t ui -l "$click"
sleep 0.2
t send-keys -t ui Space
ui_wait "the clicked sentence" 'sentence_is 4'

# SIGTERM: the screen closes, the terminal is restored, exit status 128+15.
kill -TERM "$(ui_pid)"
ui_wait "the screen to close" '[ "$(t display -p -t ui "#{alternate_on}")" = 0 ]'
sleep 0.2
t send-keys -t ui -l 'echo "status-$?"'
t send-keys -t ui Enter
ui_wait "exit status 143" 'ui_plain | grep -q "^status-143"'
ui_check_restored
ui_kill

# A crash (SIGSEGV) still gives the terminal back: the handler resets it before the process dies.
UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null --from-start "$FIXTURE"
ui_wait_playing
kill -SEGV "$(ui_pid)"
ui_check_restored
ui_kill

# --theme high-contrast: the sentence black (30) on yellow (43), without NO_COLOR.
ui_start "$BIN" play --device null --from-start --theme high-contrast "$FIXTURE"
ui_wait_playing
ui_wait "black on yellow" 'ui_screen | head -n 23 | grep $'"'"'\033\[43m'"'"' | grep -q $'"'"'\033\[30m'"'"
t send-keys -t ui q
ui_check_restored
echo "ok"
