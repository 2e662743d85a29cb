"""End to end: ``figurewire run --sources <generated sources file>`` from newsroom to marts, timed from outside.

One run is the real command in a child process against the generated newsroom (served by its own
process), into a fresh data folder, with ``SCRAPY_SETTINGS_MODULE=bench.crawl_settings`` so the
crawl child runs without politeness delays. The wall time is the figure that counts; where it went
is read afterwards from the files each step leaves (the last ``scrape_run.json`` closes the
crawl, the last ``figures.parquet`` the extract step, the warehouse file the load and build), so
measuring costs no extra run.

    .venv/bin/python -m bench.bench_end_to_end [--articles 10000] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench.measured_process import REPO_ROOT, run_measured
from bench.newsroom_gen import OUT_DIR, NewsroomProcess, ensure_generated, write_sources_toml
from figurewire import layout as L
from figurewire.staged_figures import count_figures

FIGUREWIRE = REPO_ROOT / ".venv" / "bin" / "figurewire"
RUN_ENV = {"SCRAPY_SETTINGS_MODULE": "bench.crawl_settings"}


def figurewire_run(sources_toml: Path, data_dir: Path, log: Path) -> dict:
    """One ``figurewire run``; wall seconds, peak RSS, and the steps' shares read from file times."""
    command = [str(FIGUREWIRE) if FIGUREWIRE.exists() else sys.executable, "run", "--sources", str(sources_toml),
               "--data-dir", str(data_dir)]
    if not FIGUREWIRE.exists():
        command[1:1] = ["-m", "figurewire.cli"]
    before = {p for p in (data_dir / "staging").glob("*")} if (data_dir / "staging").exists() else set()
    started = time.time()
    measured = run_measured(command, env=RUN_ENV, log=log)
    ended = started + measured.seconds
    runs = [p for p in (data_dir / "staging").glob("*") if p.is_dir() and p not in before]
    result = {"seconds": measured.seconds, "peak_rss_mb": measured.peak_rss_mb, "returncode": measured.returncode,
              "articles": 0, "errors": 0, "figures": 0, "failed_sources": 0}
    if len(runs) != 1:
        result["problem"] = f"expected one new run folder, found {len(runs)}"
        return result
    run_dir = runs[0]
    crawl_end = extract_end = started
    for batch in run_dir.iterdir():
        if not batch.is_dir():
            continue
        result["articles"] += _lines(batch / "articles.jsonl")
        result["errors"] += _lines(batch / "errors.jsonl")
        if (batch / L.FIGURES).exists():
            result["figures"] += count_figures(batch / L.FIGURES)
        run_file = batch / "scrape_run.json"
        if run_file.exists():
            crawl_end = max(crawl_end, run_file.stat().st_mtime)
            if json.loads(run_file.read_text(encoding="utf-8")).get("status") != "ok":
                result["failed_sources"] += 1
        if (batch / L.FIGURES).exists():
            extract_end = max(extract_end, (batch / L.FIGURES).stat().st_mtime)
    extract_end = max(extract_end, crawl_end)
    result["steps"] = {"crawl (start-up included)": crawl_end - started,
                       "extract": extract_end - crawl_end,
                       "load + build": ended - extract_end}
    return result


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def measure(site: Path, articles: int, runs: int, work: Path | None = None) -> dict:
    work = work or OUT_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    manifest = ensure_generated(site, articles)
    results = []
    with NewsroomProcess(site) as base_url:
        sources_toml = write_sources_toml(manifest, base_url, work / "sources.toml")
        for i in range(runs):
            data_dir = fresh_dir(work / f"e2e-{i}")
            results.append(figurewire_run(sources_toml, data_dir, work / f"e2e-{i}.log"))
            shutil.rmtree(data_dir, ignore_errors=True)
    return summarise(results, articles)


def summarise(results: list[dict], articles: int) -> dict:
    seconds = statistics.median(r["seconds"] for r in results)
    steps = {name: statistics.median(r["steps"][name] for r in results if "steps" in r)
             for name in (results[0].get("steps") or {})}
    return {"articles": articles, "seconds": seconds, "runs": results, "steps": steps,
            "peak_rss_mb": max(r["peak_rss_mb"] or 0 for r in results),
            "staged": min(r["articles"] for r in results), "figures": min(r["figures"] for r in results)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_end_to_end", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--site", default=str(OUT_DIR / "newsroom"))
    args = parser.parse_args(argv)
    result = measure(Path(args.site), args.articles, args.runs)
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
