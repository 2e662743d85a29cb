"""Inputs the fuzzers found crashing, kept as regression tests.

Each names the input that crashed; the fix is in the code under test, the input stays here.
"""

from __future__ import annotations

import pytest
from targets import check_extract, check_number

from scrapers.parsers.article_html import GenericArticleParser
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.sitemaps import parse_sitemap
from scrapers.parsers.wire import read_wire

BAD = "http://[bad/"
GOOD = "http://ok.test/b"


@pytest.mark.parametrize("text", ["0-", "12a", "1\u00a0500-", "500 0 environ $", "²", "\n8\n8"])
def test_number_parser_on_stray_characters_gives_none(text):
    check_number(text, "fr")


@pytest.mark.parametrize("text", ["0-", "12a morts", "1\u00a0500- civils", "entre 0- et 12a blessés", "² morts"])
def test_the_extractor_survives_the_same_tokens(text):
    check_extract(text, "fr")


def test_a_feed_item_with_an_unparseable_link_does_not_cost_the_others():
    feed = parse_feed(f'<rss version="2.0"><channel><title>t</title><item><title>a</title><link>{BAD}</link>'
                      f"<guid>a</guid></item><item><title>b</title><link>{GOOD}</link><guid>b</guid></item>"
                      "</channel></rss>".encode(), "http://x.test/rss.xml")
    assert GOOD in [e.link for e in feed.entries]


def test_a_sitemap_entry_with_an_unparseable_loc_does_not_cost_the_others():
    sitemap = parse_sitemap(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{BAD}</loc>'
                            f"</url><url><loc>{GOOD}</loc></url></urlset>".encode(), "http://x.test/sitemap.xml")
    assert GOOD in [e.loc for e in sitemap.entries]


def test_a_wire_index_link_that_does_not_parse_does_not_cost_the_others():
    document = read_wire(f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><link href="{BAD}"/></entry>'
                         f'<entry><id>b</id><link href="{GOOD}.xml"/></entry></feed>'.encode(), "http://x.test/i")
    assert f"{GOOD}.xml" in [link.url for link in document.links]


def test_an_unparseable_canonical_link_does_not_cost_the_page():
    page = GenericArticleParser().parse(
        f'<html><head><link rel="canonical" href="{BAD}"><title>T</title></head><body><article><h1>Titre</h1>'
        "<p>Texte.</p></article></body></html>".encode(), "http://x.test/p")
    assert (page.title, page.body) == ("Titre", "Texte.")
