"""Grouping across outlets: syndicated copies, same-event groups and comparison keys (pure, no I/O).

* A syndicated copy is an article whose text is a near-duplicate (MinHash over word shingles, then exact
  Jaccard) of an earlier article from another outlet; it links to the earliest original of its cluster
  and is not an independent confirmation.
* Articles about the same event (reported within a time window, sharing places, actors, counted
  quantities and words) get one ``event_id``; copies join their original's event, and every revision
  of a story shares its event.
* A comparison key names a quantity within an event: category, counted noun brought to an English
  lemma (``personnes`` / ``people`` -> ``people``) and the place the figure is about, e.g.
  ``evacuated:people@aleppo``. Revisions of one outlet's figure share the key, so they read as a
  timeline rather than a conflict.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import attrgetter, itemgetter

import numpy as np
from datasketch import MinHash, MinHashLSH

from figurewire.records import stable_id

NUM_PERM = 64
SHINGLE_WORDS = 3
COPY_JACCARD = 0.5
EVENT_WINDOW = timedelta(days=3)
EVENT_MAX_SPAN = timedelta(days=7)
EVENT_SCORE = 4.0
MAX_NEIGHBOURS_PER_FEATURE = 25
QUANTITY_KEYS_PER_ARTICLE = 3

# Places and actors the sample outlets write about; spellings are matched after normalise().
PLACES: dict[str, tuple[str, ...]] = {
    "aleppo": ("alep", "aleppo", "halab"),
    "fouaa": ("fouaa", "foua", "fua", "al fuah"),
    "kefraya": ("kefraya", "kfarya", "kfaraya", "kafraya"),
    "idlib": ("idleb", "idlib"),
    "ramousseh": ("ramoussah", "ramousseh", "ramouseh"),
    "jibrine": ("jibrine", "jibreen"),
    "damascus": ("damas", "damascus"),
    "homs": ("homs",),
    "palmyra": ("palmyre", "palmyra"),
    "deir ez-zor": ("deir ez zor", "deir ezzor", "deir el zor"),
    "raqqa": ("raqqa", "rakka"),
    "latakia": ("lattaquie", "latakia"),
    "hmeimim": ("hmeimim", "hmeymim"),
    "ghouta": ("ghouta",),
    "mosul": ("mossoul", "mosul"),
}
ACTORS: dict[str, tuple[str, ...]] = {
    "ICRC": ("cicr", "icrc", "croix rouge", "red cross"),
    "Russian Defence Ministry": (
        "ministere russe de la defense", "russian defence ministry", "russian defense ministry",
        "russian ministry of defence", "ministere de la defense russe", "russian mod",
        "ministre russe de la defense"),
    "Sergei Shoigu": ("choigou", "shoigu"),
    "Ingy Sedky": ("sedky",),
    "SOHR": ("osdh", "sohr", "observatoire syrien des droits de l homme",
             "syrian observatory for human rights"),
    "Russian Reconciliation Centre": ("centre russe pour la reconciliation", "russian reconciliation centre",
                                      "russian reconciliation center", "centre de reconciliation"),
    "Syrian Arab Red Crescent": ("croissant rouge", "red crescent"),
    "United Nations": ("onu", "united nations", "nations unies"),
    "Bashar al-Assad": ("assad",),
    "Vladimir Putin": ("poutine", "putin"),
}
# Head nouns of counted phrases, French and English, singular after normalise(); value = English lemma.
NOUN_LEMMAS: dict[str, str] = {
    **dict.fromkeys(("personne", "people", "person", "habitant", "inhabitant", "resident", "individu",
                     "individual"), "people"),
    **dict.fromkeys(("civil", "civilian"), "civilians"),
    **dict.fromkeys(("combattant", "fighter", "rebelle", "rebel", "insurge", "insurgent", "milicien",
                     "militiaman", "militiamen", "militant", "terroriste", "terrorist", "djihadiste",
                     "jihadiste", "jihadist"), "fighters"),
    **dict.fromkeys(("soldat", "soldier", "militaire", "troop"), "soldiers"),
    **dict.fromkeys(("enfant", "child", "children"), "children"),
    **dict.fromkeys(("famille", "family", "families"), "families"),
    **dict.fromkeys(("blesse", "wounded", "injured", "casualty", "casualtie"), "wounded"),
    **dict.fromkeys(("mort", "dead", "death", "tue", "victime", "victim"), "dead"),
    **dict.fromkeys(("chef", "leader", "commander", "commandant"), "leaders"),
    **dict.fromkeys(("refugie", "refugee", "deplace", "displaced"), "refugees"),
    **dict.fromkeys(("prisonnier", "prisoner", "detenu", "detainee", "otage", "hostage"), "prisoners"),
    **dict.fromkeys(("bus", "buse", "autobus", "coach"), "buses"),
    **dict.fromkeys(("vehicule", "vehicle", "voiture", "car", "pick", "taxi", "camion", "truck"), "vehicles"),
    **dict.fromkeys(("frappe", "strike", "airstrike", "raid", "bombardement", "bombing"), "strikes"),
    **dict.fromkeys(("sortie", "mission", "vol", "flight"), "sorties"),
    **dict.fromkeys(("camp",), "camps"),
    **dict.fromkeys(("usine", "atelier", "factory", "factorie", "workshop", "plant"), "factories"),
    **dict.fromkeys(("equipement", "equipment", "materiel", "hardware"), "equipment"),
}
_LEADING_WORDS = frozenset(("de", "d", "des", "du", "les", "le", "la", "l", "of", "the", "some", "about"))
_STOPWORDS = frozenset("""
    alors aussi avec avoir avait avant apres cette celui comme dans depuis donc elle elles encore entre etaient
    etait etre fait leur leurs mais meme nous notre plus pour quand selon sont sous tous tout tres vers cela
    about after also been before being between both during from have into more most other over same some
    than that their them there these they this those through under were what when where which while will
    with would said says told
""".split())

_DIGIT_GROUP = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009.,'’](?=\d{3}(?!\d))")
_NON_WORD = re.compile(r"[^\w]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")


def _fold_table() -> dict[int, str]:
    """Latin letters NFKD leaves alone -> ASCII (œ -> oe, ø -> o, ł -> l)."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char:
            table[code] = base.lower()
    table.update({ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss", ord("ø"): "o", ord("ł"): "l", ord("đ"): "d",
                  ord("ı"): "i"})
    return table


_FOLD = _fold_table()


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation dropped, digit groups joined (``34.000`` and ``34 000`` -> ``34000``)."""
    text = _DIGIT_GROUP.sub("", text or "").lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLD)
    return _NON_WORD.sub(" ", text).strip()


def shingles(text: str, size: int = SHINGLE_WORDS, normalised: bool = False) -> set[str]:
    words = (text if normalised else normalise(text)).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


class _Gazetteer:
    """Spellings (normalised, one or more words) -> canonical name, looked up word by word."""

    def __init__(self, table: Mapping[str, tuple[str, ...]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for canonical, names in table.items():
            for name in names:
                words = tuple(name.split())
                self.by_first[words[0]].append((words, canonical))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def mentions(self, words: Sequence[str]) -> list[str]:
        found = []
        by_first = self.by_first
        for i, word in [(i, word) for i, word in enumerate(words) if word in by_first]:
            for spelling, canonical in by_first[word]:
                if tuple(words[i:i + len(spelling)]) == spelling:
                    found.append(canonical)
                    break
        return found


_PLACES = _Gazetteer(PLACES)
_ACTORS = _Gazetteer(ACTORS)


def _words(text: str, normalised: bool) -> list[str]:
    return (text if normalised else normalise(text)).split()


def places_in(text: str, normalised: bool = False) -> list[str]:
    """Known places in order of first mention (canonical names)."""
    return list(dict.fromkeys(_PLACES.mentions(_words(text, normalised))))


def actors_in(text: str, normalised: bool = False) -> list[str]:
    return list(dict.fromkeys(_ACTORS.mentions(_words(text, normalised))))


def main_place(text: str, normalised: bool = False) -> str | None:
    """The place an article is mostly about: the most mentioned known place, the first one on ties."""
    counts: dict[str, int] = {}
    for place in _PLACES.mentions(_words(text, normalised)):
        counts[place] = counts.get(place, 0) + 1
    return max(counts, key=lambda p: counts[p]) if counts else None


def claimant_name(claimant: str | None) -> str | None:
    """One name per known body or person (CICR, ICRC and Red Cross are the ICRC), else as written."""
    if not claimant or not claimant.strip():
        return None
    actors = actors_in(claimant)
    return actors[0] if actors else " ".join(claimant.split())


def counted_noun(counted: str | None) -> str | None:
    """The English lemma of a counted phrase's head noun (``camps d'entraînement`` -> ``camps``)."""
    words = [w for w in normalise(counted or "").split() if not w.isdigit()]
    while words and words[0] in _LEADING_WORDS:
        words.pop(0)
    if not words:
        return None
    head = words[0]
    for candidate in (head, head[:-1] if head.endswith(("s", "x")) and len(head) > 3 else head):
        if candidate in NOUN_LEMMAS:
            return NOUN_LEMMAS[candidate]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def comparison_key(category: str, noun: str | None, place: str | None) -> str:
    return f"{category}:{noun or 'unspecified'}" + (f"@{place}" if place else "")


# ---------------------------------------------------------------- inputs and outputs


@dataclass(frozen=True)
class ArticleDoc:
    """What grouping needs of one current article (latest revision of its story)."""

    article_id: str
    story_id: str
    outlet: str
    text: str
    reported_at: datetime | None
    quantities: frozenset[tuple[str, float]] = field(default_factory=frozenset)
    normalised_text: str | None = None  # when the caller normalised already (the warehouse does, in SQL)


@dataclass(frozen=True)
class ArticleGroup:
    article_id: str
    story_id: str
    event_id: str
    is_syndicated_copy: bool
    original_article_id: str | None
    copy_similarity: float | None


@dataclass(frozen=True)
class FigureRef:
    figure_id: str
    article_id: str
    category: str
    counted: str | None
    claimant: str | None
    sentence: str
    sentence_normalised: str | None = None


@dataclass(frozen=True)
class FigureKey:
    figure_id: str
    event_id: str | None
    comparison_key: str
    counted_noun: str | None
    place: str | None
    claimant_name: str | None


# ---------------------------------------------------------------- syndicated copies


def _find(parent: list[int], i: int) -> int:
    """Union-find root of ``i``, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def syndicated_copies(docs: Sequence[ArticleDoc], threshold: float = COPY_JACCARD,
                      texts: Sequence[str] | None = None) -> dict[str, tuple[str, float]]:
    """``copy article_id -> (original article_id, Jaccard similarity)`` for near-duplicates across outlets.

    Candidates are the pairs MinHash LSH pairs up; each candidate pair is confirmed on the exact
    shingle sets. In a cluster of near-duplicates the earliest article is the original; articles of
    the original's outlet are not copies of it.
    """
    texts = _normalised_texts(docs) if texts is None else texts
    sets = [shingles(text, normalised=True) for text in texts]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        return _find(parent, i)

    # Identical texts are settled without MinHash: one representative each goes to LSH, so a feed
    # repeating one text thousands of times costs one candidate, not one per item against all the others.
    same_text: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        if sets[i]:
            same_text[text].append(i)
    outlets_of: dict[int, set[str]] = {}
    for members in same_text.values():
        outlets_of[members[0]] = {docs[k].outlet for k in members}
        if len(outlets_of[members[0]]) > 1:
            for k in members[1:]:
                parent[find(k)] = find(members[0])
    reps = list(outlets_of)
    hashes = MinHash.bulk([[s.encode() for s in sets[i]] for i in reps], num_perm=NUM_PERM, hashfunc=zlib.crc32)
    bands = MinHashLSH(threshold=threshold * 0.8, num_perm=NUM_PERM).hashranges
    outlets = {o: n for n, o in enumerate(sorted({d.outlet for d in docs}))}
    only_outlet = np.array([outlets[docs[i].outlet] if len(outlets_of[i]) == 1 else -1 for i in reps], dtype=np.int64)
    size = np.array([len(sets[i]) for i in reps], dtype=np.float64)

    def possible(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Not two texts each only ever seen at the same outlet, and sizes not too far apart to reach
        ``threshold`` (the Jaccard is at most the smaller set's size over the larger's)."""
        return (((only_outlet[a] != only_outlet[b]) | (only_outlet[a] == -1))
                & (np.minimum(size[a], size[b]) / np.maximum(size[a], size[b]) >= threshold))

    first, second, shared = _lsh_candidates(hashes, bands, possible)
    likeliest_first = np.argsort((len(bands) - shared).astype(np.uint8), kind="stable")
    rep = np.array(reps, dtype=np.int64)
    _link(parent, rep[first[likeliest_first]], rep[second[likeliest_first]],
          lambda i, j: _jaccard(sets[i], sets[j]) >= threshold)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        clusters[find(i)].append(i)
    copies: dict[str, tuple[str, float]] = {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda k: (_time_key(docs[k].reported_at), docs[k].article_id))
        for k in members:
            if docs[k].outlet != docs[original].outlet:
                copies[docs[k].article_id] = (docs[original].article_id,
                                              round(_jaccard(sets[k], sets[original]), 4))
    return copies


def _lsh_candidates(hashes: Sequence[MinHash], bands: Sequence[tuple[int, int]],
                    possible: Callable[[np.ndarray, np.ndarray], np.ndarray],
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(first, second, shared)``: every pair of positions ``first < second`` in ``hashes`` whose
    MinHashes agree on every row of at least one band and that ``possible`` keeps, and on how many
    bands they agree.

    These are the pairs ``MinHashLSH.query`` returns with the same bands, but found by sorting each
    band's rows: templated texts give millions of candidate pairs, which one query per article would
    hand back one Python object at a time. Each band's pairs are filtered before they are kept, which
    bounds the memory held to the pairs that may be copies.
    """
    n = len(hashes)
    empty = np.empty(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty
    values = np.stack([h.hashvalues for h in hashes])
    keys = []
    for start, end in bands:
        bucket = np.unique(values[:, start:end], axis=0, return_inverse=True)[1].ravel()
        order = np.argsort(bucket, kind="stable")
        for members in np.split(order, np.flatnonzero(np.diff(bucket[order])) + 1):
            if len(members) > 1:
                a, b = np.triu_indices(len(members), 1)
                a, b = members[a], members[b]
                kept = possible(a, b)
                keys.append(a[kept] * n + b[kept])
    pairs = np.concatenate(keys) if keys else empty
    del keys
    if not len(pairs):
        return empty, empty, empty
    pairs.sort()
    starts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))
    shared = np.diff(np.append(starts, len(pairs)))
    pairs = pairs[starts]
    return (pairs // n).astype(np.int32), (pairs % n).astype(np.int32), shared


def _link(parent: list[int], left: np.ndarray, right: np.ndarray, linked: Callable[[int, int], bool],
          chunk: int = 4096) -> None:
    """Union ``left[k]`` and ``right[k]`` wherever ``linked`` holds for them, asking only about pairs
    whose ends are still in different clusters.

    The clusters come out as the connected components of the pairs that hold, whatever the order,
    so they are those of testing every pair; put the likeliest pairs first and most of the others
    are found inside one cluster already and never tested.
    """
    while len(left):
        roots = np.array(parent)
        while not np.array_equal(up := roots[roots], roots):
            roots = up
        apart = roots[left] != roots[right]
        left, right = left[apart], right[apart]
        for i, j in zip(left[:chunk].tolist(), right[:chunk].tolist(), strict=True):
            a, b = _find(parent, i), _find(parent, j)
            if a != b and linked(i, j):
                parent[a] = b
        left, right = left[chunk:], right[chunk:]


def _normalised_texts(docs: Sequence[ArticleDoc]) -> list[str]:
    return [d.normalised_text if d.normalised_text is not None else normalise(d.text) for d in docs]


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not (a and b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _time_key(value: datetime | None) -> float:
    return value.timestamp() if value else float("inf")


# ---------------------------------------------------------------- same-event grouping


@dataclass(slots=True)
class _Features:
    places: frozenset[str]
    actors: frozenset[str]
    values: dict[str, list[float]]
    words: frozenset[int]


def _features(doc: ArticleDoc, text: str, vocabulary: dict[str, int]) -> _Features:
    """An article's evidence; its words as numbers from ``vocabulary`` (shared by the articles compared),
    which Python intersects several times faster than the same words as separate strings."""
    values: dict[str, list[float]] = defaultdict(list)
    for category, value in doc.quantities:
        if category != "other":
            values[category].append(value)
    words = text.split()
    return _Features(
        places=frozenset(_PLACES.mentions(words)),
        actors=frozenset(_ACTORS.mentions(words)),
        values={category: sorted(v) for category, v in values.items()},
        words=frozenset(vocabulary.setdefault(w, len(vocabulary)) for w in words
                        if len(w) >= 4 and w not in _STOPWORDS and not w.isdigit()),
    )


def event_score(a: _Features, b: _Features) -> float:
    """Evidence that two articles report the same event: a shared place weighs most, then shared counted
    quantities (same category, values within 5 %), actors, categories and shared words. With the
    default threshold a shared place needs one more clue (an actor, a category, some wording)."""
    shared_categories = a.values.keys() & b.values.keys()
    clues = 3 * min(len(a.places & b.places), 2) + min(len(a.actors & b.actors), 2)
    if shared_categories:
        clues += 2 * _shared_quantities(a, b, shared_categories, limit=2) + min(len(shared_categories), 2)
    return clues + 4.0 * _jaccard(a.words, b.words)


def _shared_quantities(a: _Features, b: _Features, categories, limit: int) -> int:
    """How many of ``a``'s quantities (up to ``limit``) have a value within 5 % in ``b``'s same category,
    looking at the first of ``b``'s values from 95 % of ``a``'s up."""
    found = 0
    for category in categories:
        others = b.values[category]
        count = len(others)
        for value in a.values[category]:
            i = bisect_left(others, value * 0.95)
            if i < count:
                other = others[i]
                if value == other or ((largest := max(abs(value), abs(other))) > 0
                                      and abs(value - other) / largest <= 0.05):
                    found += 1
                    if found >= limit:
                        return found
    return found


def same_event_pairs(docs: Sequence[ArticleDoc], window: timedelta = EVENT_WINDOW,
                     min_score: float = EVENT_SCORE,
                     texts: Sequence[str] | None = None) -> list[tuple[float, int, int]]:
    """``(score, i, j)`` for articles reported within ``window`` whose evidence reaches ``min_score``.

    Only articles sharing a place, an actor or one of their largest quantities are compared
    (blocking), each with its nearest neighbours in time, so the work grows with the number of
    articles, not its square.
    """
    texts = _normalised_texts(docs) if texts is None else texts
    vocabulary: dict[str, int] = {}
    feats = [_features(d, text, vocabulary) for d, text in zip(docs, texts, strict=True)]
    postings: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for place in f.places:
            postings[("place", place)].append(i)
        for actor in f.actors:
            postings[("actor", actor)].append(i)
        largest = sorted({(v, c) for c, values in f.values.items() for v in values}, reverse=True)
        for value, cat in largest[:QUANTITY_KEYS_PER_ARTICLE]:
            postings[("quantity", cat, round(value, -2) if value >= 1000 else value)].append(i)
    times = [d.reported_at for d in docs]
    order = [_time_key(t) for t in times]
    n = len(docs)
    seen: set[int] = set()
    pairs = []
    for members in postings.values():
        members.sort(key=order.__getitem__)
        for pos, i in enumerate(members):
            ti, fi = times[i], feats[i]
            for j in members[pos + 1: pos + 1 + MAX_NEIGHBOURS_PER_FEATURE]:
                tj = times[j]
                if ti and tj and abs(tj - ti) > window:
                    break
                key = i * n + j if i < j else j * n + i
                if key in seen:
                    continue
                seen.add(key)
                score = event_score(fi, feats[j])
                if score >= min_score:
                    pairs.append((score, i, j) if i < j else (score, j, i))
    return pairs


def group_articles(docs: Sequence[ArticleDoc], story_of: Mapping[str, str]) -> list[ArticleGroup]:
    """Event and syndication for every article version in ``story_of`` (article_id -> story_id).

    ``docs`` are the current revisions; older revisions inherit their story's event and syndication.
    Links are merged strongest first, and never into an event spanning more than ``EVENT_MAX_SPAN``,
    so daily news from one city does not chain into a year-long event. Equal-scored links are merged in
    ``article_id`` order, not in the order ``docs`` come in (a build reads them in no set order).
    """
    docs = sorted(docs, key=attrgetter("article_id"))
    texts = _normalised_texts(docs)
    return merge_groups(docs, story_of, syndicated_copies(docs, texts=texts), same_event_pairs(docs, texts=texts))


def merge_groups(docs: Sequence[ArticleDoc], story_of: Mapping[str, str], copies: Mapping[str, tuple[str, float]],
                 pairs: list[tuple[float, int, int]]) -> list[ArticleGroup]:
    """The groups that copy links and scored same-event pairs (indexes into ``docs``) make.

    Copies always merge; pairs merge strongest first (ties in index order) within ``EVENT_MAX_SPAN``.
    ``pairs`` is sorted in place: it can hold millions of pairs.
    """
    index = {d.article_id: i for i, d in enumerate(docs)}
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        return _find(parent, i)

    first = [_time_key(d.reported_at) for d in docs]
    last = list(first)

    def union(i: int, j: int, bounded: bool) -> None:
        a, b = find(i), find(j)
        if a == b:
            return
        start, end = min(first[a], first[b]), max(last[a], last[b])
        if bounded and end != float("inf") and end - start > EVENT_MAX_SPAN.total_seconds():
            return
        parent[a] = b
        first[b], last[b] = start, end

    for copy_id, (original_id, _) in copies.items():
        union(index[copy_id], index[original_id], bounded=False)
    pairs.sort(key=itemgetter(1, 2))
    pairs.sort(key=itemgetter(0), reverse=True)
    for _, i, j in pairs:
        union(i, j, bounded=True)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        components[find(i)].append(i)
    event_of_story: dict[str, str] = {}
    by_story: dict[str, ArticleDoc] = {}
    for members in components.values():
        earliest = min(members, key=lambda k: (_time_key(docs[k].reported_at), docs[k].story_id))
        event_id = stable_id("event", docs[earliest].story_id)
        for k in members:
            event_of_story[docs[k].story_id] = event_id
            by_story[docs[k].story_id] = docs[k]
    groups = []
    for article_id, story_id in sorted(story_of.items()):
        current = by_story.get(story_id)
        link = copies.get(current.article_id) if current else None
        groups.append(ArticleGroup(
            article_id=article_id,
            story_id=story_id,
            event_id=event_of_story.get(story_id, stable_id("event", story_id)),
            is_syndicated_copy=link is not None,
            original_article_id=link[0] if link else None,
            copy_similarity=link[1] if link else None,
        ))
    return groups


# ---------------------------------------------------------------- comparison keys


def comparison_keys(figures: Iterable[FigureRef], event_of_article: Mapping[str, str],
                    place_of_article: Mapping[str, str | None]) -> list[FigureKey]:
    """A comparison key per figure: category, counted-noun lemma and the place its sentence names, else
    the place its article is mostly about."""
    sentence_places: dict[str, str | None] = {}
    nouns: dict[str | None, str | None] = {}
    claimants: dict[str | None, str | None] = {}
    keys = []
    for fig in figures:
        if fig.sentence not in sentence_places:
            if fig.sentence_normalised is not None:
                found = _PLACES.mentions(fig.sentence_normalised.split())
            else:
                found = _PLACES.mentions(_words(fig.sentence, normalised=False))
            sentence_places[fig.sentence] = found[0] if found else None
        place = sentence_places[fig.sentence] or place_of_article.get(fig.article_id)
        if fig.counted not in nouns:
            nouns[fig.counted] = counted_noun(fig.counted)
        if fig.claimant not in claimants:
            claimants[fig.claimant] = claimant_name(fig.claimant)
        noun = nouns[fig.counted]
        keys.append(FigureKey(
            figure_id=fig.figure_id,
            event_id=event_of_article.get(fig.article_id),
            comparison_key=comparison_key(fig.category, noun, place),
            counted_noun=noun,
            place=place,
            claimant_name=claimants[fig.claimant],
        ))
    return keys
