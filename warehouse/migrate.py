"""Numbered schema migrations (``migrations/NNNN_name.sql``), each applied once and recorded."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from warehouse.sql_files import WAREHOUSE_DIR, run_file, run_statement

MIGRATIONS_DIR = WAREHOUSE_DIR / "migrations"
_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


def available_migrations() -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} is not named NNNN_name.sql")
        found.append((int(match.group(1)), match.group(2), path))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two migrations share a number in {MIGRATIONS_DIR}")
    return found


def applied_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    run_statement(con, "schema_migrations")
    return [v for (v,) in run_statement(con, "applied_migrations")]


def apply_migrations(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[str]:
    """Apply, in order, each migration not yet recorded (up to ``target``); one transaction each."""
    done = set(applied_versions(con))
    applied = []
    for version, name, path in available_migrations():
        if version in done or (target is not None and version > target):
            continue
        con.begin()
        try:
            run_file(con, path)
            run_statement(con, "record_migration", version=version, name=name)
            con.commit()
        except Exception:
            con.rollback()
            raise
        applied.append(path.name)
    return applied
