"""Speed work on the extractor must not change one output: every figure of every text we have, field by
field, equals the golden file written by ``make_outputs_golden`` from fx-2025.2 before any optimisation
(regenerated for fx-2025.3, whose fix of "au-delà d’…" changed no figure of these texts)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from transforms.extract import EXTRACTOR_VERSION

# loaded by path: tests/ is not a package, and this folder's own package name is ambiguous under pytest
_spec = importlib.util.spec_from_file_location("make_outputs_golden", Path(__file__).with_name("make_outputs_golden.py"))
_golden_maker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_golden_maker)
GOLDEN, outputs = _golden_maker.GOLDEN, _golden_maker.outputs


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_covers_every_text_and_is_not_empty(golden):
    assert EXTRACTOR_VERSION == "fx-2025.3"  # a new version means regenerating the golden on purpose
    assert len(golden) == 88
    assert sum(len(v) for v in golden.values()) > 1000


def test_every_figure_is_unchanged(golden):
    now = json.loads(json.dumps(outputs(), ensure_ascii=False))
    assert sorted(now) == sorted(golden)
    for name in golden:
        assert now[name] == golden[name], name
