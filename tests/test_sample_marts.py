"""The marts users query, on the real sample newsroom (crawled, extracted, loaded and built once per
session by the ``sample_runs`` fixture). Values are what the sample's outlets report (see
figurewire/newsroom/README.md): the comparison shows each outlet's latest figure, the Levant Post's
syndicated AFP copy is linked and not counted as a confirmation, and AFP's revised wire item is one
article whose revisions form a timeline."""

from __future__ import annotations

from warehouse.query import run_sql

ALEPPO = "evacuated:people@aleppo"
REVISED_TITLE = "Alep : près de 34 000 personnes évacuées, selon le CICR"


def rows(sample_runs, sql: str) -> list[tuple]:
    return run_sql(sample_runs.warehouse, sql)[1]


def test_the_aleppo_evacuee_key_lists_each_outlets_latest_value(sample_runs):
    got = rows(sample_runs, f"""
        select outlet, value, qualifier, low, high, claimant from mart_figure_comparison
        where comparison_key = '{ALEPPO}' and outlets > 1 order by outlet""")
    assert got == [
        ("AFP", 35000.0, "approx", None, None, "CICR"),
        ("Fault Gazette", 34000.0, "approx", None, None, "Comité international de la Croix-Rouge"),
        ("Levant Post", 35000.0, "more_than", 35000.0, None, "Russian Defense Ministry"),
        ("RT", 35000.0, "more_than", 35000.0, None, "Russian MoD"),
        ("Sputnik", 35000.0, "more_than", 35000.0, None, "Russian Defense Ministry"),
    ]
    summary = rows(sample_runs, f"""
        select distinct outlets, independent_outlets, min_value, max_value, spread, bounds_consistent
        from mart_figure_comparison where comparison_key = '{ALEPPO}' and outlets > 1""")
    assert summary == [(5, 5, 34000.0, 35000.0, 1000.0, True)]


def test_the_syndicated_copy_is_linked_and_not_an_independent_confirmation(sample_runs):
    copies = rows(sample_runs, """
        select outlet, comparison_key, value, copied_from_outlet from mart_figure_comparison
        where not is_independent order by all""")
    assert copies == [
        ("Levant Post", "evacuated:fighters@aleppo", 4000.0, "AFP"),
        ("Levant Post", "evacuated:people@kefraya", 1000.0, "AFP"),
        ("Levant Post", "vehicles:buses@aleppo", 10.0, "AFP"),
    ]
    fighters = rows(sample_runs, """
        select distinct outlets, independent_outlets, min_value, max_value from mart_figure_comparison
        where comparison_key = 'evacuated:fighters@aleppo'""")
    assert fighters == [(4, 3, 4000.0, 9000.0)]


def test_the_revised_wire_item_is_one_article_whose_revisions_are_a_timeline(sample_runs):
    current = rows(sample_runs, f"""
        select story_id, revision from int_articles_current where title = '{REVISED_TITLE}'""")
    assert len(current) == 1 and current[0][1] == 2
    story_id = current[0][0]
    assert rows(sample_runs, f"select count(*) from int_articles_current where story_id = '{story_id}'") == [(1,)]
    timeline = rows(sample_runs, f"""
        select revision, is_current_revision, value, qualifier from mart_figure_timeline
        where story_id = '{story_id}' and comparison_key = '{ALEPPO}' order by revision""")
    assert timeline == [(1, False, 25000.0, "approx"), (2, True, 34000.0, "approx")]


def test_every_outlet_figure_traces_to_its_sentence_and_offsets(sample_runs):
    untraceable = rows(sample_runs, """
        with texts as (
            select f.*, case when a.title <> '' then a.title || chr(10) || chr(10) || a.body else a.body end as text
            from figures f join articles a using (article_id))
        select figure_id from texts
        where substr(text, start + 1, "end" - start) <> surface
           or not (sentence_start <= start and "end" <= sentence_end)
           or position(surface in substr(text, sentence_start + 1, sentence_end - sentence_start)) = 0""")
    assert untraceable == []
    # what users see: the sentence cut from the article at those offsets holds the figure's words
    assert rows(sample_runs, """
        select count(*) from fct_figure_reports
        where sentence is null or position(surface in sentence) = 0
           or not (sentence_start_offset <= start_offset and end_offset <= sentence_end_offset)""") == [(0,)]
    assert rows(sample_runs, "select count(*) > 150 from figures") == [(True,)]


def test_a_second_run_adds_no_rows_and_fetches_no_article_again(sample_runs, newsroom_manifest):
    after_second = {t: rows(sample_runs, f"select count(*) from {t}")[0][0] for t in ("articles", "figures")}
    assert after_second == {k: sample_runs.counts_after_first[k] for k in ("articles", "figures")}
    assert sample_runs.counts_after_first["articles"] == newsroom_manifest["distinct_articles"] == 51
    new_in_second = rows(sample_runs, f"""
        select sum(articles_new), sum(items_scraped) from scrape_runs where run_id = '{sample_runs.second.run_id}'""")
    assert new_in_second == [(0, 0)]
