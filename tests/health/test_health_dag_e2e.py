"""figurewire_health run by real Airflow (`airflow dags test`) on a warehouse with a dead outlet: the check
task fails once (no retries: a verdict is not a glitch) and both notifiers reach real local endpoints with
the outlet, the rule, the last error and the link to the Airflow run."""

from __future__ import annotations

import html
import sqlite3
import subprocess
import time

import pytest
from health_rows import Crawl, hour, run_id_at, sources_file, stage
from local_endpoints import http_sink, smtp_server

from figurewire import airflow_env as afe
from figurewire.layout import DataLayout
from figurewire.pipeline import build, load

pytestmark = [pytest.mark.airflow, pytest.mark.e2e]

DAG_ID = "figurewire_health"
FEED = "http://dead.health.test/feed.xml"


@pytest.fixture(scope="module")
def dag_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("health-dag")
    data = DataLayout.at(root / "data")
    failed = [Crawl(at=h, failed=True, requests=6, retries=4,
                    errors=[("fetch", "http_error", FEED, 500, f"HTTP 500 from {FEED}")]) for h in (3, 4)]
    stage(data, "dead", "Dead Wire", [Crawl(at=h, items=4) for h in range(3)] + failed)
    warehouse = root / "data" / "figurewire.duckdb"
    load(data, warehouse)
    build(warehouse)
    sources = sources_file(root / "sources.toml", {"dead": ("Dead Wire", FEED)})
    env = afe.airflow_env(home=root / "home")
    env = {k: v for k, v in env.items() if not k.startswith(("AIRFLOW_CONN_", "FIGUREWIRE_ALERT_"))}
    with smtp_server() as (smtp_port, inbox), http_sink() as (sink_url, posts):
        env.update(FIGUREWIRE_WAREHOUSE=str(warehouse), FIGUREWIRE_SOURCES=str(sources),
                   FIGUREWIRE_ALERT_EMAIL="ops@newsroom.test", FIGUREWIRE_ALERT_WEBHOOK=sink_url,
                   AIRFLOW_CONN_FIGUREWIRE_SMTP=f"smtp://127.0.0.1:{smtp_port}?disable_ssl=true&disable_tls=true"
                                                "&from_email=figurewire%40newsroom.test")
        started = time.perf_counter()
        subprocess.run(afe.airflow_command(["db", "migrate"]), env=env, check=True, capture_output=True)
        proc = subprocess.run(afe.airflow_command(["dags", "test", DAG_ID]), env=env, capture_output=True,
                              text=True, timeout=300)
        seconds = time.perf_counter() - started
    with sqlite3.connect(root / "home" / "airflow_home" / "airflow.db") as db:
        run_id, state = db.execute("select run_id, state from dag_run where dag_id = ?", (DAG_ID,)).fetchone()
        tis = db.execute("select task_id, state, try_number from task_instance where dag_id = ?",
                         (DAG_ID,)).fetchall()
    return {"run_id": run_id, "state": state, "tis": tis, "inbox": list(inbox), "posts": list(posts),
            "seconds": seconds, "output": proc.stdout[-3000:] + proc.stderr[-3000:]}


def test_check_task_fails_once_without_retries(dag_run):
    assert (dag_run["state"], dag_run["tis"]) == ("failed", [("check_health", "failed", 1)]), dag_run["output"]


def test_email_names_outlet_rule_last_error_and_run_link(dag_run):
    [(mail_from, rcpt, message)] = dag_run["inbox"]
    assert (mail_from, rcpt) == ("figurewire@newsroom.test", ["ops@newsroom.test"])
    assert message["Subject"].startswith("figurewire health: Dead Wire failing (")
    [part] = [p for p in message.walk() if p.get_content_type() == "text/html"]
    body = html.unescape(part.get_content())
    assert "Dead Wire / dead: failing, rule consecutive_failures: 2 failed runs in a row (max 1)" in body
    assert f"last error: http_error: HTTP 500 from {FEED} ({FEED})" in body
    assert f"crawl run: {run_id_at(hour(4))}" in body
    assert "Airflow run: http://localhost:8080/dags/figurewire_health/runs/" in body


def test_webhook_gets_the_same_alerts_as_json(dag_run):
    [post] = dag_run["posts"]
    alerts = post["json"]["alerts"]
    assert {(a["outlet"], a["rule"]) for a in alerts} >= {("Dead Wire", "consecutive_failures")}
    assert {a["last_error_kind"] for a in alerts} == {"http_error"}
    assert post["json"]["run_url"].endswith(f"/dags/{DAG_ID}/runs/" + post["json"]["run_url"].rsplit("/", 1)[1])
    assert "Dead Wire / dead: failing" in post["json"]["text"]


def test_within_the_time_budget(dag_run):
    print(f"db migrate + dags test: {dag_run['seconds']:.1f} s")
    assert dag_run["seconds"] < 120
