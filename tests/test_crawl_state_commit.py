"""The crawl's incremental state advances only when its batch is committed to the warehouse.

A crawl that is retried, re-run or never loaded must not make the next crawl skip what it staged.
Real crawls of one sample outlet over loopback HTTP; real DuckDB load.
"""

from __future__ import annotations

import json

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.newsroom.server import serve_newsroom
from figurewire.pipeline import read_records
from figurewire.records import RawSnapshot
from figurewire.staged_figures import read_figures
from scrapers.staging import read_raw_body

SOURCE = "rt-fr"


def _staged_ids(data: DataLayout, run_id: str) -> list[str]:
    path = data.batch_dir(run_id, SOURCE) / L.ARTICLES
    return sorted(json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines())


def test_state_is_promoted_only_by_the_load(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    warehouse = tmp_path / "data" / "figurewire.duckdb"
    [source] = pipeline.resolve_sources(pipeline.SAMPLE_SOURCES, only=[SOURCE])
    with serve_newsroom() as url:
        [first] = pipeline.crawl([source], data, "run-a", newsroom_url=url)
        assert not (data.source_state_dir(SOURCE) / "seen.json").exists()
        assert (data.batch_dir("run-a", SOURCE) / L.PENDING_STATE / "seen.json").exists()

        # Not loaded yet: a re-run of the same crawl stages the very same articles again.
        [again] = pipeline.crawl([source], data, "run-a", newsroom_url=url)
        assert first.items == again.items == 8 and not again.failed
        ids = _staged_ids(data, "run-a")
        assert len(ids) == len(set(ids)) == 8
        # ...and keeps only its own raw bodies: the first attempt's are dropped with its pointers.
        snapshots = read_records(data.batch_dir("run-a", SOURCE) / L.RAW, RawSnapshot)
        members = {(s.gzip_offset, s.gzip_length) for s in snapshots}
        assert sum(length for _, length in members) == data.raw_pack("run-a", SOURCE).stat().st_size
        assert all(len(read_raw_body(data, s)) == s.size for s in snapshots) and len(members) > 8

        # Another run before any load still sees nothing as already fetched.
        [other] = pipeline.crawl([source], data, "run-b", newsroom_url=url)
        assert other.items == 8

        pipeline.extract(data, "run-a")
        pipeline.load(data, warehouse)
        seen = json.loads((data.source_state_dir(SOURCE) / "seen.json").read_text(encoding="utf-8"))
        assert len(seen) >= 8
        assert not (data.batch_dir("run-a", SOURCE) / L.PENDING_STATE).exists()

        [after_load] = pipeline.crawl([source], data, "run-c", newsroom_url=url)
    assert after_load.items == 0 and not after_load.failed
    run_c = json.loads((data.batch_dir("run-c", SOURCE) / L.SCRAPE_RUN).read_text(encoding="utf-8"))
    assert run_c["feed_not_modified"] + run_c["articles_seen_skipped"] >= 1


def test_load_extracts_a_batch_whose_extract_never_ran(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    warehouse = tmp_path / "data" / "figurewire.duckdb"
    [source] = pipeline.resolve_sources(pipeline.SAMPLE_SOURCES, only=[SOURCE])
    with serve_newsroom() as url:
        pipeline.crawl([source], data, "run-x", newsroom_url=url)
    assert not (data.batch_dir("run-x", SOURCE) / L.FIGURES).exists()
    loaded = pipeline.load(data, warehouse)
    staged_figures = len(read_figures(data.batch_dir("run-x", SOURCE) / L.FIGURES))
    assert staged_figures > 0
    assert loaded["articles"] == 8 and loaded["figures"] == staged_figures
