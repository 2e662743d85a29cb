"""Extraction split between child processes writes exactly the figures one process writes."""

from __future__ import annotations

import shutil

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.staged_figures import read_figures


def _figures_by_batch(data: DataLayout, run_id: str) -> dict[str, list | None]:
    """Each batch's figures; None for a batch without a figures file, which must be one without articles."""
    found = {}
    for batch in sorted(b for b in data.run_dir(run_id).iterdir() if b.is_dir()):
        staged = (batch / L.ARTICLES).exists() and (batch / L.ARTICLES).stat().st_size > 0
        assert (batch / L.FIGURES).exists() == staged, batch.name
        found[batch.name] = read_figures(batch / L.FIGURES) if staged else None
    return found


def test_two_extract_children_write_what_one_process_writes(sample_runs, tmp_path, monkeypatch):
    run_id = sample_runs.first.run_id
    one, two = DataLayout.at(tmp_path / "one"), DataLayout.at(tmp_path / "two")
    for data in (one, two):
        shutil.copytree(sample_runs.data.run_dir(run_id), data.run_dir(run_id))
        for batch in data.run_dir(run_id).iterdir():
            if batch.is_dir():
                (batch / L.FIGURES).unlink(missing_ok=True)
    monkeypatch.setattr(pipeline, "PARALLEL_EXTRACT_BYTES", 0)  # the sample is small; split it anyway
    in_one = pipeline.extract(one, run_id, processes=1)
    in_two = pipeline.extract(two, run_id, processes=2)
    assert in_one == in_two == sample_runs.first.figures
    assert _figures_by_batch(two, run_id) == _figures_by_batch(one, run_id)
    assert None in _figures_by_batch(one, run_id).values()  # the sample has a source that stages nothing


def test_a_failing_extract_child_is_reported(tmp_path, monkeypatch):
    data = DataLayout.at(tmp_path)
    for name in ("a", "b"):
        batch = data.batch_dir("r1", name)
        batch.mkdir(parents=True)
        (batch / L.ARTICLES).write_text("{not json\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "PARALLEL_EXTRACT_BYTES", 0)
    try:
        pipeline.extract(data, "r1", processes=2)
    except RuntimeError as exc:
        assert "extract child exited 1" in str(exc) and "JSONDecodeError" in str(exc)
    else:
        raise AssertionError("a broken batch must fail the extract")
