"""Crawl speed: the real Scrapy crawl of the generated newsroom against a plain asyncio fetch loop.

Both run as child processes against the same server (``bench.newsroom_gen``, its own process) and
the same URLs: the feeds and sitemaps of the generated sources, then every article page. The
crawl is ``figurewire.pipeline.crawl`` exactly as ``figurewire run`` calls it (``python -m
scrapers.crawl`` children, the sources split between ``crawl_processes()`` of them), with
``SCRAPY_SETTINGS_MODULE=bench.crawl_settings`` (AutoThrottle and delays off, all else as
configured). The plain loop is aiohttp with a semaphore, reading each body and nothing more: a
ceiling, not a competitor. Two more children explain the gap, each run once: the same loop that
also parses each page with figurewire's article parser, and a bare Scrapy spider (no middlewares,
pipelines or parsing of ours) fetching the same article URLs in one process: Scrapy's own floor
of cost per page on this machine. A third, the same bare spider with the fastest settings Scrapy 2.19
offers (no Twisted reactor, its experimental aiohttp download handler, only the downloader middlewares a
crawl cannot do without), shows how high Scrapy itself can go here.

pages/s = article pages delivered / wall seconds of the child (start-up included, for both).

    .venv/bin/python -m bench.bench_crawl [--articles 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench.measured_process import REPO_ROOT, run_measured
from bench.newsroom_gen import OUT_DIR, NewsroomProcess, ensure_generated, sources_for

PLAIN_CONCURRENCY = 16
FETCHERS = ("scrapy", "plain", "plain+parse", "bare scrapy", "fastest bare scrapy")
CRAWL_ENV = {"SCRAPY_SETTINGS_MODULE": "bench.crawl_settings"}


# ---------------------------------------------------------------- the plain loop (runs in a child)


async def plain_fetch(feed_urls: list[str], page_urls: list[str], concurrency: int, parse: bool) -> dict:
    import aiohttp

    parser = None
    if parse:
        from scrapers.parsers.article_html import GenericArticleParser
        parser = GenericArticleParser()
    semaphore = asyncio.Semaphore(concurrency)
    fetched = {"pages": 0, "bytes": 0, "failed": 0, "parsed": 0}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def get(url: str, is_page: bool) -> None:
            async with semaphore:
                try:
                    async with session.get(url) as response:
                        body = await response.read()
                        content_type = response.headers.get("Content-Type")
                except aiohttp.ClientError:
                    fetched["failed"] += 1
                    return
            fetched["bytes"] += len(body)
            if is_page:
                fetched["pages"] += 1
                if parser is not None:
                    parser.parse(body, url, content_type)
                    fetched["parsed"] += 1

        await asyncio.gather(*(get(u, False) for u in feed_urls))
        await asyncio.gather(*(get(u, True) for u in page_urls))
    return fetched


def plain_child(argv: list[str]) -> int:
    """``python -m bench.bench_crawl plain URLS_JSON CONCURRENCY [parse]``: prints a JSON result."""
    urls = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = asyncio.run(plain_fetch(urls["feeds"], urls["pages"], int(argv[1]), parse="parse" in argv[2:]))
    result["inner_seconds"] = time.perf_counter() - started
    print(json.dumps(result))
    return 0


# Scrapy 2.19 without its Twisted reactor, on its experimental aiohttp handler, keeping only timeouts,
# user agent, retries, decompression, redirects and stats: the fastest no-op crawl found here.
FASTEST_SCRAPY = {
    "TWISTED_REACTOR_ENABLED": False,
    "DOWNLOAD_HANDLERS": {"http": "scrapy.core.downloader.handlers._aiohttp.AiohttpDownloadHandler"},
    "DOWNLOADER_MIDDLEWARES_BASE": {
        "scrapy.downloadermiddlewares.downloadtimeout.DownloadTimeoutMiddleware": 350,
        "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": 500,
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": 550,
        "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 590,
        "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": 600,
        "scrapy.downloadermiddlewares.stats.DownloaderStats": 850,
    },
    "SPIDER_MIDDLEWARES_BASE": {},
    "REMOTE_CONTROL_ENABLED": False,
}


def bare_scrapy_child(argv: list[str]) -> int:
    """``python -m bench.bench_crawl bare URLS_JSON CONCURRENCY [fastest]``: a no-op Scrapy spider over the
    pages, with Scrapy's default settings or with ``FASTEST_SCRAPY``."""
    import scrapy
    from scrapy.crawler import AsyncCrawlerProcess, CrawlerProcess

    urls = json.loads(Path(argv[0]).read_text(encoding="utf-8"))["pages"]
    fetched = {"pages": 0, "bytes": 0}

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self):
            for url in urls:
                yield scrapy.Request(url, dont_filter=True)

        def parse(self, response):
            fetched["pages"] += 1
            fetched["bytes"] += len(response.body)

    concurrency = int(argv[1])
    settings = {"LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False,
                "COOKIES_ENABLED": False, "CONCURRENT_ITEMS": 1, "CONCURRENT_REQUESTS": concurrency,
                "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency}
    fastest = "fastest" in argv[2:]
    process = AsyncCrawlerProcess({**settings, **FASTEST_SCRAPY}) if fastest else CrawlerProcess(settings)
    process.crawl(BareSpider)
    process.start()
    print(json.dumps(fetched))
    return 0


def scrapy_child(argv: list[str]) -> int:
    """``python -m bench.bench_crawl scrapy SOURCES_JSON DATA_DIR RUN_ID PROCESSES``: the pipeline's crawl."""
    from figurewire import pipeline
    from figurewire.layout import DataLayout
    from figurewire.records import Source

    sources = [Source.from_dict(s) for s in json.loads(Path(argv[0]).read_text(encoding="utf-8"))]
    outcomes = pipeline.crawl(sources, DataLayout.at(argv[1]), argv[2], processes=int(argv[3]))
    print(json.dumps({"failed": [o.source_id for o in outcomes if o.failed]}))
    return 0


# ---------------------------------------------------------------- one run of each


def run_scrapy(sources: list[dict], work: Path, tag: str, processes: int) -> dict:
    data_dir = work / f"crawl-{tag}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    sources_file = work / "sources.json"
    sources_file.write_text(json.dumps(sources), encoding="utf-8")
    cmd = [sys.executable, "-m", "bench.bench_crawl", "scrapy", str(sources_file), str(data_dir), f"bench-{tag}",
           str(processes)]
    measured = run_measured(cmd, env=CRAWL_ENV, log=work / f"crawl-{tag}.log")
    staged = errors = requests = 0
    for batch in (data_dir / "staging" / f"bench-{tag}").iterdir():
        staged += _lines(batch / "articles.jsonl")
        errors += _lines(batch / "errors.jsonl")
        run_file = batch / "scrape_run.json"
        if run_file.exists():
            requests += json.loads(run_file.read_text(encoding="utf-8")).get("requests", 0)
    shutil.rmtree(data_dir, ignore_errors=True)
    return {"seconds": measured.seconds, "peak_rss_mb": measured.peak_rss_mb, "pages": staged,
            "errors": errors, "requests": requests, "returncode": measured.returncode}


def run_bare_scrapy(urls_file: Path, concurrency: int, fastest: bool = False) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_crawl", "bare", str(urls_file), str(concurrency)]
    measured = run_measured(cmd + (["fastest"] if fastest else []))
    result = json.loads(measured.stdout.strip().splitlines()[-1])
    return {"seconds": measured.seconds, "peak_rss_mb": measured.peak_rss_mb, **result}


def run_plain(urls_file: Path, concurrency: int, parse: bool = False) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_crawl", "plain", str(urls_file), str(concurrency)]
    measured = run_measured(cmd + (["parse"] if parse else []))
    result = json.loads(measured.stdout.strip().splitlines()[-1])
    return {"seconds": measured.seconds, "peak_rss_mb": measured.peak_rss_mb, **result}


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


# ---------------------------------------------------------------- the benchmark


def measure(site: Path, articles: int, runs: int, work: Path | None = None,
            concurrency: int = PLAIN_CONCURRENCY, processes: int | None = None) -> dict:
    """Medians of ``runs`` interleaved runs of the crawl and the plain loop (the explanations run once)."""
    from figurewire.pipeline import crawl_processes

    processes = processes or crawl_processes()
    work = work or OUT_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    manifest = ensure_generated(site, articles)
    rows: dict[str, list[dict]] = {name: [] for name in FETCHERS}
    with NewsroomProcess(site) as base_url:
        sources = sources_for(manifest, base_url)
        urls_file = work / "urls.json"
        urls_file.write_text(json.dumps({"feeds": [s["url"] for s in sources],
                                         "pages": [base_url + p for p in manifest["pages"]]}), encoding="utf-8")
        for i in range(runs):
            rows["plain"].append(run_plain(urls_file, concurrency))
            rows["scrapy"].append(run_scrapy(sources, work, str(i), processes))
            if i == 0:  # explanations of the gap, not targets: once is enough
                rows["plain+parse"].append(run_plain(urls_file, concurrency, parse=True))
                rows["bare scrapy"].append(run_bare_scrapy(urls_file, concurrency))
                rows["fastest bare scrapy"].append(run_bare_scrapy(urls_file, concurrency, fastest=True))
    summary = {}
    for name, results in rows.items():
        rates = [r["pages"] / r["seconds"] for r in results]
        summary[name] = {
            "pages_per_s": statistics.median(rates), "rates": rates,
            "seconds": statistics.median(r["seconds"] for r in results),
            "pages": min(r["pages"] for r in results),
            "peak_rss_mb": max(r["peak_rss_mb"] or 0 for r in results),
            "runs": results,
        }
    ratios = [s["pages"] / s["seconds"] / (p["pages"] / p["seconds"]) for s, p in zip(rows["scrapy"], rows["plain"], strict=False)]
    summary["ratio"] = statistics.median(ratios)
    summary["ratios"] = ratios
    summary["articles"] = articles
    summary["concurrency"] = concurrency
    summary["processes"] = processes
    summary["sources"] = len(manifest["sources"])
    return summary


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["plain"]:
        return plain_child(argv[1:])
    if argv[:1] == ["scrapy"]:
        return scrapy_child(argv[1:])
    if argv[:1] == ["bare"]:
        return bare_scrapy_child(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench.bench_crawl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=PLAIN_CONCURRENCY)
    parser.add_argument("--processes", type=int, default=None, help="crawl children (default: crawl_processes())")
    parser.add_argument("--site", default=str(OUT_DIR / "newsroom"))
    args = parser.parse_args(argv)
    result = measure(Path(args.site), args.articles, args.runs, concurrency=args.concurrency,
                     processes=args.processes)
    for name in FETCHERS:
        r = result[name]
        print(f"{name:19} {r['pages_per_s']:8.0f} pages/s  {r['seconds']:6.1f} s  {r['pages']} pages  "
              f"peak {r['peak_rss_mb']:.0f} MB  runs {[round(x) for x in r['rates']]}")
    print(f"scrapy / plain = {result['ratio']:.2f}  (runs {[round(x, 2) for x in result['ratios']]})")
    print(json.dumps({k: v for k, v in result.items() if k not in FETCHERS}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())
