"""figurewire_maintenance: on demand, rebuild the warehouse from the raw responses kept on disk.

Used after a parser or the figure extractor improves: nothing is fetched again, the kept raw responses
are re-read (and, if asked, re-extracted with the current extractor) and reloaded idempotently.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Param, dag, task

from figurewire.airflow_env import DUCKDB_POOL, dag_param_defaults, task_defaults

DEFAULTS = dag_param_defaults()

DOC_MD = """
### figurewire_maintenance

Trigger by hand (**Trigger** button, then fill the form):

* `outlets`: source ids to reprocess (empty: every outlet),
* `since`: only articles published on or after this date (empty: all history),
* `reextract`: run the current figure extractor again over the stored articles,
* `data_dir`, `warehouse`: as in `figurewire_pipeline`.

**reprocess** is a warehouse writer, so it queues behind `figurewire_pipeline`'s `load_and_build` in the
one-slot `duckdb_writer` pool. Its result (counts per table) is in the task's XCom tab.
"""


@dag(
    dag_id="figurewire_maintenance",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(retry_delay=timedelta(minutes=1), execution_timeout=timedelta(hours=2)),
    params={
        "outlets": Param(None, type=["null", "array"], items={"type": "string"},
                         description="source ids to reprocess; empty means all"),
        "since": Param(None, type=["null", "string"], format="date",
                       description="only articles published on or after this date (YYYY-MM-DD)"),
        "reextract": Param(True, type="boolean", description="re-run the current figure extractor"),
        "data_dir": Param(DEFAULTS["data_dir"], type="string", description="raw responses and staging"),
        "warehouse": Param(DEFAULTS["warehouse"], type="string", description="the DuckDB warehouse file"),
    },
    tags=["figurewire", "maintenance"],
    doc_md=DOC_MD,
)
def figurewire_maintenance():
    @task(multiple_outputs=False, pool=DUCKDB_POOL)
    def reprocess(params=None) -> dict:
        from figurewire.pipeline import reprocess

        return reprocess(params["outlets"] or None, params["since"] or None, params["reextract"],
                         warehouse_path=params["warehouse"], data_dir=params["data_dir"])

    reprocess()


figurewire_maintenance()
