"""Keep every response body (gzip under ``data/raw/``) and its RawSnapshot line before any parsing.

Sits after HttpCompressionMiddleware on the way back, so the stored bytes are the decoded body the
parsers saw; the response keeps its raw id in ``meta["raw_id"]`` so the Article can point at it.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from figurewire.records import utc_now
from scrapers.extensions.crawl_batch import CrawlBatch


def flat_headers(response: Response) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, values in response.headers.items():
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        out[key] = ", ".join(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in values)
    return out


class RawSnapshotMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RawSnapshotMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        batch = CrawlBatch.of(self.crawler)
        fetched_at = utc_now()
        snapshot = batch.staging.add_raw(response.url, response.status, flat_headers(response), response.body,
                                         fetched_at)
        request.meta["raw_id"] = snapshot.raw_id
        request.meta["fetched_at"] = fetched_at
        self.crawler.stats.inc_value("figurewire/raw_snapshots")
        return response
