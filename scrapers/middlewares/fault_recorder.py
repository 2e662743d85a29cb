"""Spider middleware: an exception escaping a callback becomes one FetchError and the crawl goes on.

Parsers raise ``ParseFault`` with the right kind; anything else is a parser bug on that one page and
is recorded with the kind the request's role implies (XML -> malformed_xml, page -> invalid_article).
Items yielded before the exception are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Response

from scrapers.extensions.crawl_batch import CrawlBatch
from scrapers.fault_kinds import TRANSIENT_KINDS
from scrapers.parsers.faults import ParseFault

ROLE_KIND = {"feed": "malformed_xml", "index": "malformed_xml", "wire": "malformed_xml",
             "sitemap": "malformed_xml", "page": "invalid_article"}


class FaultRecorderMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FaultRecorderMiddleware:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[Any]:
        batch = CrawlBatch.of(self.crawler)
        meta = response.meta
        if isinstance(exception, ParseFault):
            kind, stage, message = exception.kind, exception.stage, exception.message
        else:
            kind = ROLE_KIND.get(meta.get("role", "page"), "invalid_article")
            stage, message = "parse", f"parser failed: {type(exception).__name__}: {exception}"
        url = meta.get("listing_url") or response.url
        batch.record_error(url, stage, kind, message, http_status=response.status)
        if kind in TRANSIENT_KINDS and meta.get("feed_url"):
            batch.state.feed_unsettled(meta["feed_url"])
        return []
