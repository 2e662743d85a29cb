"""Writers take turns, readers never block a load, and a killed loader leaves no half batch."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from warehouse_newsroom import RUN_1, stage_batch, stage_newsroom

import warehouse.connection as connection
from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import Article, Figure
from figurewire.staged_figures import write_figures
from warehouse.build import build_models
from warehouse.connection import WarehouseBusy, WarehouseLocked, work_path
from warehouse.load import load_batches
from warehouse.query import run_sql


def python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


HOLD_LOCK = """
    import sys, time
    from pathlib import Path
    from warehouse.connection import writer_lock
    with writer_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
"""


def test_a_second_writer_waits_then_refuses_naming_the_holder(staged):
    holder = python(HOLD_LOCK, str(staged.warehouse), "60")
    try:
        assert holder.stdout.readline() == "locked\n"
        started = time.monotonic()
        with pytest.raises(WarehouseBusy) as busy:
            load_batches(staged.warehouse, staged.data, wait_s=0.5)
        assert time.monotonic() - started >= 0.5
        assert f"another figurewire load/build is writing {staged.warehouse} (pid {holder.pid} since" in str(busy.value)
        assert "waited 0.5 s for it to finish. Run again when it is done" in str(busy.value)
    finally:
        holder.kill()
        holder.wait()
    assert not staged.warehouse.exists()


def test_a_second_writer_waits_for_the_first_to_finish(staged):
    holder = python(HOLD_LOCK, str(staged.warehouse), "1.0")
    try:
        assert holder.stdout.readline() == "locked\n"
        started = time.monotonic()
        assert load_batches(staged.warehouse, staged.data, wait_s=30)["batches"] == 9
        assert time.monotonic() - started >= 0.5
    finally:
        holder.wait()


ANALYST = """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("select count(*) from articles").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute("select count(*) from articles").fetchone()[0], flush=True)
"""


def test_an_analyst_session_on_the_published_copy_does_not_block_a_load(tmp_path):
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data, runs=(RUN_1,))
    load_batches(data.default_warehouse, data)
    analyst = python(ANALYST, str(data.default_warehouse))
    try:
        assert analyst.stdout.readline() == "2\n"
        stage_newsroom(data)
        started = time.monotonic()
        assert load_batches(data.default_warehouse, data, wait_s=0)["batches"] == 9  # run 1 re-staged too
        build_models(data.default_warehouse, wait_s=0)
        assert time.monotonic() - started < 30
        analyst.stdin.write("again\n")
        analyst.stdin.flush()
        assert analyst.stdout.readline() == "2\n"  # the session keeps its snapshot, unbroken
    finally:
        analyst.kill()
        analyst.wait()
    assert run_sql(data.default_warehouse, "select count(*) from articles")[1] == [(7,)]


HOLD_WORK_FILE = """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
"""


def test_someone_holding_the_loader_file_gets_a_clear_message(staged, monkeypatch):
    load_batches(staged.warehouse, staged.data)
    monkeypatch.setattr(connection, "OPEN_ATTEMPTS", 3)
    monkeypatch.setattr(connection, "OPEN_BACKOFF_S", 0.05)
    intruder = python(HOLD_WORK_FILE, str(work_path(staged.warehouse)))
    try:
        assert intruder.stdout.readline() == "open\n"
        with pytest.raises(WarehouseLocked) as locked:
            load_batches(staged.warehouse, staged.data)
        message = str(locked.value)
        assert message.startswith(f"cannot write {work_path(staged.warehouse)}: another process keeps it open")
        assert "Could not set lock on file" in message and f"PID {intruder.pid}" in message
    finally:
        intruder.kill()
        intruder.wait()
    assert load_batches(staged.warehouse, staged.data)["batches"] == 0


LOADER = """
    import sys
    from pathlib import Path
    from figurewire.layout import DataLayout
    from warehouse.load import load_batches
    print("loading", flush=True)
    print(load_batches(Path(sys.argv[1]), DataLayout.at(sys.argv[2])), flush=True)
"""


def stage_big_batch(data: DataLayout, figures: int) -> None:
    """One extra batch with many figures, so a kill lands inside a load."""
    batch = data.batch_dir("20161223T000000Z-cccccc", "bulk")
    articles = [Article(article_id=f"bulk-{i}", story_id=f"bulk-{i}", revision=1, source_id="bulk", outlet="Bulk",
                        feed_kind="rss", url=f"http://bulk.test/{i}", canonical_url=None, guid=None, title="T",
                        body="B" * 40, summary=None, lang="fr", published_at=None, updated_at=None, run_id="r")
                for i in range(figures // 50)]
    stage_batch(data, "20161223T000000Z-cccccc", "faults", [])
    (data.batch_dir("20161223T000000Z-cccccc", "faults")).rename(batch)
    (batch / L.ARTICLES).write_text("".join(a.to_json() + "\n" for a in articles), encoding="utf-8")
    write_figures(batch / L.FIGURES, (
        Figure(figure_id=f"bulk-f{i}", article_id=f"bulk-{i // 50}", sentence_index=0, start=0, end=1,
               surface="T", value=float(i), qualifier="exact", low=None, high=None, counted="x",
               category="other", claimant=None, via=None, lang="fr", extractor_version="1")
        for i in range(figures)))


@pytest.mark.parametrize("kill_after_s", [0.05, 0.25, 0.6])
def test_a_loader_killed_mid_load_leaves_no_half_batch(tmp_path, kill_after_s):
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data)
    stage_big_batch(data, 200_000)
    loader = python(LOADER, str(data.default_warehouse), str(data.root))
    assert loader.stdout.readline() == "loading\n"
    time.sleep(kill_after_s)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    if data.default_warehouse.exists():
        bulk = run_sql(data.default_warehouse, "select count(*) from figures where article_id like 'bulk-%'")[1]
        assert bulk in ([(0,)], [(200_000,)])
    load_batches(data.default_warehouse, data)
    expected = {"articles": 7 + 4000, "figures": 15 + 200_000, "loaded_batches": 10, "distinct_figures": 200_015}
    _, [row] = run_sql(data.default_warehouse, "select (select count(*) from articles), (select count(*) from figures), "
                       "(select count(*) from loaded_batches), (select count(distinct figure_id) from figures)")
    assert dict(zip(expected, row, strict=True)) == expected
    markers = sorted(p.parent.name for p in data.staging_dir.glob("*/*/" + L.LOADED_MARKER))
    assert len(markers) == 10
    assert json.loads((data.batch_dir("20161223T000000Z-cccccc", "bulk") / L.SCRAPE_RUN).read_text())["run_id"]
    duckdb.connect(str(data.default_warehouse), read_only=True).close()
