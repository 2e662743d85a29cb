"""Run the statements of a ``.sql`` file with named parameters: all the SQL lives in files, none in Python."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

WAREHOUSE_DIR = Path(__file__).resolve().parent
STATEMENTS_DIR = WAREHOUSE_DIR / "statements"

_STATEMENT_END = re.compile(r";[ \t]*(?:--[^\n]*)?$", re.MULTILINE)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT_LINE = re.compile(r"^\s*--.*$", re.MULTILINE)


@cache
def statements(path: Path) -> tuple[str, ...]:
    """The statements of a file, split at a ``;`` that ends a line (our files never put two on one line)."""
    text = Path(path).read_text(encoding="utf-8")
    parts = (_COMMENT_LINE.sub("", p).strip() for p in _STATEMENT_END.split(text))
    return tuple(p for p in parts if p)


def run_file(con: duckdb.DuckDBPyConnection, sql_path: Path, **params: Any) -> list[tuple]:
    """Run every statement of ``sql_path`` in order; each gets only the parameters it names. Returns the last result."""
    result: list[tuple] = []
    for sql in statements(Path(sql_path)):
        wanted = {name: params[name] for name in set(_PARAM.findall(sql))}
        cursor = con.execute(sql, wanted) if wanted else con.execute(sql)
        result = cursor.fetchall() if cursor.description else []
    return result


def run_statement(con: duckdb.DuckDBPyConnection, statement: str, **params: Any) -> list[tuple]:
    """Run ``statements/<statement>.sql``."""
    return run_file(con, STATEMENTS_DIR / f"{statement}.sql", **params)
