"""Figure extraction: one entry point composing the small transforms.

sentences -> number expressions (numbers) -> not-figures filtered (nonfigures) -> qualifiers and
ranges (qualifiers) -> counted noun (counted) -> category (categories) -> claimant and via (claimants).
Pure functions over text: no I/O, no network, no models.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from figurewire.records import Article, Figure, article_text, stable_id
from transforms import categories, claimants, counted, nonfigures, numbers, qualifiers
from transforms.sentences import detect_language, split_sentences
from transforms.trie_regex import trie_pattern

EXTRACTOR_VERSION = "fx-2025.3"

_I = re.IGNORECASE
# Number words as tries (one branch per letter instead of 25 words tried at every word start); a word
# must end at a word boundary, so the trie's shortest-first order cannot cut "seventy" to "seven".
_FR_W = "(?:" + trie_pattern(numbers.FR_WORDS + ["un", "une"]) + r")(?![\w])"
_EN_W = "(?:" + trie_pattern(numbers.EN_WORDS + ["one"]) + r")(?![\w])"
_FR_WORDS_RE = re.compile(
    rf"(?<![\w\-’']){_FR_W}(?:(?:-|\s+|\s+et\s+|-et-){_FR_W})*(?![\w\-])", _I)
_EN_WORDS_RE = re.compile(
    rf"(?<![\w\-’']){_EN_W}(?:(?:-|\s+|\s+and\s+){_EN_W})*(?![\w\-])", _I)
_APPROX_NOUN = "|".join(numbers.APPROX_NOUNS)
_SPECIAL_RE = re.compile(
    r"(?<![\w])(?:"
    r"(?P<vague>(?:des|quelques|plusieurs)\s+(?:dizaines|centaines|milliers)(?:\s+de\s+milliers)?"
    r"|(?:tens|hundreds)\s+of\s+thousands|several\s+(?:hundreds?|thousands?|dozens?)|dozens|hundreds|thousands)"
    rf"|(?P<approx>(?:une?|a)\s+(?:{_APPROX_NOUN}|dozen))"
    r"|(?P<half>(?:un\s+|a\s+)?demi-million|half\s+a\s+million)"
    r")(?![\w])", _I)
# Every _SPECIAL_RE match contains one of these once lowercased, unless the sentence has one of the letters
# whose case folding in re differs from str.lower (dotless i, long s, dotted capital I): a sentence with
# neither skips the scan.
_SPECIAL_KEYS = ("aine", "millier", "thousand", "hundred", "dozen", "demi-million", "half")
_ODD_FOLDS = "ıſİ"
_CUR_PREFIX_RE = re.compile(r"(?:US|C|A|HK)?[$€£¥]\s?$")
_SCALE_RE = re.compile(r"[ \u00a0\u202f\u2009](millions?|milliards?|billions?|trillions?|thousand|mille)(?![\w])", _I)
_SCALE_ATTACHED_RE = re.compile(r"(bn|m|mn|k)(?![\w])")
_PCT_RE = re.compile(r"[ \u00a0\u202f\u2009]?%|\s+(?:pour\s?cent|percent|per\s+cent)\b", _I)
_CUR_SUFFIX_RE = re.compile(r"[ \u00a0\u202f]?[€$£]")
_HYPHEN_RANGE_RE = re.compile(r"[-–](\d+(?:[.,]\d+)?)(?![\d\w])")
_SUB_RE = re.compile(r"(?:\bdont|\bincluding|\bparmi\s+lesquels|\bamong\s+them)\s+$", _I)
# "the number of militants killed at 35,000", "le nombre de personnes évacuées à 8 000": the counted noun
# stands before the number; "à 4 300 le nombre d'insurgés tués": after it.
_NUMBER_OF_BEFORE_RE = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?:the\s+)?|\b(?:nombre|total)\s+(?:de\s+|d[’']|des\s+)", _I)
_NUMBER_OF_AFTER_RE = re.compile(
    r"\s+(?:the\s+(?:number|total|tally|count)\s+of\s+(?:the\s+)?|le\s+(?:nombre|total)\s+(?:de\s+|d[’']|des\s+))", _I)
_NUMBER_OF_LINK_RE = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:at|to|à|was|is|stood\s+at|stands\s+at|reached|atteint|est\s+de|s[’']élève\s+à|"
    r"s[’']établit\s+à|(?:a\s+)?(?:été\s+)?(?:porté|estimé|évalué|chiffré)e?\s+à)\s+$", _I)
_ONE_OK_RE = re.compile(r"(?:,|\band|\bet)\s+$", _I)
_CURRENCY_WORD_RE = re.compile(
    r"^(?:[\w\-]+\s+)?(?:euros?|dollars?|francs?(?:\s+suisses)?|livres?(?:\s+sterling)?|pounds?|roubles?|yuans?|"
    r"dinars?|dirhams?|yens?|hryvnias?|rupees?|roupies?|livres\s+égyptiennes|pesos?|reals?|lires?|"
    r"Swiss\s+francs|dollars\s+américains)$", _I)
_TOLL_RE = re.compile(r"\b(?:bilan|death\s+toll|toll|décès|deaths?)\b", _I)
_SHARE_NOUNS = re.compile(
    r"\b(participation|abstention|turnout|voix|suffrages\s+exprimés|suffrages|vote|votes|hausse|baisse|"
    r"croissance|growth|inflation|chômage|unemployment|revenue|recettes|taux|rate|key\s+rate|grévistes|"
    r"enseignants|part|share)\b", _I)
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
MAX_SENTENCE = 1500


@dataclass
class _Cand:
    start: int
    end: int          # end of the number expression (with scale, %, currency)
    base_end: int     # end of the digits/words alone
    value: float | None
    kind: str         # digits, words, approx, vague, half
    unit: str = ""    # percent, money
    currency: str | None = None
    scale: float = 1.0
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    sub: bool = False
    surface_start: int = 0
    surface_end: int = 0
    counted: str | None = None
    category: str = "other"
    inherit_counted: bool = False
    elided: bool = False


def extract_figures(text: str, lang: str | None = None, article_id: str = "") -> list[Figure]:
    """Every figure in ``text``; ``lang`` is "fr", "en", or None/"auto" to detect it."""
    if not text or not isinstance(text, str):
        return []
    original = text
    text = numbers.normalize_digits(text)
    if lang in (None, "", "auto"):
        lang = detect_language(text)
    lang = "en" if str(lang).lower().startswith("en") else "fr"
    phones = nonfigures.phone_spans(text)
    attributor = claimants.Attributor()
    out: list[Figure] = []
    prev_counted: str | None = None
    for index, (s0, s1) in enumerate(_bounded(split_sentences(text), text)):
        cands = _candidates(text, s0, s1, lang, phones)
        if not cands:
            _note_markers(attributor, text[s0:s1])
            continue
        figs = _resolve(text, s0, s1, lang, cands, prev_counted)
        if not figs:
            _note_markers(attributor, text[s0:s1])
            continue
        sent = text[s0:s1]
        spans = [(c.surface_start - s0, c.surface_end - s0) for c in figs]
        markers = attributor.markers(sent, spans)
        continuation = claimants.starts_with_continuation(sent)
        used = []
        for c in figs:
            mk = claimants.assign(markers, c.surface_start - s0, c.surface_end - s0)
            if mk is not None:
                claimant, via = (mk.claimant, mk.via) if mk.named else (None, None)
                used.append(mk)
            elif continuation:
                claimant, via = attributor.last
            else:
                claimant, via = None, None
            surface = original[c.surface_start:c.surface_end]
            out.append(Figure(
                figure_id=stable_id(article_id, c.surface_start, c.surface_end, EXTRACTOR_VERSION),
                article_id=article_id, sentence_index=index, start=c.surface_start, end=c.surface_end,
                surface=surface, value=c.value, qualifier=c.qualifier, low=c.low, high=c.high,
                counted=c.counted, category=c.category, claimant=claimant, via=via, lang=lang,
                extractor_version=EXTRACTOR_VERSION, sentence_start=s0, sentence_end=s1,
            ))
        attributor.commit(markers)
        prev_counted = next((c.counted for c in reversed(figs) if c.counted and c.unit != "percent"), prev_counted)
    return out


def _bounded(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sentences longer than MAX_SENTENCE (no punctuation in megabytes of input) cut at spaces,
    so every window stays small and the work stays linear."""
    out = []
    for s0, s1 in spans:
        while s1 - s0 > MAX_SENTENCE:
            cut = text.rfind(" ", s0 + MAX_SENTENCE // 2, s0 + MAX_SENTENCE)
            cut = cut if cut > s0 else s0 + MAX_SENTENCE
            out.append((s0, cut))
            s0 = cut
        out.append((s0, s1))
    return out


def _note_markers(attributor: claimants.Attributor, sent: str) -> None:
    """Sentences without figures still name sources later sentences may point back to."""
    if len(sent) > MAX_SENTENCE:
        return
    attributor.commit(attributor.markers(sent, []))


def figures_for_article(article: Article) -> list[Figure]:
    """Figures of one article, offsets into ``article_text(article)``."""
    return extract_figures(article_text(article), article.lang or "auto", article.article_id)


def _candidates(text: str, s0: int, s1: int, lang: str, phones: list[tuple[int, int]]) -> list[_Cand]:
    found: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    sent = text[s0:s1]
    low = sent.lower()
    may_special = any(k in low for k in _SPECIAL_KEYS) or any(ch in sent for ch in _ODD_FOLDS)
    for m in (_SPECIAL_RE.finditer(text, s0, s1) if may_special else ()):
        phrase = m.group()
        if m.lastgroup == "vague":
            b = qualifiers.vague_bounds(phrase)
            if b is None:
                continue
            found.append(_Cand(m.start(), m.end(), m.end(), None, "vague", low=b[0], high=b[1], qualifier="vague"))
        elif m.lastgroup == "approx":
            noun = phrase.split()[-1].lower()
            v = 12.0 if noun == "dozen" else float(numbers.APPROX_NOUNS[noun])
            found.append(_Cand(m.start(), m.end(), m.end(), v, "approx", qualifier="approx"))
        else:
            found.append(_Cand(m.start(), m.end(), m.end(), 500000.0, "half"))
        taken.append(m.span())
    taken.sort()
    for m in numbers.DIGITS_RE.finditer(text, s0, s1):
        a, b = m.span()
        if _overlaps(a, b, taken) or _overlaps(a, b, phones):
            continue
        tok = m.group()
        if len(tok) > 40:
            continue
        found.append(_Cand(a, b, b, None, "digits"))
    words_re = _EN_WORDS_RE if lang == "en" else _FR_WORDS_RE
    for m in words_re.finditer(text, s0, s1):
        a, b = m.span()
        if _overlaps(a, b, taken):
            continue
        low = m.group().lower()
        if low in ("un", "une", "one"):
            nxt = text[b:b + 12]
            if not (_ONE_OK_RE.search(text[max(s0, a - 6):a]) and _RX2.match(nxt)):
                if not _RX3.match(nxt):
                    continue
        if low in ("cent", "cents") and _RX0.search(text[max(s0, a - 5):a]):
            continue
        if low == "neuf" and _RX1.search(text[max(s0, a - 12):a]):
            continue
        v = numbers.parse_words(m.group(), lang)
        if v is None:
            continue
        found.append(_Cand(a, b, b, v, "words"))
    found.sort(key=lambda c: c.start)
    out: list[_Cand] = []
    for c in found:
        if c.kind in ("digits", "words"):
            if not _extend(text, c, s1, lang):
                continue
            why = nonfigures.why_not_figure(text, c.start, c.base_end, c.kind, c.value or 0, s0, s1, lang)
            if why:
                continue
        out.append(c)
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [a, b) overlaps one of ``spans`` (sorted, non-overlapping): a binary search, not a scan."""
    i = bisect.bisect_right(spans, (b, -1)) - 1
    while i >= 0 and spans[i][1] > a:
        if spans[i][0] < b:
            return True
        i -= 1
        break
    return False


def _extend(text: str, c: _Cand, s1: int, lang: str) -> bool:
    """Scale word, percent sign or currency after the number; currency symbol before it."""
    tail = text[c.end:min(s1, c.end + 24)]
    pm = _CUR_PREFIX_RE.search(text[max(0, c.start - 4):c.start])
    if pm and c.kind == "digits":
        c.currency = _CURRENCY.get(pm.group().strip()[-1])
        c.unit = "money"
        c.start -= len(pm.group())
    sm = _SCALE_RE.match(tail)
    scale_word = None
    if sm:
        scale_word = sm.group(1).lower()
        c.scale = numbers.SCALES[scale_word]
        c.end += sm.end()
    elif c.currency and c.kind == "digits":
        am = _SCALE_ATTACHED_RE.match(tail)
        if am:
            c.scale = numbers.SCALES[am.group(1)]
            c.end += am.end()
    if c.kind == "digits":
        base = numbers.parse_digits(text[c.start + (len(pm.group()) if pm else 0):c.base_end], lang,
                                    scaled=c.scale != 1.0)
    else:
        base = c.value
    if base is None:
        return False
    c.value = numbers._clean(base * c.scale)
    tail = text[c.end:min(s1, c.end + 16)]
    pc = _PCT_RE.match(tail)
    if pc:
        c.unit = "percent"
        c.end += pc.end()
    elif not c.currency:
        cs = _CUR_SUFFIX_RE.match(tail)
        if cs:
            c.currency = _CURRENCY[cs.group().strip()]
            c.unit = "money"
            c.end += cs.end()
    return True


def _resolve(text: str, s0: int, s1: int, lang: str, cands: list[_Cand], prev_counted: str | None) -> list[_Cand]:
    """Qualifiers, ranges, counted nouns and categories for one sentence's candidates."""
    figs: list[_Cand] = []
    skip = set()
    for i, c in enumerate(cands):
        if i in skip:
            continue
        left = text[max(s0, c.start - 60):c.start]
        c.surface_start, c.surface_end = c.start, c.end
        q = qualifiers.qualifier_before(left)
        if q and c.kind != "vague":
            c.qualifier = q[0]
            c.surface_start = c.start - q[1]
        qa = qualifiers.qualifier_after(text[c.end:min(s1, c.end + 12)])
        if qa and c.kind in ("digits", "words"):
            c.qualifier = qa[0]
            c.end += qa[1] if qa[0] == "more_than" and text[c.end] == "-" else 0
            c.surface_end = c.end
        # "dont plus de 300 enfants": the sub-figure marker stands before the qualifier words
        sm = _SUB_RE.search(text, max(s0, c.surface_start - 20), c.surface_start)
        c.sub = sm is not None
        if sm:
            c.surface_start = sm.start()
        # hyphen range "300-400"; sports scores dropped
        if c.kind == "digits" and c.unit != "money":
            hm = _HYPHEN_RANGE_RE.match(text, c.end, s1)
            if hm:
                v2 = numbers.parse_digits(hm.group(1), lang)
                if v2 is not None and (c.value or 0) <= 20 and v2 <= 20 and (
                        qualifiers.re.search(r"\(\s*\w*\s*$", left) or nonfigures._SCORE_L.search(left)):
                    continue
                if v2 is not None and v2 > (c.value or 0):
                    c.low, c.high, c.value, c.qualifier = c.value, v2, None, "range"
                    c.end = hm.end()
                    c.surface_end = c.end
        if i + 1 < len(cands) and c.qualifier != "range" and c.kind in ("digits", "words"):
            n = cands[i + 1]
            between = text[c.end:n.start]
            if len(between) <= 12 and n.kind in ("digits", "words"):
                link = qualifiers.range_link(between, text[max(s0, c.surface_start - 20):c.surface_start])
                if link == "range" and c.unit == n.unit or (link == "range" and c.unit == "" and n.unit):
                    lo_v = c.value
                    if n.scale != 1.0 and c.scale == 1.0 and lo_v is not None and n.value is not None \
                            and lo_v * n.scale <= n.value:
                        lo_v = lo_v * n.scale
                    c.low, c.high, c.value, c.qualifier = lo_v, n.value, None, "range"
                    c.surface_start = c.start - qualifiers.entre_prefix(left)
                    c.end = n.end
                    c.unit = n.unit or c.unit
                    c.currency = c.currency or n.currency
                    c.surface_end = n.end
                    skip.add(i + 1)
                elif link == "revision":
                    c.inherit_counted = True
        if c.qualifier in ("exact", "approx", "more_than", "at_least", "less_than", "at_most") and c.kind != "vague":
            c.low, c.high = qualifiers.bounds(c.qualifier, c.value)
        figs.append(c)
    # counted nouns
    for c in figs:
        right = text[c.end:s1]
        elided = counted.elided_noun(right, lang) if c.unit != "money" else 0
        if elided:
            c.elided = True
            c.surface_end = c.end + elided
            continue
        if c.unit == "money" and c.currency:
            c.counted = c.currency
            np, used = counted.counted_after(right, lang)
            if np and _CURRENCY_WORD_RE.match(np):
                c.counted = np
            c.surface_end = c.end
            continue
        np, used = counted.counted_after(right, lang)
        if np and _CURRENCY_WORD_RE.match(np):
            c.unit = "money"
            c.currency = np
        if c.unit == "percent":
            c.counted = np if np else None
            c.surface_end = c.end + (used if np else 0)
            continue
        c.counted = np
        if np or used:
            c.surface_end = c.end + used
    for i, c in enumerate(figs):
        if c.counted:
            continue
        if c.unit == "percent":
            c.counted = _share_noun(text, s0, c, figs)
            continue
        if c.inherit_counted and i + 1 < len(figs) and figs[i + 1].counted:
            c.counted = figs[i + 1].counted
            continue
        before = text[max(s0, c.start - 80):c.start]
        np = _number_of(text, s0, s1, c, lang)
        if np:
            c.counted = np
            continue
        if _TOLL_RE.search(before) and not c.sub:
            c.counted = "deaths" if lang == "en" else "morts"
            continue
        partitive = _RX4.match(text[c.end:c.end + 12])
        if partitive and i + 1 < len(figs) and figs[i + 1].counted:
            c.counted = figs[i + 1].counted
            continue
        prev = next((p.counted for p in reversed(figs[:i]) if p.counted and p.unit == c.unit), None)
        c.counted = prev or (prev_counted if c.unit == "" else None)
        if c.counted is None and c.elided:
            c.counted = "people" if lang == "en" else "personnes"
    # categories
    for i, c in enumerate(figs):
        nxt = next((f.start for f in figs[i + 1:] if not f.sub), s1)
        before = text[max(s0, c.surface_start - 90):c.surface_start]
        a0 = c.end if c.elided else c.surface_end
        after = text[a0:max(a0, nxt)]
        parent = next((p for p in reversed(figs[:i]) if not p.sub), None)
        kind = c.unit or ("money" if c.currency else "")
        if c.sub and parent is not None and c.unit == parent.unit:
            c.category = parent.category
            own = categories.categorize(c.counted, "", after, kind, lang)
            if own in ("killed", "wounded") and own != c.category and c.counted and \
                    categories.NOUN_CATEGORY[0][0].search(c.counted or "") is None:
                c.category = own if own == "wounded" else c.category
            continue
        if c.sub or (c.counted and c.counted.lower() in ("morts", "deaths")):
            pass
        c.category = categories.categorize(c.counted, before, after, kind, lang)
    return figs


def _number_of(text: str, s0: int, s1: int, c: _Cand, lang: str) -> str | None:
    """The noun of "the number of X (killed) at N" / "à N le nombre de X", or None."""
    am = _NUMBER_OF_AFTER_RE.match(text, c.end, s1)
    if am:
        np = counted.noun_phrase(text[am.end():s1])
        return np[0] if np else None
    lo = max(s0, c.surface_start - 100)
    last = None
    for m in _NUMBER_OF_BEFORE_RE.finditer(text, lo, c.surface_start):
        last = m
    if last is None:
        return None
    np = counted.noun_phrase(text[last.end():c.surface_start])
    if not np:
        return None
    rest = text[last.end() + np[1]:c.surface_start]
    if any(ch in rest for ch in ",;:") or not _NUMBER_OF_LINK_RE.match(rest):
        return None
    return np[0]


def _share_noun(text: str, s0: int, c: _Cand, figs: list[_Cand]) -> str | None:
    """What a percentage is a share of, when no "% des X" follows: a share noun before it, or the
    previous percentage's."""
    before = text[s0:c.start]
    hits = list(_SHARE_NOUNS.finditer(before))
    prev = next((p.counted for p in reversed(figs) if p is not c and p.unit == "percent" and p.counted
                 and p.start < c.start), None)
    if prev:
        return prev
    if hits:
        return hits[-1].group(1)
    after = _SHARE_NOUNS.search(text, c.end, min(len(text), c.end + 80))
    return after.group(1) if after else None


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"pour\s$|per\s$", _I)
_RX1 = re.compile(r"(?:\b(?:un|une|le|la|tout|flambant|du|état\s+de)\s)$", _I)
_RX2 = re.compile(r"\s+(?:in|at|on|from|à|en|dans)\b")
_RX3 = re.compile(r"[ \u00a0](?:millions?|milliards?|billions?|thousand|mille)\b", _I)
_RX4 = re.compile(r"\s+(?:des|of\s+the)\s+\S")
