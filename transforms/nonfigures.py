"""Number expressions that are not figures: dates, years, times, durations, ages, ordinals,
identifiers, addresses, phone numbers, locating distances, kind descriptors and set references.

Each rule looks only at a short window either side of the number, so the check is cheap and
cannot backtrack far. ``why_not_figure`` returns the reason (for debugging and tests) or None.
"""

from __future__ import annotations

import re

from transforms.anchored_regex import tail_search

_I = re.IGNORECASE
MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
    "decembre|january|february|march|april|may|june|july|august|september|october|november|december|"
    "janv|févr|avr|juil|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
TIME_UNITS = (
    "secondes?|minutes?|heures?|jours?|journées?|semaines?|mois|ans|années?|siècles?|décennies?|nuits?|"
    "seconds?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|nights?"
)

PHONE_RE = re.compile(
    r"(?<![\d\w])(?:\+\d{1,3}[ \u00a0.\-]?)?(?:\(0\)[ \u00a0]?)?"
    r"(?:0\d(?:[ \u00a0.\-]?\d{2}){4}|0\d{3,4}[ \u00a0.\-]\d{3}[ \u00a0.\-]?\d{3,4}|\d{3}[ \u00a0.\-]\d{3}[ \u00a0.\-]\d{4})"
    r"(?![\d])"
)

_ORDINAL_R = re.compile(r"(?:er|ère|re|ers|e|es|ème|èmes|è|eme|nd|rd|th|st)\b")
_DATE_R = re.compile(rf"\s?(?:er\s)?(?:{MONTHS})\b\.?", _I)
_DATE_L = re.compile(rf"\b(?:{MONTHS})\.?\s$", _I)
_TIME_R = re.compile(r"(?:\s?[hH](?:\d{2})?\b|:\d{2}|\.\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)|\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
                     r"|\s(?:GMT|UTC|CET|CEST|HNE|EST|BST)\b)")
_DURATION_R = re.compile(rf"[\s\-](?:{TIME_UNITS})\b", _I)
_AGE_L = re.compile(r"(?:\bâgée?s?\s+de\s|\baged\s|\bâge\s+de\s)$", _I)
_NAME_COMMA_L = re.compile(r"[A-ZÀ-Þ][\w\-’']+,\s$|[A-ZÀ-Þ][\w\-’']+\s\($")
_AGE_END_R = re.compile(r"(?:[,.;)]|\s+ans\b|$)")
_ID_L = re.compile(
    r"(?:\b(?:résolution|resolution|article|art\.|numéro|number|page|p\.|chapitre|chapter|section|alinéa|"
    r"paragraphe|paragraph|loi|décret|decree|ligne|line|vol|flight|route|autoroute|tome|rule|règle|protocole|"
    r"salle|room|porte|gate|quai|platform|bus\s+n°|lot|code|cote|niveau|level|n°|nº|no\.|#)\s?$)|[A-Z]-$|\bn°\s?$",
    _I,
)
_ACRONYM_L = re.compile(r"(?<![.!?]\s)\b(?:[A-Z]{2,}|[A-ZÀ-Þ][a-zà-ÿ]+)\s$")
_ID_END_R = re.compile(r"(?:\s?[,.;:)»”]|\s*$|\s+(?:et|and|à|de|du|in|of)\b)")
_ADDRESS_R = re.compile(
    r",?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|cours|route\s+de|"
    r"street|st\.|road|rd\.|lane|drive|calle|via|strasse|straße|square)\b", _I,
)
_DISTANCE_R = re.compile(
    r"\s?(?:km|kilomètres?|kilometres?|kilometers?|miles?|mètres|metres|meters|m)\b"
    r"(?:\s*\([^)]{0,30}\))?\s*(?:au\s+|à\s+l[’']|à\s+|du\s+)?"
    r"(?:nord|sud|est|ouest|north|south|east|west|northeast|northwest|southeast|southwest|"
    r"nord-est|nord-ouest|sud-est|sud-ouest|de\s+[A-ZÀ-Þ]|from\s+|of\s+[A-Z]|d[’'][A-ZÀ-Þ])", _I,
)
_PAREN_L = re.compile(r"\(\s?$")
_KIND_L = re.compile(r"\b[a-zà-ÿ]+[sx]\s+de\s$")
_KIND_R = re.compile(r"\s?(?:tonnes?|t|kg|kilos?|mètres?|m|places?|chevaux|cv|pieds|feet|ft|tons?|litres?|l|mm|cm|"
                     r"ch|kw|mw|gw|watts?|volts?|étages?|storeys?|floors?|pièces)\b", _I)
_KIND_EXEMPT_L = re.compile(r"\b(?:près|plus|moins|autour|lieu|total|magnitude|bilan|taux|hausse|baisse|chiffre|"
                            r"montant|environ|quelque|delà)\s+de\s$", _I)
_HYPHEN_KIND_R = re.compile(r"-(?!plus\b)(?:[a-zà-ÿ]+)\b")
_FREQ_R = re.compile(r"(?:\s+(?:ou|à|or|to)\s+\w+)?\s+(?:fois|times)\s+(?:par|a|per|an|each)\b", _I)
_THRESHOLD_R = re.compile(r"(?:\s+\w+)?\s+(?:étaient\s+|sont\s+|were\s+|are\s+)?(?:nécessaires|needed|requis|required)\b", _I)
_THRESHOLD_L = re.compile(r"(?:majorité\s+absolue|absolute\s+majority|majority)[^.;]{0,25}(?:à|of|at)\s$", _I)
_DEMONSTRATIVE_L = re.compile(r"\b(?:ces|these|those|both|cette|ce)\s$", _I)
_SET_LIST_L = re.compile(r"\b(?:et|and)\s(?:the\s|les\s|l[’'])?[A-ZÀ-Þ][^.]{0,40}\s[,\-–—]?\s?(?:les|the)\s$")
_SET_LIST_L2 = re.compile(r"\b(?:et|and)\s(?:the\s|les\s|l[’'])?[A-ZÀ-Þ][\w\-’' ]{0,40}[,\-–—]\s(?:les|the)\s$")
_SET_LIST_R = re.compile(r"\s+[\w\-]+,\s[A-ZÀ-Þ][\w\-’']+(?:,\s[A-ZÀ-Þ][\w\-’']+)*\s(?:et|and)\s[A-ZÀ-Þ]")
_INSTITUTION_R = re.compile(r"\s+[\w\-]+\s+(?:de\s+l[’']|du\s+|de\s+la\s+|of\s+the\s+)[A-ZÀ-Þ]")
_DEFINITE_L = re.compile(r"\b(?:les|the)\s$", _I)
_SCORE_L = re.compile(r"(?:victoire|défaite|score|nul|match|won|lost|beat|win|draw|defeat)\s*\(?\s*$", _I)


def why_not_figure(text: str, start: int, end: int, kind: str, value: float, lo: int, hi: int,
                   lang: str) -> str | None:
    """Reason the number at ``text[start:end]`` is not a figure, or None. ``lo``/``hi`` bound the sentence."""
    left = text[max(lo, start - 24):start]
    wide_left = text[max(lo, start - 60):start]
    right = text[end:min(hi, end + 60)]
    token = text[start:end]
    if kind == "digits":
        if _ORDINAL_R.match(right):
            return "ordinal"
        if _TIME_R.match(right):
            return "time"
        plain = token.isdigit()
        if plain and len(token) == 4 and 1800 <= value <= 2100 and not _RX2.match(right):
            return "year"
        if plain and len(token) > 1 and token[0] == "0":
            return "identifier"
    if _DATE_R.match(right) or _date_l(left):
        return "date"
    if _DURATION_R.match(right):
        return "duration"
    if _AGE_L.search(left):
        return "age"
    if kind == "digits" and value < 120 and _AGE_END_R.match(right) and _NAME_COMMA_L.search(left):
        return "age"
    if _id_l(left):
        return "identifier"
    if kind == "digits" and _ID_END_R.match(right) and _ACRONYM_L.search(left):
        sent_start = text[lo:start].strip()
        if " " in sent_start:  # a capitalised word mid-sentence, not the first word
            return "identifier"
    if _ADDRESS_R.match(right):
        return "address"
    if _DISTANCE_R.match(right) or (_RX1.match(right) and _paren_l(left)):
        return "distance"
    if _KIND_R.match(right) and _KIND_L.search(left) and not _KIND_EXEMPT_L.search(left):
        return "kind"
    if _HYPHEN_KIND_R.match(right):
        return "kind"
    if _FREQ_R.match(right):
        return "frequency"
    if _THRESHOLD_R.match(right) or _THRESHOLD_L.search(wide_left):
        return "threshold"
    if _demonstrative_l(left):
        return "set"
    if kind == "words" and value == 2 and _rx0_l(left):
        return "set"
    if _set_list_l2(wide_left) or _SET_LIST_R.match(right):
        return "set"
    if _INSTITUTION_R.match(right) and _definite_l(left):
        return "set"
    return None


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, found before any number so their groups are not read as figures."""
    return [m.span() for m in PHONE_RE.finditer(text)]


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"\b(?:les|des|the)\s$", _I)
_RX1 = re.compile(r"\s?(?:km|miles?|mi)\b")
_RX2 = re.compile(r"\s?(?:%|pour\s?cent|percent)")

# The left-context tests above must end where the number starts: search only where such a match can begin.
# "bus n°" (the only unbounded word) is also matched by its own last word "n°", so leaving it out of the
# searched copy of _ID_L cannot change whether _ID_L matches.
_ID_L_BOUNDED = re.compile(_ID_L.pattern.replace(r"bus\s+n°|", "", 1), _ID_L.flags)
_date_l, _id_l, _paren_l, _demonstrative_l, _rx0_l, _definite_l, _set_list_l2 = (
    tail_search(rx) for rx in (_DATE_L, _ID_L_BOUNDED, _PAREN_L, _DEMONSTRATIVE_L, _RX0, _DEFINITE_L, _SET_LIST_L2))
