"""Exact mart rows on the hand-written newsroom (see conftest.py for the articles and their figures)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from warehouse_newsroom import AFP_REV1, AFP_REV2, LEVANT_COPY, RT_ALEPPO, SPUTNIK_ALEPPO

from warehouse.query import run_sql


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def rows(built, sql: str, params=None) -> list[tuple]:
    return run_sql(built.warehouse, sql, params)[1]


def aleppo_event(built) -> str:
    return rows(built, "select event_id from dim_articles where article_id = $a", {"a": AFP_REV2.article_id})[0][0]


def test_the_aleppo_evacuee_key_lists_each_outlets_latest_value(built):
    got = rows(built, """
        select outlet, value, qualifier, low, high, claimant, via, first_reported_at, last_reported_at,
               reports, is_independent, copied_from_outlet
        from mart_figure_comparison
        where event_id = $e and comparison_key = 'evacuated:people@aleppo'
        order by outlet""", {"e": aleppo_event(built)})
    assert got == [
        ("AFP", 34000.0, "approx", None, None, "Ingy Sedky", "AFP",
         utc("2016-12-21T08:00:00"), utc("2016-12-22T10:00:00"), 2, True, None),
        ("Levant Post", 34000.0, "approx", None, None, "Ingy Sedky", "AFP",
         utc("2016-12-22T11:30:00"), utc("2016-12-22T11:30:00"), 1, False, "AFP"),
        ("RT", 35000.0, "more_than", 35000.0, None, "Russian Defence Ministry", None,
         utc("2016-12-22T12:00:00"), utc("2016-12-22T12:00:00"), 1, True, None),
        ("Sputnik", 25000.0, "at_least", 25000.0, None, "Centre russe pour la réconciliation", None,
         utc("2016-12-21T18:00:00"), utc("2016-12-21T18:00:00"), 1, True, None),
    ]


def test_the_aleppo_key_summary_counts_independent_outlets_only(built):
    got = rows(built, """
        select distinct outlets, independent_outlets, min_value, max_value, spread, bounds_consistent
        from mart_figure_comparison where comparison_key = 'evacuated:people@aleppo'""")
    # près de 34 000 (30 600-37 400), plus de 35 000, au moins 25 000: 35 000-37 400 satisfies all three.
    assert got == [(4, 3, 25000.0, 35000.0, 10000.0, True)]


def test_exact_figures_that_differ_have_inconsistent_bounds(built):
    got = rows(built, """
        select outlet, value, spread, bounds_consistent from mart_figure_comparison
        where comparison_key in ('sorties:sorties', 'strikes:strikes') order by comparison_key, outlet""")
    assert got == [("RT", 18800.0, 800.0, False), ("Sputnik", 18000.0, 800.0, False),
                   ("RT", 71000.0, 0.0, True), ("Sputnik", 71000.0, 0.0, True)]


def test_every_comparison_key(built):
    got = rows(built, "select comparison_key, list(outlet order by outlet) from mart_figure_comparison "
                      "group by all order by 1")
    assert got == [
        ("destroyed:camps", ["RT"]),
        ("evacuated:fighters@aleppo", ["Sputnik"]),
        ("evacuated:people@aleppo", ["AFP", "Levant Post", "RT", "Sputnik"]),
        ("killed:fighters", ["Sputnik"]),
        ("sorties:sorties", ["RT", "Sputnik"]),
        ("strikes:strikes", ["RT", "Sputnik"]),
        ("vehicles:buses@ramousseh", ["AFP", "Levant Post"]),
    ]


def test_the_syndicated_copy_is_linked_to_the_afp_original(built):
    got = rows(built, "select article_id, is_syndicated_copy, original_article_id, original_outlet, copy_similarity "
                      "from dim_articles where is_syndicated_copy")
    assert got == [(LEVANT_COPY.article_id, True, AFP_REV2.article_id, "AFP", 0.8354)]


def test_the_revised_wire_item_appears_once_in_its_latest_revision(built):
    got = rows(built, "select article_id, revision, revisions_seen, source_id from dim_articles "
                      "where story_id = $s", {"s": AFP_REV2.story_id})
    assert got == [(AFP_REV2.article_id, 2, 2, "afp-wire")]  # same id from both AFP sources: one row
    assert rows(built, "select count(*) from dim_articles") == [(6,)]


def test_two_events(built):
    got = rows(built, "select event_id = $e, list(outlet order by outlet) from dim_articles group by 1 order by 1",
               {"e": aleppo_event(built)})
    assert got == [(False, ["RT", "Sputnik"]), (True, ["AFP", "Levant Post", "RT", "Sputnik"])]


def test_the_afp_revision_is_a_timeline_not_a_conflict(built):
    got = rows(built, """
        select outlet, reported_at, revision, value, qualifier, previous_value, change, step
        from mart_figure_timeline where comparison_key = 'evacuated:people@aleppo' order by outlet, step""")
    assert got == [
        ("AFP", utc("2016-12-21T08:00:00"), 1, 25000.0, "at_least", None, None, 1),
        ("AFP", utc("2016-12-22T10:00:00"), 2, 34000.0, "approx", 25000.0, 9000.0, 2),
        ("Levant Post", utc("2016-12-22T11:30:00"), 1, 34000.0, "approx", None, None, 1),
        ("RT", utc("2016-12-22T12:00:00"), 1, 35000.0, "more_than", None, None, 1),
        ("Sputnik", utc("2016-12-21T18:00:00"), 1, 25000.0, "at_least", None, None, 1),
    ]
    # revision 1 mentions its figure in the title and the body: one step, from the first mention
    assert rows(built, "select surface from mart_figure_timeline where article_id = $a",
                {"a": AFP_REV1.article_id}) == [("au moins 25 000 personnes",)]


def test_outlet_divergence(built):
    got = rows(built, "select * from mart_outlet_divergence order by outlet")
    assert got == [
        ("AFP", 1, 1, 1.0, 0, 0, 0, 0.1333, 0.1333),
        ("Fault Gazette", 0, 0, None, 0, 0, 0, None, None),
        ("Levant Post", 0, 0, None, 0, 0, 0, None, None),
        ("RT", 3, 2, 0.6667, 2, 0, 1, 0.077, 0.1864),
        ("Sputnik", 3, 2, 0.6667, 0, 2, 1, 0.106, 0.2754),
    ]


def test_claimants_with_their_outlet_and_channel(built):
    got = rows(built, "select claimant_name, outlet, via, comparison_key, claimant_spellings, figures, values_cited "
                      "from mart_claimants where event_id = $e order by all", {"e": aleppo_event(built)})
    assert got == [
        ("Ingy Sedky", "AFP", "AFP", "evacuated:people@aleppo", ["Ingy Sedky"], 1, [34000.0]),
        ("Russian Defence Ministry", "RT", None, "evacuated:people@aleppo", ["Russian Defence Ministry"], 1, [35000.0]),
        ("Russian Reconciliation Centre", "Sputnik", None, "evacuated:fighters@aleppo",
         ["Centre russe pour la réconciliation"], 1, [4000.0]),
        ("Russian Reconciliation Centre", "Sputnik", None, "evacuated:people@aleppo",
         ["Centre russe pour la réconciliation"], 1, [25000.0]),
    ]


def test_scrape_run_facts_for_health(built):
    got = rows(built, """
        select run_id, source_id, items_scraped, articles_loaded, figures_loaded, fetch_errors, last_error_kind,
               error_ratio
        from fct_scrape_runs where source_id in ('faults', 'sputnik-fr') order by run_id, source_id""")
    assert got == [
        ("20161221T200000Z-aaaaaa", "sputnik-fr", 1, 1, 2, 0, None, 0.0),
        ("20161222T130000Z-bbbbbb", "faults", 0, 0, 0, 2, "http_error", 2 / 3),  # same time: higher error_id
        ("20161222T130000Z-bbbbbb", "sputnik-fr", 1, 1, 3, 0, None, 0.0),
    ]


def test_dim_outlet(built):
    got = rows(built, "select outlet, source_ids, runs, stories, syndicated_copies from dim_outlet order by outlet")
    assert got == [
        ("AFP", ["afp-drop", "afp-wire"], 2, 1, 0),
        ("Fault Gazette", ["faults"], 1, 0, 0),
        ("Levant Post", ["levant-post"], 1, 1, 1),
        ("RT", ["rt-en", "rt-fr"], 1, 2, 0),
        ("Sputnik", ["sputnik-fr"], 2, 2, 0),
    ]


@pytest.mark.parametrize("article", [RT_ALEPPO, SPUTNIK_ALEPPO])
def test_every_figure_traces_back_to_its_text(built, article):
    got = rows(built, "select surface, substring(v.article_text, f.start_offset + 1, f.end_offset - f.start_offset) "
                      "from fct_figures f join int_article_versions v using (article_id) where article_id = $a",
               {"a": article.article_id})
    assert got and all(surface == text for surface, text in got)
