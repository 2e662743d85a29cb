"""A run's load and build publish the warehouse once, at the end; a failing build still publishes what loaded."""

from __future__ import annotations

import pytest
from warehouse_newsroom import RUN_1, stage_newsroom

from figurewire import pipeline
from figurewire.layout import DataLayout
from warehouse import connection
from warehouse.build import BuildFailed
from warehouse.query import run_sql


def _counting_publish(monkeypatch) -> list:
    calls = []
    real = connection.publish

    def publish(path):
        calls.append(path)
        real(path)

    monkeypatch.setattr(connection, "publish", publish)
    return calls


def test_load_then_build_publishes_once(tmp_path, monkeypatch):
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    calls = _counting_publish(monkeypatch)
    loaded, built = pipeline.load_then_build(data, data.default_warehouse)
    assert len(calls) == 1 and loaded["articles"] > 0 and "mart_figure_comparison" in built
    _, rows = run_sql(data.default_warehouse, "select count(*) from mart_figure_comparison")
    assert rows[0][0] > 0


def test_a_failed_build_still_publishes_the_loaded_rows(tmp_path, monkeypatch):
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    calls = _counting_publish(monkeypatch)

    def failing_build(warehouse_path):
        raise BuildFailed("a data test failed")

    monkeypatch.setattr(pipeline, "build", failing_build)
    with pytest.raises(BuildFailed):
        pipeline.load_then_build(data, data.default_warehouse)
    assert len(calls) == 1
    _, rows = run_sql(data.default_warehouse, "select count(*) from articles")
    assert rows[0][0] > 0
