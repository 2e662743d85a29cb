"""Reading number expressions as French and English news write them.

Digit groups (``71.000``, ``1 500`` with any of the four space characters, ``1,500``), decimals
(``2,5 millions``, ``1.5 million``), scale words (million, milliard, billion, ``£480m``), number
words (``trente-cinq mille``, ``seventy-six``) via text2num, and approximate nouns (``une vingtaine``).
Arabic-Indic digits are mapped to ASCII one for one, so offsets never move.
"""

from __future__ import annotations

import re

from text_to_num import text2num

GROUP_SPACES = " \u00a0\u202f\u2009"
_DIGIT_MAP = {0x0660 + i: 0x30 + i for i in range(10)} | {0x06F0 + i: 0x30 + i for i in range(10)}
_EASTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
MAX_DIGITS = 24

SCALES: dict[str, float] = {
    "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "trillions": 1e12, "mille": 1e3, "thousand": 1e3, "m": 1e6, "bn": 1e9, "md": 1e9,
    "mn": 1e6, "k": 1e3, "demi-million": 5e5,
}

APPROX_NOUNS: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}

FR_WORDS = (
    "zéro deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt vingts trente quarante cinquante soixante cent cents mille"
).split()
EN_WORDS = (
    "zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand"
).split()
_UNITS_ANY = FR_WORDS + EN_WORDS + ["un", "une", "one"]
_WORD = "(?:" + "|".join(sorted(set(_UNITS_ANY), key=len, reverse=True)) + ")"
# A run of number words joined by hyphens, spaces and "et"/"and"; must start and end on a number word.
NUMBER_WORDS_RE = re.compile(
    rf"(?<![\w\-’']){_WORD}(?:(?:-|\s+|\s+(?:et|and)\s+|-et-){_WORD})*(?![\w\-])",
    re.IGNORECASE,
)

_SEP = "[" + GROUP_SPACES + "]"
# Digit groups: spaced thousands first (so "1 500" is one number), else digits with . and , inside.
DIGITS_RE = re.compile(
    rf"(?<![\w.,\-/])(?:\d{{1,3}}(?:{_SEP}\d{{3}}(?![\d]))+(?:,\d+)?|\d+(?:[.,]\d+)*)(?![\d])"
)


def normalize_digits(text: str) -> str:
    """Arabic-Indic and extended Arabic-Indic digits to ASCII; same length, so offsets hold.
    Most texts have none: a C-speed search spares the slow ``translate`` over the whole text."""
    if _EASTERN_DIGIT_RE.search(text) is None:
        return text
    return text.translate(_DIGIT_MAP)


_DIGIT_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*", re.ASCII)


def parse_digits(token: str, lang: str = "fr", scaled: bool = False) -> float | None:
    """The value of one digit token (``71.000``, ``1 500``, ``1,089``, ``6,8``, ``1.5``).

    French: a comma is a decimal mark and a dot before exactly three digits groups thousands.
    English: a comma before exactly three digits groups thousands and a dot is decimal. A scale word
    after the number (``1,089 million``) makes a lone French comma decimal in both readings.
    """
    if token.isdigit() and token.isascii():  # the common case, decided as the general path below would
        return float(int(token)) if len(token) <= MAX_DIGITS else None
    token = token.strip()
    for sp in GROUP_SPACES:
        token = token.replace(sp, "")
    if not token or sum(c.isdigit() for c in token) > MAX_DIGITS:
        return None
    if not _DIGIT_TOKEN.fullmatch(token):  # '0-', '12a', '²': not a number as written
        return None
    if token.isdigit():
        return float(int(token))
    commas, dots = token.count(","), token.count(".")
    if commas and dots:
        # "1.234,5" (fr) or "1,234.5" (en): the last mark is the decimal one
        if token.rfind(",") > token.rfind("."):
            token = token.replace(".", "").replace(",", ".")
        else:
            token = token.replace(",", "")
        return _float(token)
    mark = "," if commas else "."
    parts = token.split(mark)
    groups_of_three = len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
    if len(parts) > 2:
        return _float("".join(parts)) if groups_of_three else None
    if mark == ",":
        thousands = groups_of_three and lang == "en" and not scaled
    else:
        thousands = groups_of_three and lang != "en" and not scaled
    return _float("".join(parts) if thousands else parts[0] + "." + parts[1])


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(phrase: str, lang: str = "fr") -> float | None:
    """``trente-cinq mille`` -> 35000, ``One hundred and fifteen`` -> 115 (text2num, then the other language)."""
    p = " ".join(phrase.lower().split())
    if p in ("un", "une", "one"):
        return 1.0
    if p.startswith(("un ", "une ", "one ")) and not p.startswith(("un mill", "une mill", "one thous", "one hund")):
        return None
    langs = ("fr", "en") if lang != "en" else ("en", "fr")
    for lg in langs:
        try:
            return float(text2num(p, lg))
        except (ValueError, IndexError, KeyError):
            continue
    return None


def parse_number(expr: str, lang: str = "fr") -> float | None:
    """The value of a whole number expression: digits or words, with an optional scale word.

    ``"2,5 millions"`` -> 2500000, ``"1.5 million"`` -> 1500000, ``"1,9 milliard"`` -> 1.9e9,
    ``"trente-cinq mille"`` -> 35000, ``"71.000"`` -> 71000, ``"une vingtaine"`` -> 20.
    """
    expr = normalize_digits(expr).strip()
    if not expr:
        return None
    m = _RX0.fullmatch(expr)
    scale = 1.0
    head = expr
    if m and m.group(1) and (m.group(1)[-1].isdigit() or m.group(1).lower().split()[-1:] != []):
        head, scale = m.group(1), SCALES[m.group(2).lower()]
    head = head.strip()
    if not head:
        return None
    if head[0].isdigit():
        v = parse_digits(head, lang, scaled=scale != 1.0)
    else:
        low = head.lower()
        noun = low.split()[-1].rstrip("s") if low.split() else ""
        if noun in APPROX_NOUNS:
            v = float(APPROX_NOUNS[noun])
        else:
            v = parse_words(head, lang)
    if v is None:
        return None
    return _clean(v * scale)


def _clean(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


def format_number(value: float, style: str) -> str:
    """Write ``value`` in one of the styles the parser reads (used by the property tests and docs)."""
    if style in ("fr_space", "fr_nbsp", "fr_nnbsp", "fr_thin", "fr_dot", "en_comma", "plain"):
        sep = {"fr_space": " ", "fr_nbsp": "\u00a0", "fr_nnbsp": "\u202f", "fr_thin": "\u2009",
               "fr_dot": ".", "en_comma": ",", "plain": ""}[style]
        ival = int(value)
        s = f"{ival:,}".replace(",", sep)
        frac = value - ival
        if frac:
            dec = f"{value:.6f}".split(".")[1].rstrip("0")
            s += ("." if style == "en_comma" or style == "plain" else ",") + dec
        return s
    if style in ("fr_million", "en_million"):
        v = value / 1e6
        txt = f"{v:.3f}".rstrip("0").rstrip(".")
        if style == "fr_million":
            return txt.replace(".", ",") + (" millions" if v >= 2 else " million")
        return txt + " million"
    raise ValueError(style)


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"(.*?)[\s\u00a0\u202f\u2009]*(millions?|milliards?|billions?|trillions?|bn|mn|m|k|md)\.?", re.IGNORECASE)
