"""The crawl's items are the records themselves: spiders yield ``figurewire.records.Article``
dataclasses (Scrapy handles dataclass items natively), so there is one definition for every layer."""

from figurewire.records import Article

__all__ = ["Article"]
