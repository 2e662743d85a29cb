"""Session fixtures shared by the end-to-end tests: ONE real pipeline run (plus one re-run) of the
sample newsroom, over real HTTP on loopback, into a temporary data folder and DuckDB file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from figurewire import pipeline
from figurewire.layout import DataLayout

NEWSROOM_MANIFEST = Path(pipeline.__file__).parent / "newsroom" / "expected.json"


@dataclass
class SampleRuns:
    data: DataLayout
    warehouse: Path
    first: pipeline.RunSummary
    second: pipeline.RunSummary
    counts_after_first: dict[str, int]


def table_counts(warehouse: Path, tables=("articles", "figures", "fetch_errors", "scrape_runs")) -> dict[str, int]:
    from warehouse.query import run_sql

    return {t: run_sql(warehouse, f"select count(*) from {t}")[1][0][0] for t in tables}


@pytest.fixture(scope="session")
def newsroom_manifest() -> dict:
    return json.loads(NEWSROOM_MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_runs(tmp_path_factory) -> SampleRuns:
    """`figurewire run` twice on the sample newsroom: the second run must find nothing new."""
    root = tmp_path_factory.mktemp("sample-run")
    data = DataLayout.at(root / "data")
    warehouse = root / "data" / "figurewire.duckdb"
    first = pipeline.run(pipeline.SAMPLE_SOURCES, warehouse, data.root)
    counts = table_counts(warehouse)
    second = pipeline.run(pipeline.SAMPLE_SOURCES, warehouse, data.root)
    return SampleRuns(data=data, warehouse=warehouse, first=first, second=second, counts_after_first=counts)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep hypothesis from writing "add this failing example" patches: with Twisted's zope.interface
    loaded, its libcst code-mod crashes pytest itself (INTERNALERROR), which would turn one failing
    property test into an aborted session. The failure and its example are still reported."""
    item.__dict__.pop("_hypothesis_failing_examples", None)
    yield
