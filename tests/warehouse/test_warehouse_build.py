"""The model runner: dependency order, data tests that fail the build with their rows, rebuild."""

from __future__ import annotations

import pytest
from warehouse_newsroom import FIGURES, RT_TALLY, RUN_2

from figurewire import layout as L
from figurewire.staged_figures import write_figures
from warehouse.build import BuildFailed, build_models, build_order, rebuild_models, sql_models
from warehouse.load import load_batches
from warehouse.query import run_sql

MART_QUERIES = {
    "mart_figure_comparison": "select * exclude (event_id) from mart_figure_comparison order by all",
    "mart_figure_timeline": "select * exclude (event_id) from mart_figure_timeline order by all",
    "mart_outlet_divergence": "select * from mart_outlet_divergence order by all",
    "mart_claimants": "select * exclude (event_id) from mart_claimants order by all",
}


def test_models_come_after_what_they_read():
    order = build_order()
    position = {name: i for i, name in enumerate(order)}
    assert set(order) == set(sql_models()) | {"int_article_groups", "int_comparison_keys"}
    assert position["stg_articles"] < position["int_article_versions"] < position["int_article_groups"]
    assert position["int_article_groups"] < position["int_comparison_keys"] < position["fct_figure_reports"]
    assert position["fct_figure_reports"] < position["int_key_reports"] < position["mart_figure_comparison"]
    assert position["mart_figure_comparison"] < position["mart_outlet_divergence"]
    assert all(name.startswith("stg_") for name in order[:5])


WAREHOUSE_MODELS = {  # the monitoring models (int_health_rules, mart_scrape_health*) are tested with them
    "stg_articles", "stg_figures", "stg_scrape_runs", "stg_fetch_errors", "stg_raw_snapshots",
    "int_article_versions", "int_articles_current", "int_figure_versions", "int_key_reports",
    "fct_figure_reports", "fct_figures", "fct_scrape_runs", "fct_fetch_errors", "dim_articles", "dim_outlet",
    "mart_figure_comparison", "mart_figure_timeline", "mart_outlet_divergence", "mart_claimants",
}


def test_every_model_file_is_cte_first_and_ends_in_select_from_final():
    models = sql_models()
    assert WAREHOUSE_MODELS <= set(models)
    for model in (models[name] for name in sorted(WAREHOUSE_MODELS)):
        assert model.sql.rstrip().endswith("select * from final"), model.name
        code = [line for line in model.sql.splitlines() if line.strip() and not line.lstrip().startswith("--")]
        assert code[0].startswith("with "), model.name


def test_staging_is_views_and_the_rest_tables(built):
    _, got = run_sql(built.warehouse, "select table_name, table_type from information_schema.tables "
                                      "where table_name like 'stg_%' or table_name like 'mart_%' order by 1")
    got = [row for row in got if row[0] in WAREHOUSE_MODELS]
    assert got == [("mart_claimants", "BASE TABLE"), ("mart_figure_comparison", "BASE TABLE"),
                   ("mart_figure_timeline", "BASE TABLE"), ("mart_outlet_divergence", "BASE TABLE"),
                   ("stg_articles", "VIEW"), ("stg_fetch_errors", "VIEW"), ("stg_figures", "VIEW"),
                   ("stg_raw_snapshots", "VIEW"), ("stg_scrape_runs", "VIEW")]


def test_a_failing_data_test_fails_the_build_with_its_rows_and_publishes_nothing(staged):
    batch = staged.data.batch_dir(RUN_2, "rt-fr")
    good = FIGURES[RT_TALLY.article_id]
    shifted = good[0].__class__(**{**good[0].__dict__, "start": good[0].start + 3, "end": good[0].end + 3})
    write_figures(batch / L.FIGURES, [shifted, *good[1:]])
    load_batches(staged.warehouse, staged.data)
    with pytest.raises(BuildFailed) as failed:
        build_models(staged.warehouse)
    message = str(failed.value)
    assert message.startswith("data tests failed:\n\nassert_figures_trace_to_text returned failing rows:\n")
    header, rule, row = message.splitlines()[3:6]
    assert header.split(" | ")[:5] == ["  figure_id       ", "article_id      ", "start_offset", "end_offset",
                                       "surface       "]
    assert row.startswith(f"  {shifted.figure_id} | {RT_TALLY.article_id} | ")
    assert row.endswith("| 71 000 frappes | 000 frappes au ")
    _, got = run_sql(staged.warehouse, "select count(*) from information_schema.tables where table_name like 'mart_%'")
    assert got == [(0,)]


def test_rebuild_from_raw_tables_gives_the_same_marts(built):
    before = {name: run_sql(built.warehouse, sql)[1] for name, sql in MART_QUERIES.items()}
    assert rebuild_models(built.warehouse) == build_order()
    after = {name: run_sql(built.warehouse, sql)[1] for name, sql in MART_QUERIES.items()}
    assert after == before
    assert len(before["mart_figure_comparison"]) == 13


def test_incremental_loads_give_the_same_marts_as_one_load(built, tmp_path):
    """Run 1 loaded and built, then run 2: the marts equal those of loading both runs at once."""
    from warehouse_newsroom import RUN_1, stage_newsroom

    from figurewire.layout import DataLayout

    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    stage_newsroom(data, runs=(RUN_2,))
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    for name, sql in MART_QUERIES.items():
        assert run_sql(data.default_warehouse, sql)[1] == run_sql(built.warehouse, sql)[1], name
