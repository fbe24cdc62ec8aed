# Shared by tests/cli/play_keys.sh and play_list.sh (not a test itself: it does not end in .sh):
# plain mode in a tmux pane named "keys" on a private server. Needs $src and a fail function.
#   t ARGS...         tmux on the private server
#   lines             the pane's lines, without the trailing empty ones
#   wait_for N LINE   until the pane has N lines and the last one is LINE (up to 10 s)
export VORLESEN_DATA_DIR=$src/voices LC_ALL=C.UTF-8
work=$(mktemp -d)
socket="vorlesen-keys-$$-$RANDOM"
t() { tmux -L "$socket" "$@"; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
lines() { t capture-pane -p -t keys | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
wait_for() {
  local n=$1 want=$2 i got
  for i in $(seq 100); do
    got=$(lines)
    [[ $(wc -l <<<"$got") -eq $n && $(tail -1 <<<"$got") == "$want" ]] && return 0
    sleep 0.1
  done
  fail "expected line $n to be '$want'"
}
