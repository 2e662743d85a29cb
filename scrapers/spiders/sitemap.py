"""Google News sitemaps: read the news fields with lxml (Scrapy's parser drops them), then fetch pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from scrapers.articles import Listing
from scrapers.parsers.sitemaps import parse_sitemap
from scrapers.spiders.rss import RssSpider


class NewsSitemapSpider(RssSpider):
    name = "sitemap"
    kind = "sitemap"

    async def start(self):
        yield self.feed_request(self.source.url, self.parse, role="sitemap")

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if self.not_modified(response):
            return
        sitemap = parse_sitemap(response.body, response.url)
        for url in sitemap.child_sitemaps:
            yield self.feed_request(url, self.parse, role="sitemap")
        for loc in sitemap.duplicate_locs:
            self.batch.record_error(response.url, "parse", "duplicate_guid",
                                    f"<loc> {loc!r} appears more than once; the first entry is kept", key=loc)
        for entry in sitemap.entries:
            request = self.page_request(entry.loc, self.parse_page, feed_url=response.url, seen_keys=[],
                                        listing=Listing.from_sitemap(entry))
            if request is not None:
                yield request
        self.feed_read(response)
