"""Qualifier words around a number and the bounds convention of the gold sets.

``exact``: low = high = value. ``approx``: value only. ``more_than``/``at_least``: low.
``less_than``/``at_most``: high. ``range``: low and high, no value. ``vague``: the conventional
bounds of the phrase (des dizaines 20-99, quelques dizaines 20-90, des centaines 200-999, ...).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_AP = "[’']"

# Order matters: "pas moins de" before "moins de", "plus d'une" before anything shorter.
_LEFT_PATTERNS: list[tuple[str, str]] = [
    ("at_least", rf"pas\s+moins\s+d(?:e\s+|{_AP}\s*)|au\s+moins\s+|at\s+least\s+|no\s+(?:fewer|less)\s+than\s+|"
                 r"a\s+minimum\s+of\s+|minimum\s+(?:de\s+)?"),
    ("more_than", rf"(?:bien\s+|un\s+peu\s+|légèrement\s+)?plus\s+d(?:e\s+|{_AP}\s*)|(?:well\s+|slightly\s+|just\s+)?"
                  r"more\s+than\s+|over\s+|upwards\s+of\s+|in\s+excess\s+of\s+|exceeding\s+|above\s+|"
                  r"(?:a\s+|ont\s+|avaient\s+|aurait\s+)?(?:dépass[eéa]\w*|franchi\w*|passé\s+la\s+barre\s+de\w*)"
                  r"(?:\s+(?:déjà|désormais|maintenant))?(?:\s+(?:les|la\s+barre\s+des|le\s+cap\s+des))?\s+|"
                  rf"au-delà\s+d(?:e\s+|{_AP}\s*)|supérieure?s?\s+à\s+|tops?\s+|topped\s+|topping\s+|surpass\w*\s+|"
                  r"exceed(?:s|ed)?\s+"),
    ("less_than", rf"moins\s+d(?:e\s+|{_AP}\s*)|fewer\s+than\s+|less\s+than\s+|under\s+|below\s+|"
                  r"inférieure?s?\s+à\s+|sous\s+la\s+barre\s+d(?:e\s+|es\s+)"),
    ("at_most", rf"jusqu{_AP}à\s+|up\s+to\s+|as\s+(?:many|much)\s+as\s+|au\s+plus\s+|at\s+most\s+|"
                r"no\s+more\s+than\s+|maximum\s+(?:de\s+)?|au\s+maximum\s+"),
    ("approx", rf"près\s+d(?:e\s+|{_AP}\s*)|environ\s+|quelque\s+|presque\s+|approximativement\s+|"
               rf"autour\s+d(?:e\s+|{_AP}\s*)|à\s+peu\s+près\s+|aux\s+alentours\s+d(?:e\s+|{_AP}\s*)|"
               r"grosso\s+modo\s+|nearly\s+|about\s+|around\s+|some\s+|roughly\s+|approximately\s+|almost\s+|"
               r"close\s+to\s+|an\s+estimated\s+|estimated\s+|maybe\s+|perhaps\s+|nears?\s+|nearing\s+|"
               r"approaching\s+|frôl\w+\s+(?:les\s+)?|avoisin\w+\s+(?:les\s+)?|approch\w+\s+(?:les\s+)?"),
]
LEFT_RE = re.compile(
    "(?:" + "|".join(f"(?P<{name}>(?<![\\w’'])(?:{pat}))" for name, pat in _LEFT_PATTERNS) + r")$", _I
)
_RIGHT_RE = re.compile(r"(?P<more_than>-plus\b|\s+(?:et\s+plus|or\s+more|and\s+more|ou\s+plus)\b)|"
                       r"(?P<approx>\s+(?:environ|or\s+so|odd)\b)", _I)

VAGUE_BOUNDS: list[tuple[re.Pattern[str], tuple[int, int]]] = [
    (re.compile(p, _I), b) for p, b in [
        (r"(?:des|quelques|plusieurs)\s+(?:dizaines|centaines)\s+de\s+milliers", (0, 0)),
        (r"des\s+dizaines\s+de\s+milliers|tens\s+of\s+thousands", (20000, 99999)),
        (r"des\s+centaines\s+de\s+milliers|hundreds\s+of\s+thousands", (200000, 999999)),
        (r"(?:quelques|plusieurs)\s+dizaines|several\s+dozen", (20, 90)),
        (r"(?:quelques|plusieurs)\s+centaines|several\s+hundreds?", (200, 900)),
        (r"(?:quelques|plusieurs)\s+milliers|several\s+thousands?", (2000, 9000)),
        (r"des\s+dizaines|dozens", (20, 99)),
        (r"des\s+centaines|hundreds", (200, 999)),
        (r"des\s+milliers|thousands", (2000, 9999)),
        (r"des\s+millions|millions", (2000000, 9999999)),
    ]
]


def vague_bounds(phrase: str) -> tuple[int, int] | None:
    """Conventional bounds of a vague quantity phrase, or None if it is not one we know."""
    p = " ".join(phrase.split())
    for rx, bounds in VAGUE_BOUNDS:
        if rx.fullmatch(p):
            return bounds if bounds != (0, 0) else None
    return None


# Every qualifier ends with one of these words (or a word starting with one of the stems): a cheap test
# on the last word spares the anchored search over the whole window for most numbers.
_LAST_WORDS = frozenset("""de d d' d’ moins least than of minimum over exceeding above les des à under below to as plus
most maximum environ quelque presque approximativement près modo nearly about around some roughly approximately
almost estimated maybe perhaps déjà désormais maintenant jusqu’à jusqu'à""".split())
_LAST_STEMS = ("dépass", "franchi", "surpass", "frôl", "avoisin", "approch", "top", "exceed", "near", "barre", "cap")


def qualifier_before(left: str) -> tuple[str, int] | None:
    """``(qualifier, length of the qualifier words)`` if ``left`` ends with qualifier words."""
    words = left[-30:].split()  # the last run of non-space characters
    if not words:
        return None
    word = words[-1].lower()
    if word not in _LAST_WORDS and not word.startswith(_LAST_STEMS) and not word.endswith(("d’", "d'")):
        return None
    m = LEFT_RE.search(left[-60:])
    if not m:
        return None
    return m.lastgroup or "exact", len(m.group())


def qualifier_after(right: str) -> tuple[str, int] | None:
    m = _RIGHT_RE.match(right)
    if not m:
        return None
    return m.lastgroup or "exact", len(m.group())


def bounds(qualifier: str, value: float | None) -> tuple[float | None, float | None]:
    """``(low, high)`` for a single-value qualifier, following the gold README."""
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    return None, None


def range_link(between: str, left_of_first: str) -> str | None:
    """How two numbers joined by ``between`` relate: ``range``, ``revision`` (de X à Y) or None."""
    b = " ".join(between.split())
    if _RX1.fullmatch(b) and _RX2.search(left_of_first):
        return "range"
    if _RX0.fullmatch(b):
        if _RX3.search(left_of_first):
            return "revision" if b.lower() in ("à", "a", "to") else None
        if b.lower() in ("ou", "or"):
            return "range"
        return "range"
    if b.lower() in ("-", "–"):
        return "range"
    return None


def entre_prefix(left: str) -> int:
    """Length of a trailing "entre "/"between " (the range surface starts there)."""
    m = _RX4.search(left)
    return len(m.group()) if m else 0


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"(?:à|a|to|-|–|ou|or)", _I)
_RX1 = re.compile(r"(?:et|and)", _I)
_RX2 = re.compile(r"(?:\bentre|\bbetween)\s+$", _I)
_RX3 = re.compile(r"(?:\bde|\bfrom|\bd[’'])\s*$", _I)
_RX4 = re.compile(r"(?<![\w])(?:entre|between|compris\s+entre)\s+$", _I)
