"""Every stored fixture parses to exactly its expected JSON (feeds, wire items, sitemaps, pages)."""

from __future__ import annotations

import pytest
from scraper_fixture_cases import cases, load_spec, outcome

CASES = cases()


def test_every_feed_kind_and_page_style_has_fixtures():
    folders = {inp.parent.name for inp, _ in CASES}
    assert folders == {"feeds", "wire", "sitemaps", "pages"}
    assert len(CASES) == 16


@pytest.mark.parametrize(("input_path", "expected_path"), CASES,
                         ids=[f"{i.parent.name}/{i.name}" for i, _ in CASES])
def test_fixture_parses_to_expected_json(input_path, expected_path):
    spec = load_spec(expected_path)
    expected = {k: spec[k] for k in ("result", "fault") if k in spec}
    assert outcome(input_path, spec) == expected
