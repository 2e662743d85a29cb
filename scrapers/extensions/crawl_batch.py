"""Per crawler (one source): the staging files, the incremental state and the fault record.

Components reach it with ``CrawlBatch.of(crawler)``. At ``spider_closed`` it saves the seen-set and
feed validators and writes ``scrape_run.json`` from the crawler's own stats, which is what
``figurewire.pipeline`` judges the crawl by (never the exit code).
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from figurewire.layout import PENDING_STATE, DataLayout
from figurewire.records import ERROR_KINDS, FetchError, ScrapeRun, Source, utc_now
from scrapers.incremental import IncrementalState
from scrapers.staging import StagingBatch

logger = logging.getLogger(__name__)
PARSE_STAGES = {"decode", "parse", "validate"}


class CrawlBatch:
    def __init__(self, crawler: Crawler, source: Source, run_id: str, data: DataLayout):
        self.crawler = crawler
        self.stats = crawler.stats
        self.source = source
        self.run_id = run_id
        self.data = data
        self.staging = StagingBatch(data, run_id, source)
        self.state = IncrementalState(data, source.id)
        self.started_at = utc_now()
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlBatch:
        source = getattr(crawler.spider, "source", None)
        if not isinstance(source, Source):
            raise NotConfigured("not a figurewire feed spider")
        run_id = crawler.settings.get("FIGUREWIRE_RUN_ID")
        data_dir = crawler.settings.get("FIGUREWIRE_DATA_DIR")
        if not run_id or not data_dir:
            raise NotConfigured("FIGUREWIRE_RUN_ID and FIGUREWIRE_DATA_DIR must be set")
        return cls(crawler, source, run_id, DataLayout.at(data_dir))

    @staticmethod
    def of(crawler: Crawler) -> CrawlBatch:
        batch = crawler.get_extension(CrawlBatch)
        if batch is None:
            raise RuntimeError("the CrawlBatch extension is not enabled")
        return batch

    def record_error(self, url: str, stage: str, kind: str, message: str, http_status: int | None = None,
                     key: str | None = None) -> FetchError | None:
        """One FetchError line (once per stage, kind and URL/key) and the matching crawler stats."""
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown error kind {kind!r}")
        error = self.staging.add_error(url, stage, kind, message, http_status=http_status, key=key)
        if error is None:
            return None
        self.stats.inc_value("figurewire/errors")
        self.stats.inc_value(f"figurewire/errors/{kind}")
        if stage in PARSE_STAGES:
            self.stats.inc_value("figurewire/parse_failures")
        logger.warning("%s %s %s: %s", stage, kind, url, message, extra={"crawler": self.crawler})
        return error

    def scrape_run(self, reason: str | None) -> ScrapeRun:
        stats = self.stats.get_stats()

        def count(key: str) -> int:
            return int(stats.get(key, 0) or 0)

        by_class = {c: 0 for c in "2345"}
        for key, value in stats.items():
            if key.startswith("downloader/response_status_count/"):
                status = key.rsplit("/", 1)[-1]
                if status[:1] in by_class:
                    by_class[status[:1]] += int(value)
        started = stats.get("start_time") or self.started_at
        return ScrapeRun(
            run_id=self.run_id, source_id=self.source.id, outlet=self.source.outlet,
            started_at=started, finished_at=utc_now(), finish_reason=reason,
            requests=count("downloader/request_count"),
            responses_2xx=by_class["2"], responses_3xx=by_class["3"],
            responses_4xx=by_class["4"], responses_5xx=by_class["5"],
            items_scraped=count("item_scraped_count"), items_dropped=count("item_dropped_count"),
            bytes_received=count("downloader/response_bytes"), retries=count("retry/count"),
            robots_refused=count("robotstxt/forbidden"), timeouts=count("figurewire/errors/timeout"),
            parse_failures=count("figurewire/parse_failures"), errors=self.staging.errors_written,
            articles_new=self.staging.articles_written,
            articles_seen_skipped=count("figurewire/articles_seen_skipped"),
            feed_not_modified=count("figurewire/feed_not_modified"),
            status="ok" if reason == "finished" else "failed",
        )

    def spider_closed(self, spider, reason: str) -> None:
        try:
            self.state.save(into=self.staging.dir / PENDING_STATE)
        finally:
            self.staging.write_scrape_run(self.scrape_run(reason))
            self.staging.close()
