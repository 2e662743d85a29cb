"""A small hostile web site on loopback for the reliability tests: one feed of pages that break parsers,
a 50 MB page, a feed of 10,000 items, and a feed that is gone.

Served by ``http.server`` on an ephemeral port so the crawl is real HTTP; written in our own words.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator

HUGE_BYTES = 50 * 1024 * 1024
TEN_THOUSAND = 10_000
SQL_TITLE = "Bilan « officiel » : l'ONU dit \"non\""
SQL_BODY = ("Robert'); DROP TABLE articles;-- puis ' OR '1'='1 et \"quotes\" ; DELETE FROM figures "
            "WHERE ''=''; $1 %s {0} \\x00\\n <script>alert('x')</script> -- fin.")
NESTED_DEPTH = 100_000


def _page(title: str, paragraphs: list[str], published: str = "2016-12-22T10:00:00+00:00",
          head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published}">{head}</head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PAGES: dict[str, bytes] = {
    "/pages/normale.html": _page("Page normale", ["Le convoi de secours est arrivé dans la matinée."]).encode(),
    "/pages/utf8-invalide.html": _page("Octets invalides", ["Texte AVANT puis FIN."]).encode().replace(
        b"AVANT", b"avant \xff\xfe").replace(b"FIN", b"fin"),
    "/pages/octets-nuls.html": _page("Titre\x00 nul", ["Un\x00 texte avec des octets nuls."]).encode(),
    "/pages/imbrication.html": _page("Profond", ["Premier paragraphe."]).encode().replace(
        b"</article>", b"<div>" * NESTED_DEPTH + b"x" + b"</div>" * NESTED_DEPTH + b"</article>"),
    "/pages/json-ld-casse.html": _page("Titre visible", ["Le texte reste lisible."], head=(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": oops, }</script>')).encode(),
    "/pages/futur-lointain.html": _page("Depuis le futur", ["Un texte daté de l'an 2999."],
                                        published="2999-01-01T00:00:00+00:00").encode(),
    "/pages/avant-1900.html": _page("La Commune", ["Un texte daté de 1871."],
                                    published="1871-03-18T06:00:00+00:00").encode(),
    "/pages/avant-1900-seule.html": _page("Le Siège", ["Un texte daté de 1870 seulement."],
                                          published="1870-09-19T06:00:00+00:00").encode(),
    "/pages/texte-sql.html": _page(_escape(SQL_TITLE), [_escape(SQL_BODY)]).encode(),
}
# Listed in the feed without a date of their own: the page is the only source of one.
UNDATED_IN_FEED = {"/pages/avant-1900-seule.html"}
HUGE_PATH = "/pages/enorme.html"
FEED_PATHS = [*PAGES, HUGE_PATH]


def _rss(items: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title>'
            f"<link>http://hostile.test/</link><description>pages hostiles</description>{items}"
            f"</channel></rss>").encode()


def feed(base_url: str) -> bytes:
    def date(path: str) -> str:
        return "" if path in UNDATED_IN_FEED else "<pubDate>Thu, 22 Dec 2016 10:00:00 GMT</pubDate>"

    return _rss("".join(f"<item><title>{path}</title><link>{base_url}{path}</link><guid>{base_url}{path}</guid>"
                        f"{date(path)}</item>" for path in FEED_PATHS))


WORDS = ("convoi", "neige", "route", "marché", "hôpital", "école", "pont", "village", "colline", "rivière",
         "camion", "garde", "port", "usine", "gare", "quartier", "mairie", "plaine", "ferme", "caserne")


def words_for(i: int, n: int) -> str:
    """``n`` words that differ from item to item (no digits, so no figures; no near-copies to group)."""
    out = []
    for _ in range(n):
        i, r = divmod(i, len(WORDS))
        out.append(WORDS[r])
    return " ".join(out)


def ten_thousand_feed() -> bytes:
    """Items that carry their text and link to no page: 10,000 articles from one response."""
    return _rss("".join(f'<item><guid isPermaLink="false">d{i}</guid><title>Dépêche {words_for(i, 4)}</title>'
                        f"<description>Brève : {words_for(i * 7 + 3, 3)}.</description>"
                        "<pubDate>Thu, 22 Dec 2016 10:00:00 GMT</pubDate></item>" for i in range(TEN_THOUSAND)))


class HostileHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    base_url = ""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802
        if self.path == "/feed.xml":
            return self._send(feed(self.base_url), "application/rss+xml")
        if self.path == "/dix-mille.xml":
            return self._send(ten_thousand_feed(), "application/rss+xml")
        if self.path in PAGES:
            return self._send(PAGES[self.path], "text/html; charset=utf-8")
        if self.path == HUGE_PATH:
            return self._send_huge()
        self._send(b"not here", "text/plain", status=404)

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_huge(self) -> None:
        """Declares and starts sending 50 MB; the crawler is expected to hang up long before the end."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"a" * 65_530 + b"</p>"
        sent = 0
        with contextlib.suppress(OSError):
            while sent < HUGE_BYTES:
                piece = chunk[: HUGE_BYTES - sent]
                self.wfile.write(piece)
                sent += len(piece)
        self.close_connection = True


@contextlib.contextmanager
def serve_hostile_site() -> Iterator[str]:
    """Serve the site on 127.0.0.1 (ephemeral port) for the duration; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    server.daemon_threads = True
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    HostileHandler.base_url = base_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
