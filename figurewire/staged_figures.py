"""Staged figure files: Parquet typed from ``records.Figure``, written by extract, read by the loader.

Why Parquet and not JSON lines like the other staged files: a run stages far more figures than
anything else, and DuckDB reads typed columnar files several times faster than it parses JSON, which
was the floor of the warehouse load (issue 7). The schema comes from ``Figure.column_types()``, so
the file and the warehouse's ``figures`` table cannot drift apart. A batch whose articles gave no figures
gets a zero-row file with that schema, so "extracted, found nothing" and "never extracted" stay distinct;
a batch without articles has nothing to extract and gets no file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from figurewire.records import Figure

_ARROW_TYPES: dict[type, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
SCHEMA = pa.schema([pa.field(name, _ARROW_TYPES[t], nullable=True) for name, t in Figure.column_types().items()])
ROW_GROUP = 100_000
LEGACY_SENTENCE = "sentence"  # column of files staged before figures kept sentence offsets (migration 0004)


def write_figures(path: str | Path, figures: Iterable[Figure]) -> int:
    """Write ``figures`` to ``path`` atomically (tmp file, then rename); returns how many were written.

    Figures are consumed a row group at a time, so a generator of millions never sits in memory whole.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    written = 0
    try:
        with pq.ParquetWriter(tmp, SCHEMA) as writer:
            for chunk in _chunks(iter(figures), ROW_GROUP):
                writer.write_table(_table(chunk))
                written += len(chunk)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written


def read_figures(path: str | Path) -> list[Figure]:
    """Every figure in a staged figures file, in the order written."""
    table = pq.read_table(Path(path), schema=SCHEMA)
    return [Figure(**row) for row in table.to_pylist()]


def count_figures(path: str | Path) -> int:
    """Rows in a staged figures file, from its footer (nothing else is read)."""
    return pq.ParquetFile(Path(path)).metadata.num_rows


def holds_sentence_text(path: str | Path) -> bool:
    """Whether a staged figures file is of the older layout that copied each figure's sentence
    (a ``sentence`` column) instead of giving its offsets; the loader converts those. A file whose
    footer cannot be read is not (the loader reports it as it does any broken file)."""
    try:
        return LEGACY_SENTENCE in pq.read_schema(Path(path)).names
    except (OSError, pa.ArrowException):
        return False


def _chunks(figures: Iterator[Figure], size: int) -> Iterator[list[Figure]]:
    while chunk := list(islice(figures, size)):
        yield chunk


def _table(figures: list[Figure]) -> pa.Table:
    return pa.table({name: [getattr(f, name) for f in figures] for name in SCHEMA.names}, schema=SCHEMA)
