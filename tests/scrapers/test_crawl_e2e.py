"""End-to-end: the real crawl of the sample newsroom, checked against the newsroom's own manifest
(``figurewire/newsroom/expected.json``) with exact values. One crawl pair per session (conftest)."""

from __future__ import annotations

import gzip
from collections import Counter

import pytest

from figurewire.newsroom.server import site_dir
from figurewire.records import stable_id
from scrapers.articles import clean_url
from scrapers.staging import raw_id_for, read_raw_body

pytestmark = pytest.mark.e2e

FEED_SOURCES_WITH_VALIDATORS = ["afp-wire", "rt-fr", "rt-en", "sputnik-fr", "sputnik-sitemap", "levant-post",
                                "faults-dupguid"]


def url_of(expected: dict) -> str:
    """Manifest URLs of the drop folder carry the ``{newsroom_dir}`` placeholder of the sources file."""
    return expected["url"].format(newsroom_dir=site_dir())


def staged(sample_crawls, source_id):
    return {a.url: a for a in sample_crawls.first.batches[source_id].articles}


def test_every_source_stages_the_expected_number_of_articles(sample_crawls, newsroom_expected):
    counts = {sid: len(b.articles) for sid, b in sample_crawls.first.batches.items() if b.articles}
    assert counts == newsroom_expected["articles_per_source"]
    assert sum(counts.values()) == newsroom_expected["article_count"] == 52


def test_staged_count_equals_the_crawls_item_count(sample_crawls):
    for crawl in (sample_crawls.first, sample_crawls.second):
        for source_id, batch in crawl.batches.items():
            assert batch.run.items_scraped == len(batch.articles) == batch.run.articles_new, source_id
            assert batch.run.finish_reason == "finished", source_id
            assert batch.run.errors == len(batch.errors), source_id



@pytest.mark.parametrize("field", ["title", "lang", "published_at", "updated_at", "authors", "is_alert",
                                   "guid", "canonical_url", "revision"])
def test_article_fields_match_the_manifest(sample_crawls, newsroom_expected, field):
    mismatches = []
    for expected in newsroom_expected["articles"]:
        article = staged(sample_crawls, expected["source_id"]).get(url_of(expected))
        assert article is not None, f"{expected['source_id']}: {expected['url']} not staged"
        value = getattr(article, field)
        if field in ("published_at", "updated_at") and value is not None:
            assert value.utcoffset().total_seconds() == 0
            value = value.isoformat()
        if value != expected[field]:
            mismatches.append((url_of(expected), value, expected[field]))
    assert mismatches == []


def test_bodies_match_the_manifest(sample_crawls, newsroom_expected):
    for expected in newsroom_expected["articles"]:
        article = staged(sample_crawls, expected["source_id"])[url_of(expected)]
        paragraphs = article.body.split("\n\n")
        assert paragraphs[0] == expected["first_paragraph"], expected["url"]
        assert len(paragraphs) == expected["paragraphs"], expected["url"]


def test_ids_follow_story_key_and_revision(sample_crawls, newsroom_expected):
    for expected in newsroom_expected["articles"]:
        article = staged(sample_crawls, expected["source_id"])[url_of(expected)]
        outlet = expected["outlet"]
        assert article.story_id == stable_id(outlet, expected["story_key"])
        assert article.article_id == stable_id(outlet, expected["story_key"], expected["revision"])
        assert article.feed_kind == expected["feed_kind"]
        assert article.run_id == "run-1"


def test_same_wire_item_from_index_and_drop_folder_is_one_article(sample_crawls, newsroom_expected):
    [same] = newsroom_expected["same_item_two_sources"]
    ids = {sid: {a.article_id for a in sample_crawls.first.batches[sid].articles if a.guid and
                 a.guid.startswith(same["story_key"])} for sid in same["sources"]}
    assert ids["afp-wire"] == ids["afp-drop"] == {stable_id("AFP", same["story_key"], same["revision"])}
    all_ids = [a.article_id for b in sample_crawls.first.batches.values() for a in b.articles]
    assert len(set(all_ids)) == newsroom_expected["distinct_articles"] == 51


def test_revisions_share_a_story(sample_crawls, newsroom_expected):
    articles = [a for b in sample_crawls.first.batches.values() for a in b.articles]
    for revised in newsroom_expected["revisions"]:
        story_id = stable_id(revised["outlet"], revised["story_key"])
        assert sorted(a.revision for a in articles if a.story_id == story_id and a.source_id == "afp-wire") \
            == revised["revisions"]


def test_each_fault_is_recorded_once_with_the_right_kind(sample_crawls, newsroom_expected):
    for fault in newsroom_expected["faults"]:
        errors = [e for e in sample_crawls.first.batches[fault["source_id"]].errors if e.url == fault["url"]]
        assert [(e.kind, e.stage, e.http_status) for e in errors] == \
            [(fault["kind"], fault["stage"], fault["http_status"])], fault["url"]


def test_no_error_beyond_the_listed_faults(sample_crawls, newsroom_expected):
    expected = Counter(f["source_id"] for f in newsroom_expected["faults"])
    recorded = Counter({sid: len(b.errors) for sid, b in sample_crawls.first.batches.items() if b.errors})
    assert recorded == expected


def test_fault_source_stats(sample_crawls):
    run = sample_crawls.first.batches["faults"].run
    assert (run.robots_refused, run.timeouts, run.parse_failures, run.errors) == (1, 1, 1, 8)
    assert run.retries == 6  # 500, timeout and data loss: two retries each
    assert run.responses_5xx == 3 and run.responses_4xx == 1


def test_hostile_xml_is_refused_without_fetching_external_entities(sample_crawls):
    [error] = sample_crawls.first.batches["faults-xxe"].errors
    assert (error.kind, error.stage) == ("hostile_xml", "parse")
    assert sample_crawls.first.batches["faults-xxe"].articles == []
    assert sample_crawls.canary_hits == 0


def test_encoding_pages_decode_to_the_right_text(sample_crawls, newsroom_expected):
    faults = staged(sample_crawls, "faults")
    for page in newsroom_expected["encoding_pages"]:
        article = faults[page["url"]]
        assert (article.title, article.lang) == (page["title"], page["lang"])
        assert "\ufffd" not in article.body


def test_raw_responses_are_kept_before_parsing(sample_crawls):
    data = sample_crawls.data
    for batch in sample_crawls.first.batches.values():
        snapshots = {s.raw_id: s for s in batch.raw}
        packs = {s.path for s in batch.raw}
        assert len(packs) <= 1  # one raw file per crawl of a source
        unpacked = b"".join(gzip.decompress((data.root / p).read_bytes()) for p in packs)  # what zcat shows
        for article in batch.articles:
            snapshot = snapshots[article.raw_id]
            body = read_raw_body(data, snapshot)
            assert raw_id_for(snapshot.url, body) == article.raw_id and body in unpacked
            assert snapshot.size == len(body) and snapshot.status == 200
            assert snapshot.fetched_at.utcoffset().total_seconds() == 0


def test_first_crawl_judged_ok_for_every_source(sample_crawls):
    assert {sid: o.reason for sid, o in sample_crawls.first.outcomes.items()} == \
        {sid: "ok" for sid in sample_crawls.first.outcomes}


def test_second_crawl_fetches_no_article_page_and_gets_304_on_feeds(sample_crawls, newsroom_expected):
    second = sample_crawls.second
    assert {sid: len(b.articles) for sid, b in second.batches.items()} == {sid: 0 for sid in second.batches}
    article_urls = {url_of(a) for a in newsroom_expected["articles"]}
    fetched_again = {clean_url(s.url) for b in second.batches.values() for s in b.raw} & article_urls
    assert fetched_again == set()
    for source_id in FEED_SOURCES_WITH_VALIDATORS:
        run = second.batches[source_id].run
        assert run.feed_not_modified == 1, source_id
        assert {s.status for s in second.batches[source_id].raw if not s.url.endswith("/robots.txt")} == {304}
    assert second.batches["afp-drop"].run.articles_seen_skipped == newsroom_expected["articles_per_source"]["afp-drop"]
    assert {sid: o.reason for sid, o in second.outcomes.items()} == {sid: "ok" for sid in second.outcomes}


def test_second_crawl_retries_only_the_pages_that_failed(sample_crawls):
    """The fault feed had transient failures, so it is read again; its 3 good pages are not fetched."""
    run = sample_crawls.second.batches["faults"].run
    assert (run.feed_not_modified, run.articles_seen_skipped, run.items_scraped) == (0, 3, 0)
    assert sorted(e.kind for e in sample_crawls.second.batches["faults"].errors) == sorted(
        e.kind for e in sample_crawls.first.batches["faults"].errors)
