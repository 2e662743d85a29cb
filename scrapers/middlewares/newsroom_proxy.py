"""Send every ``*.newsroom.test`` request (robots.txt included) through the local sample newsroom.

The sample outlets keep stable URLs whatever port the server got: the crawl receives
``--newsroom-proxy http://127.0.0.1:PORT`` and this middleware sets ``request.meta["proxy"]``
before Scrapy's HttpProxyMiddleware (750) reads it. Other hosts are left alone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

NEWSROOM_SUFFIX = ".newsroom.test"


class NewsroomProxyMiddleware:
    def __init__(self, proxy_url: str):
        self.proxy_url = proxy_url

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NewsroomProxyMiddleware:
        proxy = crawler.settings.get("FIGUREWIRE_NEWSROOM_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request: Request) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if host.endswith(NEWSROOM_SUFFIX) and "proxy" not in request.meta:
            request.meta["proxy"] = self.proxy_url
        return None
