"""RSS 2.0 / Atom feeds: read the feed, request each listed page not seen before, parse the page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from scrapers.articles import Listing, article_from_feed_entry, article_from_page
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.registry import parser_for
from scrapers.spiders.base import FeedSpider


class RssSpider(FeedSpider):
    name = "rss"
    kind = "rss"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.article_parser = parser_for(self.source.parser)

    async def start(self):
        yield self.feed_request(self.source.url, self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if self.not_modified(response):
            return
        feed = parse_feed(response.body, response.url)
        for repeat in feed.duplicates:
            self.batch.record_error(repeat.link or response.url, "parse", "duplicate_guid",
                                    f"guid {repeat.key!r} appears more than once in {response.url}; "
                                    "the first item is kept", key=repeat.key)
        for entry in feed.entries:
            if not entry.link:
                if not self.batch.state.is_seen(entry.guid):
                    yield article_from_feed_entry(entry, self.source, feed_url=response.url,
                                                  raw_id=response.meta.get("raw_id"), run_id=self.batch.run_id,
                                                  fetched_at=response.meta.get("fetched_at"))
                continue
            request = self.page_request(entry.link, self.parse_page, feed_url=response.url,
                                        seen_keys=[entry.guid], listing=Listing.from_feed(entry))
            if request is not None:
                yield request
        self.feed_read(response)

    def parse_page(self, response: Response) -> Iterator[Any]:
        content_type = response.headers.get("Content-Type")
        page = self.article_parser.parse(response.body, response.url,
                                         content_type.decode("latin-1") if content_type else None)
        yield article_from_page(page, response.meta.get("listing"), self.source,
                                url=response.meta.get("listing_url") or response.url,
                                raw_id=response.meta.get("raw_id"), run_id=self.batch.run_id,
                                fetched_at=response.meta.get("fetched_at"))
