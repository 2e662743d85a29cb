"""Read-only SQL on the published warehouse, for `figurewire sql` and the run summary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from warehouse.build import format_rows
from warehouse.connection import connect_reader
from warehouse.sql_files import WAREHOUSE_DIR, run_file

QUERIES_DIR = WAREHOUSE_DIR / "queries"


def run_sql(warehouse_path: Path, sql: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
    """Run one query on the published copy (never the loader's file); returns column names and rows."""
    con = connect_reader(Path(warehouse_path))
    try:
        cursor = con.execute(sql, params) if params else con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall() if cursor.description else []
    finally:
        con.close()


def named_queries() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def run_named(warehouse_path: Path, name: str, **params: Any) -> tuple[list[str], list[tuple]]:
    """Run ``queries/<name>.sql`` with named parameters (``$run_id`` ...); missing ones are NULL."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        raise ValueError(f"no query named {name!r}; known: {', '.join(named_queries())}")
    wanted = set(re.findall(r"\$([A-Za-z_]\w*)", path.read_text(encoding="utf-8")))
    values = {key: params.get(key) for key in wanted}
    con = connect_reader(Path(warehouse_path))
    try:
        rows = run_file(con, path, **values)
        cursor_columns = [d[0] for d in con.description] if con.description else []
        return cursor_columns, rows
    finally:
        con.close()


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """The rows as a plain-text table (what `figurewire sql` prints)."""
    return format_rows(columns, rows) + f"\n  ({len(rows)} row{'s' if len(rows) != 1 else ''})"
