"""Build the SQL models in dependency order, then run the data tests; a small stand-in for dbt.

``models/staging/*.sql`` become views, ``models/core`` and ``models/marts`` tables. A model depends on
every other model (or Python step) whose name appears in its SQL, so the order needs no declaration.
The Python grouping step is two models with declared inputs. The build runs in one transaction in
the loader's working file: if a model or a ``tests/assert_*.sql`` fails, nothing is published and
the last good marts stay in front of users.

Builds are incremental, like dbt's state selection: each model has a state key, a hash of its SQL (or
of the Python code, for the grouping step) and of the keys of everything it reads, down to the raw
tables, whose keys are a fingerprint of their rows. A model whose key is the one it was last built with
is kept as it is, so a run that only added scrape history rebuilds the health marts and nothing else.
Models that read the clock (``now()``, ...) are rebuilt every time, and so is everything after them.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import secrets
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warehouse.connection import writer_session
from warehouse.sql_files import WAREHOUSE_DIR, run_statement
from warehouse.tables import BOOKKEEPING_TABLES, RAW_TABLES

if TYPE_CHECKING:
    import pyarrow as pa

MODELS_DIR = WAREHOUSE_DIR / "models"
TESTS_DIR = WAREHOUSE_DIR / "tests"
LAYERS = {"staging": "view", "core": "table", "marts": "table"}
MAX_ROWS_SHOWN = 20
READS_THE_CLOCK = re.compile(r"\b(now|current_timestamp|current_date|get_current_timestamp|today|random|uuid)\b",
                             re.IGNORECASE)
STORED_TABLES = (*RAW_TABLES, "loaded_batches")


@dataclass(frozen=True)
class PythonModel:
    """A model computed in Python by ``warehouse.grouping_step.<function>`` from its declared inputs.

    Named, not imported: the grouping step pulls in numpy, datasketch and scipy (0.3 s), which a
    build that keeps its groups never needs.
    """

    function: str
    inputs: tuple[str, ...]

    def build(self, con: duckdb.DuckDBPyConnection) -> pa.Table:
        return getattr(importlib.import_module("warehouse.grouping_step"), self.function)(con)


PYTHON_MODELS = {
    "int_article_groups": PythonModel(
        "article_groups", ("int_article_versions", "int_articles_current", "int_figure_versions")),
    "int_comparison_keys": PythonModel(
        "comparison_keys", ("int_article_groups", "int_article_versions", "int_figure_versions")),
}
PYTHON_MODEL_CODE = ("warehouse.grouping_step", "transforms.grouping")


class BuildFailed(RuntimeError):
    """A model could not be built or a data test returned rows; the message shows them."""


@dataclass(frozen=True)
class SqlModel:
    name: str
    kind: str
    path: Path
    sql: str  # read once: a build asks for it for the graph, the state keys and the statement


def sql_models() -> dict[str, SqlModel]:
    models = {}
    for layer, kind in LAYERS.items():
        for path in sorted((MODELS_DIR / layer).glob("*.sql")):
            if path.stem in models or path.stem in PYTHON_MODELS:
                raise BuildFailed(f"two models are named {path.stem}")
            models[path.stem] = SqlModel(path.stem, kind, path, path.read_text(encoding="utf-8").strip().rstrip(";"))
    return models


def dependencies() -> dict[str, set[str]]:
    """What each model reads: the models, Python steps and stored tables its SQL mentions (or its declared inputs)."""
    models = sql_models()
    names = set(models) | set(PYTHON_MODELS) | set(STORED_TABLES)
    graph: dict[str, set[str]] = {}
    for name, model in models.items():
        mentioned = set(re.findall(r"\b[a-z_][a-z0-9_]*\b", _without_comments(model.sql).lower()))
        graph[name] = (mentioned & names) - {name}
    for name, model in PYTHON_MODELS.items():
        graph[name] = set(model.inputs)
    return graph


def build_order() -> list[str]:
    """Model names, each after every model its SQL mentions (or its declared inputs, for Python steps)."""
    graph = {name: reads - set(STORED_TABLES) for name, reads in dependencies().items()}
    return list(TopologicalSorter(graph).static_order())


def _without_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def data_tests() -> list[Path]:
    return sorted(TESTS_DIR.glob("assert_*.sql"))


def build_models(warehouse_path: Path, wait_s: float | None = None) -> list[str]:
    """Build every model in dependency order and run the data tests; returns the names built, in order."""
    with writer_session(Path(warehouse_path), wait_s) as con:
        return _build(con)


def rebuild_models(warehouse_path: Path, wait_s: float | None = None) -> list[str]:
    """Drop every derived table and view, then build them all again from the raw tables."""
    with writer_session(Path(warehouse_path), wait_s) as con:
        con.begin()
        try:
            keep = set(RAW_TABLES) | set(BOOKKEEPING_TABLES)
            for name, kind in run_statement(con, "existing_objects"):
                if name not in keep:
                    _drop(con, name, kind)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return _build(con)


def _build(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Build the models whose state key changed; returns every model name, in build order."""
    models = sql_models()
    graph = dependencies()
    order = build_order()
    con.begin()
    try:
        existing = dict(run_statement(con, "existing_objects"))
        keys = {t: run_statement(con, "input_fingerprint", name=t)[0][0] for t in STORED_TABLES}
        for name in order:
            definition = models[name].kind + models[name].sql if name in models else _python_model_code(name)
            volatile = name in models and READS_THE_CLOCK.search(_without_comments(models[name].sql))
            keys[name] = _state_key(definition, {d: keys[d] for d in graph[name]}, volatile)
            kind = models[name].kind if name in models else "table"
            if existing.get(name) == kind and run_statement(con, "model_inputs_get", model=name) == [(keys[name],)]:
                continue
            try:
                if name in PYTHON_MODELS:
                    _materialize_arrow(con, name, PYTHON_MODELS[name].build(con), existing.get(name))
                else:
                    _materialize(con, models[name], existing.get(name))
            except duckdb.Error as exc:
                raise BuildFailed(f"model {name} failed: {exc}") from exc
            run_statement(con, "model_inputs_set", model=name, fingerprint=keys[name])
        failures = [_run_test(con, path) for path in data_tests()]
        failures = [f for f in failures if f]
        if failures:
            raise BuildFailed("data tests failed:\n\n" + "\n\n".join(failures))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return order


def _state_key(definition: str, inputs: dict[str, str], volatile: bool) -> str:
    digest = hashlib.sha256(definition.encode("utf-8"))
    for name in sorted(inputs):
        digest.update(f"\x1f{name}={inputs[name]}".encode())
    if volatile:
        digest.update(secrets.token_bytes(16))
    return digest.hexdigest()


def _python_model_code(name: str) -> str:
    """A Python model's definition is the code that computes it: the grouping step and the pure functions."""
    paths = (Path(importlib.util.find_spec(module).origin) for module in PYTHON_MODEL_CODE)
    return name + "".join(path.read_text(encoding="utf-8") for path in paths)


def _materialize(con: duckdb.DuckDBPyConnection, model: SqlModel, existing_kind: str | None) -> None:
    if existing_kind and existing_kind != model.kind:
        _drop(con, model.name, existing_kind)
    con.execute(f'create or replace {model.kind} "{model.name}" as\n{model.sql}')


def _materialize_arrow(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table, existing_kind: str | None) -> None:
    if existing_kind:
        _drop(con, name, existing_kind)
    con.from_arrow(rows).create(name)


def _drop(con: duckdb.DuckDBPyConnection, name: str, kind: str) -> None:
    con.execute(f'drop {kind} if exists "{name}" cascade')


def _run_test(con: duckdb.DuckDBPyConnection, path: Path) -> str | None:
    """Run one data test; its rows are failures, returned as a printable table (or None if none)."""
    cursor = con.execute(path.read_text(encoding="utf-8"))
    rows = cursor.fetchmany(MAX_ROWS_SHOWN + 1)
    if not rows:
        return None
    columns = [d[0] for d in cursor.description]
    shown = format_rows(columns, rows[:MAX_ROWS_SHOWN])
    more = "\n  (more rows not shown)" if len(rows) > MAX_ROWS_SHOWN else ""
    return f"{path.stem} returned failing rows:\n{shown}{more}"


def format_rows(columns: list[str], rows: list[tuple]) -> str:
    """A plain-text table, wide values cut at 60 characters."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True))  # noqa: E731
    return "\n".join([line(columns), "  " + "-+-".join("-" * w for w in widths)] + [line(r) for r in cells])


def _cell(value: object) -> str:
    text = "NULL" if value is None else str(value)
    text = text.replace("\n", "\\n")
    return text if len(text) <= 60 else text[:57] + "..."
