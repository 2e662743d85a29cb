"""`FIGUREWIRE_NEWSROOM_MODES` switches the newsroom that `figurewire run` serves itself into failure modes."""

from __future__ import annotations

import json
import urllib.request

import pytest

from figurewire.newsroom.server import MODES_ENV, modes_from_env, serve_newsroom


def test_modes_from_the_environment_and_arguments(monkeypatch):
    monkeypatch.setenv(MODES_ENV, "rt.newsroom.test=500, sputnik=empty")
    with serve_newsroom(modes={"levantpost.newsroom.test": "layout"}) as base_url:
        with urllib.request.urlopen(f"{base_url}/_admin/mode", timeout=10) as response:
            modes = json.loads(response.read())["modes"]
    assert modes == {"rt.newsroom.test": "500", "sputnik.newsroom.test": "empty",
                     "levantpost.newsroom.test": "layout"}


def test_unset_means_no_mode_and_bad_values_are_refused():
    assert modes_from_env({}) == {}
    with pytest.raises(ValueError, match="FIGUREWIRE_NEWSROOM_MODES wants HOST=MODE.*got 'rt=down'"):
        modes_from_env({MODES_ENV: "rt=down"})
