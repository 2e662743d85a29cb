"""figurewire_health: every hour, judge each outlet's recent scrapes and fail loudly when one is unwell.

Runs on its own clock rather than after the pipeline, so an outlet going stale is noticed even when the
pipeline itself stopped running.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import Param, dag, task

from figurewire.airflow_env import dag_param_defaults

DEFAULTS = dag_param_defaults()

DOC_MD = """
### figurewire_health

**check_health** reads the scrape runs and errors in the warehouse and applies the health rules (minimum
items, error ratio, consecutive failures, staleness...). It fails when any rule fires; the exception text
names the outlet and the rule, and the task's XCom holds the full verdict when all is well.

A failure notifies through Airflow notifiers, off by default: set `FIGUREWIRE_ALERT_EMAIL` (recipients)
and an SMTP connection `figurewire_smtp` (UI: Admin > Connections, or `AIRFLOW_CONN_FIGUREWIRE_SMTP`).
"""


def failure_notifiers() -> list:
    """Who hears about a failed health check; e-mail only when someone asked for it."""
    recipients = os.environ.get("FIGUREWIRE_ALERT_EMAIL")
    if not recipients:
        return []
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    return [SmtpNotifier(
        to=recipients,
        smtp_conn_id="figurewire_smtp",
        subject="figurewire health check failed ({{ dag_run.run_id }})",
        html_content="{{ exception }}<br>Log: {{ ti.log_url }}",
    )]


@dag(
    dag_id="figurewire_health",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "figurewire",
        "retries": 2,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": 2.0,
        "execution_timeout": timedelta(minutes=5),
    },
    params={"warehouse": Param(DEFAULTS["warehouse"], type="string", description="the DuckDB warehouse")},
    tags=["figurewire", "monitoring"],
    doc_md=DOC_MD,
)
def figurewire_health():
    @task(multiple_outputs=False, on_failure_callback=failure_notifiers())
    def check_health(params=None) -> dict:
        from figurewire.pipeline import check_health

        return check_health(params["warehouse"])

    check_health()


figurewire_health()
