#!/usr/bin/env python3
"""Drives a read-along page (`vorlesen render -f html`) in headless Chromium over the DevTools protocol.

Usage: read_along.py CHROMIUM PAGE TIMINGS.json SOURCE
  TIMINGS.json: `vorlesen render SOURCE --timings json` of the page's first article; SOURCE its input
  (a text file, whose bytes the timings' word spans index).

Checks, printing what is wrong and exiting 1:
  - the audio is embedded and as long as the timings say;
  - seeking to the middle of every sentence highlights that sentence (the timings' text) and, where
    the timings have a word there, a word of it containing that word's text;
  - keyboard only: Tab reaches the real <button>s of the player, Enter on "Next sentence" highlights
    the next sentence, on "Previous sentence" the one before; playing moves the highlight with the
    audio; the text has aria-live="off";
  - no console message of level error or warning, no uncaught exception, and no request for anything
    but the page itself and data: URIs.
Chromium talks over --remote-debugging-pipe (file descriptors 3 and 4): no port, no websockets module.
"""
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

problems = []


def problem(text):
    problems.append(text)


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="vorlesen-chromium-")
        fds = [os.pipe(), os.pipe()]
        # Chromium reads commands from fd 3 and writes replies to fd 4; keep ours clear of 3 and 4.
        (to_read, to_write), (from_read, from_write) = [
            tuple(self._high(fd) for fd in pair) for pair in fds]
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + self.profile, "--remote-debugging-pipe",
                "--autoplay-policy=no-user-gesture-required", "about:blank"]
        wiring = 'exec "$@" 3<&%d 4>&%d %d<&- %d>&-' % (to_read, from_write, to_read, from_write)
        self.process = subprocess.Popen(["bash", "-c", wiring, "bash"] + args, pass_fds=(to_read, from_write),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=open(os.path.join(self.profile, "stderr"), "w"))
        os.close(to_read)
        os.close(from_write)
        self.out, self.inp = to_write, from_read
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    @staticmethod
    def _high(fd):
        high = fcntl.fcntl(fd, fcntl.F_DUPFD, 20)
        os.close(fd)
        return high

    def send(self, method, params=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            for m in self._messages(deadline):
                if m.get("id") == self.next_id:
                    if "error" in m:
                        raise RuntimeError(f"{method}: {m['error']}")
                    return m["result"]
                self.events.append(m)

    def _messages(self, deadline):
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.inp], [], [], max(0, deadline - time.time()))
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe: " + open(os.path.join(self.profile, "stderr")).read())
            self.buffer += chunk
        while b"\0" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\0", 1)
            yield json.loads(raw)

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})
        self.session = self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.send(domain + ".enable")
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.extend(self._messages(deadline))

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key, code, keycode, shift=False):
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code,
                                                 "windowsVirtualKeyCode": keycode, "modifiers": 8 if shift else 0})
        if key == "Enter":
            self.send("Input.dispatchKeyEvent", {"type": "char", "text": "\r"})

    def close(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


HIGHLIGHT = """JSON.stringify((() => {
  const s = document.querySelector('article .reading'), w = document.querySelector('article .word');
  return {sentence: s && s.textContent.replace(/\\s+/g, ' ').trim(), id: s && s.id,
          word: w && w.textContent, time: document.querySelector('audio').currentTime,
          marked: document.querySelectorAll('.reading').length};
})())"""


def seek(browser, seconds):
    return json.loads(browser.js(f"""(async () => {{
      const a = document.querySelector('audio');
      a.currentTime = {seconds};
      await new Promise(r => a.addEventListener('seeked', r, {{once: true}}));
      return {HIGHLIGHT};
    }})()"""))


def sentence_at(timings, seconds):
    for k, s in enumerate(timings["sentences"]):
        end = timings["sentences"][k + 1]["start"] if k + 1 < len(timings["sentences"]) else timings["duration"]
        if s["start"] <= seconds < end:
            return k
    return None


def check_seeking(browser, timings, source):
    for k, s in enumerate(timings["sentences"]):
        middle = (s["start"] + s["end"]) / 2
        shown = seek(browser, middle)
        if shown["sentence"] != s["text"] or shown["marked"] != 1:
            problem(f"at {middle:.3f} s the page highlights '{shown['sentence']}' ({shown['marked']} sentences), "
                    f"the timings say '{s['text']}'")
            continue
        word = next((w for w in s["words"] if w["start"] <= middle < w["end"]), None)
        if word:
            text = source[word["source"][0]:word["source"][1]].decode()
            if not shown["word"] or text not in shown["word"]:
                problem(f"at {middle:.3f} s the word '{shown['word']}' is highlighted, the timings say '{text}'")
    # Moving in the second article takes the highlight there.
    other = json.loads(browser.js("""(async () => {
      const a = document.querySelectorAll('audio')[1];
      if (a.readyState < 1) await new Promise(r => a.addEventListener('loadedmetadata', r, {once: true}));
      a.currentTime = 1;
      await new Promise(r => a.addEventListener('seeked', r, {once: true}));
      const marked = [...document.querySelectorAll('.reading')];
      return JSON.stringify(marked.map(e => e.closest('article').id));
    })()"""))
    if other != ["a2"]:
        problem(f"after a seek in the second article, the highlighted sentences are in {other}, expected ['a2']")
    print(f"seeking: {len(timings['sentences'])} sentences highlighted as the timings say, one at a time")


def check_keyboard(browser, timings):
    sentences = timings["sentences"]
    seek(browser, (sentences[1]["start"] + sentences[1]["end"]) / 2)
    browser.js("document.activeElement && document.activeElement.blur(); window.focus(); true")
    focused = lambda: browser.js("document.activeElement.tagName + ':' + document.activeElement.textContent")
    # Past the list of articles (links) to the first article's player.
    for _ in range(20):
        browser.key("Tab", "Tab", 9)
        if focused().startswith("BUTTON:"):
            break
    labels = [focused()]
    for _ in range(2):
        browser.key("Tab", "Tab", 9)
        labels.append(focused())
    if labels != ["BUTTON:Play", "BUTTON:Previous sentence", "BUTTON:Next sentence"]:
        problem(f"Tab reaches {labels}, expected the buttons Play, Previous sentence, Next sentence")
        return
    browser.key("Enter", "Enter", 13)
    after = json.loads(browser.js(HIGHLIGHT))
    if after["sentence"] != sentences[2]["text"]:
        problem(f"Enter on 'Next sentence' highlights '{after['sentence']}', expected '{sentences[2]['text']}'")
    browser.key("Tab", "Tab", 9, shift=True)
    browser.key("Enter", "Enter", 13)
    back = json.loads(browser.js(HIGHLIGHT))
    if back["sentence"] != sentences[1]["text"]:
        problem(f"Enter on 'Previous sentence' highlights '{back['sentence']}', expected '{sentences[1]['text']}'")
    if browser.js("document.querySelector('article .text').getAttribute('aria-live')") != "off":
        problem("the text is not aria-live=off")
    print("keyboard: Tab reaches the buttons, Enter moves the highlight a sentence on and back")


def check_playing(browser, timings):
    browser.key("Tab", "Tab", 9, shift=True)  # from "Previous sentence" to "Play"
    browser.key("Enter", "Enter", 13)
    time.sleep(2)
    shown = json.loads(browser.js(HIGHLIGHT))
    paused = browser.js("document.querySelector('audio').paused")
    browser.js("document.querySelector('audio').pause(); true")
    now = shown["time"]
    k = sentence_at(timings, now)
    if paused or now < timings["sentences"][1]["start"] + 0.5:
        problem(f"the audio did not play (at {now:.3f} s, paused: {paused})")
    elif k is None or shown["sentence"] != timings["sentences"][k]["text"]:
        problem(f"playing at {now:.3f} s, the page highlights '{shown['sentence']}'")
    print(f"playing: at {now:.3f} s the highlight is on sentence {k + 1 if k is not None else '?'}")


def check_quiet(browser, page_url):
    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            problem("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            problem("exception: " + json.dumps(params["exceptionDetails"])[:300])
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            problem("log: " + params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if url != page_url and not url.startswith("data:"):
                problem("request for " + url)


def main():
    chromium, page, timings_path, source_path = sys.argv[1:5]
    timings = json.load(open(timings_path, encoding="utf-8"))
    source = open(source_path, "rb").read()
    url = "file://" + os.path.abspath(page)
    browser = Browser(chromium)
    try:
        browser.open(url)
        duration = browser.js("""(async () => { const a = document.querySelector('audio');
          if (a.readyState < 1) await new Promise(r => a.addEventListener('loadedmetadata', r, {once: true}));
          return a.duration; })()""")
        if abs(duration - timings["duration"]) > 0.05:
            problem(f"the embedded audio is {duration} s long, the timings say {timings['duration']}")
        check_seeking(browser, timings, source)
        check_keyboard(browser, timings)
        check_playing(browser, timings)
        check_quiet(browser, url)
    finally:
        browser.close()
    for p in problems:
        print("problem:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
