"""Who gave a figure (claimant) and through which outlet (via), in French and English news.

Attribution markers are found per sentence: "selon X" / "d’après X" / "according to X", incises
(", a annoncé dimanche le ministère", "», a indiqué à l’AFP Ingy Sedky", ", X said", ", said X"),
subjects of verbs of saying ("Moscou affirme", "the Red Cross said", "X told Reuters"), alert tags
("(Intérieur)", "- local police"), and "citing Y". Each marker reaches the figures before it (when
it closes a clause) or after it (when it opens one). Pronouns and back-references ("Selon lui",
"a-t-il ajouté", "it added", "le ministère", "the fund", "M. Kravets") take a name met earlier
in the same article; a figure is never credited to an earlier sentence's source otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass, field

from transforms.folded_regex import case_sensitive_twin, fold_safe
from transforms.trie_regex import trie_pattern

_I = re.IGNORECASE
_AP = "[’']"

SAY_FR = (
    r"annoncé|annonce|annoncent|annonçait|annonçaient|indiqué|indique|indiquent|indiquait|déclaré|déclare|"
    r"déclarent|affirmé|affirme|affirment|affirmait|estimé|estime|estiment|estimait|précisé|précise|précisant|"
    r"ajouté|ajoute|ajoutant|rapporté|rapporte|rapportent|fait\s+état|font\s+état|faisait\s+état|fait\s+savoir|"
    r"revendiqué|revendique|revendiquent|avancé|avance|avancent|évalué|évalue|évaluent|recensé|recense|"
    r"recensent|dénombré|dénombre|compté|signalé|signale|confirmé|confirme|assuré|assure|expliqué|explique|"
    r"souligné|souligne|évoqué|évoque|évoquait|évoquent|raconte|raconté|confie|confié|prévoient|prévoit|"
    r"promet|lancé|écrit|dit|constaté|constate|chiffré|rappelé|affirmant|estimant|déplore|dénoncé|"
    r"dénonce|communiqué|assurant|parlent|parle|selon\s+qui"
)
SAY_EN = (
    r"said|says|say|told|tells|tell|added|adds|reported|reports|estimated|estimates|projected|projects|"
    r"put|noted|notes|announced|announces|claimed|claims|confirmed|confirms|sees|expects|expected|"
    r"insists|insisted|stated|states|wrote|tweeted|showed|show|shows|warned|"
    r"explained|argued|acknowledged|revealed|counted|recorded|documented|tallied|according"
)
_SAY_WORDS = [w for w in (x.replace(r"\s+", " ") for x in (SAY_FR + "|" + SAY_EN).split("|"))
              if re.fullmatch(r"[\w’' \-]+", w) and not w.startswith("put")] + ["put"]
_EN_SAY_WORDS = frozenset(w for w in SAY_EN.split("|") if re.fullmatch(r"[\w\-]+", w)) | {"put"}
_VERB_RE = re.compile(
    r"(?<![\w\-])" + trie_pattern(sorted(set(_SAY_WORDS))) +
    r"(?:-t-(?:il|elle|ils|elles|on)|-(?:il|elle|ils|elles))?(?![\w])", _I)
_VERB_LOWER_RE = case_sensitive_twin(_VERB_RE)  # for fold-safe sentences, lowercased (see folded_regex)
_COUNT_VERBS_EN = frozenset("counted recorded documented tallied".split())
_PUT_AT_RE = re.compile(r"\s+(?:the|its|their)\s+[\w\s]{0,30}?\s+at\b")
_AUX_BEFORE_RE = re.compile(
    r"(?<![\w\-])(?:(?:a|ont|avait|avaient|aurait|auraient)(?:-t)?-(?:il|elle|ils|elles|on)\s+(?:[a-zà-ÿ’']+\s+){0,2}|"
    r"(?:a|ont|avait|avaient|aurait|auraient)\s+(?:[a-zà-ÿ’']+\s+){0,4})$", _I)
_EN_AUX_BEFORE_RE = re.compile(r"(?<![\w\-])(?:has|have|had)\s+$", _I)


class _SayMatch:
    """A verb of saying with its auxiliary ("a de son côté annoncé"), shaped like a regex match."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _say_matches(sent: str):
    hits = _VERB_LOWER_RE.finditer(sent.lower()) if fold_safe(sent) else _VERB_RE.finditer(sent)
    for m in hits:
        start = m.start()
        word = sent[start:m.end()].lower()
        if word == "put" and not _PUT_AT_RE.match(sent, m.end()):
            continue
        window = sent[max(0, start - 48):start]
        am = (_EN_AUX_BEFORE_RE if word in _EN_SAY_WORDS else _AUX_BEFORE_RE).search(window)
        if word in _COUNT_VERBS_EN and not am:
            continue  # "has counted 4,000" reports a tally; "officials counted the wounded" may not
        if am:
            start -= len(window) - am.start()
        yield _SayMatch(start, m.end(), sent[start:m.end()])


_SELON_RE = re.compile(rf"(?<![\w])(?:selon|d{_AP}après|according\s+to|de\s+source)\s+", _I)
_CITING_RE = re.compile(r"^\s*,?\s*(?:citing|citant|cité\w*\s+par)\s+", _I)
_TAG_FR_RE = re.compile(r"\(([^()]{2,60})\)\s*[.!]?\s*$")
_TAG_EN_RE = re.compile(r"\s[-–—]\s([^-–—:()]{2,50})$")
# Letters every _SELON_RE match contains (none of i, s, k, whose case folding reaches non-ASCII letters, so
# a match always leaves them in sent.lower()): most sentences have none and skip the scan. _INTERROGE_RE
# needs "par" the same way.
_SELON_KEYS = ("elon", "aprè", "accord", "ource")
_INTERROGE_RE = re.compile(r"\b(?:interrogée?s?|contactée?s?|joint\w*|cité\w*|interviewed|quoted)\s+par\s+"
                           r"(?:l[’']|la\s+|le\s+)?([A-ZÀ-Þ][\w\-’']*(?:\s+[A-ZÀ-Þ][\w\-’']*)*)", _I)
_POUR_VIA_RE = re.compile(r"\s+(?:pour|for)\s+(?:l[’']|la\s+|le\s+)?([A-ZÀ-Þ][\w\-’']*(?:\s+[A-ZÀ-Þ][\w\-’']*)*)\s*$")

DETERMINERS = re.compile(
    r"^(?!(?-i:[A-Z]{2,})\s)(?:le|la|les|l[’']|un|une|des|du|de\s+la|de\s+l[’']|the|a|an|certains|certaines|plusieurs|"
    r"quelques|ce|cette|ces|leurs?|ses|son|sa|several|some|certain)\s+|^l[’']", _I)
PRONOUNS = frozenset("lui elle eux elles il ils on he she it they him her them celui-ci celle-ci".split())
PERSON_PRONOUNS = frozenset("lui elle il he she him her".split())
SAME_SOURCE = re.compile(r"^(?:la\s+)?même\s+source$|^(?:the\s+)?same\s+source$", _I)
DATA_NOUNS = frozenset("""
décompte bilan bilans chiffre chiffres estimation estimations résultats résultat données projection projections
sondage sondages comptage calcul calculs statistiques relevé rapport
tally count figures figure data estimate estimates statistics results toll projection projections survey poll
""".split())
UNNAMED_HEADS = frozenset("""
décompte bilan chiffre chiffres estimation estimations résultats données sources source médias informations
tally count figures data estimate estimates reports sources media
""".split())
DESCRIPTORS = frozenset("""
agence opérateur institut utility pollster broadcaster groupe entreprise société compagnie firm company
estimation projection décompte sondeur chaîne radio journal quotidien newspaper agency operator institute
""".split())
TITLE_WORDS = frozenset("""
ministre porte-parole président présidente directeur directrice chef responsable politologue analyste
contre-amiral amiral général colonel lieutenant-colonel commandant capitaine médiatrice médiateur coordinatrice
coordinateur secrétaire commissaire procureur procureure préfet préfète maire député députée sénateur
sénatrice gouverneur ambassadeur ambassadrice expert experte professeur chercheur chercheuse militante
militant avocat avocate juge élu élue conseiller conseillère adjoint adjointe délégué déléguée
spokesman spokeswoman spokesperson minister president director chief official officer ombudswoman ombudsman
mp senator mayor governor commander analyst expert professor dr researcher lawyer judge envoy ambassador
secretary chairman chairwoman head leader deputy adviser advisor
""".split())
GENERIC_REFS = frozenset("ong ngo organisation organization monitor fund fonds group groupe ministère ministry "
                         "ministre minister préfecture armée army agence agency".split())
ROLE_PERSONS = TITLE_WORDS | frozenset("militaire responsable official officer soldat homme femme".split())
INSTITUTION_WORDS = frozenset("""
Défense Intérieur Justice Santé Économie Éducation Culture Armées Travail Agriculture Finances Affaires
Étrangères Politique Défense Defence Defense Interior Health Foreign Home State Finance Justice Education
""".split())
OUTLETS = sorted("""
AFP|Reuters|AP|Associated Press|Sputnik|RT|RT France|RIA Novosti|TASS|Tass|Interfax|BFMTV|BFM TV|RNE|TVE|BBC|CNN|
GB News|Sky News|France Télévisions|France 2|France 24|France Info|franceinfo|France Inter|RFI|TF1|LCI|Le Monde|
Le Figaro|Libération|Le Parisien|Ouest-France|Al Jazeera|Al-Manar|Manar|Daily Telegraph|Telegraph|Guardian|
The Guardian|The Times|Times|Bloomberg|Xinhua|Anadolu|EFE|ANSA|DPA|dpa|Europa Press|El País|Fox News|NBC|CBS|ABC|
Al Arabiya|Euronews|Média de guerre|MAP|APS|SANA|IRNA|Belga|Kyodo|Yonhap|CNBC|Financial Times|Wall Street Journal|
New York Times|Washington Post|Izvestia|Kommersant|Ukrinform|Ukrainska Pravda|Hespress|Le360|2M
""".replace("\n", "").split("|"), key=len, reverse=True)
_OUTLET_RE = re.compile(r"^(?:" + "|".join(re.escape(o) for o in OUTLETS) + r")(?![\w])")
_ADVERBIALS = re.compile(
    r"^\s*(?:,\s*)?(?:(?:ce|cette|dès|hier|jeudi|lundi|mardi|mercredi|vendredi|samedi|dimanche|matin|soir|soirée|"
    r"après-midi|aujourd[’']hui|midi|également|aussi|encore|enfin|alors|déjà|pour\s+sa\s+part|de\s+son\s+côté|"
    r"de\s+leur\s+côté|en\s+soirée|en\s+fin\s+de\s+journée|dans\s+la\s+nuit|dans\s+la\s+soirée|"
    r"quant\s+à\s+(?:lui|elle|eux)|par\s+ailleurs|lors\s+d[’']un\s+point\s+presse|"
    r"sur\s+(?:notre\s+antenne|son\s+compte\s+\w+|Telegram|X|Twitter|Facebook|les\s+réseaux\s+sociaux)|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|late|earlier|later|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|on\s+\w+day|in\s+a\s+statement|"
    r"to\s+reporters)\s*)+", _I)
_NP_STOP = re.compile(
    r"(?:\s*[,;:.!?«»“”\"()]|\s(?:et|and)\s+\d|(?:^|\s)\d|^(?:que|qu[’']|that)\b|\s(?:qui|que|qu[’']|dont|où|lors|dans|en\s+(?:soirée|Syrie|France)|sur\s+place|"
    r"devant|auprès|cité\w*|interrog\w+|citant|citing|sur|au\s+cours|à\s+l[’']issue|depuis|alors|tandis|"
    r"on|in|at|who|which|that|to|asking|adding|after|before|ce|cette|ces|avant|après|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|said|says|told|reported|a|ont|avait|has|have|had|était|sont|est|were|was|are|is)\b)", _I)
_NAME_TAIL_RE = re.compile(r"((?:[A-ZÀ-Þ][\w\-’'.]*\s+)*[A-ZÀ-Þ][\w\-’']+)\s*$")
_HONORIFIC_RE = re.compile(r"^(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+([A-ZÀ-Þ][\w\-’']+)$")
_POSSESSIVE_PROPER = re.compile(r"^[A-ZÀ-Þ][\w\-]+[’']s\s+(?=[A-Z])")
_FROM_BODY = re.compile(r"\b(?:from|of)\s+the\s+([A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)+)\s*$")
_PERSON_AGE_RE = re.compile(r"([A-ZÀ-Þ][\w\-’']+(?:\s+[A-ZÀ-Þ][\w\-’']+)?),\s+\d{1,3}\s+ans\b")
_CLAUSE_INTRO = frozenset("""
dans en à au aux selon depuis pour après avant lors lundi mardi mercredi jeudi vendredi samedi dimanche
parallèlement côté sur malgré face in on at after since for separately meanwhile however under across
""".split())
_RELATIVE = re.compile(r"^(?:qui|que|qu[’']|which|who|whose|dont)\b", _I)
_CONJ_PREFIX = re.compile(r"^(?:tandis\s+qu[e’']?|alors\s+qu[e’']?|mais|et|while|and|but|whereas|as)\s+", _I)
_THAT_START = re.compile(r"^(?:that|this|cela|ce\s+chiffre|ce\s+bilan)\b", _I)


@dataclass
class Marker:
    pos: int
    end: int
    direction: str  # "back" (closes a clause: reaches figures before it) or "fwd"
    claimant: str | None
    via: str | None
    named: bool = True
    raw: str = ""
    person: bool = False


@dataclass
class Attributor:
    """Keeps what earlier sentences named, so back-references resolve within one article."""

    history: deque = field(default_factory=lambda: deque(maxlen=48))  # (raw NP, claimant, via, both lowercased), newest last
    last: tuple[str | None, str | None] = (None, None)
    last_person: tuple[str | None, str | None] = (None, None)
    outlets_seen: list[str] = field(default_factory=list)

    def markers(self, sent: str, figure_spans: list[tuple[int, int]]) -> list[Marker]:
        """Attribution markers of one sentence, claimants resolved against the article so far."""
        found: list[Marker] = []
        sent_via = None
        low = sent.lower()
        m = _INTERROGE_RE.search(sent) if "par" in low else None
        if m:
            sent_via = _outlet_name(m.group(1))
        tag = _alert_tag(sent)
        for m in (_SELON_RE.finditer(sent) if any(k in low for k in _SELON_KEYS) else ()):
            rest = sent[m.end():]
            raw, via, consumed, person = _np_with_via(rest)
            if raw and _data_source(_clean_np(raw)) is None:
                clause = _RX11.split(rest, maxsplit=1)[0]
                pm = _RX7.search(clause)
                if pm:
                    raw2, _, used2, _ = _np_with_via(clause[pm.end():])
                    if raw2:
                        raw, consumed = raw2, pm.end() + used2
            direction = _direction(sent, m.start(), figure_spans)
            cm = _CITING_RE.match(rest[consumed:])
            if cm:
                other, _, _, _ = _np_with_via(rest[consumed + cm.end():])
                if _RX8.search(cm.group()):
                    via = via or _outlet_name(other) if other and other[:1].isupper() else via
                else:
                    via, raw = _outlet_name(raw) or raw, other
                    person = False
            found.append(self._marker(m.start(), m.end() + consumed, direction, raw, via or sent_via, sent,
                                      person=person))
        for m in _say_matches(sent):
            if m.group().lower() == "according":
                continue
            mk = self._say_marker(sent, m, figure_spans, sent_via)
            if mk:
                found.append(mk)
        if tag:
            raw, pos = tag
            found.append(self._marker(pos, len(sent), "back", raw, sent_via, sent, tag=True))
        found.sort(key=lambda k: k.pos)
        for i, mk in enumerate(found):
            if mk.claimant == "\x00rel":
                prev = next((p for p in reversed(found[:i]) if p.claimant not in (None, "\x00rel")), None)
                mk.claimant, mk.via = (prev.claimant, prev.via) if prev else (None, None)
                mk.named = prev is not None
        return found

    def _say_marker(self, sent: str, m: re.Match[str], figure_spans, sent_via) -> Marker | None:
        verb = m.group()
        low = verb.lower()
        before = sent[:m.start()]
        after = sent[m.end():]
        pron = _RX0.search(low)
        if pron:
            who = pron.group(1)
            if who in ("il", "elle"):
                pm = _PERSON_AGE_RE.search(before)
                if pm:
                    return self._marker(m.start(), m.end(), "back", pm.group(1), sent_via, sent, person=True)
            return self._marker(m.start(), m.end(), "back", who, sent_via, sent)
        if _RX1.search(low):  # "précisant", "ajoutant": the subject of the main clause
            return Marker(m.start(), m.end(), "back", "\x00rel", None, True)
        b = before.rstrip()
        english = bool(_RX3.match(low.split()[-1]))
        if b.endswith((",", "»", "”", '"', "'", "—", "–", ":")) or not b:
            ok = not english or b.endswith(('"', "”", "'", "’")) or _RX9.match(after)
            if ok and not low.startswith(("told", "tells", "tell")):
                raw, via, consumed, person = _np_with_via(after, inverted=True)
                np_end = m.end() + consumed
                clause_end = _RX12.search(sent[np_end:]).start() + np_end
                object_fig = any(np_end <= fs <= clause_end for fs, _ in figure_spans)
                if raw and _claimant_like(raw) and not object_fig:
                    return self._marker(m.start(), m.end() + consumed, "back", raw, via or sent_via, sent,
                                        person=person)
        off = max(0, len(before) - 240)
        subj, seg_start = _subject_before(before[off:])
        seg_start += off
        if not subj:
            lead = _RX4.match(sent)
            if lead and lead.group(1).split()[0].lower() not in _CLAUSE_INTRO and figure_spans_after(
                    m.end(), figure_spans, sent):
                subj, seg_start = lead.group(1), lead.start(1)
            else:
                return None
        via = None
        if low.startswith(("told", "tells", "tell")):
            tm = _RX5.match(after)
            if tm:
                via = _outlet_name(tm.group(1))
        cm = _CITING_RE.match(after)
        if cm:
            cited, _, _, _ = _np_with_via(after[cm.end():])
            via, subj = _outlet_name(subj) or subj, cited
        has_fig_after = figure_spans_after(m.end(), figure_spans, sent, clause_only=True)
        rest_clause = _RX11.split(after, maxsplit=1)[0].strip()
        closes = len(rest_clause.split()) <= 5 and not _RX10.match(rest_clause)
        direction = "back" if closes and not has_fig_after and _has_figure_before(seg_start, figure_spans) else "fwd"
        return self._marker(seg_start, m.end(), direction, subj, via or sent_via, sent)

    def _marker(self, pos, end, direction, raw, via, sent, tag=False, person=False) -> Marker:
        claimant, via2, named = self.resolve(raw, via, sent, tag=tag)
        cleaned = _clean_np(raw or "")
        mk = Marker(pos, end, direction, claimant, via2, named, cleaned if raw != "\x00rel" else "")
        mk.person = person or bool(claimant and _person_name(cleaned))
        return mk

    def resolve(self, raw: str | None, via: str | None, sent: str = "", tag: bool = False
                ) -> tuple[str | None, str | None, bool]:
        """``(claimant, via, named)`` for a raw noun phrase; pronouns and back-references resolved."""
        if raw is None:
            return None, via, False
        if raw == "\x00rel":
            return "\x00rel", via, True
        np = _clean_np(raw)
        if not np:
            return None, via, False
        low = np.lower()
        if low in PRONOUNS or SAME_SOURCE.match(np):
            if low in PERSON_PRONOUNS and self.last_person[0]:
                return self.last_person[0], self.last_person[1], True
            return self.last[0], self.last[1], self.last[0] is not None
        if _RX2.match(low):
            return "\x00rel", via, True
        hm = _HONORIFIC_RE.match(np)
        if hm:
            for _raw, c, _via, _rl, _cl in reversed(self.history):
                if c.endswith(hm.group(1)):
                    return c, via, True
            return hm.group(1), via, True
        np = _data_source(np)
        if np is None:
            return None, via, False
        if _RX6.fullmatch(np) and self.outlets_seen:
            return self.outlets_seen[-1], None, True
        np = _strip_descriptor(np)
        name = _person_name(np)
        claimant = name or np
        words = np.split()
        if not name and len(words) == 1 and (words[0][0].islower() or words[0].lower() in GENERIC_REFS):
            head = words[0].lower()
            npl = np.lower()
            for _r, c, prev_via, rl, cl in reversed(self.history):
                if head in rl and cl != npl:
                    return c, prev_via if via is None else via, True
            if head in ROLE_PERSONS and self.last_person[0] and head not in ("maire", "mayor"):
                return self.last_person[0], self.last_person[1], True
            if head in ("ong", "ngo", "organisation", "organization", "monitor", "fund", "fonds", "group"):
                if self.last[0]:
                    return self.last[0], self.last[1], True
        if len(np) >= 6:
            npl = np.lower()
            for _r, c, _v, rl, _cl in reversed(self.history):
                if rl.startswith(npl) and rl != npl:
                    return c, via, True
        return claimant, via, True

    def commit(self, markers_used: list[Marker], raw_by_claimant: dict[str, str] | None = None) -> None:
        for mk in markers_used:
            if mk.claimant and mk.named:
                self.remember(mk.claimant, mk.via, mk.raw or mk.claimant, mk.person)

    def remember(self, claimant: str, via: str | None, raw: str, person: bool = False) -> None:
        entry = (raw, claimant, via, raw.lower(), claimant.lower())
        if not self.history or self.history[-1] != entry:
            self.history.append(entry)
        self.last = (claimant, via)
        if person:
            self.last_person = (claimant, via)
        if via and via not in self.outlets_seen:
            self.outlets_seen.append(via)


def figure_spans_before(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(e <= pos for _, e in spans)


def figure_spans_after(pos: int, spans: list[tuple[int, int]], sent: str, clause_only: bool = False) -> bool:
    """Whether a figure follows ``pos`` (in the same clause: before the next comma or semicolon)."""
    if not clause_only:
        return any(s >= pos for s, _ in spans)
    stop = _RX13.search(sent[pos:])
    limit = pos + stop.start() if stop else len(sent)
    # a comma right inside the object ("de 1,089 million") does not end the clause
    return any(pos <= s <= limit for s, _ in spans)


def _claimant_like(raw: str) -> bool:
    """A noun phrase that can name a source: no digits, not an object or a complement clause."""
    r = raw.strip()
    if not r or _RX14.search(r):
        return False
    return not _RX15.match(r)


def _has_figure_before(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(e <= pos for _, e in spans)


def _direction(sent: str, pos: int, spans: list[tuple[int, int]]) -> str:
    b = sent[:pos].rstrip()
    if not b or b.endswith(":"):
        return "fwd"
    if b.endswith((",", "»", "”", '"', ")")) and _has_figure_before(pos, spans):
        return "back"
    if any(0 <= pos - e <= 40 and not _RX16.search(sent[e:pos]) for _, e in spans):
        return "back"
    return "fwd"


def _alert_tag(sent: str) -> tuple[str, int] | None:
    m = _TAG_FR_RE.search(sent)
    if m and not _RX14.search(m.group(1)) and len(m.group(1).split()) <= 6:
        return m.group(1), m.start()
    if not sent.rstrip().endswith((".", "!", "?", "»", '"')):
        m = _TAG_EN_RE.search(sent)
        if m and not _RX14.search(m.group(1)) and len(m.group(1).split()) <= 5 and \
                not _RX17.search(m.group(1)):
            return m.group(1), m.start()
    return None


def _np_with_via(rest: str, inverted: bool = False) -> tuple[str | None, str | None, int, bool]:
    """The claimant noun phrase at the start of ``rest`` (after a verb or "selon"), an outlet it was
    given to ("à l’AFP", "à la radio publique RNE"), how many characters were used, and whether the
    phrase is a person's name."""
    pos = 0
    via = None
    for _ in range(3):
        m = _ADVERBIALS.match(rest, pos)
        if m and m.end() > pos:
            pos = m.end()
        vm = _RX21.match(rest[pos:]) if inverted else None
        if vm:
            after = rest[pos + vm.end():]
            om = _OUTLET_RE.match(after)
            if om:
                via = om.group()
                pos += vm.end() + om.end()
                continue
            wm = _RX22.match(after)
            if wm and (wm.group().isupper() or len(after[wm.end():].strip()) > 0):
                via = wm.group()
                pos += vm.end() + wm.end()
                continue
        break
    seg = rest[pos:]
    stripped = seg.lstrip(" ,")
    lead = len(seg) - len(stripped)
    seg = stripped
    hm = _RX18.match(seg)
    if hm:
        return hm.group(), via, pos + lead + hm.end(), True
    stop = _NP_STOP.search(seg)
    np = seg[:stop.start()] if stop else seg[:80]
    pv = _RX19.search(np)
    if pv and (_OUTLET_RE.match(np[pv.end():]) or (pv.group().strip().startswith("pour") and np[pv.end():pv.end() + 1].isupper())):
        pvia = _POUR_VIA_RE.search(np)
        if pvia:
            via = via or _outlet_name(pvia.group(1)) or pvia.group(1)
        np = np[:pv.start()]
    used = pos + lead + len(np)
    person = False
    # "la présidente, Fatima Ouazzani, âgée": a bare title followed by a name in apposition.
    if np and _is_bare_title(np):
        # "la porte-parole du CICR en Syrie, Ingy Sedky": a place may stand between the title and the name
        am = _RX20.match(seg[len(np):])
        if am:
            np = am.group(1)
            used = pos + lead + len(seg[:len(seg)]) - len(seg) + am.end() + len(seg[:0])
            person = True
    elif np and _RX23.fullmatch(np.strip()) and \
            _RX24.match(seg[len(np):]) and \
            not _OUTLET_RE.match(np.strip()) and not any(w in INSTITUTION_WORDS for w in np.split()):
        nxt = _RX25.match(seg[len(np):])
        person = bool(nxt and nxt.group(1).lower() in ROLE_PERSONS | {"porte-parole", "responsable"})
    return (np.strip() or None), via, used, person


def _is_bare_title(np: str) -> bool:
    words = DETERMINERS.sub("", np.strip()).split()
    return bool(words) and words[0].lower() in TITLE_WORDS and _person_name(" ".join(words)) is None


def _subject_before(before: str) -> tuple[str | None, int]:
    """The subject noun phrase ending right before a verb of saying, and where it starts."""
    b = _RX26.sub("", before)
    segs = [(mm.start(), mm.group()) for mm in _RX28.finditer(b)]
    segs = [(st + len(t) - len(t.lstrip(" -–—")), t.lstrip(" -–—")) for st, t in segs if t.strip(" -–—")]
    if not segs:
        return None, 0
    chosen = None
    i = len(segs) - 1
    while i >= 0:
        start, text = segs[i]
        t = text.strip()
        lw = t.lower()
        if lw in PRONOUNS and lw in ("eux", "elle", "lui", "elles") and i > 0:
            i -= 1
            continue
        if _RELATIVE.match(t) and i > 0:
            i -= 1
            continue
        chosen = (start, text)
        if i > 0 and chosen is not None:
            pstart, ptext = segs[i - 1]
            pt = ptext.strip()
            sep = b[pstart + len(ptext):start]
            if "," in sep and pt and pt[0].isupper() and pt.split()[0].lower() not in _CLAUSE_INTRO and \
                    not _RELATIVE.match(pt) and (i - 1 == 0) and not _RX14.search(pt) and \
                    t.split()[0].lower() in ("les", "la", "le", "l’", "l'", "a", "an", "une", "un") and \
                    _person_name(t) is None:
                chosen = segs[i - 1]
        break
    if not chosen:
        return None, 0
    start, text = chosen
    lead = len(text) - len(text.lstrip())
    t = _CONJ_PREFIX.sub("", text.strip())
    t = _RX27.sub("", t)
    if not t or _RX14.search(t) or len(t.split()) > 10:
        return None, 0
    first = t.split()[0].lower()
    if first in _CLAUSE_INTRO or first in ("it", "there", "il", "elle") and len(t.split()) > 1:
        return None, 0
    fm = _FROM_BODY.search(t)
    if fm:
        t = fm.group(1)
    return t, start + lead


@functools.lru_cache(maxsize=8192)  # pure, and sources recur from sentence to sentence
def _clean_np(raw: str) -> str:
    np = raw.strip(" ,.;:«»“”\"'")
    np = _RX29.sub("", np)
    np = np.strip()
    for _ in range(2):
        np = DETERMINERS.sub("", np).strip()
    np = _POSSESSIVE_PROPER.sub("", np)
    return np.strip(" ,")


_ADJ = (r"premier|première|nouveau|nouvel|nouvelle|dernier|dernière|preliminary|first|new|latest|official|"
        r"officiel|officielle|provisoire|définitifs?|définitives?|final|finals?")


@functools.lru_cache(maxsize=8192)  # pure, and sources recur from sentence to sentence
def _data_source(np: str) -> str | None:
    """"les résultats publiés par la préfecture" -> "préfecture"; "un premier décompte" -> None;
    "the government's preliminary estimates" -> "government"; "a Reuters tally" -> "Reuters"."""
    words = np.split()
    while words and re.fullmatch(_ADJ, words[0], _I):
        words = words[1:]
    if not words:
        return None
    first = words[0].lower().strip("’'")
    if first in DATA_NOUNS:
        tail = " ".join(words[1:])
        m = _RX30.search(" " + tail)
        if m and m.group(1).strip():
            src = _clean_np(m.group(1))
            src = _RX32.sub("", src)
            return src or None
        if len(words) > 1 and words[1][0].isupper():
            return " ".join(words[1:])
        return None
    last = words[-1].lower()
    if last in DATA_NOUNS and len(words) > 1 and words[-2].lower() not in ("de", "des", "du", "d’", "d'"):
        pre = words[:-1]
        while pre and re.fullmatch(_ADJ, pre[-1], _I):
            pre = pre[:-1]
        src = _RX31.sub("", " ".join(pre))
        return src or None
    return np


def _strip_descriptor(np: str) -> str:
    words = np.split()
    if len(words) >= 2 and words[0].lower() in DESCRIPTORS:
        caps = [j for j, w in enumerate(words) if w[0].isupper() and j > 0]
        if caps:
            return " ".join(words[caps[0]:])
    return np


@functools.lru_cache(maxsize=8192)  # pure, and sources recur from sentence to sentence
def _person_name(np: str) -> str | None:
    """The person's name in "le ministre russe de la Défense Sergueï Choïgou" or "Conservative MP Daniel Brookes"."""
    words = np.split()
    if len(words) < 2:
        return None
    if not any(w.lower().strip(".,") in TITLE_WORDS for w in words):
        if all(w[0].isupper() for w in words) and len(words) == 2 and not any(w in INSTITUTION_WORDS for w in words) \
                and not _OUTLET_RE.match(np):
            return None
        return None
    last_title = max(i for i, w in enumerate(words) if w.lower().strip(".,") in TITLE_WORDS)
    tail = words[last_title + 1:]
    caps = []
    for w in reversed(tail):
        if w[0].isupper():
            caps.insert(0, w)
        else:
            break
    while caps and caps[0] in INSTITUTION_WORDS:
        caps.pop(0)
    if len(caps) >= 2:
        return " ".join(caps)
    return None


@functools.lru_cache(maxsize=8192)  # pure, and sources recur from sentence to sentence
def _outlet_name(s: str | None) -> str | None:
    if not s:
        return None
    s = _clean_np(s)
    m = _OUTLET_RE.match(s)
    if m:
        return m.group()
    m = re.search(r"(?:^|\s)(" + "|".join(re.escape(o) for o in OUTLETS) + r")(?![\w])", s)
    return m.group(1) if m else (s if s and s[0].isupper() else None)


def assign(markers: list[Marker], fig_start: int, fig_end: int) -> Marker | None:
    """The marker that attributes the figure at ``fig_start``: the nearest closing marker after it,
    else the nearest opening marker before it, else a closing marker before it."""
    back_after = [m for m in markers if m.direction == "back" and m.pos >= fig_end]
    if back_after:
        return min(back_after, key=lambda m: m.pos)
    fwd_before = [m for m in markers if m.direction == "fwd" and m.end <= fig_start + 1 or
                  (m.direction == "fwd" and m.pos <= fig_start)]
    if fwd_before:
        return max(fwd_before, key=lambda m: m.pos)
    back_before = [m for m in markers if m.direction == "back" and m.pos < fig_start]
    if back_before:
        return max(back_before, key=lambda m: m.pos)
    return None


def starts_with_continuation(sent: str) -> bool:
    """"That compares with…" / "Cela…": the sentence goes on with the previous one's source."""
    return bool(_THAT_START.match(sent.strip()))


# Inline patterns, compiled once (a re.* call with a literal pays a cache lookup each time).
_RX0 = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)(?:\s|$)")
_RX1 = re.compile(r"ant$")
_RX2 = re.compile(r"(?:qui|que|which|who)$")
_RX3 = re.compile(rf"(?:{SAY_EN})$", _I)
_RX4 = re.compile(r"\s*((?:[A-ZÀ-Þ][\w\-’']*)(?:\s+[A-ZÀ-Þ][\w\-’']*){0,3})\s+[a-zà-ÿ]")
_RX5 = re.compile(r"\s*(?:broadcaster\s+|the\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)")
_RX6 = re.compile(r"(?:paper|newspaper|journal|quotidien)", _I)
_RX7 = re.compile(r"\b(?:par|by)\s+")
_RX8 = re.compile(r"cité", _I)
_RX9 = re.compile(r"\s*[A-ZÀ-Þ]")
_RX10 = re.compile(r"(?:de|d[’']|que|qu[’']|that|to|à|:|avoir)\b", _I)
_RX11 = re.compile(r"[,;.]")
_RX12 = re.compile(r"[,;.]|$")
_RX13 = re.compile(r"[;.]|,\s")
_RX14 = re.compile(r"\d")
_RX15 = re.compile(r"(?:de|d[’']|des|du|que|qu[’']|à|avoir|être|that|to|it|the\s+(?:strikes?|number)|"
                        r"un\s+bilan|le\s+chiffre)\b", _I)
_RX16 = re.compile(r"[,;:]")
_RX17 = re.compile(rf"\b(?:{SAY_EN})\b", _I)
_RX18 = re.compile(r"(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+[A-ZÀ-Þ][\w\-’']+")
_RX19 = re.compile(r"\s+(?:pour|for)\s+(?:l[’']|la\s+|le\s+)?")
_RX20 = re.compile(r"(?:\s+(?:en|au|aux|à|in)\s+[A-ZÀ-Þ][\w\-’']*(?:\s+[A-ZÀ-Þ][\w\-’']*)?)?"
                      r"\s*,\s*((?:[A-ZÀ-Þ][\w\-’']+\s+){1,2}[A-ZÀ-Þ][\w\-’']+|[A-ZÀ-Þ][\w\-’']+(?=\s*,\s*\d))")
_RX21 = re.compile(r"\s*à\s+(?:l[’']|la\s+|le\s+)?(?:(?:radio|télévision|chaîne|agence|quotidien|journal|"
                      r"publique|d[’']État|privée|russe|britannique|américaine|française)\s+)*"
                      r"(?=[A-ZÀ-Þ])")
_RX22 = re.compile(r"[A-ZÀ-Þ][\w\-]*")
_RX23 = re.compile(r"(?:[A-ZÀ-Þ][\w\-’']+\s+){1,2}[A-ZÀ-Þ][\w\-’']+")
_RX24 = re.compile(r"\s*,\s*(?:un|une|le|la|l[’']|the|a|an)?\s*[\w\-]+")
_RX25 = re.compile(r"\s*,\s*(?:un|une|le|la|l[’']|the|a|an)?\s*([\w\-]+)")
_RX26 = re.compile(r"(?:\s+(?:a|ont|avait|avaient|aurait|auraient|has|have|had|de\s+son\s+côté|de\s+leur\s+côté|"
               r"quant\s+à\s+(?:lui|elle|eux)|par\s+ailleurs|également|aussi|encore|also|now|d[’']ores\s+et\s+déjà|"
               r"dimanche\s+soir|dans\s+la\s+nuit|then|later|earlier|en|y|se|s[’']|lui|leur|nous|"
               r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
               r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))+\s*$", _I)
_RX27 = re.compile(r"^(?:URGENT|BREAKING|FLASH|UPDATE|ALERTE)\s*[-–:]?\s*")
_RX28 = re.compile(r"(?:[^,;:«»“”\"()–—\s]|\s(?!-\s))+")
_RX29 = re.compile(r"\s*\([^)]*\)?\s*$")
_RX30 = re.compile(r"(?:^|\s)(?:de\s+la|de\s+l[’']|du|des|de|d[’']|of\s+the|of|par|by)\s*(.+)$", _I)
_RX31 = re.compile(r"[’']s$")
_RX32 = re.compile(r"^(?:la|le|les|l[’'])\s*")
