#!/usr/bin/env bash
# A reading list in plain mode (`vorlesen play A B C`): each article is announced ("Article 2 of 3:
# TITLE") and the next starts by itself; inputs that cannot be read (a missing file, a link that
# fails, an empty file) are one warning line each and skipped; none readable: exit 1; "-" at most
# once. On a terminal (a tmux pane), a and A go to the next and previous article, which keeps its
# position, also while paused.
set -uo pipefail
bin=$1 src=$2
fail() { echo "FAIL: $*"; echo "--- pane:"; t capture-pane -p -t keys 2>/dev/null; exit 1; }
. "$src/tests/cli/plain_lib.bash"

printf 'Der erste Artikel.\n\nEins beginnt. Eins geht weiter. Eins hört auf.\n' >"$work/eins.txt"
printf 'Der zweite Artikel.\n\nZwei ist kurz.\n' >"$work/zwei.txt"
printf 'Der dritte Artikel.\n\nDrei beginnt. Drei endet.\n' >"$work/drei.txt"
: >"$work/leer.txt"

# Without a terminal: everything in order, the bad inputs reported and skipped, exit 0.
"$bin" play --device null "$work/eins.txt" "$work/fehlt.txt" http://nosuch.invalid/artikel "$work/zwei.txt" \
  "$work/leer.txt" - <"$work/drei.txt" >"$work/out" 2>"$work/err"
rc=$?
[[ $rc == 0 ]] || fail "list: exit $rc: $(cat "$work/err")"
expected="Article 1 of 6: Der erste Artikel.
Der erste Artikel.
Eins beginnt.
Eins geht weiter.
Eins hört auf.
Article 4 of 6: Der zweite Artikel.
Der zweite Artikel.
Zwei ist kurz.
Article 6 of 6: Der dritte Artikel.
Der dritte Artikel.
Drei beginnt.
Drei endet."
[[ $(cat "$work/out") == "$expected" ]] || fail "list output: $(cat "$work/out")"
[[ $(wc -l <"$work/err") == 3 ]] || fail "expected three warnings: $(cat "$work/err")"
grep -q "^vorlesen: warning: $work/fehlt.txt: .*(this article is skipped)$" "$work/err" || fail "missing file: $(cat "$work/err")"
grep -q "^vorlesen: warning: http://nosuch.invalid/artikel: .*(this article is skipped)$" "$work/err" ||
  fail "bad link: $(cat "$work/err")"
grep -q "^vorlesen: warning: $work/leer.txt: nothing to read aloud.*(this article is skipped)$" "$work/err" ||
  fail "empty file: $(cat "$work/err")"

# Later articles are read only when reached: a FIFO as the second input, which blocks whoever opens
# it until something is written, does not hold up the first article.
mkfifo "$work/later"
"$bin" play --device null "$work/zwei.txt" "$work/later" >"$work/out" 2>"$work/err" &
pid=$!
for i in $(seq 100); do grep -q "^Zwei ist kurz.$" "$work/out" && break; sleep 0.1; done
grep -q "^Zwei ist kurz.$" "$work/out" || { kill $pid; fail "the first article waited for the second: $(cat "$work/out" "$work/err")"; }
printf 'Der späte Artikel.\n\nEr kam zuletzt.\n' >"$work/later"
wait $pid || fail "FIFO list: exit $?: $(cat "$work/err")"
[[ $(tail -2 "$work/out") == $'Der späte Artikel.\nEr kam zuletzt.' ]] || fail "FIFO list: $(cat "$work/out")"

# None readable: each named, then the error of a bad input (exit 1).
"$bin" play --device null "$work/fehlt.txt" "$work/leer.txt" >"$work/out" 2>"$work/err"
rc=$?
[[ $rc == 1 && ! -s $work/out && $(wc -l <"$work/err") == 3 ]] || fail "none readable: exit $rc: $(cat "$work/err")"
[[ $(tail -1 "$work/err") == "vorlesen: none of the 2 inputs can be read" ]] || fail "none readable: $(cat "$work/err")"
# Standard input only once; a single bad input is reported as before (no "skipped").
"$bin" play --device null - - </dev/null >/dev/null 2>"$work/err"
[[ $? == 2 && $(wc -l <"$work/err") == 1 ]] || fail "- twice: $(cat "$work/err")"
"$bin" play --device null "$work/fehlt.txt" >/dev/null 2>"$work/err"
[[ $? == 1 && $(wc -l <"$work/err") == 1 ]] && ! grep -q skipped "$work/err" || fail "one bad input: $(cat "$work/err")"

# Keys on a terminal.
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
t new-session -d -s keys -x 100 -y 40 \
  "'$bin' play --plain --device null '$work/eins.txt' '$work/zwei.txt' '$work/drei.txt'; echo \"exit \$?\" >'$work/rc'; sleep 30"
wait_for 2 "Der erste Artikel."
t send-keys -t keys ' '
wait_for 3 "[paused]"
t send-keys -t keys n
wait_for 4 "Eins beginnt."
# a while paused: the next article is announced and its first sentence printed, still paused.
t send-keys -t keys a
wait_for 6 "Der zweite Artikel."
[[ $(lines | sed -n 5p) == "Article 2 of 3: Der zweite Artikel." ]] || fail "article 2 not announced"
# A: back to article 1, at the sentence where it was left.
t send-keys -t keys A
wait_for 8 "Eins beginnt."
[[ $(lines | sed -n 7p) == "Article 1 of 3: Der erste Artikel." ]] || fail "article 1 not announced"
t send-keys -t keys A
wait_for 9 "[This is the first article.]"
t send-keys -t keys a
wait_for 11 "Der zweite Artikel."
t send-keys -t keys a
wait_for 13 "Der dritte Artikel."
t send-keys -t keys a
wait_for 14 "[This is the last article.]"
# Playing on: the end of the last article ends the session.
t send-keys -t keys ' '
wait_for 15 "[playing]"
for i in $(seq 100); do [[ -s $work/rc ]] && break; sleep 0.1; done
[[ $(cat "$work/rc" 2>/dev/null) == "exit 0" ]] || fail "end of the list: $(cat "$work/rc" 2>/dev/null)"
lines | tail -2 | tr '\n' '|' | grep -q "^Drei beginnt.|Drei endet.|$" || fail "article 3 not read to its end"
echo ok
