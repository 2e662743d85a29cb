"""A build whose inputs did not change keeps the grouping step's tables instead of recomputing them;
new articles make it recompute, and the marts then equal a build from scratch."""

from __future__ import annotations

from warehouse_newsroom import RUN_1, RUN_2, stage_newsroom

from figurewire.layout import DataLayout
from warehouse.build import build_models, rebuild_models
from warehouse.load import load_batches
from warehouse.query import run_sql

PYTHON_MODELS_STATE = "select model, fingerprint, built_at from model_inputs order by model"
MARTS = "select * exclude (event_id) from mart_figure_comparison order by all"


def test_grouping_is_recomputed_only_when_its_inputs_change(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    _, first = run_sql(data.default_warehouse, PYTHON_MODELS_STATE)
    assert [m for m, _, _ in first] == ["int_article_groups", "int_comparison_keys"]

    build_models(data.default_warehouse)
    _, unchanged = run_sql(data.default_warehouse, PYTHON_MODELS_STATE)
    assert unchanged == first

    stage_newsroom(data, runs=(RUN_2,))
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    _, after = run_sql(data.default_warehouse, PYTHON_MODELS_STATE)
    assert [f for _, f, _ in after] != [f for _, f, _ in first]
    assert all(a[2] > f[2] for a, f in zip(after, first, strict=True))

    _, incremental = run_sql(data.default_warehouse, MARTS)
    rebuild_models(data.default_warehouse)
    _, from_scratch = run_sql(data.default_warehouse, MARTS)
    assert incremental == from_scratch and len(incremental) > 0
