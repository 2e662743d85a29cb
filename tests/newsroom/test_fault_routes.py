"""Each fault of the Fault Gazette behaves as expected.json declares, seen from a real HTTP client."""

from __future__ import annotations

import http.client
import io
import socket
import time
import xml.sax
import xml.sax.handler
from urllib.parse import urlsplit

import pytest
from lxml import etree, html
from newsroom_http import admin, fetch

from figurewire.newsroom.server import OVERSIZED_BYTES, SAMPLE_DOWNLOAD_MAXSIZE, TRUNCATED_DECLARED_BYTES

F = "http://faults.newsroom.test"


def test_404_and_500(newsroom):
    gone = fetch(newsroom, f"{F}/articles/supprime.html")
    broken = [fetch(newsroom, f"{F}/panne/erreur-serveur.html").status for _ in range(3)]
    assert gone.status == 404
    assert broken == [500, 500, 500]


def test_slow_page_outlasts_the_two_second_timeout(newsroom):
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        fetch(newsroom, f"{F}/lent/alep-en-direct.html", timeout=2.0)
    assert 1.9 < time.monotonic() - started < 3.0


def test_redirect_loop(newsroom):
    a = fetch(newsroom, f"{F}/boucle/a.html")
    b = fetch(newsroom, a.headers["Location"])
    assert (a.status, a.headers["Location"]) == (302, f"{F}/boucle/b.html")
    assert (b.status, b.headers["Location"]) == (302, f"{F}/boucle/a.html")


def test_data_loss_page_sends_less_than_it_declares(newsroom):
    parts = urlsplit(newsroom)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    conn.request("GET", f"{F}/tronque/perte-de-donnees.html")
    resp = conn.getresponse()
    assert int(resp.headers["Content-Length"]) == TRUNCATED_DECLARED_BYTES
    with pytest.raises(http.client.IncompleteRead) as caught:
        resp.read()
    conn.close()
    assert 200 < len(caught.value.partial) < TRUNCATED_DECLARED_BYTES
    assert caught.value.partial.endswith("au point de départ quand".encode())


def test_cut_page_is_a_complete_answer_with_html_stopping_mid_word(newsroom):
    reply = fetch(newsroom, f"{F}/articles/page-coupee.html")
    assert reply.status == 200 and len(reply.body) == int(reply.headers["Content-Length"])
    assert reply.body.endswith(b"plusieurs cen")
    assert b"</html>" not in reply.body and b"</article>" not in reply.body


def test_windows_1251_declared_only_in_the_header(newsroom, expected):
    reply = fetch(newsroom, f"{F}/encodage/cp1251.html")
    assert reply.headers["Content-Type"] == "text/html; charset=windows-1251"
    assert b"charset" not in reply.body
    with pytest.raises(UnicodeDecodeError):
        reply.body.decode("utf-8")
    doc = html.fromstring(reply.body.decode("windows-1251"))
    [page] = [e for e in expected["encoding_pages"] if e["charset"] == "windows-1251"]
    assert doc.xpath("//h1/text()") == [page["title"]] == ["Минобороны: из Алеппо вывезены более 35 000 человек"]


def test_latin1_declared_only_in_a_meta_tag(newsroom, expected):
    reply = fetch(newsroom, f"{F}/encodage/latin1.html")
    assert reply.headers["Content-Type"] == "text/html"
    assert b'<meta charset="iso-8859-1">' in reply.body
    doc = html.document_fromstring(reply.body)  # lxml honours the meta charset given bytes
    [page] = [e for e in expected["encoding_pages"] if e["charset"] == "iso-8859-1"]
    assert doc.xpath("//h1/text()") == [page["title"]] == ["Évacuation d'Alep : l'opération reprend après deux jours d'arrêt"]
    assert "25\u00a0000 personnes" in doc.text_content()


def test_oversized_page_declares_and_sends_three_mebibytes(newsroom):
    head = fetch(newsroom, f"{F}/enorme/archives-completes.html", method="HEAD")
    assert int(head.headers["Content-Length"]) == OVERSIZED_BYTES > SAMPLE_DOWNLOAD_MAXSIZE
    full = fetch(newsroom, f"{F}/enorme/archives-completes.html", timeout=10)
    assert len(full.body) == OVERSIZED_BYTES
    assert full.body.endswith(b"</article></body></html>\n")


def test_robots_forbids_a_page_the_feed_links_to(newsroom):
    feed = fetch(newsroom, f"{F}/rss.xml").body
    assert f"<link>{F}/prive/note-interne.html</link>".encode() in feed
    assert fetch(newsroom, f"{F}/robots.txt").body == b"User-agent: *\nDisallow: /prive/\n"
    assert fetch(newsroom, f"{F}/prive/note-interne.html").status == 200  # only robots.txt stands in the way


def test_fault_feeds(newsroom):
    safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    empty = etree.fromstring(fetch(newsroom, f"{F}/empty.xml").body, safe)
    assert (empty.findtext("channel/title"), empty.findall("channel/item")) == ("La Gazette des pannes (flux vide)", [])
    dup = etree.fromstring(fetch(newsroom, f"{F}/dupguid.xml").body, safe)
    assert [i.findtext("guid") for i in dup.iterfind("channel/item")] == [
        "gazette-20161220-fouaa", "gazette-20161220-fouaa", f"{F}/articles/hors-doublon.html"]
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(fetch(newsroom, f"{F}/malformed.xml").body, safe)
    bomb = fetch(newsroom, f"{F}/bomb.xml")
    assert bomb.status == 200 and len(bomb.body) < 3000 and bomb.body.count(b"<!ENTITY") == 10
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring(bomb.body, etree.XMLParser(resolve_entities=True))


def test_xxe_canary_counts_only_parsers_that_resolve_entities(newsroom):
    canary = "faults.newsroom.test/_canary/xxe"
    admin(newsroom, "/_admin/hits?reset=1", method="POST")
    doc = fetch(newsroom, f"{F}/xxe.xml").body
    safe = etree.fromstring(doc, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert safe.findtext("channel/item/title") in ("", None)
    assert canary not in admin(newsroom, "/_admin/hits")["hits"]
    unsafe = etree.fromstring(doc, etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True))
    assert unsafe.findtext("channel/item/title").startswith("XXE-SECRET-7f3a")  # lxml reads local files
    texts = _sax_texts_resolving_external_entities(doc)  # and a SAX parser also fetches URLs
    assert texts["title"].startswith("XXE-SECRET-7f3a") and texts["description"] == "canary\n"
    assert admin(newsroom, "/_admin/hits")["hits"][canary] == 1


def _sax_texts_resolving_external_entities(doc: bytes) -> dict[str, str]:
    texts: dict[str, str] = {}

    class Collect(xml.sax.handler.ContentHandler):
        name = None

        def startElement(self, name, attrs):
            self.name, texts[name] = name, ""

        def endElement(self, name):
            self.name = None

        def characters(self, content):
            if self.name:
                texts[self.name] += content

    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(Collect())
    parser.parse(io.BytesIO(doc))
    return texts


def test_slow_answer_does_not_hold_up_shutdown():
    from figurewire.newsroom.server import serve_newsroom

    with serve_newsroom() as base:
        parts = urlsplit(base)
        sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
        sock.sendall(f"GET {F}/lent/alep-en-direct.html HTTP/1.1\r\nHost: faults.newsroom.test\r\n\r\n".encode())
        time.sleep(0.3)
        started = time.monotonic()
    stopped_in = time.monotonic() - started
    assert sock.recv(100) == b""  # the sleeping answer was cut, not completed
    sock.close()
    assert stopped_in < 1.0
