#!/usr/bin/env bash
# Moving by structure (issue 19) on the reading screen and in plain mode, each key in a tmux pane
# with the null device: u/U next/previous heading, i/I next/previous list, b the body's first
# sentence, w "where am I" (shown, spoken, and the place kept), t the table of contents (the cursor
# on the selected line, Enter jumps, Esc closes); and a heading read from the HTML fixture.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
export VORLESEN_DATA_DIR=$SRC/voices
FIXTURE="$SRC/tests/fixtures/style/struktur.html"
highlight_is() { [ "$(ui_highlight)" = "$1" ]; }

# The blocks the keys move between (checked here, so a change in extraction fails clearly).
kinds=$("$BIN" extract --kinds "$FIXTURE") || fail "extract failed"
for want in $'title\tDer Wald im Wandel' $'heading\tTrockene Sommer' $'heading\tAusblick' \
            $'item\tDie Bestände gründlich auf Schäden und Schädlinge untersuchen lassen.'; do
  grep -qF "$want" <<<"$kinds" || fail "extract --kinds lacks '$want': $kinds"
done

UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null --from-start "$FIXTURE"
ui_wait_playing
t send-keys -t ui Space
ui_jump u "the first heading" 'highlight_is "Trockene Sommer"'
ui_jump u "the next heading" 'highlight_is "Was Waldbesitzer tun können"'
ui_jump i "the list" 'highlight_is "Die Bestände gründlich auf Schäden und Schädlinge untersuchen lassen."'
ui_jump U "back to the heading" 'highlight_is "Was Waldbesitzer tun können"'
ui_jump b "the body's first sentence" 'ui_highlight | grep -q "^Der Wald verändert sich schneller"'
ui_jump I "no previous list: stays" 'ui_status | grep -q "^no previous list"'

# w: the position is shown (and spoken) and the sentence heard stays.
ui_wait "paused" 'ui_status | grep -q "^Paused"'
ui_jump u "the first heading again" 'highlight_is "Trockene Sommer"'
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui j
sleep 0.3
t send-keys -t ui w
ui_wait "where am I" 'ui_status | grep -q "^Abschnitt 1 von 3: Trockene Sommer, Absatz 1 | Playing"'
highlight_is "Drei trockene Sommer in Folge haben den Fichten schwer zugesetzt, sodass ganze Hänge kahl geworden sind und neu bepflanzt werden müssen." ||
  fail "where am I lost the place: $(ui_highlight)"

# t: the table of contents, the current section selected, the cursor on it.
t send-keys -t ui t
ui_wait "the contents" 'ui_plain | grep -q "Contents"'
for entry in "Der Wald im Wandel" "Trockene Sommer" "Was Waldbesitzer tun können" "Ausblick"; do
  ui_plain | grep -q "$entry" || fail "contents lack '$entry'"
done
row=$(ui_plain | grep -n "  Trockene Sommer" | head -1 | cut -d: -f1)
[ "$(t display -p -t ui '#{cursor_y}')" = $((row - 1)) ] || fail "cursor not on the selected entry (row $row)"
t send-keys -t ui Down
t send-keys -t ui Down
sleep 0.2
row=$(ui_plain | grep -n "  Ausblick" | head -1 | cut -d: -f1)
[ "$(t display -p -t ui '#{cursor_y}')" = $((row - 1)) ] || fail "cursor did not follow Down (row $row)"
t send-keys -t ui Enter
ui_wait "the heading chosen" 'highlight_is "Ausblick"'
ui_plain | grep -q "Contents" && fail "Enter left the contents open"
t send-keys -t ui t
ui_wait "the contents again" 'ui_plain | grep -q "Contents"'
t send-keys -t ui Escape
ui_wait "Esc closes the contents" '! ui_plain | grep -q "Contents"'
t send-keys -t ui q
ui_check_restored
ui_kill

# Plain mode: the same keys print the sentence reached; w prints the position; --announce is accepted.
out=$UI_TMP/plain.out
rm -f "$UI_TMP/rc"
t -f "$UI_TMP/tmux.conf" new-session -d -s plain -x 150 -y 40 \
  "'$BIN' play --plain --announce --device null '$FIXTURE' >'$out'; echo \"exit \$?\" >'$UI_TMP/rc'; sleep 30"
ui_wait "the first sentence" '[ -s "$out" ]'
t send-keys -t plain ' '
ui_wait "paused" 'grep -qx "\[paused\]" "$out"'
last_is() { [ "$(tail -1 "$out")" = "$1" ]; }
t send-keys -t plain u; ui_wait "u" 'last_is "Trockene Sommer"'
t send-keys -t plain i; ui_wait "i" 'last_is "Die Bestände gründlich auf Schäden und Schädlinge untersuchen lassen."'
t send-keys -t plain i; ui_wait "no next list" 'last_is "[no next list]"'
t send-keys -t plain U; ui_wait "U" 'last_is "Was Waldbesitzer tun können"'
t send-keys -t plain I; ui_wait "I" 'last_is "[no previous list]"'
t send-keys -t plain b; ui_wait "b" 'tail -1 "$out" | grep -q "^Der Wald verändert sich schneller"'
t send-keys -t plain w; ui_wait "w" 'grep -qx "\[Vor der ersten Überschrift, Absatz 1\]" "$out"'
t send-keys -t plain q
ui_wait "plain mode to quit" '[ -s "$UI_TMP/rc" ]'
[ "$(cat "$UI_TMP/rc")" = "exit 0" ] || fail "plain mode: $(cat "$UI_TMP/rc")"
echo "ok"
