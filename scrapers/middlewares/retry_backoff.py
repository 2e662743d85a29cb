"""Exponential backoff for Scrapy's retries, which Scrapy 2.19 sends again at once.

RetryMiddleware marks a retried request with ``meta["retry_times"]``; this middleware waits
``base * 2**(n-1)`` seconds (capped) before letting such a request reach the downloader, so a
struggling server gets room to recover. Settings: FIGUREWIRE_RETRY_BACKOFF_BASE / _MAX.
"""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.crawler import Crawler


class RetryBackoffMiddleware:
    def __init__(self, crawler: Crawler, base: float, cap: float):
        self.crawler = crawler
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(crawler, crawler.settings.getfloat("FIGUREWIRE_RETRY_BACKOFF_BASE", 0.5),
                   crawler.settings.getfloat("FIGUREWIRE_RETRY_BACKOFF_MAX", 8.0))

    def delay_for(self, retry_times: int) -> float:
        return 0.0 if retry_times <= 0 else min(self.cap, self.base * 2 ** (retry_times - 1))

    async def process_request(self, request: Request) -> None:
        delay = self.delay_for(int(request.meta.get("retry_times", 0)))
        if delay > 0:
            self.crawler.stats.inc_value("figurewire/retry_backoff_seconds", delay)
            await asyncio.sleep(delay)
        return None
