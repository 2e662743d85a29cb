"""Wire agencies: NewsML-G2 / NewsML 1.2 items from an HTTP index or a ``file://`` drop folder.

A drop folder is listed here (``*.xml``, sorted) and each file requested as ``file://``; an HTTP
URL is fetched and read as items or as an index of item files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from scrapy.http import Response

from scrapers.articles import article_from_wire
from scrapers.parsers.wire import read_wire
from scrapers.spiders.base import FeedSpider


def drop_folder(url: str) -> Path | None:
    """The local directory of a ``file://`` URL, or None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(unquote(parts.path))
    return path if url.endswith("/") or path.is_dir() else None


class NewsmlSpider(FeedSpider):
    name = "newsml"
    kind = "newsml"

    async def start(self):
        folder = drop_folder(self.source.url)
        if folder is None:
            yield self.feed_request(self.source.url, self.parse, role="index")
            return
        if not folder.is_dir():
            self.batch.record_error(self.source.url, "fetch", "connection", f"drop folder {folder} does not exist")
            return
        for path in sorted(folder.glob("*.xml")):
            request = self.page_request(path.as_uri(), self.parse, feed_url=None, seen_keys=[], role="wire")
            if request is not None:
                yield request

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if self.not_modified(response):
            return
        document = read_wire(response.body, response.url)
        for item in document.items:
            yield article_from_wire(item, self.source, url=response.meta.get("listing_url") or response.url,
                                    raw_id=response.meta.get("raw_id"), run_id=self.batch.run_id,
                                    fetched_at=response.meta.get("fetched_at"))
        for link in document.links:
            request = self.page_request(link.url, self.parse, feed_url=response.url, seen_keys=[], role="wire")
            if request is not None:
                yield request
        if document.links:
            self.feed_read(response)
