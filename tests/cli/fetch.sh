#!/usr/bin/env bash
# Links: `vorlesen extract/play/render URL` against a local web server on 127.0.0.1 (never the
# internet): success, redirects and their limit, gzip and br, the charset from the header before the
# <meta>, HTTP 404/500, a stalling server, a page too large (the transfer stops early), a picture, a
# self-signed certificate, an unknown host, a refused connection, a consent wall, and a link that
# fails in a render batch beside one that works.
set -uo pipefail
bin=$1
src=$2
export VORLESEN_DATA_DIR=$src/voices
source "$src/tests/cli/lib.bash"
# Debian's python3, where scripts/setup --test installs python3-brotli (not a python3 of pyenv & co).
py=/usr/bin/python3
[[ -x $py ]] || py=python3
command -v openssl >/dev/null || { echo "openssl missing (scripts/setup --test): skipped"; exit 77; }
"$py" -c 'import brotli' 2>/dev/null || { echo "python3-brotli missing (scripts/setup --test): skipped"; exit 77; }

tmp=$(mktemp -d) || exit 1
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# start_server NAME [--cert C --key K]: starts a server, sets $port.
start_server() {
  local name=$1; shift
  "$py" "$src/tests/cli/lib/web_server.py" "$src/tests/fixtures/extract/web" "$tmp/$name.port" "$tmp/$name.log" "$@" &
  servers+=($!)
  for _ in $(seq 100); do [[ -s $tmp/$name.port ]] && break; sleep 0.05; done
  port=$(cat "$tmp/$name.port" 2>/dev/null) || { echo "FAIL: $name server did not start" >&2; exit 1; }
}
start_server http
base=http://127.0.0.1:$port

# extract_ok NAME URL: extracts, expects the article's title and a sentence with umlauts intact.
extract_ok() {
  local name=$1 url=$2
  "$bin" extract "$url" >"$tmp/out" 2>"$tmp/err" || { fail "$name: exit $? ($(cat "$tmp/err"))"; return; }
  [[ $(head -1 "$tmp/out") == "Neue Fähre über die Weser startet im Mai" ]] || fail "$name: title: $(head -1 "$tmp/out")"
  grep -q "Müller, der Kapitän, freut sich auf die erste Überfahrt" "$tmp/out" || fail "$name: text: $(cat "$tmp/out")"
  grep -q -e Impressum -e Startseite "$tmp/out" && fail "$name: page clutter read: $(cat "$tmp/out")"
  [[ ! -s $tmp/err ]] || fail "$name: stderr: $(cat "$tmp/err")"
}

extract_ok "plain page" "$base/artikel.html"
grep -q "GET /artikel.html | vorlesen/[0-9.]* " "$tmp/http.log" || fail "no User-Agent naming vorlesen: $(cat "$tmp/http.log")"
extract_ok "redirect chain (302, 301, 307)" "$base/weiter/1"
extract_ok "gzip" "$base/gzip/artikel.html"
extract_ok "br" "$base/br/artikel.html"
extract_ok "charset from the header, not the wrong <meta>" "$base/zeichensatz/kopf.html"
extract_ok "charset from the <meta> when the header names none" "$base/zeichensatz/meta.html"
"$bin" extract "$base/wetter.txt" >"$tmp/out" 2>"$tmp/err" || fail "text/plain: exit $?"
grep -q "Am Wochenende wird es mild" "$tmp/out" || fail "text/plain in ISO-8859-1: $(cat "$tmp/out")"
"$bin" extract "$base/zeichensatz/kopf.html?x=1#teil" >/dev/null 2>&1 || fail "query and fragment: exit $?"

# Errors: one line naming the link and the reason, exit 1.
expect_error "redirect loop" 1 "$base/kreis: too many redirects \(more than 10\)" -- "$bin" extract "$base/kreis"
expect_error "404" 1 "$base/fehlt: the server answered HTTP 404: page not found" -- "$bin" extract "$base/fehlt"
expect_error "500" 1 "$base/kaputt: the server answered HTTP 500: internal server error" -- "$bin" extract "$base/kaputt"
expect_error "picture" 1 "$base/bild.png: this link is not a web page or text, but image/png" -- "$bin" extract "$base/bild.png"
expect_error "empty PDF" 1 "not a web page or text, but application/pdf" -- "$bin" extract "$base/leer.pdf"
expect_error "declared too large" 1 "$base/riesig.html: the page is larger than 20 MB" -- "$bin" extract "$base/riesig.html"
expect_error "too large" 1 "$base/endlos: the page is larger than 20 MB" -- "$bin" extract "$base/endlos"
sleep 0.5  # the server notices the hang-up
sent=$(sed -n 's|^sent /endlos ||p' "$tmp/http.log")
[[ -n $sent ]] && (( sent < 60 * 1024 * 1024 )) || fail "too large: the transfer went on ($sent bytes sent)"
start=$(date +%s%N)
expect_error "stalling server" 1 "$base/langsam.html: timed out: no complete answer within 1 seconds" -- "$bin" extract --timeout 1 "$base/langsam.html"
(( ($(date +%s%N) - start) / 1000000 < 10000 )) || fail "the 1 s timeout took $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s%N)
expect_error "unknown host" 1 "http://vorlesen-test.invalid/seite: cannot find the server vorlesen-test.invalid" -- \
  "$bin" extract "http://vorlesen-test.invalid/seite"
(( ($(date +%s%N) - start) / 1000000 < 3000 )) || fail "the unknown host took $(( ($(date +%s%N) - start) / 1000000 )) ms"
closed=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
expect_error "refused" 1 "http://127.0.0.1:$closed/: cannot connect to 127.0.0.1: the connection was refused" -- \
  "$bin" extract "http://127.0.0.1:$closed/"
expect_error "consent wall" 1 "$base/einwilligung.html: the page shows only a cookie or consent notice" -- \
  "$bin" extract "$base/einwilligung.html"
expect_error "not a link" 1 "ftp://127.0.0.1/x" -- "$bin" extract "ftp://127.0.0.1/x"

# HTTPS with a self-signed certificate: verification is on, so the page is not read.
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" -days 2 \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1 || fail "openssl could not make a certificate"
start_server https --cert "$tmp/cert.pem" --key "$tmp/key.pem"
expect_error "self-signed certificate" 1 "https://127.0.0.1:$port/artikel.html: the server's HTTPS certificate is not trusted" -- \
  "$bin" extract "https://127.0.0.1:$port/artikel.html"

# play: the link read aloud (plain mode, silent device), also as `vorlesen URL`.
out=$("$bin" play --device null "$base/kurz.html" 2>"$tmp/err") || fail "play URL: exit $? ($(cat "$tmp/err"))"
[[ $out == $'Guten Morgen\nHeute bleibt es an der Küste trocken und sonnig.' ]] || fail "play URL printed: $out"
out=$("$bin" --device null "$base/kurz.html" 2>"$tmp/err") || fail "vorlesen URL: exit $? ($(cat "$tmp/err"))"
[[ $out == *"Heute bleibt es an der Küste"* ]] || fail "vorlesen URL printed: $out"
expect_error "play 404" 1 "$base/fehlt: the server answered HTTP 404" -- "$bin" play --device null "$base/fehlt"

# render: one link to a file; links in a batch named after their last path segment, a failing
# one beside them (exit 4, the others rendered); a rerun skips what the same article made.
"$bin" render "$base/kurz.html" -o "$tmp/eins.wav" 2>"$tmp/err" || fail "render URL -o file: exit $? ($(cat "$tmp/err"))"
[[ -s $tmp/eins.wav ]] || fail "render URL -o file: no file"
printf '%s\n' "$base/kaputt" "$base/" >"$tmp/liste"
"$bin" render "$base/kurz.html" "$base/fehlt" --from-list "$tmp/liste" -o "$tmp/batch" 2>"$tmp/err"; rc=$?
[[ $rc == 4 ]] || fail "batch with failing links: exit $rc ($(cat "$tmp/err"))"
[[ -s $tmp/batch/kurz.wav ]] || fail "batch: kurz.wav missing: $(ls "$tmp/batch")"
[[ ! -e $tmp/batch/fehlt.wav && ! -e $tmp/batch/kaputt.wav ]] || fail "batch: output for a failed link"
grep -q "$base/fehlt: the server answered HTTP 404" "$tmp/err" || fail "batch: 404 not reported: $(cat "$tmp/err")"
grep -q "$base/kaputt: the server answered HTTP 500" "$tmp/err" || fail "batch: 500 not reported: $(cat "$tmp/err")"
grep -q "$base/: the server answered HTTP 404" "$tmp/err" || fail "batch: host link not tried: $(cat "$tmp/err")"
grep -q "3 of 4 inputs failed" "$tmp/err" || fail "batch summary: $(cat "$tmp/err")"
cmp -s "$tmp/eins.wav" "$tmp/batch/kurz.wav" || fail "the same link rendered twice differs"
"$bin" render "$base/kurz.html" "$base/artikel.html" -o "$tmp/batch" 2>"$tmp/err" || fail "rerun: exit $?"
grep -q "skipped $base/kurz.html" "$tmp/err" || fail "rerun did not skip the unchanged link: $(cat "$tmp/err")"
grep -q "rendered $base/artikel.html -> $tmp/batch/artikel.wav" "$tmp/err" || fail "rerun: $(cat "$tmp/err")"
"$bin" render --force "$base/kurz.html" -o "$tmp/batch" -q 2>"$tmp/err" || fail "--force: exit $?"
[[ $(grep -c "GET /kurz.html" "$tmp/http.log") -ge 5 ]] || fail "links not fetched each time"

finish
