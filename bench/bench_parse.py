"""Article parsing: body-text F1 and pages/s of figurewire's parser beside trafilatura, same pages, same run.

The pages are the 181 real ones of ``/work/shared/benchmarks/article-extraction/`` (Zyte's article
extraction benchmark). Scoring follows its README: ``\\w+`` tokens, 4-token shingles compared as
multisets, each page's tp/fp/fn normalised to sum 1, precision and recall averaged over pages
(pages where they are undefined are left out, as upstream does), F1 from the two means.

Speed is one core, pages already decompressed in memory, each tool timed over all pages in
alternation (figurewire, trafilatura, figurewire, ...), median of ``--runs`` passes.

    .venv/bin/python -m bench.bench_parse [--runs 3] [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

BENCHMARK_DIR = Path("/work/shared/benchmarks/article-extraction")
TOKEN = re.compile(r"\w+")


def load_pages(root: Path = BENCHMARK_DIR) -> list[tuple[str, str, str, str]]:
    """(id, url, html, expected body) for every page with ground truth, in id order."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        with gzip.open(root / "html" / f"{page_id}.html.gz", "rt", encoding="utf8") as fh:
            pages.append((page_id, truth[page_id].get("url", ""), fh.read(), truth[page_id].get("articleBody", "")))
    return pages


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(expected: str, predicted: str) -> tuple[float, float, float]:
    """tp, fp, fn of one page over shingle multisets, normalised so they sum to 1."""
    want, got = shingles(expected), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


# ---------------------------------------------------------------- the tools


def figurewire_extractor() -> Callable[[str, str], str]:
    from scrapers.parsers.article_html import GenericArticleParser
    from scrapers.parsers.faults import ParseFault

    parser = GenericArticleParser()

    def extract(html: str, url: str) -> str:
        try:
            return parser.parse(html.encode("utf-8"), url, "text/html; charset=utf-8").body
        except ParseFault:
            return ""

    return extract


def trafilatura_extractor() -> Callable[[str, str], str]:
    import trafilatura

    def extract(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, fast=True) or ""

    return extract


def measure(runs: int = 3, root: Path = BENCHMARK_DIR, worst: int = 10) -> dict:
    """F1 and pages/s per tool, the speed ratio, and the pages where figurewire loses most F1 to trafilatura."""
    pages = load_pages(root)
    tools = {"figurewire": figurewire_extractor(), "trafilatura": trafilatura_extractor()}
    outputs: dict[str, list[str]] = {}
    times: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(runs):
        for name, extract in tools.items():
            started = time.perf_counter()
            out = [extract(html, url) for _, url, html, _ in pages]
            times[name].append(time.perf_counter() - started)
            outputs[name] = out
    result: dict = {"pages": len(pages), "runs": runs, "tools": {}}
    per_page: dict[str, list[tuple[float, float, float]]] = {}
    for name in tools:
        per_page[name] = [page_counts(expected, got) for (_, _, _, expected), got in zip(pages, outputs[name], strict=False)]
        seconds = statistics.median(times[name])
        result["tools"][name] = {**score(per_page[name]), "seconds": seconds, "pages_per_s": len(pages) / seconds,
                                 "empty": sum(1 for o in outputs[name] if not o.strip())}
    ratios = [t_tra / t_fw for t_fw, t_tra in zip(times["figurewire"], times["trafilatura"], strict=False)]
    result["speed_ratio"] = statistics.median(ratios)
    result["speed_ratios"] = ratios
    losses = []
    for i, (page_id, url, _, expected) in enumerate(pages):
        fw, tr = per_page["figurewire"][i], per_page["trafilatura"][i]
        f1_fw, f1_tr = _page_f1(fw), _page_f1(tr)
        losses.append({"id": page_id[:12], "url": url, "f1": f1_fw, "trafilatura_f1": f1_tr,
                       "precision": _precision(*fw) if fw[0] + fw[1] > 0 else 0.0,
                       "recall": _recall(*fw) if fw[0] + fw[2] > 0 else 0.0,
                       "expected_chars": len(expected), "got_chars": len(outputs["figurewire"][i])})
    losses.sort(key=lambda r: r["f1"])
    result["worst"] = losses[:worst]
    return result


def _page_f1(counts: tuple[float, float, float]) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_parse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args(argv)
    result = measure(args.runs, worst=args.worst)
    for name, r in result["tools"].items():
        print(f"{name:12} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
              f"{r['pages_per_s']:6.1f} pages/s  empty {r['empty']}")
    print(f"speed ratio figurewire / trafilatura fast: {result['speed_ratio']:.2f}")
    for w in result["worst"]:
        print(f"  {w['id']} F1 {w['f1']:.2f} (traf {w['trafilatura_f1']:.2f}) P {w['precision']:.2f} "
              f"R {w['recall']:.2f} {w['got_chars']}/{w['expected_chars']} chars {w['url'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
