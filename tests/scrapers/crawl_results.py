"""What a real crawl of the sample newsroom staged, read back source by source (shared by the crawl tests)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, RawSnapshot, ScrapeRun, Source

# The external-entity feed, crawled by these tests even if the sample sources file drops it.
XXE_SOURCE = Source(id="faults-xxe", name="Fault Gazette (external entities)", outlet="Fault Gazette",
                    kind="rss", url="http://faults.newsroom.test/xxe.xml", language="fr", expect_items=False)


@dataclass
class Batch:
    """What one crawl staged for one source."""

    articles: list[Article]
    errors: list[FetchError]
    raw: list[RawSnapshot]
    run: ScrapeRun


@dataclass
class CrawlResult:
    run_id: str
    seconds: float
    outcomes: dict[str, pipeline.CrawlOutcome]
    batches: dict[str, Batch] = field(default_factory=dict)


def read_lines(path: Path, record_type) -> list:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [record_type.from_dict(json.loads(line)) for line in fh if line.strip()]


def read_batch(data: DataLayout, run_id: str, source_id: str) -> Batch:
    folder = data.batch_dir(run_id, source_id)
    run = ScrapeRun.from_dict(json.loads((folder / L.SCRAPE_RUN).read_text(encoding="utf-8")))
    return Batch(articles=read_lines(folder / L.ARTICLES, Article), errors=read_lines(folder / L.ERRORS, FetchError),
                 raw=read_lines(folder / L.RAW, RawSnapshot), run=run)


def crawl_all(sources, data: DataLayout, run_id: str, newsroom_url: str, processes: int | None = None) -> CrawlResult:
    started = time.perf_counter()
    outcomes = pipeline.crawl(sources, data, run_id, newsroom_url=newsroom_url, processes=processes)
    result = CrawlResult(run_id=run_id, seconds=time.perf_counter() - started,
                         outcomes={o.source_id: o for o in outcomes})
    result.batches = {s.id: read_batch(data, run_id, s.id) for s in sources}
    return result
