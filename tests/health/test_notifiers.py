"""Both notifiers against real local endpoints: an aiosmtpd SMTP server and an HTTP sink on 127.0.0.1.

The notifiers run in a child process configured only by environment, as an Airflow worker would be:
the SMTP server through the connection ``figurewire_smtp`` (``AIRFLOW_CONN_FIGUREWIRE_SMTP``), recipients
in ``FIGUREWIRE_ALERT_EMAIL``, the webhook through ``figurewire_webhook`` or ``FIGUREWIRE_ALERT_WEBHOOK``.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from local_endpoints import http_sink, smtp_server

from figurewire.health import HealthAlert

SCRIPT = Path(__file__).with_name("send_health_alert.py")
DAG_RUN = "manual__2016-12-22T13:00:00+00:00"
RUN_URL = "http://localhost:8080/dags/figurewire_health/runs/manual__2016-12-22T13%3A00%3A00%2B00%3A00"
ALERTS = [
    HealthAlert(outlet="RT", source_id="rt-fr", status="failing", rule="consecutive_failures",
                detail="consecutive_failures: 2 failed runs in a row (max 1)", run_id="20161222T130000Z-bbbbbb",
                last_error_kind="http_error", last_error_message="HTTP 500 from http://rt.newsroom.test/fr/rss.xml",
                last_error_url="http://rt.newsroom.test/fr/rss.xml", last_error_run_id="20161222T130000Z-bbbbbb"),
    HealthAlert(outlet="Sputnik", source_id="sputnik-fr", status="degraded", rule="min_items",
                detail="min_items: 0 items, trailing median 7.0 (min 50%)", run_id="20161222T130000Z-bbbbbb",
                last_error_kind="empty_feed", last_error_message="the feed is well-formed but has no items",
                last_error_url="http://sputnik.newsroom.test/fr/rss.xml", last_error_run_id="20161222T130000Z-bbbbbb"),
]
EXPECTED_TEXT = f"""figurewire health: RT, Sputnik (2 rules fired)

RT / rt-fr: failing, rule consecutive_failures: 2 failed runs in a row (max 1)
    last error: http_error: HTTP 500 from http://rt.newsroom.test/fr/rss.xml (http://rt.newsroom.test/fr/rss.xml)
    crawl run: 20161222T130000Z-bbbbbb  (figurewire sql "select * from fct_fetch_errors where run_id = '20161222T130000Z-bbbbbb'")
Sputnik / sputnik-fr: degraded, rule min_items: 0 items, trailing median 7.0 (min 50%)
    last error: empty_feed: the feed is well-formed but has no items (http://sputnik.newsroom.test/fr/rss.xml)
    crawl run: 20161222T130000Z-bbbbbb  (figurewire sql "select * from fct_fetch_errors where run_id = '20161222T130000Z-bbbbbb'")
Airflow run: {RUN_URL}
Task log: {RUN_URL.replace("%3A", ":").replace("%2B", "+")}/tasks/check_health?try_number=1"""


def _notify(tmp_path: Path, extra_env: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AIRFLOW_CONN_", "FIGUREWIRE_ALERT_", "AIRFLOW__"))}
    env |= {"AIRFLOW_HOME": str(tmp_path / "airflow"), "PYTHONPATH": str(SCRIPT.parent)} | extra_env
    alerts = json.dumps([dataclasses.asdict(a) for a in ALERTS])
    proc = subprocess.run([sys.executable, str(SCRIPT), alerts, DAG_RUN], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    return proc.stdout


@pytest.fixture(scope="module")
def endpoints():
    with smtp_server() as (smtp_port, inbox), http_sink() as (sink_url, posts):
        yield smtp_port, inbox, sink_url, posts


def test_email_and_webhook_carry_outlet_rule_last_error_and_run_link(tmp_path, endpoints):
    smtp_port, inbox, sink_url, posts = endpoints
    inbox.clear(), posts.clear()
    out = _notify(tmp_path, {
        "AIRFLOW_CONN_FIGUREWIRE_SMTP": f"smtp://127.0.0.1:{smtp_port}?disable_ssl=true&disable_tls=true"
                                        "&from_email=figurewire%40newsroom.test",
        "FIGUREWIRE_ALERT_EMAIL": "ops@newsroom.test, desk@newsroom.test",
        "AIRFLOW_CONN_FIGUREWIRE_WEBHOOK": sink_url,
    })
    assert out.splitlines()[-1] == "notified"

    [(mail_from, rcpt, message)] = inbox
    assert (mail_from, rcpt) == ("figurewire@newsroom.test", ["ops@newsroom.test", "desk@newsroom.test"])
    assert message["Subject"] == "figurewire health: RT, Sputnik (2 rules fired)"
    [part] = [p for p in message.walk() if p.get_content_type() == "text/html"]
    body = html.unescape(part.get_content())
    assert body == f"<pre>{EXPECTED_TEXT}</pre>"

    [post] = posts
    assert (post["path"], post["content_type"]) == ("/hooks/figurewire", "application/json")
    assert post["json"]["text"] == EXPECTED_TEXT
    assert post["json"]["run_url"] == RUN_URL
    assert [(a["outlet"], a["rule"], a["last_error_kind"], a["last_error_url"]) for a in post["json"]["alerts"]] == [
        ("RT", "consecutive_failures", "http_error", "http://rt.newsroom.test/fr/rss.xml"),
        ("Sputnik", "min_items", "empty_feed", "http://sputnik.newsroom.test/fr/rss.xml")]


def test_off_by_default(tmp_path, endpoints):
    _, inbox, _, posts = endpoints
    inbox.clear(), posts.clear()
    out = _notify(tmp_path, {"FIGUREWIRE_ALERT_EMAIL": "ops@newsroom.test"})
    assert "health e-mail off: no Airflow connection 'figurewire_smtp'" in out
    assert "health webhook off: set FIGUREWIRE_ALERT_WEBHOOK or the Airflow connection 'figurewire_webhook'" in out
    assert out.splitlines()[-1] == "notified"
    assert inbox == [] and posts == []
