"""Numbered migrations are applied once, recorded, and bring an older warehouse up to date in place."""

from __future__ import annotations

import duckdb
from warehouse_newsroom import FIGURES, RT_ALEPPO

from figurewire.records import article_text
from warehouse.connection import connect_writer, work_path, writer_session
from warehouse.load import load_batches
from warehouse.migrate import apply_migrations, available_migrations
from warehouse.query import run_sql

LATEST = max(v for v, _, _ in available_migrations())


def test_migrations_are_numbered_from_one_without_gaps():
    assert [v for v, _, _ in available_migrations()] == list(range(1, LATEST + 1))
    assert LATEST >= 2


def test_migrations_are_recorded_once_each(tmp_path):
    path = tmp_path / "w.duckdb"
    with writer_session(path):
        pass
    with writer_session(path):
        pass
    columns, rows = run_sql(path, "select version, name from schema_migrations order by version")
    assert rows == [(1, "raw_tables"), (2, "batch_fingerprint"), (3, "model_inputs"), (4, "figure_sentence_offsets"),
                    (5, "article_body_zstd"), (6, "raw_snapshot_packs")]


def test_a_warehouse_at_the_previous_version_is_migrated_in_place_without_losing_rows(staged):
    """A file written at migration 1 (published by an older figurewire) holds loaded rows; the next
    load migrates it in place, keeps every row, and reloads the batches it cannot vouch for."""
    old = staged.warehouse
    old.parent.mkdir(parents=True, exist_ok=True)
    con = connect_writer(old)
    assert apply_migrations(con, target=1) == ["0001_raw_tables.sql"]
    con.execute("insert into articles (article_id, story_id, revision, source_id, outlet, title, body) "
                "values ('old-1', 'old-story', 1, 'legacy', 'Old Outlet', 'Kept', 'Loaded before 0002')")
    con.execute("insert into loaded_batches values ('legacy/run', 'legacy', 'run', 1, 0, 0, 0, 0, now())")
    con.close()
    assert not work_path(old).exists()

    counts = load_batches(old, staged.data)

    assert counts["batches"] == 9
    _, rows = run_sql(old, "select version from schema_migrations order by version")
    assert rows == [(v,) for v in range(1, LATEST + 1)]
    _, rows = run_sql(old, "select article_id, title from articles where outlet = 'Old Outlet'")
    assert rows == [("old-1", "Kept")]
    _, rows = run_sql(old, "select batch, fingerprint from loaded_batches where source_id = 'run'")
    assert rows == [("legacy/run", None)]
    _, rows = run_sql(old, "select count(*) from articles")
    assert rows == [(8,)]
    _, rows = run_sql(old, "select index_name from duckdb_indexes() where table_name = 'fetch_errors'")
    assert rows == [("fetch_errors_source_time",)]


def test_a_failing_migration_is_rolled_back_and_not_recorded(tmp_path, monkeypatch):
    import warehouse.migrate as migrate

    broken = tmp_path / "migrations"
    broken.mkdir()
    for _, _, path in available_migrations():
        (broken / path.name).write_text(path.read_text())
    (broken / f"{LATEST + 1:04d}_broken.sql").write_text("alter table articles add column extra varchar;\nselect * from nowhere;\n")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", broken)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        apply_migrations(con)
    except duckdb.CatalogException:
        pass
    else:
        raise AssertionError("the broken migration should have failed")
    assert [v for (v,) in con.execute("select version from schema_migrations order by 1").fetchall()] == list(range(1, LATEST + 1))
    assert "extra" not in [r[0] for r in con.execute("describe articles").fetchall()]
    con.close()


def test_figures_stored_with_their_sentence_text_get_its_offsets_and_lose_the_copy(tmp_path):
    """Migration 0004: the sentence of a figure loaded before it is found in its article's text (the
    occurrence that encloses the figure, even when the same sentence appears earlier) and kept as
    offsets; a figure whose sentence was never stored keeps null offsets."""
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    apply_migrations(con, target=3)
    text = article_text(RT_ALEPPO)
    fig = FIGURES[RT_ALEPPO.article_id][0]
    sentence = fig.sentence_in(text)
    repeated = sentence + " " + text  # the figure's sentence also appears before the one it was read in
    con.execute("insert into articles (article_id, story_id, revision, source_id, outlet, title, body) "
                "values ($a, 's', 1, 'rt-en', 'RT', $t, $b), ('no-sentence', 's2', 1, 'x', 'X', '', 'Plus de 5 morts')",
                {"a": RT_ALEPPO.article_id, "t": "", "b": repeated})
    shift = len(sentence) + 1
    con.execute("""insert into figures (figure_id, article_id, "start", "end", surface, qualifier, category,
                       extractor_version, sentence)
                   values ('f1', $a, $s, $e, $surface, 'exact', 'other', 'old', $sentence),
                          ('f2', 'no-sentence', 0, 9, 'Plus de 5', 'more_than', 'killed', 'old', '')""",
                {"a": RT_ALEPPO.article_id, "s": fig.start + shift, "e": fig.end + shift, "surface": fig.surface,
                 "sentence": sentence})
    con.close()

    with writer_session(path):
        pass

    _, rows = run_sql(path, "select figure_id, sentence_start, sentence_end from figures order by figure_id")
    assert rows == [("f1", fig.sentence_start + shift, fig.sentence_end + shift), ("f2", None, None)]
    assert repeated[rows[0][1]:rows[0][2]] == sentence
    columns, _ = run_sql(path, "select * from figures limit 0")
    assert "sentence" not in columns and columns[-2:] == ["sentence_start", "sentence_end"]


def test_article_bodies_are_rebuilt_into_a_zstd_column_keeping_rows_and_constraints(tmp_path):
    """Migration 0005: the articles table is recreated with its body compressed by zstd; the rows of a
    warehouse at version 4 survive, and so do the columns' order and not-null constraints."""
    path = tmp_path / "w.duckdb"
    con = connect_writer(path)
    apply_migrations(con, target=4)
    con.execute("insert into articles (article_id, story_id, revision, source_id, outlet, title, body) "
                "values ('a1', 's1', 1, 'rt-en', 'RT', 'T', $b)", {"b": article_text(RT_ALEPPO)})
    before = con.execute("select * from articles").fetchall()
    columns_before = con.execute("select column_name, data_type, is_nullable from information_schema.columns "
                                 "where table_name = 'articles' order by ordinal_position").fetchall()
    con.close()

    with writer_session(path):
        pass

    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("select * from articles").fetchall() == before
        assert con.execute("select column_name, data_type, is_nullable from information_schema.columns "
                           "where table_name = 'articles' order by ordinal_position").fetchall() == columns_before
        compression = con.execute("select distinct compression from pragma_storage_info('articles') "
                                  "where column_name = 'body' and compression <> 'Constant'").fetchall()
        assert compression == [("ZSTD",)]
    finally:
        con.close()
