"""The bundled sample newsroom: static outlet sites plus fault pages, served on loopback.

It stands in for AFP/RT/Sputnik-style outlets so that every crawl in `make run` and in the tests is
real HTTP without the internet. Outlets keep stable fictional hosts (``rt.newsroom.test``...) and
the server doubles as a plain HTTP proxy, so URLs, guids and ids never carry the ephemeral port:

* proxy style: ``GET http://rt.newsroom.test/fr/rss.xml HTTP/1.1`` (what Scrapy sends through
  ``request.meta["proxy"]`` and ``curl -x``) is routed by the host of the absolute URI;
* direct style: ``GET /fr/rss.xml`` with ``Host: rt.newsroom.test``;
* browsing: ``http://127.0.0.1:PORT/rt.newsroom.test/fr/rss.xml``.

Files live under ``site/<host>/``; ``site/afp-drop/`` is the wire drop folder read through
``file://`` and never served. The faults host adds dynamic routes (see ``FAULT_ROUTES``), and each
outlet host can be switched into a failure mode (``MODES``) at start or at runtime through
``POST /_admin/mode?host=...&mode=...`` so monitoring can be watched firing.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import http.server
import json
import os
import re
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

NEWSROOM_DOMAIN = "newsroom.test"
FAULTS_HOST = "faults.newsroom.test"
SERVER_NAME = "figurewire-newsroom/0.1"

# The faults source has download_timeout 2.0 s; slow answers take longer than that (and than any
# sample timeout below 6 s), but wake at once when the server stops.
SLOW_SECONDS = 6.0
# The crawl of the sample runs with DOWNLOAD_MAXSIZE = SAMPLE_DOWNLOAD_MAXSIZE; the oversized page is
# bigger and declares its size in Content-Length, so Scrapy can drop it before reading it all.
SAMPLE_DOWNLOAD_MAXSIZE = 2 * 1024 * 1024
OVERSIZED_BYTES = 3 * 1024 * 1024
# The data-loss page declares this many bytes, sends TRUNCATED_SENT_BYTES of them, then closes.
TRUNCATED_DECLARED_BYTES = 16_384

MODES: dict[str, str] = {
    "ok": "normal service",
    "500": "every response of the host is a 500",
    "empty": "feeds (RSS, Atom, sitemaps) are served without any item",
    "layout": "article pages come as a script-rendered shell: no title, no body in the HTML",
    "slow": f"every response waits {SLOW_SECONDS:g} s before answering (past the download timeout)",
}

FAULT_ROUTES: dict[str, str] = {
    "/panne/erreur-serveur.html": "always 500",
    "/lent/alep-en-direct.html": f"answers after {SLOW_SECONDS:g} s",
    "/boucle/a.html": "302 to /boucle/b.html",
    "/boucle/b.html": "302 to /boucle/a.html",
    "/tronque/perte-de-donnees.html": "Content-Length larger than the body sent, then the connection closes",
    "/enorme/archives-completes.html": f"{OVERSIZED_BYTES} bytes generated on the fly",
    "/xxe.xml": "RSS with external entities: a file:// secret and the canary URL on this very server",
    "/_canary/": "counts hits: proves an external XML entity was (not) fetched",
}

# Pages whose charset the server must (not) announce: the bytes on disk are in that charset.
CONTENT_TYPE_OVERRIDES: dict[tuple[str, str], str] = {
    (FAULTS_HOST, "/encodage/cp1251.html"): "text/html; charset=windows-1251",
    (FAULTS_HOST, "/encodage/latin1.html"): "text/html",
}

_FEED_ITEM = re.compile(rb"<item\b.*?</item>\s*|<entry\b.*?</entry>\s*|<url>.*?</url>\s*", re.S)
_LAYOUT_SHELL = (
    '<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{site}</title>'
    '<script defer src="/static/app.2017.js"></script></head>\n<body><div id="app" data-story="{story}">'
    "</div><noscript>Activez JavaScript pour lire cet article.</noscript></body></html>\n"
)


def site_dir() -> Path:
    """The folder of static files, one subfolder per host (plus ``afp-drop/``, the file:// drop folder)."""
    return Path(__file__).resolve().parent / "site"


def known_hosts() -> list[str]:
    return sorted(p.name for p in site_dir().iterdir() if p.is_dir() and p.name.endswith(NEWSROOM_DOMAIN))


class NewsroomServer(http.server.ThreadingHTTPServer):
    """One newsroom: per-host failure modes, hit counts, and a stop signal sleeping answers obey."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], modes: dict[str, str] | None = None,
                 slow_seconds: float = SLOW_SECONDS):
        super().__init__(address, NewsroomHandler)
        self.site = site_dir()
        self.hosts = set(known_hosts())
        self.slow_seconds = slow_seconds
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.modes: dict[str, str] = {}
        self.mode_changed_at: dict[str, float] = {}
        self.hits: Counter[str] = Counter()
        self._connections: set[socket.socket] = set()
        for host, mode in (modes or {}).items():
            self.set_mode(host, mode)

    def handle_error(self, request, client_address) -> None:
        """A crawler that gave up (timeout, size limit) hangs up on purpose: not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def set_mode(self, host: str, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; modes: {', '.join(MODES)}")
        if host not in self.hosts:
            raise ValueError(f"unknown host {host!r}; hosts: {', '.join(sorted(self.hosts))}")
        with self.lock:
            if mode == "ok":
                self.modes.pop(host, None)
            else:
                self.modes[host] = mode
            self.mode_changed_at[host] = time.time()

    def mode_of(self, host: str) -> str:
        with self.lock:
            return self.modes.get(host, "ok")

    def count_hit(self, key: str) -> None:
        with self.lock:
            self.hits[key] += 1

    def process_request(self, request, client_address):
        with self.lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self.lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def stop(self) -> None:
        """Wake sleeping answers, stop accepting, and cut open keep-alive connections."""
        self.stopping.set()
        self.shutdown()
        self.server_close()
        with self.lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class NewsroomHandler(http.server.BaseHTTPRequestHandler):
    server: NewsroomServer
    protocol_version = "HTTP/1.1"
    server_version = SERVER_NAME
    sys_version = ""
    timeout = 30

    def log_message(self, format, *args):  # noqa: A002 - quiet: crawls and tests make hundreds of requests
        pass

    def do_GET(self):
        self._dispatch(head=False)

    def do_HEAD(self):
        self._dispatch(head=True)

    def do_POST(self):
        self._dispatch(head=False)

    def do_CONNECT(self):
        self._send_text(501, "The sample newsroom is a plain HTTP proxy for *.newsroom.test; no CONNECT.\n")

    # ------------------------------------------------------------ routing

    def _dispatch(self, head: bool) -> None:
        self.head = head
        target = urlsplit(self.path)
        if target.scheme:
            host, path = (target.hostname or "").lower(), target.path or "/"
            proxied = True
        else:
            host, path = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower(), target.path or "/"
            proxied = False
        query = parse_qs(target.query)
        if host.endswith(NEWSROOM_DOMAIN):
            return self._serve_host(host, path, query)
        if proxied and host not in ("127.0.0.1", "localhost"):
            return self._send_text(502, f"Bad gateway: the sample newsroom proxies only *.{NEWSROOM_DOMAIN} "
                                        f"hosts, not {host!r}.\n")
        if path.startswith("/_admin/"):
            return self._admin(path, query)
        first, _, rest = path.lstrip("/").partition("/")
        if first.endswith(NEWSROOM_DOMAIN):
            return self._serve_host(first, "/" + rest, query)
        if path == "/":
            return self._send_text(200, self._front_page(), "text/html; charset=utf-8")
        return self._send_text(404, f"Not found: {path}. Browse /<host>/<path>, hosts: "
                                    f"{', '.join(sorted(self.server.hosts))}.\n")

    def _serve_host(self, host: str, path: str, query: dict) -> None:
        self.server.count_hit(host + path)
        if host not in self.server.hosts:
            return self._send_text(502, f"Bad gateway: no outlet {host!r} in the sample newsroom; hosts: "
                                        f"{', '.join(sorted(self.server.hosts))}.\n")
        mode = self.server.mode_of(host)
        if mode == "500":
            return self._send_text(500, f"Internal Server Error ({host} is in failure mode 500)\n")
        if mode == "slow" and self.server.stopping.wait(self.server.slow_seconds):
            return self._abort()
        if host == FAULTS_HOST and self._fault_route(path):
            return
        self._serve_static(host, path, mode)

    def _fault_route(self, path: str) -> bool:
        if path == "/panne/erreur-serveur.html":
            self._send_text(500, "Internal Server Error: the article database is unavailable.\n")
        elif path == "/lent/alep-en-direct.html":
            if self.server.stopping.wait(self.server.slow_seconds):
                self._abort()
            else:
                self._send_text(200, "<!DOCTYPE html><html><head><title>Trop tard</title></head>"
                                     "<body><p>Cette page arrive trop tard.</p></body></html>\n",
                                "text/html; charset=utf-8")
        elif path in ("/boucle/a.html", "/boucle/b.html"):
            other = "b" if path.endswith("a.html") else "a"
            self.send_response(302)
            self.send_header("Location", f"http://{FAULTS_HOST}/boucle/{other}.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/tronque/perte-de-donnees.html":
            self._send_data_loss()
        elif path == "/enorme/archives-completes.html":
            self._send_oversized()
        elif path.startswith("/_canary/"):
            self._send_text(200, "canary\n")
        elif path == "/xxe.xml":
            from figurewire.newsroom.faults import XXE_SECRET_FILE, XXE_TEMPLATE

            host, port = self.server.server_address[:2]
            doc = XXE_TEMPLATE.format(secret=(self.server.site / XXE_SECRET_FILE).as_uri(),
                                      canary=f"http://{host}:{port}/{FAULTS_HOST}/_canary/xxe")
            self._send_text(200, doc, "application/rss+xml; charset=utf-8")
        else:
            return False
        return True

    # ------------------------------------------------------------ static files

    def _serve_static(self, host: str, path: str, mode: str) -> None:
        host_dir = self.server.site / host
        file = (host_dir / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_relative_to(host_dir) or not file.is_file():
            return self._send_text(404, f"404 Not Found: http://{host}{path}\n")
        body = file.read_bytes()
        content_type = CONTENT_TYPE_OVERRIDES.get((host, path)) or content_type_for(file.name, body)
        last_modified = file.stat().st_mtime
        if mode == "empty" and _is_feed(body):
            body = _FEED_ITEM.sub(b"", body)
            last_modified = self.server.mode_changed_at.get(host, last_modified)
        elif mode == "layout" and content_type.startswith("text/html") and b"<article" in body:
            body = _LAYOUT_SHELL.format(lang="fr", site=host, story=hashlib.sha1(body).hexdigest()[:12]).encode()
            last_modified = self.server.mode_changed_at.get(host, last_modified)
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        last_modified_http = email.utils.formatdate(int(last_modified), usegmt=True)
        if self._not_modified(etag, int(last_modified)):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified_http)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified_http)
        self.send_header("Cache-Control", "max-age=60")
        self.end_headers()
        if not self.head:
            self.wfile.write(body)

    def _not_modified(self, etag: str, last_modified: int) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            with contextlib.suppress(TypeError, ValueError):
                since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
                return last_modified <= since
        return False

    # ------------------------------------------------------------ faults

    def _send_data_loss(self) -> None:
        """A real data loss: the header promises more bytes than come before the connection closes."""
        body = TRUNCATED_BODY.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(TRUNCATED_DECLARED_BYTES))
        self.end_headers()
        if not self.head:
            self.wfile.write(body)
            self.wfile.flush()
        self._abort()

    def _send_oversized(self) -> None:
        head = ("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Archives complètes "
                "du conflit syrien</title></head><body><article><h1>Archives complètes</h1>\n").encode()
        tail = b"</article></body></html>\n"
        line = "<p>Archive du jour : frappes, évacuations et convois, tout le détail heure par heure.</p>\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(OVERSIZED_BYTES))
        self.end_headers()
        if self.head:
            return
        remaining = OVERSIZED_BYTES - len(head) - len(tail)
        try:
            self.wfile.write(head)
            chunk = line * (65536 // len(line))
            while remaining > 0 and not self.server.stopping.is_set():
                piece = chunk[:remaining]
                self.wfile.write(piece)
                remaining -= len(piece)
            if remaining <= 0:
                self.wfile.write(tail)
        except OSError:
            self.close_connection = True

    def _abort(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # ------------------------------------------------------------ admin and plain answers

    def _admin(self, path: str, query: dict) -> None:
        if path == "/_admin/mode":
            if self.command == "POST":
                host, mode = query.get("host", [""])[0], query.get("mode", [""])[0]
                try:
                    self.server.set_mode(host, mode)
                except ValueError as exc:
                    return self._send_text(400, f"{exc}\n")
            with self.server.lock:
                modes = dict(self.server.modes)
            return self._send_json({"modes": modes, "available": MODES})
        if path == "/_admin/hits":
            with self.server.lock:
                if self.command == "POST" and "reset" in query:
                    self.server.hits.clear()
                hits = dict(sorted(self.server.hits.items()))
            return self._send_json({"hits": hits})
        self._send_text(404, "admin endpoints: GET|POST /_admin/mode?host=&mode=, GET|POST /_admin/hits[?reset]\n")

    def _front_page(self) -> str:
        links = "".join(f'<li><a href="/{h}/">{h}</a></li>' for h in sorted(self.server.hosts))
        return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>figurewire sample newsroom</title>"
                f"</head><body><h1>figurewire sample newsroom</h1><ul>{links}</ul></body></html>\n")

    def _send_json(self, data: dict) -> None:
        self._send_text(200, json.dumps(data, ensure_ascii=False, indent=1) + "\n", "application/json; charset=utf-8")

    def _send_text(self, status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self.head:
            with contextlib.suppress(OSError):
                self.wfile.write(body)


TRUNCATED_BODY = (
    "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Alep : la nuit des convois"
    "</title></head>\n<body><article><h1>Alep : la nuit des convois</h1>\n<p>Les bus ont roulé toute la nuit "
    "vers l'ouest de la province. Selon les secouristes, plusieurs milliers de personnes attendaient encore "
    "au point de départ quand"
)


def content_type_for(name: str, body: bytes) -> str:
    """Content-Type with charset, as real outlets send it (feeds by their root element)."""
    if name.endswith(".html"):
        return "text/html; charset=utf-8"
    if name.endswith(".txt"):
        return "text/plain; charset=utf-8"
    if name.endswith(".json"):
        return "application/json; charset=utf-8"
    if name.endswith(".xml"):
        head = body[:600]
        if b"<rss" in head:
            return "application/rss+xml; charset=utf-8"
        if b"<feed" in head:
            return "application/atom+xml; charset=utf-8"
        return "application/xml; charset=utf-8"
    return "application/octet-stream"


def _is_feed(body: bytes) -> bool:
    head = body[:800]
    return b"<rss" in head or b"<feed" in head or b"<urlset" in head


MODES_ENV = "FIGUREWIRE_NEWSROOM_MODES"


def modes_from_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """Failure modes from ``FIGUREWIRE_NEWSROOM_MODES`` (``rt.newsroom.test=500,sputnik=empty``; a host
    without a dot gets ``.newsroom.test``), so `figurewire run`, which serves its own newsroom, can be
    watched failing and firing the health rules."""
    raw = (os.environ if environ is None else environ).get(MODES_ENV, "")
    modes = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        host, sep, mode = item.partition("=")
        if not sep or mode.strip() not in MODES:
            raise ValueError(f"{MODES_ENV} wants HOST=MODE[,HOST=MODE...] with MODE in {', '.join(MODES)}, "
                             f"got {item!r}")
        host = host.strip()
        modes[host if "." in host else f"{host}.newsroom.test"] = mode.strip()
    return modes


@contextlib.contextmanager
def serve_newsroom(host: str = "127.0.0.1", port: int = 0, modes: dict[str, str] | None = None,
                   slow_seconds: float = SLOW_SECONDS) -> Iterator[str]:
    """Serve the newsroom in a daemon thread; yields its base URL ``http://127.0.0.1:PORT``.

    Use the base URL as an HTTP proxy for ``http://*.newsroom.test/...`` URLs. Leaving the block
    stops the server within a fraction of a second, even while a slow answer is sleeping.
    ``modes`` come on top of those in ``FIGUREWIRE_NEWSROOM_MODES``.
    """
    server = NewsroomServer((host, port), modes={**modes_from_env(), **(modes or {})}, slow_seconds=slow_seconds)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="figurewire-newsroom", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.stop()
        thread.join(timeout=2)


def main(argv: list[str] | None = None) -> int:
    """``figurewire newsroom``: serve the sample newsroom until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="figurewire newsroom", description=main.__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: an ephemeral one)")
    parser.add_argument("--mode", action="append", default=[], metavar="HOST=MODE",
                        help=f"failure mode of an outlet host; modes: {', '.join(MODES)} (repeatable)")
    args = parser.parse_args(argv)
    modes = {}
    for item in args.mode:
        host, sep, mode = item.partition("=")
        if not sep or mode not in MODES:
            parser.error(f"--mode wants HOST=MODE with MODE in {', '.join(MODES)}, got {item!r}")
        modes[host] = mode
    try:
        cm = serve_newsroom(args.host, args.port, modes=modes)
        base = cm.__enter__()
    except ValueError as exc:
        parser.error(str(exc))
    try:
        print(f"Sample newsroom at {base}  (site files: {site_dir()})")
        print(f"Hosts: {', '.join(known_hosts())}")
        print("Try:")
        print(f"  curl -x {base} http://rt.newsroom.test/fr/rss.xml")
        print(f"  curl -x {base} -i http://{FAULTS_HOST}/panne/erreur-serveur.html")
        print(f"  curl -X POST '{base}/_admin/mode?host=rt.newsroom.test&mode=500'")
        print(f"  open {base}/rt.newsroom.test/fr/rss.xml in a browser")
        print("Ctrl-C to stop.", flush=True)
        while True:  # time.sleep is always woken by SIGINT
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped")
    finally:
        cm.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
