"""The cheap substring tests that let claimants skip a regex scan must never skip a sentence it matches."""

from __future__ import annotations

import itertools

from figurewire.newsroom.stories import STORIES
from figurewire.shared_data import shared_dir
from transforms import claimants


def _texts() -> list[str]:
    shared = shared_dir()
    out = [p.read_text(encoding="utf-8") for p in sorted((shared / "eval/dev/texts").glob("*.txt"))]
    out += ["\n".join((s.title, s.summary, *s.paragraphs)) for s in STORIES]
    return out


def test_every_selon_and_interroge_match_keeps_its_keys_under_lower():
    matched = 0
    for text in _texts():
        for m in claimants._SELON_RE.finditer(text):
            assert any(k in m.group().lower() for k in claimants._SELON_KEYS), m.group()
            matched += 1
        for m in claimants._INTERROGE_RE.finditer(text):
            assert "par" in m.group().lower(), m.group()
            matched += 1
    assert matched > 50


def test_every_case_spelling_of_the_marker_words_is_caught():
    words = ["selon", "d’après", "d'après", "according to", "de source", "interrogé par", "quoted par"]
    for w in words:
        for flips in itertools.product((str.lower, str.upper), repeat=len(w)):
            variant = "".join(f(c) for f, c in zip(flips, w, strict=True))
            sent = f"Il y a eu 5 morts, {variant} X."
            low = sent.lower()
            if claimants._SELON_RE.search(sent):
                assert any(k in low for k in claimants._SELON_KEYS), variant
            if claimants._INTERROGE_RE.search(sent + " X"):
                assert "par" in low, variant
