"""A small staged newsroom written by hand: two runs, five outlets, the Aleppo evacuee count reported
three ways (AFP revised from 25 000 to près de 34 000, RT more than 35,000, Sputnik au moins 25 000),
a Levant Post copy of the AFP story, the same AFP revision from the HTTP index and the drop folder, and
the Defence Ministry tallies from RT and Sputnik. Offsets are found in the texts, so they are exact."""

from __future__ import annotations

import json
from pathlib import Path

import hand_staged
from hand_staged import utc

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import (
    Article,
    FetchError,
    Figure,
    RawSnapshot,
    ScrapeRun,
    stable_id,
)
from figurewire.staged_figures import write_figures

RUN_1 = "20161221T200000Z-aaaaaa"
RUN_2 = "20161222T130000Z-bbbbbb"


def article(*args, run_id=RUN_2, **kwargs) -> Article:
    return hand_staged.article(*args, run_id=run_id, **kwargs)


def figure(*args, **kwargs) -> Figure:
    return hand_staged.figure(*args, sentence_end='.', **kwargs)


AFP_STORY = "urn:newsml:afp.com:20161221:alep-evacuations"
AFP_REV1 = article(
    "afp-wire", "AFP", AFP_STORY, 1,
    "Alep : au moins 25 000 personnes évacuées selon le CICR",
    "Au moins 25 000 personnes ont quitté les quartiers rebelles d'Alep depuis le début des évacuations "
    "le 15 décembre, a déclaré mercredi le Comité international de la Croix-Rouge. Les convois se "
    "succèdent malgré le froid au point de passage de Ramoussah.",
    "2016-12-21T08:00:00", run_id=RUN_1)
AFP_REV2_BODY = (
    "Le nombre total de civils et de combattants ayant quitté la deuxième ville de Syrie depuis le 15 "
    "décembre atteint désormais près de 34 000 personnes, a indiqué à l'AFP Ingy Sedky, porte-parole du "
    "CICR. Les évacuations se poursuivent jeudi dans le froid et une dizaine de bus ont franchi le point "
    "de passage de Ramoussah en début d'après-midi, selon un correspondant de l'AFP.")
AFP_REV2 = article("afp-wire", "AFP", AFP_STORY, 2, "Alep : près de 34 000 personnes évacuées, selon le CICR",
                   AFP_REV2_BODY, "2016-12-21T08:00:00", updated="2016-12-22T10:00:00")
AFP_REV2_DROP = article("afp-drop", "AFP", AFP_STORY, 2, AFP_REV2.title, AFP_REV2_BODY, "2016-12-21T08:00:00",
                        updated="2016-12-22T10:00:00", fetched=utc("2016-12-22T10:05:00"))
LEVANT_COPY = article(
    "levant-post", "Levant Post", "levant-alep-34000", 1,
    "Alep: près de 34 000 personnes évacuées selon le CICR",
    "Le nombre total de civils et de combattants ayant quitté la deuxième ville de Syrie depuis le 15 "
    "décembre atteint désormais près de 34 000 personnes, a indiqué à l'AFP Ingy Sedky, porte-parole du "
    "CICR. Les évacuations se poursuivaient jeudi dans le froid et une dizaine de bus ont franchi le point "
    "de passage de Ramoussah en début d'après-midi, selon l'AFP.",
    "2016-12-22T11:30:00")
RT_ALEPPO = article(
    "rt-en", "RT", "rt-aleppo-35000", 1,
    "Over 35,000 people evacuated from Aleppo, Russian military says",
    "More than 35,000 people, including rebels and their families, have left eastern Aleppo since the "
    "evacuation began, the Russian Defence Ministry said on Thursday. The ministry added that the "
    "operation was supervised by the Russian Reconciliation Centre.",
    "2016-12-22T12:00:00", lang="en")
SPUTNIK_ALEPPO = article(
    "sputnik-fr", "Sputnik", "sputnik-alep-25000", 1,
    "Évacuation d'Alep : au moins 25 000 personnes déjà parties",
    "Au moins 25 000 personnes ont déjà été évacuées d'Alep-Est, a fait savoir mercredi soir le Centre "
    "russe pour la réconciliation. Selon la même source, 4 000 combattants figurent parmi les évacués.",
    "2016-12-21T18:00:00", run_id=RUN_1)
RT_TALLY = article(
    "rt-fr", "RT", "rt-bilan-frappes", 1,
    "Syrie : l'aviation russe a mené 71 000 frappes, selon Choïgou",
    "Depuis le début de l'opération en Syrie, l'aviation russe a effectué 71 000 frappes au cours de "
    "18 800 sorties, a déclaré jeudi le ministre russe de la Défense Sergueï Choïgou. Il a ajouté que 725 "
    "camps d'entraînement avaient été détruits.",
    "2016-12-22T09:00:00")
SPUTNIK_TALLY = article(
    "sputnik-fr", "Sputnik", "sputnik-bilan-choigou", 1,
    "Choïgou dresse le bilan de l'opération russe en Syrie",
    "Le ministre russe de la Défense, Sergueï Choïgou, a annoncé jeudi que les avions russes avaient "
    "réalisé 71 000 frappes et 18 000 sorties depuis septembre 2015. Quelque 35 000 combattants ont été "
    "éliminés, selon lui.",
    "2016-12-22T09:30:00")

FIGURES = {
    AFP_REV1.article_id: [
        figure(AFP_REV1, "au moins 25 000 personnes", 25000, "at_least", "personnes", "evacuated",
               "Comité international de la Croix-Rouge", low=25000),
        figure(AFP_REV1, "Au moins 25 000 personnes", 25000, "at_least", "personnes", "evacuated",
               "Comité international de la Croix-Rouge", low=25000),
    ],
    AFP_REV2.article_id: [
        figure(AFP_REV2, "près de 34 000 personnes", 34000, "approx", "personnes", "evacuated",
               "Ingy Sedky", "AFP", occurrence=2),
        figure(AFP_REV2, "une dizaine de bus", 10, "approx", "bus", "vehicles"),
    ],
    LEVANT_COPY.article_id: [
        figure(LEVANT_COPY, "près de 34 000 personnes", 34000, "approx", "personnes", "evacuated",
               "Ingy Sedky", "AFP", occurrence=2),
        figure(LEVANT_COPY, "une dizaine de bus", 10, "approx", "bus", "vehicles"),
    ],
    RT_ALEPPO.article_id: [
        figure(RT_ALEPPO, "More than 35,000 people", 35000, "more_than", "people", "evacuated",
               "Russian Defence Ministry", low=35000),
    ],
    SPUTNIK_ALEPPO.article_id: [
        figure(SPUTNIK_ALEPPO, "Au moins 25 000 personnes", 25000, "at_least", "personnes", "evacuated",
               "Centre russe pour la réconciliation", low=25000),
        figure(SPUTNIK_ALEPPO, "4 000 combattants", 4000, "exact", "combattants", "evacuated",
               "Centre russe pour la réconciliation", low=4000, high=4000),
    ],
    RT_TALLY.article_id: [
        figure(RT_TALLY, "71 000 frappes", 71000, "exact", "frappes", "strikes", "Sergueï Choïgou",
               low=71000, high=71000, occurrence=2),
        figure(RT_TALLY, "18 800 sorties", 18800, "exact", "sorties", "sorties", "Sergueï Choïgou",
               low=18800, high=18800),
        figure(RT_TALLY, "725 camps d'entraînement", 725, "exact", "camps d'entraînement", "destroyed",
               "Sergueï Choïgou", low=725, high=725),
    ],
    SPUTNIK_TALLY.article_id: [
        figure(SPUTNIK_TALLY, "71 000 frappes", 71000, "exact", "frappes", "strikes", "Sergueï Choïgou",
               low=71000, high=71000),
        figure(SPUTNIK_TALLY, "18 000 sorties", 18000, "exact", "sorties", "sorties", "Sergueï Choïgou",
               low=18000, high=18000),
        figure(SPUTNIK_TALLY, "Quelque 35 000 combattants", 35000, "approx", "combattants", "killed",
               "Sergueï Choïgou"),
    ],
}

BATCHES = {
    (RUN_1, "afp-wire"): [AFP_REV1],
    (RUN_1, "sputnik-fr"): [SPUTNIK_ALEPPO],
    (RUN_2, "afp-wire"): [AFP_REV2],
    (RUN_2, "afp-drop"): [AFP_REV2_DROP],
    (RUN_2, "levant-post"): [LEVANT_COPY],
    (RUN_2, "rt-en"): [RT_ALEPPO],
    (RUN_2, "rt-fr"): [RT_TALLY],
    (RUN_2, "sputnik-fr"): [SPUTNIK_TALLY],
    (RUN_2, "faults"): [],
}
OUTLET_OF = {"afp-wire": "AFP", "afp-drop": "AFP", "levant-post": "Levant Post", "rt-en": "RT", "rt-fr": "RT",
             "sputnik-fr": "Sputnik", "faults": "Fault Gazette"}


def fault_errors() -> list[FetchError]:
    when = utc("2016-12-22T12:59:00")
    return [
        FetchError(error_id=stable_id(RUN_2, "faults", "404"), run_id=RUN_2, source_id="faults",
                   outlet="Fault Gazette", url="http://faults.newsroom.test/missing.html", stage="fetch",
                   kind="http_error", http_status=404, message="HTTP 404", occurred_at=when),
        FetchError(error_id=stable_id(RUN_2, "faults", "slow"), run_id=RUN_2, source_id="faults",
                   outlet="Fault Gazette", url="http://faults.newsroom.test/slow.html", stage="fetch",
                   kind="timeout", http_status=None, message="no answer within 2 s", occurred_at=when),
    ]


def write_lines(path: Path, records) -> None:
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")


def stage_batch(data: DataLayout, run_id: str, source_id: str, articles: list[Article]) -> Path:
    batch = data.batch_dir(run_id, source_id)
    batch.mkdir(parents=True, exist_ok=True)
    write_lines(batch / L.ARTICLES, articles)
    write_figures(batch / L.FIGURES, [f for a in articles for f in FIGURES.get(a.article_id, [])])
    errors = fault_errors() if source_id == "faults" else []
    write_lines(batch / L.ERRORS, errors)
    write_lines(batch / L.EXTRACT_ERRORS, [])
    write_lines(batch / L.RAW, [
        RawSnapshot(raw_id=stable_id(run_id, a.url), run_id=run_id, source_id=source_id, url=a.url, status=200,
                    headers={"content-type": "text/html; charset=utf-8", "etag": f'"{a.content_hash}"'},
                    fetched_at=a.fetched_at, path=f"raw/{source_id}/{stable_id(run_id, a.url)}.gz", size=2048)
        for a in articles])
    started = utc(f"{run_id[:4]}-{run_id[4:6]}-{run_id[6:8]}T{run_id[9:11]}:{run_id[11:13]}:00")
    run = ScrapeRun(run_id=run_id, source_id=source_id, outlet=OUTLET_OF[source_id], started_at=started,
                    finished_at=started.replace(minute=1), finish_reason="finished", requests=len(articles) + 1 + len(errors),
                    responses_2xx=len(articles) + 1, responses_4xx=1 if errors else 0, items_scraped=len(articles),
                    errors=len(errors), articles_new=len(articles), timeouts=1 if errors else 0)
    (batch / L.SCRAPE_RUN).write_text(json.dumps(run.to_dict()), encoding="utf-8")
    return batch


def stage_newsroom(data: DataLayout, runs=(RUN_1, RUN_2)) -> list[Path]:
    return [stage_batch(data, run_id, source_id, articles)
            for (run_id, source_id), articles in BATCHES.items() if run_id in runs]
