"""The hand-written newsroom (report_newsroom.py) loaded, built and reported once per session, and the
headless Chromium the browser tests drive."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from report_browser import ChromiumUnavailable, find_or_install_chromium
from report_newsroom import build_warehouse

from figurewire.layout import DataLayout
from figurewire.report import write_report


@dataclass
class WrittenReport:
    data: DataLayout
    warehouse: Path
    page: Path
    html: str

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "lxml")

    def embedded(self, element_id: str):
        return json.loads(self.soup.find(id=element_id).string)


@pytest.fixture(scope="session")
def hand_report(tmp_path_factory) -> WrittenReport:
    root = tmp_path_factory.mktemp("report-hand")
    data = build_warehouse(root)
    page = write_report(data.default_warehouse, root / "out" / "report.html")
    return WrittenReport(data, data.default_warehouse, page, page.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def chromium() -> str:
    try:
        return find_or_install_chromium()
    except ChromiumUnavailable as exc:
        pytest.skip(f"browser test skipped: {exc}")
