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
  rate    when the new rate is first heard: the recording is fitted as the old-rate reference (aligned
          to the sample on the 300-2000 ms before the key) up to a switch T, then the new-rate
          reference from the start of a word of the sentence (or the next sentence's start), after
          the silence eSpeak NG opens a message with, each stretched by up to 4 %; the best T, word
          and gap win, and only when they explain the recording clearly better (RATE_CLEAR) than the
          old rate going on or said again from a word; else "not found" (-1). The figure is T plus
          the gap. The key is pressed (rates[-1] - rates[0]) / 20 times at once: the bench plays at
          100 words/min with references at 100 and 120, one step of 20 %. rate_selfcheck.py checks
          this offline on splices of the two references at known samples (word starts, inside long
          words, the next sentence, no change, the old rate kept): tests/cli/rate_latency_selfcheck.sh.
Prints "KIND MS" lines, one per key press. With --keys FILE the keys and lines are written to FILE
(JSON); with --analyse they are read from it and REC is analysed again without playing anything.

Without options each round presses pause, resume, next, previous and repeat; with --rate only the
rate keys (`+`, then `-`, a round each), each 1.2-2 s into a sentence the next-sentence key started. With --screen, COMMAND runs on the
pseudo-terminal (stdin and stdout, 80x24: the reading screen) and the sentence heard at a key is found
by aligning the recording before it with the reference (next, previous and repeat go to that
sentence +1, -1 and itself).

Usage: key_latency.py [--screen | --rate] [--keys FILE] --rec REC --rounds N --ref RATE:WAV:JSON [--ref ...] -- COMMAND...
       key_latency.py --analyse [--screen] --keys FILE --rec REC --ref RATE:WAV:JSON [--ref ...]
"""
import fcntl
import json
from array import array
from itertools import accumulate
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
RATE_STEP = 20  # words per minute per rate key (kRateStep in include/vorlesen/voice.h)
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


def samples_of(data):
    x = array("h")
    x.frombytes(data[: len(data) // 2 * 2])
    if sys.byteorder == "big":
        x.byteswap()
    return x


def read_raw(path):
    return samples_of(open(path, "rb").read())


def read_wav(path):
    with wave.open(path, "rb") as w:
        return samples_of(w.readframes(w.getnframes()))


class Loudness:
    """A smooth loudness envelope at any sample position: log RMS over 20 ms around it (two pitch
    periods and more, so it does not depend on where the glottal pulses fall, as 5 ms windows do:
    those agree only when recording and reference are aligned to the sample)."""

    HALF = RATE // 100

    def __init__(self, x):
        self.n = len(x)
        self.sums = array("d", accumulate((v * v for v in x), initial=0))

    def at(self, p):
        a, b = max(0, p - self.HALF), min(self.n, p + self.HALF)
        if b - a < self.HALF:
            return 0.0
        return math.log1p(math.sqrt((self.sums[b] - self.sums[a]) / (b - a)))

    def run(self, start, count, step=WIN):
        """The envelope at start, start + step, ... (count values; step may be fractional)."""
        return [self.at(start + int(q * step)) for q in range(count)]


class Reference:
    def __init__(self, wav, timings):
        self.x = read_wav(wav)
        self.env = envelope(self.x)
        self.peak = peaks(self.x)
        self.loud = Loudness(self.x)
        self.smooth = self.loud.run(0, len(self.x) // WIN)
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


# The rate change. After a rate key the player goes on with the sentence being heard: up to a switch
# point T the recording is the old-rate audio; from T on it is that sentence synthesized again at the
# new rate from the start of some word w (docs/ARCHITECTURE.md, "Stream buffer": w is the next word,
# or the word being heard, cut 20 ms ahead and said again), after the few milliseconds of silence
# eSpeak NG opens a message with (g); in the sentence's last word, from the next sentence. The
# estimator fits exactly that on a 20 ms loudness envelope (5 ms steps): the old-rate reference,
# aligned to the sample before the key, up to T, then the new-rate reference from w's start, for
# every T, w and g, and takes the best fit. It fits the same stretch of recording as the OLD-rate
# reference (going on, or said again from a word: a splice that kept the old rate) and accepts the
# switch only when the new rate fits clearly better. Each template may be stretched by up to 4 %: a
# sentence synthesized again from a word is not timed exactly like the same words inside the whole
# sentence (measured: up to ~8 % faster over 400 ms), which is why one step must be well above that
# (the bench plays at 100 words/min: 20 %). The old audio is followed to the sample (0.01-0.05 per
# window against 0.5-1 for the wrong rate), so it weighs double. Checked offline by
# scripts/bench.d/rate_selfcheck.py (tests/cli/rate_latency_selfcheck.sh).
RATE_BEFORE = 20   # windows (100 ms) of the old rate before the key that every fit includes
RATE_AFTER = 160   # windows (800 ms) of the new rate the fit needs after T (400 ms: too short for long words)
RATE_GAP = 12      # the longest silence before the new audio, in windows (60 ms)
RATE_STRETCH = (0.96, 1.0, 1.04)
RATE_CLEAR = 0.75  # the new rate's fit must be below this share of the old rate's
RATE_ALIGNED = 0.15  # mean distance per window below which the recording follows a reference
RATE_OLD_WEIGHT = 2


def anchors(ref, k):
    """Where sentence k's words and sentence k+1's start, in samples of `ref`: where audio synthesized
    from that word on begins (a sentence's first word: its start, eSpeak's lead-in included)."""
    out = []
    for j in (k, k + 1):
        if j >= len(ref.sentences):
            break
        s = ref.sentences[j]
        for i, w in enumerate(s["words"]):
            out.append((round((s["start"] if i == 0 else w["start"]) * RATE), i == 0))
    return out


def align_old(rec_smooth, ref, kw, k):
    """Sample offset from the recording to `ref` (sentences k-1..k+1) that best explains the
    recording before window kw, and the mean distance per window. The longest of these spans that
    fits well: as much as holds 400 ms of sound (silence fits any pause, and a short stretch may fit
    the same words elsewhere, as "2025" and "2027"), 600 ms, 300 ms (what a jump played just before
    need not be `render`'s audio to the sample). Coarse on the 5 ms grid, then to 4 samples."""
    loud = min(kw, 120)
    while loud < min(kw, 400) and sum(1 for v in rec_smooth[kw - loud : kw] if v > 5.0) < 80:
        loud += 20
    lo = int(ref.sentences[max(0, k - 1)]["start"] * RATE) // WIN
    hi = int(ref.sentences[min(len(ref.sentences) - 1, k + 1)]["end"] * RATE) // WIN
    found = None
    for span in sorted({loud, min(kw, 120), min(kw, 60)}, reverse=True):
        tail = rec_smooth[kw - span : kw]
        best = None
        for m in range(lo, max(lo + 1, hi - span)):
            d = sum(abs(a - b) for a, b in zip(tail, ref.smooth[m : m + span]))
            if best is None or d < best[0]:
                best = (d, m)
        if best is None:
            continue
        fine = None
        for o in range(-WIN, WIN + 1, 4):
            p = best[1] * WIN + o
            d = sum(abs(tail[q] - ref.loud.at(p + q * WIN)) for q in range(span)) / span
            if fine is None or d < fine[0]:
                fine = (d, p - (kw - span) * WIN)
        if found is None or fine[0] < found[0]:
            found = fine
        if fine[0] < RATE_ALIGNED:
            break
    return (None, None) if found is None else (found[1], found[0])


def fit_switch(rec_smooth, old_cost, tpl_ref, tpl_anchors, words, lo, hi, until=None):
    """Best (cost, T, word, g, stretch) for: the old rate from window lo - RATE_BEFORE to window T
    (old_cost[j]: how far window j is from the aligned old-rate audio, weighed RATE_OLD_WEIGHT), then
    `tpl_ref` from the start of word `word` after g windows of silence, up to window `until` (or for
    RATE_AFTER windows). words(T): the words the audio at T may restart from. The cost is a sum, so
    it can only grow with the old part: the search stops where that alone is worse than the best."""
    best = None
    templates = {}
    before = RATE_OLD_WEIGHT * sum(old_cost[j] for j in range(lo - RATE_BEFORE, lo))
    for T in range(lo, hi):
        if T > lo:
            before += RATE_OLD_WEIGHT * old_cost[T - 1]
        if best is not None and before >= best[0]:
            break
        end = until if until is not None else T + RATE_AFTER
        for i in words(T):
            a, first = tpl_anchors[i]
            for st in RATE_STRETCH:
                if (i, st) not in templates:
                    longest = (until - lo) if until is not None else RATE_AFTER
                    templates[(i, st)] = tpl_ref.loud.run(a, longest, WIN * st)
                t = templates[(i, st)]
                for g in [0] if first else range(RATE_GAP + 1):
                    c = before + sum(rec_smooth[T : T + g])  # the gap must be silent
                    if best is not None and c >= best[0]:
                        break
                    c += sum(abs(x - y) for x, y in zip(rec_smooth[T + g : end], t))
                    if best is None or c < best[0]:
                        best = (c, T, i, g, st)
    return best


def rate_switch(rec_smooth, old, new, key, k, limit):
    """(milliseconds from the key until the new rate is heard, or None, and what was found): `old` and
    `new` the references at the rates before and after the key, k the sentence heard at the key,
    `limit` the sample where the recording stops counting (the next key)."""
    kw = key // WIN
    off, dist = align_old(rec_smooth, old, kw, k)
    ao, an = anchors(old, k), anchors(new, k)
    hi = min(limit // WIN, len(rec_smooth)) - RATE_AFTER
    if off is None or len(ao) != len(an) or hi <= kw:
        return None, "no alignment"
    old_cost = {j: abs(rec_smooth[j] - old.loud.at(j * WIN + off)) for j in range(kw - RATE_BEFORE - 4, hi + RATE_AFTER)}

    def words(T):
        # The word the old audio is in at T (said again, or starting there), and the next one when it
        # starts within two windows.
        p = T * WIN + off
        i = max((i for i, (a, _) in enumerate(ao) if a <= p), default=0)
        return [i] + ([i + 1] if i + 1 < len(ao) and ao[i + 1][0] - p <= 2 * WIN else [])

    lo = kw  # nothing the key changes can be heard before it
    new_fit = fit_switch(rec_smooth, old_cost, new, an, words, lo, hi)
    if new_fit is None:
        return None, "no fit"
    # The other explanations of the same stretch of recording (from before the key to the end of
    # the new rate's fit): the old rate going on, or said again from a word (a splice that kept
    # the old rate), with its own switch, gap and stretch.
    T = new_fit[1]
    end = T + RATE_AFTER
    old_fit = fit_switch(rec_smooth, old_cost, old, ao, words, lo, T + 3, until=end)
    going_on = RATE_OLD_WEIGHT * sum(old_cost[j] for j in range(lo - RATE_BEFORE, end))
    old_total = min(going_on, old_fit[0])
    new_total = new_fit[0]
    what = "align %.3f, new rate %.1f (T %+d ms, word %d, gap %d ms, x%.2f), old rate %.1f" % (
        dist, new_total, (T - kw) * 5, new_fit[2], new_fit[3] * 5, new_fit[4], old_total)
    if new_total >= RATE_CLEAR * old_total:
        return None, what
    return ((new_fit[1] + new_fit[3]) * WIN - key) * 1000 / RATE, what


class Saved:
    """A key log written by --keys: what the analysis needs of a Driver."""

    def __init__(self, log):
        self.keys = [tuple(k) for k in log["keys"]]
        self.lines = [tuple(l) for l in log["lines"]]


def drive(rec, command, mode, rounds, rates):
    """Plays COMMAND and presses the keys; the Driver (its keys and lines) and the rate before each
    rate key. mode "keys" or "screen": pause, resume, next, previous, repeat each round; "rate": the
    rate keys only, `+` and `-` in turn."""
    d = Driver(rec, command, mode == "screen")
    d.pump(0.5)
    rate_steps = []
    for r in range(rounds):
        if mode == "rate":
            up = r % 2 == 0
            rate_steps.append(rates[0] if up else rates[-1])
            # Pressed (rates[-1] - rates[0]) / RATE_STEP times at once; the bench uses one step, at
            # a rate where it is large enough to tell (see rate_switch). A different moment each
            # round, so that the presses fall on different words, in a word and between words.
            presses = (rates[-1] - rates[0]) // RATE_STEP
            # First the next sentence: the old rate must be render's audio (a sentence synthesized
            # whole at it), not the rest of one the last rate key had synthesized again.
            d.pump(0.2)
            os.write(d.master, b"l")
            d.press("rate", (b"+" if up else b"-") * presses, 1.2 + 0.2 * (r % 5))
            d.pump(1.2)  # room to find the change, also one at the next sentence
            continue
        d.press("pause", b" ", 1.0)
        d.pump(0.8)
        d.keys.append(("resume", d.samples(), len(d.lines)))
        os.write(d.master, b" ")
        d.press("next", b"l", 1.0)
        d.press("previous", b"p", 1.2)
        d.press("repeat", b"r", 1.2)
    d.pump(1.0)
    d.finish()
    return d, rate_steps


def key_figure(d, i, x, env, refs, rates, context):
    """Milliseconds from key i to its sound in the recording (None: not found). `context` carries
    the rate step and, on the screen, the sentence the last jump went to, from key to key."""
    kind, key, nlines = d.keys[i]
    kw = key // WIN
    next_key = d.keys[i + 1][1] if i + 1 < len(d.keys) else len(x)
    any_ref = refs[rates[0]]
    if kind == "pause":
        last = max((w for w in range(kw, next_key // WIN) if env["peak"][w] >= LOUD), default=None)
        return 0 if last is None else ((last + 1) * WIN - key) * 1000 / RATE
    if kind == "resume":
        first = next((w for w in range(kw, len(env["peak"])) if env["peak"][w] >= LOUD), None)
        return None if first is None else (first * WIN - key) * 1000 / RATE
    if kind in ("next", "previous", "repeat"):
        rate = rates[0] if context["step"] % 2 == 0 else rates[-1]
        if context["screen"]:
            heard = heard_at(env["rms"], refs[rate], key, context["last_target"])
            k = None if heard is None else max(0, heard + {"next": 1, "previous": -1, "repeat": 0}[kind])
            context["last_target"] = k
        else:
            k = heard_before(d, [any_ref], nlines) if kind == "repeat" else target_after(d, [any_ref], nlines)
        return None if k is None else jump_latency(env["rms"], refs[rate], key, next_key, k)
    # rate
    before = context["rate_steps"][context["step"]]
    context["step"] += 1
    k = heard_before(d, [any_ref], nlines)
    if k is None:
        return None
    after = rates[-1] if before == rates[0] else rates[0]
    ms, found = rate_switch(env["smooth"], refs[before], refs[after], key, k, next_key)
    if os.environ.get("KEY_LATENCY_DEBUG"):
        print("  rate %d -> %d: %s" % (before, after, found), file=sys.stderr)
    return ms


def main():
    args = sys.argv[1:]
    rec, rounds, refs, mode, keys_file, analyse = None, 10, {}, "keys", None, False
    while args and args[0] != "--":
        if args[0] in ("--screen", "--rate", "--analyse"):
            if args[0] == "--analyse":
                analyse = True
            else:
                mode = args[0][2:]
            args = args[1:]
            continue
        if args[0] == "--rec":
            rec = args[1]
        elif args[0] == "--rounds":
            rounds = int(args[1])
        elif args[0] == "--keys":
            keys_file = args[1]
        elif args[0] == "--ref":
            rate, wav, timings = args[1].split(":", 2)
            refs[int(rate)] = Reference(wav, timings)
        args = args[2:]
    rates = sorted(refs)
    if analyse:
        log = json.load(open(keys_file))
        d, rate_steps = Saved(log), log["rate_steps"]
    else:
        d, rate_steps = drive(rec, args[1:], mode, rounds, rates)
        if keys_file:
            with open(keys_file, "w") as f:
                json.dump({"keys": d.keys, "lines": d.lines, "rate_steps": rate_steps}, f)
    x = read_raw(rec)
    env = {"rms": envelope(x), "peak": peaks(x), "smooth": Loudness(x).run(0, len(x) // WIN)}
    context = {"step": 0, "screen": mode == "screen", "last_target": 0, "rate_steps": rate_steps}
    for i, (kind, key, nlines) in enumerate(d.keys):
        ms = key_figure(d, i, x, env, refs, rates, context)
        print("%s %s" % (kind, "-1" if ms is None else "%.0f" % ms))
        if os.environ.get("KEY_LATENCY_DEBUG"):
            print("  at %.3f s, lines %s" % (key / RATE, [l for _, l in d.lines[nlines - 1 : nlines + 2]]), file=sys.stderr)


if __name__ == "__main__":
    main()
