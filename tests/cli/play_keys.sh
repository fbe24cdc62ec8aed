#!/usr/bin/env bash
# Plain mode's single keys, on a terminal (a tmux pane) with the null device: pausing prints
# "[paused]"; moving through the text while paused prints each sentence reached at once; the
# reading screen's keys (l, j, arrows) do the same as n/N/p/P; q quits with exit 0. Bursts of rate
# and volume keys, faster than the engine publishes its state: every confirmation names the value
# the player then has (the limits 80-450 and 0-200 included), in order.
set -uo pipefail
bin=$1 src=$2
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
fail() { echo "FAIL: $*"; echo "--- pane:"; t capture-pane -p -t keys 2>/dev/null; exit 1; }
. "$src/tests/cli/plain_lib.bash"

printf 'Erster Satz. Zweiter Satz. Dritter Satz.\n\nNeuer Absatz hier. Noch ein Satz.\n\nLetzter Absatz.\n' >"$work/t.txt"

t new-session -d -s keys -x 100 -y 30 \
  "'$bin' play --plain --device null '$work/t.txt'; echo \"exit \$?\" >'$work/rc'; sleep 30"
wait_for 1 "Erster Satz."
t send-keys -t keys ' '
wait_for 2 "[paused]"
t send-keys -t keys l
wait_for 3 "Zweiter Satz."
t send-keys -t keys Right
wait_for 4 "Dritter Satz."
t send-keys -t keys j
wait_for 5 "Neuer Absatz hier."
t send-keys -t keys Up
wait_for 6 "Erster Satz."
t send-keys -t keys N
wait_for 7 "Neuer Absatz hier."
# Still paused all along: nothing else was printed. Resume, then quit.
t send-keys -t keys ' '
wait_for 8 "[playing]"
t send-keys -t keys q
for i in $(seq 50); do [[ -s $work/rc ]] && break; sleep 0.1; done
[[ $(cat "$work/rc" 2>/dev/null) == "exit 0" ]] || fail "q: $(cat "$work/rc" 2>/dev/null)"
t kill-server 2>/dev/null

# Bursts: the keys arrive together; each is confirmed with the state after it took effect.
python3 -c 'print("Ein Satz, der etwas dauert. " * 40)' >"$work/long.txt"
rm -f "$work/rc"
t new-session -d -s keys -x 100 -y 30 \
  "'$bin' play --plain --device null '$work/long.txt' >'$work/out'; echo \"exit \$?\" >'$work/rc'; sleep 30"
for i in $(seq 100); do [[ -s $work/out ]] && break; sleep 0.1; done
keys='' expected=() rate=175 volume=100
burst() {  # KEY COUNT: COUNT presses of KEY, and the confirmations they must give
  local key=$1 n=$2 i
  for ((i = 0; i < n; i++)); do
    keys+=$key
    case $key in
      +) rate=$((rate + 20 > 450 ? 450 : rate + 20)) ;;
      -) rate=$((rate - 20 < 80 ? 80 : rate - 20)) ;;
      '>' | ']') volume=$((volume + 10 > 200 ? 200 : volume + 10)) ;;
      '<' | '[') volume=$((volume - 10 < 0 ? 0 : volume - 10)) ;;
    esac
    case $key in
      + | -) expected+=("[rate $rate words/min]") ;;
      *) expected+=("[volume $volume]") ;;
    esac
  done
}
burst + 15; burst - 25; burst + 3; burst '>' 12; burst '<' 25; burst ']' 4; burst - 2; burst '[' 1; burst + 30
t send-keys -t keys -l "$keys"
for i in $(seq 100); do [[ $(grep -c '^\[' "$work/out") -ge ${#expected[@]} ]] && break; sleep 0.1; done
t send-keys -t keys q
for i in $(seq 50); do [[ -s $work/rc ]] && break; sleep 0.1; done
[[ $(cat "$work/rc" 2>/dev/null) == "exit 0" ]] || fail "burst: $(cat "$work/rc" 2>/dev/null)"
mapfile -t got < <(grep '^\[' "$work/out")
[[ ${#got[@]} == "${#expected[@]}" ]] || fail "burst: ${#got[@]} confirmations for ${#expected[@]} keys"
for i in "${!expected[@]}"; do
  [[ ${got[$i]} == "${expected[$i]}" ]] || fail "burst: key $((i + 1)) confirmed '${got[$i]}', the player has '${expected[$i]}'"
done
echo ok
