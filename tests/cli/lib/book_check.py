#!/usr/bin/env python3
"""Checks of talking books (tests/cli/render_book_*.sh) that epubcheck and the players do not make.

  book_check.py epub-timings BOOK.epub TIMINGS.json
      The book holds one article. Every sentence <par> (or word <seq>) of its overlay begins at the
      sentence's start in TIMINGS.json (written by `render --timings json` for the same article) and
      ends at the next one's (the last at the audio's end); the XHTML element it points at holds the
      sentence's text; the overlay's media:duration is the audio's.
  book_check.py epub-nav BOOK.epub ARTICLES HEADINGS
      The navigation document lists ARTICLES articles with HEADINGS headings under them, each link
      leading to an element that exists.
  book_check.py daisy FOLDER
      The DAISY 2.02 rules that can be checked by a program: ncc.html starts with <h1 class="title">,
      heading levels do not skip, every link leads to a SMIL <text> that exists, every <text> to an
      element of its XHTML file, clip times lie inside their MP3 (duration from soxi), clips of a file
      are in order, each SMIL's seq dur is the sum of its clips, ncc:totalTime is the sum of the SMIL
      durations and equals the MP3s' length, ncc:files and ncc:tocItems count right, the ids in the
      SMIL bodies are unique across the book (players look them up without the file name).
Prints what is wrong and exits 1; prints a summary line otherwise.
"""
import json
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

XHTML = "{http://www.w3.org/1999/xhtml}"
SMIL3 = "{http://www.w3.org/ns/SMIL}"
EPUB = "{http://www.idpf.org/2007/ops}"
problems = []


def problem(text):
    problems.append(text)


def clock(value):
    """Seconds of a SMIL clock value: "0:01:02.345", "62.345s", "npt=62.345s"."""
    value = value.removeprefix("npt=").removesuffix("s")
    parts = [float(p) for p in value.split(":")]
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + p
    return seconds


def text_of(element):
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def ids(tree):
    return {e.get("id"): e for e in tree.iter() if e.get("id")}


def epub_timings(book, timings_path):
    timings = json.load(open(timings_path, encoding="utf-8"))
    with zipfile.ZipFile(book) as z:
        smil_name = next(n for n in z.namelist() if n.endswith(".smil"))
        smil = ET.fromstring(z.read(smil_name))
        xhtml = ET.fromstring(z.read(smil_name.replace("smil/", "text/").replace(".smil", ".xhtml")))
        opf = z.read("EPUB/package.opf").decode()
    elements = ids(xhtml)
    outer = smil.find(f"{SMIL3}body/{SMIL3}seq")
    units = list(outer)
    sentences = timings["sentences"]
    if len(units) != len(sentences):
        problem(f"{len(units)} sentences in the overlay, {len(sentences)} in the timings")
    for k, (unit, sentence) in enumerate(zip(units, sentences)):
        pars = [unit] if unit.tag == f"{SMIL3}par" else list(unit)
        begin = clock(pars[0].find(f"{SMIL3}audio").get("clipBegin"))
        end = clock(pars[-1].find(f"{SMIL3}audio").get("clipEnd"))
        expected_end = sentences[k + 1]["start"] if k + 1 < len(sentences) else timings["duration"]
        if abs(begin - sentence["start"]) > 0.0015 or abs(end - expected_end) > 0.0015:
            problem(f"sentence {k + 1}: clip {begin:.3f}-{end:.3f}, timings {sentence['start']:.3f}-{expected_end:.3f}")
        target = (unit.get(f"{EPUB}textref") or pars[0].find(f"{SMIL3}text").get("src")).split("#")[1]
        if target not in elements:
            problem(f"sentence {k + 1}: no element {target}")
        elif text_of(elements[target]) != sentence["text"]:
            problem(f"sentence {k + 1}: '{text_of(elements[target])}' is not '{sentence['text']}'")
    duration = re.search(r'refines="#mo-a001">([^<]+)<', opf)
    if not duration or abs(clock(duration.group(1)) - timings["duration"]) > 0.0015:
        problem(f"media:duration {duration and duration.group(1)} is not {timings['duration']}")
    print(f"overlay: {len(units)} sentences, clips as the timings say")


def epub_nav(book, articles, headings):
    with zipfile.ZipFile(book) as z:
        nav = ET.fromstring(z.read("EPUB/nav.xhtml"))
        files = {n: ET.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xhtml")}
    top = nav.find(f".//{XHTML}nav/{XHTML}ol")
    items = top.findall(f"{XHTML}li")
    nested = top.findall(f"{XHTML}li/{XHTML}ol/{XHTML}li")
    if len(items) != int(articles) or len(nested) != int(headings):
        problem(f"navigation: {len(items)} articles and {len(nested)} headings, expected {articles} and {headings}")
    for a in nav.iter(f"{XHTML}a"):
        file, _, fragment = a.get("href").partition("#")
        tree = files.get("EPUB/" + file)
        if tree is None or (fragment and fragment not in ids(tree)):
            problem(f"navigation link {a.get('href')} leads nowhere")
        if not text_of(a):
            problem(f"navigation link {a.get('href')} has no label")
    print(f"navigation: {len(items)} articles, {len(nested)} headings")


def mp3_seconds(path):
    out = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def meta(tree, name):
    for m in tree.iter():
        if m.tag.endswith("meta") and m.get("name") == name:
            return m.get("content")
    problem(f"no meta {name}")
    return ""


def daisy(folder):
    folder = Path(folder)
    ncc = ET.parse(folder / "ncc.html").getroot()
    headings = [e for e in ncc.find(f"{XHTML}body") if re.fullmatch(rf"{re.escape(XHTML)}h[1-6]", e.tag)]
    if not headings or headings[0].tag != f"{XHTML}h1" or headings[0].get("class") != "title":
        problem("the first heading of ncc.html is not <h1 class=\"title\">")
    level = 0
    for h in headings:
        new = int(h.tag[-1])
        if new > level + 1:
            problem(f"heading level skips from {level} to {new} at '{text_of(h)}'")
        level = new
    smils, seen_ids, total, audio_total = {}, {}, 0.0, 0.0
    for smil_file in sorted(folder.glob("*.smil")):
        tree = ET.parse(smil_file).getroot()
        smils[smil_file.name] = tree
        for e in tree.find("body").iter():
            if e.get("id"):
                if e.get("id") in seen_ids:
                    problem(f"id {e.get('id')} in {smil_file.name} and {seen_ids[e.get('id')]}")
                seen_ids[e.get("id")] = smil_file.name
    for h in headings:
        a = h.find(f"{XHTML}a")
        file, _, fragment = a.get("href").partition("#")
        target = ids(smils[file]).get(fragment) if file in smils else None
        if target is None or target.tag != "text":
            problem(f"ncc link {a.get('href')} does not lead to a SMIL <text>")
    durations = {}
    for name, tree in smils.items():
        if name == "master.smil":
            continue
        texts = {}
        last_end, clips_sum, audio_file = 0.0, 0.0, None
        for par in tree.iter("par"):
            text, audio = par.find("text"), par.find("audio")
            file, _, fragment = text.get("src").partition("#")
            if file not in texts:
                texts[file] = ids(ET.parse(folder / file).getroot())
            if fragment not in texts[file]:
                problem(f"{name}: {text.get('src')} leads nowhere")
            begin, end = clock(audio.get("clip-begin")), clock(audio.get("clip-end"))
            audio_file = audio.get("src")
            if not (begin < end) or begin < last_end - 0.0005:
                problem(f"{name}: clip {begin}-{end} out of order (after {last_end})")
            last_end = end
            clips_sum += end - begin
        length = mp3_seconds(folder / audio_file)
        # soxi counts the MP3 encoder's delay and padding (up to ~0.1 s) that players skip.
        if last_end > length + 0.0005 or last_end < length - 0.15:
            problem(f"{name}: the clips end at {last_end:.3f} s, {audio_file} is {length:.3f} s long")
        dur = clock(tree.find("body/seq").get("dur"))
        if abs(dur - clips_sum) > 0.002:
            problem(f"{name}: seq dur {dur} is not the sum of its clips {clips_sum:.3f}")
        durations[name] = dur
        total += dur
        audio_total += length
        hms = meta(tree, "ncc:timeInThisSmil").split(":")
        if abs(int(hms[0]) * 3600 + int(hms[1]) * 60 + int(hms[2]) - dur) > 0.5:
            problem(f"{name}: ncc:timeInThisSmil {':'.join(hms)} is not {dur}")
    hms = [int(p) for p in meta(ncc, "ncc:totalTime").split(":")]
    total_time = hms[0] * 3600 + hms[1] * 60 + hms[2]
    if abs(total_time - total) > 0.5:
        problem(f"ncc:totalTime {total_time} s is not the sum of the SMIL files, {total:.3f} s")
    if abs(total - audio_total) > 0.15 * len(durations):
        problem(f"the book is {total:.3f} s long, its MP3 files {audio_total:.3f} s")
    files = len([f for f in folder.iterdir() if f.is_file()])
    if int(meta(ncc, "ncc:files")) != files:
        problem(f"ncc:files says {meta(ncc, 'ncc:files')}, the folder has {files}")
    if int(meta(ncc, "ncc:tocItems")) != len(headings):
        problem(f"ncc:tocItems says {meta(ncc, 'ncc:tocItems')}, ncc.html has {len(headings)} headings")
    for name in ("dc:title", "dc:format", "dc:identifier", "dc:language", "ncc:multimediaType"):
        meta(ncc, name)
    print(f"daisy: {len(headings)} headings, {len(durations)} SMIL files, {total:.3f} s of audio")


def main():
    command, args = sys.argv[1], sys.argv[2:]
    {"epub-timings": epub_timings, "epub-nav": epub_nav, "daisy": daisy}[command](*args)
    for p in problems:
        print("problem:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
