#!/usr/bin/env python3
"""Runs `vorlesen play` with a pseudo-terminal as stdin (so single keys work) and stdout piped (so
it is in plain mode), sends keys at given times, and prints each output line with the time it
arrived: "SECONDS<TAB>RECORDED<TAB>LINE", SECONDS since the program started, RECORDED the length in
seconds of the recording in --clock FILE (raw s16le mono 22050 Hz, growing as a recorder writes it)
at that moment: the listener's clock, since the sound server renders in bursts, not in step with
the wall clock. Exits with the program's code.

With --from-first-line, key times count from the first output line (the first sentence being heard)
instead of the program's start, so a slow start on a loaded machine does not move them.

Usage: drive_play.py [--clock FILE] [--from-first-line] [--key SECONDS:KEY]... -- COMMAND...
"""
import os
import pty
import select
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    keys = []
    clock = None
    from_first_line = False
    while args and args[0] in ("--clock", "--key", "--from-first-line"):
        if args[0] == "--from-first-line":
            from_first_line = True
            args = args[1:]
            continue
        if args[0] == "--clock":
            clock = args[1]
        else:
            when, key = args[1].split(":", 1)
            keys.append((float(when), key.encode()))
        args = args[2:]
    if args and args[0] == "--":
        args = args[1:]
    master, slave = pty.openpty()
    start = time.monotonic()
    proc = subprocess.Popen(args, stdin=slave, stdout=subprocess.PIPE, stderr=None)
    os.close(slave)
    keys.sort()
    buf = b""
    lines = []
    key_start = None if from_first_line else start
    while True:
        now = time.monotonic() - start
        while keys and key_start is not None and keys[0][0] <= time.monotonic() - key_start:
            os.write(master, keys.pop(0)[1])
        ready, _, _ = select.select([proc.stdout], [], [], 0.01)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                recorded = os.path.getsize(clock) / 44100.0 if clock else 0.0
                lines.append((time.monotonic() - start, recorded, line.decode("utf-8", "replace")))
                if key_start is None:
                    key_start = time.monotonic()
        if now > 120:
            proc.kill()
            break
    code = proc.wait()
    os.close(master)
    for t, recorded, line in lines:
        print("%.3f\t%.3f\t%s" % (t, recorded, line))
    sys.exit(code)


if __name__ == "__main__":
    main()
