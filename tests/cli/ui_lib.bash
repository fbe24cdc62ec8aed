# Shared by tests/cli/ui_*.sh (not a test itself: the suite globs *.sh only).
# Drives `vorlesen play` in a private tmux server and reads the screen back.
#   ui_start BINARY ARGS...   start the screen in an 80x24 pane, wait for the status line
#   ui_screen                 the pane with attributes (capture-pane -e)
#   ui_status                 the last row, plain
#   ui_highlight              the text shown in reverse video above the status line, rows joined
#   ui_wait DESCRIPTION CMD   poll CMD (a shell snippet) for up to $UI_TIMEOUT seconds
set -u
export LC_ALL=C.UTF-8  # ${#row} and wc -L count characters, not bytes

command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
# The screen runs inside `vorlesen play`, which the player branch adds.
"$BIN" play --help >/dev/null 2>&1 || { echo "this build has no 'vorlesen play'"; exit 77; }

UI_SOCKET="vorlesen-test-$$-$RANDOM"
UI_RUN=0
UI_TMP=$(mktemp -d)
UI_TIMEOUT=${UI_TIMEOUT:-20}
export XDG_STATE_HOME="$UI_TMP/state"

# Stops the current tmux server and removes its socket (tmux leaves the file behind).
ui_kill() {
  local socket
  socket=$(tmux -L "$UI_SOCKET" display -p '#{socket_path}' 2>/dev/null)
  tmux -L "$UI_SOCKET" kill-server 2>/dev/null
  [ -n "$socket" ] && rm -f "$socket"
  return 0
}

ui_cleanup() {
  ui_kill
  # The program may still be closing its log for a moment after its shell went away.
  rm -rf "$UI_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$UI_TMP"; }
}
trap ui_cleanup EXIT

t() { tmux -L "$UI_SOCKET" "$@"; }

fail() {
  echo "FAIL: $*"
  echo "--- screen ---"
  t capture-pane -p -t ui 2>/dev/null
  echo "--- stderr log ---"
  cat "$XDG_STATE_HOME/vorlesen/screen.log" 2>/dev/null | tail -20
  exit 1
}

ui_wait() {
  local what=$1 cmd=$2 deadline=$((SECONDS + UI_TIMEOUT))
  until eval "$cmd"; do
    [ $SECONDS -ge $deadline ] && fail "timed out waiting for: $what"
    sleep 0.1
  done
}

ui_screen() { t capture-pane -p -e -t ui; }
ui_plain() { t capture-pane -p -t ui; }
ui_status() { t capture-pane -p -t ui | tail -n 1; }
ui_sentence_number() { ui_status | sed -n 's/.*| sentence \([0-9]*\) of.*/\1/p'; }

# Reverse video runs from an SGR with parameter 7 to one with 0 or 27; it carries over line ends.
ui_highlight() {
  local rows
  rows=$(t display -p -t ui '#{pane_height}')
  ui_screen | head -n $((rows - 1)) | awk '
    BEGIN { rev = 0; out = "" }
    {
      line = $0; piece = ""
      while (match(line, /\033\[[0-9;]*m/)) {
        if (rev) piece = piece substr(line, 1, RSTART - 1)
        n = split(substr(line, RSTART + 2, RLENGTH - 3), p, ";")
        if (n == 0) rev = 0
        for (i = 1; i <= n; i++) {
          if (p[i] == "" || p[i] == "0" || p[i] == "27") rev = 0
          if (p[i] == "7") rev = 1
        }
        line = substr(line, RSTART + RLENGTH)
      }
      if (rev) piece = piece line
      sub(/ +$/, "", piece)
      if (piece != "") out = (out == "" ? piece : out " " piece)
    }
    END { print out }'
}

# Starts a shell in the pane, then the program from it, so the prompt after quitting can be checked.
ui_start() {
  # No status bar, so the pane is the whole 80x24 window (set in the config file: a later
  # `set-option status off` made tmux 3.3a exit in some working directories).
  printf 'set -g status off\n' > "$UI_TMP/tmux.conf"
  # A fresh server each time: reusing a socket whose server is still shutting down races.
  ui_kill
  UI_RUN=$((UI_RUN + 1))
  UI_SOCKET="vorlesen-test-$$-$RANDOM-$UI_RUN"
  t -f "$UI_TMP/tmux.conf" new-session -d -s ui -x 80 -y 24 "ulimit -c 0; env -i PATH=$PATH HOME=$UI_TMP TERM=\$TERM LANG=C.UTF-8 XDG_STATE_HOME=$XDG_STATE_HOME ${UI_ENV:-} bash --norc --noprofile"
  ui_wait "the shell" '[ -n "$(ui_plain | tr -d "[:space:]")" ]'
  rm -f "$UI_TMP/pid"
  # Through exec, so the program keeps the PID written for ui_pid (no procps needed).
  t send-keys -t ui -l "bash -c 'echo \$\$ > $UI_TMP/pid; exec \"\$@\"' _ $(printf '%q ' "$@")"
  t send-keys -t ui Enter
}

ui_pid() { cat "$UI_TMP/pid"; }

ui_wait_playing() { ui_wait "the status line" 'ui_status | grep -q "Playing | sentence"'; }

# After the program ended: the shell must answer and nothing may be left in reverse or bold.
ui_check_restored() {
  ui_wait "the screen to close" '[ "$(t display -p -t ui "#{alternate_on}")" = 0 ]'
  sleep 0.2  # typed too early, a key could still reach the exiting program
  t send-keys -t ui -l 'echo "shell-ok-$((20+22))"'
  t send-keys -t ui Enter
  ui_wait "the shell prompt after quitting" 'ui_plain | grep -q "^shell-ok-42"'
  if ui_screen | grep -q $'\033\\[[0-9;]*7m'; then fail "reverse video left on screen after quitting"; fi
  [ "$(t display -p -t ui '#{cursor_flag}')" = 1 ] || fail "cursor left invisible"
}

# While paused the engine reports what is heard, so a jump shows once playback resumes: press KEY
# paused, resume, and expect sentence N highlighted (checked by the caller's predicate), pause again.
# $1 = keys for send-keys, $2 = description, $3 = predicate
ui_jump() {
  [ "$1" = Enter ] || ui_wait "paused before $2" 'ui_status | grep -q "^Paused"'  # Enter ends a prompt
  t send-keys -t ui $1
  sleep 0.2
  t send-keys -t ui Space
  ui_wait "$2" "$3"
  t send-keys -t ui Space
}
