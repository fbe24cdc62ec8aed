#!/usr/bin/env bash
# EPUB 3 talking books (issue 21): a book of 20 articles passes epubcheck with no error and no warning,
# with and without --word-sync; the overlay's clips are the render timings (the same article rendered
# with --timings json); the navigation lists every article and heading; the text keeps its spelling.
set -uo pipefail
bin=$1 src=$2
source "$src/tests/cli/lib.bash"
jar=/usr/share/java/epubcheck.jar
if [[ ! -f $jar ]] || ! command -v java >/dev/null; then echo "epubcheck is not installed (scripts/setup --test)"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx=$src/tests/fixtures
check=$src/tests/cli/lib/book_check.py
sources=("$fx/extract/magazin.html" "$fx/extract/nachrichten.html" "$fx/extract/brief.txt" "$fx/extract/liste-dump.txt"
         "$fx/extract/regional-dump.txt" "$fx/extract/wirtschaft-dump.txt" "$fx/extract/latin1.html"
         "$fx/render/artikel.txt" "$fx/render/kurz.txt" "$fx/book/sonderzeichen.html")

# epubcheck BOOK: its report, and whether it is clean (no fatal, error, warning, not even an info).
# A short-lived JVM: the quick compiler only and one GC thread take a third of the CPU time.
epubcheck() {
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$1" >"$tmp/check.txt" 2>&1
  local rc=$?
  grep -q '^Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' "$tmp/check.txt" && [[ $rc -eq 0 ]] ||
    fail "epubcheck $(basename "$1") (exit $rc): $(grep -E '^(FATAL|ERROR|WARNING|INFO|USAGE)' "$tmp/check.txt" | head -20)"
}

# 20 articles: each source twice, under its own name.
mkdir "$tmp/in"
for i in $(seq 1 20); do
  f=${sources[$(((i - 1) % ${#sources[@]}))]}
  cp "$f" "$tmp/in/$(printf %02d "$i")-$(basename "$f")"
done
"$bin" render "$tmp"/in/* -o "$tmp/zeitung.epub" -j 2 -q 2>"$tmp/err" || fail "render 20 articles: $(cat "$tmp/err")"
[[ ! -s $tmp/err ]] || fail "render said: $(cat "$tmp/err")"
epubcheck "$tmp/zeitung.epub"
headings=0
for f in "$tmp"/in/*; do headings=$((headings + $("$bin" extract --kinds "$f" | grep -c '^heading'))); done
python3 "$check" epub-nav "$tmp/zeitung.epub" 20 "$headings" || fail "navigation of the 20-article book"
unzip -l "$tmp/zeitung.epub" | grep -c 'EPUB/audio/a0[0-9][0-9].mp3$' | grep -qx 20 || fail "not 20 MP3 files in the book"

# Word by word, with the special characters, a list and a quote.
"$bin" render "$fx/book/sonderzeichen.html" "$fx/extract/nachrichten.html" "$fx/extract/liste-dump.txt" \
  -o "$tmp/worte.epub" --word-sync --title 'Wörter & Sätze' -q 2>"$tmp/err" || fail "--word-sync: $(cat "$tmp/err")"
epubcheck "$tmp/worte.epub"
unzip -p "$tmp/worte.epub" EPUB/package.opf | grep -q '<dc:title>Wörter &amp; Sätze</dc:title>' || fail "--title"
unzip -p "$tmp/worte.epub" EPUB/text/a001.xhtml >"$tmp/a001.xhtml"
grep -q 'Programmierer</span> <span id="[a-z0-9]*">schreiben</span>' "$tmp/a001.xhtml" || fail "no word elements"
grep -q 'lang="de"' "$tmp/a001.xhtml" || fail "the text is not marked German"
grep -q '<time datetime="2025-05-08">' "$tmp/a001.xhtml" || fail "the byline's date is not in the article"
grep -q '<ol>\|<ul>' "$tmp/a001.xhtml" && grep -q '<blockquote>' "$tmp/a001.xhtml" || fail "no list or quote"
unzip -p "$tmp/worte.epub" EPUB/smil/a001.smil | grep -q '<seq id="a1s1q"' || fail "no word sequence in the overlay"

# The clips are the render timings: the same article as MP3 with --timings json, and as a one-article book.
"$bin" render "$fx/book/sonderzeichen.html" -o "$tmp/one.mp3" --timings json -q || fail "render one.mp3"
"$bin" render "$fx/book/sonderzeichen.html" -o "$tmp/one.epub" -q || fail "render one.epub"
python3 "$check" epub-timings "$tmp/one.epub" "$tmp/one.json" || fail "the clips are not the render timings"
unzip -p "$tmp/one.epub" EPUB/audio/a001.mp3 | cmp -s - "$tmp/one.mp3" || fail "the book's MP3 is not the rendered MP3"
unzip -p "$tmp/one.epub" EPUB/package.opf | grep -q '<dc:title>Kleine Zeichen, große Wirkung</dc:title>' ||
  fail "a one-article book is not titled like its article"
# The original spelling, escaped, sentence by sentence: „A & B“, <Zeichen>.
unzip -p "$tmp/one.epub" EPUB/text/a001.xhtml >"$tmp/one.xhtml"
grep -q '<span id="a1s3">Wer „A &amp; B“ schreibt, meint meist „A und B“.</span>' "$tmp/one.xhtml" &&
  grep -q 'gern &lt;Zeichen&gt; in spitze' "$tmp/one.xhtml" || fail "spelling: $(grep -o 'Wer.*Klammern' "$tmp/one.xhtml")"
python3 "$check" epub-timings "$tmp/worte.epub" "$tmp/one.json" || fail "the word overlay's sentences are not the render timings"
finish
