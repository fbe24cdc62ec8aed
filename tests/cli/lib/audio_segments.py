#!/usr/bin/env python3
"""Speech segments of raw or WAV audio (s16le mono 22050 Hz), for the playback tests.

Usage: audio_segments.py FILE [MIN_GAP_MS]
Prints one line per segment of sound separated by at least MIN_GAP_MS (default 200) of silence:
"START_SECONDS END_SECONDS". Silence: 10 ms windows whose peak is below 300.
"""
import struct
import sys
import wave

RATE = 22050
WINDOW = RATE // 100


def samples(path):
    if path.endswith(".wav"):
        with wave.open(path, "rb") as w:
            data = w.readframes(w.getnframes())
    else:
        with open(path, "rb") as f:
            data = f.read()
    data = data[: len(data) // 2 * 2]
    return struct.unpack("<%dh" % (len(data) // 2), data)


def segments(x, min_gap_ms=200):
    loud = []
    for i in range(0, len(x) - WINDOW + 1, WINDOW):
        w = x[i : i + WINDOW]
        loud.append(max(max(w), -min(w)) >= 300)
    min_gap = min_gap_ms // 10
    out, start, quiet = [], None, 0
    for k, is_loud in enumerate(loud):
        if is_loud:
            if start is None:
                start = k
            quiet = 0
        elif start is not None:
            quiet += 1
            if quiet >= min_gap:
                out.append((start, k - quiet + 1))
                start, quiet = None, 0
    if start is not None:
        out.append((start, len(loud) - quiet))
    return [(a / 100.0, b / 100.0) for a, b in out]


if __name__ == "__main__":
    gap = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for a, b in segments(samples(sys.argv[1]), gap):
        print("%.2f %.2f" % (a, b))
