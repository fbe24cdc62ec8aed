#!/usr/bin/env python3
"""A local web server for the link tests (tests/cli/fetch.sh): 127.0.0.1 only, a free port.

  web_server.py ROOT PORT_FILE LOG_FILE [--cert CERT --key KEY]

Serves the fixture pages in ROOT and the special cases below; writes its port to PORT_FILE once it
listens and one line per request to LOG_FILE ("GET PATH | User-Agent | Accept-Encoding"), plus how
many bytes an endless answer got out before the client hung up ("sent /endlos N").
"""
import argparse, gzip, http.server, os, ssl, sys, time

try:
    import brotli  # python3-brotli (scripts/setup --test)
except ImportError:
    brotli = None

MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
REDIRECTS = {"/weiter/1": (302, "/weiter/2"), "/weiter/2": (301, "/weiter/3"), "/weiter/3": (307, "/artikel.html"),
             "/kreis": (302, "/kreis")}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection; a body without length ends at close

    def log_message(self, *args):
        pass

    def log(self, line):
        with open(self.server.log_path, "a", encoding="utf-8") as f:
            f.write(line + "\n")

    def page(self, name):
        with open(os.path.join(self.server.root, name), "rb") as f:
            return f.read()

    def answer(self, status, body, content_type, extra=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def latin1(self, name, meta):
        """A fixture page in ISO-8859-1, its <meta> saying `meta`."""
        text = self.page(name).decode("utf-8").replace('charset="utf-8"', f'charset="{meta}"')
        return text.encode("cp1252")  # what browsers read for ISO-8859-1

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        sent, chunk = 0, b"Sehr lang. " * 6000
        try:
            while sent < 100 * MB:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.log(f"sent /endlos {sent}")

    def stall(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<html><body><p>Gleich geht es los")
        self.wfile.flush()
        time.sleep(30)

    def compressed(self, encoding):
        body = self.page("artikel.html")
        accepted = self.headers.get("Accept-Encoding", "")
        if encoding not in accepted:
            return self.answer(406, b"encoding not accepted", "text/plain")
        if encoding == "gzip":
            data = gzip.compress(body)
        else:
            if brotli is None:
                return self.answer(500, b"python3-brotli missing", "text/plain")
            data = brotli.compress(body)
        self.answer(200, data, "text/html; charset=utf-8", [("Content-Encoding", encoding)])

    def do_GET(self):
        path = self.path.split("?")[0]  # the query is not part of the route
        self.log(f"GET {path} | {self.headers.get('User-Agent', '')} | {self.headers.get('Accept-Encoding', '')}")
        if path in REDIRECTS:
            status, target = REDIRECTS[path]
            return self.answer(status, b"", "text/html", [("Location", target)])
        simple = {
            "/fehlt": (404, b"<h1>Nicht gefunden</h1>", "text/html"),
            "/kaputt": (500, b"<h1>Serverfehler</h1>", "text/html"),
            "/bild.png": (200, PNG, "image/png"),
            "/leer.pdf": (200, b"", "application/pdf"),
        }
        if path in simple:
            return self.answer(*simple[path])
        if path == "/gzip/artikel.html":
            return self.compressed("gzip")
        if path == "/br/artikel.html":
            return self.compressed("br")
        if path == "/zeichensatz/kopf.html":  # the header is right, the page's <meta> is not
            return self.answer(200, self.latin1("artikel.html", "utf-8"), "text/html; charset=ISO-8859-1")
        if path == "/zeichensatz/meta.html":  # no charset in the header: the <meta> decides
            return self.answer(200, self.latin1("artikel.html", "iso-8859-1"), "text/html")
        if path == "/wetter.txt":
            return self.answer(200, self.page("wetter.txt").decode("utf-8").encode("cp1252"),
                               'text/plain; charset="iso-8859-1"')
        if path == "/riesig.html":  # declared too large: refused before the body comes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(25 * MB))
            self.end_headers()
            return
        if path == "/endlos":
            return self.endless()
        if path == "/langsam.html":
            return self.stall()
        name = path.lstrip("/")
        if name and "/" not in name and os.path.isfile(os.path.join(self.server.root, name)):
            kind = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html; charset=utf-8"
            return self.answer(200, self.page(name), kind)
        self.answer(404, b"not here", "text/plain")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("port_file")
    ap.add_argument("log")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    a = ap.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.root, server.log_path = a.root, a.log
    if a.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert, a.key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, a.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
