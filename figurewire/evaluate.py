"""`figurewire extract` and `figurewire eval`: the extractor on one file, and scored against a gold set.

Scoring follows ``shared/eval/README.md``: a prediction matches a gold figure of the same document when
their values are equal (for vague/range gold: when their bounds are equal); precision and recall count
required gold figures only; a prediction matching a non-required gold figure is neither hit nor false
positive; a prediction on a ``non_figures`` expression is a false positive. Qualifier, category,
claimant and counted are accuracies over matched pairs. When several gold figures share a value,
the pairing prefers overlapping spans, then the nearest position, so attribute accuracy is fair.
Claimant and counted compare case-folded, with apostrophes unified and leading articles dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from figurewire.shared_data import shared_dir
from transforms.extract import EXTRACTOR_VERSION, extract_figures

DEFAULT_TEXTS_ROOT = shared_dir()
FIELDS = ("value", "qualifier", "low", "high", "counted", "category", "claimant", "via", "start", "end", "surface")


def extract_file(path: str | Path, lang: str | None = "auto") -> list[dict]:
    """The figures of one text file as plain dicts (the JSON lines `figurewire extract` prints)."""
    text = Path(path).read_text(encoding="utf-8")
    return [{k: getattr(f, k) for k in FIELDS} for f in extract_figures(text, lang)]


def _num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = s.replace("’", "'").casefold().strip()
    s = re.sub(r"^(?:le |la |les |l'|the |a |an |un |une |des )", "", s)
    return " ".join(s.split())


def _occurrences(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def _gold_span(text: str, fig: dict) -> tuple[int, int]:
    occ = _occurrences(text, fig["surface"])
    if not occ:
        return -1, -1
    k = max(0, int(fig.get("occurrence", 1)) - 1)
    start = occ[min(k, len(occ) - 1)]
    return start, start + len(fig["surface"])


def _matches(pred: dict, gold: dict) -> bool:
    if gold["qualifier"] in ("vague", "range"):
        return _num_eq(pred.get("low"), gold.get("low")) and _num_eq(pred.get("high"), gold.get("high"))
    return pred.get("value") is not None and _num_eq(pred["value"], gold["value"])


def score_document(doc: dict, text: str, preds: list[dict]) -> dict:
    """Match one document's predictions to its gold figures; return counts and the pairs."""
    golds = [dict(g, _span=_gold_span(text, g)) for g in doc["figures"]]
    nonfig_spans = [(i, i + len(n)) for n in doc.get("non_figures", []) for i in _occurrences(text, n)]
    candidates = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            if _matches(p, g):
                gs, ge = g["_span"]
                overlap = max(0, min(ge, p["end"]) - max(gs, p["start"])) if gs >= 0 else 0
                dist = abs(gs - p["start"]) if gs >= 0 else 10 ** 9
                candidates.append((-overlap, dist, pi, gi))
    candidates.sort()
    pred_to_gold: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, _, pi, gi in candidates:
        if pi in pred_to_gold or gi in used_gold:
            continue
        p, g = preds[pi], golds[gi]
        gs, ge = g["_span"]
        on_nonfig = any(p["start"] < e and s < p["end"] for s, e in nonfig_spans)
        if on_nonfig and not (gs >= 0 and p["start"] < ge and gs < p["end"]):
            continue
        pred_to_gold[pi] = gi
        used_gold.add(gi)
    pairs, fps, misses = [], [], []
    for pi, p in enumerate(preds):
        if pi in pred_to_gold:
            g = golds[pred_to_gold[pi]]
            if g.get("required", True):
                pairs.append((p, g))
        else:
            fps.append(p)
    for gi, g in enumerate(golds):
        if g.get("required", True) and gi not in used_gold:
            misses.append(g)
    return {"pairs": pairs, "fps": fps, "misses": misses,
            "required": sum(1 for g in golds if g.get("required", True))}


def _summarise(results: list[dict]) -> dict:
    tp = sum(len(r["pairs"]) for r in results)
    fp = sum(len(r["fps"]) for r in results)
    fn = sum(len(r["misses"]) for r in results)
    pairs = [pair for r in results for pair in r["pairs"]]
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0

    def acc(fn_eq) -> float | None:
        return round(sum(1 for a, b in pairs if fn_eq(a, b)) / len(pairs), 4) if pairs else None

    attributed = [(a, b) for a, b in pairs if b.get("claimant")]
    return {
        "tp": tp, "fp": fp, "fn": fn,
        "precision": round(p, 4), "recall": round(rc, 4), "f1": round(f1, 4),
        "qualifier_accuracy": acc(lambda a, b: a["qualifier"] == b["qualifier"]),
        "category_accuracy": acc(lambda a, b: a["category"] == b["category"]),
        "claimant_accuracy": acc(lambda a, b: _norm_name(a.get("claimant")) == _norm_name(b.get("claimant"))),
        "attributed_claimant_accuracy": (round(sum(1 for a, b in attributed if _norm_name(a.get("claimant")) ==
                                                   _norm_name(b.get("claimant"))) / len(attributed), 4)
                                         if attributed else None),
        "counted_accuracy": acc(lambda a, b: _norm_name(a.get("counted")) == _norm_name(b.get("counted"))),
        "via_accuracy": acc(lambda a, b: _norm_name(a.get("via")) == _norm_name(b.get("via"))),
    }


def evaluate(gold_path: str | Path, texts_root: str | Path | None = None) -> dict:
    """Score the extractor against a gold JSON-lines file; ``source_file`` is relative to ``texts_root``."""
    root = Path(texts_root) if texts_root else DEFAULT_TEXTS_ROOT
    docs = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    per_doc, by_lang = {}, {}
    results = []
    for doc in docs:
        text = (root / doc["source_file"]).read_text(encoding="utf-8")
        preds = [{k: getattr(f, k) for k in FIELDS} for f in extract_figures(text, doc.get("lang"), doc["doc_id"])]
        r = score_document(doc, text, preds)
        r["doc_id"], r["lang"] = doc["doc_id"], doc.get("lang")
        results.append(r)
        by_lang.setdefault(doc.get("lang") or "?", []).append(r)
        per_doc[doc["doc_id"]] = _summarise([r])
    report = {
        "extractor_version": EXTRACTOR_VERSION,
        "gold": str(gold_path),
        "documents": len(docs),
        "overall": _summarise(results),
        "by_lang": {lang: _summarise(rs) for lang, rs in sorted(by_lang.items())},
        "by_doc": per_doc,
        "misses": [{"doc_id": r["doc_id"], "surface": g["surface"], "value": g["value"], "qualifier": g["qualifier"]}
                   for r in results for g in r["misses"]],
        "false_positives": [{"doc_id": r["doc_id"], "surface": p["surface"], "value": p["value"],
                             "qualifier": p["qualifier"]} for r in results for p in r["fps"]],
        "mismatches": [{"doc_id": r["doc_id"], "surface": g["surface"],
                        **{k: {"gold": g.get(k), "pred": p.get(k)} for k in ("qualifier", "category", "claimant", "counted")
                           if (_norm_name(str(g.get(k))) != _norm_name(str(p.get(k))))}}
                       for r in results for p, g in r["pairs"]
                       if any(_norm_name(str(g.get(k))) != _norm_name(str(p.get(k)))
                              for k in ("qualifier", "category", "claimant", "counted"))],
    }
    return report


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def format_report(report: dict) -> str:
    """A plain-text report: overall and per-language scores, per-document table, misses and false positives."""
    cols = ("precision", "recall", "f1", "qualifier_accuracy", "category_accuracy", "claimant_accuracy",
            "counted_accuracy", "tp", "fp", "fn")
    short = ("P", "R", "F1", "qual", "cat", "claim", "counted", "tp", "fp", "fn")
    lines = [f"extractor {report['extractor_version']} on {report['gold']} ({report['documents']} documents)", ""]
    lines.append(f"{'scope':<14}" + "".join(f"{h:>9}" for h in short))
    rows = [("overall", report["overall"])] + [(f"lang={k}", v) for k, v in report["by_lang"].items()]
    rows += [(k, v) for k, v in report["by_doc"].items()]
    for name, s in rows:
        lines.append(f"{name:<14}" + "".join(f"{_fmt(s[c]):>9}" for c in cols))
    if report["misses"]:
        lines += ["", "misses (required gold figures not found):"]
        lines += [f"  {m['doc_id']}: {m['surface']!r} ({m['qualifier']})" for m in report["misses"]]
    if report["false_positives"]:
        lines += ["", "false positives:"]
        lines += [f"  {m['doc_id']}: {m['surface']!r} value={m['value']}" for m in report["false_positives"]]
    if report.get("mismatches"):
        lines += ["", "attribute mismatches on matched figures (gold -> predicted):"]
        for m in report["mismatches"]:
            diffs = "; ".join(f"{k}: {v['gold']!r} -> {v['pred']!r}" for k, v in m.items() if isinstance(v, dict))
            lines.append(f"  {m['doc_id']}: {m['surface']!r}: {diffs}")
    return "\n".join(lines)


def main_extract(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="figurewire extract",
                                     description="Print the figures of a text file, one JSON object per line.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--lang", choices=("fr", "en", "auto"), default="auto")
    args = parser.parse_args(argv)
    for fig in extract_file(args.file, args.lang):
        sys.stdout.write(json.dumps(fig, ensure_ascii=False) + "\n")
    return 0


def main_eval(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="figurewire eval",
                                     description="Score the extractor against a gold JSON-lines file.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS_ROOT,
                        help="folder the gold's source_file paths are relative to (default: the shared/ folder beside the repository, or /work/shared)")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.gold, args.texts)
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n")
    else:
        sys.stdout.write(format_report(report) + "\n")
    return 0
