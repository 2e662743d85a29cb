"""Inputs the fuzzers found crashing, kept as regression tests.

Open bugs are strict xfails naming the place and the input: when the owner fixes one, its test
passes, pytest reports XPASS(strict) as a failure, and the mark comes off.
"""

from __future__ import annotations

import pytest
from targets import check_extract, check_number

from scrapers.parsers.article_html import GenericArticleParser
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.sitemaps import parse_sitemap
from scrapers.parsers.wire import read_wire

NUMBER_BUG = ("transforms/numbers.py parse_digits: a token with digits, no ',' or '.', and another character "
              "('0-', '12a', '500 0 environ $') splits into one part and reads parts[1] (IndexError); a "
              "superscript digit ('²') passes str.isdigit() and breaks int() (ValueError). Found by hypothesis "
              "and atheris. Not reached through extract_figures.")
URLJOIN_BUG = ("urljoin raises ValueError('Invalid IPv6 URL') on 'http://[bad/'; the parsers call it unguarded "
               "(feeds.py:101, sitemaps.py:45/58, wire.py:253-272, article_html.py:249), so in a crawl one "
               "bad link costs the whole feed (recorded as malformed_xml) or the whole page. Found by atheris "
               "(one byte of dupguid.xml changed to ']').")
BAD = "http://[bad/"
GOOD = "http://ok.test/b"


@pytest.mark.xfail(strict=True, raises=(IndexError, ValueError), reason=NUMBER_BUG)
@pytest.mark.parametrize("text", ["0-", "12a", "1\u00a0500-", "500 0 environ $", "²", "\n8\n8"])
def test_number_parser_on_stray_characters_gives_none(text):
    check_number(text, "fr")


@pytest.mark.parametrize("text", ["0-", "12a morts", "1\u00a0500- civils", "entre 0- et 12a blessés", "² morts"])
def test_the_extractor_survives_the_same_tokens(text):
    check_extract(text, "fr")


@pytest.mark.xfail(strict=True, raises=ValueError, reason=URLJOIN_BUG)
def test_a_feed_item_with_an_unparseable_link_does_not_cost_the_others():
    feed = parse_feed(f'<rss version="2.0"><channel><title>t</title><item><title>a</title><link>{BAD}</link>'
                      f"<guid>a</guid></item><item><title>b</title><link>{GOOD}</link><guid>b</guid></item>"
                      "</channel></rss>".encode(), "http://x.test/rss.xml")
    assert GOOD in [e.link for e in feed.entries]


@pytest.mark.xfail(strict=True, raises=ValueError, reason=URLJOIN_BUG)
def test_a_sitemap_entry_with_an_unparseable_loc_does_not_cost_the_others():
    sitemap = parse_sitemap(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{BAD}</loc>'
                            f"</url><url><loc>{GOOD}</loc></url></urlset>".encode(), "http://x.test/sitemap.xml")
    assert GOOD in [e.loc for e in sitemap.entries]


@pytest.mark.xfail(strict=True, raises=ValueError, reason=URLJOIN_BUG)
def test_a_wire_index_link_that_does_not_parse_does_not_cost_the_others():
    document = read_wire(f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><link href="{BAD}"/></entry>'
                         f'<entry><id>b</id><link href="{GOOD}.xml"/></entry></feed>'.encode(), "http://x.test/i")
    assert f"{GOOD}.xml" in [link.url for link in document.links]


@pytest.mark.xfail(strict=True, raises=ValueError, reason=URLJOIN_BUG)
def test_an_unparseable_canonical_link_does_not_cost_the_page():
    page = GenericArticleParser().parse(
        f'<html><head><link rel="canonical" href="{BAD}"><title>T</title></head><body><article><h1>Titre</h1>'
        "<p>Texte.</p></article></body></html>".encode(), "http://x.test/p")
    assert (page.title, page.body) == ("Titre", "Texte.")
