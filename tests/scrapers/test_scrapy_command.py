"""`scrapy list` and `scrapy crawl <kind> -a source='{json}'` work from the repo root (scrapy.cfg)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from figurewire import pipeline
from figurewire.layout import PENDING_STATE, DataLayout
from figurewire.records import ScrapeRun

REPO = Path(pipeline.__file__).resolve().parents[1]
SCRAPY = [sys.executable, "-m", "scrapy.cmdline"]


def test_scrapy_list_names_one_spider_per_feed_kind():
    out = subprocess.run([*SCRAPY, "list"], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["newsml", "rss", "sitemap"]


@pytest.mark.e2e
def test_scrapy_crawl_runs_one_source_from_the_command_line(tmp_path):
    from figurewire.newsroom.server import serve_newsroom

    [source] = pipeline.resolve_sources(pipeline.SAMPLE_SOURCES, only=["levant-post"])
    data = DataLayout.at(tmp_path / "data")
    with serve_newsroom() as newsroom_url:
        proc = subprocess.run(
            [*SCRAPY, "crawl", "rss", "-a", f"source={json.dumps(source.to_dict())}", "-a", "run_id=cli",
             "-s", f"FIGUREWIRE_DATA_DIR={data.root}", "-s", f"FIGUREWIRE_NEWSROOM_PROXY={newsroom_url}",
             "-s", "LOG_LEVEL=WARNING"],
            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    batch = data.batch_dir("cli", "levant-post")
    run = ScrapeRun.from_dict(json.loads((batch / "scrape_run.json").read_text()))
    lines = (batch / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert (run.finish_reason, run.items_scraped, len(lines), run.errors) == ("finished", 4, 4, 0)
    pending = batch / PENDING_STATE  # promoted to the live state once the batch is loaded
    assert json.loads((pending / "http_validators.json").read_text()).keys() == {
        "http://levantpost.newsroom.test/feed.xml"}
