"""Child process for the notifier tests: raise a real HealthCheckFailed, then hand it to both notifiers the
way Airflow calls an ``on_failure_callback`` (``notifier(context)``). Runs apart from the test process so
Airflow is configured only by this process's environment (AIRFLOW_HOME, AIRFLOW_CONN_*, FIGUREWIRE_ALERT_*).

    python send_health_alert.py ALERTS_JSON DAG_RUN_ID
"""

from __future__ import annotations

import json
import logging
import sys
from types import SimpleNamespace

from figurewire.health import HealthAlert, HealthCheckFailed
from figurewire.notifiers import health_notifiers

logging.basicConfig(level=logging.INFO, format="%(name)s %(levelname)s %(message)s", stream=sys.stdout)

alerts = [HealthAlert(**a) for a in json.loads(sys.argv[1])]
dag_run = SimpleNamespace(dag_id="figurewire_health", run_id=sys.argv[2])
ti = SimpleNamespace(task_id="check_health", log_url=f"http://localhost:8080/dags/figurewire_health/runs/"
                                                    f"{sys.argv[2]}/tasks/check_health?try_number=1")
try:
    try:
        raise HealthCheckFailed(alerts)
    except HealthCheckFailed as cause:
        raise RuntimeError(str(cause)) from cause  # how the DAG hands it on: a cause, not the raised one
except RuntimeError as failure:
    context = {"dag_run": dag_run, "ti": ti, "task_instance": ti, "exception": failure, "run_id": sys.argv[2]}
for notifier in health_notifiers():
    notifier(context)
print("notified")
