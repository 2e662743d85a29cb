"""The Python step of the build: deduped articles and figures out of DuckDB (Arrow), through the pure
functions of ``transforms.grouping``, back in as ``int_article_groups`` and ``int_comparison_keys``."""

from __future__ import annotations

from collections import defaultdict

import duckdb
import pyarrow as pa

from transforms import grouping

ARTICLE_GROUPS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("story_id", pa.string()), ("event_id", pa.string()),
    ("is_syndicated_copy", pa.bool_()), ("original_article_id", pa.string()), ("copy_similarity", pa.float64()),
])
COMPARISON_KEYS_SCHEMA = pa.schema([
    ("figure_id", pa.string()), ("event_id", pa.string()), ("comparison_key", pa.string()),
    ("counted_noun", pa.string()), ("place", pa.string()), ("claimant_name", pa.string()),
])


def _columns(con: duckdb.DuckDBPyConnection, table: str, names: list[str]) -> dict[str, list]:
    data = con.table(table).to_arrow_table()
    return {name: data.column(name).to_pylist() for name in names}


def article_groups(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Rows of ``int_article_groups``: event and syndication of every article version."""
    versions = _columns(con, "int_article_versions", ["article_id", "story_id"])
    current = _columns(con, "int_articles_current",
                       ["article_id", "story_id", "outlet", "article_text", "reported_at", "normalised_text"])
    figures = _columns(con, "int_figure_versions", ["article_id", "category", "value", "is_current_revision"])
    quantities: dict[str, set] = defaultdict(set)
    for article_id, category, value, is_current in zip(*figures.values(), strict=True):
        if is_current and value is not None:
            quantities[article_id].add((category, float(value)))
    docs = [
        grouping.ArticleDoc(article_id=a, story_id=s, outlet=o, text=t or "", reported_at=r,
                            quantities=frozenset(quantities.get(a, ())), normalised_text=n or "")
        for a, s, o, t, r, n in zip(*current.values(), strict=True)
    ]
    groups = grouping.group_articles(docs, dict(zip(versions["article_id"], versions["story_id"], strict=True)))
    return pa.Table.from_pylist([g.__dict__ for g in groups], schema=ARTICLE_GROUPS_SCHEMA)


def comparison_keys(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Rows of ``int_comparison_keys``: event, comparison key, noun, place and claimant name per figure."""
    groups = _columns(con, "int_article_groups", ["article_id", "event_id"])
    versions = _columns(con, "int_article_versions", ["article_id", "normalised_text"])
    figures = _columns(con, "int_figure_versions",
                       ["figure_id", "article_id", "category", "counted", "claimant", "sentence", "sentence_normalised"])
    places = {a: grouping.main_place(t or "", normalised=True) for a, t in zip(*versions.values(), strict=True)}
    refs = (grouping.FigureRef(figure_id=f, article_id=a, category=c, counted=n, claimant=cl, sentence=s or "",
                               sentence_normalised=sn or "")
            for f, a, c, n, cl, s, sn in zip(*figures.values(), strict=True))
    keys = grouping.comparison_keys(refs, dict(zip(groups["article_id"], groups["event_id"], strict=True)), places)
    return pa.Table.from_pydict(
        {name: [getattr(k, name) for k in keys] for name in COMPARISON_KEYS_SCHEMA.names},
        schema=COMPARISON_KEYS_SCHEMA)
