"""Scrape health: which outlet stopped delivering and why, for `figurewire health` and the Airflow check.

The rules are Spidermon-style monitors over the warehouse's scrape facts (``fct_scrape_runs``,
``fct_fetch_errors``), judged in SQL by ``warehouse/models/marts/mart_scrape_health_runs.sql`` (per run)
and ``mart_scrape_health.sql`` (per source and outlet). Why SQL, and why judge again at check time:

* One judgment, written once: the build materialises the marts for SQL users and the report, and this
  module runs the very same two files on a read-only session of the published warehouse.
* The build knows no sources file, so the stored marts use the default thresholds (``int_health_rules``);
  here the thresholds of the sources file (``[health]`` defaults, per-source ``health = {...}``) replace
  that table for the query only, through a temporary view that shadows it. A silenced outlet is silent at
  the next check, without waiting for a pipeline run.
* Staleness is relative to *now*: a mart judged at the last build would never notice that the pipeline
  itself stopped running, which is exactly when staleness matters.

Rules and their severity (a rule is switched off by a negative threshold):

==================== ========= =========================================================================
rule                 status    fires when
==================== ========= =========================================================================
consecutive_failures failing   more than ``max_consecutive_failures`` failed runs in a row
min_items            degraded  the feed listed fewer than ``min_items_ratio`` x the trailing median of
                               items (last ``trailing_runs`` healthy runs that counted the feed)
error_ratio          degraded  failed URLs / URLs attempted above ``max_error_ratio``
parse_failures       degraded  items that failed to parse or validate (empty body, no title, no or future
                               date) / items seen above ``max_parse_failure_ratio``
timeouts             degraded  more than ``max_timeouts`` requests timed out (after retries)
yield_drop           degraded  share of parsed articles with figures below ``min_yield_ratio`` x its
                               trailing median
stale                stale     no new article for more than ``max_staleness_hours``
feed_unchanged       stale     the feed has not changed (HTTP 304 or no healthy fetch) for more than
                               ``max_unchanged_hours``
==================== ========= =========================================================================
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

STATUSES = ("ok", "degraded", "stale", "failing")
RULES: dict[str, str] = {
    "consecutive_failures": "failing",
    "min_items": "degraded",
    "error_ratio": "degraded",
    "parse_failures": "degraded",
    "timeouts": "degraded",
    "yield_drop": "degraded",
    "stale": "stale",
    "feed_unchanged": "stale",
}
DEFAULTS_KEY = "*"


@dataclass(frozen=True)
class HealthRules:
    """Thresholds of the health rules for one source; the values here are the defaults.

    Floats throughout, because ``Source.health`` is ``dict[str, float]`` and TOML inline tables are short.
    """

    min_items_ratio: float = 0.5
    trailing_runs: float = 10
    max_error_ratio: float = 0.25
    max_parse_failure_ratio: float = 0.2
    max_timeouts: float = 0
    max_consecutive_failures: float = 1
    max_staleness_hours: float = 48
    max_unchanged_hours: float = 24
    min_yield_ratio: float = 0.5
    silenced: float = 0

    def with_overrides(self, overrides: Mapping[str, Any] | None, where: str) -> HealthRules:
        if not overrides:
            return self
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"{where}: unknown health setting(s) {', '.join(unknown)}; "
                             f"known: {', '.join(sorted(known))}")
        values = {}
        for key, value in overrides.items():
            if isinstance(value, bool):
                value = 1.0 if value else 0.0
            if not isinstance(value, int | float) or math.isnan(value):
                raise ValueError(f"{where}: health setting {key} must be a number, got {value!r}")
            values[key] = float(value)
        return dataclasses.replace(self, **values)


class HealthCheckFailed(RuntimeError):
    """At least one rule fired for an outlet that is not silenced; ``alerts`` says which, and why."""

    def __init__(self, alerts: list[HealthAlert]):
        self.alerts = alerts
        outlets = sorted({a.outlet for a in alerts})
        lines = [f"health rules fired for {len(outlets)} outlet(s): {', '.join(outlets)}"]
        lines += [f"- {a.describe()}" for a in alerts]
        super().__init__("\n".join(lines))


@dataclass
class HealthAlert:
    """One fired rule of one source, with what an on-call person needs to start looking."""

    outlet: str
    source_id: str
    status: str
    rule: str
    detail: str
    run_id: str | None
    last_error_kind: str | None
    last_error_message: str | None
    last_error_url: str | None
    last_error_run_id: str | None

    @property
    def run_hint(self) -> str:
        """Where the run's errors are: one SQL line anyone with the warehouse can paste."""
        run = self.last_error_run_id or self.run_id
        return f"figurewire sql \"select * from fct_fetch_errors where run_id = '{run}'\"" if run else ""

    def last_error(self) -> str:
        if not self.last_error_kind:
            return "no error recorded"
        return f"{self.last_error_kind}: {self.last_error_message} ({self.last_error_url})"

    def describe(self) -> str:
        return (f"{self.outlet} / {self.source_id}: {self.status}, rule {self.detail}; "
                f"last error {self.last_error()}; run {self.last_error_run_id or self.run_id}")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"run_hint": self.run_hint}


@dataclass
class SourceHealth:
    """One row of ``mart_scrape_health`` (level ``source``)."""

    outlet: str
    source_id: str | None
    status: str
    rules_fired: list[str]
    rule_details: list[str]
    silenced: bool
    runs: int
    failed_runs: int
    consecutive_failures: int
    last_run_id: str | None
    last_run_at: datetime | None
    last_run_status: str | None
    last_success_at: datetime | None
    last_new_article_at: datetime | None
    last_error_run_id: str | None
    last_error_kind: str | None
    last_error_http_status: int | None
    last_error_message: str | None
    last_error_url: str | None
    last_error_at: datetime | None
    runs_7d: int
    failed_runs_7d: int
    items_7d: int
    errors_7d: int
    figures_7d: int
    judged_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, list) and value and isinstance(value[0], SourceHealth):
                value = [v.to_dict() for v in value]
            out[f.name] = value
        return out


@dataclass
class OutletHealth(SourceHealth):
    """One outlet (``level = 'outlet'``): the worst status of its sources that are not silenced."""

    sources: list[SourceHealth] = field(default_factory=list)

    @property
    def alerting(self) -> bool:
        return self.status != "ok" and not self.silenced


# ---------------------------------------------------------------- rules from the sources file


def rules_from_sources(sources_path: str | Path) -> dict[str, HealthRules]:
    """Thresholds per source id (``"*"``: the defaults) from a sources file.

    ``[health]`` overrides the defaults for every source; a source's ``health = {...}`` overrides those
    for that source. A disabled source is silenced: its history stays in the warehouse, nobody is paged.
    """
    from figurewire.records import load_sources, sources_file_settings

    path = Path(sources_path)
    base = HealthRules().with_overrides(sources_file_settings(path).get("health"), f"{path} [health]")
    rules = {DEFAULTS_KEY: base}
    for source in load_sources(path, newsroom_dir=""):
        own = base.with_overrides(source.health, f"{path} source {source.id}")
        if not source.enabled:
            own = dataclasses.replace(own, silenced=1.0)
        rules[source.id] = own
    return rules


def rules_table(rules: Mapping[str, HealthRules]):
    """The rules as an Arrow table shaped like ``int_health_rules``."""
    import pyarrow as pa

    names = [f.name for f in dataclasses.fields(HealthRules)]
    ids = sorted(rules)
    columns = {"source_id": pa.array(ids, pa.string())}
    columns |= {n: pa.array([float(getattr(rules[i], n)) for i in ids], pa.float64()) for n in names}
    return pa.table(columns)


# ---------------------------------------------------------------- judging


def _model_sql(name: str) -> str:
    from warehouse.build import sql_models

    return sql_models()[name].sql


def judge(con, rules: Mapping[str, HealthRules] | None = None, now: datetime | None = None) -> list[dict]:
    """Run the health marts' SQL on ``con`` now; ``rules`` replace ``int_health_rules`` for this session.

    Rows are ``mart_scrape_health`` rows as dicts (outlets and sources). Temporary views shadow the
    stored tables, so this works on a read-only session and never changes the warehouse.
    """
    if rules is None and not con.execute(
            "select count(*) from duckdb_tables() where table_name = 'int_health_rules'").fetchall()[0][0]:
        rules = {DEFAULTS_KEY: HealthRules()}  # a warehouse built before the health models existed
    if rules is not None:
        con.register("figurewire_health_rules", rules_table(rules))
        con.execute("create or replace temp view int_health_rules as select * from figurewire_health_rules")
    if now is not None:
        con.execute("set variable health_now = $now::timestamptz", {"now": now})
    else:
        con.execute("reset variable health_now")
    con.execute(f"create or replace temp view mart_scrape_health_runs as\n{_model_sql('mart_scrape_health_runs')}")
    cursor = con.execute(f"select * from (\n{_model_sql('mart_scrape_health')}\n) order by outlet, level desc, "
                         "source_id nulls first")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _facts(row: Mapping[str, Any], cls):
    names = {f.name for f in dataclasses.fields(cls)} - {"sources"}
    return cls(**{n: row.get(n) for n in names})


def health_report(warehouse_path: str | Path, sources_path: str | Path | None = None,
                  now: datetime | None = None) -> list[OutletHealth]:
    """Every outlet with a scrape history, judged now, worst first; each carries its sources."""
    from warehouse.connection import connect_reader

    rules = rules_from_sources(sources_path) if sources_path else None
    con = connect_reader(Path(warehouse_path))
    try:
        rows = judge(con, rules, now)
    finally:
        con.close()
    outlets = {r["outlet"]: _facts(r, OutletHealth) for r in rows if r["level"] == "outlet"}
    for r in rows:
        if r["level"] == "source":
            outlets[r["outlet"]].sources.append(_facts(r, SourceHealth))
    rank = {s: i for i, s in enumerate(STATUSES)}
    return sorted(outlets.values(), key=lambda o: (-rank[o.status], o.outlet))


def alerts(report: Sequence[OutletHealth]) -> list[HealthAlert]:
    """One alert per fired rule of every source that is not silenced."""
    found = []
    for outlet in report:
        for source in outlet.sources:
            if source.silenced:
                continue
            details = dict(zip(source.rules_fired, source.rule_details, strict=True))
            for rule in source.rules_fired:
                found.append(HealthAlert(
                    outlet=outlet.outlet, source_id=source.source_id or "", status=source.status, rule=rule,
                    detail=details[rule], run_id=source.last_run_id, last_error_kind=source.last_error_kind,
                    last_error_message=source.last_error_message, last_error_url=source.last_error_url,
                    last_error_run_id=source.last_error_run_id))
    return found


def check_health(warehouse_path: str | Path, sources_path: str | Path | None = None,
                 now: datetime | None = None) -> dict:
    """The Airflow health task: the verdict as a small dict for XCom, or ``HealthCheckFailed``.

    Fails on any fired rule of a source that is not silenced (degraded and stale included), so the
    notifiers say something the day an outlet starts to slip, not only when it is dead.
    """
    report = health_report(warehouse_path, sources_path, now)
    fired = alerts(report)
    if fired:
        raise HealthCheckFailed(fired)
    return {
        "judged_at": report[0].judged_at.isoformat() if report and report[0].judged_at else None,
        "outlets": {o.outlet: {"status": o.status, "silenced": o.silenced,
                               "last_success_at": o.last_success_at.isoformat() if o.last_success_at else None}
                    for o in report},
    }


# ---------------------------------------------------------------- `figurewire health`


STATUS_STYLE = {"ok": "green", "degraded": "yellow", "stale": "magenta", "failing": "bold red"}


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


def render_table(report: Sequence[OutletHealth], console=None) -> None:
    """A colour table: one line per outlet, its sources indented below, rules and last error on each."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    table = Table(title="figurewire scrape health", show_lines=False)
    for column in ("outlet / source", "status", "rules fired", "last success", "last error"):
        table.add_column(column, overflow="fold")

    def status_cell(row: SourceHealth) -> Text:
        text = Text(row.status, style=STATUS_STYLE.get(row.status, ""))
        if row.silenced:
            text.append(" (silenced)", style="dim")
        return text

    def error_cell(row: SourceHealth) -> str:
        if not row.last_error_kind:
            return ""
        return f"{row.last_error_kind}: {row.last_error_message} [{row.last_error_url}]"

    for outlet in report:
        table.add_row(Text(outlet.outlet, style="bold"), status_cell(outlet), ", ".join(outlet.rules_fired),
                      _when(outlet.last_success_at), "")
        for source in outlet.sources:
            table.add_row(f"  {source.source_id}", status_cell(source), "\n".join(source.rule_details),
                          _when(source.last_success_at), error_cell(source))
    console.print(table)
    if not report:
        console.print("no scrape runs in the warehouse yet: run `figurewire run` first")


def report_json(report: Sequence[OutletHealth]) -> str:
    return json.dumps([o.to_dict() for o in report], ensure_ascii=False, indent=2)


def exit_code(report: Sequence[OutletHealth]) -> int:
    """1 when any outlet that is not silenced is failing (for cron and CI), else 0."""
    return int(any(o.status == "failing" and not o.silenced for o in report))


def run_health_command(warehouse_path: str | Path, sources_path: str | Path | None = None,
                       as_json: bool = False, console=None) -> int:
    """`figurewire health [--warehouse W] [--sources S] [--json]`: print the report, return the exit code
    (0 all well or only degraded/stale, 1 an outlet is failing, 2 no warehouse yet)."""
    import sys

    try:
        report = health_report(warehouse_path, sources_path)
    except FileNotFoundError as missing:
        print(f"figurewire health: {missing}", file=sys.stderr)
        return 2
    if as_json:
        print(report_json(report))
    else:
        render_table(report, console)
    return exit_code(report)
