"""Warehouse benchmark: rows/s loading 1,000,000 synthetic figures, and seconds to rebuild every model.

    .venv/bin/python bench/bench_warehouse.py [--figures 1000000] [--per-article 20] [--repeat 3]

Generates staged batches (articles.jsonl, figures.jsonl, scrape_run.json per outlet) with offsets that
really point into the article text, loads them into a fresh warehouse ``--repeat`` times through the
real loader (bulk JSON reader, one transaction per batch, publish), then rebuilds all models (SQL,
Python grouping, data tests). Prints a Markdown table of medians.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import Article, Figure, ScrapeRun, article_text, stable_id
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
    """Stage ``figures`` figures over ``figures // per_article`` articles, one batch per outlet."""
    rng = random.Random(seed)
    run_id = "20170101T000000Z-bench0"
    t0 = datetime(2016, 1, 1, tzinfo=UTC)
    n_articles = figures // per_article
    events = [(rng.choice(PLACES), rng.choice(ACTORS), t0 + timedelta(hours=rng.randrange(24 * 365)),
               {noun: rng.randrange(100, 60000) for noun, _, _ in NOUNS}) for _ in range(max(1, n_articles // 20))]
    handles = {}
    for source_id, _ in OUTLETS:
        batch = data.batch_dir(run_id, source_id)
        batch.mkdir(parents=True, exist_ok=True)
        handles[source_id] = ((batch / L.ARTICLES).open("w", encoding="utf-8"),
                              (batch / L.FIGURES).open("w", encoding="utf-8"))
    counts = {source_id: 0 for source_id, _ in OUTLETS}
    for a in range(n_articles):
        source_id, outlet = OUTLETS[a % len(OUTLETS)]
        place, actor, when, base = events[rng.randrange(len(events))]
        sentences, specs, offset = [], [], 0
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
            specs.append((k, start, surface, float(value), qualifier, noun, category, sentence))
            sentences.append(sentence)
            offset += len(sentence) + 1
        body = " ".join(sentences)
        article = Article(
            article_id=stable_id(outlet, a), story_id=stable_id(outlet, a), revision=1, source_id=source_id,
            outlet=outlet, feed_kind="rss", url=f"http://{source_id}.bench.test/{a}", canonical_url=None, guid=None,
            title=title, body=body, summary=None, lang="fr", published_at=when + timedelta(minutes=a % 600),
            updated_at=None, run_id=run_id, parser="bench")
        text = article_text(article)
        articles_fh, figures_fh = handles[source_id]
        articles_fh.write(article.to_json() + "\n")
        for k, start, surface, value, qualifier, noun, category, sentence in specs:
            assert text[start:start + len(surface)] == surface
            figures_fh.write(Figure(
                figure_id=stable_id(article.article_id, k), article_id=article.article_id, sentence_index=k,
                start=start, end=start + len(surface), surface=surface, value=value, qualifier=qualifier,
                low=value if qualifier in ("exact", "more_than", "at_least") else None,
                high=value if qualifier == "exact" else None, counted=noun, category=category,
                claimant=actor, via=None, lang="fr", extractor_version="bench", sentence=sentence).to_json() + "\n")
        counts[source_id] += 1
    for source_id, outlet in OUTLETS:
        for fh in handles[source_id]:
            fh.close()
        run = ScrapeRun(run_id=run_id, source_id=source_id, outlet=outlet, started_at=t0, finished_at=t0,
                        finish_reason="finished", items_scraped=counts[source_id])
        (data.batch_dir(run_id, source_id) / L.SCRAPE_RUN).write_text(json.dumps(run.to_dict()), encoding="utf-8")
    return {"articles": n_articles, "figures": n_articles * per_article}


def bare_duckdb_insert(data: DataLayout, into: Path) -> float:
    """Seconds for plain DuckDB to read every staged figures file and insert it in one transaction:
    the ceiling the loader is compared with, measured in the same run on the same files."""
    import duckdb

    from warehouse import tables

    files = sorted(str(p) for p in data.staging_dir.glob(f"*/*/{L.FIGURES}"))
    into.unlink(missing_ok=True)
    con = duckdb.connect(str(into))
    columns = tables.columns("figures")
    con.execute("create table figures as select * from read_json($files, format = 'newline_delimited', "
                "columns = $columns) limit 0", {"files": files, "columns": columns})
    started = time.perf_counter()
    con.begin()
    con.execute("insert into figures select * from read_json($files, format = 'newline_delimited', "
                "columns = $columns)", {"files": files, "columns": columns})
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
    staged_mb = sum(p.stat().st_size for p in data.staging_dir.rglob("*.json*")) / 1e6
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
        ("staged JSON", f"{staged_mb:.0f} MB", ""),
        (f"load, median of {args.repeat} (s)", f"{load_s:.2f}", "all batches, one transaction each, + publish"),
        ("figure rows/s", f"{sizes['figures'] / load_s:,.0f}", "target ≥ 1,000,000 " +
         ("(met)" if sizes["figures"] / load_s >= 1_000_000 else
          f"(missed by {1 - sizes['figures'] / load_s / 1_000_000:.0%})")),
        ("all rows/s", f"{total_rows / load_s:,.0f}", "figures + articles + scrape runs"),
        ("bare DuckDB figure rows/s", f"{sizes['figures'] / statistics.median(bare_times):,.0f}",
         "same files, one read_json insert, no upsert/articles/bookkeeping: the ceiling here"),
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
