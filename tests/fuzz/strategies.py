"""Hypothesis strategies: news-like text around numbers, and byte mutations of real feeds and pages."""

from __future__ import annotations

from hypothesis import strategies as st
from targets import LANGS, seeds

NUMBER_PIECES = ["0", "1", "7", "12", "35", "000", "500", "71", "1 200", "1\u00a0500", "1\u202f000", "2,5", "1.5",
                 "71.000", "1,500", "10 000", "١٢٣", "۴۵", "-", "–", "à", "to", "and", "et", "entre", "between",
                 "million", "millions", "milliard", "bn", "m", "k", "£", "$", "%", "trente-cinq", "mille", "cent",
                 "vingtaine", "une", "seventy-six", "thousand", "hundred", "dozens", "plus de", "more than",
                 "au moins", "at least", "près de", "nearly", "environ", "about", "quelque"]
NOUN_PIECES = ["morts", "civils", "blessés", "personnes", "evacuated", "people", "killed", "frappes", "strikes",
               "bus", "buses", "sorties", "combattants", "rebels", "usines", "déplacés", "tonnes", "ans", "h",
               "selon", "according to", "a déclaré", "said", "l'ONU", "the ministry", "Moscou", "«", "»", '"',
               ".", ",", ";", ":", "(", ")", "\n", "\n\n", " ", "AFP", "2016", "22 décembre", "Dec. 22",
               "+33 1 40 41 46 46", "n°", "№", "v2", "x", "\u200b", "\ufffd"]


def news_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(NUMBER_PIECES), st.sampled_from(NOUN_PIECES), st.text(max_size=6))
    return st.lists(piece, max_size=max_pieces).map(" ".join)


def number_text() -> st.SearchStrategy[str]:
    return st.one_of(st.lists(st.sampled_from(NUMBER_PIECES), min_size=1, max_size=5).map(" ".join),
                     st.text(alphabet="0123456789 ,.\u00a0\u202f\u2009-", max_size=30), st.text(max_size=30))


langs = st.sampled_from(LANGS)


@st.composite
def mutated(draw, target: str) -> bytes:
    """A seed (a real feed, wire item or page) cut, spliced or sprinkled with bytes; or raw bytes."""
    corpus = seeds(target)
    if not corpus or draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    data = bytearray(draw(st.sampled_from(corpus)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "insert", "flip", "duplicate", "delete"]))
        at = draw(st.integers(0, len(data)))
        if op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"<", b">", b"&", b"]]>", b"<!--", b"\x00", b"\xff\xfe",
                                                b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"&#0;", b"&#x110000;",
                                                b"<item>", b"</item>", b"<a>" * 50, b"\"", b"'"]))
        elif op == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] = draw(st.integers(0, 255))
        elif op == "duplicate" and data:
            end = draw(st.integers(at, min(len(data), at + 400)))
            data[at:at] = data[at:end]
        elif op == "delete" and data:
            end = draw(st.integers(at, min(len(data), at + 200)))
            del data[at:end]
    return bytes(data)
