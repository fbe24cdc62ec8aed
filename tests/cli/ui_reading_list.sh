#!/usr/bin/env bash
# A reading list on the screen (`vorlesen play A B C`): the status line says "article i of n"; a and
# A go to the next and previous article, each article keeping its position in the session; a missing
# input is skipped and reported once the screen closed; the end of an article starts the next; on
# quitting, the list is remembered and the next start offers to continue at the article heard last.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
L=$UI_TMP/list
mkdir -p "$L"
printf 'Der erste Artikel.\n\nEr beginnt mit einem Satz. Dann kommt ein zweiter Satz. Ein dritter Satz folgt. Der vierte Satz ist der letzte.\n' >"$L/eins.txt"
printf 'Der zweite Artikel.\n\nEr ist kurz.\n' >"$L/zwei.txt"
printf 'Der dritte Artikel.\n\nHier steht ein Satz. Und hier noch einer. Das ist der dritte Satz.\n' >"$L/drei.txt"
LIST=("$L/eins.txt" "$L/fehlt.txt" "$L/zwei.txt" "$L/drei.txt")
at() { ui_status | grep -Eq "(Playing|Paused) \| article $1 of 4 \| sentence $2 of"; }

UI_ENV="NO_COLOR=1" ui_start "$BIN" play --device null "${LIST[@]}"
ui_wait "article 1, sentence 1" 'at 1 1'
t send-keys -t ui Space
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui l
ui_wait "article 1, sentence 2" 'at 1 2'
# a: the missing input is passed over.
t send-keys -t ui a
ui_wait "article 3 of 4" 'at 3 1'
ui_plain | grep -q "^Er ist kurz." || fail "article 3 not shown"
ui_plain | grep -q "Er beginnt mit" && fail "article 1 still shown"
# A: back to article 1, where it was left.
t send-keys -t ui Space
t send-keys -t ui A
ui_wait "article 1 again, at sentence 2" 'at 1 2'
ui_plain | grep -q "^Er beginnt mit" || fail "article 1 not shown again"
# At the first article, A says so and stays.
t send-keys -t ui A
ui_wait "the first article notice" 'ui_status | grep -q "^This is the first article. | .* article 1 of 4"'
# The end of article 3 (two short sentences) starts article 4 by itself.
t send-keys -t ui a
ui_wait "article 3" 'at 3 1'
UI_TIMEOUT=30 ui_wait "article 4 started by itself" 'at 4 1'
t send-keys -t ui Space
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui l
ui_wait "article 4, sentence 2" 'at 4 2'
t send-keys -t ui a
ui_wait "the last article notice" 'ui_status | grep -q "^This is the last article. | Paused | article 4 of 4 | sentence 2"'
# The status line stays within the 80 columns of the pane.
[ "$(ui_status | sed 's/ *$//' | wc -L)" -le 80 ] || fail "status line too long"
t send-keys -t ui q
ui_check_restored
ui_plain | tr -d "\n" | grep -q "warning: .*fehlt.txt: cannot open.*(this article is skipped)" || fail "the missing input was not reported"
state=$XDG_STATE_HOME/vorlesen/positions.tsv
grep -q "	3	0	.*	reading list of 4$" "$state" || fail "list position not remembered: $(cat "$state")"

# Again: the question names the article heard last; Enter continues there, at its sentence.
t send-keys -t ui -l "clear; $(printf '%q ' "$BIN" play --device null "${LIST[@]}")"
t send-keys -t ui Enter
ui_wait "the resume question" 'ui_status | grep -q "Continue with article 4 of 4 at sentence 2?"'
t send-keys -t ui Enter
ui_wait "article 4 at sentence 2" 'ui_status | grep -Eq "(Playing|Paused) \| article 4 of 4 \| sentence [23] of"'
# Article 1 was left at sentence 2 in the first session: reached again, it continues there.
t send-keys -t ui Space
ui_wait "paused" 'ui_status | grep -q "^Paused"'
t send-keys -t ui A
ui_wait "article 3 (the missing input passed over)" 'at 3 1'
t send-keys -t ui A
ui_wait "article 1 at sentence 2" 'at 1 2'
t send-keys -t ui q
ui_check_restored

# n: the list from its first article, from the start.
t send-keys -t ui -l "clear; $(printf '%q ' "$BIN" play --device null "${LIST[@]}")"
t send-keys -t ui Enter
ui_wait "the resume question" 'ui_status | grep -q "Continue with article 1 of 4 at sentence"'
t send-keys -t ui n
ui_wait "article 1 from the start" 'at 1 1'
t send-keys -t ui q
ui_check_restored

# A new list whose first input is missing starts at once with the second: nothing to ask.
printf 'Ein vierter Artikel.\n\nEr wurde noch nie gehört.\n' >"$L/vier.txt"
t send-keys -t ui -l "clear; $(printf '%q ' "$BIN" play --device null "$L/fehlt.txt" "$L/vier.txt")"
t send-keys -t ui Enter
ui_wait "article 2 of 2 without a question" 'ui_status | grep -Eq "(Playing|Finished) \| article 2 of 2 \| sentence"'
t send-keys -t ui q
ui_check_restored
echo "ok"
