"""Add a staged article's URL, canonical URL and guid to the source's seen-set (saved at close)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from figurewire.records import Article
from scrapers.extensions.crawl_batch import CrawlBatch


def seen_keys(article: Article) -> list[str]:
    """Wire items are remembered by file URL and guid@revision, so a later revision is still fetched."""
    if article.feed_kind == "newsml":
        return [article.url, f"{article.guid}@{article.revision}"]
    return [k for k in (article.url, article.canonical_url, article.guid) if k]


class RememberArticlePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RememberArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        CrawlBatch.of(self.crawler).state.remember(*seen_keys(item))
        return item
