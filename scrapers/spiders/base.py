"""What every feed spider shares: the ``source`` argument, conditional feed requests, the seen-set
check before a page is requested, and the errback that turns a failed request into one FetchError.

Spiders only select and request; parsing happens in ``scrapers.parsers`` and the fields are put
together in ``scrapers.articles``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from figurewire.layout import new_run_id
from figurewire.records import Source
from scrapers.articles import clean_url
from scrapers.extensions.crawl_batch import CrawlBatch
from scrapers.fault_kinds import TRANSIENT_KINDS, classify_failure
from scrapers.parsers.faults import ParseFault

REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def source_from_argument(value: Any) -> Source:
    """``-a source='{json}'`` on the command line, a dict or a Source from ``scrapers.crawl``."""
    if isinstance(value, Source):
        return value
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, dict):
        raise ValueError("the source argument must be a Source, a dict or a JSON object")
    return Source.from_dict(value)


class FeedSpider(scrapy.Spider):
    """Base of the rss, newsml and sitemap spiders (one source per crawler)."""

    kind: str = ""

    def __init__(self, source: Any = None, **kwargs: Any):
        if source is None:
            raise ValueError(f"spider {self.name!r} needs -a source='{{...}}' (a Source as JSON)")
        self.source = source_from_argument(source)
        if self.source.kind != self.kind:
            raise ValueError(f"source {self.source.id!r} is of kind {self.source.kind!r}, "
                             f"not {self.kind!r}: use `scrapy crawl {self.source.kind}`")
        super().__init__(**kwargs)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> FeedSpider:
        """Per-source settings go in before Scrapy freezes them (the spider exists first)."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.source.download_timeout:
            settings.set("DOWNLOAD_TIMEOUT", float(spider.source.download_timeout), priority="spider")
        run_id = kwargs.get("run_id") or settings.get("FIGUREWIRE_RUN_ID") or new_run_id()
        settings.set("FIGUREWIRE_RUN_ID", run_id, priority="spider")
        data_dir = (kwargs.get("data_dir") or settings.get("FIGUREWIRE_DATA_DIR")
                    or os.environ.get("FIGUREWIRE_DATA") or str(REPO_DATA_DIR))
        settings.set("FIGUREWIRE_DATA_DIR", data_dir, priority="spider")
        return spider

    @property
    def batch(self) -> CrawlBatch:
        return CrawlBatch.of(self.crawler)

    # ------------------------------------------------------------ requests

    def feed_request(self, url: str, callback: Callable, role: str = "feed") -> scrapy.Request:
        """A feed/index/sitemap request that asks "changed since last run?" and accepts a 304."""
        headers = self.batch.state.conditional_headers(url)
        return scrapy.Request(url, callback=callback, errback=self.on_error, headers=headers, dont_filter=True,
                              meta={"role": role, "handle_httpstatus_list": [304]})

    def page_request(self, url: str, callback: Callable, *, feed_url: str | None, seen_keys: list[str | None],
                     role: str = "page", **meta: Any) -> scrapy.Request | None:
        """A request for a listed page, or None (counted) when an earlier run already staged it."""
        if self.batch.state.is_seen(url, clean_url(url), *seen_keys):
            self.crawler.stats.inc_value("figurewire/articles_seen_skipped")
            return None
        # dont_filter: a redirect loop must run into REDIRECT_MAX_TIMES (and be recorded), not vanish in
        # the dupefilter; repeats are already handled by the seen-set and the dedupe pipeline.
        return scrapy.Request(url, callback=callback, errback=self.on_error, dont_filter=True,
                              meta={"role": role, "feed_url": feed_url, "listing_url": url, **meta})

    def not_modified(self, response: Response) -> bool:
        if response.status != 304:
            return False
        self.crawler.stats.inc_value("figurewire/feed_not_modified")
        return True

    def feed_read(self, response: Response) -> None:
        """The feed parsed: its validators may be kept for the next run's conditional GET."""
        etag = response.headers.get("ETag")
        modified = response.headers.get("Last-Modified")
        self.batch.state.feed_fetched(response.url, etag.decode("latin-1") if etag else None,
                                      modified.decode("latin-1") if modified else None)

    def record(self, url: str, fault: ParseFault, key: str | None = None) -> None:
        self.batch.record_error(url, fault.stage, fault.kind, fault.message, key=key)

    # ------------------------------------------------------------ failures

    def on_error(self, failure: Failure) -> None:
        """Called once per request after Scrapy's retries gave up: one FetchError, the crawl goes on."""
        request = failure.request
        kind, status, message = classify_failure(failure)
        url = request.meta.get("listing_url") or request.url
        self.batch.record_error(url, "fetch", kind, message, http_status=status)
        feed_url = request.meta.get("feed_url")
        client_error = kind == "http_error" and (status or 0) < 500
        if feed_url and kind in TRANSIENT_KINDS and not client_error:
            self.batch.state.feed_unsettled(feed_url)
