"""Incremental run: a second ``figurewire run`` with nothing new, as a share of the first run's time.

Each pair is two runs into one fresh data folder against the same generated newsroom (same server,
so the same URLs): the first crawls everything; the second finds every feed unchanged (304 to its
``If-None-Match``) or every page already seen, extracts nothing new, loads nothing new, and rebuilds
the marts. The first run of each pair is also an end-to-end sample, so the runner gets both
measures from the same runs.

    .venv/bin/python -m bench.bench_incremental [--articles 10000] [--pairs 1]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

from bench.bench_end_to_end import figurewire_run, fresh_dir, summarise
from bench.newsroom_gen import OUT_DIR, NewsroomProcess, ensure_generated, write_sources_toml

TARGET_SHARE = 0.05


def measure(site: Path, articles: int, pairs: int, work: Path | None = None) -> dict:
    work = work or OUT_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    manifest = ensure_generated(site, articles)
    firsts, seconds = [], []
    with NewsroomProcess(site) as base_url:
        sources_toml = write_sources_toml(manifest, base_url, work / "sources.toml")
        for i in range(pairs):
            data_dir = fresh_dir(work / f"incremental-{i}")
            firsts.append(figurewire_run(sources_toml, data_dir, work / f"incremental-{i}-first.log"))
            seconds.append(figurewire_run(sources_toml, data_dir, work / f"incremental-{i}-second.log"))
            shutil.rmtree(data_dir, ignore_errors=True)
    shares = [b["seconds"] / a["seconds"] for a, b in zip(firsts, seconds, strict=False)]
    return {"articles": articles, "pairs": pairs, "share": statistics.median(shares), "shares": shares,
            "first": summarise(firsts, articles), "second": summarise(seconds, articles)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_incremental", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=1)
    parser.add_argument("--site", default=str(OUT_DIR / "newsroom"))
    args = parser.parse_args(argv)
    result = measure(Path(args.site), args.articles, args.pairs)
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
