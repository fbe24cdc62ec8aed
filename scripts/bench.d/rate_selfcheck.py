#!/usr/bin/env python3
"""Offline check of the rate-change estimator in key_latency.py (rate_switch), no sound server needed.

From two references of the same text at the rates before and after a rate key (`vorlesen render
--timings json`), builds synthetic recordings the way the player makes them (docs/ARCHITECTURE.md,
"Stream buffer") with the switch at a known sample, puts a key before it, and runs the estimator:
  word      the old rate up to the start of a word, then the new rate from that word's start, after
            0, 10, 25 or 45 ms of silence (eSpeak NG's lead-in of a new message); key 30-150 ms before;
  replay    the old rate up to a point inside a long word, then that word again from its start at the
            new rate (the player's splice 20 ms ahead of the output); key 50 ms before;
  sentence  the old rate to the end of the sentence, the new rate from the next sentence (what a
            player that changes the rate only there would do); key 450-900 ms before;
  none      the old rate throughout;
  kept      the old rate up to the start of a word, then that word again at the OLD rate (a splice
            that forgot the new rate), after a gap and stretched as above.
The new-rate audio is time-stretched by 0.97, 1 or 1.03 (resampled), since audio synthesized again
from a word is not timed exactly like the same words inside the whole sentence. Passes when the
switch is found within 25 ms in at least 95 % of the word and replay cases (and never off by more than
60 ms), every sentence case comes out above 200 ms, and every none and kept case as not found.
Prints one line per failure and a summary.

Usage: rate_selfcheck.py --ref RATE:WAV:JSON --ref RATE:WAV:JSON
"""
import os
import sys
from array import array

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import key_latency as kl  # noqa: E402

RATE = kl.RATE
TOLERANCE_MS = 25
WORST_MS = 60
GAPS_MS = (0, 10, 25, 45)
STRETCHES = (0.97, 1.0, 1.03)
KEY_BEFORE_MS = (30, 80, 150)
AFTER_S = 2.0  # recording after the key the estimator may use (the bench leaves more)


def ms(n):
    return round(n * RATE / 1000)


def stretched(x, begin, count, factor):
    """count samples of x from `begin`, read `factor` times as fast (linear interpolation)."""
    out = array("h")
    for i in range(count):
        p = begin + i * factor
        j = int(p)
        if j + 1 >= len(x):
            break
        f = p - j
        out.append(int(round(x[j] * (1 - f) + x[j + 1] * f)))
    return out


class Case:
    def __init__(self, kind, k, old_at, new_from, gap, stretch, key_before, truth):
        self.kind, self.k = kind, k
        self.old_at, self.new_from = old_at, new_from  # samples of the old / new reference
        self.gap, self.stretch, self.key_before = gap, stretch, key_before
        self.truth = truth  # True: the switch is heard at the splice + gap; False: never

    def run(self, old, new):
        """(estimated ms from the key, true ms or None, what the estimator found)."""
        start = max(0, int(old.sentences[max(0, self.k - 1)]["start"] * RATE))
        rec = array("h", old.x[start : self.old_at])
        splice = len(rec)
        if self.kind == "none":
            rec.extend(old.x[self.old_at : self.old_at + ms(2000)])
        else:
            rec.extend([0] * ms(self.gap))
            rec.extend(stretched(old.x if self.kind == "kept" else new.x, self.new_from, ms(2000), self.stretch))
        key = splice - ms(self.key_before)
        smooth = kl.Loudness(rec).run(0, len(rec) // kl.WIN)
        limit = min(len(rec), key + int(AFTER_S * RATE))
        got, what = kl.rate_switch(smooth, old, new, key, self.k, limit)
        truth = None if not self.truth else (splice + ms(self.gap) - key) * 1000 / RATE
        return got, truth, what


def cases(old, new):
    """The synthetic cases for the pair of references (sentences of 5 words or more)."""
    out = []
    n = 0
    ao_all = [(k, kl.anchors(old, k), kl.anchors(new, k)) for k in range(len(old.sentences) - 1)]
    for k, ao, an in ao_all:
        words = len(old.sentences[k]["words"])
        if words < 5 or len(ao) != len(an):
            continue
        for w in range(1, words - 1, 8):
            n += 1
            out.append(Case("word", k, ao[w][0], an[w][0], GAPS_MS[n % 4], STRETCHES[n % 3], KEY_BEFORE_MS[n % 3], True))
            length = ao[w + 1][0] - ao[w][0]
            if length > ms(200):
                cut = ao[w][0] + length // 2
                out.append(Case("replay", k, cut, an[w][0], GAPS_MS[(n + 1) % 4], STRETCHES[(n + 1) % 3], 50, True))
        end = ao[words][0]  # the next sentence's start
        out.append(Case("sentence", k, end, an[words][0], 0, STRETCHES[n % 3], 450 + 150 * (n % 4), True))
        out.append(Case("none", k, ao[words // 2][0], 0, 0, 1.0, KEY_BEFORE_MS[n % 3], False))
        w = words // 2 + 1
        out.append(Case("kept", k, ao[w][0], ao[w][0], GAPS_MS[n % 4], STRETCHES[n % 3], KEY_BEFORE_MS[n % 3], False))
    return out


def main():
    refs = {}
    args = sys.argv[1:]
    while args:
        if args[0] != "--ref" or len(args) < 2:
            sys.exit(__doc__)
        rate, wav, timings = args[1].split(":", 2)
        refs[int(rate)] = kl.Reference(wav, timings)
        args = args[2:]
    if len(refs) != 2:
        sys.exit(__doc__)
    lo, hi = sorted(refs)
    errors = {"word": [], "replay": []}
    failures = 0
    total = 0
    for before, after in ((lo, hi), (hi, lo)):
        for case in cases(refs[before], refs[after]):
            total += 1
            got, truth, what = case.run(refs[before], refs[after])
            if case.kind in errors:
                err = None if got is None else got - truth
                errors[case.kind].append(err)
                bad = err is None or abs(err) > TOLERANCE_MS
            elif case.kind == "sentence":
                bad = got is None or got <= 200
            else:
                bad = got is not None
            if bad:
                failures += 1
                print("rate self-check: %d -> %d, %s in sentence %d: estimated %s, true %s (%s)" % (
                    before, after, case.kind, case.k, "not found" if got is None else "%.0f ms" % got,
                    "never" if truth is None else "%.0f ms" % truth, what))
    ok = True
    for kind, errs in errors.items():
        found = [abs(e) for e in errs if e is not None]
        within = sum(1 for e in found if e <= TOLERANCE_MS)
        worst = max(found) if found else float("inf")
        print("rate self-check: %s: %d of %d within %d ms, worst error %.0f ms, %d not found" % (
            kind, within, len(errs), TOLERANCE_MS, worst, len(errs) - len(found)))
        ok = ok and errs and within >= 0.95 * len(errs) and worst <= WORST_MS
    others = total - sum(len(e) for e in errors.values())
    other_failures = failures - sum(1 for errs in errors.values() for e in errs if e is None or abs(e) > TOLERANCE_MS)
    print("rate self-check: next sentence, no change and old rate kept: %d of %d right" % (others - other_failures, others))
    ok = ok and other_failures == 0
    print("rate self-check: %s (%d cases)" % ("passed" if ok else "FAILED", total))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
