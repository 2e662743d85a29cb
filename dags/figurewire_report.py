"""figurewire_report: after every build of the marts, rewrite the HTML report of what each outlet reported.

Scheduled on the ``figurewire://warehouse/marts`` asset that ``figurewire_pipeline``'s load_and_build
updates, so the report follows the data rather than a clock. It only reads the published warehouse, so
it needs no slot in the writer pool and never delays the next load.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, Param, dag, task

from figurewire.airflow_env import dag_param_defaults, task_defaults

MARTS = Asset("figurewire://warehouse/marts")
DEFAULTS = dag_param_defaults()

DOC_MD = """
### figurewire_report

Runs each time the marts are rebuilt (asset `figurewire://warehouse/marts`). **write_report** reads the
published warehouse read-only and writes one self-contained HTML page (charts per event and quantity,
revision timelines, outlet divergence, claimants, scrape health; a table under each chart; scripts and
data inlined, so it opens without any network) and returns its path in XCom.

Params: `warehouse` (the DuckDB file), `out` (the HTML file; empty: `report.html` beside the warehouse).
The same page comes from `figurewire report`.
"""


@dag(
    dag_id="figurewire_report",
    schedule=[MARTS],
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(retry_delay=timedelta(seconds=30), execution_timeout=timedelta(minutes=5)),
    params={
        "warehouse": Param(DEFAULTS["warehouse"], type="string", description="the DuckDB warehouse file"),
        "out": Param(None, type=["null", "string"],
                     description="the HTML file to write; empty means report.html beside the warehouse"),
    },
    tags=["figurewire", "report"],
    doc_md=DOC_MD,
)
def figurewire_report():
    @task(multiple_outputs=False)
    def write_report(params=None) -> str:
        from pathlib import Path

        from figurewire.report import write_report

        warehouse = Path(params["warehouse"])
        return str(write_report(warehouse, params["out"] or warehouse.with_name("report.html")))

    write_report()


figurewire_report()
