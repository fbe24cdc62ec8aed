#!/usr/bin/env bash
# A batch killed part-way (SIGTERM, SIGINT, or SIGKILL of the parent) leaves no partial or temporary
# files; the rerun renders only what is missing and leaves the finished files alone.
set -uo pipefail
set -m  # job control: a script's background job would start with SIGINT ignored (render keeps it so)
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Long enough inputs that the batch is still running when it is killed.
for i in $(seq 1 8); do
  for k in 1 2 3 4 5 6; do cat "$src/tests/fixtures/render/artikel.txt"; echo; done >"$tmp/in$i.txt"
done

for sig in TERM INT KILL; do
  out=$tmp/out-$sig
  "$bin" render "$tmp"/in*.txt -o "$out" -j 2 --subtitles srt 2>"$tmp/err1" &
  pid=$!
  # Wait for the first finished file (or give up after 60 s), then kill the parent.
  for _ in $(seq 600); do
    [[ -n $(ls "$out"/*.wav 2>/dev/null) ]] && break
    sleep 0.1
  done
  kill -"$sig" $pid
  wait $pid
  rc=$?
  [[ $rc -ne 0 ]] || fail "$sig: the batch finished before it was killed (exit 0); make the inputs longer"
  # Workers stop (a killed parent sends them SIGTERM through PR_SET_PDEATHSIG); give them a moment.
  for _ in $(seq 100); do
    [[ -z $(find "$out" -name '.*.vorlesen-*') ]] && break
    sleep 0.1
  done
  [[ -z $(find "$out" -name '.*.vorlesen-*') ]] || fail "$sig: temporary files left: $(ls -A "$out")"
  done_before=$(ls "$out"/*.wav | wc -l)
  [[ $done_before -ge 1 && $done_before -lt 8 ]] || fail "$sig: $done_before of 8 finished before the kill"
  # Every file present is complete: its subtitles exist, and a WAV's header matches its size.
  for f in "$out"/*.wav; do
    [[ -s ${f%.wav}.srt ]] || fail "$sig: $f without its subtitles"
    size=$(stat -c %s "$f")
    riff=$(od -An -tu4 -j4 -N4 "$f" | tr -d ' ')
    [[ $((riff + 8)) -eq $size ]] || fail "$sig: $f is incomplete (RIFF says $((riff + 8)), file has $size)"
  done
  ls -l --time-style=+%s.%N "$out" >"$tmp/before"
  "$bin" render "$tmp"/in*.txt -o "$out" -j 2 --subtitles srt 2>"$tmp/err2" || fail "$sig: rerun failed: $(cat "$tmp/err2")"
  skipped=$(grep -c '^skipped ' "$tmp/err2")
  rendered=$(grep -c '^rendered ' "$tmp/err2")
  [[ $skipped -eq $done_before && $((skipped + rendered)) -eq 8 ]] ||
    fail "$sig: rerun skipped $skipped, rendered $rendered; $done_before were done: $(cat "$tmp/err2")"
  for f in $(awk '/\.wav$/ {print $NF}' "$tmp/before"); do
    grep -q " $f\$" <(ls -l --time-style=+%s.%N "$out") || fail "$sig: $f vanished"
    [[ $(grep " $f\$" "$tmp/before" | awk '{print $6}') == $(ls -l --time-style=+%s.%N "$out/$f" | awk '{print $6}') ]] ||
      fail "$sig: finished file $f was rendered again"
  done
done
echo ok
