"""`figurewire rebuild` and the maintenance reprocess over a copy of the session's real sample run.

Issue 4: a rebuild recomputes everything downstream of the raw snapshots and gives the same marts as
the incremental path; a parser change reaches history through the rebuild, ids unchanged.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from reliability_rows import all_rows, rows, scalar

from figurewire import layout as L
from figurewire import pipeline
from figurewire import rebuild as rebuilding
from figurewire.layout import DataLayout
from figurewire.records import Article
from scrapers.parsers.article_html import GenericArticleParser
from scrapers.parsers.registry import register

pytestmark = pytest.mark.e2e
MARK = "[revu] "


@register
class RetitledArticleParser(GenericArticleParser):
    """A "new version" of the page parser: same fields, titles marked, so its effect is visible."""

    VERSION = "test-2"

    def title(self, soup, ld, meta):
        found = super().title(soup, ld, meta)
        return MARK + found if found else found


@pytest.fixture
def copied_run(sample_runs, tmp_path) -> tuple[DataLayout, Path]:
    """A private copy of the session's data folder (staging, raw, warehouse) that a test may rewrite."""
    root = tmp_path / "data"
    shutil.copytree(sample_runs.data.root, root)
    data = DataLayout.at(root)
    return data, root / sample_runs.warehouse.name


def staged_articles(data: DataLayout) -> dict[str, Article]:
    return {c.article.article_id: c.article for c in rebuilding.current_copies(data).values()}


def test_rebuild_gives_exactly_the_marts_of_the_incremental_path(sample_runs, copied_run):
    data, warehouse = copied_run
    counts = pipeline.rebuild(warehouse, data.root)
    staged = staged_articles(data)
    assert counts == {
        "staged_articles": len(staged), "reparsed": len(staged), "kept_without_raw": 0, "dropped": 0,
        "figures": scalar(sample_runs.warehouse, "select count(*) from figures")[0][0], "extract_errors": 0,
        "batches_loaded": scalar(sample_runs.warehouse, "select count(*) from loaded_batches")[0][0],
        "articles_loaded": len(staged), "models_built": counts["models_built"]}
    assert counts["models_built"] >= 20
    incremental, rebuilt = all_rows(sample_runs.warehouse), all_rows(warehouse)
    assert sorted(rebuilt) == sorted(incremental)
    assert {"mart_claimants", "mart_figure_comparison", "mart_figure_timeline", "mart_outlet_divergence"} <= {
        t for t in incremental if t.startswith("mart_")}
    for table, expected in incremental.items():
        assert rebuilt[table] == expected, table
    # The crawl batches stay marked as loaded: the next incremental load has nothing to redo.
    assert pipeline.load(data, warehouse)["batches"] == 0
    derived = [p.name for p in data.staging_dir.iterdir() if p.name.endswith("-rebuild")]
    assert len(derived) == 1
    assert not (data.run_dir(derived[0]) / "rt-fr" / L.SCRAPE_RUN).exists()


def test_a_new_parser_version_reaches_history_through_rebuild_with_ids_kept(sample_runs, copied_run):
    data, warehouse = copied_run
    before = staged_articles(data)
    pages = {i for i, a in before.items() if a.parser.startswith("GenericArticleParser/")}
    assert len(pages) == 35 and len(before) == 51

    counts = rebuilding.rebuild(warehouse, data.root, page_parser="RetitledArticleParser")
    assert (counts["reparsed"], counts["dropped"], counts["kept_without_raw"]) == (51, 0, 0)

    after = {r[0]: r[1:] for r in scalar(warehouse, "select article_id, story_id, title, parser, body, content_hash "
                                                     "from articles")}
    assert set(after) == set(before)
    for article_id, old in before.items():
        story_id, title, parser, body, content_hash = after[article_id]
        assert (story_id, body) == (old.story_id, old.body)
        if article_id in pages:
            assert (title, parser) == (MARK + old.title, "RetitledArticleParser/test-2")
            assert content_hash != old.content_hash
        else:
            assert (title, parser, content_hash) == (old.title, old.parser, old.content_hash)
    # Figures were extracted again from the new text: every offset still points at its surface.
    mismatched = scalar(warehouse, """
        select count(*) from figures f join int_article_versions a using (article_id)
        where substr(a.article_text, f."start" + 1, f."end" - f."start") <> f.surface""")
    assert mismatched == [(0,)]
    shifted = scalar(warehouse, "select count(*) from figures f join articles a using (article_id) "
                                "where a.parser like 'RetitledArticleParser/%' and f.\"start\" < 7")
    assert shifted == [(0,)]
    assert rows(warehouse, "mart_outlet_divergence") == rows(sample_runs.warehouse, "mart_outlet_divergence")

    # The current parser again: back to exactly the incremental warehouse.
    pipeline.rebuild(warehouse, data.root)
    assert all_rows(warehouse) == all_rows(sample_runs.warehouse)


@pytest.mark.parametrize("damage", ["member zeroed", "file gone"])
def test_an_article_whose_raw_body_is_gone_is_kept_as_staged(sample_runs, copied_run, damage):
    data, warehouse = copied_run
    current = staged_articles(data).values()
    article = next(a for a in current if a.source_id == "levant-post")
    snapshot = rebuilding.raw_index(data)[article.raw_id]
    pack = data.root / snapshot.path
    if damage == "member zeroed":
        with pack.open("r+b") as fh:
            fh.seek(snapshot.gzip_offset)
            fh.write(bytes(snapshot.gzip_length))
        lost = 1
    else:
        pack.unlink()
        lost = sum(rebuilding.raw_index(data)[a.raw_id].path == snapshot.path for a in current if a.raw_id)
    counts = pipeline.rebuild(warehouse, data.root)
    assert 1 <= lost < 51
    assert (counts["kept_without_raw"], counts["reparsed"], counts["dropped"]) == (lost, 51 - lost, 0)
    assert all_rows(warehouse) == all_rows(sample_runs.warehouse)


def test_reprocess_one_outlet_keeps_unchanged_figures_and_the_marts(sample_runs, copied_run):
    data, warehouse = copied_run
    figures_rt_fr = scalar(sample_runs.warehouse,
                           "select count(*) from figures join articles using (article_id) where source_id = 'rt-fr'")
    counts = pipeline.reprocess(["rt-fr"], "2016-12-20", False, warehouse_path=warehouse, data_dir=data.root)
    selected = [a for a in staged_articles(data).values()
                if a.source_id == "rt-fr" and a.published_at.date().isoformat() >= "2016-12-20"]
    assert 0 < len(selected) < 8
    assert counts["selected"] == counts["reparsed"] == counts["articles_loaded"] == len(selected)
    assert counts["figures"] == counts["figures_kept"] > 0
    assert counts["figures_kept"] < figures_rt_fr[0][0]
    assert all_rows(warehouse) == all_rows(sample_runs.warehouse)
    derived = [p for p in data.staging_dir.iterdir() if p.name.endswith("-reprocess")]
    assert [sorted(q.name for q in p.iterdir()) for p in derived] == [["rt-fr"]]
    staged = (derived[0] / "rt-fr" / L.ARTICLES).read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["article_id"] for line in staged) == sorted(a.article_id for a in selected)


def test_reprocess_with_reextract_gives_the_same_rows_with_the_same_extractor(sample_runs, copied_run):
    data, warehouse = copied_run
    counts = pipeline.reprocess(None, None, True, warehouse_path=warehouse, data_dir=data.root)
    assert (counts["selected"], counts["figures_kept"], counts["dropped"]) == (51, 0, 0)
    assert all_rows(warehouse) == all_rows(sample_runs.warehouse)
