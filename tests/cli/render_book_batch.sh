#!/usr/bin/env bash
# Books behave in a batch as audio files do (issue 21): progress per input, the same bytes whatever -j
# is, a rerun skips an up-to-date book (and a changed input, setting or a partial book is rebuilt), one
# bad input is reported while the book holds the others (exit 4), an interrupted build leaves nothing
# (an older book stays as it was), a DAISY folder appears all at once, and misuse is a usage error.
set -uo pipefail
bin=$1 src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx=$src/tests/fixtures
cp "$fx/extract/magazin.html" "$tmp/a.html"
cp "$fx/render/artikel.txt" "$tmp/b.txt"
cp "$fx/extract/wirtschaft-dump.txt" "$tmp/c.txt"
mtime() { stat -c %.9Y "$1"; }
articles() { unzip -p "$1" EPUB/package.opf | grep -c '<itemref '; }
no_temporaries() { [[ -z $(find "$tmp" -name '.*.vorlesen-*') ]] || fail "$1: left $(find "$tmp" -name '.*.vorlesen-*')"; }

# Progress: a line per input (stderr is not a terminal), naming the book; the same bytes with -j 1 and 3.
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j1.epub" -j 1 2>"$tmp/err" || fail "-j 1: $(cat "$tmp/err")"
[[ $(grep -c "^rendered $tmp/[abc]\.[a-z]* -> $tmp/j1.epub (0:0" "$tmp/err") -eq 3 ]] || fail "progress: $(cat "$tmp/err")"
grep -q "^vorlesen: wrote $tmp/j1.epub with 3 articles$" "$tmp/err" || fail "no closing line: $(cat "$tmp/err")"
mkdir "$tmp/j3"
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j3/j1.epub" -j 3 -q 2>"$tmp/err" || fail "-j 3: $(cat "$tmp/err")"
[[ ! -s $tmp/err ]] || fail "-q still said: $(cat "$tmp/err")"
cmp -s "$tmp/j1.epub" "$tmp/j3/j1.epub" || fail "-j 1 and -j 3 wrote different books"
mv "$tmp/j3/j1.epub" "$tmp/j3.epub"
[[ $(articles "$tmp/j1.epub") -eq 3 ]] || fail "not 3 articles in the book"

# A rerun skips the book; --force, another setting or a newer input build it again.
before=$(mtime "$tmp/j1.epub")
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j1.epub" 2>"$tmp/err" || fail "rerun: $(cat "$tmp/err")"
grep -qx "vorlesen: $tmp/j1.epub is up to date (--force renders it again)" "$tmp/err" || fail "rerun: $(cat "$tmp/err")"
[[ $(mtime "$tmp/j1.epub") == "$before" ]] || fail "the up-to-date book was written again"
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j1.epub" -q --force || fail "--force"
[[ $(mtime "$tmp/j1.epub") != "$before" ]] || fail "--force did not build the book again"
before=$(mtime "$tmp/j1.epub")
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j1.epub" -q -s 200 || fail "-s 200"
[[ $(mtime "$tmp/j1.epub") != "$before" ]] || fail "another rate did not build the book again"
before=$(mtime "$tmp/j1.epub")
touch -d '+2 seconds' "$tmp/b.txt"
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -o "$tmp/j1.epub" -q -s 200 || fail "newer input"
[[ $(mtime "$tmp/j1.epub") != "$before" ]] || fail "a newer input did not build the book again"
"$bin" render "$tmp"/a.html "$tmp"/c.txt -o "$tmp/j1.epub" -q -s 200 || fail "fewer inputs"
[[ $(articles "$tmp/j1.epub") -eq 2 ]] || fail "other inputs did not build the book again"

# One bad input: reported, the book holds the others, exit 4; the rerun does not take the book as done.
for pass in 1 2; do
  "$bin" render "$tmp"/a.html "$tmp"/missing.txt "$tmp"/c.txt -o "$tmp/part.epub" -j 2 2>"$tmp/err"
  rc=$?
  [[ $rc -eq 4 ]] || fail "a bad input (pass $pass): exit $rc: $(cat "$tmp/err")"
  [[ $(articles "$tmp/part.epub") -eq 2 ]] || fail "the book does not hold the 2 good articles"
  grep -q "^vorlesen: 1 of 3 inputs failed; $tmp/part.epub holds the other 2:$" "$tmp/err" &&
    grep -q "^  $tmp/missing.txt: cannot open: No such file or directory$" "$tmp/err" || fail "summary: $(cat "$tmp/err")"
done
printf '\n \n' >"$tmp/leer.txt"
"$bin" render "$tmp"/missing.txt "$tmp"/leer.txt -o "$tmp/nichts.epub" 2>"$tmp/err"
rc=$?
[[ $rc -eq 4 && ! -e $tmp/nichts.epub ]] || fail "all inputs bad: exit $rc, $(ls "$tmp")"
grep -q "^vorlesen: all 2 inputs failed; no book was written:$" "$tmp/err" || fail "summary: $(cat "$tmp/err")"
expect_error "one bad input" 1 "leer.txt: nothing to read aloud" -- "$bin" render "$tmp/leer.txt" -o "$tmp/nichts.epub"
no_temporaries "failed books"

# Standard input: a book of one article, never up to date.
"$bin" render - -o "$tmp/stdin.html" -q <"$tmp/b.txt" || fail "stdin"
grep -q '<title>Neue Radwege für die Innenstadt</title>' "$tmp/stdin.html" || fail "stdin: $(grep '<title>' "$tmp/stdin.html")"

# A link (from a local web server): the book names it as the source, as a link a reader can follow.
py=/usr/bin/python3
[[ -x $py ]] || py=python3
"$py" "$src/tests/cli/lib/web_server.py" "$fx/extract/web" "$tmp/port" "$tmp/web.log" &
server=$!
for _ in $(seq 100); do [[ -s $tmp/port ]] && break; sleep 0.05; done
url=http://127.0.0.1:$(cat "$tmp/port")/artikel.html
"$bin" render "$url" "$tmp/b.txt" -o "$tmp/link.epub" -q 2>"$tmp/err" || fail "a book from a link: $(cat "$tmp/err")"
# A link that fails (HTTP 404) among good inputs: reported, the book holds the link and the file.
bad=http://127.0.0.1:$(cat "$tmp/port")/fehlt
"$bin" render "$url" "$bad" "$tmp/b.txt" -o "$tmp/links.epub" -q 2>"$tmp/err"
rc=$?
kill $server 2>/dev/null; wait $server 2>/dev/null
[[ $rc -eq 4 && $(articles "$tmp/links.epub") -eq 2 ]] || fail "a failed link: exit $rc, $(cat "$tmp/err")"
grep -q "^vorlesen: 1 of 3 inputs failed; $tmp/links.epub holds the other 2:$" "$tmp/err" &&
  grep -q "^  $bad: the server answered HTTP 404" "$tmp/err" || fail "a failed link's summary: $(cat "$tmp/err")"
unzip -p "$tmp/links.epub" EPUB/package.opf | grep -qF "<dc:source>$url</dc:source>" || fail "the good link is not in the book"
unzip -p "$tmp/link.epub" EPUB/package.opf | grep -qF "<dc:source>$url</dc:source>" || fail "the link is not the source"
unzip -p "$tmp/link.epub" EPUB/text/a001.xhtml | grep -qF "<cite><a href=\"$url\">$url</a></cite>" ||
  fail "the article does not link its source"
unzip -p "$tmp/link.epub" EPUB/package.opf | grep -qF '<dc:source>b.txt</dc:source>' || fail "a file is not named by its name"

# A DAISY folder appears all at once: watched while it is built, it is either absent or complete.
"$bin" render "$tmp"/a.html "$tmp"/b.txt "$tmp"/c.txt -f daisy -o "$tmp/buch" -j 2 -q &
pid=$!
seen=()
while kill -0 $pid 2>/dev/null; do
  [[ -d $tmp/buch ]] && seen+=("$(find "$tmp/buch" -type f | wc -l)")
  sleep 0.01
done
wait $pid || fail "render -f daisy"
files=$(find "$tmp/buch" -type f | wc -l)
[[ $files -eq 15 ]] || fail "the DAISY book has $files files, expected 15 (3 per article and title, 3 more)"
for n in "${seen[@]}"; do [[ $n -eq $files ]] || fail "the folder was seen with $n of its $files files"; done
# Built again (one article fewer), it takes the old one's place; the old files go with it.
"$bin" render "$tmp"/a.html "$tmp"/b.txt -f daisy -o "$tmp/buch" -q || fail "rebuild the DAISY folder"
[[ $(find "$tmp/buch" -type f | wc -l) -eq 12 && ! -e $tmp/buch/a003.mp3 ]] || fail "rebuilt folder: $(ls "$tmp/buch")"
# A folder of other files is not replaced.
mkdir "$tmp/fotos" && touch "$tmp/fotos/urlaub.jpg"
expect_error "not a book" 1 "fotos: is a folder with other files in it; it is not replaced" -- \
  "$bin" render "$tmp/a.html" -f daisy -o "$tmp/fotos"
[[ -e $tmp/fotos/urlaub.jpg ]] || fail "the other folder was touched"
no_temporaries "DAISY"

# Interrupted: nothing written, the older book unchanged, no temporaries.
for i in 1 2 3 4; do for k in 1 2 3 4 5 6; do cat "$tmp/b.txt"; echo; done >"$tmp/lang$i.txt"; done
before=$(md5sum <"$tmp/j3.epub")
# Job control on: a script's background job otherwise starts with SIGINT ignored, and vorlesen keeps
# an ignored signal ignored (as nohup expects); a terminal's Ctrl-C is never ignored.
set -m
"$bin" render "$tmp"/lang*.txt -o "$tmp/j3.epub" -j 2 --force 2>"$tmp/err" &
pid=$!
set +m
sleep 1.5
kill -INT $pid
wait $pid
rc=$?
[[ $rc -eq 130 ]] || fail "interrupted: exit $rc: $(cat "$tmp/err")"
grep -q "interrupted by SIGINT: the book was not written" "$tmp/err" || fail "interrupted: $(cat "$tmp/err")"
[[ $(md5sum <"$tmp/j3.epub") == "$before" ]] || fail "the interrupted build changed the older book"
for _ in $(seq 50); do [[ -z $(find "$tmp" -name '.*.vorlesen-*') ]] && break; sleep 0.1; done
no_temporaries "interrupted"

# Misuse.
expect_error "--word-sync for audio" 2 "--word-sync and --title are for books" -- \
  "$bin" render "$tmp/a.html" -o "$tmp/x.mp3" --word-sync
expect_error "epub to .mp3" 2 "x.mp3: the extension does not fit --format epub" -- \
  "$bin" render "$tmp/a.html" -o "$tmp/x.mp3" -f epub
expect_error "mp3 to .epub" 2 "x.epub: the extension does not fit --format mp3" -- \
  "$bin" render "$tmp/a.html" -o "$tmp/x.epub" -f mp3
expect_error "--word-sync for DAISY" 2 "--word-sync is for EPUB books" -- \
  "$bin" render "$tmp/a.html" -f daisy -o "$tmp/x" --word-sync
expect_error "subtitles for a book" 2 "--subtitles and --timings are for audio files" -- \
  "$bin" render "$tmp/a.html" -o "$tmp/x.epub" --subtitles vtt
finish
