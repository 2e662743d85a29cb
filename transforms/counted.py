"""The noun phrase a number counts: "725 camps d’entraînement", "une vingtaine de pick-ups, taxis et
voitures", "2,421 people injured" -> "people".

A left-to-right walk over at most a dozen words after the number: nouns and adjectives are kept,
"de"/"of"/"et"/"and"/commas continue the phrase when a content word follows, and the phrase stops
at a verb, a participle in second position, a preposition, a determiner or punctuation.
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*|[,;:.!?()«»“”\"%€$£]|\d[\d.,]*|\S")

STOP = frozenset("""
à a au aux dans en sur sous pour par selon depuis avec sans vers chez contre entre lors après avant pendant
jusqu jusqu’à jusqu'à malgré parmi via dès durant au-dessus au-delà au-dessous en-dessous près loin autour face
ont sont est était étaient avaient avait ont-ils sera seront serait seraient aurait auraient été être
a-t-il a-t-elle ont-elles fut y se s’ s' sa son ses leur leurs ce cet cette ces mais ou où que qu’ qu' qui dont
tandis alors soit puis donc car comme ainsi
le la les l’ l' un une des du de d’ d' et
ne n’ n' pas plus moins très déjà encore toujours également aussi seulement désormais notamment environ
ils elles il elle on nous vous
in on at to from by for with since after before during over into across per off near under within without
against among between through toward towards upon about around amid despite via than
have has had were was are is be been being will would could should may might can did do does
the a an its their his her this these those that which who whom whose while as and or but nor so
still already also only now just not no more less further each every all both some any
he she it they we you there here
""".split())
CONNECT_DE = frozenset(["de", "d’", "d'", "des", "du", "of"])
CONNECT_AND = frozenset(["et", "and", ","])
PARTICIPLE_OK = frozenset("""
fortifiées fortifiés fortifiée fortifié armés armées armé exprimés blindés enregistrés qualifiés spécialisés
associés alliés civils déplacés blessés réfugiés détenus disparus morts tués
""".split())
_PARTICIPLE_RE = re.compile(r"(?:é|ée|és|ées|ed|és)$", re.IGNORECASE)
# Finite verb endings: French present/imperfect/future plural ("quittent", "partaient", "assureront"), -ing.
_VERBISH_RE = re.compile(r"(?:(?<!m)ent|aient|ait|ez|[eiudv]ront|rront|ing)$", re.IGNORECASE)
# English verbs with no telltale ending, which end a noun phrase ("rebels left", "buses leave").
EN_VERBS = frozenset("""
leave leaves left quit quits flee flees fled remain remains stay stays go goes went come comes came arrive arrives
return returns live lives die dies face faces need needs wait waits take takes took get gets got make makes made
see sees saw give gives gave run runs ran fall falls fell rise rises rose stand stands stood lie lies lay
begin begins began keep keeps kept hold holds held meet meets met win wins won lose loses lost send sends sent
bring brings brought seek seeks sought find finds found spend spends spent feel feels felt cross crosses
reach reaches join joins head heads move moves board boards wait waits
""".split())
# English participles that name people by their state and so stand for a noun ("with 5,674 injured,").
STATE_NOUNS = frozenset("injured wounded dead missing homeless displaced unemployed disappeared".split())
# A participle right after the number is a verb when a complement follows it ("evacuated from Aleppo").
_COMPLEMENT_RE = re.compile(
    r"\s+(?:in|from|by|at|during|after|when|as|on|over|since|across|near|while|overnight|to|into|out|"
    r"inside|outside|following|amid|and\s+\w+ed\b)\b", re.IGNORECASE)
_EN_PARTICIPLE_AT_START = re.compile(r"\s*([a-z]+ed|taken|beaten|driven|stolen|left|fled|held|lost|hurt|shot|sent|"
                                     r"dead|missing|homeless)\b(?![\-’'])")
_NOT_PARTICIPLES = frozenset("bed shed red sled shred sacred kindred naked wicked hatred hundred".split())
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_][\w\-]*)")
_ADVERBS = frozenset("""overnight yesterday today tonight there here nationwide worldwide last earlier later so
monday tuesday wednesday thursday friday saturday sunday""".split())
GENERIC_HEADS = frozenset("personnes people persons gens individus individuals".split())
IRREGULAR_PARTICIPLES = frozenset("""
venus venues venu venue pris prises mis mises partis restés restées sortis issus issues
rentrés présents présentes réunis réunies morts mortes tués tuées blessés blessées faits faites
vêtus vêtues élus élues attendus attendues originaires non lundi mardi mercredi jeudi vendredi samedi dimanche
monday tuesday wednesday thursday friday saturday sunday overnight along cross crossed reached turned died
""".split())
ELIDED = ("d’", "d'", "l’", "l'")
MAX_WORDS = 12
CURRENCY_SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "US$": "dollars", "¥": "yen", "CHF": "francs suisses"}
_OTHERS_RE = re.compile(r"\s+(autres|others|more)\b", re.IGNORECASE)
OTHER_WORDS = frozenset(["autres", "others", "other", "autre", "more", "supplémentaires", "de plus", "additional"])


def tokens(s: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; an elided article ("d’", "l’") is split off its noun."""
    out = []
    for m in _WORD_RE.finditer(s):
        w = m.group()
        low = w.lower()
        if len(w) > 2 and low[:2] in ELIDED:
            out.append((w[:2], m.start(), m.start() + 2))
            out.append((w[2:], m.start() + 2, m.end()))
        else:
            out.append((w, m.start(), m.end()))
        if len(out) > 40:
            break
    return out


def _content(w: str) -> bool:
    low = w.lower()
    return bool(w) and w[0].isalpha() and low not in STOP


class _LazyTokens:
    """``tokens(s)``, produced only as far as the walk reads them: most phrases stop after two or three
    words, so tokenising all forty up front was most of the cost. ``has(i)`` is ``i < len(tokens(s))``."""

    __slots__ = ("items", "_it", "_open")

    def __init__(self, s: str):
        self.items: list[tuple[str, int, int]] = []
        self._it = _WORD_RE.finditer(s)
        self._open = True

    def has(self, i: int) -> bool:
        items = self.items
        while len(items) <= i and self._open:
            m = next(self._it, None)
            if m is None:
                self._open = False
                break
            w = m.group()
            if len(w) > 2 and w[:2].lower() in ELIDED:
                items.append((w[:2], m.start(), m.start() + 2))
                items.append((w[2:], m.start() + 2, m.end()))
            else:
                items.append((w, m.start(), m.end()))
            if len(items) > 40:
                self._open = False
        return i < len(items)


def noun_phrase(s: str, first_may_be_participle: bool = True) -> tuple[str, int] | None:
    """The noun phrase at the start of ``s`` and where it ends, or None if ``s`` starts with no noun."""
    lazy = _LazyTokens(s[:160])
    has = lazy.has
    toks = lazy.items
    i = 0
    while has(i) and toks[i][0] in "«“\"":
        i += 1
    if not has(i) or not _content(toks[i][0]):
        return None
    start = toks[i][1]
    end = toks[i][2]
    words = 1
    i += 1
    while has(i) and words < MAX_WORDS:
        w = toks[i][0]
        low = w.lower()
        if low in CONNECT_DE:
            j = i + 1
            if has(j) and toks[j][0].lower() in ("la", "l’", "l'") and low in ("de",):
                j += 1
            if low == "of" and has(j) and not _content(toks[j][0]):
                break
            if has(j) and _content(toks[j][0]) and not toks[j][0][0].isupper() \
                    and not _PARTICIPLE_RE.search(toks[j][0]):
                end = toks[j][2]
                i = j + 1
                words += 1
                continue
            break
        if low in CONNECT_AND:
            j = i + 1
            if has(j) and _content(toks[j][0]) and not _PARTICIPLE_RE.search(toks[j][0]) \
                    and not _VERBISH_RE.search(toks[j][0]) and toks[j][0].lower() not in EN_VERBS \
                    and (low != "," or (_list_continues(lazy, j) and not _apposition(lazy, i))):
                end = toks[j][2]
                i = j + 1
                words += 1
                continue
            break
        if low in "»”\"":
            break
        if not _content(w) or low in IRREGULAR_PARTICIPLES or low in EN_VERBS:
            break
        if _PARTICIPLE_RE.search(w) and low not in PARTICIPLE_OK:
            # "heavily armed fighters": an -ed word between an adverb and a noun is an adjective
            if not (has(i + 1) and _content(toks[i + 1][0]) and low.endswith("ed")
                    and toks[i - 1][0].lower().endswith("ly") and not _PARTICIPLE_RE.search(toks[i + 1][0])):
                break
        if _VERBISH_RE.search(w) and low not in PARTICIPLE_OK:
            break
        end = toks[i][2]
        words += 1
        i += 1
    phrase = s[start:end]
    phrase = phrase.strip(" ,«»“”\"")
    return (phrase, end) if phrase else None


def _list_continues(lazy: _LazyTokens, j: int) -> bool:
    """After a comma, keep going only if the list closes with "et"/"and" within a few words."""
    toks = lazy.items
    for k in range(j, j + 6):
        if not lazy.has(k):
            break
        w = toks[k][0].lower()
        if w in ("et", "and"):
            return True
        if w in (".", ";", ":") or not (_content(toks[k][0]) or w == ","):
            return False
    return False


def _apposition(lazy: _LazyTokens, comma: int) -> bool:
    """"personnes, femmes et enfants, ont": a list set off by commas after a generic head describes it."""
    toks = lazy.items
    if comma != 1 or toks[0][0].lower() not in GENERIC_HEADS:
        return False
    for k in range(comma + 1, comma + 8):
        if not lazy.has(k):
            break
        if toks[k][0] in ",;:.":
            return toks[k][0] == ","
    return False


def elided_noun(right: str, lang: str) -> int:
    """Length of an English participle standing right after the number for a verb whose subject noun
    is left out ("7,000 evacuated from Mosul", "Twelve killed"), else 0. State words ("5,674 injured,")
    are nouns unless a complement follows ("seven injured in shelling")."""
    if lang != "en":
        return 0
    m = _EN_PARTICIPLE_AT_START.match(right)
    if not m:
        return 0
    word = m.group(1).lower()
    if word in _NOT_PARTICIPLES or (word.endswith("eed") and word != "freed"):
        return 0
    if word in STATE_NOUNS and not _COMPLEMENT_RE.match(right, m.end()):
        return 0
    nxt = _NEXT_WORD_RE.match(right, m.end())
    if nxt and nxt.group(1).lower() not in STOP and nxt.group(1).lower() not in _ADVERBS:
        return 0  # "registered voters", "armoured vehicles": an adjective before its noun
    return m.end()


def counted_after(right: str, lang: str) -> tuple[str | None, int]:
    """``(counted, characters consumed)`` for the text right after a number expression.

    Handles "de"/"d’"/"of" after scale and approximate nouns, partitives ("62 of the town's residents",
    "27 des 31 drones" -> None, the caller takes it from the next figure), "dont des", quotes.
    """
    om = _OTHERS_RE.match(right)
    if om:
        if om.group(1).lower() == "more":
            np = noun_phrase(right[om.end():])
            if np:
                return np[0], om.end() + np[1]
        return None, om.end()
    m = _RX0.match(right)
    pos = m.end() if m else 0
    paren = bool(m and "(" in m.group())
    m2 = _RX1.match(right[pos:])
    pre = m2.group() if m2 else ""
    if _RX2.match(right[pos + len(pre):pos + len(pre) + 1] or ""):
        return None, 0
    if _RX3.match(pre) and not _RX4.search(pre):
        return None, 0
    np = noun_phrase(right[pos + len(pre):])
    if not np:
        return None, 0
    phrase, end = np
    consumed = pos + len(pre) + end
    if paren and right[consumed:consumed + 1] == ")":
        consumed += 1
    if phrase.lower().split()[0] in OTHER_WORDS:
        rest = phrase.split(None, 1)
        return (rest[1] if len(rest) > 1 and rest[0].lower() == "more" else None), consumed
    return phrase, consumed


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"\s*(?:\((?:de|of)\s+)?")
_RX1 = re.compile(r"(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|de\s+|d[’']|of\s+(?:the\s+|its\s+|their\s+)?"
                  r"(?:[\w\-]+[’']s\s+)?|dont\s+(?:des\s+|les\s+)?|including\s+)?"
                  r"(?:(?:nos|vos|leurs|ses|our|their|its)\s+)?", re.IGNORECASE)
_RX2 = re.compile(r"\d")
_RX3 = re.compile(r"(?:dont|including)\b", re.IGNORECASE)
_RX4 = re.compile(r"(?:des|les)\s+$")
