"""Sources crawled by several children at once stage exactly what one child would, source by source."""

from __future__ import annotations

import pytest
from crawl_results import XXE_SOURCE, crawl_all

from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.records import Source


def _sources(n: int) -> list[Source]:
    return [Source(id=f"s{i}", name=f"S{i}", outlet="O", kind="rss", url=f"http://o.test/{i}.xml",
                   language="fr") for i in range(n)]


def test_sources_are_dealt_round_robin_without_empty_groups():
    groups = pipeline.crawl_groups(_sources(5), 2)
    assert [[s.id for s in g] for g in groups] == [["s0", "s2", "s4"], ["s1", "s3"]]
    assert [[s.id for s in g] for g in pipeline.crawl_groups(_sources(2), 4)] == [["s0"], ["s1"]]
    assert pipeline.crawl_groups([], 3) == []


def test_crawl_processes_comes_from_the_environment_then_the_sources_file(tmp_path, monkeypatch):
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text("[crawl]\nprocesses = 3\n", encoding="utf-8")
    monkeypatch.delenv("FIGUREWIRE_CRAWL_PROCESSES", raising=False)
    assert pipeline.crawl_processes(sources_file) == 3
    monkeypatch.setenv("FIGUREWIRE_CRAWL_PROCESSES", "1")
    assert pipeline.crawl_processes(sources_file) == 1


@pytest.mark.e2e
def test_three_children_stage_the_same_batches_as_the_session_crawl(sample_crawls, tmp_path, monkeypatch):
    """... and open no remote-control endpoint: Scrapy 2.19 enables one by default, which runs code sent to
    it and leaves a job file in the user's state folder."""
    from figurewire.newsroom.server import serve_newsroom

    sources = pipeline.resolve_sources(pipeline.SAMPLE_SOURCES)
    if XXE_SOURCE.id not in {s.id for s in sources}:
        sources.append(XXE_SOURCE)
    data = DataLayout.at(tmp_path / "data")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    with serve_newsroom() as newsroom_url:
        three = crawl_all(sources, data, "run-1", newsroom_url, processes=3)
    logs = [log.read_text(encoding="utf-8") for log in data.run_dir("run-1").glob("crawl-*.log")]
    assert len(logs) == 3
    assert all("Enabled extensions" in log and "remote_control" not in log for log in logs)
    assert not (tmp_path / "state").exists()
    before = sample_crawls.first
    assert {k: (o.failed, o.items) for k, o in three.outcomes.items()} == {
        k: (o.failed, o.items) for k, o in before.outcomes.items()}
    for source_id, batch in before.batches.items():
        assert sorted(a.article_id for a in three.batches[source_id].articles) == sorted(
            a.article_id for a in batch.articles), source_id
        assert sorted((e.kind, e.url) for e in three.batches[source_id].errors) == sorted(
            (e.kind, e.url) for e in batch.errors), source_id
