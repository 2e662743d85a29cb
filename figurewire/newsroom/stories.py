"""What the sample newsroom publishes: every story once, as data; ``sitegen`` renders each outlet's format.

Written for figurewire about the December 2016 events of the seed article (Russian Defence Ministry
tallies, the Aleppo and Fouaa/Kefraya evacuations). Facts and figures follow public reporting; every
sentence is our own. Outlets disagree on purpose: values, qualifiers and claimants differ, and AFP's
count of Aleppo evacuees is revised from item to item (see README.md, "What each outlet reports").
"""

from __future__ import annotations

from dataclasses import dataclass, field

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True)
class Story:
    """One article as an outlet publishes it; ``fmt`` picks the template (g2, nml12, rt, sputnik, levant, gazette)."""

    key: str
    source_id: str
    fmt: str
    lang: str
    published: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    slug: str
    updated: str | None = None
    authors: tuple[str, ...] = ()
    section: str = ""
    tags: tuple[str, ...] = ()
    revision: int = 1
    wire_id: str = ""
    urgency: int = 4
    body_format: str = "xhtml"
    dateline: str = ""
    also_in: tuple[str, ...] = ()
    syndicated_from: str | None = None
    notes: str = ""
    extra: dict = field(default_factory=dict)


def S(key, source_id, fmt, lang, published, title, summary, paragraphs, slug, **kw) -> Story:
    return Story(key=key, source_id=source_id, fmt=fmt, lang=lang, published=published, title=title,
                 summary=summary, paragraphs=tuple(p.strip() for p in paragraphs), slug=slug,
                 **{k: tuple(v) if isinstance(v, list) else v for k, v in kw.items()})


STORIES: list[Story] = []

# ------------------------------------------------------------------ AFP wire (HTTP index and drop folder)
# Published = firstCreated, updated = versionCreated / ThisRevisionCreated.

STORIES += [
    S("afp-alep-debut", "afp-wire", "g2", "fr", "2016-12-15T11:20:00+01:00",
      "Syrie : début de l'évacuation des quartiers rebelles d'Alep",
      "Un premier convoi de bus et d'ambulances a quitté jeudi les quartiers est d'Alep.",
      ["Un premier convoi transportant des civils et des blessés a quitté jeudi les derniers quartiers tenus "
       "par les rebelles à Alep, dans le nord de la Syrie, a constaté un correspondant de l'AFP.",
       "Une vingtaine de bus et 13 ambulances ont franchi le point de passage de Ramoussa en direction de "
       "l'ouest de la province, selon la même source.",
       f"D'après le Croissant-Rouge arabe syrien, quelque 3{NBSP}000 personnes devaient partir dans la journée. "
       "Le Comité international de la Croix-Rouge (CICR) a qualifié l'opération de « délicate ».",
       "Les autorités syriennes n'ont donné aucun chiffre sur le nombre total de personnes à évacuer."],
      "20161215-alep-debut-evacuation", wire_id="TX-PAR-HBD31", urgency=3, authors=["Rim Haddad"],
      extra={"city": "Alep", "slugline": "Syrie-conflit-Alep"}),
    S("afp-alep-8000", "afp-wire", "nml12", "fr", "2016-12-16T10:05:00+01:00",
      "Alep : plus de 8 000 évacués, l'opération suspendue",
      "L'évacuation a été interrompue vendredi matin, chaque camp accusant l'autre.",
      [f"Plus de 8{NBSP}000 personnes ont été évacuées d'Alep depuis jeudi, selon l'Observatoire syrien des "
       "droits de l'homme (OSDH), avant que l'opération ne soit suspendue vendredi matin.",
       f"Le ministère russe de la Défense a pour sa part fait état de 9{NBSP}500 personnes évacuées, dont "
       f"4{NBSP}500 combattants, un bilan que l'AFP n'était pas en mesure de vérifier.",
       "Des milliers de personnes attendaient encore dans le froid au point de départ, selon des militants.",
       "Le régime accuse les rebelles d'avoir tenté de sortir des prisonniers et des armes lourdes."],
      "20161216-alep-8000-evacues", wire_id="TX-PAR-HBG07", urgency=3, authors=["Maya Gebeily"],
      dateline="ALEP (Syrie), 16 déc 2016 (AFP) -", extra={"slugline": "Syrie-conflit-Alep"}),
    S("afp-alep-bilan-1", "afp-wire", "g2", "fr", "2016-12-21T09:12:00Z",
      "Alep : près de 25 000 personnes évacuées, selon le CICR",
      "Les évacuations ont repris après deux jours d'interruption.",
      [f"Près de 25{NBSP}000 personnes ont été évacuées des quartiers rebelles d'Alep depuis le 15 décembre, "
       "a indiqué mercredi à l'AFP Ingy Sedky, porte-parole du CICR en Syrie.",
       "Une soixantaine de bus ont effectué des rotations pendant la nuit entre Alep et la province d'Idleb.",
       "Dans le même temps, quelque 750 habitants des localités chiites de Fouaa et Kefraya, assiégées par les "
       "rebelles, ont pu partir, selon l'organisation.",
       "Le CICR n'a pas donné d'estimation du nombre de personnes restant dans la poche rebelle."],
      "20161221-alep-bilan-v1", wire_id="TX-PAR-HBN12", revision=1, urgency=3, authors=["Rim Haddad"],
      extra={"city": "Alep", "slugline": "Syrie-conflit-Alep-bilan"}),
    S("afp-alep-bilan-2", "afp-wire", "g2", "fr", "2016-12-21T09:12:00Z",
      "Alep : près de 34 000 personnes évacuées, selon le CICR",
      "Malgré la neige, les évacuations se poursuivent et pourraient s'achever vendredi.",
      [f"Près de 34{NBSP}000 personnes, civils et combattants, ont quitté Alep depuis le début des évacuations "
       "le 15 décembre, a indiqué jeudi à l'AFP Ingy Sedky, porte-parole du CICR en Syrie.",
       f"Selon le CICR, plus de 4{NBSP}000 insurgés ont été évacués au cours des dernières heures, malgré une "
       "tempête de neige.",
       "« Des milliers de personnes doivent encore partir », a ajouté Mme Sedky, qui s'attend à ce que "
       "l'opération se prolonge jusqu'à vendredi.",
       "En début d'après-midi, un correspondant de l'AFP a vu une dizaine de bus quitter la poche rebelle.",
       f"À Fouaa et Kefraya, environ 1{NBSP}000 personnes ont été évacuées au total, tandis que des centaines "
       "attendent encore, selon un nouveau chiffre du CICR. Six bus sont arrivés dans la nuit à Jibrine, "
       "selon Média de guerre, un organe du Hezbollah."],
      "20161222-alep-bilan-v2", wire_id="TX-PAR-HBN12", revision=2, urgency=3, authors=["Rim Haddad"],
      updated="2016-12-22T10:15:00+01:00",
      extra={"city": "Alep", "slugline": "Syrie-conflit-Alep-bilan",
             "ednote": "Version 2 : actualise le bilan (34 000 au lieu de 25 000), ajoute Fouaa et Kefraya"}),
    S("afp-alep-alerte", "afp-wire", "g2", "fr", "2016-12-22T19:02:00+01:00",
      "URGENT - Syrie : l'armée annonce avoir repris le contrôle total d'Alep",
      "L'armée syrienne annonce la reprise totale d'Alep.",
      ["L'armée syrienne a annoncé jeudi soir avoir repris le contrôle total d'Alep après le départ des "
       "derniers rebelles (télévision d'État)."],
      "20161222-alep-urgent", wire_id="TX-PAR-HBQ80", urgency=1,
      extra={"slugline": "Syrie-conflit-Alep-URGENT"}),
    S("afp-alep-fin", "afp-wire", "nml12", "fr", "2016-12-22T19:40:00+01:00",
      "Alep : l'armée syrienne proclame la reprise de la ville après l'évacuation",
      "Environ 35 000 personnes ont quitté la ville en une semaine, selon le CICR.",
      [f"L'armée syrienne a proclamé jeudi soir la reprise totale d'Alep, après le départ du dernier convoi de "
       f"rebelles. En une semaine, environ 35{NBSP}000 personnes, civils et combattants, ont été évacuées, "
       "selon le CICR.",
       "C'est la plus importante victoire du régime de Bachar al-Assad depuis le début du conflit en 2011.",
       "Les évacués ont été conduits vers l'ouest de la province d'Alep et vers celle d'Idleb, contrôlée par "
       "des groupes rebelles et jihadistes.",
       "Les autorités syriennes n'ont publié aucun chiffre officiel."],
      "20161222-alep-fin-evacuation", wire_id="TX-PAR-HBQ88", urgency=2, authors=["Maya Gebeily"],
      dateline="DAMAS, 22 déc 2016 (AFP) -", extra={"slugline": "Syrie-conflit-Alep"}),
    S("afp-moscou-bilan-1", "afp-wire", "nml12", "fr", "2016-12-22T13:30:00+01:00",
      "Moscou revendique 71 000 frappes en Syrie",
      "Le ministre russe de la Défense dresse le bilan de quinze mois d'opération.",
      [f"L'aviation russe a mené 71{NBSP}000 frappes en Syrie depuis le début de son intervention fin septembre "
       "2015, a affirmé jeudi le ministre de la Défense Sergueï Choïgou.",
       f"Selon lui, 35{NBSP}000 combattants « terroristes » ont été tués, un chiffre invérifiable de source "
       "indépendante."],
      "20161222-moscou-frappes-v1", wire_id="TX-PAR-HBP40", revision=1, urgency=3,
      dateline="MOSCOU, 22 déc 2016 (AFP) -", extra={"slugline": "Russie-Syrie-conflit"}),
    S("afp-moscou-bilan-2", "afp-wire", "nml12", "fr", "2016-12-22T13:30:00+01:00",
      "Syrie : Moscou revendique 71 000 frappes et 35 000 jihadistes tués",
      "Le ministre russe de la Défense dresse le bilan de quinze mois d'opération ; l'OSDH donne d'autres chiffres.",
      [f"L'aviation russe a mené 71{NBSP}000 frappes en Syrie depuis le début de son intervention fin septembre "
       f"2015, au cours de 18{NBSP}800 sorties, a affirmé jeudi le ministre de la Défense Sergueï Choïgou.",
       f"Selon lui, 35{NBSP}000 combattants ont été tués, dont 204 chefs, et 725 camps d'entraînement, 405 usines "
       f"et ateliers d'armement ainsi que 1{NBSP}500 pièces de matériel militaire ont été détruits.",
       f"L'Observatoire syrien des droits de l'homme (OSDH) recense pour sa part environ 4{NBSP}000 jihadistes "
       "du groupe Etat islamique tués par les frappes russes, et accuse Moscou d'avoir aussi tué des civils.",
       "Ces bilans ne peuvent pas être vérifiés de source indépendante."],
      "20161222-moscou-frappes-v2", wire_id="TX-PAR-HBP40", revision=2, urgency=3,
      updated="2016-12-22T15:05:00+01:00", dateline="MOSCOU, 22 déc 2016 (AFP) -",
      extra={"slugline": "Russie-Syrie-conflit"}),
    S("afp-en-evac", "afp-wire", "g2", "en", "2016-12-22T11:30:00Z",
      "Nearly 34,000 evacuated from Aleppo, ICRC says",
      "The evacuation of Aleppo's last rebel pocket continued through a snowstorm on Thursday.",
      ["Nearly 34,000 people have left Aleppo's last rebel-held districts since the evacuation began on "
       "December 15, an ICRC spokeswoman in Syria told AFP on Thursday.",
       "More than 4,000 rebels left over the past few hours despite heavy snow, the Red Cross said, adding that "
       "thousands of people were still waiting to go.",
       "An AFP correspondent saw about ten buses leave the enclave in the early afternoon.",
       "Around 1,000 people have meanwhile been evacuated from the government-held towns of Fuaa and Kafraya, "
       "which are surrounded by rebels in neighbouring Idlib province."],
      "20161222-aleppo-34000-en", wire_id="TX-PAR-HBP03", urgency=3, authors=["AFP"],
      also_in=["afp-drop"], body_format="nitf", extra={"city": "Aleppo", "slugline": "Syria-conflict-Aleppo"}),
    S("afp-es-evac", "afp-wire", "nml12", "es", "2016-12-22T12:10:00+01:00",
      "Casi 34.000 personas evacuadas de Alepo, según el CICR",
      "La evacuación de los barrios rebeldes continúa pese a la nieve.",
      ["Casi 34.000 personas, entre civiles y combatientes, han salido de Alepo desde el inicio de la "
       "evacuación el 15 de diciembre, indicó el jueves a la AFP una portavoz del CICR.",
       "Más de 4.000 insurgentes fueron evacuados en las últimas horas, según la organización.",
       "Unas mil personas salieron también de Fua y Kefraya, dos localidades leales al gobierno sitiadas "
       "por los rebeldes en la provincia de Idlib."],
      "20161222-alepo-34000-es", wire_id="TX-PAR-HBP21", urgency=3,
      dateline="ALEPO (Siria), 22 dic 2016 (AFP) -", extra={"slugline": "Siria-conflicto-Alepo"}),
    S("afp-fouaa-reprise", "afp-wire", "g2", "fr", "2016-12-20T08:45:00Z",
      "Fouaa et Kefraya : les évacuations reprennent après l'attaque de bus",
      "Des bus avaient été incendiés dimanche sur la route de Fouaa.",
      ["Les évacuations de Fouaa et Kefraya, deux localités loyalistes de la province d'Idleb assiégées par les "
       "rebelles depuis 2013, ont repris lundi soir, selon le CICR.",
       "Dimanche, six bus envoyés pour transporter les habitants avaient été incendiés par des hommes armés.",
       "Quelque 750 personnes ont pu quitter les deux localités depuis lundi, a précisé l'organisation."],
      "20161220-fouaa-kefraya-reprise", wire_id="TX-PAR-HBK19", urgency=4, body_format="nitf",
      extra={"city": "Beyrouth", "slugline": "Syrie-conflit-Idleb"}),
    S("afp-onu-observateurs", "afp-wire", "g2", "fr", "2016-12-19T21:30:00Z",
      "L'ONU vote l'envoi d'observateurs pour superviser l'évacuation d'Alep",
      "Le Conseil de sécurité a adopté à l'unanimité une résolution franco-russe de compromis.",
      ["Le Conseil de sécurité de l'ONU a adopté lundi à l'unanimité de ses 15 membres une résolution "
       "prévoyant le déploiement d'observateurs pour superviser les évacuations d'Alep.",
       "Selon l'ONU, une centaine de ses employés se trouvent déjà sur place et pourraient être mobilisés "
       "rapidement.",
       "Le texte, négocié entre la France et la Russie, demande un accès « sans entrave » aux civils."],
      "20161219-onu-observateurs-alep", wire_id="TX-PAR-HBJ55", urgency=3,
      extra={"city": "New York", "slugline": "Syrie-conflit-ONU", "section": "politics"}),
    S("afp-eau-damas", "afp-wire", "nml12", "fr", "2016-12-22T17:20:00+01:00",
      "Syrie : 5,5 millions d'habitants de Damas privés d'eau, selon l'ONU",
      "Les combats près des sources de Wadi Barada ont coupé l'approvisionnement de la capitale.",
      ["Quelque 5,5 millions d'habitants de Damas et de sa région sont privés d'eau courante depuis que les "
       "combats ont endommagé les sources de Wadi Barada, a indiqué jeudi l'ONU.",
       "Le régime accuse les rebelles d'avoir pollué l'eau au gazole, ce que ceux-ci démentent.",
       "Les autorités ont instauré un rationnement et mobilisé des dizaines de camions-citernes."],
      "20161222-damas-eau", wire_id="TX-PAR-HBQ21", urgency=4, dateline="DAMAS, 22 déc 2016 (AFP) -",
      extra={"slugline": "Syrie-conflit-eau"}),
    # drop folder only
    S("afp-de-evac", "afp-drop", "g2", "de", "2016-12-22T14:00:00+01:00",
      "Fast 34.000 Menschen aus Aleppo in Sicherheit gebracht",
      "Die Evakuierung der letzten Rebellenviertel geht trotz Schnee weiter.",
      ["Seit Beginn der Evakuierung am 15. Dezember haben fast 34.000 Menschen die Rebellenviertel von Aleppo "
       "verlassen, wie eine Sprecherin des Internationalen Komitees vom Roten Kreuz (IKRK) mitteilte.",
       "Aus den belagerten Orten Fua und Kafraja wurden demnach rund 1.000 Menschen gebracht; Hunderte warten "
       "noch auf ihre Abfahrt.",
       "Nach Angaben des IKRK sollte die Aktion bis Freitag andauern."],
      "20161222T1300Z_TX-PAR-HBP60", wire_id="TX-PAR-HBP60", urgency=3,
      extra={"city": "Aleppo", "slugline": "Syrien-Konflikt-Aleppo"}),
    S("afp-bus-incendies", "afp-drop", "nml12", "fr", "2016-12-18T20:15:00+01:00",
      "Syrie : des bus incendiés, l'évacuation d'Alep bloquée",
      "L'attaque de bus sur la route de Fouaa a suspendu l'accord d'évacuation.",
      ["Des hommes armés ont incendié dimanche six bus qui devaient évacuer des habitants de Fouaa et Kefraya, "
       "bloquant l'ensemble de l'accord d'évacuation d'Alep, selon l'OSDH.",
       "Des milliers de personnes attendaient dans le froid, dans les quartiers rebelles d'Alep, la reprise "
       "des départs.",
       "Un chauffeur a été tué, selon la télévision d'État syrienne."],
      "20161218T1915Z_TX-PAR-HBH33", wire_id="TX-PAR-HBH33", urgency=3,
      dateline="BEYROUTH, 18 déc 2016 (AFP) -", extra={"slugline": "Syrie-conflit-Alep"}),
    S("afp-choigou-flash", "afp-drop", "g2", "fr", "2016-12-22T12:48:00+01:00",
      "Syrie : 71 000 frappes russes en quinze mois, selon Choïgou",
      "Le ministre russe de la Défense dresse son bilan devant les militaires.",
      ["Les avions russes ont effectué 71 000 frappes en Syrie en quinze mois d'intervention et tué "
       "35 000 combattants, a déclaré jeudi le ministre russe de la Défense, Sergueï Choïgou.",
       "Il s'exprimait lors d'une réunion élargie du ministère à Moscou, en présence de Vladimir Poutine."],
      "20161222T1148Z_TX-PAR-HBP35", wire_id="TX-PAR-HBP35", urgency=2,
      extra={"city": "Moscou", "slugline": "Russie-Syrie-conflit"}),
]
