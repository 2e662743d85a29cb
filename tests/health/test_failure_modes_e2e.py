"""Each failure mode of the sample newsroom, through a real crawl, load and build, fires its health rule.

One newsroom server for the module. A healthy history first (a full crawl, then an incremental one that
gets 304s), then every outlet host switched into its mode at once and crawled again:
RT answers 500, Sputnik's feed is empty, the Levant Post's pages lose their layout, AFP is slow past the
source's 1 s download timeout. A second 500 crawl of RT makes it failing; a healthy one brings it back.
"""

from __future__ import annotations

import shutil
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from figurewire import health, pipeline
from figurewire.layout import DataLayout, new_run_id
from figurewire.newsroom.server import serve_newsroom

pytestmark = pytest.mark.e2e

SOURCES = """
[[source]]
id = "rt-fr"
name = "RT France"
outlet = "RT"
kind = "rss"
url = "http://rt.newsroom.test/fr/rss.xml"
language = "fr"

[[source]]
id = "sputnik-fr"
name = "Sputnik Afrique"
outlet = "Sputnik"
kind = "rss"
url = "http://sputnik.newsroom.test/fr/rss.xml"
language = "fr"

[[source]]
id = "levant-post"
name = "The Levant Post"
outlet = "Levant Post"
kind = "rss"
url = "http://levantpost.newsroom.test/feed.xml"
language = "en"

[[source]]
id = "afp-wire"
name = "AFP wire (HTTP index)"
outlet = "AFP"
kind = "newsml"
url = "http://afp.newsroom.test/wire/index.xml"
language = "fr"
download_timeout = 1.0
"""
MODES = {"rt.newsroom.test": "500", "sputnik.newsroom.test": "empty", "levantpost.newsroom.test": "layout",
         "afp.newsroom.test": "slow"}


@dataclass
class Story:
    sources: Path
    warehouse: Path
    history: list[health.OutletHealth]
    faulty: list[health.OutletHealth]
    rt_twice: list[health.OutletHealth]
    check_failure: health.HealthCheckFailed
    recovered: list[health.OutletHealth]


def _set_mode(base_url: str, host: str, mode: str) -> None:
    request = urllib.request.Request(f"{base_url}/_admin/mode?host={host}&mode={mode}", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def _run(sources: Path, data: DataLayout, warehouse: Path, base_url: str, only=None, fresh=False) -> None:
    """crawl -> extract -> load -> build, as `pipeline.run` does, against this module's newsroom."""
    if fresh:
        shutil.rmtree(data.state_dir, ignore_errors=True)
    run_id = new_run_id()
    pipeline.crawl(pipeline.resolve_sources(sources, only), data, run_id, newsroom_url=base_url)
    pipeline.extract(data, run_id)
    pipeline.load(data, warehouse)
    pipeline.build(warehouse)


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    root = tmp_path_factory.mktemp("health-modes")
    sources = root / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    data, warehouse = DataLayout.at(root / "data"), root / "data" / "figurewire.duckdb"
    with serve_newsroom() as base_url:
        _run(sources, data, warehouse, base_url, fresh=True)
        _run(sources, data, warehouse, base_url)
        history = health.health_report(warehouse, sources)
        for host, mode in MODES.items():
            _set_mode(base_url, host, mode)
        _run(sources, data, warehouse, base_url, fresh=True)
        faulty = health.health_report(warehouse, sources)
        _run(sources, data, warehouse, base_url, only=["rt-fr"])
        rt_twice = health.health_report(warehouse, sources)
        with pytest.raises(health.HealthCheckFailed) as failed:
            health.check_health(warehouse, sources)
        _set_mode(base_url, "rt.newsroom.test", "ok")
        _run(sources, data, warehouse, base_url, only=["rt-fr"])
        recovered = health.health_report(warehouse, sources)
    return Story(sources, warehouse, history, faulty, rt_twice, failed.value, recovered)


def statuses(report) -> dict[str, tuple[str, list[str]]]:
    return {o.outlet: (o.status, o.rules_fired) for o in report}


def source(report, source_id: str) -> health.SourceHealth:
    return next(s for o in report for s in o.sources if s.source_id == source_id)


def test_healthy_history_including_304_runs_is_ok(story):
    assert statuses(story.history) == {"AFP": ("ok", []), "Levant Post": ("ok", []), "RT": ("ok", []),
                                       "Sputnik": ("ok", [])}
    assert [s.runs for o in story.history for s in o.sources] == [2, 2, 2, 2]


def test_each_failure_mode_fires_its_rule(story):
    assert statuses(story.faulty) == {
        "Levant Post": ("degraded", ["error_ratio", "parse_failures", "yield_drop"]),
        "AFP": ("degraded", ["error_ratio", "timeouts"]),
        "Sputnik": ("degraded", ["min_items", "error_ratio"]),
        "RT": ("degraded", ["error_ratio"]),
    }


def test_500s_name_the_status_and_url(story):
    rt = source(story.faulty, "rt-fr")
    assert rt.rule_details == ["error_ratio: 1 of 2 URLs failed (max 25%)"]
    assert (rt.last_error_kind, rt.last_error_http_status, rt.last_error_message, rt.last_error_url) == (
        "http_error", 500, "HTTP 500 from http://rt.newsroom.test/fr/rss.xml", "http://rt.newsroom.test/fr/rss.xml")
    assert (rt.last_run_status, rt.consecutive_failures) == ("failed", 1)


def test_empty_feed_falls_below_the_trailing_median(story):
    sputnik = source(story.faulty, "sputnik-fr")
    assert sputnik.rule_details[0] == "min_items: 0 items, trailing median 7.0 (min 50%)"
    assert (sputnik.last_error_kind, sputnik.last_error_url) == ("empty_feed", "http://sputnik.newsroom.test/fr/rss.xml")


def test_changed_layout_is_parse_failures_and_a_yield_drop(story):
    levant = source(story.faulty, "levant-post")
    assert levant.rule_details[:2] == ["error_ratio: 4 of 6 URLs failed (max 25%)",
                                       "parse_failures: 4 of 4 items failed to parse (max 20%)"]
    assert levant.rule_details[2].startswith("yield_drop: 0% of parsed articles have figures, trailing median ")
    assert (levant.last_error_kind, levant.last_error_message) == ("invalid_article", "empty body")


def test_slow_site_is_timeouts(story):
    afp = source(story.faulty, "afp-wire")
    assert afp.rule_details[-1] == "timeouts: 1 timed out (max 0)"
    assert (afp.last_error_kind, afp.last_error_url) == ("timeout", "http://afp.newsroom.test/wire/index.xml")


def test_second_500_run_makes_rt_failing_and_the_command_exit_non_zero(story):
    assert statuses(story.rt_twice)["RT"] == ("failing", ["consecutive_failures", "error_ratio"])
    assert health.exit_code(story.rt_twice) == 1
    assert health.exit_code(story.faulty) == 0


def test_check_health_lists_every_fired_rule(story):
    got = {(a.outlet, a.rule) for a in story.check_failure.alerts}
    assert got == {("RT", "consecutive_failures"), ("RT", "error_ratio"), ("Sputnik", "min_items"),
                   ("Sputnik", "error_ratio"), ("Levant Post", "error_ratio"), ("Levant Post", "parse_failures"),
                   ("Levant Post", "yield_drop"), ("AFP", "error_ratio"), ("AFP", "timeouts")}
    rt = next(a for a in story.check_failure.alerts if a.rule == "consecutive_failures")
    assert rt.detail == "consecutive_failures: 2 failed runs in a row (max 1)"
    assert rt.last_error() == ("http_error: HTTP 500 from http://rt.newsroom.test/fr/rss.xml "
                               "(http://rt.newsroom.test/fr/rss.xml)")
    assert rt.last_error_run_id == source(story.rt_twice, "rt-fr").last_run_id


def test_rt_recovers_when_its_site_does(story):
    rt = source(story.recovered, "rt-fr")
    assert (rt.status, rt.rules_fired, rt.consecutive_failures, rt.runs) == ("ok", [], 0, 5)
    assert statuses(story.recovered)["RT"] == ("ok", [])
