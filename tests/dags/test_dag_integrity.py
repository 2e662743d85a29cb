"""The DAG files parse with real Airflow, read like their docs say, and pass Airflow's ruff rules.

DagBag runs in a child process with the environment ``figurewire.airflow_env`` builds, pointed at a
temporary AIRFLOW_HOME: the test process itself never imports Airflow.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from figurewire.airflow_env import REPO_ROOT, airflow_env

pytestmark = pytest.mark.airflow

HERE = Path(__file__).resolve().parent
# One DAG per file, named after it: every file in dags/ goes through the generic checks below.
DAG_IDS = {p.stem for p in (REPO_ROOT / "dags").glob("*.py")}


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory) -> dict:
    env = airflow_env(home=tmp_path_factory.mktemp("airflow-home"))
    proc = subprocess.run([sys.executable, str(HERE / "inspect_dags.py")], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    [line] = [ln for ln in proc.stdout.splitlines() if ln.startswith("DAGBAG-JSON ")]
    return json.loads(line.removeprefix("DAGBAG-JSON "))


def test_no_import_errors_and_one_dag_per_file(dagbag):
    assert dagbag["import_errors"] == {}
    assert set(dagbag["dags"]) == DAG_IDS
    assert {"figurewire_pipeline", "figurewire_maintenance", "figurewire_health"} <= DAG_IDS


def test_parsing_imports_nothing_heavy(dagbag):
    """The DAG processor re-parses these files constantly: no pipeline, Scrapy or DuckDB at import time."""
    assert dagbag["heavy_modules_imported"] == []


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_every_dag_has_tags_owner_docs_and_retries(dagbag, dag_id):
    dag = dagbag["dags"][dag_id]
    assert "figurewire" in dag["tags"]
    assert dag["owner"] == ["figurewire"]
    assert dag["has_doc_md"] is True
    assert dag["catchup"] is False
    assert dag["max_active_runs"] == 1
    for task_id, task in dag["tasks"].items():
        assert task["retries"] >= 2, task_id
        assert task["retry_exponential_backoff"] == 2.0, task_id
        assert task["execution_timeout_s"] is not None and task["execution_timeout_s"] > 0, task_id


def test_pipeline_structure(dagbag):
    dag = dagbag["dags"]["figurewire_pipeline"]
    assert dag["schedule"] == "@hourly"
    assert dag["params"] == ["data_dir", "sources", "warehouse"]
    assert {k: set(v) for k, v in dag["structure"].items()} == {
        "new_run": {"crawl", "extract"},
        "list_sources": {"crawl"},
        "crawl": {"extract", "all_sources_ok"},
        "extract": {"load_and_build"},
        "load_and_build": {"all_sources_ok"},
        "all_sources_ok": set(),
    }
    tasks = dag["tasks"]
    assert [t for t, spec in tasks.items() if spec["mapped"]] == ["crawl"]
    assert tasks["extract"]["trigger_rule"] == "all_done"
    assert tasks["all_sources_ok"]["trigger_rule"] == "all_success"
    assert {t for t, spec in tasks.items() if spec["pool"] == "duckdb_writer"} == {"load_and_build"}
    assert {t: spec["outlets"] for t, spec in tasks.items() if spec["outlets"]} == {
        "load_and_build": ["figurewire://warehouse/marts"]}


def test_maintenance_structure(dagbag):
    dag = dagbag["dags"]["figurewire_maintenance"]
    assert dag["schedule"] is None
    assert dag["params"] == ["data_dir", "outlets", "reextract", "since", "warehouse"]
    assert dag["structure"] == {"reprocess": []}
    assert dag["tasks"]["reprocess"]["pool"] == "duckdb_writer"


def test_health_structure(dagbag):
    dag = dagbag["dags"]["figurewire_health"]
    assert dag["schedule"] == "@hourly"
    assert dag["params"] == ["sources", "warehouse"]
    assert dag["structure"] == {"check_health": []}
    assert dag["tasks"]["check_health"]["failure_notifiers"] == ["SmtpHealthNotifier", "WebhookHealthNotifier"]


def test_ruff_airflow_rules_clean():
    """AIR rules, preview ones included (AIR202 implicit multiple_outputs, AIR304 dynamic DAG values)."""
    ruff = Path(sys.executable).parent / "ruff"
    proc = subprocess.run([str(ruff), "check", "--no-cache", "--select", "AIR", "--preview",
                           "--output-format", "concise", "dags/"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout.strip()) == (0, "All checks passed!")
