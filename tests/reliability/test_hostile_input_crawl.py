"""Hostile and broken input through a real `figurewire run` (Scrapy over HTTP, extract, DuckDB load, build).

Each bad page or feed is recorded once, with the right kind, and the rest of the run lands intact
(issue 9). The site is ``hostile_site.py``, served on loopback for the session.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hostile_site import HUGE_PATH, SQL_BODY, SQL_TITLE, TEN_THOUSAND
from reliability_rows import scalar

from figurewire import layout as L

pytestmark = pytest.mark.e2e

FEED_DATE = datetime(2016, 12, 22, 10, tzinfo=UTC)
EXPECTED_PAGES = {
    "/pages/normale.html": ("Page normale", "Le convoi de secours est arrivé dans la matinée."),
    "/pages/utf8-invalide.html": ("Octets invalides", "Texte avant \ufffd\ufffd puis fin."),
    "/pages/octets-nuls.html": ("Titre nul", "Un texte avec des octets nuls."),
    "/pages/imbrication.html": ("Profond", "Premier paragraphe."),
    "/pages/json-ld-casse.html": ("Titre visible", "Le texte reste lisible."),
    "/pages/avant-1900.html": ("La Commune", "Un texte daté de 1871."),
    "/pages/texte-sql.html": (SQL_TITLE, SQL_BODY),
}


def by_path(run, articles):
    return {a.url.removeprefix(run.base_url): a for a in articles}


def test_every_usable_page_is_staged_with_its_exact_text(hostile_run):
    staged = by_path(hostile_run, hostile_run.staged("hostile"))
    assert {p: (a.title, a.body) for p, a in staged.items()} == EXPECTED_PAGES


def test_each_bad_page_is_recorded_once_with_its_kind(hostile_run):
    errors = sorted((e.url.removeprefix(hostile_run.base_url), e.stage, e.kind, e.http_status)
                    for e in hostile_run.errors("hostile"))
    assert errors == [
        ("/pages/avant-1900-seule.html", "validate", "invalid_article", None),
        (HUGE_PATH, "fetch", "too_large", None),
        ("/pages/futur-lointain.html", "validate", "invalid_article", None),
    ]
    messages = {e.url.removeprefix(hostile_run.base_url): e.message for e in hostile_run.errors("hostile")}
    assert messages["/pages/futur-lointain.html"] == "publication date in the future (2999-01-01T00:00:00+00:00)"
    assert messages["/pages/avant-1900-seule.html"] == "no publication date"
    assert "Expected to receive 52428800 bytes" in messages[HUGE_PATH]


def test_a_date_before_1900_gives_way_to_the_feeds_date(hostile_run):
    staged = by_path(hostile_run, hostile_run.staged("hostile"))
    assert staged["/pages/avant-1900.html"].published_at == FEED_DATE


def test_the_50_mb_page_was_never_kept(hostile_run):
    huge = hostile_run.base_url + HUGE_PATH
    assert scalar(hostile_run.warehouse, "select count(*) from raw_snapshots where url = ?", [huge]) == [(0,)]
    sizes = scalar(hostile_run.warehouse, "select max(size), count(*) from raw_snapshots")
    assert sizes[0][0] < 2 * 1024 * 1024
    assert sizes[0][1] == 13  # one robots.txt (the 3 crawlers got the same 404: one raw id), 3 feeds, 9 pages


def test_ten_thousand_items_are_all_staged_and_loaded(hostile_run):
    staged = hostile_run.staged("hostile-10k")
    assert len(staged) == TEN_THOUSAND == hostile_run.scrape_run("hostile-10k").items_scraped
    assert len({a.article_id for a in staged}) == TEN_THOUSAND
    assert (staged[0].guid, staged[-1].guid) == ("d0", "d9999")
    assert scalar(hostile_run.warehouse, "select count(*), count(distinct article_id) from articles "
                                         "where source_id = 'hostile-10k'") == [(TEN_THOUSAND, TEN_THOUSAND)]


def test_sql_looking_text_and_quotes_are_stored_verbatim(hostile_run):
    url = hostile_run.base_url + "/pages/texte-sql.html"
    stored = scalar(hostile_run.warehouse, "select title, body, octet_length(encode(body)) from articles "
                                           "where url = ?", [url])
    assert stored == [(SQL_TITLE, SQL_BODY, len(SQL_BODY.encode("utf-8")))]
    assert scalar(hostile_run.warehouse, "select count(*) from articles") == [(7 + TEN_THOUSAND,)]


def test_crawl_outcomes_are_judged_from_what_was_staged(hostile_run):
    outcomes = {o.source_id: (o.failed, o.reason, o.items, o.errors) for o in hostile_run.summary.crawl}
    assert outcomes == {
        "hostile": (False, "ok", 7, 3),
        "hostile-10k": (False, "ok", TEN_THOUSAND, 0),
        "hostile-gone": (True, "no items from a source that normally delivers", 0, 2),
    }
    for source_id in outcomes:
        staged = (hostile_run.data.batch_dir(hostile_run.summary.run_id, source_id) / L.ARTICLES)
        lines = staged.read_text(encoding="utf-8").count("\n") if staged.exists() else 0
        assert lines == hostile_run.scrape_run(source_id).items_scraped
    gone = sorted((e.stage, e.kind, e.http_status) for e in hostile_run.errors("hostile-gone"))
    assert gone == [("fetch", "crawl_failed", None), ("fetch", "http_error", 404)]


def test_the_warehouse_shows_the_failed_source_and_the_others_intact(hostile_run):
    runs = scalar(hostile_run.warehouse, "select source_id, run_status, items_scraped, fetch_errors, "
                                         "articles_loaded from fct_scrape_runs order by source_id")
    assert runs == [("hostile", "ok", 7, 3, 7), ("hostile-10k", "ok", TEN_THOUSAND, 0, TEN_THOUSAND),
                    ("hostile-gone", "failed", 0, 2, 0)]
    assert scalar(hostile_run.warehouse, "select count(*) from fetch_errors") == [(5,)]
