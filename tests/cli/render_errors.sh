#!/usr/bin/env bash
# Foundation errors of `vorlesen render`: one clear line, the right exit code, and no file left behind.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
printf 'Ein kurzer Satz.\n' > "$tmp/ok.txt"

expect_error "missing file" 1 "^vorlesen: $tmp/nope.txt: cannot open: No such file or directory$" -- \
  "$bin" render "$tmp/nope.txt" -o "$tmp/out.wav"
expect_error "directory" 1 "^vorlesen: $tmp: is a directory" -- "$bin" render "$tmp" -o "$tmp/out.wav"
if [[ $(id -u) -ne 0 ]]; then
  printf 'x\n' > "$tmp/secret.txt"; chmod 000 "$tmp/secret.txt"
  expect_error "unreadable" 1 "secret.txt: cannot open: Permission denied$" -- "$bin" render "$tmp/secret.txt" -o "$tmp/out.wav"
else
  # root reads everything; an unreadable input is simulated with a file that open() refuses: a socket path.
  python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$tmp/sock" 2>/dev/null &&
    expect_error "unreadable" 1 "sock: cannot open: No such device or address$" -- "$bin" render "$tmp/sock" -o "$tmp/out.wav"
fi
expect_error "output dir missing" 1 "nodir/out.wav: cannot create output file: No such file or directory$" -- \
  "$bin" render "$tmp/ok.txt" -o "$tmp/nodir/out.wav"
mkdir "$tmp/ro"; chmod 555 "$tmp/ro"
if [[ $(id -u) -ne 0 ]]; then
  expect_error "unwritable output" 1 "ro/out.wav: cannot create output file: Permission denied$" -- \
    "$bin" render "$tmp/ok.txt" -o "$tmp/ro/out.wav"
fi
expect_error "output to /dev/full's directory" 1 "cannot create output file" -- "$bin" render "$tmp/ok.txt" -o /proc/out.wav
expect_error "unknown voice" 2 "^vorlesen: unknown voice 'xx-nosuch'" -- "$bin" render "$tmp/ok.txt" -o "$tmp/out.wav" -v xx-nosuch
expect_error "unknown variant" 2 "unknown voice variant 'nosuch'" -- "$bin" render "$tmp/ok.txt" -o "$tmp/out.wav" -v de+nosuch
expect_error "rate out of range" 2 "rate" -- "$bin" render "$tmp/ok.txt" -o "$tmp/out.wav" -s 5
expect_error "unknown format" 2 "unknown audio format '.xyz'" -- "$bin" render "$tmp/ok.txt" -o "$tmp/out.xyz"
: > "$tmp/empty.txt"
expect_error "empty input" 1 "empty.txt: nothing to read aloud" -- "$bin" render "$tmp/empty.txt" -o "$tmp/out.wav"

# Nothing was left behind by any failure: no output, no temporary files.
left=$(find "$tmp" -name '*.wav*' -o -name '.out.wav*' | head -5)
[[ -z $left ]] || fail "files left behind: $left"

# Invalid UTF-8 is not fatal: one warning naming the file and the first bad byte, and a WAV.
printf 'Ein K\xe4se ist gut.\n' > "$tmp/latin1.txt"
err=$("$bin" render "$tmp/latin1.txt" -o "$tmp/latin1.wav" 2>&1); rc=$?
[[ $rc -eq 0 ]] || fail "invalid UTF-8: exit $rc"
[[ $err == "vorlesen: warning: $tmp/latin1.txt: invalid UTF-8 at byte 5 (1 sequence replaced by U+FFFD)" ]] ||
  fail "invalid UTF-8 warning: $err"
[[ -s $tmp/latin1.wav ]] || fail "invalid UTF-8: no WAV written"

# stdin works, and the result is a WAV of plausible length (16-bit mono 22050 Hz: > 0.5 s).
printf 'Hallo aus der Standardeingabe. Zweiter Satz.\n' | "$bin" render - -o "$tmp/stdin.wav" || fail "stdin render failed"
size=$(stat -c %s "$tmp/stdin.wav" 2>/dev/null || echo 0)
[[ $size -gt 22050 ]] || fail "stdin render: WAV too small ($size bytes)"
finish
