"""The rows the report shows, read from the marts through the ``queries/*.sql`` files in one read-only
session on the published warehouse (so a load running meanwhile neither blocks nor changes them).

Rows come back as plain JSON values (ISO 8601 UTC strings for times, seconds for durations), because
they are embedded in the page as they are and Vega-Lite reads them from there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from warehouse.connection import connect_reader

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
DATASETS = ("events", "comparison", "timeline", "divergence", "claimants", "scrape_health", "scrape_health_now")

Row = dict[str, Any]


@dataclass(frozen=True)
class ReportData:
    """One list of rows per dataset, as the query files returned them."""

    events: list[Row]
    comparison: list[Row]
    timeline: list[Row]
    divergence: list[Row]
    claimants: list[Row]
    scrape_health: list[Row]
    scrape_health_now: list[Row]

    def as_json(self) -> dict[str, list[Row]]:
        return {name: getattr(self, name) for name in DATASETS}


def json_value(value: Any) -> Any:
    """A DuckDB value as JSON: times in UTC ISO 8601, durations in seconds, NaN as null."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def query_text(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def read_report_data(warehouse_path: Path) -> ReportData:
    """Run every report query in one read-only session on the published warehouse."""
    con = connect_reader(Path(warehouse_path))
    try:
        datasets = {}
        for name in DATASETS:
            cursor = con.execute(query_text(name))
            columns = [d[0] for d in cursor.description]
            datasets[name] = [
                {column: json_value(value) for column, value in zip(columns, row, strict=True)}
                for row in cursor.fetchall()
            ]
    finally:
        con.close()
    return ReportData(**datasets)
