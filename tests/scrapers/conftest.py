"""One real crawl of the whole sample newsroom per test session, then a second (incremental) one.

Both crawls go through ``figurewire.pipeline.crawl`` (a child ``python -m scrapers.crawl``) over real
HTTP on loopback, with the newsroom as proxy for ``*.newsroom.test``; nothing is mocked. The lead
may move ``sample_crawls`` to ``tests/conftest.py`` to share it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, RawSnapshot, ScrapeRun, Source

MANIFEST = Path(pipeline.__file__).parent / "newsroom" / "expected.json"
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


@dataclass
class SampleCrawls:
    data: DataLayout
    first: CrawlResult
    second: CrawlResult
    canary_hits: int


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


def crawl_all(sources, data: DataLayout, run_id: str, newsroom_url: str) -> CrawlResult:
    started = time.perf_counter()
    outcomes = pipeline.crawl(sources, data, run_id, newsroom_url=newsroom_url)
    result = CrawlResult(run_id=run_id, seconds=time.perf_counter() - started,
                         outcomes={o.source_id: o for o in outcomes})
    result.batches = {s.id: read_batch(data, run_id, s.id) for s in sources}
    return result


@pytest.fixture(scope="session")
def newsroom_expected() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_crawls(tmp_path_factory) -> SampleCrawls:
    from figurewire.newsroom.server import serve_newsroom

    data = DataLayout.at(tmp_path_factory.mktemp("crawl") / "data")
    sources = pipeline.resolve_sources(pipeline.SAMPLE_SOURCES)
    if XXE_SOURCE.id not in {s.id for s in sources}:
        sources.append(XXE_SOURCE)
    with serve_newsroom() as newsroom_url:
        first = crawl_all(sources, data, "run-1", newsroom_url)
        pipeline.promote_crawl_state(data, "run-1")  # what loading run-1 would do
        second = crawl_all(sources, data, "run-2", newsroom_url)
        canary_hits = _canary_hits(newsroom_url)
    print(f"\nsample newsroom crawl: first {first.seconds:.1f} s, second {second.seconds:.1f} s")
    return SampleCrawls(data=data, first=first, second=second, canary_hits=canary_hits)


def _canary_hits(newsroom_url: str) -> int:
    """Hits on the newsroom's XXE canary, read from its admin endpoint."""
    import urllib.request

    with urllib.request.urlopen(f"{newsroom_url}/_admin/hits", timeout=5) as response:
        hits = json.loads(response.read())
    return sum(count for key, count in hits["hits"].items() if "_canary" in key)
