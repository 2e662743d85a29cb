"""Run the crawl of many sources in one process: one Scrapy crawler per source, spider by kind.

    python -m scrapers.crawl --run-id R --data-dir D --sources-json '[{...Source...}]' [--newsroom-proxy URL]

Started as a child process by ``figurewire.pipeline.crawl`` (Twisted's reactor cannot restart in
one process). Output folders are created before any crawler starts; each crawler writes its own
``scrape_run.json`` when it closes. The exit code is 0 even when sources fail: the pipeline judges
outcomes from what was staged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from figurewire.layout import DataLayout
from figurewire.records import Source

SPIDER_FOR_KIND = {
    "rss": "scrapers.spiders.rss.RssSpider",
    "newsml": "scrapers.spiders.newsml.NewsmlSpider",
    "sitemap": "scrapers.spiders.sitemap.NewsSitemapSpider",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scrapers.crawl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--sources-json", required=True, help="a JSON list of Source objects")
    parser.add_argument("--newsroom-proxy", default=None,
                        help="HTTP proxy (the sample newsroom) for every *.newsroom.test URL")
    parser.add_argument("--log-level", default=None)
    return parser.parse_args(argv)


def prepare_folders(data: DataLayout, run_id: str, sources: list[Source]) -> None:
    """Every output folder exists before crawlers run side by side (a race here lost items once)."""
    data.raw_dir.mkdir(parents=True, exist_ok=True)
    for source in sources:
        data.batch_dir(run_id, source.id).mkdir(parents=True, exist_ok=True)
        data.source_state_dir(source.id).mkdir(parents=True, exist_ok=True)
        (data.raw_dir / source.id).mkdir(parents=True, exist_ok=True)


def run_crawl(run_id: str, data_dir: str, sources: list[Source], newsroom_proxy: str | None = None,
              log_level: str | None = None) -> None:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.misc import load_object
    from scrapy.utils.project import get_project_settings

    data = DataLayout.at(data_dir)
    prepare_folders(data, run_id, sources)
    settings = get_project_settings()
    settings.set("FIGUREWIRE_RUN_ID", run_id, priority="cmdline")
    settings.set("FIGUREWIRE_DATA_DIR", str(data.root), priority="cmdline")
    if newsroom_proxy:
        settings.set("FIGUREWIRE_NEWSROOM_PROXY", newsroom_proxy, priority="cmdline")
    if log_level:
        settings.set("LOG_LEVEL", log_level, priority="cmdline")
    process = CrawlerProcess(settings)
    for source in sources:
        process.crawl(load_object(SPIDER_FOR_KIND[source.kind]), source=source.to_dict())
    process.start()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sources = [Source.from_dict(entry) for entry in json.loads(args.sources_json)]
    unknown = [s.id for s in sources if s.kind not in SPIDER_FOR_KIND]
    if unknown:
        print(f"unknown feed kind for source(s): {', '.join(unknown)}", file=sys.stderr)
    run_crawl(args.run_id, args.data_dir, [s for s in sources if s.kind in SPIDER_FOR_KIND],
              newsroom_proxy=args.newsroom_proxy, log_level=args.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
