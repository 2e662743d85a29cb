"""Which record lands in which raw table, with its key and DuckDB column types.

The raw tables are declared in ``migrations/*.sql``; the contract test checks them against
``RAW_TABLES`` so the SQL schema and ``figurewire/records.py`` cannot drift apart. The loader reads
staged JSON (and the Parquet figures) into exactly these columns, so a staged file never decides a column's type.
"""

from __future__ import annotations

import functools
from datetime import datetime

from figurewire.records import Article, FetchError, Figure, RawSnapshot, Record, ScrapeRun

RAW_TABLES: dict[str, type[Record]] = {
    "articles": Article,
    "figures": Figure,
    "raw_snapshots": RawSnapshot,
    "scrape_runs": ScrapeRun,
    "fetch_errors": FetchError,
}
RAW_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "figures": ("figure_id",),
    "raw_snapshots": ("raw_id",),
    "scrape_runs": ("run_id", "source_id"),
    "fetch_errors": ("error_id",),
}
BOOKKEEPING_TABLES = ("schema_migrations", "loaded_batches", "model_inputs")

_DUCKDB_TYPES: dict[type, str] = {
    str: "VARCHAR",
    int: "BIGINT",
    float: "DOUBLE",
    bool: "BOOLEAN",
    datetime: "TIMESTAMP WITH TIME ZONE",
    list: "VARCHAR[]",
    dict: "MAP(VARCHAR, VARCHAR)",
}


def duckdb_type(py_type: type) -> str:
    """The DuckDB type a record field of ``py_type`` is stored as (lists of str, dicts of str -> str)."""
    try:
        return _DUCKDB_TYPES[py_type]
    except KeyError:
        raise TypeError(f"no DuckDB type for record fields of type {py_type!r}") from None


@functools.cache
def columns(table: str) -> dict[str, str]:
    """Column name -> DuckDB type for a raw table, in record field order (cached: the loader asks for each
    batch, and resolving the record's type hints took 1 ms a time)."""
    return {name: duckdb_type(t) for name, t in RAW_TABLES[table].column_types().items()}
