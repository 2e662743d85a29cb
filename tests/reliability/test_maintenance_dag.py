"""figurewire_maintenance run by real Airflow (`airflow dags test`, child processes, SQLite metadata DB)
over a copy of the session's sample run: reprocess re-parses from raw snapshots, and running the task
again (what a retry does) leaves exactly the rows of the first success and of the incremental path."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import pytest
from reliability_rows import all_rows

from figurewire import airflow_env as afe

pytestmark = [pytest.mark.airflow, pytest.mark.e2e]
DAG_ID = "figurewire_maintenance"


def dags_test(env, conf) -> subprocess.CompletedProcess:
    return subprocess.run(afe.airflow_command(["dags", "test", DAG_ID, "--conf", json.dumps(conf)]), env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def maintenance_runs(sample_runs, tmp_path_factory):
    root = tmp_path_factory.mktemp("maintenance")
    shutil.copytree(sample_runs.data.root, root / "data")
    warehouse = root / "data" / sample_runs.warehouse.name
    env = afe.airflow_env(home=root / "home")
    afe.prepare(env)
    conf = {"outlets": ["rt-fr"], "since": "2016-12-20", "reextract": False, "data_dir": str(root / "data"),
            "warehouse": str(warehouse)}
    first = dags_test(env, conf)
    rows_first = all_rows(warehouse)
    again = dags_test(env, conf | {"reextract": True})
    with sqlite3.connect(root / "home" / "airflow_home" / "airflow.db") as db:
        states = db.execute("select run_id, task_id, state from task_instance where dag_id = ? order by run_id",
                            (DAG_ID,)).fetchall()
        results = [json.loads(v) for (v,) in db.execute(
            "select cast(value as text) from xcom where dag_id = ? and task_id = 'reprocess' order by run_id",
            (DAG_ID,))]
    return {"procs": (first, again), "states": states, "results": results, "rows_first": rows_first,
            "rows_again": all_rows(warehouse)}


def test_reprocess_task_succeeds_with_counts_in_xcom(maintenance_runs):
    first, again = maintenance_runs["procs"]
    assert (first.returncode, again.returncode) == (0, 0), first.stderr[-2000:] + again.stderr[-2000:]
    assert [s for _, _, s in maintenance_runs["states"]] == ["success", "success"]
    kept, reextracted = maintenance_runs["results"]
    assert kept["selected"] == kept["reparsed"] == kept["articles_loaded"] == 6
    assert kept["figures"] == kept["figures_kept"] > 0
    assert (reextracted["selected"], reextracted["figures_kept"], reextracted["figures"]) == (6, 0, kept["figures"])


def test_running_reprocess_again_gives_the_rows_of_the_first_success_and_of_the_incremental_path(
        maintenance_runs, sample_runs):
    assert maintenance_runs["rows_again"] == maintenance_runs["rows_first"] == all_rows(sample_runs.warehouse)
