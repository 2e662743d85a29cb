"""The raw tables DuckDB holds match figurewire/records.py, column for column and type for type."""

from __future__ import annotations

import duckdb
import pytest

from figurewire.layout import DataLayout
from warehouse import tables
from warehouse.connection import writer_session

EXPECTED_TYPES = {
    "articles": {"article_id": "VARCHAR", "revision": "BIGINT", "published_at": "TIMESTAMP WITH TIME ZONE",
                 "authors": "VARCHAR[]", "tags": "VARCHAR[]", "is_alert": "BOOLEAN"},
    "figures": {"value": "DOUBLE", "low": "DOUBLE", "start": "BIGINT", "end": "BIGINT", "qualifier": "VARCHAR"},
    "raw_snapshots": {"headers": "MAP(VARCHAR, VARCHAR)", "status": "BIGINT", "fetched_at": "TIMESTAMP WITH TIME ZONE"},
    "scrape_runs": {"items_scraped": "BIGINT", "finished_at": "TIMESTAMP WITH TIME ZONE"},
    "fetch_errors": {"http_status": "BIGINT", "occurred_at": "TIMESTAMP WITH TIME ZONE"},
}


@pytest.fixture(scope="module")
def warehouse_columns(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    path = DataLayout.at(tmp_path_factory.mktemp("contract")).default_warehouse
    with writer_session(path):
        pass
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {table: [(name, dtype) for name, dtype, *_ in con.execute(f"describe {table}").fetchall()]
                for table in tables.RAW_TABLES}
    finally:
        con.close()


@pytest.mark.parametrize("table", sorted(tables.RAW_TABLES))
def test_raw_table_columns_are_the_record_fields_in_order(warehouse_columns, table):
    record = tables.RAW_TABLES[table]
    assert [name for name, _ in warehouse_columns[table]] == list(record.column_types())


@pytest.mark.parametrize("table", sorted(tables.RAW_TABLES))
def test_raw_table_types_follow_the_python_types(warehouse_columns, table):
    assert dict(warehouse_columns[table]) == tables.columns(table)


@pytest.mark.parametrize("table", sorted(EXPECTED_TYPES))
def test_python_types_map_to_the_intended_duckdb_types(warehouse_columns, table):
    actual = dict(warehouse_columns[table])
    assert {name: actual[name] for name in EXPECTED_TYPES[table]} == EXPECTED_TYPES[table]


def test_an_unknown_field_type_is_refused():
    with pytest.raises(TypeError, match="no DuckDB type"):
        tables.duckdb_type(complex)
