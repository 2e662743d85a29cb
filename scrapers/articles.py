"""Parsed pages and wire items to ``records.Article``: ids, hashes and fallbacks in one place.

Pure (no Scrapy). Ids follow the house rule: ``story_id = stable_id(outlet, story_key)`` and
``article_id = stable_id(outlet, story_key, revision)``, where the story key is the wire guid without
revision, else the canonical URL, else the feed guid, else the URL; web pages are revision 1.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from w3lib.url import url_query_cleaner

from figurewire.records import Article, Source, stable_id
from scrapers.parsers.article_html import PageArticle
from scrapers.parsers.feeds import FeedEntry
from scrapers.parsers.sitemaps import SitemapEntry
from scrapers.parsers.wire import PARSER_VERSION as WIRE_VERSION
from scrapers.parsers.wire import WireItem

TRACKING_PARAMETERS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "at_medium",
                       "at_campaign", "fbclid", "gclid", "xtor")


def clean_url(url: str) -> str:
    """The URL without analytics parameters: what the article is, not how the reader came to it."""
    if "?" not in url:
        return url
    return url_query_cleaner(url, TRACKING_PARAMETERS, remove=True, keep_fragments=True)


@dataclass
class Listing:
    """What a feed or sitemap said about a page before it was fetched; used where the page is silent."""

    guid: str | None = None
    title: str | None = None
    summary: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lang: str | None = None

    @classmethod
    def from_feed(cls, entry: FeedEntry) -> Listing:
        return cls(guid=entry.guid, title=entry.title, summary=entry.summary, published=entry.published,
                   updated=entry.updated, authors=list(entry.authors), tags=list(entry.tags), lang=entry.lang)

    @classmethod
    def from_sitemap(cls, entry: SitemapEntry) -> Listing:
        return cls(guid=entry.loc, title=entry.title, published=entry.published, updated=entry.lastmod,
                   tags=list(entry.keywords), lang=entry.lang)


def later_than(updated: datetime | None, published: datetime | None) -> datetime | None:
    """An update time only when it says something: equal to the publication time means never updated."""
    return None if updated is None or updated == published else updated


def content_hash(title: str, body: str) -> str:
    return hashlib.sha1(f"{title}\n\n{body}".encode()).hexdigest()


def article_from_page(page: PageArticle, listing: Listing | None, source: Source, *, url: str,
                      raw_id: str | None, run_id: str, fetched_at: datetime | None,
                      feed_kind: str | None = None) -> Article:
    listing = listing or Listing()
    story_key = page.canonical_url or listing.guid or clean_url(url)
    title = page.title or listing.title or ""
    return Article(
        article_id=stable_id(source.outlet, story_key, 1),
        story_id=stable_id(source.outlet, story_key),
        revision=1,
        source_id=source.id,
        outlet=source.outlet,
        feed_kind=feed_kind or source.kind,
        url=clean_url(url),
        canonical_url=page.canonical_url,
        guid=listing.guid,
        title=title,
        body=page.body,
        summary=page.summary or listing.summary,
        lang=page.lang or listing.lang or source.language,
        published_at=page.published or listing.published,
        updated_at=later_than(page.updated or listing.updated, page.published or listing.published),
        authors=page.authors or listing.authors,
        section=page.section,
        tags=page.tags or listing.tags,
        is_alert=False,
        content_hash=content_hash(title, page.body),
        raw_id=raw_id,
        fetched_at=fetched_at,
        run_id=run_id,
        parser=page.parser,
    )


def article_from_feed_entry(entry: FeedEntry, source: Source, *, feed_url: str, raw_id: str | None,
                            run_id: str, fetched_at: datetime | None) -> Article:
    """A feed item that carries its whole text and links to no page."""
    from scrapers.parsers.feeds import PARSER_VERSION

    story_key = entry.guid or feed_url
    title = entry.title or ""
    body = entry.content or entry.summary or ""
    return Article(
        article_id=stable_id(source.outlet, story_key, 1), story_id=stable_id(source.outlet, story_key),
        revision=1, source_id=source.id, outlet=source.outlet, feed_kind=source.kind, url=feed_url,
        canonical_url=None, guid=entry.guid, title=title, body=body, summary=entry.summary,
        lang=entry.lang or source.language, published_at=entry.published, updated_at=entry.updated,
        authors=list(entry.authors), section=entry.tags[0] if entry.tags else None, tags=list(entry.tags),
        content_hash=content_hash(title, body), raw_id=raw_id, fetched_at=fetched_at, run_id=run_id,
        parser=f"FeedEntry/{PARSER_VERSION}")


def article_from_wire(item: WireItem, source: Source, *, url: str, raw_id: str | None, run_id: str,
                      fetched_at: datetime | None) -> Article:
    title = item.title or ""
    parser = "NewsMLG2" if item.wire_format == "newsml-g2" else "NewsML12"
    return Article(
        article_id=stable_id(source.outlet, item.story_key, item.revision),
        story_id=stable_id(source.outlet, item.story_key),
        revision=item.revision,
        source_id=source.id,
        outlet=source.outlet,
        feed_kind=source.kind,
        url=url,
        canonical_url=None,
        guid=item.guid,
        title=title,
        body=item.body,
        summary=item.summary,
        lang=item.lang or source.language,
        published_at=item.published or item.updated,
        updated_at=later_than(item.updated, item.published or item.updated),
        authors=list(item.authors),
        section=item.section,
        tags=list(item.tags),
        is_alert=item.is_alert,
        content_hash=content_hash(title, item.body),
        raw_id=raw_id,
        fetched_at=fetched_at,
        run_id=run_id,
        parser=f"{parser}/{WIRE_VERSION}",
    )


FUTURE_TOLERANCE = timedelta(minutes=10)


def article_problems(article: Article, now: datetime | None = None) -> list[str]:
    """What makes a parsed article unusable: no title, empty body, no date, or (given ``now``) a date
    in the future. A re-parse of history passes no clock: its dates were judged when first crawled."""
    found = []
    if not article.title.strip():
        found.append("no title")
    if not article.body.strip():
        found.append("empty body")
    if article.published_at is None:
        found.append("no publication date")
    elif now is not None and article.published_at > now + FUTURE_TOLERANCE:
        found.append(f"publication date in the future ({article.published_at.isoformat()})")
    return found
