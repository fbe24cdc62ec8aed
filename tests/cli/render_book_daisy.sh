#!/usr/bin/env bash
# DAISY 2.02 talking books (issue 21): the folder and the .zip pass the rules a program can check
# (lib/book_check.py daisy), and daisy-player, the Debian terminal player for blind readers, opens the
# book in tmux: it lists the book's title, the articles and their headings as items (headings indented
# a level deeper), plays the title and goes on to the first article by itself (so it read the clips),
# moves between items with its keys (cursor down/up, `l` for the next level), shows each item's title
# on the line the cursor is on (what a braille display shows), plays the chosen item on Enter, and
# sound reaches the (PulseAudio null) sink.
set -uo pipefail
bin=$1 src=$2
source "$src/tests/cli/lib.bash"
source "$src/tests/cli/lib/pulse.bash"
tmp=$(mktemp -d)
SOCKET="vorlesen-daisy-$$"
cleanup() {
  # tmux leaves its socket file behind when the server is killed.
  local socket
  socket=$(tmux -L "$SOCKET" display -p -t dp '#{socket_path}' 2>/dev/null)
  tmux -L "$SOCKET" kill-server 2>/dev/null
  rm -f "${socket:-${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET}"
  pulse_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
export LC_ALL=C.UTF-8
fx=$src/tests/fixtures
check=$src/tests/cli/lib/book_check.py

inputs=("$fx/extract/magazin.html" "$fx/render/artikel.txt" "$fx/book/sonderzeichen.html" "$fx/extract/nachrichten.html")
"$bin" render "${inputs[@]}" -f daisy -o "$tmp/buch" -j 2 -q 2>"$tmp/err" || fail "render -f daisy: $(cat "$tmp/err")"
python3 "$check" daisy "$tmp/buch" || fail "the DAISY folder breaks a rule"
"$bin" render "${inputs[@]}" -f daisy -o "$tmp/buch.zip" -j 2 -q 2>"$tmp/err" || fail "render -f daisy .zip: $(cat "$tmp/err")"
mkdir "$tmp/unzipped" && (cd "$tmp/unzipped" && unzip -q "$tmp/buch.zip") || fail "unzip buch.zip"
python3 "$check" daisy "$tmp/unzipped/buch" || fail "the zipped DAISY book breaks a rule"
[[ $(ls "$tmp/buch") == "$(ls "$tmp/unzipped/buch")" ]] || fail "the .zip holds other files than the folder"
for f in "$tmp"/buch/*.mp3; do cmp -s "$f" "$tmp/unzipped/buch/${f##*/}" || fail "${f##*/} differs in the .zip"; done

# The items daisy-player should list: ncc.html's headings, with their level.
python3 - "$tmp/buch/ncc.html" >"$tmp/items" <<'EOF' || fail "ncc.html"
import re, sys, xml.etree.ElementTree as ET
body = ET.parse(sys.argv[1]).getroot().find("{http://www.w3.org/1999/xhtml}body")
for h in body:
    print(h.tag[-1] + "\t" + "".join(h.itertext()).strip())
EOF
mapfile -t items <"$tmp/items"
[[ ${#items[@]} -eq 8 && ${items[0]} == $'1\tbuch' ]] || fail "ncc.html headings: ${items[*]}"

for tool in daisy-player tmux cc; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (scripts/setup --test)"; finish; exit 77; }
done
cc -shared -fPIC -O2 -o "$tmp/shim.so" "$src/tests/cli/lib/daisy_player_shim.c" -ldl || fail "building the shim"
pulse_start "$tmp/pulse" || { echo "PulseAudio cannot start here"; finish; exit 77; }
trap cleanup EXIT  # pulse_start set its own; cleanup stops PulseAudio too
pulse_record "$tmp/played.raw"

t() { tmux -L "$SOCKET" "$@"; }
screen() { t capture-pane -p -t dp; }
# The row the cursor is on: what a braille display following the cursor shows.
item_line() { local y; y=$(t display -p -t dp '#{cursor_y}'); screen | sed -n "$((y + 1))p"; }
# An item row's label: the text before the leader dots.
label() { sed -e 's/^ *//' -e 's/ *\( \.\)\{1,\}.*$//' -e 's/ *$//'; }
wait_for() {  # DESCRIPTION SHELL-CONDITION
  local deadline=$((SECONDS + 20))
  until eval "$2"; do
    ((SECONDS < deadline)) || { fail "timed out waiting for $1; screen:"$'\n'"$(screen)"; finish; }
    sleep 0.2
  done
}
printf 'set -g status off\n' >"$tmp/tmux.conf"
t -f "$tmp/tmux.conf" new-session -d -s dp -x 80 -y 25 \
  "env HOME=$HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR PULSE_RUNTIME_PATH=$PULSE_RUNTIME_PATH LC_ALL=C.UTF-8 \
   LD_PRELOAD=$tmp/shim.so daisy-player -n '$tmp/buch'; echo daisy-player exited \$?; sleep 60"
wait_for "the item list" 'screen | grep -q "total length"'

# Every heading of ncc.html is an item, in order, indented by its level.
screen | sed -n '3,10p' >"$tmp/rows"
for i in "${!items[@]}"; do
  level=${items[$i]%%$'\t'*} want=${items[$i]#*$'\t'}
  row=$(sed -n "$((i + 1))p" "$tmp/rows")
  [[ $(label <<<"$row") == "$want" ]] || fail "item $((i + 1)): '$(label <<<"$row")', expected '$want'"
  indent=$(sed 's/[^ ].*//' <<<"$row" | wc -c)
  [[ $indent -eq $((3 * level)) ]] || fail "item '$want' is indented $((indent - 1)), expected $((3 * level - 1))"
done
# Its total length is the book's (ncc:totalTime; daisy-player drops the fraction of its clip sum).
total=$(sed -n 's/.*ncc:totalTime" content="\([0-9:]*\)".*/\1/p' "$tmp/buch/ncc.html")
shown=$(screen | sed -n 's/.*total length: \([0-9:]*\).*/\1/p')
secs() { IFS=: read -r h m s <<<"$1"; echo $((10#$h * 3600 + 10#$m * 60 + 10#$s)); }
(($(secs "$shown") - $(secs "$total") <= 0 && $(secs "$total") - $(secs "$shown") <= 1)) ||
  fail "daisy-player shows a total length of $shown, the book says $total"

# It plays the spoken title first and goes on to the first article by itself: its row shows the time.
wait_for "the first article to play" 'screen | sed -n 4p | grep -qE "[0-9]{2}:[0-9]{2} +[0-9]{2}:[0-9]{2} *$"'
t send-keys -t dp s  # stop, so that the cursor moves only with the keys
titles=()
for item in "${items[@]}"; do titles+=("${item#*$'\t'}"); done
# press KEY N: after KEY the cursor line shows item N (from 0) of ncc.html.
press() {
  [[ -n $1 ]] && t send-keys -t dp "$1"
  wait_for "'${titles[$2]}' on the cursor line after '$1'" '[[ $(item_line | label) == "${titles['"$2"']}" ]]'
}
press "" 1
# Level 1: the articles only, the cursor line shows their titles.
press Down 3
press Up 1
# Level 2: headings too.
t send-keys -t dp l
wait_for "level 2" 'screen | grep -q "level: 2 of 2"'
press Down 2
press Down 3
# Enter plays the item under the cursor: its row starts counting.
t send-keys -t dp Enter
wait_for "the second article to play" 'item_line | grep -qE "[0-9]{2}:[0-9]{2} +[0-9]{2}:[0-9]{2} *$"'
sleep 1
t send-keys -t dp q
wait_for "daisy-player to quit" 'screen | grep -q "daisy-player exited 0"'
pulse_stop_recording
python3 "$src/tests/cli/lib/audio_segments.py" "$tmp/played.raw" >"$tmp/segments"
# The spoken title, then speech of the articles.
awk '{ sound += $2 - $1 } END { exit !(NR >= 2 && sound >= 1) }' "$tmp/segments" ||
  fail "too little sound reached the sink: $(tr '\n' ' ' <"$tmp/segments")"
finish
