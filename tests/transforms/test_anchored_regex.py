"""tail_search must find exactly what rx.search finds, only sooner."""

from __future__ import annotations

import re

from figurewire.shared_data import shared_dir
from transforms import nonfigures
from transforms.anchored_regex import longest_match, tail_search


def test_longest_match_needs_every_branch_anchored_and_bounded():
    assert longest_match(re.compile(r"(?:ab|c)\s?$")) == 3
    assert longest_match(re.compile(r"ab|c$")) is None          # "ab" may match anywhere
    assert longest_match(re.compile(r"\bab\s+$")) is None       # unbounded
    assert longest_match(nonfigures._DATE_L) == 11
    assert longest_match(nonfigures._ID_L) is None
    assert longest_match(nonfigures._ID_L_BOUNDED) == 11


def test_word_boundary_and_lookbehind_still_see_before_the_start():
    rx = re.compile(r"\b(?:ces|these)\s$", re.I)
    tail = tail_search(rx)
    assert tail("x" * 30 + "these ") is None
    assert tail("x" * 30 + " these ").span() == (31, 37)
    assert tail("Ces \n").span() == (0, 4)


def test_same_answers_as_search_on_every_window_of_the_dev_texts():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((shared_dir() / "eval/dev/texts").glob("*.txt")))
    patterns = [nonfigures._DATE_L, nonfigures._PAREN_L, nonfigures._DEMONSTRATIVE_L, nonfigures._RX0,
                nonfigures._DEFINITE_L, nonfigures._SET_LIST_L2, nonfigures._ID_L_BOUNDED]
    checked = 0
    for rx in patterns:
        tail = tail_search(rx)
        for end in range(0, len(text), 3):
            for width in (24, 60):
                w = text[max(0, end - width):end]
                a, b = rx.search(w), tail(w)
                assert (a and a.span()) == (b and b.span()), (rx.pattern, w)
                assert bool(nonfigures._ID_L.search(w)) == bool(nonfigures._id_l(w)), w
                checked += 1
    assert checked > 10000
