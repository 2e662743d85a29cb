"""Whole-table comparisons of DuckDB warehouses, read through read-only connections."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.tables import BOOKKEEPING_TABLES

BOOKKEEPING = BOOKKEEPING_TABLES  # migrations, loaded batches, model input fingerprints: not data
# The health mart's clock (the moment of judging), not data: two builds a second apart differ there.
CLOCK_COLUMNS = ("judged_at",)


def table_names(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]


def rows(warehouse: Path, table: str, exclude_columns: tuple[str, ...] = ()) -> list[str]:
    """The table's rows as sorted reprs (a multiset, so duplicates count), some columns left out."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("set TimeZone = 'UTC'")
        columns = [r[0] for r in con.execute(f'describe "{table}"').fetchall()]
        keep = ", ".join(f'"{c}"' for c in columns if c not in exclude_columns)
        return sorted(repr(row) for row in con.execute(f'select {keep} from "{table}"').fetchall())


def all_rows(warehouse: Path, exclude_tables: tuple[str, ...] = BOOKKEEPING,
             exclude_columns: tuple[str, ...] = CLOCK_COLUMNS) -> dict[str, list[str]]:
    return {t: rows(warehouse, t, exclude_columns) for t in table_names(warehouse) if t not in exclude_tables}


def scalar(warehouse: Path, sql: str, params: list | None = None):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("set TimeZone = 'UTC'")
        return con.execute(sql, params or []).fetchall()
