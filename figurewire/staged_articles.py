"""Staged article files in Parquet: a typed copy of a batch's ``articles.jsonl``, written by extract, read by the loader.

The JSON lines stay the record: the crawl appends to them as it goes (a crash keeps every finished line)
and everything else reads them. Extract, which parses every staged article anyway to find its figures,
also writes ``articles.parquet`` beside them, because the loader gets a batch's article ids from a
Parquet file without reading the bodies and inserts the rows straight from it, where JSON has to be
parsed whole into a temporary table first and copied from there (1M-figure bench: the articles' load
statements 0.50 s -> 0.26 s). The schema comes from ``Article.column_types()``, like the figures'.

A copy only counts for the JSON lines it was made from: their size and modification time are kept in
the file's metadata, and the loader uses the copy only while they still match (a batch re-staged by
``figurewire rebuild`` or a retried crawl goes back to its JSON lines). Articles staged twice are
written once, the last line winning, as the loader would have it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from figurewire.records import Article

_ARROW_TYPES: dict[type, pa.DataType] = {
    str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
    datetime: pa.timestamp("us", tz="UTC"), list: pa.list_(pa.string()),
}
SCHEMA = pa.schema([pa.field(name, _ARROW_TYPES[t], nullable=True) for name, t in Article.column_types().items()])
SOURCE_KEY = b"figurewire.source"  # "<size>:<mtime_ns>" of the JSON lines the copy was made from


def source_stamp(source: str | Path) -> str:
    """What a copy of the JSON lines at ``source`` vouches for (size and modification time). Take it
    before reading them, so that a copy never vouches for lines written after it was read."""
    stat = Path(source).stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def write_articles(path: str | Path, articles: Iterable[Article], stamp: str) -> int:
    """Write ``articles``, read from JSON lines whose ``source_stamp`` was ``stamp``, to ``path`` atomically;
    returns how many were written, one per ``article_id`` (its last)."""
    path = Path(path)
    last = {a.article_id: a for a in articles}
    table = pa.table({name: [getattr(a, name) for a in last.values()] for name in SCHEMA.names},
                     schema=SCHEMA.with_metadata({SOURCE_KEY: stamp.encode()}))
    tmp = path.with_name(path.name + ".tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(last)


def current_copy(path: str | Path, source: str | Path) -> Path | None:
    """``path`` if it is a readable copy of the JSON lines at ``source`` as they are now, else None."""
    path, source = Path(path), Path(source)
    try:
        metadata = pq.read_schema(path).metadata or {}
        return path if metadata.get(SOURCE_KEY) == source_stamp(source).encode() else None
    except (OSError, pa.ArrowException):
        return None
