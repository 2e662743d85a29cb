"""Routing, headers and conditional GET of the sample newsroom, over real HTTP on loopback."""

from __future__ import annotations

import email.utils
import hashlib
import urllib.request

from lxml import etree
from newsroom_http import fetch

from figurewire.newsroom.server import site_dir

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
RT_FR = "http://rt.newsroom.test/fr/rss.xml"


def test_proxy_host_header_and_browse_styles_serve_the_same_file(newsroom):
    on_disk = (site_dir() / "rt.newsroom.test/fr/rss.xml").read_bytes()
    proxied = fetch(newsroom, RT_FR)
    direct = fetch(newsroom, "/fr/rss.xml", headers={"Host": "rt.newsroom.test"})
    browsed = fetch(newsroom, "/rt.newsroom.test/fr/rss.xml")
    assert proxied.status == direct.status == browsed.status == 200
    assert proxied.body == direct.body == browsed.body == on_disk


def test_urllib_proxy_handler_reaches_the_fictional_host(newsroom):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": newsroom}))
    with opener.open("http://sputnik.newsroom.test/sitemap-news.xml", timeout=5) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"] == "application/xml; charset=utf-8"
        assert resp.read() == (site_dir() / "sputnik.newsroom.test/sitemap-news.xml").read_bytes()


def test_static_headers(newsroom):
    reply = fetch(newsroom, RT_FR)
    body = (site_dir() / "rt.newsroom.test/fr/rss.xml").read_bytes()
    assert reply.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert int(reply.headers["Content-Length"]) == len(body)
    assert reply.headers["ETag"] == '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
    mtime = int((site_dir() / "rt.newsroom.test/fr/rss.xml").stat().st_mtime)
    assert email.utils.parsedate_to_datetime(reply.headers["Last-Modified"]).timestamp() == mtime
    assert fetch(newsroom, "http://afp.newsroom.test/wire/index.xml").headers["Content-Type"] == \
        "application/atom+xml; charset=utf-8"
    page = fetch(newsroom, "http://rt.newsroom.test/fr/international/31240-choigou-bilan-frappes-syrie/"
                           "?utm_source=rss&utm_medium=feed")
    assert (page.status, page.headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert b'<link rel="canonical" href="http://rt.newsroom.test/fr/international/31240-choigou' in page.body


def test_conditional_get_answers_304(newsroom):
    first = fetch(newsroom, RT_FR)
    by_etag = fetch(newsroom, RT_FR, headers={"If-None-Match": first.headers["ETag"]})
    by_date = fetch(newsroom, RT_FR, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    stale_etag = fetch(newsroom, RT_FR, headers={"If-None-Match": '"not-the-same"',
                                                 "If-Modified-Since": first.headers["Last-Modified"]})
    older = fetch(newsroom, RT_FR, headers={"If-Modified-Since": "Thu, 01 Dec 2016 00:00:00 GMT"})
    assert (by_etag.status, by_etag.body, by_etag.headers["ETag"]) == (304, b"", first.headers["ETag"])
    assert (by_date.status, by_date.body) == (304, b"")
    assert (stale_etag.status, older.status) == (200, 200)
    assert stale_etag.body == first.body


def test_unknown_hosts_and_paths_say_so(newsroom):
    other = fetch(newsroom, "http://example.com/")
    unknown = fetch(newsroom, "http://tass.newsroom.test/rss.xml")
    missing = fetch(newsroom, "http://rt.newsroom.test/fr/nope.html")
    assert (other.status, unknown.status, missing.status) == (502, 502, 404)
    assert b"proxies only *.newsroom.test" in other.body
    assert b"no outlet 'tass.newsroom.test'" in unknown.body
    assert missing.body == b"404 Not Found: http://rt.newsroom.test/fr/nope.html\n"
    escape = fetch(newsroom, "/rt.newsroom.test/../afp.newsroom.test/robots.txt")
    assert escape.status in (404, 200) and b"Disallow: /fr/recherche/" not in escape.body
    assert fetch(newsroom, "http://rt.newsroom.test/../../server.py").status == 404


def test_robots_per_host(newsroom):
    robots = {host: fetch(newsroom, f"http://{host}/robots.txt") for host in (
        "afp.newsroom.test", "rt.newsroom.test", "sputnik.newsroom.test", "levantpost.newsroom.test",
        "faults.newsroom.test")}
    assert {h: r.status for h, r in robots.items()} == dict.fromkeys(robots, 200)
    assert robots["faults.newsroom.test"].body == b"User-agent: *\nDisallow: /prive/\n"
    assert robots["faults.newsroom.test"].headers["Content-Type"] == "text/plain; charset=utf-8"
    assert b"Sitemap: http://sputnik.newsroom.test/sitemap-news.xml" in robots["sputnik.newsroom.test"].body


def _links(feed: bytes) -> list[str]:
    root = etree.fromstring(feed, SAFE)
    rss = [e.text for e in root.iterfind("channel/item/link")]
    atom = root.xpath("//a:entry/a:link/@href", namespaces={"a": "http://www.w3.org/2005/Atom"})
    sitemap = root.xpath("//s:url/s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    return rss + list(atom) + list(sitemap)


def test_every_feed_link_resolves_except_the_declared_faults(newsroom, expected):
    feeds = ["http://afp.newsroom.test/wire/index.xml", RT_FR, "http://rt.newsroom.test/en/rss.xml",
             "http://sputnik.newsroom.test/fr/rss.xml", "http://sputnik.newsroom.test/sitemap-news.xml",
             "http://levantpost.newsroom.test/feed.xml", "http://faults.newsroom.test/rss.xml",
             "http://faults.newsroom.test/dupguid.xml"]
    faults = {f["url"] for f in expected["faults"]} - {"http://faults.newsroom.test/articles/page-coupee.html",
                                                        "http://faults.newsroom.test/prive/note-interne.html"}
    links = [link for feed in feeds for link in _links(fetch(newsroom, feed).body)]
    assert len(links) == 13 + 8 + 6 + 7 + 5 + 4 + 11 + 3
    statuses = {link: fetch(newsroom, link).status for link in links
                if link.split("?")[0] not in faults}
    assert set(statuses.values()) == {200}
    assert len(statuses) == len(links) - 7
    landing = {a["url"] for a in expected["articles"] if a["url"].startswith("http")}
    assert landing <= {link.split("?")[0] for link in links}
