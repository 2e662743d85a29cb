"""Parse dags/ with Airflow's DagBag and print what the integrity tests check, as JSON.

Run in a child process (with the environment from ``figurewire.airflow_env``) so the test process never
imports Airflow with someone else's AIRFLOW_HOME.
"""

from __future__ import annotations

import json
import sys
import time

started = time.perf_counter()
from airflow.dag_processing.dagbag import DagBag  # noqa: E402
from airflow.sdk.definitions.mappedoperator import MappedOperator  # noqa: E402

from figurewire.airflow_env import REPO_ROOT  # noqa: E402

modules_before = set(sys.modules)
bag = DagBag(dag_folder=str(REPO_ROOT / "dags"))
parse_s = time.perf_counter() - started


def _callbacks(value) -> list:
    return [] if value is None else list(value) if isinstance(value, list | tuple) else [value]


def describe(dag) -> dict:
    return {
        "tags": sorted(dag.tags),
        "owner": sorted({t.owner for t in dag.tasks}),
        "schedule": dag.schedule if isinstance(dag.schedule, str | None) else repr(dag.schedule),
        "catchup": dag.catchup,
        "max_active_runs": dag.max_active_runs,
        "has_doc_md": bool(dag.doc_md and dag.doc_md.strip()),
        "params": sorted(dag.params.keys()),
        "structure": {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks},
        "tasks": {
            t.task_id: {
                "retries": t.retries,
                "retry_exponential_backoff": t.retry_exponential_backoff,
                "execution_timeout_s": t.execution_timeout.total_seconds() if t.execution_timeout else None,
                "pool": t.pool,
                "trigger_rule": str(t.trigger_rule.value if hasattr(t.trigger_rule, "value") else t.trigger_rule),
                "mapped": isinstance(t, MappedOperator),
                "outlets": sorted(getattr(a, "uri", str(a)) for a in (t.outlets or [])),
                "failure_notifiers": sorted(type(cb).__name__ for cb in _callbacks(t.on_failure_callback)),
            }
            for t in dag.tasks
        },
    }


new_modules = set(sys.modules) - modules_before
heavy = sorted(m for m in new_modules
               if m.split(".")[0] in {"scrapy", "duckdb", "twisted", "transforms", "warehouse", "scrapers"}
               or m == "figurewire.pipeline")
print("DAGBAG-JSON " + json.dumps({
    "import_errors": {str(k): v for k, v in bag.import_errors.items()},
    "dags": {dag_id: describe(dag) for dag_id, dag in bag.dags.items()},
    "heavy_modules_imported": heavy,
    "parse_s": parse_s,
}))
