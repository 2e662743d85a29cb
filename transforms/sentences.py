"""Sentence boundaries with character offsets, for wire bodies, headlines and one-line alerts.

A line break always ends a sentence (headlines, alert stacks); inside a line a sentence ends at
. ! ? followed by a space and a capital, digit or opening quote, except after a known abbreviation
or inside a « … » / “ … ” quotation (so a quote and its "a indiqué X" stay together).
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?…]+[»”\"’')]*(?=[ \u00a0]+[«“\"'‘(]?[ \u00a0\u202f]?[A-ZÀ-ÖØ-Þ0-9])|\n+")
_ABBREV = re.compile(
    r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|Me|St|Ste|Mr|Mrs|Ms|Prof|Gen|Gén|Lt|Col|Sgt|Capt|Cpt|No|n|p|vol|art|"
    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|janv|févr|Inc|Ltd|Co|Corp|vs|cf|etc|ex|env|approx|"
    r"[A-Z])|\b(?:[A-Z]\.){1,4}[A-Z]?)$"
)
_MAX_QUOTE = 800
_OPEN_Q = "«“"
_CLOSE_Q = "»”"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, stripped of surrounding spaces; empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("\n"):
            _add(text, start, m.start(), spans)
            start = m.end()
            continue
        end = m.end()
        if m.group().startswith(".") and _ABBREV.search(text, max(start, m.start() - 12), m.start()):
            continue
        if _inside_quote(text, start, end):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits in a quotation opened in this sentence that closes soon after (balanced)."""
    seg = text[max(start, pos - _MAX_QUOTE):pos]
    ahead = text[pos:pos + _MAX_QUOTE]
    nl = ahead.find("\n")
    if nl >= 0:
        ahead = ahead[:nl]
    depth = sum(seg.count(c) for c in _OPEN_Q) - sum(seg.count(c) for c in _CLOSE_Q)
    if depth > 0:
        return any(c in ahead for c in _CLOSE_Q)
    # straight double quotes: inside when an odd number opened this sentence and one closes ahead
    if seg.count('"') % 2 == 1 and start <= pos - len(seg) + seg.find('"'):
        return '"' in ahead
    return False


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_FR_HINTS = re.compile(r"\b(?:le|la|les|des|du|est|selon|une|dans|sont|ont|été|avec|pour|qui|au|aux)\b")
_EN_HINTS = re.compile(r"\b(?:the|of|and|to|is|was|were|said|with|for|has|have|that|from|by|on)\b")


def detect_language(text: str) -> str:
    """``fr`` or ``en`` from function-word counts in the first few thousand characters."""
    sample = text[:4000].lower()
    fr = len(_FR_HINTS.findall(sample))
    en = len(_EN_HINTS.findall(sample))
    return "en" if en > fr else "fr"
