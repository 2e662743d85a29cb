"""figurewire_pipeline run by real Airflow (`airflow dags test`) against the sample newsroom.

A temporary AIRFLOW_HOME with its own SQLite metadata DB, data folder and DuckDB file. Two runs share
them: the first over the sample outlets; the second over the same outlets plus one whose feed is
unreachable, which must add no duplicate rows and fail only that outlet's crawl task instance.
Airflow runs in child processes, so the test process never imports it.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from figurewire import airflow_env as afe
from figurewire import pipeline

pytestmark = [pytest.mark.airflow, pytest.mark.e2e]

DAG_ID = "figurewire_pipeline"
DEAD_SOURCE = "dead-outlet"
STEP_TASKS = ("new_run", "list_sources", "extract", "load_and_build")


@dataclass
class DagRun:
    run_id: str
    state: str
    returncode: int
    seconds: float
    tis: dict[tuple[str, int], str]
    xcom_sizes: list[int]
    listed_sources: list[str]
    counts: dict[str, int]


@dataclass
class AirflowRuns:
    env: dict[str, str]
    prepare_seconds: float
    sources_first: list[str]
    first: DagRun
    second: DagRun
    sources_second: list[str]
    metadata_db: Path
    warehouse: Path


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _warehouse_counts(warehouse: Path) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "figures", "scrape_runs", "fetch_errors")}


def _dags_test(env: dict[str, str], metadata_db: Path, warehouse: Path, conf: dict | None = None) -> DagRun:
    started = time.perf_counter()
    args = ["dags", "test", DAG_ID] + (["--conf", json.dumps(conf)] if conf else [])
    proc = subprocess.run(afe.airflow_command(args), env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    with sqlite3.connect(metadata_db) as db:
        run_id, state = db.execute("select run_id, state from dag_run where dag_id = ? order by id desc limit 1",
                                   (DAG_ID,)).fetchone()
        tis = {(task_id, map_index): ti_state for task_id, map_index, ti_state in db.execute(
            "select task_id, map_index, state from task_instance where dag_id = ? and run_id = ?",
            (DAG_ID, run_id))}
        xcom_sizes = [size for (size,) in db.execute(
            "select length(cast(value as text)) from xcom where dag_id = ? and run_id = ?", (DAG_ID, run_id))]
        listed = db.execute("select cast(value as text) from xcom where dag_id = ? and run_id = ? "
                            "and task_id = 'list_sources'", (DAG_ID, run_id)).fetchone()
    assert tis, proc.stdout[-3000:] + proc.stderr[-3000:]
    return DagRun(run_id=run_id, state=state, returncode=proc.returncode, seconds=seconds, tis=tis,
                  xcom_sizes=xcom_sizes, listed_sources=json.loads(listed[0]) if listed else [],
                  counts=_warehouse_counts(warehouse) if warehouse.exists() else {})


@pytest.fixture(scope="module")
def airflow_runs(tmp_path_factory) -> AirflowRuns:
    root = tmp_path_factory.mktemp("airflow-e2e")
    data_dir, warehouse = root / "data", root / "data" / "figurewire.duckdb"
    env = afe.airflow_env(home=root / "home")
    env.update(FIGUREWIRE_SOURCES=str(pipeline.SAMPLE_SOURCES), FIGUREWIRE_DATA=str(data_dir),
               FIGUREWIRE_WAREHOUSE=str(warehouse), FIGUREWIRE_RETRY_DELAY_S="1")
    started = time.perf_counter()
    afe.prepare(env)
    prepare_seconds = time.perf_counter() - started
    metadata_db = root / "home" / "airflow_home" / "airflow.db"

    sources_first = pipeline.list_source_ids(pipeline.SAMPLE_SOURCES)
    first = _dags_test(env, metadata_db, warehouse)

    with_dead = root / "sources-with-dead-outlet.toml"
    with_dead.write_text(pipeline.SAMPLE_SOURCES.read_text(encoding="utf-8") + f"""
[[source]]
id = "{DEAD_SOURCE}"
name = "An outlet whose server is gone"
outlet = "Dead Outlet"
kind = "rss"
url = "http://127.0.0.1:{_unused_port()}/rss.xml"
language = "en"
download_timeout = 2.0
""", encoding="utf-8")
    sources_second = pipeline.list_source_ids(with_dead)
    second = _dags_test(env, metadata_db, warehouse, conf={"sources": str(with_dead)})
    return AirflowRuns(env=env, prepare_seconds=prepare_seconds, sources_first=sources_first, first=first,
                       second=second, sources_second=sources_second, metadata_db=metadata_db,
                       warehouse=warehouse)


def test_prepare_creates_the_one_slot_writer_pool(airflow_runs):
    with sqlite3.connect(airflow_runs.metadata_db) as db:
        assert db.execute("select slots from slot_pool where pool = ?", (afe.DUCKDB_POOL,)).fetchall() == [(1,)]


def test_first_run_every_task_succeeded(airflow_runs):
    run = airflow_runs.first
    assert run.listed_sources == airflow_runs.sources_first
    expected = {(t, -1): "success" for t in (*STEP_TASKS, "all_sources_ok")}
    expected |= {("crawl", i): "success" for i in range(len(run.listed_sources))}
    assert run.tis == expected
    assert (run.state, run.returncode) == ("success", 0)


def test_first_run_loaded_the_sample_newsroom(airflow_runs, newsroom_manifest, sample_runs):
    """Every distinct article of the sample newsroom, and exactly the figures `figurewire run` finds."""
    counts = airflow_runs.first.counts
    assert counts["articles"] == newsroom_manifest["distinct_articles"]
    assert (counts["articles"], counts["figures"]) == (sample_runs.counts_after_first["articles"],
                                                       sample_runs.counts_after_first["figures"])
    assert counts["figures"] > 0


def test_xcom_carries_only_ids_paths_and_counts(airflow_runs):
    assert airflow_runs.first.xcom_sizes and max(airflow_runs.first.xcom_sizes) < 1000


def test_second_run_adds_no_duplicates(airflow_runs):
    first, second = airflow_runs.first.counts, airflow_runs.second.counts
    assert (second["articles"], second["figures"]) == (first["articles"], first["figures"])


def test_dead_outlet_fails_only_its_own_task(airflow_runs):
    run = airflow_runs.second
    assert run.listed_sources == airflow_runs.sources_second
    dead_index = run.listed_sources.index(DEAD_SOURCE)
    expected = {(t, -1): "success" for t in STEP_TASKS}
    expected |= {("crawl", i): "success" for i in range(len(airflow_runs.sources_second))}
    expected[("crawl", dead_index)] = "failed"
    expected[("all_sources_ok", -1)] = "upstream_failed"
    assert run.tis == expected
    assert (run.state, run.returncode) == ("failed", 1)


def test_dead_outlet_failure_recorded_once_despite_retries(airflow_runs):
    import duckdb

    with duckdb.connect(str(airflow_runs.warehouse), read_only=True) as con:
        rows = con.execute("select stage, kind from fetch_errors where source_id = ? and kind = 'crawl_failed'",
                           [DEAD_SOURCE]).fetchall()
        runs = con.execute("select status from scrape_runs where source_id = ?", [DEAD_SOURCE]).fetchall()
    assert rows == [("fetch", "crawl_failed")]
    assert runs == [("failed",)]


def test_runs_stay_within_the_test_budget(airflow_runs):
    """`make test` must stay under ~10 minutes; these runs are its slowest Airflow part."""
    print(f"prepare {airflow_runs.prepare_seconds:.1f} s, first dags test {airflow_runs.first.seconds:.1f} s, "
          f"second (dead outlet, 2 retries) {airflow_runs.second.seconds:.1f} s")
    assert airflow_runs.prepare_seconds < 60
    assert airflow_runs.first.seconds < 180 and airflow_runs.second.seconds < 180


@pytest.fixture(scope="module")
def maintenance_run(airflow_runs) -> DagRun:
    """figurewire_maintenance over the same warehouse: re-extract RT France with the current extractor."""
    started = time.perf_counter()
    proc = subprocess.run(afe.airflow_command([
        "dags", "test", "figurewire_maintenance", "--conf",
        json.dumps({"outlets": ["rt-fr"], "since": None, "reextract": True})]),
        env=airflow_runs.env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    with sqlite3.connect(airflow_runs.metadata_db) as db:
        run_id, state = db.execute("select run_id, state from dag_run where dag_id = 'figurewire_maintenance' "
                                   "order by id desc limit 1").fetchone()
        tis = dict(((t, m), s) for t, m, s in db.execute(
            "select task_id, map_index, state from task_instance where dag_id = 'figurewire_maintenance' "
            "and run_id = ?", (run_id,)))
    assert tis, proc.stdout[-3000:] + proc.stderr[-3000:]
    return DagRun(run_id=run_id, state=state, returncode=proc.returncode, seconds=seconds, tis=tis,
                  xcom_sizes=[], listed_sources=[], counts=_warehouse_counts(airflow_runs.warehouse))


def test_maintenance_reprocess_changes_no_counts(airflow_runs, maintenance_run):
    assert maintenance_run.tis == {("reprocess", -1): "success"}
    assert (maintenance_run.state, maintenance_run.returncode) == ("success", 0)
    before, after = airflow_runs.second.counts, maintenance_run.counts
    assert (after["articles"], after["figures"]) == (before["articles"], before["figures"])
