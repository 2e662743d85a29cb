"""Re-parse one staged article from its kept raw response, with today's parser and without the network.

Why: parsers improve after the fact, and feeds roll over, so the only faithful input left for an old
article is the raw body stored when it was fetched. The staged record supplies what only the feed knew
at the time (guid, ids, revision, source, outlet, URL, fetch time, run); the raw body supplies
everything else, parsed again by the parser the crawl chose for that kind of article: the page
parser named in the registry (``Source.parser``), the wire parser, or the feed-entry parser. Pure:
no Scrapy, no I/O.
"""

from __future__ import annotations

import dataclasses

from figurewire.records import Article, Source
from scrapers.articles import (
    Listing,
    article_from_feed_entry,
    article_from_page,
    article_from_wire,
    article_problems,
)
from scrapers.parsers.faults import ParseFault
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.registry import parser_for
from scrapers.parsers.wire import read_wire

# What the staged record keeps whatever the parser says now: the identity of the article.
KEPT_FIELDS = ("article_id", "story_id", "revision", "source_id", "outlet", "feed_kind", "url", "guid",
               "raw_id", "fetched_at", "run_id")
WIRE_PARSERS = ("NewsMLG2", "NewsML12")
FEED_ENTRY_PARSER = "FeedEntry"


def parser_family(staged: Article) -> str:
    """``page``, ``wire`` or ``feed_entry``: which kind of parser produced the staged article."""
    name = (staged.parser or "").split("/", 1)[0]
    if name in WIRE_PARSERS or staged.feed_kind == "newsml":
        return "wire"
    if name == FEED_ENTRY_PARSER:
        return "feed_entry"
    return "page"


def page_parser_name(staged: Article, source: Source, override: str | None = None) -> str | None:
    """The registered page parser class to use: an explicit override, the source's, else the staged one's."""
    if override:
        return override
    if source.parser:
        return source.parser
    name = (staged.parser or "").split("/", 1)[0]
    return name or None


def listing_of(staged: Article) -> Listing:
    """What the feed said about the page, as far as the staged record still tells it."""
    return Listing(guid=staged.guid, title=staged.title or None, summary=staged.summary,
                   published=staged.published_at, updated=staged.updated_at, authors=list(staged.authors),
                   tags=list(staged.tags), lang=staged.lang)


def source_of(staged: Article, parser: str | None = None, language: str | None = None) -> Source:
    """The Source fields the article builders read, from the staged record (sources files change)."""
    return Source(id=staged.source_id, name=staged.source_id, outlet=staged.outlet, kind=staged.feed_kind,
                  url=staged.url, language=language or staged.lang or "", parser=parser)


def reparse_article(staged: Article, body: bytes, source: Source | None = None, *, response_url: str | None = None,
                    content_type: str | None = None, page_parser: str | None = None) -> Article:
    """The staged article rebuilt from ``body`` (its raw response) by the current parser.

    ``response_url`` is the URL the body was answered for (after redirects; the RawSnapshot's url),
    ``content_type`` its Content-Type header. Raises ``ParseFault`` when the body no longer yields the
    article (kind and stage say why, as in a crawl), ``ValueError`` for an unknown parser name.
    """
    source = source or source_of(staged)
    response_url = response_url or staged.url
    family = parser_family(staged)
    common = {"raw_id": staged.raw_id, "run_id": staged.run_id, "fetched_at": staged.fetched_at}
    if family == "wire":
        fresh = article_from_wire(_wire_item(staged, body, response_url, source), source, url=staged.url, **common)
    elif family == "feed_entry":
        entry = _feed_entry(staged, body, response_url)
        fresh = article_from_feed_entry(entry, source, feed_url=staged.url, **common)
    else:
        parser = parser_for(page_parser_name(staged, source, page_parser))
        page = parser.parse(body, response_url, content_type)
        fresh = article_from_page(page, listing_of(staged), source, url=staged.url, feed_kind=staged.feed_kind,
                                  **common)
    fresh = dataclasses.replace(fresh, **{name: getattr(staged, name) for name in KEPT_FIELDS})
    found = article_problems(fresh)
    if found:
        raise ParseFault("invalid_article", "; ".join(found), stage="validate")
    return fresh


def _wire_item(staged: Article, body: bytes, url: str, source: Source):
    from figurewire.records import stable_id

    document = read_wire(body, url)
    for item in document.items:
        if item.revision == staged.revision and stable_id(source.outlet, item.story_key) == staged.story_id:
            return item
    for item in document.items:
        if item.revision == staged.revision and item.guid == staged.guid:
            return item
    raise ParseFault("invalid_article", f"the raw wire body no longer holds {staged.guid!r} "
                                        f"revision {staged.revision}")


def _feed_entry(staged: Article, body: bytes, url: str):
    feed = parse_feed(body, url)
    for entry in feed.entries:
        if not entry.link and entry.guid == staged.guid:
            return entry
    raise ParseFault("invalid_article", f"the raw feed no longer holds an entry with guid {staged.guid!r}")
