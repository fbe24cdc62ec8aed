#!/usr/bin/env bash
# The reading screen in a real terminal (tmux): the article wrapped, the highlight following the
# engine, pause, next sentence, resize, help, quit with the terminal restored.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"

FIXTURE="$SRC/tests/fixtures/ui_article.txt"
mapfile -t SENTENCES < "$SRC/tests/fixtures/ui_article.sentences.txt"

# 1. The shared article (or, without ../shared, the fixture) is shown word-wrapped at 80 columns:
#    every row is a piece of the text, and two consecutive rows of a paragraph continue each other
#    across one space, so no word was cut or lost at a break.
ARTICLE=$FIXTURE
if [ -n "${VORLESEN_SHARED_DIR:-}" ] && [ -f "$VORLESEN_SHARED_DIR/articles/handelsblatt-deepseek.txt" ]; then
  ARTICLE="$VORLESEN_SHARED_DIR/articles/handelsblatt-deepseek.txt"
fi
UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null --from-start "$ARTICLE"
ui_wait_playing
FLAT=$(tr -s ' \t\r\n' '    ' < "$ARTICLE")
mapfile -t ROWS < <(ui_plain | head -n 23 | sed 's/ *$//')
long=0 prev=""
for row in "${ROWS[@]}"; do
  if [ -n "$row" ]; then
    [ ${#row} -le 80 ] || fail "row wider than the terminal: $row"
    [ ${#row} -gt 60 ] && long=$((long + 1))
    case "$FLAT" in *"$row"*) ;; *) fail "row not from the article: '$row'" ;; esac
    if [ -n "$prev" ]; then
      case "$FLAT" in *"$prev $row"*) ;; *) fail "rows do not continue each other: '$prev' / '$row'" ;; esac
    fi
  fi
  prev=$row
done
[ $long -ge 3 ] || fail "expected long, wrapped rows from $ARTICLE"
t send-keys -t ui q
ui_wait "exit" '[ "$(t display -p -t ui "#{alternate_on}")" = 0 ]'
ui_kill

# 2. The fixture: the highlighted text is the sentence the status line (the engine) says is heard.
UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null --from-start "$FIXTURE"
ui_wait_playing
highlight_matches() {
  local n hl
  n=$(ui_sentence_number)
  hl=$(ui_highlight)
  [ -n "$n" ] && [ "$hl" = "${SENTENCES[$((n - 1))]}" ]
}
ui_wait "the highlight on the sentence heard" highlight_matches
first=$(ui_sentence_number)
ui_wait "the highlight to advance with time" '[ "$(ui_sentence_number)" -gt "$first" ] && highlight_matches'
# The cursor sits on the first character of the highlighted sentence (screen readers follow it).
hl=$(ui_highlight)
cy=$(t display -p -t ui '#{cursor_y}') cx=$(t display -p -t ui '#{cursor_x}')
row=$(ui_plain | sed -n "$((cy + 1))p")
[ "${row:$cx:${#hl}}" = "${hl:0:$(( ${#row} - cx ))}" ] || fail "cursor ($cx,$cy) not at the sentence start: '$row'"

# 3. Space pauses: the status says so and the highlight stays put.
t send-keys -t ui Space
ui_wait "Paused in the status line" 'ui_status | grep -q "^Paused | sentence"'
paused_at=$(ui_sentence_number) paused_hl=$(ui_highlight | cut -d' ' -f1-3)
sleep 2
[ "$(ui_sentence_number)" = "$paused_at" ] || fail "the sentence changed while paused"
[ "$(ui_highlight | cut -d' ' -f1-3)" = "$paused_hl" ] || fail "the highlight moved while paused"

# Paused, nothing changes, so (almost) nothing is sent to the terminal: no repaint per tick.
t pipe-pane -t ui -o "cat > '$UI_TMP/paused.out'"
sleep 1.5
t pipe-pane -t ui
bytes=$(wc -c < "$UI_TMP/paused.out")
[ "$bytes" -lt 200 ] || fail "$bytes bytes sent to the terminal in 1.5 s while paused"

# 4. Right arrow: the next sentence is highlighted (pressed while paused, shown once resumed: the
#    engine reports what is heard).
ui_jump Right "sentence $((paused_at + 1)) after Right" '[ "$(ui_sentence_number)" = $((paused_at + 1)) ] && highlight_matches'
t send-keys -t ui Space
ui_wait "playing again" 'ui_status | grep -q "^Playing"'

# Playing: only the changed rows and the status go out, far less than a full screen per 50 ms tick.
t pipe-pane -t ui -o "cat > '$UI_TMP/playing.out'"
sleep 2
t pipe-pane -t ui
bytes=$(wc -c < "$UI_TMP/playing.out")
[ "$bytes" -lt 6000 ] || fail "$bytes bytes sent to the terminal in 2 s of playing (a repaint per tick?)"

# 5. Resize to 40 columns: re-wrapped, the highlight still on screen and still the right sentence.
t resize-window -t ui -x 40 -y 24
ui_wait "rows of at most 40 columns" '[ "$(ui_plain | head -n 23 | wc -L)" -le 40 ]'
ui_wait "the highlight visible after the resize" highlight_matches
[ "$(ui_plain | head -n 23 | grep -c .)" -ge 10 ] || fail "text missing after the resize"

# 6. ? shows the help listing the keys; any key closes it.
t send-keys -t ui '?'
ui_wait "the help" 'ui_plain | grep -q "pause / resume" && ui_plain | grep -q "next paragraph"'
t send-keys -t ui x
ui_wait "the help closed" '! ui_plain | grep -q "pause / resume"'

# 7. q quits and gives the terminal back.
t send-keys -t ui q
ui_check_restored
echo "ok"
