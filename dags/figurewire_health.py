"""figurewire_health: every hour, judge each outlet's recent scrapes and fail loudly when one is unwell.

Runs on its own clock rather than after the pipeline, so an outlet going stale is noticed even when the
pipeline itself stopped running.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Param, dag, task

from figurewire.airflow_env import dag_param_defaults, task_defaults
from figurewire.notifiers import SmtpHealthNotifier, WebhookHealthNotifier

DEFAULTS = dag_param_defaults()

DOC_MD = """
### figurewire_health

**check_health** reads the scrape runs and errors in the warehouse and applies the health rules of the
sources file (minimum items, error ratio, consecutive failures, staleness...). It fails when a rule fires
for an outlet that is not silenced; the error names the outlet, the rule and the last error. When all is
well, its XCom holds each outlet's status.

A failure notifies through Airflow notifiers, both silent until configured:

* e-mail: recipients in `FIGUREWIRE_ALERT_EMAIL` and an SMTP connection `figurewire_smtp`
  (Admin > Connections, or `AIRFLOW_CONN_FIGUREWIRE_SMTP`);
* JSON webhook (Slack-compatible): `FIGUREWIRE_ALERT_WEBHOOK` or a connection `figurewire_webhook`.
"""


@dag(
    dag_id="figurewire_health",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(retry_delay=timedelta(minutes=1), execution_timeout=timedelta(minutes=5)),
    params={
        "warehouse": Param(DEFAULTS["warehouse"], type="string", description="the DuckDB warehouse file"),
        "sources": Param(DEFAULTS["sources"], type="string", description="sources file (health thresholds)"),
    },
    tags=["figurewire", "monitoring"],
    doc_md=DOC_MD,
)
def figurewire_health():
    @task(multiple_outputs=False, on_failure_callback=[SmtpHealthNotifier(), WebhookHealthNotifier()])
    def check_health(params=None) -> dict:
        """A fired rule is a verdict, not a glitch: fail at once (no retries), so the alert goes out now."""
        from airflow.sdk.exceptions import AirflowFailException

        from figurewire.health import HealthCheckFailed, check_health

        try:
            return check_health(params["warehouse"], params["sources"])
        except HealthCheckFailed as verdict:
            raise AirflowFailException(str(verdict)) from verdict

    check_health()


figurewire_health()
