"""Throughput of the figure extractor against quantulum3 on the same text, one core.

The text is the dev passages (shared/eval/dev/texts) and the seed article repeated to about
``--mb`` megabytes. Prints a Markdown table row per tool (median of ``--runs`` runs) and the ratio.
Run: ``.venv/bin/python bench/bench_extraction.py [--mb 2] [--runs 5] [--quantulum-kb 200]``.
quantulum3 is ~25x slower, so by default it parses a 200 KB slice and its MB/s is scaled from that.
"""

from __future__ import annotations

import argparse
import statistics
import time

from figurewire.shared_data import shared_dir

SHARED = shared_dir()


def corpus(mb: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval/dev/texts").glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seed").glob("*.txt"))]
    unit = "\n\n".join(parts)
    reps = max(1, int(mb * 1_000_000 / len(unit.encode("utf-8"))) + 1)
    return "\n\n".join([unit] * reps)


def timed(fn, text: str, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        count = len(fn(text))
        times.append(time.perf_counter() - t0)
    return statistics.median(times), count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quantulum-kb", type=int, default=200)
    args = ap.parse_args()

    from transforms.extract import EXTRACTOR_VERSION, extract_figures

    text = corpus(args.mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    # language detection happens once per article in the pipeline; here the corpus mixes both
    t_fw, n_fw = timed(lambda s: extract_figures(s, "auto"), text, args.runs)

    from quantulum3 import parser as q3

    qtext = text[: args.quantulum_kb * 1000]
    q_mb = len(qtext.encode("utf-8")) / 1e6
    t_q, n_q = timed(q3.parse, qtext, max(1, min(3, args.runs)))

    fw_mbs, q_mbs = size_mb / t_fw, q_mb / t_q
    print(f"text: {size_mb:.2f} MB of dev + seed passages (quantulum3 on the first {q_mb:.2f} MB), "
          f"median of {args.runs} runs, one core\n")
    print("| tool | MB/s | figures/s | figures per MB | ratio |")
    print("|---|---|---|---|---|")
    print(f"| figurewire {EXTRACTOR_VERSION} | {fw_mbs:.2f} | {n_fw / t_fw:,.0f} | {n_fw / size_mb:,.0f} | "
          f"{fw_mbs / q_mbs:.1f}x |")
    print(f"| quantulum3 parser.parse | {q_mbs:.3f} | {n_q / t_q:,.0f} | {n_q / q_mb:,.0f} | 1.0x |")


if __name__ == "__main__":
    main()
