"""Keep the first of two items with the same article id in one crawl (a feed repeating a guid).

Feed parsers already drop repeated guids and the spider records them; this is the net for
repeats that only show after parsing (two listings leading to one page). A repeat with the same
guid is recorded as ``duplicate_guid`` once; other repeats are only counted.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from figurewire.records import Article
from scrapers.extensions.crawl_batch import CrawlBatch


class DedupeArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.kept: dict[str, Article] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupeArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        first = self.kept.get(item.article_id)
        if first is None:
            self.kept[item.article_id] = item
            return item
        self.crawler.stats.inc_value("figurewire/items_dropped/duplicate")
        if item.guid and item.guid == first.guid:
            CrawlBatch.of(self.crawler).record_error(item.url, "parse", "duplicate_guid",
                                                     f"guid {item.guid!r} repeated; the first item is kept",
                                                     key=item.guid)
        raise DropItem(f"duplicate article {item.article_id} ({item.url})")
