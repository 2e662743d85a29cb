"""A small newsroom staged by hand for the report tests, written in our own words: two runs, five outlets.

The Aleppo evacuee count is reported four ways (AFP revised from "au moins 25 000" to "près de 34 000",
RT "more than 35,000", Sputnik "au moins 25 000", and a Levant Post copy of the AFP story); buses at the
Ramoussah crossing as "une dizaine" (AFP) and "plusieurs dizaines" (Sputnik, a vague figure with bounds);
the Defence Ministry tallies from RT and Sputnik (same strikes, different sorties). RT's sentence carries
markup and a script, which the page must show as text and never run, and a hyphenated figure
reported by RT alone (its link must encode the hyphen). The Fault Gazette fails in run 2.
Offsets are found in the texts, so they are exact.
"""

from __future__ import annotations

import json
from datetime import timedelta

import hand_staged
from hand_staged import utc

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, Figure, RawSnapshot, ScrapeRun, stable_id
from figurewire.staged_figures import write_figures

RUN_1 = "20161221T200000Z-aaaaaa"
RUN_2 = "20161222T130000Z-bbbbbb"
HOSTILE = "</script><script>document.title='pwned'</script><b>bold</b>"


def article(*args, run_id=RUN_2, **kwargs) -> Article:
    return hand_staged.article(*args, run_id=run_id, **kwargs)


def figure(*args, **kwargs) -> Figure:
    return hand_staged.figure(*args, sentence_end='. ', **kwargs)


AFP_STORY = "urn:newsml:afp.com:20161221:alep-sorties"
AFP_V1 = article(
    "afp-wire", "AFP", AFP_STORY, 1,
    "Alep : au moins 25 000 évacués selon le CICR",
    "Depuis le 15 décembre, au moins 25 000 personnes ont pu sortir des quartiers est d'Alep, a annoncé "
    "mercredi le Comité international de la Croix-Rouge. Les départs continuent sous la neige.",
    "2016-12-21T08:00:00", run_id=RUN_1)
AFP_V2_BODY = (
    "Près de 34 000 personnes, civils et combattants, ont désormais quitté les quartiers est d'Alep depuis "
    "le 15 décembre, a précisé à l'AFP une porte-parole du CICR, Ingy Sedky. Jeudi après-midi, une dizaine "
    "de bus attendaient encore au point de passage de Ramoussah.")
AFP_V2 = article("afp-wire", "AFP", AFP_STORY, 2, "Alep : près de 34 000 évacués, dit le CICR", AFP_V2_BODY,
                 "2016-12-21T08:00:00", updated="2016-12-22T10:00:00")
LEVANT_COPY = article(
    "levant-post", "Levant Post", "levant-alep-evacues", 1,
    "Alep: près de 34 000 évacués, dit le CICR",
    "Près de 34 000 personnes, civils et combattants, ont désormais quitté les quartiers est d'Alep depuis "
    "le 15 décembre, a précisé à l'AFP une porte-parole du CICR, Ingy Sedky. Jeudi après-midi, une dizaine "
    "de bus attendaient toujours au point de passage de Ramoussah, selon l'AFP.",
    "2016-12-22T11:30:00")
RT_ALEPPO = article(
    "rt-en", "RT", "rt-aleppo-evacuees", 1,
    "More than 35,000 people have left Aleppo, Russian military says",
    f"More than 35,000 people have left eastern Aleppo since the operation began {HOSTILE}, the Russian "
    "Defence Ministry said on Thursday. Among them were forty-seven wounded, carried out on stretchers. "
    "Engineers are now clearing the streets of mines.",
    "2016-12-22T12:00:00", lang="en")
SPUTNIK_ALEPPO = article(
    "sputnik-fr", "Sputnik", "sputnik-alep-evacues", 1,
    "Alep : au moins 25 000 personnes déjà évacuées",
    "Au moins 25 000 personnes ont déjà quitté Alep-Est, a indiqué mercredi soir le Centre russe pour la "
    "réconciliation. Plusieurs dizaines de bus font la navette depuis le point de passage de Ramoussah.",
    "2016-12-21T18:00:00", run_id=RUN_1)
RT_TALLY = article(
    "rt-fr", "RT", "rt-bilan-aviation", 1,
    "Syrie : 71 000 frappes de l'aviation russe, selon Choïgou",
    "L'aviation russe a mené 71 000 frappes en 18 800 sorties depuis le début de son intervention en "
    "Syrie, a affirmé jeudi le ministre de la Défense Sergueï Choïgou.",
    "2016-12-22T09:00:00")
SPUTNIK_TALLY = article(
    "sputnik-fr", "Sputnik", "sputnik-bilan-aviation", 1,
    "Le bilan de l'aviation russe en Syrie selon Choïgou",
    "Selon le ministre de la Défense Sergueï Choïgou, les avions russes ont réalisé 71 000 frappes et "
    "18 000 sorties en Syrie depuis septembre 2015.",
    "2016-12-22T09:30:00")

FIGURES = {
    AFP_V1.article_id: [
        figure(AFP_V1, "au moins 25 000 personnes", 25000, "at_least", "personnes", "evacuated",
               "Comité international de la Croix-Rouge", low=25000),
    ],
    AFP_V2.article_id: [
        figure(AFP_V2, "Près de 34 000 personnes", 34000, "approx", "personnes", "evacuated", "Ingy Sedky", "AFP"),
        figure(AFP_V2, "une dizaine de bus", 10, "approx", "bus", "vehicles"),
    ],
    LEVANT_COPY.article_id: [
        figure(LEVANT_COPY, "Près de 34 000 personnes", 34000, "approx", "personnes", "evacuated", "Ingy Sedky",
               "AFP"),
        figure(LEVANT_COPY, "une dizaine de bus", 10, "approx", "bus", "vehicles"),
    ],
    RT_ALEPPO.article_id: [
        figure(RT_ALEPPO, "More than 35,000 people", 35000, "more_than", "people", "evacuated",
               "Russian Defence Ministry", low=35000, occurrence=2),
        figure(RT_ALEPPO, "forty-seven wounded", 47, "exact", "wounded", "wounded", low=47, high=47),
    ],
    SPUTNIK_ALEPPO.article_id: [
        figure(SPUTNIK_ALEPPO, "Au moins 25 000 personnes", 25000, "at_least", "personnes", "evacuated",
               "Centre russe pour la réconciliation", low=25000),
        figure(SPUTNIK_ALEPPO, "Plusieurs dizaines de bus", None, "vague", "bus", "vehicles", low=20, high=99),
    ],
    RT_TALLY.article_id: [
        figure(RT_TALLY, "71 000 frappes", 71000, "exact", "frappes", "strikes", "Sergueï Choïgou",
               low=71000, high=71000, occurrence=2),
        figure(RT_TALLY, "18 800 sorties", 18800, "exact", "sorties", "sorties", "Sergueï Choïgou",
               low=18800, high=18800),
    ],
    SPUTNIK_TALLY.article_id: [
        figure(SPUTNIK_TALLY, "71 000 frappes", 71000, "exact", "frappes", "strikes", "Sergueï Choïgou",
               low=71000, high=71000),
        figure(SPUTNIK_TALLY, "18 000 sorties", 18000, "exact", "sorties", "sorties", "Sergueï Choïgou",
               low=18000, high=18000),
    ],
}

BATCHES = {
    (RUN_1, "afp-wire"): [AFP_V1],
    (RUN_1, "sputnik-fr"): [SPUTNIK_ALEPPO],
    (RUN_1, "faults"): [],
    (RUN_2, "afp-wire"): [AFP_V2],
    (RUN_2, "levant-post"): [LEVANT_COPY],
    (RUN_2, "rt-en"): [RT_ALEPPO],
    (RUN_2, "rt-fr"): [RT_TALLY],
    (RUN_2, "sputnik-fr"): [SPUTNIK_TALLY],
    (RUN_2, "faults"): [],
}
OUTLET_OF = {"afp-wire": "AFP", "levant-post": "Levant Post", "rt-en": "RT", "rt-fr": "RT",
             "sputnik-fr": "Sputnik", "faults": "Fault Gazette"}


def fault_errors(run_id: str) -> list[FetchError]:
    if run_id != RUN_2:
        return []
    when = utc("2016-12-22T13:00:30")
    return [
        FetchError(error_id=stable_id(run_id, "faults", "500"), run_id=run_id, source_id="faults",
                   outlet="Fault Gazette", url="http://faults.newsroom.test/panne.html", stage="fetch",
                   kind="http_error", http_status=500, message="HTTP 500 after 2 retries", occurred_at=when),
        FetchError(error_id=stable_id(run_id, "faults", "crawl"), run_id=run_id, source_id="faults",
                   outlet="Fault Gazette", url="http://faults.newsroom.test/rss.xml", stage="fetch",
                   kind="crawl_failed", http_status=None, message="no items from a source that normally delivers",
                   occurred_at=when),
    ]


def write_lines(path, records) -> None:
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")


def stage_newsroom(data: DataLayout) -> None:
    for (run_id, source_id), articles in BATCHES.items():
        batch = data.batch_dir(run_id, source_id)
        batch.mkdir(parents=True, exist_ok=True)
        errors = fault_errors(run_id) if source_id == "faults" else []
        write_lines(batch / L.ARTICLES, articles)
        write_figures(batch / L.FIGURES, [f for a in articles for f in FIGURES.get(a.article_id, [])])
        write_lines(batch / L.ERRORS, errors)
        write_lines(batch / L.EXTRACT_ERRORS, [])
        write_lines(batch / L.RAW, [
            RawSnapshot(raw_id=stable_id(run_id, a.url), run_id=run_id, source_id=source_id, url=a.url,
                        status=200, headers={"content-type": "text/html; charset=utf-8"}, fetched_at=a.fetched_at,
                        path=f"raw/{source_id}/{stable_id(run_id, a.url)}.gz", size=1024)
            for a in articles])
        started = utc(f"{run_id[:4]}-{run_id[4:6]}-{run_id[6:8]}T{run_id[9:11]}:{run_id[11:13]}:00")
        run = ScrapeRun(
            run_id=run_id, source_id=source_id, outlet=OUTLET_OF[source_id], started_at=started,
            finished_at=started + timedelta(minutes=1), finish_reason="finished",
            requests=len(articles) + 1 + len(errors), responses_2xx=len(articles) + 1,
            responses_5xx=1 if errors else 0, items_scraped=len(articles), errors=len(errors),
            articles_new=len(articles), status="failed" if errors else "ok")
        (batch / L.SCRAPE_RUN).write_text(json.dumps(run.to_dict()), encoding="utf-8")


def build_warehouse(root) -> DataLayout:
    """Stage the newsroom under ``root/data``, load it and build the marts; returns the data layout."""
    from warehouse.build import build_models
    from warehouse.load import load_batches

    data = DataLayout.at(root / "data")
    stage_newsroom(data)
    load_batches(data.default_warehouse, data)
    build_models(data.default_warehouse)
    return data
