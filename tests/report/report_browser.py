"""Headless Chromium (Debian's `chromium` package) for the report tests: installed on first use when
missing, then driven from the command line: `--dump-dom` after the page's scripts ran (virtual time lets
every promise settle before the dump), `--screenshot` for a picture. Each call gets a fresh profile and
every background network feature off, so nothing but the file itself is loaded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIRTUAL_TIME_MS = 10000
APT_ENV = {"DEBIAN_FRONTEND": "noninteractive"}


class ChromiumUnavailable(RuntimeError):
    """Chromium is missing and could not be installed here (the message says why)."""


def find_or_install_chromium() -> str:
    """The chromium binary; runs `apt-get install -y chromium` (after `apt-get update` if needed) when missing."""
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if found:
        return found
    if os.geteuid() != 0:
        raise ChromiumUnavailable("chromium is not installed and this user is not root, so the test cannot "
                                  "`apt-get install -y chromium`; install it to run the browser tests")
    if shutil.which("apt-get") is None:
        raise ChromiumUnavailable("chromium is not installed and there is no apt-get to install it with")
    env = {**os.environ, **APT_ENV}
    log = []
    for command in (["apt-get", "install", "-y", "chromium"], ["apt-get", "update"],
                    ["apt-get", "install", "-y", "chromium"]):
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        log.append(f"$ {' '.join(command)} -> {proc.returncode}\n{proc.stderr[-800:]}")
        if command[1] == "install" and proc.returncode == 0 and Path(CHROMIUM).exists():
            return CHROMIUM
    raise ChromiumUnavailable("chromium could not be installed with apt-get:\n" + "\n".join(log))


def _run(chromium: str, profile: Path, extra: list[str], url: str, timeout: float = 90) -> subprocess.CompletedProcess:
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, text=True, timeout=timeout, check=True)


def dump_dom(chromium: str, page: Path, workdir: Path) -> str:
    """The DOM after the page's scripts (and the charts they draw) have finished."""
    proc = _run(chromium, workdir / "profile-dom", [f"--virtual-time-budget={VIRTUAL_TIME_MS}", "--dump-dom"],
                page.resolve().as_uri())
    return proc.stdout


def screenshot(chromium: str, page: Path, out: Path, workdir: Path, size: tuple[int, int] = (1366, 900)) -> Path:
    _run(chromium, workdir / "profile-shot", [f"--virtual-time-budget={VIRTUAL_TIME_MS}",
                                              f"--window-size={size[0]},{size[1]}", f"--screenshot={out}"],
         page.resolve().as_uri())
    return out


@dataclass
class RenderedReport:
    """What the browser made of a report page."""

    soup: BeautifulSoup

    @property
    def root(self):
        return self.soup.find("html")

    @property
    def errors(self) -> str:
        box = self.soup.find(id="report-errors")
        return box.get_text() if box else "(no #report-errors element)"

    def drawn_charts(self) -> list[str]:
        """Ids of the chart elements that hold a rendered SVG."""
        return [el["id"] for el in self.soup.select("div.chart") if el.find("svg") is not None]

    def marks(self, chart_id: str) -> dict[str, int]:
        """Marks per named layer of one chart: Vega's SVG renderer puts a layer's marks, one element per
        datum, in a ``g.role-mark`` whose last class is ``<name>_marks`` (``<name>_<n>_marks`` in a concat)."""
        counts: dict[str, int] = {}
        for group in self.soup.find(id=chart_id).select("g.role-mark"):
            name = group["class"][-1]
            match = re.fullmatch(r"(.+?)(?:_\d+)?_marks", name)
            if match and not re.match(r"(layer|concat)_\d", name):
                counts[match.group(1)] = counts.get(match.group(1), 0) + len(group.find_all(recursive=False))
        return counts


def render(chromium: str, page: Path, workdir: Path) -> RenderedReport:
    return RenderedReport(BeautifulSoup(dump_dom(chromium, page, workdir), "lxml"))
