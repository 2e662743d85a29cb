"""Write each surviving Article as one JSON line into the batch's ``articles.jsonl``."""

from __future__ import annotations

from scrapy.crawler import Crawler

from figurewire.records import Article
from scrapers.extensions.crawl_batch import CrawlBatch


class StageArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StageArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        CrawlBatch.of(self.crawler).staging.add_article(item)
        self.crawler.stats.inc_value("figurewire/articles_new")
        return item
