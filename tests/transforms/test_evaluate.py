"""The extractor scored against the shared gold sets, and robustness on hostile input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from figurewire.evaluate import evaluate, extract_file, format_report, main_extract, score_document
from figurewire.shared_data import shared_dir
from transforms.extract import extract_figures

SHARED = shared_dir()
needs_gold = pytest.mark.skipif(not (SHARED / "eval" / "seed_gold.jsonl").exists(), reason="shared gold not mounted")


@needs_gold
def test_seed_gold_is_perfect():
    report = evaluate(SHARED / "eval" / "seed_gold.jsonl", SHARED)
    o = report["overall"]
    assert (o["precision"], o["recall"], o["qualifier_accuracy"], o["claimant_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert report["misses"] == [] and report["false_positives"] == []


# Measured with fx-2025.1: P 1.000, R 1.000, qualifier 0.997, category 0.912, claimant 0.991, counted 0.833.
DEV_FLOORS = {"precision": 0.97, "recall": 0.97, "qualifier_accuracy": 0.98, "claimant_accuracy": 0.95,
              "category_accuracy": 0.87, "counted_accuracy": 0.78}


@needs_gold
def test_dev_gold_scores_stay_at_or_above_measured():
    report = evaluate(SHARED / "eval" / "dev_gold.jsonl", SHARED)
    for key, floor in DEV_FLOORS.items():
        assert report["overall"][key] >= floor, (key, report["overall"][key])
    for lang in ("fr", "en"):
        assert report["by_lang"][lang]["claimant_accuracy"] >= 0.95
        assert report["by_lang"][lang]["precision"] >= 0.95
    text = format_report(report)
    assert text.splitlines()[2].split()[:3] == ["scope", "P", "R"]


HELDOUT = Path(__file__).parent / "heldout_gold.jsonl"
# Ten sample-newsroom articles drawn at random and annotated before fx-2025.2's fixes, which were made on
# other sentences (test_generalisation.py). fx-2025.1: P 1.000 R 1.000 qual 1.000 cat 0.733 claim 0.800
# counted 0.800; fx-2025.2: P 1.000 R 1.000 qual 1.000 cat 1.000 claim 0.867 counted 1.000.
HELDOUT_FLOORS = {"precision": 0.95, "recall": 0.90, "qualifier_accuracy": 0.95, "claimant_accuracy": 0.85,
                  "category_accuracy": 0.95, "counted_accuracy": 0.95}


def test_heldout_newsroom_articles_meet_the_hidden_set_targets():
    report = evaluate(HELDOUT, HELDOUT.parent)
    assert report["documents"] == 10
    for key, floor in HELDOUT_FLOORS.items():
        assert report["overall"][key] >= floor, (key, report["overall"][key])


def test_scoring_rules_on_a_small_document():
    text = "Au moins 5 morts et des dizaines de blessés le 3 mai, et 7 voitures."
    doc = {"figures": [
        {"surface": "Au moins 5 morts", "value": 5, "qualifier": "at_least", "low": 5, "high": None,
         "required": True},
        {"surface": "des dizaines de blessés", "value": None, "qualifier": "vague", "low": 20, "high": 99,
         "required": False},
        {"surface": "7 voitures", "value": 7, "qualifier": "exact", "low": 7, "high": 7, "required": True}],
        "non_figures": ["3 mai"]}
    preds = [
        {"value": 5.0, "low": 5.0, "high": None, "start": 0, "end": 16},   # hit
        {"value": None, "low": 20, "high": 99, "start": 20, "end": 43},    # non-required: neither
        {"value": 3.0, "low": 3.0, "high": 3.0, "start": 47, "end": 48},   # on a non-figure: false positive
    ]
    r = score_document(doc, text, preds)
    assert (len(r["pairs"]), len(r["fps"]), len(r["misses"])) == (1, 1, 1)
    assert r["misses"][0]["surface"] == "7 voitures"


def test_extract_file_and_command(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("Plus de 40 maisons ont été détruites, selon la mairie.", encoding="utf-8")
    rows = extract_file(p, "fr")
    assert rows == [{"value": 40.0, "qualifier": "more_than", "low": 40.0, "high": None, "counted": "maisons",
                     "category": "destroyed", "claimant": "mairie", "via": None, "start": 0, "end": 18,
                     "surface": "Plus de 40 maisons"}]
    assert main_extract([str(p), "--lang", "auto"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == rows


BAD_INPUTS = {
    "empty": "",
    "digits": "7" * 10_000_000,
    "spaced digits": "123 " * 250_000,
    "control characters": "\x00\x01\x02 12 morts \x07\x1b[31m" * 5_000,
    "mixed scripts": "Ελληνικά 12 морт 中文 ٣٤ قتيلا 15 personnes " * 5_000,
    "unbalanced quotes": "« Il a dit 300 personnes, selon X. " * 5_000,
    "separators": "1," * 500_000,
    "abbreviations": "M. " * 100_000,
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_returns_quickly(name):
    text = BAD_INPUTS[name]
    t0 = time.perf_counter()
    figs = extract_figures(text, None)
    assert time.perf_counter() - t0 < 10
    for f in figs[:200]:
        assert text[f.start:f.end] == f.surface
    if name in ("empty", "digits", "separators", "abbreviations"):
        assert figs == []
