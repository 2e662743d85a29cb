"""Scrapy settings for benchmark crawls only: the project's settings with politeness delays off.

``scrapers.crawl`` reads ``SCRAPY_SETTINGS_MODULE`` (``setdefault``), so a benchmark child started
with ``SCRAPY_SETTINGS_MODULE=bench.crawl_settings`` crawls with everything the project configures
(middlewares, pipelines, retries, robots.txt, concurrency limits) except AutoThrottle and delays:
the benchmark measures the crawler, not the courtesy owed to a real outlet.
"""

from scrapers.settings import *  # noqa: F403

AUTOTHROTTLE_ENABLED = False
DOWNLOAD_DELAY = 0
