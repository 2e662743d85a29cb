"""One real crawl of the whole sample newsroom per test session, then a second (incremental) one.

Both crawls go through ``figurewire.pipeline.crawl`` (a child ``python -m scrapers.crawl``) over real
HTTP on loopback, with the newsroom as proxy for ``*.newsroom.test``; nothing is mocked. The lead
may move ``sample_crawls`` to ``tests/conftest.py`` to share it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from crawl_results import XXE_SOURCE, CrawlResult, crawl_all

from figurewire import pipeline
from figurewire.layout import DataLayout

MANIFEST = Path(pipeline.__file__).parent / "newsroom" / "expected.json"


@dataclass
class SampleCrawls:
    data: DataLayout
    first: CrawlResult
    second: CrawlResult
    canary_hits: int


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
