"""Drop articles that parsed but are not usable: no title, empty body, no date or a date in the future.

Each one is a recorded ``invalid_article`` error (stage ``validate``) and counts as a parse failure.
"""

from __future__ import annotations

from datetime import timedelta

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from figurewire.records import Article, utc_now
from scrapers.extensions.crawl_batch import CrawlBatch

FUTURE_TOLERANCE = timedelta(minutes=10)


def problems(article: Article) -> list[str]:
    found = []
    if not article.title.strip():
        found.append("no title")
    if not article.body.strip():
        found.append("empty body")
    if article.published_at is None:
        found.append("no publication date")
    elif article.published_at > utc_now() + FUTURE_TOLERANCE:
        found.append(f"publication date in the future ({article.published_at.isoformat()})")
    return found


class ValidateArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        found = problems(item)
        if found:
            CrawlBatch.of(self.crawler).record_error(item.url, "validate", "invalid_article", "; ".join(found),
                                                     key=item.article_id)
            self.crawler.stats.inc_value("figurewire/items_dropped/invalid_article")
            raise DropItem(f"invalid article {item.url}: {'; '.join(found)}")
        return item
