"""Drop articles that parsed but are not usable: no title, empty body, no date or a date in the future.

Each one is a recorded ``invalid_article`` error (stage ``validate``) and counts as a parse failure.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from figurewire.records import Article, utc_now
from scrapers.articles import article_problems
from scrapers.extensions.crawl_batch import CrawlBatch


class ValidateArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        found = article_problems(item, now=utc_now())
        if found:
            CrawlBatch.of(self.crawler).record_error(item.url, "validate", "invalid_article", "; ".join(found),
                                                     key=item.article_id)
            self.crawler.stats.inc_value("figurewire/items_dropped/invalid_article")
            raise DropItem(f"invalid article {item.url}: {'; '.join(found)}")
        return item
