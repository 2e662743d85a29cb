"""The fast grouping gives exactly what the straightforward code (``grouping_reference``) gave.

The corpus is written like the benchmark newsroom, from few templates per language, so MinHash LSH
pairs up most articles with most others; on top of that come light edits carried by other outlets,
texts repeated by one outlet or by several, empty texts and articles without a date. Copies, their
similarities, every scored event pair and the final groups must be the same, value for value.
"""

from __future__ import annotations

import random
import zlib
from datetime import UTC, datetime, timedelta

import grouping_reference as reference
import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from transforms import grouping
from transforms.grouping import ArticleDoc

T0 = datetime(2017, 3, 1, tzinfo=UTC)
OUTLETS = ("AFP", "RT", "Sputnik", "Levant Post", "Meridian Daily", "Echo des Plaines")
PLACES = ("Alep", "Idleb", "Homs", "Palmyre", "Lattaquié", "Raqqa", "Damas", "Mossoul", "Aleppo", "Latakia")
ACTORS = ("le CICR", "l'OSDH", "le ministère russe de la Défense", "the ICRC", "the Red Crescent",
          "the United Nations", "Sergueï Choïgou")
TEMPLATES = {
    "fr": (
        ("evacuated", "Selon {actor}, {n} personnes ont été évacuées de {place} depuis lundi, dont une majorité "
                      "de femmes et d'enfants. Les départs se sont poursuivis sous la pluie."),
        ("killed", "Au moins {n} civils ont été tués lors des bombardements de la nuit à {place}, a indiqué "
                   "{actor}, qui redoute un bilan plus lourd."),
        ("vehicles", "Une colonne de {n} bus a quitté le quartier est de {place} peu après l'aube, escortée "
                     "par des véhicules de la police militaire."),
        ("strikes", "{actor} affirme que {n} frappes ont visé des positions rebelles au cours des trois "
                    "derniers jours, un chiffre que les groupes armés contestent."),
        ("displaced", "Les autorités locales disent avoir recensé près de {n} déplacés dans les villages "
                      "voisins de {place}, où les écoles servent d'abris."),
        (None, "Les convois avancent lentement en raison des contrôles successifs sur la route de {place}."),
    ),
    "en": (
        ("evacuated", "According to {actor}, {n} people have been evacuated from {place} since Monday, most "
                      "of them women and children. Departures went on in the rain."),
        ("killed", "At least {n} civilians were killed in overnight shelling of {place}, {actor} said, warning "
                   "that the toll could rise."),
        ("vehicles", "A column of {n} buses left the eastern districts of {place} shortly after dawn, escorted "
                     "by military police vehicles."),
        ("strikes", "{actor} said {n} strikes had hit rebel positions over the past three days, a figure the "
                    "armed groups dispute."),
        ("displaced", "Local officials say they have counted nearly {n} displaced people in villages near "
                      "{place}, where schools have been turned into shelters."),
        (None, "The convoys crawl along the road to {place} because of repeated checkpoints."),
    ),
}


def _edited(rng: random.Random, text: str, edits: int) -> str:
    words = text.split()
    for _ in range(edits if len(words) > 1 else 0):
        k = rng.randrange(len(words))
        if rng.random() < 0.5:
            del words[k]
        else:
            words[k] = rng.choice(("désormais", "reportedly", "vendredi", "Thursday", "environ", "some"))
    return " ".join(words)


def templated_corpus(articles: int, seed: int) -> list[ArticleDoc]:
    rng = random.Random(seed)
    docs: list[ArticleDoc] = []
    for n in range(articles):
        outlet = rng.choice(OUTLETS)
        when = T0 + timedelta(minutes=rng.randrange(60 * 24 * 20)) if rng.random() > 0.02 else None
        roll = rng.random()
        if docs and roll < 0.25:
            source = rng.choice(docs)
            text = _edited(rng, source.text, rng.randrange(0, 25)) if rng.random() < 0.8 else source.text
            quantities = source.quantities
        elif roll < 0.27:
            text, quantities = rng.choice(("", "Brève.", "Alep")), frozenset()
        else:
            lang = rng.choice(("fr", "en"))
            chosen = rng.sample(TEMPLATES[lang], rng.randrange(2, 6))
            place, actor = rng.choice(PLACES), rng.choice(ACTORS)
            parts, quantities = [], set()
            for category, template in chosen:
                value = rng.choice((rng.randrange(3, 400), rng.randrange(1000, 40000)))
                parts.append(template.format(actor=actor, place=place, n=f"{value:,}".replace(",", " ")))
                if category:
                    quantities.add((category, float(value)))
            text, quantities = " ".join(parts), frozenset(quantities)
        docs.append(ArticleDoc(article_id=f"a{n:05d}", story_id=f"s{n:05d}", outlet=outlet, text=text,
                               reported_at=when, quantities=quantities))
    return docs


@pytest.mark.parametrize(("articles", "seed"), [(300, 1), (1500, 2)])
def test_copies_events_and_groups_are_unchanged(articles, seed):
    docs = templated_corpus(articles, seed)
    story_of = {d.article_id: d.story_id for d in docs}
    copies = grouping.syndicated_copies(docs)
    assert len(copies) > articles // 10
    assert copies == reference.syndicated_copies(docs)
    assert grouping.same_event_pairs(docs) == reference.same_event_pairs(docs)
    assert grouping.group_articles(docs, story_of) == reference.group_articles(docs, story_of)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_other_thresholds_give_the_same_copies(threshold):
    docs = templated_corpus(400, 3)
    assert grouping.syndicated_copies(docs, threshold) == reference.syndicated_copies(docs, threshold)


def test_lsh_candidates_are_the_pairs_lsh_query_returns():
    docs = templated_corpus(500, 4)
    sets = [grouping.shingles(d.text) for d in docs if d.text.strip(" .")]
    hashes = MinHash.bulk([[s.encode() for s in shingle_set] for shingle_set in sets],
                          num_perm=grouping.NUM_PERM, hashfunc=zlib.crc32)
    lsh = MinHashLSH(threshold=0.4, num_perm=grouping.NUM_PERM)
    for i, mh in enumerate(hashes):
        lsh.insert(i, mh)
    expected = {(i, j) for i, mh in enumerate(hashes) for j in lsh.query(mh) if i < j}
    first, second, shared = grouping._lsh_candidates(hashes, lsh.hashranges,
                                                     lambda a, b: np.ones(len(a), dtype=bool))
    assert set(zip(first.tolist(), second.tolist(), strict=True)) == expected
    assert len(first) == len(expected) and shared.min() >= 1 and shared.max() <= lsh.b


def test_nothing_to_compare():
    assert grouping.syndicated_copies([]) == {}
    assert grouping.syndicated_copies(templated_corpus(1, 5)) == {}
    assert grouping.group_articles([], {}) == []


@pytest.mark.parametrize("seed", [3, 4])
def test_the_order_articles_come_in_does_not_change_their_events(seed):
    """The build reads the articles from DuckDB in no set order (parallel inserts); equal-scored pairs
    were merged in the order of the input, so a rebuild of the same data could give some articles another
    event. The groups must not depend on that order."""
    docs = templated_corpus(600, seed)
    story_of = {d.article_id: d.story_id for d in docs}
    shuffled = list(docs)
    random.Random(seed).shuffle(shuffled)
    assert grouping.group_articles(shuffled, story_of) == grouping.group_articles(docs, story_of)
