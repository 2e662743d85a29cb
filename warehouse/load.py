"""The only writer of the raw tables: load staged batches into DuckDB, all pending ones in one transaction.

A batch is ``data/staging/<run_id>/<source_id>/``; it is ready once the crawl wrote its
``scrape_run.json``. Staged JSON lines go through DuckDB's bulk JSON reader with the column types
of ``figurewire/records.py``, staged figures (Parquet, typed from the same record) through its Parquet
reader, and so do a batch's articles when extract left a current Parquet copy of them (batches staged
before that load from their JSON lines); never row-by-row inserts. Each table is upserted by its key, and an
article's figures are replaced as a whole, so loading a batch twice changes nothing. A batch that
fails (a broken file) is rolled back, stays unmarked, and is reported after the other batches load.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from figurewire import layout as L
from figurewire.layout import DataLayout
from warehouse import tables
from warehouse.connection import writer_session
from warehouse.sql_files import run_statement

STAGED_FILES = (L.ARTICLES, L.ARTICLES_PARQUET, L.FIGURES, L.ERRORS, L.EXTRACT_ERRORS, L.RAW, L.SCRAPE_RUN)
COUNTED_TABLES = ("articles", "figures", "fetch_errors", "raw_snapshots", "scrape_runs")
TRANSACTION_BYTES = 2 * 1024**3  # staged bytes committed together at most (see _transactions)


class LoadFailed(RuntimeError):
    """Some batches could not be loaded; the others were, and the failed ones will be retried next load."""

    def __init__(self, failures: dict[str, str], counts: dict[str, int]):
        self.failures = failures
        self.counts = counts
        lines = "\n".join(f"  {batch}: {message}" for batch, message in failures.items())
        super().__init__(f"{len(failures)} staged batch(es) could not be loaded (nothing of them was kept):\n{lines}")


def batch_name(data: DataLayout, batch_dir: Path) -> str:
    return batch_dir.relative_to(data.staging_dir).as_posix()


def fingerprint(batch_dir: Path) -> str:
    """Names, sizes and modification times of the staged files: changes when a batch is re-staged."""
    digest = hashlib.sha1()
    for name in STAGED_FILES:
        path = batch_dir / name
        if path.exists():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def pending_batches(data: DataLayout, loaded: dict[str, str | None]) -> list[Path]:
    """Ready batches (crawl closed) never loaded, or re-staged since they were loaded; oldest run first."""
    pending = []
    for batch_dir in data.batches():
        if not (batch_dir / L.SCRAPE_RUN).exists():
            continue
        name = batch_name(data, batch_dir)
        if name not in loaded or loaded[name] != fingerprint(batch_dir):
            pending.append(batch_dir)
        elif not (batch_dir / L.LOADED_MARKER).exists():  # committed, then killed before the marker
            (batch_dir / L.LOADED_MARKER).write_text(name + "\n", encoding="utf-8")
    return pending


def load_batches(warehouse_path: Path, data: DataLayout, wait_s: float | None = None,
                 publish: bool = True) -> dict[str, int]:
    """Load every staged batch not yet in ``loaded_batches``; returns rows written per table and ``batches``.

    Raises ``LoadFailed`` (after publishing the batches that did load, unless ``publish`` is False:
    then the caller publishes) if any batch failed.
    """
    counts = dict.fromkeys(COUNTED_TABLES, 0) | {"batches": 0}
    failures: dict[str, str] = {}
    with writer_session(Path(warehouse_path), wait_s, publish_after=publish) as con:
        run_statement(con, "load_settings")
        loaded = dict(run_statement(con, "loaded_fingerprints"))
        for group in _transactions(pending_batches(data, loaded)):
            for batch_dir, batch_counts in _load_group(con, data, group, failures):
                (batch_dir / L.LOADED_MARKER).write_text(batch_name(data, batch_dir) + "\n", encoding="utf-8")
                for table, n in batch_counts.items():
                    counts[table] += n
                counts["batches"] += 1
    if failures:
        raise LoadFailed(failures, counts)
    return counts


def _transactions(batches: list[Path]) -> list[list[Path]]:
    """Pending batches in commit groups of up to TRANSACTION_BYTES of staged files (at least one batch each).

    One transaction for many batches rather than one each, so that their figures go in with one insert
    (``statements/insert_staged_figures.sql`` says why). The cap bounds what one transaction holds in memory.
    """
    groups: list[list[Path]] = []
    size = TRANSACTION_BYTES
    for batch_dir in batches:
        staged = sum(p.stat().st_size for p in (batch_dir / name for name in STAGED_FILES) if p.exists())
        if size + staged > TRANSACTION_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(batch_dir)
        size += staged
    return groups


def _load_group(con: duckdb.DuckDBPyConnection, data: DataLayout, group: list[Path],
                failures: dict[str, str]) -> list[tuple[Path, dict[str, int]]]:
    """Load ``group`` in one transaction, batch after batch in order, so a later batch's rows win as if
    each had committed alone; the articles (from their Parquet copies) and the figures of all of them go
    in with one insert each at the end.

    A batch whose statements fail aborts the transaction: it is set aside in ``failures`` and the others
    are loaded again without it. If a group insert fails (a file whose footer reads but whose pages do
    not), the group is loaded again with each batch's files inserted on their own, which names the
    culprit. Returns the committed batches with their counts.
    """
    todo = list(group)
    legacy = {b: _holds_sentence_text(b / L.FIGURES) for b in group}
    grouped = not any(legacy.values())  # older figures files: one by one
    while todo:
        done: list[tuple[Path, dict[str, int]]] = []
        files = _GroupFiles() if grouped else None
        con.begin()
        try:
            if files is not None:
                run_statement(con, "begin_staged_batches")
            for batch_dir in todo:
                try:
                    done.append((batch_dir, _load_one(con, data, batch_dir, files, legacy[batch_dir])))
                except duckdb.Error as exc:
                    failures[batch_name(data, batch_dir)] = str(exc).splitlines()[0]
                    todo.remove(batch_dir)
                    raise
            if files is not None:
                try:
                    small_counts = _load_group_files(con, files)
                except duckdb.Error:
                    grouped = False
                    raise
                _record_batches(con, data, done, files.fingerprints, small_counts)
            con.commit()
        except duckdb.Error:
            con.rollback()
            continue
        except BaseException:
            con.rollback()
            raise
        return done
    return []


@dataclass
class _GroupFiles:
    """What a grouped load inserts at the end: per table, the files and the position in the group of the
    batch each came from (a later batch's rows win; figures files are placed by their index), and each
    batch's fingerprint, in order."""

    files: dict[str, tuple[list[str], list[int]]] = field(
        default_factory=lambda: {table: ([], []) for table in ("articles", "figures", *_SMALL_TABLES)})
    fingerprints: list[str] = field(default_factory=list)

    @property
    def batches(self) -> int:
        return len(self.fingerprints)

    def add(self, table: str, paths: list[str], position: int) -> None:
        self.files[table][0].extend(paths)
        self.files[table][1].extend([position] * len(paths))


_SMALL_TABLES = ("fetch_errors", "raw_snapshots", "scrape_runs")


def _load_group_files(con: duckdb.DuckDBPyConnection, group: _GroupFiles) -> dict[str, dict[int, int]]:
    """The group's inserts: articles, figures, then the small tables; returns the small tables' rows per
    batch position."""
    articles, positions = group.files["articles"]
    if articles:
        run_statement(con, "load_staged_articles", paths=articles, positions=positions)
    figures, _ = group.files["figures"]
    if figures:
        restaged = run_statement(con, "delete_replaced_figures")[0][0]
        insert = "insert_latest_staged_figures" if restaged else "insert_staged_figures"
        run_statement(con, insert, paths=figures)
    return {table: load_small_table(con, table, *group.files[table]) for table in _SMALL_TABLES}


def load_small_table(con: duckdb.DuckDBPyConnection, table: str, paths: list[str],
                     positions: list[int]) -> dict[int, int]:
    """Upsert the staged JSON files ``paths`` of ``fetch_errors``, ``raw_snapshots`` or ``scrape_runs``
    (``statements/load_staged_<table>.sql``), the batch at the higher position winning a key; returns the
    rows each position staged. A batch loaded on its own is position 0 for all its files."""
    if not paths:
        return {}
    return dict(run_statement(con, f"load_staged_{table}", paths=paths, positions=positions,
                              columns=tables.columns(table)))


def _record_batches(con: duckdb.DuckDBPyConnection, data: DataLayout, done: list[tuple[Path, dict[str, int]]],
                    fingerprints: list[str], small_counts: dict[str, dict[int, int]]) -> None:
    """Complete the grouped batches' counts with their small tables' rows and record them all at once."""
    for position, (_, counts) in enumerate(done):
        for table in _SMALL_TABLES:
            counts[table] = int(small_counts[table].get(position, 0))
    if done:
        run_statement(con, "record_batches", **{
            "batch": [batch_name(data, b) for b, _ in done], "run_id": [b.parent.name for b, _ in done],
            "source_id": [b.name for b, _ in done], "fingerprint": fingerprints,
            **{table: [c[table] for _, c in done] for table in COUNTED_TABLES}})


def _load_one(con: duckdb.DuckDBPyConnection, data: DataLayout, batch_dir: Path,
              group: _GroupFiles | None, legacy_figures: bool) -> dict[str, int]:
    """One batch's statements, inside the caller's transaction. In a ``group``, its files are only noted
    there (the group inserts them all at once), and counted where that is cheap; without, they are loaded
    now. ``legacy_figures``: its figures file is of the older layout (``_holds_sentence_text``), whose
    conversion needs the bodies in staged_articles."""
    counts = dict.fromkeys(COUNTED_TABLES, 0)
    stamp = fingerprint(batch_dir)
    articles = batch_dir / L.ARTICLES
    figures = batch_dir / L.FIGURES
    copy = _current_copy(batch_dir)
    position = group.batches if group is not None else 0
    if copy is not None and not legacy_figures and run_statement(con, "stage_article_ids", path=str(copy))[0][0]:
        if group is None:
            counts["articles"] = _rows(run_statement(con, "load_articles_parquet", path=str(copy)))
        else:
            counts["articles"] = _rows(run_statement(con, "stage_articles", position=position, from_file=True))
            group.add("articles", [str(copy)], position)
    elif L.has_lines(articles):
        counts["articles"] = _rows(run_statement(
            con, "load_articles", path=str(articles), columns=tables.columns("articles")))
        if group is not None:
            run_statement(con, "stage_articles", position=position, from_file=False)
    else:
        run_statement(con, "no_staged_articles")
    if figures.exists() and group is None:
        statement = "load_figures_legacy" if legacy_figures else "load_figures"
        counts["figures"] = _rows(run_statement(con, statement, path=str(figures)))
    elif figures.exists():
        figure_files, _ = group.files["figures"]
        counts["figures"] = _rows(run_statement(con, "stage_figures", path=str(figures), position=len(figure_files)))
        group.add("figures", [str(figures)], len(figure_files))
    small = {
        "fetch_errors": [str(p) for p in (batch_dir / L.ERRORS, batch_dir / L.EXTRACT_ERRORS) if p.exists()],
        "raw_snapshots": [str(p) for p in (batch_dir / L.RAW,) if p.exists()],
        "scrape_runs": [str(batch_dir / L.SCRAPE_RUN)],
    }
    if group is not None:  # read with the group's other batches; counted and recorded then
        for table, paths in small.items():
            group.add(table, paths, position)
        group.fingerprints.append(stamp)
        return counts
    for table, paths in small.items():
        counts[table] = load_small_table(con, table, paths, [0] * len(paths)).get(0, 0)
    run_id, source_id = batch_dir.parent.name, batch_dir.name
    run_statement(con, "record_batch", batch=batch_name(data, batch_dir), run_id=run_id, source_id=source_id,
                  fingerprint=stamp, **counts)
    return counts


def _current_copy(batch_dir: Path) -> Path | None:
    """The batch's articles.parquet if it is a current copy of its JSON lines (imports pyarrow only if
    there is one: a run that found nothing new has none)."""
    copy, articles = batch_dir / L.ARTICLES_PARQUET, batch_dir / L.ARTICLES
    if not (copy.exists() and articles.exists()):
        return None
    from figurewire.staged_articles import current_copy

    return current_copy(copy, articles)


def _holds_sentence_text(figures: Path) -> bool:
    """``staged_figures.holds_sentence_text``, for a figures file that exists."""
    if not figures.exists():
        return False
    from figurewire.staged_figures import holds_sentence_text

    return holds_sentence_text(figures)


def _rows(result: list[tuple]) -> int:
    return int(result[0][0]) if result else 0


def clear_raw_tables(warehouse_path: Path, wait_s: float | None = None) -> None:
    """Empty the raw tables and ``loaded_batches`` so the next load re-reads every staged batch.

    For a full rebuild after re-parsing raw snapshots: articles a better parser no longer produces
    must not linger.
    """
    with writer_session(Path(warehouse_path), wait_s) as con:
        con.begin()
        run_statement(con, "clear_raw_tables")
        con.commit()
