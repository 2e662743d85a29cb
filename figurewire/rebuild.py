"""Recompute everything downstream of the raw snapshots: re-parse, re-extract, re-load, re-build.

Why: a parser or the figure extractor improves, and the warehouse should look as if the better code had
run from the start. Nothing is fetched again and feeds are never replayed (they roll over): every
staged article is re-parsed from the raw response kept under ``data/raw/`` (``scrapers.reparse``),
its figures are extracted again, and the results are written as a *derived* staged run
``staging/<run_id>-rebuild/<source_id>/`` (articles, figures, errors; no ``scrape_run.json``, so
the loader never takes it for a crawl and scrape health is not touched).

``rebuild`` loads every crawl batch into a fresh warehouse file (scrape runs, fetch errors and raw
snapshots keep their whole history), replaces the articles and figures with the re-parsed ones, builds
all models, and swaps the fresh file in atomically while holding the writer lock, so a load waits and
readers keep the old copy until the swap. ``reprocess`` does the same for a subset (outlets, a date)
on the live warehouse, for the maintenance DAG.

Which copy of an article counts is the loader's rule: the last batch (oldest run first, then source id)
that staged its ``article_id``.
"""

from __future__ import annotations

import os
import shutil
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from figurewire import layout as L
from figurewire.layout import DataLayout, new_run_id
from figurewire.pipeline import read_records, write_lines_atomically
from figurewire.raw_lookup import kept_snapshots
from figurewire.records import Article, FetchError, Figure, RawSnapshot, stable_id, utc_now
from figurewire.staged_figures import read_figures, write_figures

DERIVED_SUFFIXES = ("-rebuild", "-reprocess")
SQL_DIR = Path(__file__).resolve().parent / "rebuild_sql"
PAGE_PARSER_ENV = "FIGUREWIRE_REBUILD_PAGE_PARSER"


@dataclass
class StagedCopy:
    """The copy of an article the warehouse holds: the record and the crawl batch it came from."""

    batch: Path
    article: Article


@dataclass
class Reparsed:
    articles: list[Article]
    errors: list[FetchError]
    kept_without_raw: int
    dropped_ids: list[str]


def is_derived_run(run_id: str) -> bool:
    return run_id.endswith(DERIVED_SUFFIXES)


def crawl_batches(data: DataLayout) -> list[Path]:
    """Batches a crawl wrote and closed (the loader's input), oldest run first; derived runs excluded."""
    return [b for b in data.batches() if not is_derived_run(b.parent.name) and (b / L.SCRAPE_RUN).exists()]


def current_copies(data: DataLayout) -> dict[str, StagedCopy]:
    """article_id -> the staged copy the loader would keep (the last batch to stage it wins)."""
    copies: dict[str, StagedCopy] = {}
    for batch in crawl_batches(data):
        for article in read_records(batch / L.ARTICLES, Article):
            copies.pop(article.article_id, None)
            copies[article.article_id] = StagedCopy(batch, article)
    return copies


def raw_index(data: DataLayout) -> dict[str, RawSnapshot]:
    index: dict[str, RawSnapshot] = {}
    for snapshot in kept_snapshots(data):
        index.setdefault(snapshot.raw_id, snapshot)
    return index


def reparse_copies(data: DataLayout, copies: Iterable[StagedCopy], derived_run_id: str,
                   page_parser: str | None = None) -> Reparsed:
    """Re-parse each copy from its raw body; a copy whose raw body is gone is kept as staged (and counted).

    A body the current parser refuses drops the article, with one FetchError (its stage and kind as a
    crawl would record them) in the derived run.
    """
    from scrapers.parsers.faults import ParseFault
    from scrapers.reparse import reparse_article

    index = raw_index(data)
    result = Reparsed(articles=[], errors=[], kept_without_raw=0, dropped_ids=[])
    for copy in copies:
        staged = copy.article
        snapshot = index.get(staged.raw_id or "")
        body = _stored_body(data, snapshot)
        if body is None:
            result.articles.append(staged)
            result.kept_without_raw += 1
            continue
        try:
            result.articles.append(reparse_article(
                staged, body, response_url=snapshot.url,
                content_type=_header(snapshot.headers, "Content-Type"), page_parser=page_parser))
            continue
        except ParseFault as fault:
            stage, kind, message = fault.stage, fault.kind, fault.message
        except ValueError:
            raise
        except Exception as exc:  # a parser bug on one body costs that article only, as in a crawl
            stage, kind, message = "parse", "invalid_article", f"parser failed: {type(exc).__name__}: {exc}"
        result.dropped_ids.append(staged.article_id)
        result.errors.append(FetchError(
            error_id=stable_id(derived_run_id, staged.source_id, stage, kind, staged.article_id),
            run_id=derived_run_id, source_id=staged.source_id, outlet=staged.outlet, url=staged.url,
            stage=stage, kind=kind, http_status=None, message=f"re-parse: {message}"[:1000],
            occurred_at=utc_now()))
    return result


def _stored_body(data: DataLayout, snapshot: RawSnapshot | None) -> bytes | None:
    """The snapshot's body, or None when it is gone, cut short or damaged: such a copy is kept as staged."""
    from scrapers.staging import read_raw_body

    if snapshot is None:
        return None
    try:
        return read_raw_body(data, snapshot)
    except (OSError, EOFError, zlib.error):
        return None


def _header(headers: dict[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def write_derived_run(data: DataLayout, run_id: str, reparsed: Reparsed,
                      figures_from: dict[str, list[Figure]] | None = None) -> dict[str, int]:
    """Stage the re-parsed articles and their figures under ``staging/<run_id>/<source_id>/``.

    Figures are extracted with the current extractor, except for articles listed in ``figures_from``
    (article_id -> its staged figures), whose earlier figures are kept as they are.
    """
    from transforms.extract import figures_for_article

    by_source: dict[str, list[Article]] = defaultdict(list)
    for article in reparsed.articles:
        by_source[article.source_id].append(article)
    errors_by_source: dict[str, list[FetchError]] = defaultdict(list)
    for error in reparsed.errors:
        errors_by_source[error.source_id].append(error)
    counts = {"figures": 0, "extract_errors": 0, "figures_kept": 0}
    for source_id in sorted(set(by_source) | set(errors_by_source)):
        batch = data.batch_dir(run_id, source_id)
        batch.mkdir(parents=True, exist_ok=True)
        batch_figures: list[Figure] = []
        extract_errors: list[str] = []
        for article in by_source.get(source_id, []):
            if figures_from is not None and article.article_id in figures_from:
                batch_figures.extend(figures_from[article.article_id])
                counts["figures_kept"] += len(figures_from[article.article_id])
                continue
            try:
                batch_figures.extend(figures_for_article(article))
            except Exception as exc:  # same record as the pipeline's extract step, same error id
                extract_errors.append(FetchError(
                    error_id=stable_id(article.run_id, article.article_id, "extract"), run_id=article.run_id,
                    source_id=article.source_id, outlet=article.outlet, url=article.url, stage="extract",
                    kind="extract_failed", http_status=None, message=f"{type(exc).__name__}: {exc}"[:500],
                    occurred_at=utc_now()).to_json())
        write_lines_atomically(batch / L.ARTICLES, [a.to_json() for a in by_source.get(source_id, [])])
        write_lines_atomically(batch / L.ERRORS, [e.to_json() for e in errors_by_source.get(source_id, [])])
        counts["figures"] += write_figures(batch / L.FIGURES, batch_figures)
        write_lines_atomically(batch / L.EXTRACT_ERRORS, extract_errors)
        counts["extract_errors"] += len(extract_errors)
    return counts


def overlay(con, data: DataLayout, run_id: str, *, clear_all: bool, dropped_ids: Sequence[str] = ()) -> int:
    """Put a derived run's articles, figures and errors into the warehouse in one transaction.

    Uses the loader's own statements (upsert by key, an article's figures replaced as a whole).
    ``clear_all`` first empties articles and figures (a full rebuild); otherwise only ``dropped_ids`` go.
    """
    from warehouse import tables
    from warehouse.load import load_small_table
    from warehouse.sql_files import run_file, run_statement

    loaded = 0
    con.begin()
    try:
        if clear_all:
            run_file(con, SQL_DIR / "clear_parsed.sql")
        elif dropped_ids:
            run_file(con, SQL_DIR / "drop_articles.sql", ids=list(dropped_ids))
        run_dir = data.run_dir(run_id)
        for batch in sorted(p for p in run_dir.iterdir() if p.is_dir()) if run_dir.exists() else []:
            articles, figures = batch / L.ARTICLES, batch / L.FIGURES
            if L.has_lines(articles):
                loaded += _rows(run_statement(con, "load_articles", path=str(articles),
                                              columns=tables.columns("articles")))
                if figures.exists():
                    run_statement(con, "load_figures", path=str(figures))
            error_files = [str(p) for p in (batch / L.ERRORS, batch / L.EXTRACT_ERRORS) if L.has_lines(p)]
            if error_files:
                load_small_table(con, "fetch_errors", error_files, [0] * len(error_files))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return loaded


def rebuild(warehouse_path: Path | str | None, data_dir: Path | str, *,
            page_parser: str | None = None) -> dict[str, int]:
    """Re-parse every staged article from its raw body, re-extract, load a fresh warehouse, build, swap.

    ``page_parser`` (or ``$FIGUREWIRE_REBUILD_PAGE_PARSER``) names a registered page parser class to
    use for every web page instead of each source's own: how a candidate parser is tried on history.
    Returns counts per step.
    """
    from warehouse.build import rebuild_models
    from warehouse.connection import lock_path, work_path, writer_lock, writer_session
    from warehouse.load import load_batches

    data = DataLayout.at(data_dir)
    warehouse_path = Path(warehouse_path) if warehouse_path else data.default_warehouse
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    page_parser = page_parser or os.environ.get(PAGE_PARSER_ENV) or None
    run_id = f"{new_run_id()}-rebuild"
    fresh = warehouse_path.with_name(f".{warehouse_path.name}.rebuild")
    with writer_lock(warehouse_path):
        _remove_database(fresh)
        copies = current_copies(data)
        reparsed = reparse_copies(data, copies.values(), run_id, page_parser)
        staged = write_derived_run(data, run_id, reparsed)
        try:
            loaded = load_batches(fresh, data)
            with writer_session(fresh) as con:
                articles = overlay(con, data, run_id, clear_all=True)
            built = rebuild_models(fresh)
            _swap_in(fresh, warehouse_path, work_path)
        finally:
            _remove_database(fresh)
            lock_path(fresh).unlink(missing_ok=True)
        _remove_other_derived_runs(data, keep=run_id)
    return {
        "staged_articles": len(copies),
        "reparsed": len(reparsed.articles) - reparsed.kept_without_raw,
        "kept_without_raw": reparsed.kept_without_raw,
        "dropped": len(reparsed.dropped_ids),
        "figures": staged["figures"],
        "extract_errors": staged["extract_errors"],
        "batches_loaded": loaded["batches"],
        "articles_loaded": articles,
        "models_built": len(built),
    }


def reprocess(outlets: Sequence[str] | None, since: str | None, reextract: bool,
              warehouse_path: Path | str | None = None, data_dir: Path | str | None = None) -> dict[str, int]:
    """Re-parse the staged articles of some outlets (source ids or outlet names) published on/after
    ``since`` (YYYY-MM-DD), and load them over the live warehouse; then build the models.

    With ``reextract`` false the earlier figures of an article are kept when its text did not change
    (its figures' offsets still hold); a changed text is always extracted again.
    """
    from figurewire.pipeline import DEFAULT_DATA_DIR
    from warehouse.build import build_models
    from warehouse.connection import writer_lock, writer_session

    data = DataLayout.at(data_dir or DEFAULT_DATA_DIR)
    warehouse_path = Path(warehouse_path) if warehouse_path else data.default_warehouse
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    wanted = set(outlets or ())
    after = _start_of(since)
    run_id = f"{new_run_id()}-reprocess"
    with writer_lock(warehouse_path):
        copies = [c for c in current_copies(data).values()
                  if (not wanted or c.article.source_id in wanted or c.article.outlet in wanted)
                  and (after is None or (c.article.published_at is not None and c.article.published_at >= after))]
        reparsed = reparse_copies(data, copies, run_id)
        kept_figures = None
        if not reextract:
            before = {c.article.article_id: c for c in copies}
            unchanged = {a.article_id for a in reparsed.articles
                         if a.content_hash == before[a.article_id].article.content_hash}
            kept_figures = _staged_figures([before[i] for i in unchanged])
        staged = write_derived_run(data, run_id, reparsed, figures_from=kept_figures)
        with writer_session(warehouse_path) as con:
            articles = overlay(con, data, run_id, clear_all=False, dropped_ids=reparsed.dropped_ids)
        built = build_models(warehouse_path)
    return {
        "selected": len(copies),
        "reparsed": len(reparsed.articles) - reparsed.kept_without_raw,
        "kept_without_raw": reparsed.kept_without_raw,
        "dropped": len(reparsed.dropped_ids),
        "figures": staged["figures"],
        "figures_kept": staged["figures_kept"],
        "extract_errors": staged["extract_errors"],
        "articles_loaded": articles,
        "models_built": len(built),
    }


def _staged_figures(copies: Iterable[StagedCopy]) -> dict[str, list[Figure]]:
    """article_id -> its figures in the batch the copy came from (empty list if it had none)."""
    wanted: dict[Path, set[str]] = defaultdict(set)
    for copy in copies:
        wanted[copy.batch].add(copy.article.article_id)
    kept: dict[str, list[Figure]] = {i: [] for ids in wanted.values() for i in ids}
    for batch, ids in wanted.items():
        path = batch / L.FIGURES
        if not path.exists():
            continue
        for figure in read_figures(path):
            if figure.article_id in ids:
                kept[figure.article_id].append(figure)
    return kept


def _start_of(since: str | None) -> datetime | None:
    if not since:
        return None
    day = datetime.fromisoformat(since)
    return day if day.tzinfo else day.replace(tzinfo=UTC)


def _swap_in(fresh: Path, warehouse_path: Path, work_path) -> None:
    """The fresh working file becomes the loader's, and its published copy the one readers open."""
    live_work = work_path(warehouse_path)
    Path(f"{live_work}.wal").unlink(missing_ok=True)  # a crashed writer's log must not replay on new data
    os.replace(work_path(fresh), live_work)
    Path(f"{warehouse_path}.wal").unlink(missing_ok=True)
    os.replace(fresh, warehouse_path)


def _remove_database(path: Path) -> None:
    from warehouse.connection import work_path

    for p in (path, Path(f"{path}.wal"), work_path(path), Path(f"{work_path(path)}.wal")):
        p.unlink(missing_ok=True)


def _remove_other_derived_runs(data: DataLayout, keep: str) -> None:
    """Earlier derived runs are superseded by a full rebuild (they hold nothing a crawl does not)."""
    if not data.staging_dir.exists():
        return
    for run_dir in data.staging_dir.iterdir():
        if run_dir.is_dir() and is_derived_run(run_dir.name) and run_dir.name != keep:
            shutil.rmtree(run_dir)


def _rows(result: list[tuple]) -> int:
    return int(result[0][0]) if result else 0
