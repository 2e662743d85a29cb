"""Incremental builds: a model is rebuilt only when its SQL (or Python code) or something it reads changed,
models that read the clock always are, and the marts then equal a build from scratch."""

from __future__ import annotations

from warehouse_newsroom import BATCHES, RUN_1, RUN_2, stage_batch, stage_newsroom

from figurewire.layout import DataLayout
from warehouse import build
from warehouse.build import build_models, build_order, rebuild_models
from warehouse.load import load_batches
from warehouse.query import run_sql

MODEL_STATE = "select model, fingerprint, built_at from model_inputs order by model"
MARTS = "select * exclude (event_id) from mart_figure_comparison order by all"
QUIET_RUN = "20161221T230000Z-cccccc"


def _state(warehouse) -> dict[str, tuple]:
    _, rows = run_sql(warehouse, MODEL_STATE)
    return {model: (key, built_at) for model, key, built_at in rows}


def _rebuilt(before: dict, after: dict) -> set[str]:
    return {m for m in after if after[m] != before.get(m)}


def _first_run_built(tmp_path) -> tuple[DataLayout, object, dict[str, tuple]]:
    """The first run of the hand-written newsroom, loaded and built: its data, warehouse and model state."""
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    return data, data.default_warehouse, _state(data.default_warehouse)


def _after_the_clock() -> set[str]:
    """Models that read the clock, and every model built from them."""
    graph, models = build.dependencies(), build.sql_models()
    found = {m for m, model in models.items() if build.READS_THE_CLOCK.search(build._without_comments(model.sql))}
    for name in build_order():
        if graph[name] & found:
            found.add(name)
    return found


def test_models_are_rebuilt_only_when_what_they_read_changed(tmp_path):
    data, warehouse, first = _first_run_built(tmp_path)
    assert set(first) == set(build_order())
    volatile = _after_the_clock()
    assert "mart_scrape_health" in volatile and "int_article_groups" not in volatile

    build_models(warehouse)
    assert _rebuilt(first, _state(warehouse)) == volatile

    # A crawl that found nothing new adds scrape history only: the article and figure models stay.
    quiet_source = next(source for run, source in BATCHES if run == RUN_1)
    stage_batch(data, QUIET_RUN, quiet_source, [])
    load_batches(warehouse, data)
    before_quiet = _state(warehouse)
    build_models(warehouse)
    rebuilt = _rebuilt(before_quiet, _state(warehouse))
    assert {"stg_scrape_runs", "fct_scrape_runs", "mart_scrape_health_runs"} <= rebuilt
    assert not rebuilt & {"int_article_versions", "int_figure_versions", "int_article_groups",
                          "int_comparison_keys", "mart_figure_comparison"}

    stage_newsroom(data, runs=(RUN_2,))
    load_batches(warehouse, data)
    before_new = _state(warehouse)
    build_models(warehouse)
    assert {"int_article_groups", "int_comparison_keys", "mart_figure_comparison"} <= _rebuilt(
        before_new, _state(warehouse))

    _, incremental = run_sql(warehouse, MARTS)
    rebuild_models(warehouse)
    _, from_scratch = run_sql(warehouse, MARTS)
    assert incremental == from_scratch and len(incremental) > 0


def test_a_changed_model_definition_rebuilds_it_and_what_reads_it(tmp_path, monkeypatch):
    _, warehouse, before = _first_run_built(tmp_path)

    models = build.sql_models()
    edited = tmp_path / "int_figure_versions.sql"
    edited.write_text(models["int_figure_versions"].sql + "\n-- reworded\n", encoding="utf-8")
    models["int_figure_versions"] = build.SqlModel("int_figure_versions", "table", edited,
                                                   edited.read_text(encoding="utf-8").strip())
    monkeypatch.setattr(build, "sql_models", lambda: models)
    build_models(warehouse)
    rebuilt = _rebuilt(before, _state(warehouse))
    assert {"int_figure_versions", "int_article_groups", "int_comparison_keys", "mart_figure_comparison"} <= rebuilt
    assert not rebuilt & {"int_article_versions", "stg_scrape_runs", "fct_scrape_runs"}
