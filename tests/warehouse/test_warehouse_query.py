"""SQL on the published copy: ad-hoc queries, named queries, the run summary."""

from __future__ import annotations

import pytest
from warehouse_newsroom import RUN_1, RUN_2

from warehouse.query import format_table, named_queries, run_named, run_sql


def test_run_sql_returns_columns_and_rows(built):
    columns, rows = run_sql(built.warehouse, "select outlet, stories from dim_outlet where stories > $n order by 1",
                            {"n": 1})
    assert (columns, rows) == (["outlet", "stories"], [("RT", 2), ("Sputnik", 2)])


def test_sql_users_cannot_write(built):
    import duckdb

    with pytest.raises(duckdb.InvalidInputException, match="read-only"):
        run_sql(built.warehouse, "delete from articles")


def test_the_run_summary_of_the_latest_run(built):
    columns, rows = run_named(built.warehouse, "run_summary")
    assert columns == ["run_id", "outlet", "run_articles", "run_errors", "all_articles", "all_errors", "runs"]
    assert rows == [
        (RUN_2, "AFP", 1, 0, 2, 0, 2),
        (RUN_2, "Fault Gazette", 0, 2, 0, 2, 1),
        (RUN_2, "Levant Post", 1, 0, 1, 0, 1),
        (RUN_2, "RT", 2, 0, 2, 0, 1),
        (RUN_2, "Sputnik", 1, 0, 2, 0, 2),
    ]


def test_the_run_summary_of_a_chosen_run(built):
    _, rows = run_named(built.warehouse, "run_summary", run_id=RUN_1)
    assert [(r[1], r[2], r[3]) for r in rows] == [("AFP", 1, 0), ("Fault Gazette", 0, 0), ("Levant Post", 0, 0),
                                                  ("RT", 0, 0), ("Sputnik", 1, 0)]


def test_unknown_named_query():
    assert "run_summary" in named_queries()
    with pytest.raises(ValueError, match="no query named 'nope'; known: .*run_summary"):
        run_named("unused.duckdb", "nope")


def test_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `figurewire run` first"):
        run_sql(tmp_path / "none.duckdb", "select 1")


def test_format_table():
    assert format_table(["outlet", "value"], [("AFP", 34000.0), ("RT", None)]) == (
        "  outlet | value  \n"
        "  -------+--------\n"
        "  AFP    | 34000.0\n"
        "  RT     | NULL   \n"
        "  (2 rows)")
