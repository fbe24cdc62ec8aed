#!/usr/bin/env python3
"""Key-to-sound latencies of `vorlesen play` in plain mode, measured at a PulseAudio null sink.

Runs COMMAND with a pseudo-terminal as stdin (single keys) and stdout piped (plain mode) while a
recorder writes the sink's monitor into REC (raw s16le mono 22050 Hz). Each key is stamped on the
recording's own clock (its length when the key is written; the recorder lags by its ~10 ms latency,
so figures err on the long side). Keys are pressed only while sound is playing. Then, in the
recording:
  pause   the end of the last sound before the long silence that follows the key;
  resume  the first sound after the key;
  next, previous, repeat  where the target sentence (the line plain mode prints, or the sentence
          heard for repeat) begins: its reference audio's loudness envelope (from `vorlesen render`
          with the same settings, REF_WAV and its --timings JSON for each rate) matched against the
          recording after the key;
  rate    where the recording stops following the reference at the old rate (the sentence heard,
          aligned on the 300 ms before the key).
Prints "KIND MS" lines, one per key press.

With --screen, COMMAND runs on the pseudo-terminal (stdin and stdout, 80x24: the reading screen), no
rate keys are pressed, and the sentence heard at a key is found by aligning the recording before it
with the reference (next, previous and repeat go to that sentence +1, -1 and itself).

Usage: key_latency.py [--screen] --rec REC --rounds N --ref RATE:WAV:JSON [--ref ...] -- COMMAND...
"""
import fcntl
import json
import math
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
import wave

RATE = 22050
WIN = RATE // 200  # 5 ms windows
LOUD = 300


def envelope(x):
    out = []
    for i in range(0, len(x) - WIN + 1, WIN):
        w = x[i : i + WIN]
        out.append(math.log1p(math.sqrt(sum(v * v for v in w) / WIN)))
    return out


def peaks(x):
    return [max(abs(v) for v in x[i : i + WIN]) for i in range(0, len(x) - WIN + 1, WIN)]


def read_raw(path):
    data = open(path, "rb").read()
    data = data[: len(data) // 2 * 2]
    return struct.unpack("<%dh" % (len(data) // 2), data)


def read_wav(path):
    with wave.open(path, "rb") as w:
        data = w.readframes(w.getnframes())
    return struct.unpack("<%dh" % (len(data) // 2), data)


class Reference:
    def __init__(self, wav, timings):
        self.x = read_wav(wav)
        self.env = envelope(self.x)
        self.peak = peaks(self.x)
        self.sentences = json.load(open(timings))["sentences"]

    def index_of(self, text):
        for k, s in enumerate(self.sentences):
            if " ".join(s["text"].split()) == text:
                return k
        return None

    def onset(self, k):
        """First loud window of sentence k, in reference windows."""
        w = int(self.sentences[k]["start"] * RATE) // WIN
        while w < len(self.peak) and self.peak[w] < LOUD:
            w += 1
        return w


def best_match(rec_env, lo, hi, ref_env, start, length):
    """Offset o in [lo, hi) where rec_env[o:o+length] is closest to ref_env[start:start+length]."""
    tpl = ref_env[start : start + length]
    mt = sum(tpl) / len(tpl)
    best, best_o = None, None
    for o in range(lo, min(hi, len(rec_env) - len(tpl))):
        # Shapes, not levels: the sound server's path may scale the samples a little.
        mr = sum(rec_env[o : o + len(tpl)]) / len(tpl)
        d = sum(abs(rec_env[o + i] - mr - tpl[i] + mt) for i in range(len(tpl)))
        if best is None or d < best:
            best, best_o = d, o
    return best_o


class Driver:
    def __init__(self, rec, command, screen=False):
        self.rec = rec
        master, slave = pty.openpty()
        self.master = master
        if screen:
            # The reading screen: the terminal is stdin and stdout (80x24); what it draws is read and dropped.
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
            self.proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=subprocess.DEVNULL, env=env)
            self.out_fd = master
        else:
            self.proc = subprocess.Popen(command, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self.out_fd = self.proc.stdout.fileno()
        self.screen = screen
        os.close(slave)
        self.buf = b""
        self.lines = []  # (recording sample when read, line)
        self.keys = []   # (kind, recording sample, lines read before it)

    def samples(self):
        return os.path.getsize(self.rec) // 2

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.out_fd], [], [], 0.005)
            if ready:
                try:
                    chunk = os.read(self.out_fd, 4096)
                except OSError:  # the terminal's other end closed
                    chunk = b""
                if not chunk:
                    return False
                if self.screen:
                    continue
                self.buf += chunk
                while b"\n" in self.buf:
                    line, self.buf = self.buf.split(b"\n", 1)
                    self.lines.append((self.samples(), line.decode("utf-8", "replace").strip()))
        return True

    def loud_now(self):
        n = self.samples()
        with open(self.rec, "rb") as f:
            f.seek(max(0, n - 441) * 2)
            tail = f.read(441 * 2)
        tail = tail[: len(tail) // 2 * 2]
        x = struct.unpack("<%dh" % (len(tail) // 2), tail)
        return bool(x) and max(abs(v) for v in x) >= LOUD

    def press(self, kind, key, settle):
        deadline = time.monotonic() + 10
        self.pump(settle)
        while not self.loud_now() and time.monotonic() < deadline:
            self.pump(0.005)
        self.keys.append((kind, self.samples(), len(self.lines)))
        os.write(self.master, key)

    def finish(self):
        os.write(self.master, b"q")
        self.pump(1.0)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def heard_before(driver, refs, lines_before):
    for _, line in reversed(driver.lines[:lines_before]):
        k = refs[0].index_of(line)
        if k is not None:
            return k
    return None


def target_after(driver, refs, lines_before):
    for _, line in driver.lines[lines_before:]:
        k = refs[0].index_of(line)
        if k is not None:
            return k
    return None


def jump_latency(rec_env, ref, key, next_key, k):
    """Where sentence k's first sound is in the recording after the key (before the next key)."""
    onset = ref.onset(k)
    start = int(ref.sentences[k]["start"] * RATE) // WIN
    lead = onset - start
    length = lead + 80
    o = best_match(rec_env, key // WIN - lead, min(key // WIN + 200, next_key // WIN - length), ref.env, start, length)
    return None if o is None else ((o + lead) * WIN - key) * 1000 / RATE


def align_before(rec_env, ref, kw, span, lo, hi):
    """(distance, m): the reference windows m..m+span closest to the `span` recorded before window kw."""
    best, best_m = None, None
    for m in range(lo, max(lo + 1, hi - span)):
        d = sum(abs(rec_env[kw - span + i] - ref.env[m + i]) for i in range(span) if m + i < len(ref.env))
        if best is None or d < best:
            best, best_m = d, m
    return best, best_m


def heard_at(rec_env, ref, key, near=None):
    """The sentence heard when the key was pressed, found by aligning the recording with `ref`
    (0.75 s before the key: each key waits a second after the one before it); `near`: the sentence
    the last jump went to, so that only it and the few around it are searched (envelopes of
    sentences far apart can look alike)."""
    span = 150
    lo, hi = 0, len(ref.env)
    if near is not None:
        n = len(ref.sentences)
        # Wide enough to find the way back after a stall of a few sentences.
        lo = int(ref.sentences[max(0, near - 2)]["start"] * RATE) // WIN
        hi = int(ref.sentences[min(n - 1, near + 5)]["end"] * RATE) // WIN
    _, m = align_before(rec_env, ref, key // WIN, span, lo, hi)
    if m is None:
        return None
    at = (m + span) * WIN / RATE
    return max((k for k, s in enumerate(ref.sentences) if s["start"] <= at), default=None)


def rate_latency(rec_env, ref, key, k):
    """Where the recording stops following `ref` (the old rate) after the key."""
    span = 60  # 300 ms before the key
    s = ref.sentences[k]
    lo = int(s["start"] * RATE) // WIN
    hi = int(s["end"] * RATE) // WIN
    kw = key // WIN
    best, best_m = align_before(rec_env, ref, kw, span, lo, hi)
    if best_m is None:
        return None
    base = best / span + 0.3
    at_key = best_m + span  # the reference window heard at the key
    j = 0
    while kw + j + 6 < len(rec_env) and at_key + j + 6 < len(ref.env) and j < 400:
        d = sum(abs(rec_env[kw + j + i] - ref.env[at_key + j + i]) for i in range(6)) / 6
        if d > base * 2:
            break
        j += 1
    else:
        return None
    # A rate 10 % off shows in the envelope only some way into the first word spoken at it: the
    # change began at the start of the word the recording left the reference in, or, when that word
    # was already playing at the key (it cannot have been cut), at the next one.
    starts = [int(w["start"] * RATE) // WIN for w in s["words"]]
    left_in = max((w for w in starts if w <= at_key + j), default=None)
    if left_in is None or left_in < at_key:
        left_in = min((w for w in starts if w >= at_key), default=at_key + j)
    return (left_in - at_key) * WIN * 1000 / RATE


def main():
    args = sys.argv[1:]
    rec, rounds, refs, screen = None, 10, {}, False
    while args and args[0] != "--":
        if args[0] == "--screen":  # the reading screen: no rate keys, sentences found in the recording
            screen = True
            args = args[1:]
            continue
        if args[0] == "--rec":
            rec = args[1]
        elif args[0] == "--rounds":
            rounds = int(args[1])
        elif args[0] == "--ref":
            rate, wav, timings = args[1].split(":", 2)
            refs[int(rate)] = Reference(wav, timings)
        args = args[2:]
    command = args[1:]
    rates = sorted(refs)
    d = Driver(rec, command, screen)
    d.pump(0.5)
    rate_steps = []  # the rate before each rate key
    for r in range(rounds):
        d.press("pause", b" ", 1.0)
        d.pump(0.8)
        d.keys.append(("resume", d.samples(), len(d.lines)))
        os.write(d.master, b" ")
        d.press("next", b"l", 1.0)
        d.press("previous", b"p", 1.2)
        d.press("repeat", b"r", 1.2)
        if screen:
            continue
        up = r % 2 == 0
        rate_steps.append(rates[0] if up else rates[-1])
        d.press("rate", b"+" if up else b"-", 1.2)
    d.pump(1.0)
    d.finish()
    x = read_raw(rec)
    rec_env = envelope(x)
    rec_peak = peaks(x)
    any_ref = refs[rates[0]]
    step = 0
    last_target = 0  # screen: the sentence the last jump went to (playback starts at the first)
    for i, (kind, key, nlines) in enumerate(d.keys):
        ms = None
        kw = key // WIN
        if kind == "pause":
            nxt = d.keys[i + 1][1] // WIN
            last = max((w for w in range(kw, nxt) if rec_peak[w] >= LOUD), default=None)
            ms = 0 if last is None else ((last + 1) * WIN - key) * 1000 / RATE
        elif kind == "resume":
            first = next((w for w in range(kw, len(rec_peak)) if rec_peak[w] >= LOUD), None)
            ms = None if first is None else (first * WIN - key) * 1000 / RATE
        elif kind in ("next", "previous", "repeat"):
            rate = rates[0] if step % 2 == 0 else rates[-1]
            if screen:
                heard = heard_at(rec_env, refs[rate], key, last_target)
                k = None if heard is None else max(0, heard + {"next": 1, "previous": -1, "repeat": 0}[kind])
                last_target = k
            else:
                k = heard_before(d, [any_ref], nlines) if kind == "repeat" else target_after(d, [any_ref], nlines)
            if k is not None:
                next_key = d.keys[i + 1][1] if i + 1 < len(d.keys) else len(x)
                ms = jump_latency(rec_env, refs[rate], key, next_key, k)
        elif kind == "rate":
            k = heard_before(d, [any_ref], nlines)
            if k is not None:
                ms = rate_latency(rec_env, refs[rate_steps[step]], key, k)
            step += 1
        print("%s %s" % (kind, "-1" if ms is None else "%.0f" % ms))
        if os.environ.get("KEY_LATENCY_DEBUG"):
            print("  at %.3f s, lines %s" % (key / RATE, [l for _, l in d.lines[nlines - 1 : nlines + 2]]), file=sys.stderr)


if __name__ == "__main__":
    main()
