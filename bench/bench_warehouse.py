"""Warehouse benchmark: rows/s loading 1,000,000 synthetic figures, and seconds to rebuild every model.

    .venv/bin/python bench/bench_warehouse.py [--figures 1000000] [--per-article 20] [--repeat 3]

Generates staged batches (articles.jsonl, and what extract writes: articles.parquet through
``staged_articles.write_articles``, figures.parquet through ``staged_figures.write_figures``;
scrape_run.json per outlet) with offsets that really point into the article text, loads them into a
fresh warehouse ``--repeat`` times through the real loader (Parquet reader for articles and
figures, all batches in one transaction, publish), then rebuilds all models (SQL, Python grouping,
data tests). Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.pipeline import read_records
from figurewire.records import Article, Figure, ScrapeRun, article_text, stable_id
from figurewire.staged_articles import source_stamp, write_articles
from figurewire.staged_figures import write_figures
from warehouse.build import build_models, rebuild_models
from warehouse.connection import publish, work_path
from warehouse.load import load_batches

OUTLETS = [("afp-wire", "AFP"), ("rt-fr", "RT"), ("rt-en", "RT"), ("sputnik-fr", "Sputnik"),
           ("levant-post", "Levant Post"), ("wire-2", "Agence Deux"), ("wire-3", "Agence Trois"),
           ("daily-4", "Daily Four")]
PLACES = ["Alep", "Idleb", "Homs", "Damas", "Palmyre", "Raqqa", "Lattaquié", "Fouaa", "Ghouta", "Mossoul"]
ACTORS = ["le CICR", "l'OSDH", "le ministère russe de la Défense", "l'ONU", "le Croissant-Rouge"]
NOUNS = [("personnes", "evacuated", "évacuées"), ("civils", "killed", "tués"), ("frappes", "strikes", "menées"),
         ("bus", "vehicles", "partis"), ("combattants", "killed", "éliminés"), ("blessés", "wounded", "soignés"),
         ("sorties", "sorties", "effectuées"), ("familles", "displaced", "déplacées")]
QUALIFIERS = [("", "exact"), ("près de ", "approx"), ("plus de ", "more_than"), ("au moins ", "at_least")]
FILLER = ("les secours poursuivent leurs efforts malgré le froid tandis que les convois avancent lentement "
          "vers le nord et que les habitants attendent des nouvelles des autorités locales").split()


def generate(data: DataLayout, figures: int, per_article: int, seed: int = 7) -> dict[str, int]:
    """Stage ``figures`` figures over ``figures // per_article`` articles, one batch per outlet.

    Each outlet's figures stream into its Parquet file a row group at a time (1,000,000 Figure
    objects at once would take over a gigabyte).
    """
    rng = random.Random(seed)
    run_id = "20170101T000000Z-bench0"
    t0 = datetime(2016, 1, 1, tzinfo=UTC)
    n_articles = figures // per_article
    events = [(rng.choice(PLACES), rng.choice(ACTORS), t0 + timedelta(hours=rng.randrange(24 * 365)),
               {noun: rng.randrange(100, 60000) for noun, _, _ in NOUNS}) for _ in range(max(1, n_articles // 20))]
    staged = 0
    for index, (source_id, outlet) in enumerate(OUTLETS):
        batch = data.batch_dir(run_id, source_id)
        batch.mkdir(parents=True, exist_ok=True)
        articles = range(index, n_articles, len(OUTLETS))
        with (batch / L.ARTICLES).open("w", encoding="utf-8") as articles_fh:
            staged += write_figures(batch / L.FIGURES, _outlet_figures(
                random.Random(seed * 1000 + index), events, articles, source_id, outlet, run_id, per_article,
                articles_fh))
        # What extract stages beside the JSON lines: their typed Parquet copy, read back from them.
        stamp = source_stamp(batch / L.ARTICLES)
        write_articles(batch / L.ARTICLES_PARQUET, read_records(batch / L.ARTICLES, Article), stamp)
        run = ScrapeRun(run_id=run_id, source_id=source_id, outlet=outlet, started_at=t0, finished_at=t0,
                        finish_reason="finished", items_scraped=len(articles))
        (batch / L.SCRAPE_RUN).write_text(json.dumps(run.to_dict()), encoding="utf-8")
    assert staged == n_articles * per_article
    return {"articles": n_articles, "figures": staged}


def _outlet_figures(rng: random.Random, events, articles: range, source_id: str, outlet: str, run_id: str,
                    per_article: int, articles_fh) -> Iterator[Figure]:
    """One outlet's figures; its articles are written to ``articles_fh`` as they are made."""
    for a in articles:
        place, actor, when, base = events[rng.randrange(len(events))]
        sentences, specs = [], []
        title = f"{place} : le bilan s'alourdit selon {actor}"
        offset = len(title) + 2
        for k in range(per_article):
            noun, category, verb = NOUNS[k % len(NOUNS)]
            words, qualifier = QUALIFIERS[rng.randrange(len(QUALIFIERS))]
            value = base[noun] + rng.randrange(-200, 200)
            number = f"{value:,}".replace(",", "\u00a0")
            surface = f"{words}{number} {noun}"
            lead = f"À {place}, " if k % 3 == 0 else ""
            filler = " ".join(rng.sample(FILLER, 6))
            sentence = f"{lead}{surface} ont été {verb}, selon {actor}, et {filler}."
            start = offset + len(lead)
            specs.append((k, start, surface, float(value), qualifier, noun, category, offset, len(sentence)))
            sentences.append(sentence)
            offset += len(sentence) + 1
        body = " ".join(sentences)
        article = Article(
            article_id=stable_id(outlet, a), story_id=stable_id(outlet, a), revision=1, source_id=source_id,
            outlet=outlet, feed_kind="rss", url=f"http://{source_id}.bench.test/{a}", canonical_url=None, guid=None,
            title=title, body=body, summary=None, lang="fr", published_at=when + timedelta(minutes=a % 600),
            updated_at=None, run_id=run_id, parser="bench")
        text = article_text(article)
        articles_fh.write(article.to_json() + "\n")
        for k, start, surface, value, qualifier, noun, category, sentence_start, length in specs:
            assert text[start:start + len(surface)] == surface
            yield Figure(
                figure_id=stable_id(article.article_id, k), article_id=article.article_id, sentence_index=k,
                start=start, end=start + len(surface), surface=surface, value=value, qualifier=qualifier,
                low=value if qualifier in ("exact", "more_than", "at_least") else None,
                high=value if qualifier == "exact" else None, counted=noun, category=category,
                claimant=actor, via=None, lang="fr", extractor_version="bench",
                sentence_start=sentence_start, sentence_end=sentence_start + length)


def bare_duckdb_insert(data: DataLayout, into: Path) -> float:
    """Seconds for plain DuckDB to read every staged figures file and insert it in one transaction, with
    the loader's session setting (insertion order not kept): what the figures alone cost, measured in the
    same run on the same files, against which the loader's articles, upserts and bookkeeping show."""
    import duckdb

    files = sorted(str(p) for p in data.staging_dir.glob(f"*/*/{L.FIGURES}"))
    into.unlink(missing_ok=True)
    con = duckdb.connect(str(into))
    con.execute("set preserve_insertion_order = false")
    con.execute("create table figures as select * from read_parquet($files) limit 0", {"files": files})
    started = time.perf_counter()
    con.begin()
    con.execute("insert into figures select * from read_parquet($files)", {"files": files})
    con.commit()
    con.execute("checkpoint")
    seconds = time.perf_counter() - started
    con.close()
    into.unlink()
    return seconds


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build-repeat", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the generated data folder")
    args = parser.parse_args(argv)

    root = Path(tempfile.mkdtemp(prefix="figurewire-bench-"))
    data = DataLayout.at(root / "data")
    gen_s, sizes = timed(generate, data, args.figures, args.per_article)
    figures_mb = sum(p.stat().st_size for p in data.staging_dir.rglob(L.FIGURES)) / 1e6
    articles_mb = sum(p.stat().st_size for p in data.staging_dir.rglob(L.ARTICLES_PARQUET)) / 1e6
    staged_mb = figures_mb + articles_mb + sum(p.stat().st_size for p in data.staging_dir.rglob("*.json*")) / 1e6
    print(f"generated {sizes['figures']:,} figures / {sizes['articles']:,} articles ({staged_mb:.0f} MB staged) "
          f"in {gen_s:.1f} s", file=sys.stderr)

    load_times, publish_times, bare_times = [], [], []
    warehouse = data.default_warehouse
    for _ in range(args.repeat):
        for path in (warehouse, work_path(warehouse)):
            path.unlink(missing_ok=True)
        seconds, counts = timed(load_batches, warehouse, data)
        assert counts["figures"] == sizes["figures"], counts
        load_times.append(seconds)
        print(f"load {seconds:.2f} s", file=sys.stderr)
        publish_times.append(timed(publish, warehouse)[0])
        bare_times.append(bare_duckdb_insert(data, root / "bare.duckdb"))
        print(f"bare DuckDB insert {bare_times[-1]:.2f} s", file=sys.stderr)
    build_s, built = timed(build_models, warehouse)
    print(f"build {build_s:.1f} s", file=sys.stderr)
    rebuild_times = [timed(rebuild_models, warehouse)[0] for _ in range(max(1, args.build_repeat))]
    db_mb = warehouse.stat().st_size / 1e6

    load_s = statistics.median(load_times)
    publish_s = statistics.median(publish_times)
    total_rows = sizes["figures"] + sizes["articles"] + len(OUTLETS)
    rows = [
        ("figures loaded", f"{sizes['figures']:,}", ""),
        ("articles loaded", f"{sizes['articles']:,}", ""),
        ("staged files", f"{staged_mb:.0f} MB", f"figures Parquet {figures_mb:.0f} MB, articles Parquet {articles_mb:.0f} MB, the rest JSON lines"),
        (f"load, median of {args.repeat} (s)", f"{load_s:.2f}", "all batches, one transaction, + publish"),
        ("figure rows/s", f"{sizes['figures'] / load_s:,.0f}", "target ≥ 1,000,000 " +
         ("(met)" if sizes["figures"] / load_s >= 1_000_000 else
          f"(missed by {1 - sizes['figures'] / load_s / 1_000_000:.0%})")),
        ("all rows/s", f"{total_rows / load_s:,.0f}", "figures + articles + scrape runs"),
        ("bare DuckDB figure rows/s", f"{sizes['figures'] / statistics.median(bare_times):,.0f}",
         "figures only: same files, one read_parquet insert, insertion order not kept; no articles, "
         "upserts or bookkeeping"),
        ("load without publish (s)", f"{load_s - publish_s:.2f}", f"publish copy {publish_s:.2f} s"),
        ("first build (s)", f"{build_s:.1f}", f"{len(built)} models + data tests"),
        ("rebuild all marts (s)", f"{statistics.median(rebuild_times):.1f}",
         f"median of {args.build_repeat}; drop derived, rebuild, test, publish"),
        ("warehouse file", f"{db_mb:.0f} MB", ""),
    ]
    print(f"\n### Warehouse load and build ({platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()})\n")
    print("| measure | value | note |")
    print("|---|---|---|")
    for measure, value, note in rows:
        print(f"| {measure} | {value} | {note} |")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print(f"\ndata kept in {root}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
