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

# ------------------------------------------------------------------ RT (French and English), Moscow time

STORIES += [
    S("rt-fr-choigou", "rt-fr", "rt", "fr", "2016-12-22T12:40:00+03:00",
      "Choïgou : l'aviation russe a effectué plus de 71 000 frappes en Syrie",
      "Le ministre russe de la Défense a présenté le bilan de l'opération antiterroriste lancée en 2015.",
      [f"Les forces aériennes russes ont réalisé plus de 71{NNBSP}000 frappes contre les infrastructures des "
       "terroristes en Syrie, a déclaré le 22 décembre le ministre russe de la Défense Sergueï Choïgou.",
       f"Ces frappes ont été menées au cours de 18{NNBSP}000 sorties, a précisé le ministre lors d'une réunion "
       "du collège du ministère.",
       f"Selon Sergueï Choïgou, 35{NNBSP}000 terroristes ont été éliminés, parmi lesquels 204 commandants. "
       f"Les militaires russes ont également détruit 725 camps d'entraînement, 405 ateliers et usines "
       f"d'armement et 1{NNBSP}500 unités de matériel militaire.",
       "La Russie intervient en Syrie depuis le 30 septembre 2015 à la demande du président Bachar el-Assad."],
      "31240-choigou-bilan-frappes-syrie", section="international", authors=["RT France"],
      tags=["Syrie", "Russie", "Défense"]),
    S("rt-fr-alep-fin", "rt-fr", "rt", "fr", "2016-12-22T21:10:00+03:00",
      "Alep libérée : plus de 35 000 personnes évacuées selon Moscou",
      "L'armée syrienne a annoncé avoir repris le contrôle de toute la ville.",
      [f"Plus de 35{NNBSP}000 personnes, dont des milliers de combattants, ont quitté les quartiers est d'Alep "
       "depuis le début de l'opération humanitaire, a annoncé le Centre russe pour la réconciliation des "
       "parties en Syrie.",
       "L'armée syrienne a déclaré dans la soirée avoir repris le contrôle total de la deuxième ville du pays.",
       "Selon le Centre russe, les derniers bus ont franchi le point de passage de Ramoussa sous la "
       "supervision de la police militaire russe.",
       "Des démineurs russes doivent désormais sécuriser les quartiers libérés."],
      "31268-alep-liberee-35000-evacues", section="international", authors=["RT France"],
      tags=["Syrie", "Alep"]),
    S("rt-fr-alep-debut", "rt-fr", "rt", "fr", "2016-12-15T14:20:00+03:00",
      "Alep : une vingtaine de bus et 13 ambulances pour le premier convoi",
      "Les premiers combattants et leurs familles ont quitté les quartiers est de la ville.",
      ["Un premier convoi composé d'une vingtaine de bus et de 13 ambulances a quitté les quartiers est "
       "d'Alep, selon le ministère russe de la Défense.",
       "Près de 1 000 personnes, dont plusieurs centaines de combattants, se trouvaient à bord, a précisé le "
       "ministère.",
       "Les militaires russes surveillent l'opération à l'aide de drones, a-t-il ajouté."],
      "31102-alep-premier-convoi", section="international", authors=["Ivan Petrov"],
      tags=["Syrie", "Alep"]),
    S("rt-fr-fouaa", "rt-fr", "rt", "fr", "2016-12-22T16:00:00+03:00",
      "Fouaa et Kefraya : plus de 1 200 civils évacués, selon l'armée syrienne",
      "Les deux localités chiites assiégées voient partir leurs habitants.",
      ["Plus de 1 200 civils ont été évacués de Fouaa et Kefraya, deux localités assiégées depuis 2013 par "
       "des groupes armés dans la province d'Idleb, a annoncé l'armée syrienne.",
       "Six bus sont arrivés dans la nuit dans la région de Jibrine, à Alep, a rapporté Média de guerre.",
       "Des centaines d'habitants attendent encore de pouvoir quitter les deux localités."],
      "31255-fouaa-kefraya-1200-civils", section="international", authors=["RT France"],
      tags=["Syrie", "Idleb"]),
    S("rt-fr-demineurs", "rt-fr", "rt", "fr", "2016-12-22T09:30:00+03:00",
      "Alep : des démineurs russes déployés dans les quartiers est",
      "Les sapeurs russes commencent à nettoyer les rues de la vieille ville.",
      ["Une centaine de démineurs russes ont commencé à dépolluer les quartiers est d'Alep, a annoncé le "
       "ministère russe de la Défense.",
       "Selon le ministère, les sapeurs ont déjà neutralisé plus de 1 500 engins explosifs sur une trentaine "
       "d'hectares.",
       "Des robots démineurs Uran-6 ont été acheminés depuis la Russie."],
      "31231-alep-demineurs-russes", section="international", authors=["RT France"],
      tags=["Syrie", "Alep", "Défense"]),
    S("rt-fr-aide", "rt-fr", "rt", "fr", "2016-12-20T18:00:00+03:00",
      "Alep : Moscou a livré plus de 40 tonnes d'aide humanitaire",
      "Le Centre russe pour la réconciliation distribue vivres et médicaments.",
      ["Le Centre russe pour la réconciliation a livré plus de 40 tonnes d'aide humanitaire aux habitants "
       "d'Alep depuis le début du mois, a indiqué le ministère russe de la Défense.",
       "Des cuisines de campagne servent environ 3 000 repas chauds par jour aux civils évacués.",
       "Un hôpital mobile russe a par ailleurs accueilli des centaines de patients."],
      "31199-alep-aide-humanitaire-russe", section="international", authors=["RT France"],
      tags=["Syrie", "Aide humanitaire"]),
    S("rt-fr-neige", "rt-fr", "rt", "fr", "2016-12-22T10:05:00+03:00",
      "Malgré la neige, les derniers combattants quittent Alep",
      "Près de 4 000 combattants sont partis en 24 heures, selon Moscou.",
      ["Près de 4 000 combattants et membres de leurs familles ont quitté Alep au cours des dernières 24 heures "
       "malgré une tempête de neige, selon le Centre russe pour la réconciliation.",
       "D'après le correspondant de la chaîne libanaise al-Manar, il ne reste plus que quelques dizaines de "
       "rebelles dans la ville.",
       "Le CICR s'attend à ce que l'opération se termine vendredi."],
      "31228-alep-neige-derniers-combattants", section="international", authors=["RT France"],
      tags=["Syrie", "Alep"]),
    S("rt-fr-onu", "rt-fr", "rt", "fr", "2016-12-19T23:50:00+03:00",
      "Le Conseil de sécurité vote l'envoi d'observateurs de l'ONU à Alep",
      "La résolution a été adoptée à l'unanimité après des négociations avec Moscou.",
      ["Le Conseil de sécurité de l'ONU a adopté à l'unanimité une résolution prévoyant l'envoi d'observateurs "
       "à Alep, après que la Russie a obtenu des modifications du texte français.",
       "Environ 100 employés des Nations unies déjà présents en Syrie pourraient être mobilisés.",
       "Moscou insiste pour que les observateurs coordonnent leur travail avec les autorités syriennes."],
      "31170-onu-observateurs-alep", section="international", authors=["RT France"],
      tags=["ONU", "Syrie"]),
    # English
    S("rt-en-shoigu", "rt-en", "rt", "en", "2016-12-22T12:55:00+03:00",
      "Russian jets flew 18,800 sorties, hit 71,000 targets in Syria – Shoigu",
      "Russia's Defense Minister has summed up 15 months of the air campaign.",
      ["Russian warplanes have carried out more than 71,000 strikes on terrorist targets in Syria in 18,800 "
       "sorties, Defense Minister Sergey Shoigu said on Thursday.",
       "Some 35,000 militants, including 204 field commanders, have been eliminated, Shoigu told a meeting of "
       "the ministry's board.",
       "The strikes destroyed 725 training camps, 405 weapons factories and workshops and 1,500 pieces of "
       "military hardware, the minister said.",
       "Russia launched its operation on September 30, 2015, at the request of Damascus."],
      "371502-shoigu-syria-strikes-sorties", section="news", authors=["RT"],
      tags=["Syria", "Russia", "Military"]),
    S("rt-en-aleppo-liberated", "rt-en", "rt", "en", "2016-12-22T22:00:00+03:00",
      "Aleppo fully liberated, over 35,000 evacuated – Russian MoD",
      "The Syrian army says it controls all of Aleppo after the last buses left.",
      ["More than 35,000 people, including over 9,000 militants, have been evacuated from eastern Aleppo, the "
       "Russian Defense Ministry said on Thursday.",
       "The Syrian army announced that the city had been fully liberated after the last convoy left.",
       "Russian military police monitored the departure of the final buses, the ministry said."],
      "371560-aleppo-liberated-35000-evacuated", section="news", authors=["RT"],
      tags=["Syria", "Aleppo"]),
    S("rt-en-convoy", "rt-en", "rt", "en", "2016-12-15T13:00:00+03:00",
      "First buses leave eastern Aleppo as evacuation begins",
      "About 20 buses and 13 ambulances made up the first convoy.",
      ["The first convoy of about 20 buses and 13 ambulances has left eastern Aleppo, the Russian military said.",
       "Nearly 1,000 people, among them hundreds of gunmen, were on board, according to the Russian Center "
       "for Reconciliation.",
       "Drones are monitoring the route to Idlib province, the ministry added."],
      "371101-aleppo-first-buses-evacuation", section="news", authors=["RT"],
      tags=["Syria", "Aleppo"]),
    S("rt-en-foua-buses", "rt-en", "rt", "en", "2016-12-18T20:00:00+03:00",
      "Buses torched near Idlib as evacuation of Foua and Kefraya stalls",
      "Militants set fire to buses sent to evacuate the besieged villages.",
      ["At least five buses sent to evacuate the residents of Foua and Kefraya were set on fire by militants, "
       "Syrian state media reported on Sunday.",
       "The attack stalled the whole evacuation deal, leaving thousands waiting in the cold in Aleppo.",
       "Damascus blamed the Al-Nusra Front for the attack."],
      "371320-buses-torched-foua-kefraya", section="news", authors=["RT"],
      tags=["Syria", "Idlib"]),
    S("rt-en-sappers", "rt-en", "rt", "en", "2016-12-21T15:00:00+03:00",
      "Russian sappers start clearing Aleppo's Old City",
      "Around a hundred deminers have arrived in the city with robots and sniffer dogs.",
      ["Around 100 Russian sappers have begun clearing mines in Aleppo's Old City, the Defense Ministry said.",
       "They have already defused more than 1,500 explosive devices over about 30 hectares, the ministry added.",
       "The deminers brought Uran-6 robots and dozens of sniffer dogs."],
      "371455-russian-sappers-aleppo", section="news", authors=["RT"],
      tags=["Syria", "Aleppo", "Military"]),
    S("rt-en-snowstorm", "rt-en", "rt", "en", "2016-12-22T09:00:00+03:00",
      "Snowstorm fails to halt Aleppo evacuation, nearly 4,000 militants leave overnight",
      "The last militants are leaving eastern Aleppo through heavy snow.",
      ["Nearly 4,000 militants and their relatives left eastern Aleppo overnight despite a heavy snowstorm, the "
       "Russian Center for Reconciliation said.",
       "Only a few dozen fighters remain in the city, according to Lebanon's Al-Manar TV.",
       "The ICRC expects the operation to be completed by Friday."],
      "371498-snowstorm-aleppo-evacuation", section="news", authors=["RT"],
      tags=["Syria", "Aleppo"]),
]

# ------------------------------------------------------------------ Sputnik (RSS in French, news sitemap in English)

STORIES += [
    S("sp-fr-choigou", "sputnik-fr", "sputnik", "fr", "2016-12-22T11:52:00+03:00",
      "Choïgou : 71.000 frappes et 35.000 terroristes éliminés en Syrie",
      "Le ministre russe de la Défense a chiffré les résultats de l'opération aérienne russe en Syrie.",
      ["Depuis le début de l'opération russe en Syrie, les avions ont réalisé 71.000 frappes et éliminé "
       "35.000 combattants, a annoncé jeudi le ministre russe de la Défense Sergueï Choïgou.",
       "Ces frappes ont été effectuées au cours de 18.000 sorties, a précisé le ministre.",
       "« Nous avons détruit 725 camps d'entraînement, 405 usines et ateliers de munitions et 1 500 équipements "
       "militaires », a affirmé Sergueï Choïgou, selon qui 204 chefs de groupes armés figurent parmi les tués.",
       "Moscou mène son opération depuis le 30 septembre 2015 à la demande de Damas."],
      "1029384756", updated="2016-12-22T12:30:00+03:00", section="International",
      authors=["Sputnik Afrique"], tags=["Syrie", "Russie", "Sergueï Choïgou"]),
    S("sp-fr-alep-25000", "sputnik-fr", "sputnik", "fr", "2016-12-20T16:30:00+03:00",
      "Alep : au moins 25 000 personnes évacuées, selon l'armée syrienne",
      "Les évacuations ont repris après l'incident des bus incendiés.",
      ["Au moins 25 000 personnes ont quitté les quartiers est d'Alep depuis le 15 décembre, a annoncé "
       "l'armée syrienne.",
       "Selon une source militaire, une quarantaine de bus ont effectué des rotations dans la nuit.",
       "Les évacuations avaient été interrompues dimanche après l'incendie de bus près d'Idleb."],
      "1029351102", section="International", authors=["Sputnik Afrique"], tags=["Syrie", "Alep"]),
    S("sp-fr-alep-34000", "sputnik-fr", "sputnik", "fr", "2016-12-22T11:05:00+03:00",
      "Alep : le CICR fait état de près de 34.000 évacués",
      "Les évacuations se poursuivent malgré une tempête de neige.",
      ["Près de 34.000 personnes, combattants et civils, ont quitté Alep depuis le 15 décembre, a déclaré la "
       "porte-parole du CICR en Syrie, Ingy Sedky.",
       "Plus de 4.000 insurgés ont été évacués ces dernières heures, malgré la neige, selon le CICR.",
       "Une dizaine de bus ont quitté la poche rebelle en début d'après-midi, a rapporté l'AFP."],
      "1029381044", section="International", authors=["Sputnik Afrique"], tags=["Syrie", "Alep", "CICR"]),
    S("sp-fr-fouaa", "sputnik-fr", "sputnik", "fr", "2016-12-22T14:10:00+03:00",
      "Fouaa et Kefraya : environ 1.000 habitants évacués, des centaines attendent encore",
      "Les évacuations des deux localités loyalistes se poursuivent.",
      ["Au total, environ 1.000 personnes ont été évacuées de Fouaa et Kefraya, selon un nouveau chiffre du "
       "CICR.",
       "Depuis la soirée de mercredi, 6 bus sont arrivés dans la région de Jibrine, à Alep, indique Média de "
       "guerre.",
       "Des centaines d'habitants attendent encore de pouvoir sortir, a précisé l'organisation."],
      "1029390217", section="International", authors=["Sputnik Afrique"], tags=["Syrie", "Idleb"]),
    S("sp-fr-fouaa-750", "sputnik-fr", "sputnik", "fr", "2016-12-19T22:00:00+03:00",
      "Fouaa et Kefraya : 750 personnes sorties des localités assiégées",
      "Les premiers habitants des deux localités ont rejoint Alep.",
      ["Quelque 750 habitants de Fouaa et Kefraya ont pu quitter les deux localités assiégées lundi, d'après "
       "l'Observatoire syrien des droits de l'homme.",
       "Quatre bus et plusieurs ambulances ont rejoint le quartier de Ramoussa, selon la télévision syrienne."],
      "1029333650", section="International", authors=["Sputnik Afrique"], tags=["Syrie", "Idleb"]),
    S("sp-fr-eau", "sputnik-fr", "sputnik", "fr", "2016-12-22T20:00:00+03:00",
      "Damas privée d'eau : l'ONU parle de 5,5 millions de personnes touchées",
      "Les sources de Wadi Barada ont été polluées, selon les autorités syriennes.",
      [f"Près de 5{NBSP}500{NBSP}000 habitants de Damas et de ses environs sont privés d'eau, a indiqué l'ONU.",
       "Les autorités syriennes accusent les groupes armés d'avoir pollué les sources de Wadi Barada.",
       "Des camions-citernes distribuent de l'eau dans plusieurs quartiers de la capitale."],
      "1029395580", section="Société", authors=["Sputnik Afrique"], tags=["Syrie", "Damas"]),
    S("sp-fr-police", "sputnik-fr", "sputnik", "fr", "2016-12-22T18:30:00+03:00",
      "Un bataillon de la police militaire russe déployé à Alep",
      "Les militaires russes assureront l'ordre dans les quartiers libérés.",
      ["Un bataillon de la police militaire russe a été déployé à Alep pour y maintenir l'ordre, a annoncé le "
       "chef de l'état-major russe, Valeri Guerassimov.",
       "Selon lui, quelque 400 militaires russes sont concernés.",
       "Des milliers de civils regagnent déjà les quartiers est, a-t-il ajouté."],
      "1029393301", section="Défense", authors=["Sputnik Afrique"], tags=["Syrie", "Alep", "Russie"]),
    # English, listed only in the news sitemap
    S("sp-en-shoigu", "sputnik-sitemap", "sputnik", "en", "2016-12-22T12:10:00+03:00",
      "Russian Air Force carried out 71,000 strikes in Syria – Shoigu",
      "Russia's defense minister has given the figures of the Syrian campaign.",
      ["The Russian Aerospace Forces have conducted 71,000 airstrikes in Syria during 18,000 combat sorties, "
       "Defense Minister Sergei Shoigu said Thursday.",
       "Some 35,000 terrorists were eliminated, Shoigu said, adding that 725 training camps, 405 plants and "
       "workshops and 1,500 units of military equipment had been destroyed.",
       "Russia started its operation in Syria on September 30, 2015."],
      "1048865231", section="Military", authors=["Sputnik"], tags=["Syria", "Russia"]),
    S("sp-en-aleppo-25000", "sputnik-sitemap", "sputnik", "en", "2016-12-20T17:00:00+03:00",
      "At least 25,000 people evacuated from eastern Aleppo – Syrian army",
      "Evacuations resumed after buses were burned near Idlib.",
      ["At least 25,000 people have left eastern Aleppo since December 15, a Syrian army source said.",
       "About 40 buses shuttled through the night between Aleppo and the western countryside.",
       "The operation had been halted on Sunday after militants torched buses near Idlib."],
      "1048801127", section="Middle East", authors=["Sputnik"], tags=["Syria", "Aleppo"]),
    S("sp-en-aleppo-done", "sputnik-sitemap", "sputnik", "en", "2016-12-22T23:15:00+03:00",
      "Syrian army announces full control of Aleppo after last convoys leave",
      "The Syrian General Command declared Aleppo liberated on Thursday evening.",
      ["The Syrian army has declared full control over Aleppo after the last buses carrying militants left "
       "the city's eastern districts.",
       "More than 35,000 people have been evacuated, according to the Russian Defense Ministry, while the ICRC "
       "put the figure at some 34,000.",
       "Celebrations broke out in government-held western Aleppo."],
      "1048879912", section="Middle East", authors=["Sputnik"], tags=["Syria", "Aleppo"]),
    S("sp-en-foua", "sputnik-sitemap", "sputnik", "en", "2016-12-22T15:40:00+03:00",
      "Some 1,000 residents evacuated from besieged Foua and Kefraya",
      "Hundreds are still waiting to leave the two towns in Idlib province.",
      ["Some 1,000 people have been evacuated from the besieged towns of Foua and Kefraya, the ICRC said.",
       "Six buses arrived in the Jibrin area of Aleppo overnight, Hezbollah's war media unit reported.",
       "Hundreds of residents are still waiting to leave."],
      "1048870054", section="Middle East", authors=["Sputnik"], tags=["Syria", "Idlib"]),
    S("sp-en-hospital", "sputnik-sitemap", "sputnik", "en", "2016-12-21T13:00:00+03:00",
      "Russian field hospital in Aleppo treats hundreds of civilians",
      "Military doctors see patients from the evacuated districts.",
      ["A Russian mobile field hospital in Aleppo has treated more than 300 patients a day since it opened, "
       "the Russian Defense Ministry said.",
       "Dozens of military doctors and nurses work at the facility, which has 100 beds.",
       "Most patients are children and elderly people from the eastern districts."],
      "1048844416", section="Military", authors=["Sputnik"], tags=["Syria", "Aleppo"]),
]

# ------------------------------------------------------------------ The Levant Post (Beirut, +02:00)

STORIES += [
    S("lp-afp-copy", "levant-post", "levant", "en", "2016-12-22T14:05:00+02:00",
      "Nearly 34,000 evacuated from Aleppo, Red Cross says",
      "The evacuation of Aleppo's last rebel pocket went on through a snowstorm on Thursday.",
      ["Nearly 34,000 people have left Aleppo's last rebel-held districts since the evacuation began on "
       "December 15, an ICRC spokeswoman in Syria told AFP on Thursday.",
       "More than 4,000 rebels left over the past few hours despite heavy snow, the Red Cross said, adding that "
       "thousands of people were still waiting to leave.",
       "An AFP correspondent saw about ten buses leave the enclave early in the afternoon.",
       "Around 1,000 people have meanwhile been evacuated from the government-held towns of Fuaa and Kafraya, "
       "which are encircled by rebels in neighbouring Idlib province."],
      "nearly-34000-evacuated-from-aleppo", section="syria", authors=["AFP"],
      syndicated_from="afp-en-evac", extra={"credit": "(AFP)"},
      notes="republished AFP item with light edits (headline, two words)"),
    S("lp-aleppo-after", "levant-post", "levant", "en", "2016-12-22T20:00:00+02:00",
      "After the convoys: counting who left east Aleppo",
      "Moscow, the Red Cross and monitors give different totals for the week-long evacuation.",
      ["The Russian Defense Ministry says more than 35,000 people left eastern Aleppo; the ICRC speaks of "
       "about 35,000, and the Syrian Observatory for Human Rights of around 30,000.",
       "The gap partly reflects who is counted: fighters, their families, or everyone who crossed Ramousseh.",
       "In Foua and Kefraya, about 1,000 residents have left so far, the ICRC said, with hundreds still "
       "waiting."],
      "after-the-convoys-counting-aleppo", section="syria", authors=["Nadia Khoury"]),
    S("lp-moscow-tally", "levant-post", "levant", "en", "2016-12-22T16:30:00+02:00",
      "Moscow's Syria tally: 71,000 strikes, numbers no one can check",
      "Shoigu's figures for 15 months of air war cannot be verified independently.",
      ["Russia's defence minister claimed on Thursday that his air force had flown some 18,000 sorties and "
       "carried out about 71,000 strikes in Syria since September 2015.",
       "He put the number of militants killed at 35,000. The Syrian Observatory for Human Rights, a Britain-"
       "based monitor, has counted about 4,000 Islamic State fighters killed in Russian raids.",
       "Moscow also says it destroyed 725 camps and 405 arms workshops."],
      "moscow-syria-tally-71000-strikes", section="region", authors=["Karim Saad"]),
    S("lp-damascus-water", "levant-post", "levant", "en", "2016-12-22T18:00:00+02:00",
      "Damascus rations water as Wadi Barada fighting cuts supply",
      "The UN says 5.5 million people in and around the capital are affected.",
      ["Damascus has begun rationing water after fighting damaged the Ain al-Fijeh spring in the Wadi Barada "
       "valley, which supplies most of the capital.",
       "The United Nations said 5.5 million people were affected by the cuts.",
       "Dozens of tanker trucks were sent to the worst-hit neighbourhoods."],
      "damascus-rations-water-wadi-barada", section="syria", authors=["Nadia Khoury"]),
]
