"""The crawl's small parts, each on exact values: failure kinds, backoff, proxy routing, validation,
incremental state, raw snapshots, hostile and broken input."""

from __future__ import annotations

import gzip
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from scrapy import Request
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet.error import ConnectionRefusedError

from figurewire.layout import DataLayout
from figurewire.records import Article, RawSnapshot, Source, utc_now
from scrapers.articles import article_problems, clean_url, later_than
from scrapers.fault_kinds import classify_failure
from scrapers.incremental import IncrementalState
from scrapers.middlewares.newsroom_proxy import NewsroomProxyMiddleware
from scrapers.middlewares.retry_backoff import RetryBackoffMiddleware
from scrapers.parsers.article_html import GenericArticleParser
from scrapers.parsers.faults import ParseFault
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.safexml import parse_xml
from scrapers.parsers.wire import story_key_of
from scrapers.staging import StagingBatch, raw_id_for, read_raw_body


@pytest.mark.parametrize(("exception", "kind"), [
    (IgnoreRequest("Forbidden by robots.txt"), "robots_disallowed"),
    (IgnoreRequest("max redirections reached"), "redirect_loop"),
    (DownloadTimeoutError("Getting http://x took longer than 2.0 seconds."), "timeout"),
    (ResponseDataLossError(), "truncated"),
    (DownloadCancelledError("Expected to receive 3145728 bytes which is larger than download max size (2097152)"),
     "too_large"),
    (ConnectionRefusedError(), "connection"),
    (FileNotFoundError("/no/such/file.xml"), "connection"),
])
def test_failures_map_to_error_kinds(exception, kind):
    assert classify_failure(exception)[0] == kind


def test_retry_backoff_doubles_up_to_the_cap():
    middleware = RetryBackoffMiddleware(crawler=None, base=0.5, cap=8.0)
    assert [middleware.delay_for(n) for n in range(7)] == [0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_newsroom_hosts_go_through_the_proxy_and_others_do_not():
    middleware = NewsroomProxyMiddleware("http://127.0.0.1:8123")
    robots = Request("http://faults.newsroom.test/robots.txt")
    elsewhere = Request("https://francais.rt.com/rss")
    for request in (robots, elsewhere):
        middleware.process_request(request)
    assert robots.meta["proxy"] == "http://127.0.0.1:8123"
    assert "proxy" not in elsewhere.meta


def test_tracking_parameters_leave_the_url():
    assert clean_url("http://rt.newsroom.test/fr/a/?utm_source=rss&utm_medium=feed") == "http://rt.newsroom.test/fr/a/"
    assert clean_url("http://x.test/p?id=3&xtor=RSS-1#top") == "http://x.test/p?id=3#top"


def test_revision_suffix_leaves_the_story_key():
    assert story_key_of("urn:newsml:afp.com:20161222:TX-PAR-HBP40:2", 2) == "urn:newsml:afp.com:20161222:TX-PAR-HBP40"
    assert story_key_of("urn:newsml:afp.com:20161222:TX-PAR-HBP40", 2) == "urn:newsml:afp.com:20161222:TX-PAR-HBP40"
    assert story_key_of("tag:x,2016:item-2", 2) == "tag:x,2016:item-2"


def test_update_time_equal_to_publication_means_no_update():
    t = datetime(2016, 12, 22, 10, tzinfo=UTC)
    assert later_than(t, t) is None
    assert later_than(t + timedelta(hours=1), t) == t + timedelta(hours=1)


def _article(**changes) -> Article:
    values = dict(article_id="a", story_id="s", revision=1, source_id="src", outlet="O", feed_kind="rss",
                  url="http://x.test/a", canonical_url=None, guid=None, title="Titre", body="Corps.",
                  summary=None, lang="fr", published_at=datetime(2016, 12, 22, tzinfo=UTC), updated_at=None)
    values.update(changes)
    return Article(**values)


def test_validation_names_every_problem():
    assert article_problems(_article(), now=utc_now()) == []
    assert article_problems(_article(title=" ", body="", published_at=None), now=utc_now()) == ["no title", "empty body",
                                                                       "no publication date"]
    future = datetime.now(UTC) + timedelta(days=400)
    assert article_problems(_article(published_at=future)) == []
    assert article_problems(_article(published_at=future), now=utc_now()) == [f"publication date in the future ({future.isoformat()})"]


def test_validators_are_kept_only_for_settled_feeds(tmp_path):
    data = DataLayout.at(tmp_path)
    state = IncrementalState(data, "src")
    state.remember("http://x.test/a", "guid-a", None)
    state.feed_fetched("http://x.test/rss", '"v1"', "Thu, 22 Dec 2016 10:00:00 GMT")
    state.feed_fetched("http://x.test/broken.xml", '"v2"', None)
    state.feed_unsettled("http://x.test/broken.xml")
    state.save()
    again = IncrementalState(data, "src")
    assert again.seen == {"http://x.test/a", "guid-a"}
    assert again.conditional_headers("http://x.test/rss") == {
        "If-None-Match": '"v1"', "If-Modified-Since": "Thu, 22 Dec 2016 10:00:00 GMT"}
    assert again.conditional_headers("http://x.test/broken.xml") == {}


def test_raw_snapshots_are_content_addressed_and_recorded_once_per_error_key(tmp_path):
    data = DataLayout.at(tmp_path)
    source = Source(id="src", name="S", outlet="O", kind="rss", url="http://x.test/rss", language="fr")
    batch = StagingBatch(data, "run", source)
    fetched = datetime(2016, 12, 22, tzinfo=UTC)
    first = batch.add_raw("http://x.test/a", 200, {"Content-Type": "text/html"}, b"<html>a</html>", fetched)
    second = batch.add_raw("http://x.test/a", 200, {"Content-Type": "text/html"}, b"<html>a</html>", fetched)
    assert first.raw_id == second.raw_id == raw_id_for("http://x.test/a", b"<html>a</html>")
    assert (second.gzip_offset, second.gzip_length) == (first.gzip_offset, first.gzip_length) == (
        0, (tmp_path / "raw/src/run.gz").stat().st_size)
    assert read_raw_body(data, first) == b"<html>a</html>"
    assert first.path == "raw/src/run.gz"
    assert batch.add_error("http://x.test/b", "fetch", "timeout", "slow") is not None
    assert batch.add_error("http://x.test/b", "fetch", "timeout", "slow again") is None
    batch.close()
    assert (data.batch_dir("run", "src") / "errors.jsonl").read_text().count("\n") == 1
    assert (data.batch_dir("run", "src") / "raw.jsonl").read_text().count("\n") == 2


def test_raw_bodies_of_a_crawl_share_one_file_that_a_retried_crawl_appends_to(tmp_path):
    data = DataLayout.at(tmp_path)
    source = Source(id="src", name="S", outlet="O", kind="rss", url="http://x.test/rss", language="fr")
    fetched = datetime(2016, 12, 22, tzinfo=UTC)
    bodies = {f"http://x.test/{i}": f"<html>{i}</html>".encode() * (i + 1) for i in range(3)}
    batch = StagingBatch(data, "run", source)
    kept = [batch.add_raw(url, 200, {}, body, fetched) for url, body in bodies.items()]
    batch.close()
    pack = tmp_path / "raw/src/run.gz"
    with pack.open("ab") as fh:  # a crawl killed mid-write leaves bytes no pointer refers to
        fh.write(b"\x1f\x8b\x08 cut short")
    again = StagingBatch(data, "run", source)
    kept.append(again.add_raw("http://x.test/late", 200, {}, b"<html>late</html>", fetched))
    again.close()
    assert [s.gzip_offset for s in kept[1:3]] == [kept[0].gzip_length, kept[0].gzip_length + kept[1].gzip_length]
    assert kept[3].gzip_offset == pack.stat().st_size - kept[3].gzip_length > sum(s.gzip_length for s in kept[:3])
    assert [read_raw_body(data, s) for s in kept] == [*bodies.values(), b"<html>late</html>"]
    assert [p.name for p in (tmp_path / "raw/src").iterdir()] == ["run.gz"]
    cut = replace(kept[3], gzip_length=kept[3].gzip_length + 1)
    with pytest.raises(EOFError, match="ends before"):
        read_raw_body(data, cut)


def test_a_snapshot_kept_before_packs_is_read_from_its_own_file(tmp_path):
    data = DataLayout.at(tmp_path)
    (tmp_path / "raw/src").mkdir(parents=True)
    (tmp_path / "raw/src/abc.gz").write_bytes(gzip.compress(b"<html>old</html>"))
    line = {"raw_id": "abc", "run_id": "r", "source_id": "src", "url": "http://x.test/old", "status": 200,
            "headers": {}, "fetched_at": "2016-12-22T00:00:00+00:00", "path": "raw/src/abc.gz", "size": 16}
    snapshot = RawSnapshot.from_dict(line)
    assert (snapshot.gzip_offset, snapshot.gzip_length) == (None, None)
    assert read_raw_body(data, snapshot) == b"<html>old</html>"


def test_entity_bomb_is_refused_before_any_expansion():
    layers = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 30))
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{layers}]><rss><channel><title>&l29;</title>' \
           "</channel></rss>"
    started = time.perf_counter()
    with pytest.raises(ParseFault) as caught:
        parse_feed(bomb.encode(), "http://x.test/bomb.xml")
    assert (caught.value.kind, caught.value.stage) == ("hostile_xml", "parse")
    assert time.perf_counter() - started < 0.5


def test_a_doctype_without_entities_is_accepted():
    root = parse_xml(b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://x.test/rss.dtd"><rss version="2.0"/>')
    assert root.tag == "rss"


def test_a_feed_of_ten_thousand_items_is_read_in_order():
    items = "".join(f"<item><title>T{i}</title><link>http://x.test/{i}</link><guid>g{i}</guid></item>"
                    for i in range(10_000))
    feed = parse_feed(f"<rss version='2.0'><channel><title>big</title>{items}</channel></rss>".encode(),
                      "http://x.test/rss")
    assert (len(feed.entries), feed.entries[0].guid, feed.entries[-1].link) == (10_000, "g0", "http://x.test/9999")


def test_nul_bytes_and_stray_invalid_utf8_do_not_cost_the_article():
    body = ("<html><head><title>t</title></head><body><article><h1>Nul\x00 titre</h1>"
            "<p>Un\x00 texte \udcff avec 1\u00a0200 bus.</p></article></body></html>").encode("utf-8", "surrogateescape")
    page = GenericArticleParser().parse(body, "http://x.test/nul", "text/html; charset=utf-8")
    assert (page.title, page.body) == ("Nul titre", "Un texte \ufffd avec 1\u00a0200 bus.")


def test_deeply_nested_html_still_yields_the_article():
    body = ("<!DOCTYPE html><html><head><title>Deep</title></head><body><article><h1>Profond</h1>"
            "<p>Premier paragraphe.</p>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 +
            "</article></body></html>").encode()
    page = GenericArticleParser().parse(body, "http://x.test/deep")
    assert (page.title, page.body) == ("Profond", "Premier paragraphe.")


def test_json_ld_that_is_not_json_is_skipped_for_the_page_metadata():
    body = ('<html lang="fr"><head><script type="application/ld+json">{"@type": "NewsArticle", oops</script>'
            '<meta property="og:title" content="Titre OG"></head><body><main><p>Texte.</p></main></body></html>')
    page = GenericArticleParser().parse(body.encode(), "http://x.test/ld")
    assert (page.title, page.body, page.lang) == ("Titre OG", "Texte.", "fr")
