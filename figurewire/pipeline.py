"""The pipeline steps, called the same way by the CLI, the tests and the Airflow DAGs.

feed -> raw snapshot -> staged items (crawl) -> figures (extract) -> warehouse (load) -> marts (build).
Each step reads and writes only through ``DataLayout`` and returns a small summary (ids, paths,
counts) so Airflow can pass it through XCom.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from figurewire import layout as L
from figurewire.layout import DataLayout, new_run_id
from figurewire.records import (
    Article,
    FetchError,
    ScrapeRun,
    Source,
    load_sources,
    sources_file_settings,
    stable_id,
    utc_now,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SOURCES = Path(__file__).resolve().parent / "newsroom" / "sources.toml"
DEFAULT_DATA_DIR = Path(os.environ.get("FIGUREWIRE_DATA", REPO_ROOT / "data"))
CRAWL_TIMEOUT_S = float(os.environ.get("FIGUREWIRE_CRAWL_TIMEOUT", "900"))


class CrawlFailed(RuntimeError):
    """A source delivered nothing although it normally does, or its crawler died."""


@dataclass
class CrawlOutcome:
    run_id: str
    source_id: str
    failed: bool
    reason: str
    items: int
    errors: int


@dataclass
class RunSummary:
    run_id: str
    warehouse: str
    crawl: list[CrawlOutcome] = field(default_factory=list)
    figures: int = 0
    loaded: dict[str, int] = field(default_factory=dict)
    built: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- sources


def wants_newsroom(sources_path: str | Path) -> bool:
    return bool(sources_file_settings(sources_path).get("newsroom", {}).get("serve"))


def resolve_sources(sources_path: str | Path,
                    only: Sequence[str] | None = None, include_disabled: bool = False) -> list[Source]:
    """Enabled sources of a sources file, placeholders filled; ``only`` picks ids (and may name disabled ones)."""
    from figurewire.newsroom.server import site_dir

    sources = load_sources(sources_path, newsroom_dir=str(site_dir()))
    if only:
        wanted = set(only)
        unknown = wanted - {s.id for s in sources}
        if unknown:
            raise ValueError(f"unknown source id(s) in {sources_path}: {', '.join(sorted(unknown))}")
        return [s for s in sources if s.id in wanted]
    return [s for s in sources if s.enabled or include_disabled]


@contextlib.contextmanager
def newsroom_if_needed(sources_path: str | Path) -> Iterator[str | None]:
    """Serve the sample newsroom on an ephemeral loopback port for the duration, if the file asks for it."""
    if not wants_newsroom(sources_path):
        yield None
        return
    from figurewire.newsroom.server import serve_newsroom

    with serve_newsroom() as base_url:
        yield base_url


# ---------------------------------------------------------------- crawl


def crawl_processes(sources_path: str | Path | None = None) -> int:
    """How many crawl children run side by side: ``FIGUREWIRE_CRAWL_PROCESSES``, else the sources file's
    ``[crawl] processes``, else one per CPU core (up to 4).

    A Scrapy crawler is one Python thread and spends most of its time in Python, so one child tops out
    on one core; sources crawled in separate children use the others.
    """
    configured = os.environ.get("FIGUREWIRE_CRAWL_PROCESSES")
    if not configured and sources_path is not None:
        configured = sources_file_settings(sources_path).get("crawl", {}).get("processes")
    return max(1, int(configured)) if configured else max(1, min(os.cpu_count() or 1, 4))


def crawl_groups(sources: Sequence[Source], processes: int) -> list[list[Source]]:
    """Sources dealt round-robin into at most ``processes`` groups, in file order within each group."""
    count = max(1, min(processes, len(sources)))
    return [list(sources[i::count]) for i in range(count)] if sources else []


def crawl(sources: Sequence[Source], data: DataLayout, run_id: str, newsroom_url: str | None = None,
          timeout_s: float = CRAWL_TIMEOUT_S, processes: int | None = None) -> list[CrawlOutcome]:
    """Crawl ``sources`` with Scrapy in child processes (its reactor cannot restart in this one).

    The sources are split between ``processes`` children (see ``crawl_processes``) that run at the
    same time, each writing only its own sources' batches and state. ``newsroom_url`` is the local
    sample server; requests for ``*.newsroom.test`` go through it. Success is judged per source from
    what the crawl staged and its stats, never from an exit code alone.
    """
    run_dir = data.run_dir(run_id)
    for source in sources:
        _clear_batch(data, run_id, source.id)
        data.source_state_dir(source.id).mkdir(parents=True, exist_ok=True)
    data.raw_dir.mkdir(parents=True, exist_ok=True)
    started = utc_now()
    groups = crawl_groups(sources, processes or crawl_processes())
    crash: dict[str, str | None] = {}
    with contextlib.ExitStack() as logs:
        children = []
        for group in groups:
            log_path = run_dir / f"crawl-{'-'.join(s.id for s in group)[:80]}.log"
            log = logs.enter_context(log_path.open("w", encoding="utf-8"))
            proc = subprocess.Popen(_crawl_command(group, data, run_id, newsroom_url), cwd=REPO_ROOT,
                                    stdout=log, stderr=subprocess.STDOUT)
            children.append((group, proc, log_path))
        deadline = time.monotonic() + timeout_s
        try:
            for group, proc, log_path in children:
                try:
                    returncode = proc.wait(timeout=max(0.0, deadline - time.monotonic()))
                    reason = None if returncode == 0 else f"crawler exited {returncode}, see {log_path}"
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                    reason = f"crawler killed after {timeout_s:.0f} s, see {log_path}"
                crash.update((s.id, reason) for s in group)
        finally:
            for _, proc, _ in children:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
    return [_judge_crawl(source, data, run_id, started, crash[source.id]) for source in sources]


def _crawl_command(sources: Sequence[Source], data: DataLayout, run_id: str, newsroom_url: str | None) -> list[str]:
    cmd = [
        sys.executable, "-m", "scrapers.crawl",
        "--run-id", run_id,
        "--data-dir", str(data.root),
        "--sources-json", json.dumps([s.to_dict() for s in sources]),
    ]
    if newsroom_url:
        cmd += ["--newsroom-proxy", newsroom_url]
    return cmd


def _clear_batch(data: DataLayout, run_id: str, source_id: str) -> None:
    """A retried crawl task re-stages its batch from scratch: what an earlier attempt left is dropped,
    its raw bodies included (nothing points at them once its raw.jsonl is gone)."""
    import shutil

    batch = data.batch_dir(run_id, source_id)
    data.raw_pack(run_id, source_id).unlink(missing_ok=True)
    batch.mkdir(parents=True, exist_ok=True)
    for name in (L.ARTICLES, L.ARTICLES_PARQUET, L.ERRORS, L.RAW, L.SCRAPE_RUN, L.FIGURES, L.EXTRACT_ERRORS):
        (batch / name).unlink(missing_ok=True)
    shutil.rmtree(batch / L.PENDING_STATE, ignore_errors=True)


def _judge_crawl(source: Source, data: DataLayout, run_id: str, started, crash: str | None) -> CrawlOutcome:
    batch = data.batch_dir(run_id, source.id)
    run_file = batch / L.SCRAPE_RUN
    if run_file.exists():
        run = ScrapeRun.from_dict(json.loads(run_file.read_text(encoding="utf-8")))
    else:
        for name in (L.ARTICLES, L.ERRORS, L.RAW):
            _drop_partial_last_line(batch / name)
        run = ScrapeRun(run_id=run_id, source_id=source.id, outlet=source.outlet, started_at=started,
                        finished_at=utc_now(), finish_reason="crawler_died", status="failed",
                        items_scraped=_count_lines(batch / L.ARTICLES),
                        articles_new=_count_lines(batch / L.ARTICLES))
    staged = _count_lines(batch / L.ARTICLES)
    reason = "ok"
    if crash and not run_file.exists():
        reason = crash
    elif run.finish_reason != "finished":
        reason = f"crawl finished with reason {run.finish_reason!r}"
    elif staged != run.items_scraped:
        reason = f"staged {staged} articles but the crawl counted {run.items_scraped}"
    elif (source.expect_items and run.items_scraped == 0 and run.feed_not_modified == 0
          and run.articles_seen_skipped == 0):
        reason = "no items from a source that normally delivers"
    failed = reason != "ok"
    if failed:
        run.status = "failed"
        _append_error(batch, FetchError(
            error_id=stable_id(run_id, source.id, "crawl", reason), run_id=run_id, source_id=source.id,
            outlet=source.outlet, url=source.url, stage="fetch", kind="crawl_failed", http_status=None,
            message=reason, occurred_at=utc_now()))
        run.errors = _count_lines(batch / L.ERRORS)
        run_file.write_text(run.to_json(), encoding="utf-8")
    elif not run_file.exists():
        run_file.write_text(run.to_json(), encoding="utf-8")
    return CrawlOutcome(run_id=run_id, source_id=source.id, failed=failed, reason=reason,
                        items=run.items_scraped, errors=_count_lines(batch / L.ERRORS))


def _drop_partial_last_line(path: Path) -> None:
    """A crawler killed mid-write leaves half a JSON line; what it finished writing is kept."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def _append_error(batch: Path, error: FetchError) -> None:
    with (batch / L.ERRORS).open("a", encoding="utf-8") as fh:
        fh.write(error.to_json() + "\n")


def _count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


# ---------------------------------------------------------------- extract


# Below this much staged article JSON, starting extract children costs more than it saves.
PARALLEL_EXTRACT_BYTES = 4 * 1024 * 1024


def extract(data: DataLayout, run_id: str, source_ids: Sequence[str] | None = None, processes: int = 1) -> int:
    """Extract figures from every staged article of a run; rewrites ``figures.parquet`` (idempotent).

    With ``processes`` > 1 and a large run, the batches are split between that many
    ``python -m figurewire.extract_batches`` children (extraction is pure CPU in Python).
    """
    run_dir = data.run_dir(run_id)
    batches = sorted(p for p in run_dir.iterdir() if p.is_dir()) if run_dir.exists() else []
    batches = [b for b in batches if not source_ids or b.name in source_ids]
    sizes = {b: (b / L.ARTICLES).stat().st_size if (b / L.ARTICLES).exists() else 0 for b in batches}
    if processes > 1 and len(batches) > 1 and sum(sizes.values()) >= PARALLEL_EXTRACT_BYTES:
        return _extract_in_children(run_id, sorted(batches, key=lambda b: -sizes[b]), processes)
    return sum(extract_batch(batch, run_id) for batch in batches)


def extract_batch(batch: Path, run_id: str) -> int:
    """Figures of one staged batch into its ``figures.parquet``; a failing article is recorded, not fatal.

    The articles read on the way are also written to ``articles.parquet``, the copy the loader reads
    fastest (``figurewire/staged_articles.py``); it goes first, so a batch with figures has it. A batch
    without articles (a crawl that found nothing new) gets neither file, and does not import pyarrow.
    """
    if not L.has_lines(batch / L.ARTICLES):
        for name in (L.ARTICLES_PARQUET, L.FIGURES):
            (batch / name).unlink(missing_ok=True)
        write_lines_atomically(batch / L.EXTRACT_ERRORS, [])
        return 0
    from figurewire.staged_articles import source_stamp, write_articles
    from figurewire.staged_figures import write_figures

    batch_figures, error_lines, articles = [], [], []
    stamp = source_stamp(batch / L.ARTICLES)
    for article in read_records(batch / L.ARTICLES, Article):
        from transforms.extract import figures_for_article  # not imported (0.13 s) by a run with nothing new

        articles.append(article)
        try:
            figures = figures_for_article(article)
        except Exception as exc:  # one bad article must not cost the others their figures
            error_lines.append(FetchError(
                error_id=stable_id(run_id, article.article_id, "extract"), run_id=run_id,
                source_id=article.source_id, outlet=article.outlet, url=article.url, stage="extract",
                kind="extract_failed", http_status=None, message=f"{type(exc).__name__}: {exc}"[:500],
                occurred_at=utc_now()).to_json())
            continue
        batch_figures.extend(figures)
    write_articles(batch / L.ARTICLES_PARQUET, articles, stamp)
    write_figures(batch / L.FIGURES, batch_figures)
    write_lines_atomically(batch / L.EXTRACT_ERRORS, error_lines)
    return len(batch_figures)


def _extract_in_children(run_id: str, by_size: list[Path], processes: int) -> int:
    """Extract ``by_size`` (largest batch first) in ``processes`` children, dealt round-robin."""
    groups = [by_size[i::processes] for i in range(min(processes, len(by_size)))]
    children = [subprocess.Popen([sys.executable, "-m", "figurewire.extract_batches", "--run-id", run_id,
                                  *map(str, group)], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for group in groups]
    total, failures = 0, []
    for proc in children:
        out, err = proc.communicate()
        if proc.returncode == 0:
            total += int(out.strip().splitlines()[-1])
        else:
            failures.append(f"extract child exited {proc.returncode}: {err.strip()[-500:]}")
    if failures:
        raise RuntimeError("; ".join(failures))
    return total


def read_records(path: Path, record_type):
    """The records of a staged JSON-lines file, in order (none if the file is absent)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield record_type.from_dict(json.loads(line))


def write_lines_atomically(path: Path, lines: list[str]) -> None:
    """Replace a staged JSON-lines file whole: a reader sees the old file or the new one, never half."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------- load and build


def load(data: DataLayout, warehouse_path: str | Path, publish: bool = True) -> dict[str, int]:
    """Load every staged batch not yet in the warehouse, in one transaction (see warehouse/load.py).

    A batch with articles whose figures were never extracted (its extract task failed) is extracted
    first, so no article lands without its figures. Once a batch is committed, the crawl state it left
    pending becomes the live state.
    """
    from warehouse.load import load_batches

    for run_id in sorted({batch.parent.name for batch in data.batches()
                          if (batch / L.SCRAPE_RUN).exists() and L.has_lines(batch / L.ARTICLES)
                          and not (batch / L.FIGURES).exists()}):
        extract(data, run_id)
    counts = load_batches(Path(warehouse_path), data, publish=publish)
    promote_crawl_state(data)
    return counts


def promote_crawl_state(data: DataLayout, run_id: str | None = None) -> int:
    """Make crawl state left pending the live state, oldest batch first.

    By default only loaded batches qualify; naming ``run_id`` commits that run's crawl state
    whether or not it was loaded (for crawl-only use, e.g. testing incremental crawls).
    """
    from scrapers.incremental import promote_pending

    promoted = 0
    for batch in data.batches():
        chosen = batch.parent.name == run_id if run_id else (batch / L.LOADED_MARKER).exists()
        if chosen and (batch / L.PENDING_STATE).exists():
            promoted += promote_pending(batch / L.PENDING_STATE, data.source_state_dir(batch.name))
    return promoted


def build(warehouse_path: str | Path) -> list[str]:
    """Rebuild the SQL models (staging -> core -> marts) and run the data tests."""
    from warehouse.build import build_models

    return build_models(Path(warehouse_path))


# ---------------------------------------------------------------- whole run


def run(sources_path: str | Path = SAMPLE_SOURCES, warehouse_path: str | Path | None = None,
        data_dir: str | Path = DEFAULT_DATA_DIR, only: Sequence[str] | None = None) -> RunSummary:
    """crawl -> extract -> load -> build, the path `figurewire run` and `make run` take.

    The whole run holds the warehouse's writer lock, so a second run started meanwhile (CLI or
    Airflow's load) waits for it, then refuses with a message naming this one; two crawls of the
    same sources never write the same crawl state at once.
    """
    from warehouse.connection import writer_lock

    data = DataLayout.at(data_dir)
    warehouse_path = Path(warehouse_path) if warehouse_path else data.default_warehouse
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(warehouse_path):
        run_id = new_run_id()
        processes = crawl_processes(sources_path)
        with newsroom_if_needed(sources_path) as newsroom_url:
            sources = resolve_sources(sources_path, only)
            outcomes = crawl(sources, data, run_id, newsroom_url=newsroom_url, processes=processes)
        figures = extract(data, run_id, processes=processes)
        loaded, built = load_then_build(data, warehouse_path)
    return RunSummary(run_id=run_id, warehouse=str(warehouse_path), crawl=outcomes, figures=figures,
                      loaded=loaded, built=built)


# ---------------------------------------------------------------- one step at a time (Airflow tasks)


def list_source_ids(sources_path: str | Path = SAMPLE_SOURCES) -> list[str]:
    """Ids of the enabled sources: what the DAG maps its crawl task over."""
    return [s.id for s in resolve_sources(sources_path)]


def crawl_source(source_id: str, run_id: str, sources_path: str | Path = SAMPLE_SOURCES,
                 data_dir: str | Path = DEFAULT_DATA_DIR) -> dict:
    """Crawl one source into the run's staging folder; raise ``CrawlFailed`` so its task goes red."""
    data = DataLayout.at(data_dir)
    with newsroom_if_needed(sources_path) as newsroom_url:
        [outcome] = crawl(resolve_sources(sources_path, only=[source_id]), data, run_id,
                          newsroom_url=newsroom_url)
    if outcome.failed:
        raise CrawlFailed(f"{source_id}: {outcome.reason}")
    return {"run_id": run_id, "source_id": source_id, "items": outcome.items, "errors": outcome.errors}


def extract_run(run_id: str, data_dir: str | Path = DEFAULT_DATA_DIR) -> int:
    return extract(DataLayout.at(data_dir), run_id)


def load_and_build(warehouse_path: str | Path | None = None, data_dir: str | Path = DEFAULT_DATA_DIR) -> dict:
    """The only warehouse writer: load staged batches, then rebuild the models, under one lock so
    no other run's load can slip in between."""
    from warehouse.connection import writer_lock

    data = DataLayout.at(data_dir)
    warehouse_path = Path(warehouse_path) if warehouse_path else data.default_warehouse
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(warehouse_path):
        loaded, built = load_then_build(data, warehouse_path)
    return {"warehouse": str(warehouse_path), "loaded": loaded, "built": len(built)}


def load_then_build(data: DataLayout, warehouse_path: Path) -> tuple[dict[str, int], list[str]]:
    """Load, then build, publishing the warehouse once: users see new rows and the marts built from
    them together. If either step fails, what the load committed is published all the same."""
    from warehouse.connection import publish, work_path

    try:
        loaded = load(data, warehouse_path, publish=False)
        built = build(warehouse_path)
    except BaseException:
        if work_path(Path(warehouse_path)).exists():
            publish(Path(warehouse_path))
        raise
    return loaded, built


# ---------------------------------------------------------------- recompute from raw snapshots


def rebuild(warehouse_path: str | Path | None = None, data_dir: str | Path = DEFAULT_DATA_DIR) -> dict[str, int]:
    """Re-parse, re-extract, re-load and re-build from the kept raw responses (see figurewire.rebuild)."""
    from figurewire import rebuild as rebuilding

    return rebuilding.rebuild(warehouse_path, data_dir)


def reprocess(outlets: Sequence[str] | None, since: str | None, reextract: bool,
              warehouse_path: str | Path | None = None, data_dir: str | Path = DEFAULT_DATA_DIR) -> dict[str, int]:
    """The maintenance DAG's task: re-parse some outlets' articles over the live warehouse."""
    from figurewire import rebuild as rebuilding

    return rebuilding.reprocess(outlets, since, reextract, warehouse_path, data_dir)


def check_health(warehouse_path: str | Path | None = None, sources_path: str | Path = SAMPLE_SOURCES,
                 data_dir: str | Path = DEFAULT_DATA_DIR) -> dict:
    """Judge every source's recent scrapes; raises ``HealthCheckFailed`` when a rule fires."""
    from figurewire.health import check_health as judge

    data = DataLayout.at(data_dir)
    return judge(Path(warehouse_path) if warehouse_path else data.default_warehouse, sources_path)
