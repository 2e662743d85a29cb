"""Google News sitemaps (and sitemap indexes) read with lxml.

Scrapy 2.19's sitemap parser drops the ``news:`` fields (measured), so the publication date, title,
language, publication name and keywords are read here and used as fallbacks for the page itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from scrapers.parsers.faults import ParseFault
from scrapers.parsers.safexml import child, children, local_name, parse_xml, text_of
from scrapers.parsers.text import absolute_url, primary_language, to_utc

PARSER_VERSION = "1"


@dataclass
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None
    title: str | None = None
    published: datetime | None = None
    lang: str | None = None
    publication: str | None = None
    keywords: list[str] = field(default_factory=list)


@dataclass
class Sitemap:
    url: str
    entries: list[SitemapEntry]
    child_sitemaps: list[str] = field(default_factory=list)
    duplicate_locs: list[str] = field(default_factory=list)


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """Entries of a ``urlset`` or child sitemap URLs of a ``sitemapindex``; ``ParseFault`` when empty."""
    root = parse_xml(body)
    kind = local_name(root)
    if kind == "sitemapindex":
        locs = [text_of(child(s, "loc")) for s in children(root, "sitemap")]
        sitemap = Sitemap(url=url, entries=[], child_sitemaps=[u for u in (absolute_url(url, loc) for loc in locs) if u])
        if not sitemap.child_sitemaps:
            raise ParseFault("empty_feed", "the sitemap index lists no sitemaps")
        return sitemap
    if kind != "urlset":
        raise ParseFault("malformed_xml", f"expected a sitemap <urlset>, found <{kind}>")
    entries: list[SitemapEntry] = []
    duplicates: list[str] = []
    seen: set[str] = set()
    for node in children(root, "url"):
        loc = text_of(child(node, "loc"))
        if not loc:
            continue
        loc = absolute_url(url, loc)
        if not loc:
            continue
        if loc in seen:
            duplicates.append(loc)
            continue
        seen.add(loc)
        news = child(node, "news")
        keywords = text_of(child(news, "keywords")) if news is not None else None
        entries.append(SitemapEntry(
            loc=loc,
            lastmod=to_utc(text_of(child(node, "lastmod"))),
            title=text_of(child(news, "title")),
            published=to_utc(text_of(child(news, "publication_date"))),
            lang=primary_language(text_of(child(news, "publication", "language"))),
            publication=text_of(child(news, "publication", "name")),
            keywords=[k.strip() for k in keywords.split(",") if k.strip()] if keywords else [],
        ))
    if not entries:
        raise ParseFault("empty_feed", "the sitemap lists no URLs")
    return Sitemap(url=url, entries=entries, duplicate_locs=duplicates)
