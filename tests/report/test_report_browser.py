"""The report in headless Chromium: every chart is drawn, with one SVG mark per mart row, and no script
error or warning is raised; a screenshot is kept in the test's temporary folder. Once on the hand-written
newsroom (exact counts) and once on a real run of the sample newsroom (counts from the marts)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from report_browser import render, screenshot

from figurewire.report import write_report
from figurewire.report.data import read_report_data
from figurewire.report.page import build_page
from warehouse.query import run_sql

HAND_MARKS = {
    "chart-e1-q1-values": {"figure_band": 2, "figure_open": 2, "figure_arrow": 2, "figure_value": 4},
    "chart-e1-q1-timeline": {"revision_step": 5},
    "chart-e1-q2-values": {"figure_band": 3, "figure_open": 0, "figure_arrow": 0, "figure_value": 2},
    "chart-e1-q2-timeline": {"revision_step": 3},
    "chart-e2-q1-values": {"figure_band": 0, "figure_open": 0, "figure_arrow": 0, "figure_value": 2},
    "chart-e2-q1-timeline": {"revision_step": 2},
    "chart-e2-q2-values": {"figure_band": 0, "figure_open": 0, "figure_arrow": 0, "figure_value": 2},
    "chart-e2-q2-timeline": {"revision_step": 2},
    "chart-divergence": {"divergence_share": 20, "divergence_gap": 3},
    "chart-claimants": {"claimant_cell": 5},
    "chart-scrape-health": {"health_items": 8, "health_errors": 8, "health_status": 8},
}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def assert_drawn_without_errors(rendered, chart_count: int) -> None:
    root = rendered.root
    assert rendered.errors == "", f"the page recorded script errors:\n{rendered.errors}"
    assert root.get("data-report-errors") is None
    assert (root.get("data-charts-done"), root.get("data-charts-expected"), root.get("data-charts-drawn")) == (
        "true", str(chart_count), str(chart_count))
    assert len(rendered.drawn_charts()) == chart_count


def test_the_hand_written_newsroom_report_draws_one_mark_per_row(hand_report, chromium, tmp_path):
    rendered = render(chromium, hand_report.page, tmp_path)
    assert_drawn_without_errors(rendered, len(HAND_MARKS))
    assert {chart_id: rendered.marks(chart_id) for chart_id in rendered.drawn_charts()} == HAND_MARKS
    assert rendered.soup.title.get_text() == "figurewire: what each outlet reported"  # scraped script never ran
    folded = [d.has_attr("open") for d in rendered.soup.select("article.quantity details.fallback")]
    assert folded == [False, False, False, False]  # tables fold away once their charts are drawn
    shot = screenshot(chromium, hand_report.page, tmp_path / "report.png", tmp_path)
    assert png_size(shot) == (1366, 900) and shot.stat().st_size > 30_000


@pytest.mark.e2e
def test_the_sample_newsroom_report_draws_every_mart_row(sample_runs, chromium, tmp_path):
    page = write_report(sample_runs.warehouse, tmp_path / "report.html")
    rendered = render(chromium, page, tmp_path)
    [(compared_keys, value_rows, step_rows)] = run_sql(sample_runs.warehouse, """
        with compared as (
            select event_id, comparison_key from mart_figure_comparison group by all having count(*) >= 2
        )
        select
            (select count(*) from compared),
            (select count(*) from mart_figure_comparison join compared using (event_id, comparison_key)
             where value is not null),
            (select count(*) from mart_figure_timeline join compared using (event_id, comparison_key)
             where reported_at is not null and (value is not null or (low is not null and high is not null)))
    """)[1]
    assert compared_keys >= 10
    assert_drawn_without_errors(rendered, 2 * compared_keys + 3)
    marks = {chart_id: rendered.marks(chart_id) for chart_id in rendered.drawn_charts()}
    assert sum(m.get("figure_value", 0) for m in marks.values()) == value_rows
    assert sum(m.get("revision_step", 0) for m in marks.values()) == step_rows
    expected = {c.chart_id: c.expected_marks for c in build_page(read_report_data(sample_runs.warehouse)).charts}
    assert marks == expected
    shot = screenshot(chromium, page, tmp_path / "report.png", tmp_path)
    assert png_size(shot) == (1366, 900) and shot.stat().st_size > 30_000
