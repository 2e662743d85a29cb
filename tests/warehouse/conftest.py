"""Fixtures over the hand-written newsroom of ``warehouse_newsroom.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from warehouse_newsroom import stage_newsroom

from figurewire.layout import DataLayout


@dataclass
class Staged:
    data: DataLayout
    warehouse: Path


@pytest.fixture
def staged(tmp_path) -> Staged:
    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data)
    return Staged(data=data, warehouse=data.default_warehouse)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Staged:
    """The hand-written newsroom loaded and built once for the mart tests."""
    from warehouse.build import build_models
    from warehouse.load import load_batches

    data = DataLayout.at(tmp_path_factory.mktemp("built") / "data")
    stage_newsroom(data)
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    return Staged(data=data, warehouse=data.default_warehouse)
