"""One sample newsroom per test session, and the expected-data manifest."""

from __future__ import annotations

import json

import pytest

from figurewire.newsroom.server import serve_newsroom
from figurewire.newsroom.sitegen import EXPECTED_JSON


@pytest.fixture(scope="session")
def newsroom() -> str:
    with serve_newsroom() as base:
        yield base


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
