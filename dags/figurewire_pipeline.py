"""figurewire_pipeline: every hour, crawl each outlet, extract figures, load the warehouse, rebuild marts.

Each task is one call into ``figurewire.pipeline``, the same steps ``figurewire run`` takes; imports stay
inside the tasks so the DAG processor parses this file in milliseconds.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import Asset, Param, TriggerRule, dag, task

from figurewire.airflow_env import DUCKDB_POOL, dag_param_defaults, task_defaults

MARTS = Asset("figurewire://warehouse/marts")
DEFAULTS = dag_param_defaults()
RETRY_DELAY = timedelta(seconds=float(os.environ.get("FIGUREWIRE_RETRY_DELAY_S", "60")))

DOC_MD = """
### figurewire_pipeline

Hourly: **new_run** names the staging folder, **list_sources** reads the enabled outlets of the sources
file, **crawl** runs once per outlet (dynamic task mapping: one red box per failing outlet, the others go
on), **extract** pulls the figures out of every staged article, **load_and_build** loads the staged batches
into DuckDB and rebuilds the marts (the only warehouse writer, in the one-slot `duckdb_writer` pool) and
updates the `figurewire://warehouse/marts` asset. **all_sources_ok** turns the run red when any outlet
failed, after the warehouse has received everything the other outlets delivered.

Params: `sources` (sources file, default the bundled sample newsroom), `data_dir` (raw, staging and crawl
state, default `data/`), `warehouse` (DuckDB file, default `data/figurewire.duckdb`). `FIGUREWIRE_SOURCES`,
`FIGUREWIRE_DATA` and `FIGUREWIRE_WAREHOUSE` change the defaults.

Every crawl keeps its Scrapy log in `<data_dir>/staging/<run_id>/crawl-<source>.log`; failed fetches land
in the warehouse's error tables with the run id.
"""

PARAMS = {
    "sources": Param(DEFAULTS["sources"], type="string", description="sources file listing the outlets"),
    "data_dir": Param(DEFAULTS["data_dir"], type="string", description="raw responses, staging, crawl state"),
    "warehouse": Param(DEFAULTS["warehouse"], type="string", description="the DuckDB warehouse file"),
}

DEFAULT_ARGS = task_defaults(retry_delay=RETRY_DELAY, execution_timeout=timedelta(minutes=10),
                             max_retry_delay=timedelta(minutes=10))


@dag(
    dag_id="figurewire_pipeline",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=55),
    default_args=DEFAULT_ARGS,
    params=PARAMS,
    tags=["figurewire", "etl"],
    doc_md=DOC_MD,
)
def figurewire_pipeline():
    @task(execution_timeout=timedelta(minutes=1))
    def new_run() -> str:
        """Staging run id, made once so retried tasks write into the same folder."""
        from figurewire.layout import new_run_id

        return new_run_id()

    @task(execution_timeout=timedelta(minutes=2))
    def list_sources(params=None) -> list[str]:
        from figurewire.pipeline import list_source_ids

        return list_source_ids(params["sources"])

    @task(multiple_outputs=False, execution_timeout=timedelta(minutes=20), max_active_tis_per_dagrun=2)
    def crawl(source_id: str, staging_run: str, params=None) -> dict:
        from figurewire.pipeline import crawl_source

        return crawl_source(source_id, staging_run, sources_path=params["sources"], data_dir=params["data_dir"])

    @task(trigger_rule=TriggerRule.ALL_DONE, execution_timeout=timedelta(minutes=20))
    def extract(staging_run: str, params=None) -> int:
        """Runs even when some crawls failed: the outlets that delivered still get their figures."""
        from figurewire.pipeline import extract_run

        return extract_run(staging_run, data_dir=params["data_dir"])

    @task(multiple_outputs=False, pool=DUCKDB_POOL, outlets=[MARTS], execution_timeout=timedelta(minutes=30))
    def load_and_build(params=None) -> dict:
        from figurewire.pipeline import load_and_build

        return load_and_build(params["warehouse"], data_dir=params["data_dir"])

    staging_run = new_run()
    crawled = crawl.partial(staging_run=staging_run).expand(source_id=list_sources())
    loaded = load_and_build()
    crawled >> extract(staging_run) >> loaded
    [crawled, loaded] >> EmptyOperator(task_id="all_sources_ok")


figurewire_pipeline()
