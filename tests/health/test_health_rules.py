"""The health rules on hand-written histories, through the real loader, model build and SQL judgment.

Runs are hourly from 2016-12-20 06:00 UTC (hour 0) to hour 4; the check is made at hour 5.
"""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import timedelta

import pytest
from health_rows import Crawl, hour, run_id_at, sources_file, stage
from rich.console import Console

from figurewire import health
from figurewire.layout import DataLayout
from figurewire.pipeline import build, load
from warehouse.query import run_sql

NOW = hour(5)
HEALTHY = [Crawl(at=0, items=4), Crawl(at=1, items=4), Crawl(at=2, items=4)]
UNCHANGED = [Crawl(at=3, not_modified=True, requests=2), Crawl(at=4, not_modified=True, requests=2)]
FEED = "http://{}.health.test/feed.xml"


def http_500(at: float, source_id: str) -> Crawl:
    return Crawl(at=at, failed=True, requests=6, retries=4,
                 errors=[("fetch", "http_error", FEED.format(source_id), 500,
                          f"HTTP 500 from {FEED.format(source_id)}")])


HISTORIES = {
    ("Steady Times", "steady"): HEALTHY + UNCHANGED,
    ("Twin News", "twin-a"): HEALTHY + UNCHANGED,
    ("Twin News", "twin-b"): [Crawl(at=h, items=10) for h in range(4)] + [Crawl(at=4, items=3)],
    ("Dead Wire", "dead"): HEALTHY + [http_500(3, "dead"), http_500(4, "dead")],
    ("Muted Radio", "muted"): HEALTHY + [http_500(3, "muted"), http_500(4, "muted")],
    ("Broken Layout", "broken"): HEALTHY + [
        Crawl(at=3, not_modified=True, requests=2),
        Crawl(at=4, items=1, with_figures=0, dropped=3, parse_failures=3, requests=6,
              errors=[("validate", "invalid_article", f"http://broken.health.test/page-{n}", None, "empty body")
                      for n in range(3)])],
    ("Slow Herald", "slowpoke"): HEALTHY + UNCHANGED[:1] + [
        Crawl(at=4, failed=True, requests=6, retries=4, timeouts=1,
              errors=[("fetch", "timeout", FEED.format("slowpoke"), None,
                       f"Getting {FEED.format('slowpoke')} took longer than 1.0 seconds.")])],
    ("Back Again", "recovered"): HEALTHY + [http_500(3, "recovered"), Crawl(at=4, not_modified=True, requests=2)],
    ("Hollow Feed", "hollow"): HEALTHY + [
        Crawl(at=3, failed=True, requests=2, parse_failures=1,
              errors=[("parse", "empty_feed", FEED.format("hollow"), 200, "the feed is well-formed but has no items")]),
        Crawl(at=4, not_modified=True, requests=2)],
    ("Quiet Gazette", "quiet"): [Crawl(at=-72, items=4)] + [
        Crawl(at=h, not_modified=True, requests=2) for h in range(5)],
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("health-rules")
    data = DataLayout.at(root / "data")
    for (outlet, source_id), crawls in HISTORIES.items():
        stage(data, source_id, outlet, crawls)
    wh = root / "wh.duckdb"
    load(data, wh)
    build(wh)
    return wh


@pytest.fixture(scope="module")
def report(warehouse):
    return health.health_report(warehouse, now=NOW)


def by_source(report) -> dict[str, health.SourceHealth]:
    return {s.source_id: s for o in report for s in o.sources}


def test_sql_defaults_are_the_dataclass_defaults(warehouse):
    columns, rows = run_sql(warehouse, "select * from int_health_rules")
    assert rows == [("*", *(float(v) for v in dataclasses.astuple(health.HealthRules())))]
    assert columns[1:] == [f.name for f in dataclasses.fields(health.HealthRules)]


def test_each_outlet_gets_its_status_and_the_rules_that_fired(report):
    got = {o.outlet: (o.status, o.rules_fired) for o in report}
    assert got == {
        "Dead Wire": ("failing", ["consecutive_failures", "error_ratio"]),
        "Muted Radio": ("failing", ["consecutive_failures", "error_ratio"]),
        "Quiet Gazette": ("stale", ["stale", "feed_unchanged"]),
        "Broken Layout": ("degraded", ["error_ratio", "parse_failures", "yield_drop"]),
        "Slow Herald": ("degraded", ["error_ratio", "timeouts"]),
        "Hollow Feed": ("degraded", ["min_items"]),
        "Twin News": ("degraded", ["min_items"]),
        "Back Again": ("ok", []),
        "Steady Times": ("ok", []),
    }
    assert [o.outlet for o in report][:2] == ["Dead Wire", "Muted Radio"]  # worst first


def test_a_304_repeats_the_last_feed_that_was_read(report):
    """After a 500 the feed's last 200 was healthy; after an empty feed, the last 200 was empty."""
    sources = by_source(report)
    assert (sources["recovered"].status, sources["recovered"].consecutive_failures) == ("ok", 0)
    assert sources["hollow"].rule_details == ["min_items: 0 items, trailing median 4.0 (min 50%)"]


def test_rule_details_give_the_numbers_and_thresholds(report):
    sources = by_source(report)
    assert sources["dead"].rule_details == [
        "consecutive_failures: 2 failed runs in a row (max 1)",
        "error_ratio: 1 of 2 URLs failed (max 25%)",
    ]
    assert sources["broken"].rule_details == [
        "error_ratio: 3 of 6 URLs failed (max 25%)",
        "parse_failures: 3 of 4 items failed to parse (max 20%)",
        "yield_drop: 0% of parsed articles have figures, trailing median 100% (min 50%)",
    ]
    assert sources["twin-b"].rule_details == ["min_items: 3 items, trailing median 10.0 (min 50%)"]
    assert sources["slowpoke"].rule_details[-1] == "timeouts: 1 timed out (max 0)"
    assert sources["quiet"].rule_details == [
        "stale: no new article for 77.0 h (max 48.0 h)",
        "feed_unchanged: feed unchanged for 77.0 h (max 24.0 h)",
    ]


def test_last_error_is_the_cause_not_the_summary_and_last_success_is_kept(report):
    dead = by_source(report)["dead"]
    assert (dead.last_error_kind, dead.last_error_http_status, dead.last_error_message, dead.last_error_url,
            dead.last_error_run_id) == ("http_error", 500, "HTTP 500 from http://dead.health.test/feed.xml",
                                        "http://dead.health.test/feed.xml", run_id_at(hour(4)))
    assert dead.last_success_at == hour(2) + timedelta(seconds=50)
    assert (dead.runs, dead.failed_runs, dead.consecutive_failures, dead.last_run_status) == (5, 2, 2, "failed")
    assert (dead.runs_7d, dead.failed_runs_7d, dead.items_7d, dead.errors_7d, dead.figures_7d) == (5, 2, 12, 4, 12)


def test_an_outlet_is_as_bad_as_its_worst_source(report):
    twin = next(o for o in report if o.outlet == "Twin News")
    assert [(s.source_id, s.status) for s in twin.sources] == [("twin-a", "ok"), ("twin-b", "degraded")]
    assert twin.rule_details == ["twin-b min_items: 3 items, trailing median 10.0 (min 50%)"]


def test_per_run_series_for_the_report(warehouse):
    _, rows = run_sql(warehouse, """
        select run_number, run_status, items_seen, trailing_median_items, consecutive_failures, breaks_min_items
        from mart_scrape_health_runs where source_id = 'dead' order by run_number""")
    assert rows == [(1, "ok", 4, None, 0, False), (2, "ok", 4, 4.0, 0, False), (3, "ok", 4, 4.0, 0, False),
                    (4, "failed", None, 4.0, 1, False), (5, "failed", None, 4.0, 2, False)]
    _, rows = run_sql(warehouse, """
        select run_number, feed_not_modified, items_seen, figure_yield, trailing_median_yield, breaks_yield_drop
        from mart_scrape_health_runs where source_id = 'broken' order by run_number""")
    assert rows == [(1, False, 4, 1.0, None, False), (2, False, 4, 1.0, 1.0, False), (3, False, 4, 1.0, 1.0, False),
                    (4, True, None, None, 1.0, False), (5, False, 4, 0.0, 1.0, True)]


def test_the_stored_mart_was_judged_at_build_time(warehouse):
    """Built long after these 2016 runs: every outlet is stale, the dead ones failing."""
    _, rows = run_sql(warehouse, "select outlet, status from mart_scrape_health where level = 'outlet' order by 1")
    assert rows == [("Back Again", "stale"), ("Broken Layout", "stale"), ("Dead Wire", "failing"),
                    ("Hollow Feed", "stale"), ("Muted Radio", "failing"),
                    ("Quiet Gazette", "stale"), ("Slow Herald", "stale"), ("Steady Times", "stale"),
                    ("Twin News", "stale")]


@pytest.fixture(scope="module")
def tuned_sources(tmp_path_factory):
    entries = {sid: (outlet, FEED.format(sid)) for (outlet, sid) in HISTORIES}
    return sources_file(
        tmp_path_factory.mktemp("rules") / "sources.toml", entries,
        health="max_error_ratio = 0.6\nmax_unchanged_hours = 100",
        per_source={"twin-b": "min_items_ratio = 0.2", "muted": "silenced = 1", "slowpoke": "max_timeouts = -1"},
        disabled=("quiet",))


def test_the_sources_file_tunes_silences_and_switches_rules_off(warehouse, tuned_sources):
    report = health.health_report(warehouse, tuned_sources, now=NOW)
    got = {s.source_id: (s.status, s.rules_fired, s.silenced) for s in by_source(report).values()}
    assert got == {
        "dead": ("failing", ["consecutive_failures"], False),
        "muted": ("failing", ["consecutive_failures"], True),
        "quiet": ("stale", ["stale"], True),
        "broken": ("degraded", ["parse_failures", "yield_drop"], False),
        "slowpoke": ("ok", [], False),
        "twin-a": ("ok", [], False),
        "twin-b": ("ok", [], False),
        "steady": ("ok", [], False),
        "recovered": ("ok", [], False),
        "hollow": ("degraded", ["min_items"], False),
    }
    assert health.exit_code(report) == 1


def test_check_health_raises_with_outlet_rule_last_error_and_run(warehouse, tuned_sources):
    with pytest.raises(health.HealthCheckFailed) as failed:
        health.check_health(warehouse, tuned_sources, now=NOW)
    alerts = failed.value.alerts
    assert [(a.outlet, a.source_id, a.rule) for a in alerts] == [
        ("Dead Wire", "dead", "consecutive_failures"),
        ("Broken Layout", "broken", "parse_failures"), ("Broken Layout", "broken", "yield_drop"),
        ("Hollow Feed", "hollow", "min_items")]
    message = str(failed.value)
    assert message.splitlines()[0] == "health rules fired for 3 outlet(s): Broken Layout, Dead Wire, Hollow Feed"
    assert message.splitlines()[1] == (
        "- Dead Wire / dead: failing, rule consecutive_failures: 2 failed runs in a row (max 1); last error "
        "http_error: HTTP 500 from http://dead.health.test/feed.xml (http://dead.health.test/feed.xml); "
        f"run {run_id_at(hour(4))}")
    assert alerts[0].run_hint == (
        f"figurewire sql \"select * from fct_fetch_errors where run_id = '{run_id_at(hour(4))}'\"")


def test_check_health_passes_when_every_unwell_source_is_silenced(warehouse, tmp_path):
    entries = {sid: (outlet, FEED.format(sid)) for (outlet, sid) in HISTORIES}
    quiet_all = sources_file(tmp_path / "s.toml", entries,
                             per_source={sid: "silenced = 1" for sid in entries if sid not in ("steady", "twin-a")})
    verdict = health.check_health(warehouse, quiet_all, now=NOW)
    assert verdict["outlets"]["Steady Times"] == {"status": "ok", "silenced": False,
                                                  "last_success_at": "2016-12-20T10:00:50+00:00"}
    assert verdict["outlets"]["Dead Wire"]["silenced"] is True
    assert verdict["outlets"]["Twin News"]["status"] == "ok"  # the silenced twin-b does not count
    assert json.loads(json.dumps(verdict)) == verdict


def test_unknown_health_settings_are_refused(tmp_path):
    path = sources_file(tmp_path / "s.toml", {"x": ("X", "http://x.test/")}, per_source={"x": "max_eror_ratio = 1"})
    with pytest.raises(ValueError, match="source x: unknown health setting.s. max_eror_ratio"):
        health.rules_from_sources(path)


def test_health_command_prints_a_table_or_json_and_fails_on_failing(warehouse, capsys):
    console = Console(file=io.StringIO(), record=True, width=200, color_system=None)
    assert health.run_health_command(warehouse, console=console) == 1
    text = console.export_text()
    assert "Dead Wire" in text and "failing" in text and "consecutive_failures" in text
    assert health.run_health_command(warehouse, as_json=True) == 1
    printed = json.loads(capsys.readouterr().out)
    assert {o["outlet"]: o["status"] for o in printed}["Dead Wire"] == "failing"
    assert printed[0]["sources"][0]["last_error_kind"] == "http_error"


def test_a_warehouse_built_before_the_health_models_is_judged_with_the_defaults(warehouse, tmp_path):
    import duckdb

    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:
        con.execute(f"attach '{warehouse}' as src (read_only)")
        for table in ("fct_scrape_runs", "fct_fetch_errors"):
            con.execute(f"create table {table} as select * from src.{table}")
    got = {o.outlet: (o.status, o.rules_fired) for o in health.health_report(old, now=NOW)}
    assert got["Dead Wire"] == ("failing", ["consecutive_failures", "error_ratio"])
    assert got["Steady Times"] == ("ok", [])


def test_health_command_without_a_warehouse_says_so_and_exits_2(tmp_path, capsys):
    assert health.run_health_command(tmp_path / "none.duckdb") == 2
    assert capsys.readouterr().err == (f"figurewire health: no warehouse at {tmp_path / 'none.duckdb'} yet: "
                                       "run `figurewire run` first\n")
