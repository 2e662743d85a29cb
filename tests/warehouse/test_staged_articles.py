"""Articles staged as Parquet beside their JSON lines: loaded from the copy only while it is current,
with the same rows as from the JSON lines; batches staged before (no copy) still load from JSON."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warehouse_newsroom import AFP_REV2, RUN_2, SPUTNIK_TALLY, stage_newsroom, write_lines

import warehouse.load as loader
from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.pipeline import extract_batch, read_records
from figurewire.records import Article
from figurewire.staged_articles import SCHEMA, current_copy, source_stamp, write_articles
from warehouse.query import run_sql

TABLES = {
    "articles": "select * from articles order by article_id",
    "figures": "select * from figures order by figure_id",
    "loaded_batches": "select batch, articles, figures from loaded_batches order by batch",
}


def copy_articles(batch) -> None:
    """What extract writes beside the JSON lines."""
    write_articles(batch / L.ARTICLES_PARQUET, read_records(batch / L.ARTICLES, Article),
                   source_stamp(batch / L.ARTICLES))


def contents(warehouse) -> dict[str, list[tuple]]:
    return {table: run_sql(warehouse, sql)[1] for table, sql in TABLES.items()}


@pytest.fixture
def statements_run(monkeypatch) -> list[str]:
    """Names of the loader's statements as they run; ``stage_articles`` is named ``stage_articles:file`` when
    the batch's rows are to come from its articles.parquet in the group's one insert."""
    names: list[str] = []
    original = loader.run_statement

    def spy(con, statement, **params):
        names.append(f"{statement}:file" if params.get("from_file") else statement)
        return original(con, statement, **params)

    monkeypatch.setattr(loader, "run_statement", spy)
    return names


def stage(tmp_path, name: str, copied=lambda batch: True) -> DataLayout:
    data = DataLayout.at(tmp_path / name)
    for batch in stage_newsroom(data):
        if copied(batch):
            copy_articles(batch)
    return data


def test_batches_with_and_without_a_parquet_copy_load_the_same_rows(tmp_path, statements_run):
    """Batches staged before extract wrote articles.parquet (a rebuild reloads them) load from their JSON
    lines; the copy gives the very same rows, types included (timestamps, lists), alone or mixed."""
    json_only = stage(tmp_path, "json", copied=lambda batch: False)
    all_copied = stage(tmp_path, "parquet")
    mixed = stage(tmp_path, "mixed", copied=lambda batch: batch.name < "m")

    counts = [loader.load_batches(data.default_warehouse, data) for data in (json_only, all_copied, mixed)]

    assert counts[0] == counts[1] == counts[2]
    assert contents(json_only.default_warehouse) == contents(all_copied.default_warehouse) \
        == contents(mixed.default_warehouse)
    with_articles = sorted(b.name for b in json_only.batches() if (b / L.ARTICLES).exists())
    copied_in_mixed = [name for name in with_articles if name < "m"]
    assert 0 < len(copied_in_mixed) < len(with_articles)
    assert statements_run.count("stage_articles:file") == len(with_articles) + len(copied_in_mixed)
    assert statements_run.count("load_staged_articles") == 2  # one insert for each load that had copies
    # an empty articles.jsonl has nothing to load (its batch stages no articles)
    with_lines = [b.name for b in json_only.batches() if (b / L.ARTICLES).exists() and (b / L.ARTICLES).stat().st_size]
    assert statements_run.count("load_articles") == len(with_lines) * 2 - len([n for n in with_lines if n < "m"])


@pytest.mark.parametrize("copied_source", ["afp-drop", "afp-wire"])
def test_an_article_two_batches_stage_keeps_the_later_batch_row_from_json_or_parquet(tmp_path, copied_source):
    """The AFP HTTP index and drop folder stage the same article in one load; afp-wire's batch comes later
    and wins, whether its rows come from the group's Parquet insert or were written from its JSON lines."""
    json_only = stage(tmp_path, "json", copied=lambda batch: False)
    mixed = stage(tmp_path, "mixed", copied=lambda batch: batch.name == copied_source)
    for data in (json_only, mixed):
        loader.load_batches(data.default_warehouse, data)

    assert contents(mixed.default_warehouse) == contents(json_only.default_warehouse)
    _, rows = run_sql(mixed.default_warehouse, "select source_id from articles where article_id = $a",
                      {"a": AFP_REV2.article_id})
    assert rows == [("afp-wire",)]


def test_an_articles_copy_broken_past_its_footer_fails_its_batch_only(staged):
    """The group's one articles insert fails on a copy whose footer reads but whose pages do not; the group
    is loaded again batch by batch, which names the broken one, and the other batches' copies load."""
    for batch in staged.data.batches():
        if (batch / L.ARTICLES).exists():
            copy_articles(batch)
    broken = staged.data.batch_dir(RUN_2, "rt-fr") / L.ARTICLES_PARQUET
    whole = bytearray(broken.read_bytes())
    body = pq.ParquetFile(broken).metadata.row_group(0).column(SCHEMA.names.index("body"))
    assert body.path_in_schema == "body"
    end = (body.dictionary_page_offset or body.data_page_offset) + body.total_compressed_size
    whole[end - 12:end - 2] = b"\xff" * 10
    broken.write_bytes(bytes(whole))
    assert current_copy(broken, broken.with_name(L.ARTICLES)) is not None

    with pytest.raises(loader.LoadFailed) as failed:
        loader.load_batches(staged.warehouse, staged.data)

    assert list(failed.value.failures) == [f"{RUN_2}/rt-fr"]
    _, rows = run_sql(staged.warehouse, "select source_id, count(*) from articles group by 1 order by 1")
    assert "rt-fr" not in dict(rows) and dict(rows)["sputnik-fr"] == 2


def test_a_copy_older_than_its_json_lines_is_not_used(staged, statements_run):
    """A batch re-staged after extract (``figurewire rebuild`` rewrites the JSON lines): the copy no longer
    matches them, so the loader reads the JSON lines and the re-staged text lands."""
    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    copy_articles(batch)
    assert current_copy(batch / L.ARTICLES_PARQUET, batch / L.ARTICLES) is not None
    write_lines(batch / L.ARTICLES, [dataclasses.replace(SPUTNIK_TALLY, title="Re-parsed title")])
    assert current_copy(batch / L.ARTICLES_PARQUET, batch / L.ARTICLES) is None

    loader.load_batches(staged.warehouse, staged.data)

    _, rows = run_sql(staged.warehouse, "select title from articles where article_id = $a",
                      {"a": SPUTNIK_TALLY.article_id})
    assert rows == [("Re-parsed title",)]
    assert "load_articles_parquet" not in statements_run


def test_an_article_staged_twice_is_copied_once_with_its_last_line(staged):
    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    write_lines(batch / L.ARTICLES, [dataclasses.replace(SPUTNIK_TALLY, title="First"), SPUTNIK_TALLY])
    copy_articles(batch)
    assert pq.read_table(batch / L.ARTICLES_PARQUET).column("title").to_pylist() == [SPUTNIK_TALLY.title]

    loader.load_batches(staged.warehouse, staged.data)

    _, rows = run_sql(staged.warehouse, "select title from articles where article_id = $a",
                      {"a": SPUTNIK_TALLY.article_id})
    assert rows == [(SPUTNIK_TALLY.title,)]


def test_a_copy_that_repeats_an_article_sends_the_loader_back_to_the_json_lines(staged, statements_run):
    """Extract never writes one, but a hand-made copy could: the JSON lines, whose last line wins, decide."""
    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    copy_articles(batch)
    table = pq.read_table(batch / L.ARTICLES_PARQUET)
    pq.write_table(pa.concat_tables([table, table]).replace_schema_metadata(table.schema.metadata),
                   batch / L.ARTICLES_PARQUET)
    assert current_copy(batch / L.ARTICLES_PARQUET, batch / L.ARTICLES) is not None

    counts = loader.load_batches(staged.warehouse, staged.data)

    assert "stage_article_ids" in statements_run and "load_articles_parquet" not in statements_run
    _, rows = run_sql(staged.warehouse, "select count(*) from articles where article_id = $a",
                      {"a": SPUTNIK_TALLY.article_id})
    assert rows == [(1,)]
    assert counts["articles"] == 8


def test_extract_writes_a_current_copy_of_the_batch_articles(staged):
    batch = staged.data.batch_dir(RUN_2, "sputnik-fr")
    extract_batch(batch, RUN_2)
    copy = current_copy(batch / L.ARTICLES_PARQUET, batch / L.ARTICLES)
    assert copy is not None
    written = pq.read_table(copy).to_pylist()
    assert [Article(**row) for row in written] == list(read_records(batch / L.ARTICLES, Article))
