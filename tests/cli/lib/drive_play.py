#!/usr/bin/env python3
"""Runs `vorlesen play` with a pseudo-terminal as stdin (so single keys work) and stdout piped (so
it is in plain mode), sends keys at given times, and prints each output line with the time it
arrived, in seconds since the program started: "SECONDS<TAB>LINE". Exits with the program's code.

Usage: drive_play.py [--key SECONDS:KEY]... -- COMMAND...
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
    while args and args[0] == "--key":
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
    while True:
        now = time.monotonic() - start
        while keys and keys[0][0] <= now:
            os.write(master, keys.pop(0)[1])
        ready, _, _ = select.select([proc.stdout], [], [], 0.01)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                lines.append((time.monotonic() - start, line.decode("utf-8", "replace")))
        if now > 120:
            proc.kill()
            break
    code = proc.wait()
    os.close(master)
    for t, line in lines:
        print("%.3f\t%s" % (t, line))
    sys.exit(code)


if __name__ == "__main__":
    main()
