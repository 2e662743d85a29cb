"""Loading staged batches: bulk, idempotent, a broken batch fails alone, figures replaced on re-extraction."""

from __future__ import annotations

import json

import pytest
from warehouse_newsroom import AFP_REV2, FIGURES, RUN_2, SPUTNIK_TALLY, stage_newsroom

from figurewire import layout as L
from figurewire.staged_figures import write_figures
from warehouse.load import LoadFailed, load_batches
from warehouse.query import run_sql

FIRST_LOAD = {"articles": 8, "figures": 17, "fetch_errors": 2, "raw_snapshots": 8, "scrape_runs": 9, "batches": 9}


def load_failing_only(staged, source_id: str) -> LoadFailed:
    """Load every staged batch and expect RUN_2's ``source_id`` to be the one that fails, the 8 others loaded."""
    with pytest.raises(LoadFailed) as failed:
        load_batches(staged.warehouse, staged.data)
    assert list(failed.value.failures) == [f"{RUN_2}/{source_id}"]
    assert failed.value.counts["batches"] == 8
    return failed.value


def counts(warehouse) -> dict[str, int]:
    tables = ("articles", "figures", "fetch_errors", "raw_snapshots", "scrape_runs", "loaded_batches")
    return {t: run_sql(warehouse, f"select count(*) from {t}")[1][0][0] for t in tables}


def test_first_load_writes_every_staged_row(staged):
    assert load_batches(staged.warehouse, staged.data) == FIRST_LOAD
    # AFP revision 2 came from the HTTP index and the drop folder: one article row.
    assert counts(staged.warehouse) == {"articles": 7, "figures": 15, "fetch_errors": 2, "raw_snapshots": 8,
                                        "scrape_runs": 9, "loaded_batches": 9}


def test_loading_the_same_batches_twice_changes_nothing(staged):
    load_batches(staged.warehouse, staged.data)
    before = counts(staged.warehouse)
    assert load_batches(staged.warehouse, staged.data) == dict.fromkeys(FIRST_LOAD, 0)
    for batch in staged.data.batches():
        (batch / L.SCRAPE_RUN).touch()  # re-staged: loaded again, still no duplicates
    assert load_batches(staged.warehouse, staged.data)["batches"] == 9
    assert counts(staged.warehouse) == before


def test_timestamps_lists_and_maps_arrive_typed(staged):
    load_batches(staged.warehouse, staged.data)
    _, rows = run_sql(staged.warehouse,
                      "select published_at, updated_at, authors, tags from articles where article_id = $a",
                      {"a": AFP_REV2.article_id})
    published, updated, authors, tags = rows[0]
    assert (published.isoformat(), updated.isoformat()) == ("2016-12-21T08:00:00+00:00", "2016-12-22T10:00:00+00:00")
    assert (authors, tags) == (["Rédaction"], ["Syrie"])
    _, rows = run_sql(staged.warehouse, "select headers['content-type'] from raw_snapshots limit 1")
    assert rows == [("text/html; charset=utf-8",)]


def test_a_re_extracted_article_has_its_figures_replaced(staged):
    load_batches(staged.warehouse, staged.data)
    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    kept = FIGURES[SPUTNIK_TALLY.article_id][:1]
    write_figures(batch / L.FIGURES, kept)
    assert load_batches(staged.warehouse, staged.data) == {
        "articles": 1, "figures": 1, "fetch_errors": 0, "raw_snapshots": 1, "scrape_runs": 1, "batches": 1}
    _, rows = run_sql(staged.warehouse, "select surface from figures where article_id = $a",
                      {"a": SPUTNIK_TALLY.article_id})
    assert rows == [("71 000 frappes",)]
    assert counts(staged.warehouse)["figures"] == 13


def test_a_broken_batch_leaves_nothing_and_the_others_load(staged):
    broken = staged.data.batch_dir(RUN_2, "rt-fr")
    whole = (broken / L.FIGURES).read_bytes()
    (broken / L.FIGURES).write_bytes(whole[: len(whole) // 2])  # cut off mid-file, footer lost
    assert "No magic bytes found at end of file" in str(load_failing_only(staged, "rt-fr"))
    _, rows = run_sql(staged.warehouse, "select count(*) from articles where source_id = 'rt-fr'")
    assert rows == [(0,)]
    _, rows = run_sql(staged.warehouse, "select count(*) from scrape_runs where source_id = 'rt-fr'")
    assert rows == [(0,)]
    _, rows = run_sql(staged.warehouse, "select batch from loaded_batches where source_id = 'rt-fr'")
    assert rows == []
    assert not (broken / L.LOADED_MARKER).exists()
    assert (staged.data.batch_dir(RUN_2, "rt-en") / L.LOADED_MARKER).read_text() == f"{RUN_2}/rt-en\n"

    (broken / L.FIGURES).write_bytes(whole)
    assert load_batches(staged.warehouse, staged.data)["batches"] == 1
    assert counts(staged.warehouse)["figures"] == 15


def test_a_batch_still_being_crawled_waits(staged):
    (staged.data.batch_dir(RUN_2, "faults") / L.SCRAPE_RUN).unlink()
    assert load_batches(staged.warehouse, staged.data)["batches"] == 8
    _, rows = run_sql(staged.warehouse, "select count(*) from fetch_errors")
    assert rows == [(0,)]


def test_a_batch_without_figures_yet_loads_its_articles_and_figures_later(tmp_path):
    from figurewire.layout import DataLayout

    data = DataLayout.at(tmp_path / "data")
    [batch] = [b for b in stage_newsroom(data, runs=("20161221T200000Z-aaaaaa",)) if b.name == "sputnik-fr"]
    figures = (batch / L.FIGURES).read_bytes()
    (batch / L.FIGURES).unlink()
    first = load_batches(data.default_warehouse, data)
    assert (first["batches"], first["articles"], first["figures"]) == (2, 2, 2)  # AFP's figures only
    (batch / L.FIGURES).write_bytes(figures)
    assert load_batches(data.default_warehouse, data) == {
        "articles": 1, "figures": 2, "fetch_errors": 0, "raw_snapshots": 1, "scrape_runs": 1, "batches": 1}
    assert json.loads((batch / L.SCRAPE_RUN).read_text())["source_id"] == "sputnik-fr"


def test_a_figures_file_staged_with_sentence_texts_loads_with_their_offsets(staged):
    """Files staged before figures kept sentence offsets copy each sentence; the loader finds it in the
    batch's article text instead, so older staged batches (a rebuild reloads them all) still load."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from figurewire.records import article_text
    from figurewire.staged_figures import holds_sentence_text

    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    figures = FIGURES[SPUTNIK_TALLY.article_id]
    text = article_text(SPUTNIK_TALLY)
    old = pq.read_table(batch / L.FIGURES).drop_columns(["sentence_start", "sentence_end"])
    old = old.append_column("sentence", pa.array([f.sentence_in(text) for f in figures]))
    pq.write_table(old, batch / L.FIGURES)
    assert holds_sentence_text(batch / L.FIGURES)

    assert load_batches(staged.warehouse, staged.data) == FIRST_LOAD
    _, rows = run_sql(staged.warehouse, "select figure_id, sentence_start, sentence_end from figures "
                      "where article_id = $a order by figure_id", {"a": SPUTNIK_TALLY.article_id})
    assert rows == sorted((f.figure_id, f.sentence_start, f.sentence_end) for f in figures)
    assert counts(staged.warehouse)["figures"] == 15


def test_batches_loaded_together_end_as_if_loaded_one_after_another(staged):
    """One transaction and one figures insert for all pending batches: an article a later batch stages
    again keeps only that batch's figures, whichever batch staged it first."""
    first = staged.data.batch_dir(RUN_2, "afp-wire")
    write_figures(first / L.FIGURES, [*FIGURES[AFP_REV2.article_id], *FIGURES[SPUTNIK_TALLY.article_id][:1]])
    load_batches(staged.warehouse, staged.data)
    # afp-drop (same article as afp-wire) and sputnik-fr (which restages the tally) come after afp-wire
    _, rows = run_sql(staged.warehouse, "select article_id, count(*), count(distinct figure_id) from figures "
                      "group by all order by all")
    assert dict((a, (n, d)) for a, n, d in rows)[SPUTNIK_TALLY.article_id] == (
        len(FIGURES[SPUTNIK_TALLY.article_id]),) * 2
    assert dict((a, (n, d)) for a, n, d in rows)[AFP_REV2.article_id] == (len(FIGURES[AFP_REV2.article_id]),) * 2
    assert counts(staged.warehouse)["figures"] == 15


def test_a_figures_file_broken_past_its_footer_fails_its_batch_only(staged):
    """The group's one figures insert fails on a file whose footer reads but whose pages do not; the
    group is loaded again batch by batch, which names the broken one."""
    import pyarrow.parquet as pq

    broken = staged.data.batch_dir(RUN_2, "rt-fr")
    whole = bytearray((broken / L.FIGURES).read_bytes())
    surface = pq.ParquetFile(broken / L.FIGURES).metadata.row_group(0).column(5)
    assert surface.path_in_schema == "surface"
    end = surface.dictionary_page_offset + surface.total_compressed_size
    whole[end - 12:end - 2] = b"\xff" * 10  # inside the surface column's compressed data: footer intact
    (broken / L.FIGURES).write_bytes(bytes(whole))
    assert "Snappy decompression failure" in str(load_failing_only(staged, "rt-fr"))
    _, rows = run_sql(staged.warehouse, "select count(*) from articles where source_id = 'rt-fr'")
    assert rows == [(0,)]
    assert counts(staged.warehouse)["loaded_batches"] == 8


def test_a_snapshot_and_an_error_two_batches_stage_keep_the_later_batch_row(staged):
    """The small files of all batches are read together; a key staged by two batches ends as the later
    batch's row, and each batch is counted for what it staged, as when batches loaded one by one."""
    earlier, later = staged.data.batch_dir(RUN_2, "afp-drop"), staged.data.batch_dir(RUN_2, "rt-en")
    snapshot = json.loads((earlier / L.RAW).read_text(encoding="utf-8").splitlines()[0])
    with (later / L.RAW).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({**snapshot, "size": 999, "source_id": "rt-en"}) + "\n")
    error = json.loads((staged.data.batch_dir(RUN_2, "faults") / L.ERRORS).read_text(encoding="utf-8").splitlines()[0])
    with (later / L.EXTRACT_ERRORS).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({**error, "message": "staged again"}) + "\n")

    assert load_batches(staged.warehouse, staged.data) == {**FIRST_LOAD, "raw_snapshots": 9, "fetch_errors": 3}

    _, rows = run_sql(staged.warehouse, "select source_id, size from raw_snapshots where raw_id = $r",
                      {"r": snapshot["raw_id"]})
    assert rows == [("rt-en", 999)]
    _, rows = run_sql(staged.warehouse, "select message from fetch_errors where error_id = $e", {"e": error["error_id"]})
    assert rows == [("staged again",)]
    _, rows = run_sql(staged.warehouse, "select source_id, raw_snapshots, fetch_errors from loaded_batches "
                      "where source_id in ('afp-drop', 'faults', 'rt-en') and run_id = $r order by 1", {"r": RUN_2})
    assert rows == [("afp-drop", 1, 0), ("faults", 0, 2), ("rt-en", 2, 1)]
    assert counts(staged.warehouse)["raw_snapshots"] == 8 and counts(staged.warehouse)["fetch_errors"] == 2


def test_a_malformed_snapshot_line_fails_its_batch_only(staged):
    broken = staged.data.batch_dir(RUN_2, "levant-post")
    with (broken / L.RAW).open("a", encoding="utf-8") as fh:
        fh.write('{"raw_id": "cut-off", "url": \n')
    load_failing_only(staged, "levant-post")
    _, rows = run_sql(staged.warehouse, "select count(*) from raw_snapshots where source_id = 'levant-post'")
    assert rows == [(0,)]
    assert counts(staged.warehouse)["raw_snapshots"] == 7 and counts(staged.warehouse)["scrape_runs"] == 8
