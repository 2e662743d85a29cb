"""SIGKILL in the middle of a real run, then run again: the warehouse equals an uninterrupted run's.

The crawl child (``python -m scrapers.crawl``) that crawls the Fault Gazette is killed while that
crawler is still open (its slow page keeps it busy for seconds) and has staged part of its batch; the
loader is killed, as a separate process, while it loads real staged batches. Nothing is doubled and
nothing half-written stays.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from reliability_rows import all_rows, scalar

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from warehouse.tables import BOOKKEEPING_TABLES

pytestmark = pytest.mark.e2e

# What differs between two honest runs of the same newsroom: when and in which run things were fetched,
# and the scrape history (the killed run is in it, as failed).
RUN_COLUMNS = ("run_id", "fetched_at", "judged_at", "loaded_at", "started_at", "finished_at", "occurred_at",
               "duration")
HISTORY_TABLES = (*BOOKKEEPING_TABLES, "scrape_runs", "fetch_errors", "raw_snapshots",
                  "stg_scrape_runs", "stg_fetch_errors", "stg_raw_snapshots", "fct_scrape_runs", "fct_fetch_errors",
                  "mart_scrape_health", "mart_scrape_health_runs", "dim_outlet")
SLOW_SOURCE = "faults"


def crawl_children(source_id: str) -> list[int]:
    """Pids of this process's ``scrapers.crawl`` children that crawl ``source_id``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"scrapers.crawl" in cmdline and f'"id": "{source_id}"'.encode() in cmdline:
            found.append(int(entry.name))
    return found


def lines(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n") if path.exists() else 0


def wait_for(condition, timeout_s: float, what: str):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def killed_then_rerun(tmp_path_factory):
    """A run whose crawl child is SIGKILLed while the slow source is mid-batch, then an ordinary run."""
    root = tmp_path_factory.mktemp("crawl-kill")
    data = DataLayout.at(root / "data")
    warehouse = data.root / "figurewire.duckdb"
    result: dict = {}
    runner = threading.Thread(target=lambda: result.update(
        summary=pipeline.run(pipeline.SAMPLE_SOURCES, warehouse, data.root)))
    runner.start()
    [child] = wait_for(lambda: crawl_children(SLOW_SOURCE), 60, "the slow source's crawl child")
    run_id = wait_for(lambda: next((p.name for p in data.staging_dir.iterdir()), None)
                      if data.staging_dir.exists() else None, 60, "the run folder")
    others = [s.id for s in pipeline.resolve_sources(pipeline.SAMPLE_SOURCES) if s.id != SLOW_SOURCE]
    slow = data.batch_dir(run_id, SLOW_SOURCE)

    def only_the_slow_source_is_open() -> bool:
        return (all((data.batch_dir(run_id, s) / L.SCRAPE_RUN).exists() for s in others)
                and lines(slow / L.ARTICLES) >= 1 and not (slow / L.SCRAPE_RUN).exists())

    wait_for(only_the_slow_source_is_open, 60, "every source but the slow one to close")
    staged_at_kill = lines(slow / L.ARTICLES)
    os.kill(child, signal.SIGKILL)
    runner.join(120)
    assert not runner.is_alive()
    killed = result["summary"]
    rerun = pipeline.run(pipeline.SAMPLE_SOURCES, warehouse, data.root)
    return {"data": data, "warehouse": warehouse, "killed": killed, "rerun": rerun, "staged_at_kill": staged_at_kill}


def test_the_killed_crawl_is_judged_failed_for_the_open_source_only(killed_then_rerun):
    killed = killed_then_rerun["killed"]
    failed = {o.source_id: o.reason for o in killed.crawl if o.failed}
    assert list(failed) == [SLOW_SOURCE]
    assert failed[SLOW_SOURCE].startswith("crawler exited -9, see ")
    # The partial batch kept what it had staged, every line whole.
    assert 1 <= killed_then_rerun["staged_at_kill"] <= 3
    # the died crawl's record counts the whole articles it staged before the kill
    assert [o.items for o in killed.crawl if o.source_id == SLOW_SOURCE] == [killed_then_rerun["staged_at_kill"]]


def test_rerun_after_the_kill_equals_an_uninterrupted_run(killed_then_rerun, sample_runs):
    warehouse = killed_then_rerun["warehouse"]
    after = all_rows(warehouse, exclude_tables=HISTORY_TABLES, exclude_columns=RUN_COLUMNS)
    uninterrupted = all_rows(sample_runs.warehouse, exclude_tables=HISTORY_TABLES, exclude_columns=RUN_COLUMNS)
    assert sorted(after) == sorted(uninterrupted)
    for table, expected in uninterrupted.items():
        assert after[table] == expected, table
    assert scalar(warehouse, "select count(*), count(distinct article_id) from articles") == [(51, 51)]


def test_the_kill_is_recorded_once_in_the_scrape_history(killed_then_rerun):
    warehouse, killed = killed_then_rerun["warehouse"], killed_then_rerun["killed"]
    failed_runs = scalar(warehouse, "select run_id, source_id, status from scrape_runs where status <> 'ok'")
    assert failed_runs == [(killed.run_id, SLOW_SOURCE, "failed")]
    crawl_failed = scalar(warehouse, "select run_id, source_id, message from fetch_errors where kind = 'crawl_failed'")
    assert [(r, s) for r, s, _ in crawl_failed] == [(killed.run_id, SLOW_SOURCE)]
    assert scalar(warehouse, "select count(*) from scrape_runs") == [(2 * 13,)]
    assert not [o for o in killed_then_rerun["rerun"].crawl if o.failed]


LOAD_AND_BUILD = """
import sys
from figurewire import pipeline
print("loading", flush=True)
pipeline.load_and_build(sys.argv[1], sys.argv[2])
print("done", flush=True)
"""


@pytest.mark.parametrize("kill_after_s", [0.1, 0.8])
def test_a_run_killed_while_loading_real_batches_reloads_to_the_same_warehouse(sample_runs, tmp_path, kill_after_s):
    root = tmp_path / "data"
    shutil.copytree(sample_runs.data.root, root, ignore=shutil.ignore_patterns("*.duckdb*", ".*.work*", L.LOADED_MARKER))
    warehouse = root / "figurewire.duckdb"
    loader = subprocess.Popen([sys.executable, "-c", LOAD_AND_BUILD, str(warehouse), str(root)],
                              stdout=subprocess.PIPE, text=True)
    assert loader.stdout.readline() == "loading\n"
    time.sleep(kill_after_s)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    loader.stdout.close()
    if warehouse.exists():  # whatever was published is whole batches only
        per_batch = scalar(warehouse, "select count(*) from loaded_batches")[0][0]
        assert scalar(warehouse, "select count(distinct run_id || source_id) from scrape_runs")[0][0] == per_batch
    pipeline.load_and_build(warehouse, root)
    assert all_rows(warehouse) == all_rows(sample_runs.warehouse)
    assert len(list(root.glob("staging/*/*/" + L.LOADED_MARKER))) == 26
