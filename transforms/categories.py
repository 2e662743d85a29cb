"""The normalised metric of a figure, from its counted noun and the verb around it.

Nouns that carry their own metric decide first ("morts", "blessés", "frappes", "sorties",
"interpellations"); otherwise the nearest verb or participle of the clause ("tués", "évacués",
"ont fui", "destroyed", "arrested") decides, read against whether the noun names people or things;
otherwise vehicles, people, or other.
"""

from __future__ import annotations

import functools
import re

from transforms.folded_regex import case_sensitive_twin, fold_safe

_I = re.IGNORECASE


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + words + r")(?![\w])", _I)


NOUN_CATEGORY: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"morts?|décès|tués|victimes|deaths?|dead|fatalities|killed|death\s+toll"), "killed"),
    (_rx(r"blessés?|blessées?|injured|wounded|injuries"), "wounded"),
    (_rx(r"sorties"), "sorties"),
    (_rx(r"frappes?(?:\s+aériennes)?|raids?|bombardements?|air\s*strikes?|strikes?|airstrikes?|missiles?|roquettes?|"
         r"tirs?|salves?|shells?|rockets?\s+fired"), "strikes"),
    (_rx(r"interpellations?|arrestations?|gardes?\s+à\s+vue|arrests?|interpellés|arrêtés"), "arrested"),
    (_rx(r"déplacés?|sans-abri|sinistrés|réfugiés|displaced|homeless|refugees"), "displaced"),
    (_rx(r"évacués?|évacuées?|evacuees|rescapés|naufragés"), "evacuated"),
]
PERSON_RE = _rx(
    r"personnes?|gens|habitants?|civils?|enfants?|femmes?|hommes?|victimes?|migrants?|exilés?|réfugiés?|"
    r"manifestants?|militaires?|soldats?|combattants?|miliciens?|djihadistes?|jihadistes?|terroristes?|"
    r"insurgés?|rebelles?|policiers?|gendarmes?|pompiers?|sapeurs-pompiers|secouristes?|sauveteurs?|"
    r"bénévoles?|volontaires?|passagers?|occupants?|détenus?|prisonniers?|otages?|électeurs?|votants?|"
    r"inscrits?|candidats?|députés?|élus?|membres?|agents?|salariés?|employés?|ouvriers?|enseignants?|"
    r"grévistes?|mineurs?|adultes?|familles?|patients?|touristes?|journalistes?|marins?|pêcheurs?|"
    r"Ukrainiens?|Russes?|Français|Syriens?|chefs?|commandants?|défenseurs?|hommes|troupes?|"
    r"people|persons?|residents?|inhabitants?|civilians?|children|women|men|migrants?|refugees?|"
    r"protesters?|demonstrators?|soldiers?|troops?|servicemen|fighters?|militants?|rebels?|insurgents?|"
    r"police(?:men)?|officers?|firefighters?|rescuers?|volunteers?|passengers?|prisoners?|hostages?|"
    r"voters?|lawmakers?|deputies|members?|workers?|staff|teachers?|students?|patients?|tourists?|"
    r"journalists?|sailors?|fishermen|arrivals?|asylum\s+seekers?|smugglers?|individuals?|adults?|"
    r"Ukrainians?|Russians?|Syrians?|Moroccans?|families|family|households?|survivors?|survivants?|rescapés?"
)
VEHICLE_RE = _rx(
    r"bus|autobus|cars|camions?|véhicules?|voitures?|pick-ups?|taxis?|embarcations?|bateaux?|canots?|"
    r"navires?|engins?|ambulances?|convois?|trains?|avions?|hélicoptères?|motos?|"
    r"buses|trucks?|vehicles?|vans?|boats?|dinghies|dinghy|ships?|vessels?|ambulances?|aircraft|"
    r"planes?|helicopters?|lorries|lorry|convoys?"
)
MEASURE_RE = _rx(r"magnitude|foyers|households?|maisons|bâtiments|immeubles|logements|homes|buildings|houses")

# Verb/participle cues, nearest first. Person-only cues turn people into killed/wounded/...; thing cues
# turn things into destroyed.
CUE_SOURCES: list[tuple[str, str]] = [
    (r"tués?|tuées?|tuant|tuer|meurent|mourir|morts?|mortes|décédés?|décédées?|ont\s+péri|périssent|"
         r"killed|killing|died|die|dies|dead|perished|lost\s+their\s+lives|"
         r"éliminés?|éliminées?|éliminé|éliminer|éliminant|neutralisés?|neutralisé|neutraliser|anéantis?|"
         r"liquidés?|liquidé|abattus|exécutés?|"
         r"perdu|perdent|perd|lost|lose|loses|parmi\s+les\s+morts|figurent\s+parmi\s+les\s+morts|among\s+the\s+dead",
     "killed"),
    (r"blessés?|blessées?|blessant|injured|injuring|wounded|wounding|atteints?\s+grièvement|grièvement\s+atteints?|"
         r"hospitalisés?|hospitalised|hospitalized", "wounded"),
    (r"évacués?|évacuées?|évacuer|évacuation|ont\s+quitté|quitté|secourus?|secourues?|sauvés?|sauvées?|"
         r"évacuations?|dégagés?|dégagé|extraits?|ramenée?s?\s+à\s+terre|hélitreuillés?|hébergée?s?|mises?\s+à\s+l[’']abri|relogée?s?|"
         r"(?<!à\s)partir|(?:sont|étaient|seraient)\s+(?:déjà\s+)?parti(?:e|es|s)?|quittent|quittaient|quitter|"
         r"quittant|quitteront|"
         r"evacuated|evacuating|evacuation|rescued|saved|pulled\s+from|airlifted|moved\s+to\s+shelters?|"
         r"(?:have|has|had)\s+left|(?<!been\s)(?<!being\s)(?<!be\s)left(?!\s+(?:behind|in|with|without|dead|injured|"
         r"wounded|homeless|alive|stranded|unharmed|intact|to|for\s+dead|at|on\s+the|"
         r"over(?!\s+the\s+(?:past|last|weekend|night)))\b)|leave|leaves|leaving|departed|bussed\s+out|"
         r"bused\s+out|"
         r"from\s+(?:the\s+)?rubble|des\s+décombres|sous\s+les\s+décombres", "evacuated"),
    (r"ont\s+fui|fui|fuient|fuyant|déplacée?s?|sans\s+abri|sans-abri|jetés?\s+sur\s+les\s+routes|"
         r"centres?\s+d[’']hébergement|nuit\s+dehors|à\s+la\s+rue|fled|fleeing|flee|displaced|homeless|"
         r"in\s+the\s+open|emergency\s+shelters?|spent\s+.{0,20}night\s+in\s+the\s+open", "displaced"),
    (r"interpellée?s?|arrêtée?s?|placée?s?\s+en\s+garde\s+à\s+vue|détenue?s?|emprisonnée?s?|incarcérée?s?|"
         r"arrested|detained|held|jailed|imprisoned|in\s+custody", "arrested"),
    (r"détruits?|détruites?|détruit|détruisant|détruire|effondrée?s?|effondré|écroulée?s?|incendiée?s?|"
         r"brûlée?s?|calcinée?s?|abattus?|abattues?|abattu|intercepté|interceptée?s?|interceptés|"
         r"anéantie?s?|liquidé|rasée?s?|emporté(?:e|es|s)?|touchée?s?|"
         r"destroyed|destroying|collapsed|burned|burnt|shot\s+down|downed|intercepted|swept\s+away|"
         r"razed|flattened|wiped\s+out|damaged\s+or\s+destroyed", "destroyed"),
    (r"lancée?s?|tirée?s?|launched|fired", "strikes"),
]
CUES: list[tuple[re.Pattern[str], str]] = [(_rx(src), cat) for src, cat in CUE_SOURCES]
_PERSON_ONLY = {"killed", "wounded", "evacuated", "displaced", "arrested"}
# "cibles touchées" reads as destroyed, "personnes touchées" as people affected.
_WEAK_THING_CUES = _rx(r"touchée?s?")


def head_noun(counted: str, lang: str = "fr") -> str:
    """The word that names what is counted: the first word in French, the last before "of"/"and" in English."""
    words = _RX0.split(counted.strip(), maxsplit=1)[0].split()
    if not words:
        return ""
    return words[-1] if lang == "en" else words[0]


def categorize(counted: str | None, before: str, after: str, kind: str = "", lang: str = "fr") -> str:
    """Category of a figure: ``kind`` is "percent" or "money" for those; ``before``/``after`` are the
    clause text on either side of the number expression (the verb is looked for there)."""
    if kind in ("percent", "money"):
        return "other"
    noun = counted or ""
    own = _noun_category(noun)
    if own:
        return own
    head = _head_noun_cached(noun, lang) if noun else ""
    person, vehicle, measure = _head_class(head)
    person = person or not noun
    cue = _nearest_cue(before, after)
    if cue == "destroyed" and person and noun and not vehicle:
        if _RX2.search(_cue_text(before, after) or ""):
            cue = "killed"
        else:
            cue = None
    if cue in _PERSON_ONLY and not person and not measure:
        cue = "destroyed" if cue == "killed" and _RX5.search(_cue_text(before, after) or "") else None
    if cue == "killed" and measure:
        cue = None
    if cue and cue in _PERSON_ONLY and measure and noun and _RX3.search(noun):
        return cue if cue == "displaced" else "other"
    if cue:
        if cue == "destroyed" and measure and _RX4.search(noun):
            return "destroyed"
        if cue == "destroyed" and measure:
            return "other"
        return cue
    if vehicle:
        return "vehicles"
    if measure:
        return "other"
    if head and _head_class(head)[0]:
        return "people"
    return "other"


@functools.lru_cache(maxsize=8192)
def _noun_category(noun: str) -> str | None:
    """The category a counted noun carries by itself ("morts", "frappes"); cached, nouns recur."""
    for rx, cat in NOUN_CATEGORY:
        if noun and rx.search(noun):
            return cat
    if _RX1.search(noun):
        return "sorties"
    return None


@functools.lru_cache(maxsize=8192)
def _head_noun_cached(noun: str, lang: str) -> str:
    return head_noun(noun, lang)


@functools.lru_cache(maxsize=4096)
def _head_class(head: str) -> tuple[bool, bool, bool]:
    """(person, vehicle, measure) for a head noun; cached, the same nouns recur all the time."""
    if not head:
        return False, False, False
    return (bool(PERSON_RE.fullmatch(head)), bool(VEHICLE_RE.fullmatch(head)), bool(MEASURE_RE.fullmatch(head)))


def _nearest_cue(before: str, after: str) -> str | None:
    hit = _find_cue(before, after)
    return hit[1] if hit else None


def _cue_text(before: str, after: str) -> str | None:
    hit = _find_cue(before, after)
    return hit[0] if hit else None


# A cue is a whole word, hyphens included: "rebel-held" is not "held".
_CUES_RE = re.compile(
    r"(?<![\w\-])(?:" + "|".join(f"(?P<{cat}{i}>{src})" for i, (src, cat) in enumerate(CUE_SOURCES)) +
    r")(?![\w\-])", _I)


# The same pattern case-sensitively on the lowercased window, when that is exact (see folded_regex).
_CUES_LOWER_RE = case_sensitive_twin(_CUES_RE)


def _find_cue(before: str, after: str) -> tuple[str, str] | None:
    """The verb cue nearest the number: first one after it, else the last one before it."""
    best: tuple[int, str, str] | None = None
    a = after[:70]
    if fold_safe(a):
        m = _CUES_LOWER_RE.search(a.lower())
        if m:
            best = (m.start(), a[m.start():m.end()], m.lastgroup.rstrip("0123456789"))
    else:
        m = _CUES_RE.search(after, 0, 70)
        if m:
            best = (m.start(), m.group(), m.lastgroup.rstrip("0123456789"))
    if best is not None and best[0] <= 5:
        return best[1], best[2]  # a cue before the number is at least 5 away: it cannot be nearer
    b = before[-90:]
    last = None
    if fold_safe(b):
        for hit in _CUES_LOWER_RE.finditer(b.lower()):
            last = hit
    else:
        for hit in _CUES_RE.finditer(b):
            last = hit
    if last is not None:
        d = len(b) - last.end() + 5
        if best is None or d < best[0]:
            best = (d, b[last.start():last.end()], last.lastgroup.rstrip("0123456789"))
    return (best[1], best[2]) if best else None


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"\s+(?:of|and|de|d[’']|des|du|et)\s+|,\s*", _I)
_RX1 = re.compile(r"sorties?", _I)
_RX2 = re.compile(r"anéanti|liquid|abattu", _I)
_RX3 = re.compile(r"famil|foyer|household", _I)
_RX4 = re.compile(r"maisons|homes|bâtiments|immeubles|logements|houses|buildings", _I)
_RX5 = re.compile(r"élimin|liquid|neutralis", _I)
