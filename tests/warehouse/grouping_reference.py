"""The grouping code as it was before it was made fast (commit 6b3a1a9), kept as the reference the fast
code must agree with: one ``MinHashLSH.query`` per article and an exact Jaccard on every candidate, and
the event score as first written. Only the parts that changed are here; the rest is shared."""

from __future__ import annotations

import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from datasketch import MinHash, MinHashLSH

from transforms.grouping import _STOPWORDS as STOPWORDS
from transforms.grouping import (
    COPY_JACCARD,
    EVENT_SCORE,
    EVENT_WINDOW,
    MAX_NEIGHBOURS_PER_FEATURE,
    NUM_PERM,
    QUANTITY_KEYS_PER_ARTICLE,
    ArticleDoc,
    ArticleGroup,
    _find,
    _normalised_texts,
    _time_key,
    actors_in,
    merge_groups,
    places_in,
    shingles,
)


def _jaccard(a, b) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def syndicated_copies(docs: Sequence[ArticleDoc], threshold: float = COPY_JACCARD,
                      texts: Sequence[str] | None = None) -> dict[str, tuple[str, float]]:
    texts = _normalised_texts(docs) if texts is None else texts
    sets = [shingles(text, normalised=True) for text in texts]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        return _find(parent, i)

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
    lsh = MinHashLSH(threshold=threshold * 0.8, num_perm=NUM_PERM)
    for i, mh in zip(reps, hashes, strict=True):
        lsh.insert(i, mh)
    for i, mh in zip(reps, hashes, strict=True):
        for j in lsh.query(mh):
            if j <= i or outlets_of[i] | outlets_of[j] == outlets_of[i] & outlets_of[j] == {docs[i].outlet}:
                continue
            if _jaccard(sets[i], sets[j]) >= threshold:
                parent[find(i)] = find(j)
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


@dataclass
class _Features:
    places: frozenset[str]
    actors: frozenset[str]
    values: dict[str, list[float]]
    words: frozenset[str]


def _features(doc: ArticleDoc, text: str) -> _Features:
    values: dict[str, list[float]] = defaultdict(list)
    for category, value in doc.quantities:
        if category != "other":
            values[category].append(value)
    return _Features(
        places=frozenset(places_in(text, normalised=True)),
        actors=frozenset(actors_in(text, normalised=True)),
        values={category: sorted(v) for category, v in values.items()},
        words=frozenset(w for w in text.split() if len(w) >= 4 and w not in STOPWORDS and not w.isdigit()),
    )


def event_score(a: _Features, b: _Features) -> float:
    shared_categories = a.values.keys() & b.values.keys()
    return (3.0 * min(len(a.places & b.places), 2)
            + 1.0 * min(len(a.actors & b.actors), 2)
            + 2.0 * _shared_quantities(a, b, shared_categories, limit=2)
            + 1.0 * min(len(shared_categories), 2)
            + 4.0 * _jaccard(a.words, b.words))


def _shared_quantities(a: _Features, b: _Features, categories, limit: int) -> int:
    found = 0
    for category in categories:
        others = b.values[category]
        for value in a.values[category]:
            i = bisect_left(others, value * 0.95)
            if i < len(others) and _close(value, others[i]):
                found += 1
                if found >= limit:
                    return found
    return found


def _close(a: float, b: float) -> bool:
    return a == b or (max(abs(a), abs(b)) > 0 and abs(a - b) / max(abs(a), abs(b)) <= 0.05)


def same_event_pairs(docs: Sequence[ArticleDoc], window: timedelta = EVENT_WINDOW,
                     min_score: float = EVENT_SCORE,
                     texts: Sequence[str] | None = None) -> list[tuple[float, int, int]]:
    texts = _normalised_texts(docs) if texts is None else texts
    feats = [_features(d, text) for d, text in zip(docs, texts, strict=True)]
    postings: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for place in f.places:
            postings[("place", place)].append(i)
        for actor in f.actors:
            postings[("actor", actor)].append(i)
        largest = sorted({(v, c) for c, values in f.values.items() for v in values}, reverse=True)
        for value, cat in largest[:QUANTITY_KEYS_PER_ARTICLE]:
            postings[("quantity", cat, round(value, -2) if value >= 1000 else value)].append(i)
    seen: set[tuple[int, int]] = set()
    pairs = []
    for members in postings.values():
        members.sort(key=lambda k: _time_key(docs[k].reported_at))
        for pos, i in enumerate(members):
            for j in members[pos + 1: pos + 1 + MAX_NEIGHBOURS_PER_FEATURE]:
                ti, tj = docs[i].reported_at, docs[j].reported_at
                if ti and tj and abs(tj - ti) > window:
                    break
                pair = (min(i, j), max(i, j))
                if pair in seen:
                    continue
                seen.add(pair)
                score = event_score(feats[i], feats[j])
                if score >= min_score:
                    pairs.append((score, *pair))
    return pairs


def group_articles(docs: Sequence[ArticleDoc], story_of: Mapping[str, str]) -> list[ArticleGroup]:
    """The reference copies and pairs, merged by the shared ``merge_groups`` (the merge did not change)."""
    texts = _normalised_texts(docs)
    return merge_groups(docs, story_of, syndicated_copies(docs, texts=texts), same_event_pairs(docs, texts=texts))
