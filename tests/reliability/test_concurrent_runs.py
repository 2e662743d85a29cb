"""Two `figurewire run` processes on one data folder and warehouse at once never interleave their writes:
the second waits for the first and then finds nothing new, or, when told not to wait, refuses with a
message that names the run holding the warehouse (issue 9, concurrent runs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_rows import scalar

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import ScrapeRun
from warehouse.connection import lock_path

pytestmark = pytest.mark.e2e
FIGUREWIRE = [sys.executable, "-m", "figurewire.cli"]


def start_run(data_dir: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([*FIGUREWIRE, "run", "--data-dir", str(data_dir), "--only", "rt-fr"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200", **env})


def lock_holder(warehouse: Path) -> int | None:
    try:
        return json.loads(lock_path(warehouse).read_text() or "{}").get("pid")
    except (OSError, ValueError):
        return None


def scrape_runs(data: DataLayout) -> list[ScrapeRun]:
    return [ScrapeRun.from_dict(json.loads((b / L.SCRAPE_RUN).read_text())) for b in data.batches()]


def test_two_runs_started_together_take_turns(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    first, second = start_run(data.root), start_run(data.root)
    outputs = [p.communicate(timeout=180) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    earlier, later = sorted(scrape_runs(data), key=lambda r: r.run_id)
    assert later.started_at >= earlier.finished_at
    assert (earlier.items_scraped, later.items_scraped, later.feed_not_modified) == (8, 0, 1)
    warehouse = data.default_warehouse
    assert scalar(warehouse, "select count(*), count(distinct article_id) from articles") == [(8, 8)]
    assert scalar(warehouse, "select count(*) from scrape_runs") == [(2,)]


def test_a_run_told_not_to_wait_refuses_naming_the_running_one(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    first = start_run(data.root)
    deadline = time.monotonic() + 60
    while lock_holder(data.default_warehouse) != first.pid and time.monotonic() < deadline:
        time.sleep(0.05)
    second = start_run(data.root, FIGUREWIRE_WAREHOUSE_LOCK_WAIT="0.5")
    _, err = second.communicate(timeout=60)
    first.communicate(timeout=180)
    assert (first.returncode, second.returncode) == (0, 2)
    assert "Traceback" not in err
    last_line = err.strip().splitlines()[-1]
    assert last_line.startswith(f"figurewire: another figurewire load/build is writing "
                                f"{data.default_warehouse} (pid {first.pid} since ")
    assert "waited 0.5 s for it to finish" in last_line
    assert len(scrape_runs(data)) == 1  # the refused run crawled nothing
    assert [p.name for p in data.staging_dir.iterdir()] == [scrape_runs(data)[0].run_id]
