#!/usr/bin/env bash
# `vorlesen play` and `vorlesen devices` without a sound card: the null device plays in real time
# and prints each sentence; the shorthand `vorlesen FILE` and `-` work; bad input gives one line and
# the documented exit code; no ALSA/JACK chatter reaches the terminal.
set -uo pipefail
bin=$1 src=$2
export VORLESEN_DATA_DIR=$src/voices
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf 'Erster Satz. Zweiter Satz.\n\nNeuer Absatz.\n' >"$work/t.txt"
expected=$'Erster Satz.\nZweiter Satz.\nNeuer Absatz.'

start=$(date +%s%N)
out=$("$bin" play --device null "$work/t.txt" 2>"$work/err") || fail "play --device null exited $?"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[[ $out == "$expected" ]] || fail "plain output: $out"
[[ ! -s $work/err ]] || fail "stderr not empty: $(cat "$work/err")"
# The null device is paced by the clock: about as long as the rendered audio.
"$bin" render "$work/t.txt" -o "$work/t.wav"
audio_ms=$(python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes()*1000//w.getframerate())" "$work/t.wav")
(( elapsed_ms >= audio_ms && elapsed_ms <= audio_ms + 1500 )) || fail "took ${elapsed_ms} ms for ${audio_ms} ms of audio"

out=$("$bin" --device null "$work/t.txt") || fail "shorthand exited $?"
[[ $out == "$expected" ]] || fail "shorthand output: $out"
out=$("$bin" play --device null - <"$work/t.txt") || fail "stdin exited $?"
[[ $out == "$expected" ]] || fail "stdin output: $out"

# Errors: one line, documented exit codes.
"$bin" play --device null "$work/missing.txt" >/dev/null 2>"$work/err"; rc=$?
[[ $rc == 1 && $(wc -l <"$work/err") == 1 ]] || fail "missing file: rc $rc, $(cat "$work/err")"
grep -q "missing.txt" "$work/err" || fail "missing file not named: $(cat "$work/err")"
: >"$work/empty.txt"
"$bin" play --device null "$work/empty.txt" >/dev/null 2>"$work/err"; rc=$?
[[ $rc == 1 ]] && grep -q "nothing to read aloud" "$work/err" || fail "empty file: rc $rc, $(cat "$work/err")"
"$bin" play --device null -v de+nosuch "$work/t.txt" >/dev/null 2>"$work/err"; rc=$?
[[ $rc == 2 ]] && grep -q "nosuch" "$work/err" || fail "unknown voice: rc $rc, $(cat "$work/err")"
"$bin" play --device no-such-device "$work/t.txt" >/dev/null 2>"$work/err"; rc=$?
[[ ($rc == 2 || $rc == 3) && $(wc -l <"$work/err") == 1 ]] || fail "unknown device: rc $rc, $(cat "$work/err")"

# Without any audio server: exit 3, one line suggesting render and --device null, no chatter.
if [[ -z ${PULSE_SERVER:-} ]] && ! pactl info >/dev/null 2>&1; then
  "$bin" play "$work/t.txt" >/dev/null 2>"$work/err"; rc=$?
  if [[ $rc == 3 ]]; then
    [[ $(wc -l <"$work/err") == 1 ]] || fail "no device: more than one line: $(cat "$work/err")"
    grep -q "vorlesen render" "$work/err" && grep -q -- "--device null" "$work/err" || fail "no hint: $(cat "$work/err")"
  fi
fi

# devices: lists the built-in null device, nothing on stderr.
out=$("$bin" devices 2>"$work/err") || fail "devices exited $?"
grep -q "^-  *null" <<<"$out" || fail "devices: $out"
[[ ! -s $work/err ]] || fail "devices stderr: $(cat "$work/err")"

# SIGTERM stops cleanly.
"$bin" play --device null "$work/t.txt" >/dev/null 2>&1 &
pid=$!
sleep 0.7
kill -TERM $pid
wait $pid; rc=$?
[[ $rc == 143 ]] || fail "SIGTERM: exit $rc"
echo ok
