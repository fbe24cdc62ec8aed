#!/usr/bin/env bash
# The reading screen with a real sound server (a private PulseAudio daemon with a null sink):
# 1. warnings (invalid UTF-8 in the input, a bad lexicon line) show in the status line while the
#    screen is up and are all on stderr after it closed;
# 2. the sound server killed during playback: the screen closes, the terminal is restored, and the
#    program exits with 3 (no usable audio device) and one line naming the device, as plain mode does.
# Skips (77) when tmux is missing or PulseAudio cannot start.
# $1 = the vorlesen binary, $2 = the source tree.
BIN=$1 SRC=$2
. "$SRC/tests/cli/ui_lib.bash"
. "$SRC/tests/cli/lib/pulse.bash"
pulse_start "$UI_TMP/pulse" || { echo "PulseAudio cannot start here: skipped"; exit 77; }
trap 'ui_cleanup; pulse_stop' EXIT
# The pane's shell starts from a clean environment: give it the way to the private daemon.
PULSE_ENV="HOME=$HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR PULSE_RUNTIME_PATH=$PULSE_RUNTIME_PATH NO_COLOR=1"

# runs ARGS in the pane with stderr in $UI_TMP/err and the exit code in $UI_TMP/rc
ui_run() {
  rm -f "$UI_TMP/err.rc" "$UI_TMP/err"
  UI_ENV=$PULSE_ENV ui_start bash -c '"$@" 2>"$0"; echo $? >"$0.rc"' "$UI_TMP/err" "$@"
}
ui_wait_exit() { ui_wait "the program to end" '[ -s "$UI_TMP/err.rc" ]'; }

# 1. Warnings: shown on the screen, then on stderr, each once.
printf 'Ein Satz mit \xff kaputtem Zeichen. Danach kommt noch ein Satz, der etwas dauert.\n' >"$UI_TMP/bad.txt"
printf 'gut\tgut\nkaputt\n' >"$UI_TMP/lex.tsv"
ui_run "$BIN" play --from-start --lexicon "$UI_TMP/lex.tsv" "$UI_TMP/bad.txt"
ui_wait "a warning in the status line" 'ui_status | grep -q "warning: "'
t send-keys -t ui q
ui_wait_exit
ui_check_restored
[ "$(cat "$UI_TMP/err.rc")" = 0 ] || fail "quit: exit $(cat "$UI_TMP/err.rc"): $(cat "$UI_TMP/err")"
grep -q "^vorlesen: warning: .*bad.txt: invalid UTF-8 at byte 13" "$UI_TMP/err" || fail "no UTF-8 warning: $(cat "$UI_TMP/err")"
grep -q "^vorlesen: warning: .*lex.tsv:2: " "$UI_TMP/err" || fail "no lexicon warning: $(cat "$UI_TMP/err")"
[ "$(wc -l <"$UI_TMP/err")" = 2 ] || fail "expected the two warnings only: $(cat "$UI_TMP/err")"

# 2. The sound server dies mid-play: exit 3, one line, terminal restored.
python3 -c 'print("Ein Satz, der etwas länger dauert. " * 30)' >"$UI_TMP/long.txt"
ui_run "$BIN" play --from-start "$UI_TMP/long.txt"
ui_wait_playing
sleep 0.5
pulseaudio --kill
ui_wait_exit
ui_check_restored
rc=$(cat "$UI_TMP/err.rc")
echo "device lost on the screen: exit $rc: $(cat "$UI_TMP/err")"
[ "$rc" = 3 ] || fail "device lost: exit $rc, expected 3"
[ "$(wc -l <"$UI_TMP/err")" = 1 ] || fail "device lost: expected one line: $(cat "$UI_TMP/err")"
grep -q "^vorlesen: audio device '.*' stopped" "$UI_TMP/err" || fail "device lost: $(cat "$UI_TMP/err")"
echo ok
