"""Airflow notifiers for a failed health check: e-mail over SMTP and a JSON webhook (Slack-compatible).

Both are attached to the health task always and stay silent until configured, so a fresh install pages
nobody and turning alerts on needs no DAG change:

* e-mail: recipients in ``FIGUREWIRE_ALERT_EMAIL`` (comma-separated) and the SMTP server in the Airflow
  connection ``figurewire_smtp`` (UI: Admin > Connections, or ``AIRFLOW_CONN_FIGUREWIRE_SMTP``; put
  ``from_email`` in its extra). Sending goes through the SMTP provider's ``SmtpHook``.
* webhook: a URL in ``FIGUREWIRE_ALERT_WEBHOOK``, or the connection ``figurewire_webhook`` (its host, or
  ``url`` in its extra). The body is JSON with ``text`` (what Slack and Mattermost incoming webhooks show)
  and ``alerts`` (one object per fired rule) for other programs.

The message names each outlet, the rule that fired, the last error and the links to the run: the Airflow
UI page of the health DAG run and the SQL line that lists the crawl run's errors.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any
from urllib.parse import quote

import requests
from airflow.sdk import BaseNotifier

from figurewire.health import HealthAlert

log = logging.getLogger(__name__)

SMTP_CONN_ID = "figurewire_smtp"
WEBHOOK_CONN_ID = "figurewire_webhook"
EMAIL_ENV = "FIGUREWIRE_ALERT_EMAIL"
WEBHOOK_ENV = "FIGUREWIRE_ALERT_WEBHOOK"
WEBHOOK_TIMEOUT_S = 10


def alerts_of(exception: BaseException | None) -> list[HealthAlert]:
    """The health alerts carried by the task's exception, or by the exception it was raised from."""
    seen = 0
    while exception is not None and seen < 5:
        found = getattr(exception, "alerts", None)
        if found:
            return list(found)
        exception = exception.__cause__
        seen += 1
    return []


def run_url(context: dict) -> str | None:
    """The Airflow UI page of this DAG run (where the failed task and its log are one click away)."""
    dag_run = context.get("dag_run")
    dag_id = getattr(dag_run, "dag_id", None) or getattr(context.get("dag"), "dag_id", None)
    run_id = getattr(dag_run, "run_id", None) or context.get("run_id")
    if not dag_id or not run_id:
        return None
    return f"{_ui_base_url()}/dags/{dag_id}/runs/{quote(run_id)}"


def _ui_base_url() -> str:
    try:
        from airflow.sdk.configuration import conf

        base = conf.get("api", "base_url", fallback="http://localhost:8080/")
    except Exception:  # a notifier must still send when the config cannot be read
        base = "http://localhost:8080/"
    return base.rstrip("/")


def health_message(context: dict) -> dict[str, Any]:
    """Subject, plain text and structured alerts of one failed health check."""
    exception = context.get("exception")
    alerts = alerts_of(exception)
    url = run_url(context)
    ti = context.get("ti") or context.get("task_instance")
    log_url = getattr(ti, "log_url", None)
    if alerts:
        outlets = sorted({a.outlet for a in alerts})
        subject = f"figurewire health: {', '.join(outlets)} " + (
            f"{alerts[0].status} ({', '.join(sorted({a.rule for a in alerts}))})" if len(outlets) == 1
            else f"({len(alerts)} rules fired)")
        lines = [f"{a.outlet} / {a.source_id}: {a.status}, rule {a.detail}\n"
                 f"    last error: {a.last_error()}\n"
                 f"    crawl run: {a.last_error_run_id or a.run_id}  ({a.run_hint})" for a in alerts]
    else:
        subject = "figurewire health check failed"
        lines = [str(exception) if exception else "the health check task failed"]
    if url:
        lines.append(f"Airflow run: {url}")
    if log_url:
        lines.append(f"Task log: {log_url}")
    return {"subject": subject, "text": subject + "\n\n" + "\n".join(lines),
            "alerts": [a.to_dict() for a in alerts], "run_url": url, "log_url": log_url}


def _connection(conn_id: str):
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        return BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        return None


class SmtpHealthNotifier(BaseNotifier):
    """E-mail the health alerts; a no-op (logged) without recipients or the ``figurewire_smtp`` connection."""

    template_fields = ("to", "smtp_conn_id")

    def __init__(self, to: str | None = None, smtp_conn_id: str = SMTP_CONN_ID, from_email: str | None = None):
        super().__init__()
        self.to = to
        self.smtp_conn_id = smtp_conn_id
        self.from_email = from_email

    def recipients(self) -> list[str]:
        raw = self.to or os.environ.get(EMAIL_ENV, "")
        return [r.strip() for r in raw.split(",") if r.strip()]

    def notify(self, context) -> None:
        to = self.recipients()
        if not to:
            log.info("health e-mail off: no recipients (set %s)", EMAIL_ENV)
            return
        conn = _connection(self.smtp_conn_id)
        if conn is None:
            log.info("health e-mail off: no Airflow connection %r", self.smtp_conn_id)
            return
        from airflow.providers.smtp.hooks.smtp import SmtpHook

        message = health_message(context)
        from_email = self.from_email or conn.extra_dejson.get("from_email") or f"figurewire@{conn.host}"
        with SmtpHook(smtp_conn_id=self.smtp_conn_id) as hook:
            hook.send_email_smtp(to=to, from_email=from_email, subject=message["subject"],
                                 html_content=_html(message["text"]), mime_subtype="alternative")
        log.info("health e-mail sent to %s", ", ".join(to))


def _html(text: str) -> str:
    from html import escape

    return f"<pre>{escape(text)}</pre>"


class WebhookHealthNotifier(BaseNotifier):
    """POST the health alerts as JSON; a no-op (logged) without a URL or the ``figurewire_webhook`` connection."""

    template_fields = ("url",)

    def __init__(self, url: str | None = None, webhook_conn_id: str = WEBHOOK_CONN_ID):
        super().__init__()
        self.url = url
        self.webhook_conn_id = webhook_conn_id

    def target(self) -> str | None:
        if self.url or os.environ.get(WEBHOOK_ENV):
            return self.url or os.environ[WEBHOOK_ENV]
        conn = _connection(self.webhook_conn_id)
        if conn is None:
            return None
        if conn.extra_dejson.get("url"):
            return conn.extra_dejson["url"]
        if conn.host and "://" in conn.host:
            return conn.host
        scheme = conn.conn_type if conn.conn_type in ("http", "https") else "https"
        port = f":{conn.port}" if conn.port else ""
        return f"{scheme}://{conn.host}{port}/{(conn.schema or '').lstrip('/')}"

    def notify(self, context) -> None:
        url = self.target()
        if not url:
            log.info("health webhook off: set %s or the Airflow connection %r", WEBHOOK_ENV, self.webhook_conn_id)
            return
        message = health_message(context)
        body = {"text": message["text"], "subject": message["subject"], "alerts": message["alerts"],
                "run_url": message["run_url"], "log_url": message["log_url"]}
        response = requests.post(url, data=json.dumps(body, default=str), timeout=WEBHOOK_TIMEOUT_S,
                                 headers={"Content-Type": "application/json"})
        response.raise_for_status()
        log.info("health webhook answered %s", response.status_code)


def health_notifiers() -> list[BaseNotifier]:
    """What the health DAG attaches to its check task: both channels, each silent until configured."""
    return [SmtpHealthNotifier(), WebhookHealthNotifier()]
