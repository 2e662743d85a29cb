"""Session fixtures of the reliability tests: one real `figurewire run` over the hostile site."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_site import serve_hostile_site

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, ScrapeRun

HOSTILE_SOURCES = """
[[source]]
id = "hostile"
name = "Hostile pages"
outlet = "Hostile Herald"
kind = "rss"
url = "{base}/feed.xml"
language = "fr"

[[source]]
id = "hostile-10k"
name = "Ten thousand items"
outlet = "Hostile Herald"
kind = "rss"
url = "{base}/dix-mille.xml"
language = "fr"

[[source]]
id = "hostile-gone"
name = "A feed that is gone"
outlet = "Hostile Herald"
kind = "rss"
url = "{base}/disparu.xml"
language = "fr"
"""


@dataclass
class HostileRun:
    base_url: str
    data: DataLayout
    warehouse: Path
    summary: pipeline.RunSummary

    def staged(self, source_id: str, name: str = L.ARTICLES, record=Article) -> list:
        path = self.data.batch_dir(self.summary.run_id, source_id) / name
        if not path.exists():
            return []
        return [record.from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]

    def errors(self, source_id: str) -> list[FetchError]:
        return self.staged(source_id, L.ERRORS, FetchError)

    def scrape_run(self, source_id: str) -> ScrapeRun:
        path = self.data.batch_dir(self.summary.run_id, source_id) / L.SCRAPE_RUN
        return ScrapeRun.from_dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory) -> HostileRun:
    root = tmp_path_factory.mktemp("hostile")
    data = DataLayout.at(root / "data")
    with serve_hostile_site() as base_url:
        sources = root / "sources.toml"
        sources.write_text(HOSTILE_SOURCES.replace("{base}", base_url), encoding="utf-8")
        summary = pipeline.run(sources, root / "data" / "figurewire.duckdb", data.root)
    return HostileRun(base_url=base_url, data=data, warehouse=root / "data" / "figurewire.duckdb", summary=summary)
