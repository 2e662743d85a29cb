"""The report page: one self-contained HTML file (rows, chart specs, Vega, Vega-Lite and vega-embed all
inlined), so it opens from a disk, a mail attachment or an Airflow artefact without any network.

The page lays the charts out per event and quantity, with a plain HTML table of the same rows under
each chart, and records any script error or warning into ``#report-errors`` (what the browser test
reads) as well as the console.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from figurewire.report import charts
from figurewire.report.data import ReportData, Row, read_report_data

REPORT_DIR = Path(__file__).resolve().parent
VENDOR_DIR = REPORT_DIR / "vendor"
TEMPLATE = "report.html.j2"
VENDOR_SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
VENDOR_VERSIONS = {"vega": "6.4.0", "vega-lite": "6.4.1", "vega-embed": "7.3.0"}


@dataclass
class Quantity:
    """One compared quantity of one event: its rows and its two charts."""

    event_id: str
    comparison_key: str
    label: str
    rows: list[Row]
    steps: list[Row]
    values_chart: charts.ChartSpec | None = None
    timeline_chart: charts.ChartSpec | None = None

    @property
    def summary(self) -> Row:
        return self.rows[0]


@dataclass
class EventSection:
    event: Row
    compared: list[Quantity] = field(default_factory=list)
    single: list[Row] = field(default_factory=list)


@dataclass
class ReportPage:
    """Everything the template needs; ``charts`` is every chart of the page in document order."""

    data: ReportData
    events: list[EventSection]
    divergence: charts.ChartSpec | None
    claimants: charts.ChartSpec | None
    scrape_health: charts.ChartSpec | None
    charts: list[charts.ChartSpec]


def quantity_label(row: Row) -> str:
    """'evacuated: people · Aleppo' from the key's category, counted noun and place."""
    category = row.get("category") or row["comparison_key"].split(":", 1)[0]
    noun = row.get("counted_noun") or row["comparison_key"].split(":", 1)[-1].split("@", 1)[0]
    label = f"{category}: {noun}"
    if row.get("place"):
        label += f" · {row['place'].capitalize()}"
    return label


def _disagreement(rows: list[Row]) -> tuple:
    """Quantities most worth a look first: more independent outlets giving a number, then contradicting
    bounds, then a wider relative spread."""
    first = rows[0]
    valued = sum(1 for r in rows if r.get("is_independent") and r.get("value") is not None)
    top = first.get("max_value") or 0
    relative = (first.get("spread") or 0) / top if top else 0
    return (-valued, -(first.get("independent_outlets") or 0), first.get("bounds_consistent", True), -relative,
            first["comparison_key"])


def build_page(data: ReportData) -> ReportPage:
    """Group the rows by event and quantity and make every chart's spec."""
    colour = charts.outlet_scale(data)
    templates = charts.SpecTemplates()
    by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in data.comparison:
        by_key[(row["event_id"], row["comparison_key"])].append(row)
    steps: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in data.timeline:
        steps[(row["event_id"], row["comparison_key"])].append(row)
    all_charts: list[charts.ChartSpec] = []
    sections = []
    for number, event in enumerate(data.events, start=1):
        section = EventSection(event=event)
        keyed = [rows for (event_id, _), rows in by_key.items() if event_id == event["event_id"]]
        for rows in sorted(keyed, key=_disagreement):
            if len(rows) < 2:
                section.single.extend(rows)
                continue
            key = rows[0]["comparison_key"]
            quantity = Quantity(event["event_id"], key, quantity_label(rows[0]), rows,
                                steps.get((event["event_id"], key), []))
            slug = f"e{number}-q{len(section.compared) + 1}"
            quantity.values_chart = charts.figure_values_chart(templates, data, event["event_id"], key, colour,
                                                               f"chart-{slug}-values")
            quantity.timeline_chart = charts.figure_timeline_chart(templates, data, event["event_id"], key, colour,
                                                                   f"chart-{slug}-timeline")
            all_charts += [quantity.values_chart, quantity.timeline_chart]
            section.compared.append(quantity)
        section.single.sort(key=lambda r: (r["comparison_key"], r["outlet"]))
        sections.append(section)
    divergence = charts.divergence_chart(data, colour, "chart-divergence") if data.divergence else None
    claimants = charts.claimants_chart(data, "chart-claimants") if data.claimants else None
    health = charts.scrape_health_chart(data, colour, "chart-scrape-health") if data.scrape_health else None
    all_charts += [c for c in (divergence, claimants, health) if c]
    return ReportPage(data, sections, divergence, claimants, health, all_charts)


# ---------------------------------------------------------------- formatting for the tables


def fmt_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u202f")


def fmt_share(value: Any) -> str:
    return "" if value is None else f"{value:.0%}"


def fmt_time(value: Any) -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value).astimezone(UTC)
    return f"{moment:%d %b %Y %H:%M} UTC"


def fmt_interval(row: Row) -> str:
    low, high = row.get("lower_bound"), row.get("upper_bound")
    if low is None and high is None:
        return "open"
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low) if low is not None else '…'} – {fmt_number(high) if high is not None else '…'}"


def _json_for_script(value: Any) -> Markup:
    """JSON that cannot close its <script> element nor open a comment, whatever scraped text it holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _vendor_script(name: str) -> Markup:
    text = (VENDOR_DIR / name).read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL="))
    if "</script" in text.lower():
        raise ValueError(f"{name} contains '</script' and cannot be inlined as is")
    return Markup(text)


def render_page(page: ReportPage, warehouse_path: Path, generated_at: datetime | None = None) -> str:
    env = Environment(loader=FileSystemLoader(REPORT_DIR), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=fmt_number, share=fmt_share, when=fmt_time, interval=fmt_interval)
    generated_at = generated_at or datetime.now(UTC)
    specs = [{"id": c.chart_id, "datasets": list(c.datasets), "spec": c.spec} for c in page.charts]
    return env.get_template(TEMPLATE).render(
        page=page,
        warehouse_name=Path(warehouse_path).name,
        generated_at=f"{generated_at.astimezone(UTC):%d %b %Y %H:%M} UTC",
        data_json=_json_for_script(page.data.as_json()),
        specs_json=_json_for_script(specs),
        vendor_scripts=[_vendor_script(name) for name in VENDOR_SCRIPTS],
        vendor_versions=VENDOR_VERSIONS,
        qualifier_signs=charts.QUALIFIER_SIGNS,
    )


def write_report(warehouse_path: str | Path, out_path: str | Path) -> Path:
    """Write the report of the warehouse's marts to ``out_path`` (replaced atomically) and return it."""
    warehouse_path, out_path = Path(warehouse_path), Path(out_path)
    html = render_page(build_page(read_report_data(warehouse_path)), warehouse_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out_path)
    return out_path
