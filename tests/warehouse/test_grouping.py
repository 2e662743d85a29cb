"""transforms.grouping on small texts written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from transforms import grouping
from transforms.grouping import ArticleDoc, FigureRef

T0 = datetime(2016, 12, 22, 9, 0, tzinfo=UTC)

WIRE = ("Les secouristes ont sorti vendredi matin quarante habitants des décombres d'un immeuble effondré "
        "dans le centre de Homs, a indiqué la défense civile, qui poursuit ses recherches sous la pluie avec "
        "des chiens et deux grues venues de Damas.")
LIGHT_EDIT = ("Les secouristes ont sorti vendredi quarante habitants des décombres d'un immeuble effondré dans "
              "le centre de Homs, a indiqué la défense civile, qui poursuit ses recherches sous la pluie avec des "
              "chiens et deux grues arrivées de Damas.")
OTHER_STORY = ("Le port de Lattaquié a rouvert jeudi après trois jours de tempête; une vingtaine de cargos "
               "attendaient au large, selon la capitainerie, qui prévoit un retour à la normale lundi.")


def doc(article_id, outlet, text, hours=0, quantities=()):
    return ArticleDoc(article_id=article_id, story_id="s-" + article_id, outlet=outlet, text=text,
                      reported_at=T0 + timedelta(hours=hours), quantities=frozenset(quantities))


def test_normalise_joins_digit_groups_and_drops_accents():
    assert grouping.normalise("Près de 34.000 personnes, 34 000 ou 34\u202f000 ; l'évacuation") == \
        "pres de 34000 personnes 34000 ou 34000 l evacuation"


def test_a_lightly_edited_copy_links_to_the_earlier_original():
    docs = [doc("copy", "Levant Post", LIGHT_EDIT, hours=3), doc("wire", "AFP", WIRE), doc("other", "RT", OTHER_STORY)]
    assert grouping.syndicated_copies(docs) == {"copy": ("wire", 0.7442)}


def test_near_duplicates_from_the_same_outlet_are_not_copies():
    assert grouping.syndicated_copies([doc("a", "AFP", WIRE), doc("b", "AFP", LIGHT_EDIT, hours=1)]) == {}


def test_a_text_repeated_by_one_outlet_is_no_copy_until_another_outlet_carries_it():
    repeated = [doc(f"wire-{n}", "AFP", WIRE, hours=n) for n in range(300)]
    assert grouping.syndicated_copies(repeated) == {}
    copies = grouping.syndicated_copies([*repeated, doc("copy", "Levant Post", WIRE, hours=400),
                                         doc("edit", "RT", LIGHT_EDIT, hours=401)])
    assert copies == {"copy": ("wire-0", 1.0), "edit": ("wire-0", 0.7442)}


def test_a_chain_of_copies_points_at_the_earliest_article():
    docs = [doc("second", "RT", LIGHT_EDIT, hours=2), doc("third", "Sputnik", LIGHT_EDIT + " Fin.", hours=5),
            doc("first", "AFP", WIRE)]
    assert {k: v[0] for k, v in grouping.syndicated_copies(docs).items()} == {"second": "first", "third": "first"}


def test_different_stories_are_not_merged():
    groups = grouping.group_articles([doc("homs", "AFP", WIRE), doc("port", "RT", OTHER_STORY, hours=1)],
                                     {"homs": "s-homs", "port": "s-port"})
    assert groups[0].event_id != groups[1].event_id
    assert not any(g.is_syndicated_copy for g in groups)


def test_same_event_across_languages_through_place_actor_and_quantity():
    fr = doc("fr", "AFP", "A Alep, près de 34 000 personnes ont été évacuées, selon le CICR.", 0,
             {("evacuated", 34000.0)})
    en = doc("en", "RT", "More than 35,000 people have left Aleppo, the ICRC said.", 4, {("evacuated", 35000.0)})
    tally = doc("mod", "Sputnik", "Le ministère russe de la Défense a compté 71 000 frappes en Syrie.", 1,
                {("strikes", 71000.0)})
    groups = {g.article_id: g.event_id for g in grouping.group_articles(
        [fr, en, tally], {"fr": "s-fr", "en": "s-en", "mod": "s-mod"})}
    assert groups["fr"] == groups["en"] != groups["mod"]


def test_the_same_place_a_week_apart_is_another_event():
    first = doc("a", "AFP", "A Alep, 300 personnes évacuées selon le CICR.", 0, {("evacuated", 300.0)})
    later = doc("b", "RT", "Aleppo: 300 people evacuated, the ICRC said.", 24 * 8, {("evacuated", 300.0)})
    events = {g.article_id: g.event_id for g in grouping.group_articles([first, later], {"a": "s-a", "b": "s-b"})}
    assert events["a"] != events["b"]


def test_older_revisions_share_their_storys_event_and_syndication():
    docs = [doc("wire-r2", "AFP", WIRE), doc("copy", "Levant Post", LIGHT_EDIT, hours=1)]
    story_of = {"wire-r1": "s-wire-r2", "wire-r2": "s-wire-r2", "copy": "s-copy"}
    groups = {g.article_id: g for g in grouping.group_articles(docs, story_of)}
    assert groups["wire-r1"].event_id == groups["wire-r2"].event_id == groups["copy"].event_id
    assert (groups["copy"].is_syndicated_copy, groups["copy"].original_article_id) == (True, "wire-r2")
    assert not groups["wire-r1"].is_syndicated_copy


def test_counted_nouns_reduce_to_one_lemma_in_french_and_english():
    assert [grouping.counted_noun(c) for c in (
        "personnes", "people", "habitants", "combattants djihadistes", "rebels", "camps d’entraînement",
        "usines et ateliers de production de munitions", "bus", "buses", "frappes aériennes", "airstrikes",
        "de civils", None, "drones")] == [
        "people", "people", "people", "fighters", "fighters", "camps", "factories", "buses", "buses", "strikes",
        "strikes", "civilians", None, "drone"]


def test_comparison_keys_use_the_sentence_place_else_the_articles():
    figures = [
        FigureRef("f1", "a1", "evacuated", "personnes", "CICR", "Près de 34 000 personnes ont quitté Alep."),
        FigureRef("f2", "a1", "evacuated", "personnes", "CICR", "Environ 1 000 personnes ont quitté Fouaa."),
        FigureRef("f3", "a2", "evacuated", "people", "ICRC", "Over 35,000 people have left, the ICRC said."),
        FigureRef("f4", "a2", "vehicles", "buses", None, "Twenty buses were used."),
        FigureRef("f5", "a3", "strikes", "frappes", "Sergueï Choïgou", "71 000 frappes depuis 2015."),
    ]
    keys = grouping.comparison_keys(figures, {"a1": "e1", "a2": "e1", "a3": "e2"},
                                    {"a1": "aleppo", "a2": "aleppo", "a3": None})
    assert [(k.figure_id, k.event_id, k.comparison_key, k.claimant_name) for k in keys] == [
        ("f1", "e1", "evacuated:people@aleppo", "ICRC"),
        ("f2", "e1", "evacuated:people@fouaa", "ICRC"),
        ("f3", "e1", "evacuated:people@aleppo", "ICRC"),
        ("f4", "e1", "vehicles:buses@aleppo", None),
        ("f5", "e2", "strikes:strikes", "Sergei Shoigu"),
    ]


def test_main_place_is_the_most_mentioned():
    assert grouping.main_place("Fouaa et Kefraya... Alep, Alep-Est et les bus d'Alep.") == "aleppo"
    assert grouping.main_place("Rien de localisé.") is None
