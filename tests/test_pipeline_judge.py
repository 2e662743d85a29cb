"""How pipeline.crawl judges a source when its crawler died: from what was staged, never the exit code."""

from __future__ import annotations

import json

from figurewire import layout as L
from figurewire import pipeline
from figurewire.layout import DataLayout
from figurewire.records import Source

SOURCE = Source(id="s1", name="S1", outlet="O", kind="rss", url="http://o.newsroom.test/rss.xml", language="fr")


def test_a_died_crawler_keeps_its_whole_lines_and_counts_them(tmp_path):
    data = DataLayout.at(tmp_path)
    batch = data.batch_dir("r1", "s1")
    batch.mkdir(parents=True)
    whole = [json.dumps({"article_id": f"a{i}"}) for i in range(3)]
    (batch / L.ARTICLES).write_text("\n".join(whole) + "\n" + '{"article_id": "a3", "bo', encoding="utf-8")

    outcome = pipeline._judge_crawl(SOURCE, data, "r1", pipeline.utc_now(), "crawler exited -9")

    assert outcome.failed and outcome.reason == "crawler exited -9"
    assert (batch / L.ARTICLES).read_text(encoding="utf-8").splitlines() == whole
    run = json.loads((batch / L.SCRAPE_RUN).read_text(encoding="utf-8"))
    assert (run["finish_reason"], run["items_scraped"], run["status"]) == ("crawler_died", 3, "failed")
    errors = [json.loads(line) for line in (batch / L.ERRORS).read_text(encoding="utf-8").splitlines()]
    assert [(e["kind"], e["message"]) for e in errors] == [("crawl_failed", "crawler exited -9")]


def test_a_finished_crawl_that_staged_nothing_from_a_delivering_source_fails(tmp_path):
    data = DataLayout.at(tmp_path)
    batch = data.batch_dir("r1", "s1")
    batch.mkdir(parents=True)
    (batch / L.SCRAPE_RUN).write_text(json.dumps({
        "run_id": "r1", "source_id": "s1", "outlet": "O", "started_at": None, "finished_at": None,
        "finish_reason": "finished", "items_scraped": 0}), encoding="utf-8")

    outcome = pipeline._judge_crawl(SOURCE, data, "r1", pipeline.utc_now(), None)

    assert outcome.failed and outcome.reason == "no items from a source that normally delivers"
    quiet = Source(**{**SOURCE.to_dict(), "expect_items": False})
    (batch / L.ERRORS).unlink()
    assert not pipeline._judge_crawl(quiet, data, "r1", pipeline.utc_now(), None).failed
