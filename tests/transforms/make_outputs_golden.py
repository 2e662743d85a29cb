"""The extractor's full output on every text we have, as a golden file for speed work.

Optimisations of ``transforms/`` must not change a single figure; ``test_outputs_unchanged.py`` compares
the current output to ``outputs_golden.json``. Regenerate only when outputs change ON PURPOSE (with a new
EXTRACTOR_VERSION): ``.venv/bin/python -m tests.transforms.make_outputs_golden``.
"""

from __future__ import annotations

import json
from pathlib import Path

from figurewire.newsroom.stories import STORIES
from figurewire.shared_data import shared_dir
from transforms.extract import extract_figures

HERE = Path(__file__).parent
GOLDEN = HERE / "outputs_golden.json"
FIELDS = ("start", "end", "surface", "value", "qualifier", "low", "high", "counted", "category", "claimant",
          "via", "sentence_index", "lang")


def documents() -> list[tuple[str, str, str]]:
    """(name, text, lang) for every dev text, the seed, the held-out articles, every newsroom story, and the
    benchmark's unit text twice over (one long document: claimant history carries across its parts)."""
    shared = shared_dir()
    docs = []
    files = sorted((shared / "eval/dev/texts").glob("*.txt")) + sorted((shared / "seed").glob("*.txt"))
    for p in files:
        docs.append((f"shared/{p.relative_to(shared)}", p.read_text(encoding="utf-8"), "auto"))
    for p in sorted((HERE / "heldout").glob("*.txt")):
        docs.append((f"heldout/{p.name}", p.read_text(encoding="utf-8"), "auto"))
    for s in STORIES:
        text = s.title + "\n\n" + "\n\n".join((s.summary, *s.paragraphs))
        docs.append((f"story/{s.key}/{s.source_id}/{s.revision}", text, s.lang))
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    docs.append(("bench-unit-x2", unit + "\n\n" + unit, "auto"))
    return docs


def outputs() -> dict[str, list[list]]:
    return {name: [[getattr(f, k) for k in FIELDS] for f in extract_figures(text, lang)]
            for name, text, lang in documents()}


def main() -> None:
    GOLDEN.write_text(json.dumps(outputs(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
