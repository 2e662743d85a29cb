"""Scrapy settings of the figurewire crawl: politeness and robustness come from Scrapy itself.

Per-source values (download timeout) are set by the spider from its ``source`` argument; the run id,
data folder and newsroom proxy come from ``scrapers.crawl`` (or ``-s`` / ``-a`` on ``scrapy crawl``).
"""

from scrapy.settings.default_settings import EXTENSIONS_BASE as _SCRAPY_EXTENSIONS_BASE

BOT_NAME = "figurewire"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"

USER_AGENT = "figurewire/0.1 (+https://github.com/figurewire)"
ROBOTSTXT_OBEY = True

# Politeness: AutoThrottle adapts the delay to each server's latency.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_DELAY = 0
# Items of one response go through the pipelines one at a time: they are synchronous, and Scrapy's
# default of 100 starts 100 asyncio tasks per response for nothing (1.5x the crawl's pages/s, bench/).
CONCURRENT_ITEMS = 1

# Robustness: 5xx and timeouts are retried (with backoff, see RetryBackoffMiddleware), then recorded once.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
FIGUREWIRE_RETRY_BACKOFF_BASE = 0.5
FIGUREWIRE_RETRY_BACKOFF_MAX = 8.0
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 2 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True
REDIRECT_MAX_TIMES = 5

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's remote control serves, on a local port, an endpoint that runs Python code sent to it, and
# leaves a job file under ~/.local/state/scrapy per crawl. A scheduled crawl wants neither. It is also left
# out of the base extensions because Scrapy imports every listed extension, even one set to None, and this
# one imports aiohttp (0.06 s of each crawl child's start-up).
REMOTE_CONTROL_ENABLED = False
EXTENSIONS_BASE = {path: order for path, order in _SCRAPY_EXTENSIONS_BASE.items() if not path.endswith(".RemoteControl")}
HTTPCACHE_ENABLED = False
LOG_LEVEL = "INFO"

# figurewire's own settings (filled by scrapers.crawl or the spider).
FIGUREWIRE_RUN_ID = None
FIGUREWIRE_DATA_DIR = None
FIGUREWIRE_NEWSROOM_PROXY = None

DOWNLOADER_MIDDLEWARES = {
    "scrapers.middlewares.retry_backoff.RetryBackoffMiddleware": 560,
    "scrapers.middlewares.raw_snapshots.RawSnapshotMiddleware": 585,
    "scrapers.middlewares.newsroom_proxy.NewsroomProxyMiddleware": 740,
}
SPIDER_MIDDLEWARES = {
    "scrapers.middlewares.fault_recorder.FaultRecorderMiddleware": 950,
}
ITEM_PIPELINES = {
    "scrapers.pipelines.validate.ValidateArticlePipeline": 100,
    "scrapers.pipelines.dedupe.DedupeArticlePipeline": 200,
    "scrapers.pipelines.stage.StageArticlePipeline": 300,
    "scrapers.pipelines.remember.RememberArticlePipeline": 400,
}
EXTENSIONS = {
    "scrapers.extensions.crawl_batch.CrawlBatch": 100,
}
