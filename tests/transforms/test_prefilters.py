"""The cheap substring tests that let claimants skip a regex scan must never skip a sentence it matches."""

from __future__ import annotations

import itertools
import re

from figurewire.newsroom.stories import STORIES
from figurewire.shared_data import shared_dir
from transforms import claimants
from transforms.folded_regex import FOLD_SAFE, FOLD_UNSAFE_RE


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


def test_every_special_quantity_match_keeps_a_key_under_lower():
    from transforms import extract
    matched = 0
    for text in _texts():
        for m in extract._SPECIAL_RE.finditer(text):
            assert any(k in m.group().lower() for k in extract._SPECIAL_KEYS), m.group()
            matched += 1
    assert matched > 20
    for phrase in ["des dizaines", "Quelques CENTAINES de milliers", "plusieurs milliers", "tens of thousands",
                   "several dozen", "Dozens", "HUNDREDS", "une vingtaine", "a dozen", "un demi-million",
                   "half a million", "une soixantaine", "un millier"]:
        sent = f"Selon eux, {phrase} de personnes."
        assert extract._SPECIAL_RE.search(sent), phrase
        assert any(k in sent.lower() for k in extract._SPECIAL_KEYS), phrase
    odd = "des dızaines de morts"
    assert extract._SPECIAL_RE.search(odd) and any(ch in odd for ch in extract._ODD_FOLDS)


def test_lowercased_cue_search_agrees_on_every_fold_safe_character():
    import re

    from transforms import categories
    pattern = categories._CUES_RE.pattern
    bare = re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", "", pattern)  # group names and escapes are not literals
    literals = {c for c in bare if c.isalpha() or not c.isascii()}
    assert {"t", "é", "’"} <= literals and "P" not in literals
    classes = set(re.findall(r"\[[^\]]*\]", pattern)) | {r"\w", r"\s", r"\S", r"\d", ".", r"[\w\-]"}
    for c in FOLD_SAFE:
        low = c.lower()
        assert len(low) == 1, c
        for p in literals:
            assert bool(re.fullmatch(re.escape(p), c, re.I)) == (low == p), (c, p)
        for cls in classes:
            assert bool(re.fullmatch(cls, c, re.I)) == bool(re.fullmatch(cls, low)), (c, cls)


def test_lowercased_cue_search_finds_the_same_cues_on_every_window():
    from transforms import categories
    checked = 0
    for text in _texts():
        for i in range(0, len(text), 7):
            w = text[i:i + 90]
            if FOLD_UNSAFE_RE.search(w):
                continue
            a = [(m.span(), m.lastgroup) for m in categories._CUES_RE.finditer(w)]
            b = [(m.span(), m.lastgroup) for m in categories._CUES_LOWER_RE.finditer(w.lower())]
            assert a == b, w
            checked += len(a)
    assert checked > 1000


def test_lowercased_verb_search_finds_the_same_verbs_on_every_sentence():
    from transforms import categories
    from transforms.sentences import split_sentences
    checked = 0
    for rx, twin in ((claimants._VERB_RE, claimants._VERB_LOWER_RE), (categories._CUES_RE, categories._CUES_LOWER_RE)):
        literals = {c for c in re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", "", rx.pattern) if c.isalpha() or not c.isascii()}
        for c in FOLD_SAFE:
            for p in literals:
                assert bool(re.fullmatch(re.escape(p), c, re.I)) == (c.lower() == p), (c, p)
        for text in _texts():
            for s0, s1 in split_sentences(text):
                sent = text[s0:s1]
                if FOLD_UNSAFE_RE.search(sent):
                    continue
                a = [(m.span(), m.lastgroup) for m in rx.finditer(sent)]
                assert a == [(m.span(), m.lastgroup) for m in twin.finditer(sent.lower())], sent
                checked += len(a)
    assert checked > 300
