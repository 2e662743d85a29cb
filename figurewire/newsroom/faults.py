"""The Fault Gazette: pages and feeds that break the way real crawls break, and what each must become.

Its feed ``faults.newsroom.test/rss.xml`` mixes good articles (which must still land: nothing good is
lost next to something bad) with links to the fault routes of ``server.py``. ``FAULTS`` is the
declared outcome of each, with error kinds from ``records.ERROR_KINDS``.
"""

from __future__ import annotations

from figurewire.newsroom.stories import NBSP, S, Story

F = "http://faults.newsroom.test"

FAULT_STORIES: list[Story] = [
    S("gazette-bilan", "faults", "gazette", "fr", "2016-12-22T20:30:00+01:00",
      "Semaine syrienne : ce que disent les chiffres",
      "Frappes, évacués, bus : les bilans publiés cette semaine ne concordent pas.",
      [f"Entre le 15 et le 22 décembre, près de 34{NBSP}000 personnes ont quitté les quartiers est d'Alep, "
       "selon le Comité international de la Croix-Rouge.",
       f"Moscou affirme de son côté que ses avions ont effectué 71{NBSP}000 frappes depuis septembre 2015.",
       "Les deux chiffres circulent sans qu'aucune source indépendante ne puisse les vérifier sur le terrain."],
      "articles/bilan-de-la-semaine.html"),
    S("gazette-cp1251", "faults", "gazette", "ru", "2016-12-22T18:00:00+03:00",
      "Минобороны: из Алеппо вывезены более 35 000 человек",
      "Эвакуация восточных кварталов Алеппо завершена, сообщили военные.",
      [f"По данным Министерства обороны России, из восточных кварталов Алеппо вывезены более 35{NBSP}000 человек, "
       "в том числе около 4 000 боевиков.",
       "Сирийская армия заявила, что полностью восстановила контроль над городом.",
       "Международный комитет Красного Креста назвал операцию «сложной и долгой»."],
      "encodage/cp1251.html", extra={"charset": "windows-1251", "declare": "header"},
      notes="bytes in windows-1251; only the HTTP header says so (no meta tag)"),
    S("gazette-latin1", "faults", "gazette", "fr", "2016-12-21T11:45:00Z",
      "Évacuation d'Alep : l'opération reprend après deux jours d'arrêt",
      "Les convois ont de nouveau franchi le point de passage de Ramoussa.",
      [f"Les évacuations ont repris mercredi à Alep après une interruption de deux jours, a indiqué le CICR, "
       f"selon lequel environ 25{NBSP}000 personnes ont déjà quitté la ville.",
       "Une vingtaine de bus attendaient dans la matinée à l'entrée des quartiers rebelles, "
       "d'après des témoins joints par téléphone.",
       "À Fouaa et Kefraya, des centaines d'habitants espéraient encore partir avant la nuit."],
      "encodage/latin1.html", extra={"charset": "iso-8859-1", "declare": "meta"},
      notes="bytes in iso-8859-1; only <meta charset> says so (HTTP header: text/html)"),
    S("gazette-dup-first", "faults-dupguid", "gazette", "fr", "2016-12-20T09:00:00+01:00",
      "Fouaa et Kefraya : premiers départs sous escorte",
      "Les premiers bus ont quitté les deux localités chiites assiégées.",
      ["Les premiers bus ont quitté Fouaa et Kefraya dans la nuit, sous escorte du Croissant-Rouge syrien.",
       "Selon un responsable local, quelque 500 personnes ont pu partir lors de cette première rotation."],
      "articles/doublon-premier.html", extra={"guid": "gazette-20161220-fouaa"}),
    S("gazette-dup-other", "faults-dupguid", "gazette", "fr", "2016-12-20T12:00:00+01:00",
      "Alep : la neige ralentit les convois",
      "Les routes enneigées compliquent le passage des bus au sud d'Alep.",
      ["La neige tombée dans la nuit a ralenti les convois au sud d'Alep, ont rapporté des chauffeurs.",
       "Plusieurs dizaines de véhicules patientaient au point de passage en fin de matinée."],
      "articles/hors-doublon.html"),
]

_NOT_LANDING = [
    S("gazette-dup-second", "faults-dupguid", "gazette", "fr", "2016-12-20T10:30:00+01:00",
      "Fouaa et Kefraya : deuxième rotation de bus",
      "Une deuxième rotation a quitté les deux localités.",
      ["Une deuxième rotation de bus a quitté Fouaa et Kefraya en milieu de matinée.",
       "Ce texte réutilise par erreur l'identifiant de l'article précédent dans le flux."],
      "articles/doublon-second.html", extra={"guid": "gazette-20161220-fouaa", "lands": False}),
    S("gazette-private", "faults", "gazette", "fr", "2016-12-19T08:00:00+01:00",
      "Note interne : ne pas publier",
      "Brouillon interne de la rédaction.",
      ["Ce brouillon n'est pas destiné aux robots : le fichier robots.txt le leur interdit."],
      "prive/note-interne.html", extra={"lands": False}),
]
FAULT_STORIES += _NOT_LANDING

_CUT_PAGE = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Alep : le dernier convoi - La Gazette des pannes</title>
<link rel="canonical" href="{F}/articles/page-coupee.html">
<meta property="article:published_time" content="2016-12-22T21:00:00+01:00">
</head>
<body>
<nav><a href="/">La Gazette des pannes</a></nav>
<article>
<h1>Alep : le dernier convoi</h1>
<p>Le dernier convoi a quitté les quartiers est d'Alep jeudi soir, a annoncé l'armée syrienne, qui dit avoir
repris le contrôle de toute la ville. Les bus transportaient, selon les premières estimations, plusieurs cen"""

_FAULT_FEED_ITEMS = [
    # (title, path, pubDate)
    ("Semaine syrienne : ce que disent les chiffres", "/articles/bilan-de-la-semaine.html", "Thu, 22 Dec 2016 20:30:00 +0100"),
    ("Минобороны: из Алеппо вывезены более 35 000 человек", "/encodage/cp1251.html", "Thu, 22 Dec 2016 18:00:00 +0300"),
    ("Évacuation d'Alep : l'opération reprend après deux jours d'arrêt", "/encodage/latin1.html", "Wed, 21 Dec 2016 11:45:00 +0000"),
    ("Alep : le dernier convoi", "/articles/page-coupee.html", "Thu, 22 Dec 2016 21:00:00 +0100"),
    ("Article retiré", "/articles/supprime.html", "Thu, 22 Dec 2016 16:00:00 +0100"),
    ("Panne du serveur d'articles", "/panne/erreur-serveur.html", "Thu, 22 Dec 2016 15:00:00 +0100"),
    ("Alep en direct (page lente)", "/lent/alep-en-direct.html", "Thu, 22 Dec 2016 14:00:00 +0100"),
    ("Redirections sans fin", "/boucle/a.html", "Thu, 22 Dec 2016 13:00:00 +0100"),
    ("Alep : la nuit des convois", "/tronque/perte-de-donnees.html", "Thu, 22 Dec 2016 12:00:00 +0100"),
    ("Archives complètes du conflit", "/enorme/archives-completes.html", "Thu, 22 Dec 2016 11:00:00 +0100"),
    ("Note interne : ne pas publier", "/prive/note-interne.html", "Mon, 19 Dec 2016 08:00:00 +0100"),
]


def _rss(title: str, items: list[tuple[str, str, str, str]]) -> str:
    body = "".join(f"""    <item>
      <title>{t}</title>
      <link>{F}{path}</link>
      <guid isPermaLink="{'false' if guid else 'true'}">{guid or F + path}</guid>
      <pubDate>{date}</pubDate>
      <description><![CDATA[<p>{t}</p>]]></description>
    </item>
""" for t, path, date, guid in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>{title}</title>
    <link>{F}/</link>
    <description>Un journal d'essai dont les pages cassent comme de vraies pages.</description>
    <language>fr</language>
{body}  </channel>
</rss>
"""


_BOMB = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE newsItem [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:faults.newsroom.test:20161222:BOMB"
    version="1" standard="NewsML-G2" standardversion="2.25" xml:lang="fr">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Fault Gazette"/>
    <versionCreated>2016-12-22T12:00:00Z</versionCreated>
  </itemMeta>
  <contentMeta>
    <language tag="fr"/>
    <headline>&lol9;</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p></body></html></inlineXML>
  </contentSet>
</newsItem>
"""

# Served by server.py with {canary} and {secret} filled in (the canary URL carries the live port).
XXE_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY secret SYSTEM "{secret}">
  <!ENTITY canary SYSTEM "{canary}">
]>
<rss version="2.0">
  <channel>
    <title>Fault Gazette (external entities)</title>
    <link>http://faults.newsroom.test/</link>
    <description>A feed whose items pull in a local file and a URL if a parser resolves entities.</description>
    <item>
      <title>&secret;</title>
      <link>http://faults.newsroom.test/articles/bilan-de-la-semaine.html</link>
      <guid isPermaLink="false">gazette-xxe-1</guid>
      <pubDate>Thu, 22 Dec 2016 12:00:00 +0100</pubDate>
      <description>&canary;</description>
    </item>
  </channel>
</rss>
"""
XXE_SECRET_FILE = "faults.newsroom.test/prive/secret.txt"
XXE_SECRET_TEXT = "XXE-SECRET-7f3a: this text must never appear in a parsed feed\n"

_MALFORMED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Fault Gazette (malformed)</title>
    <link>{F}/</link>
    <description>Un flux mal formé : esperluette nue, balise mal fermée, fin coupée.</description>
    <item>
      <title>Alep & Idleb : les convois reprennent</title>
      <link>{F}/articles/bilan-de-la-semaine.html</link>
      <guid isPermaLink="true">{F}/articles/bilan-de-la-semaine.html</guid>
      <pubDate>Thu, 22 Dec 2016 20:30:00 +0100</pubDate>
    </item>
    <item>
      <title>Fouaa : encore des centaines d'habitants à évacuer</titel>
      <link>{F}/articles/hors-doublon.html</link>
    </item>
    <item>
      <title>Bilan de la sema"""

PLAIN_FILES: dict[str, str] = {
    "faults.newsroom.test/rss.xml": _rss("La Gazette des pannes", [(t, p, d, "") for t, p, d in _FAULT_FEED_ITEMS]),
    "faults.newsroom.test/dupguid.xml": _rss("La Gazette des pannes (guid en double)", [
        ("Fouaa et Kefraya : premiers départs sous escorte", "/articles/doublon-premier.html",
         "Tue, 20 Dec 2016 09:00:00 +0100", "gazette-20161220-fouaa"),
        ("Fouaa et Kefraya : deuxième rotation de bus", "/articles/doublon-second.html",
         "Tue, 20 Dec 2016 10:30:00 +0100", "gazette-20161220-fouaa"),
        ("Alep : la neige ralentit les convois", "/articles/hors-doublon.html",
         "Tue, 20 Dec 2016 12:00:00 +0100", ""),
    ]),
    "faults.newsroom.test/empty.xml": _rss("La Gazette des pannes (flux vide)", []),
    "faults.newsroom.test/malformed.xml": _MALFORMED,
    "faults.newsroom.test/bomb.xml": _BOMB,
    "faults.newsroom.test/articles/page-coupee.html": _CUT_PAGE,
    XXE_SECRET_FILE: XXE_SECRET_TEXT,
}

FAULTS: list[dict] = [
    {"source_id": "faults", "url": f"{F}/articles/supprime.html", "kind": "http_error", "http_status": 404,
     "stage": "fetch", "what": "a feed item whose page is gone"},
    {"source_id": "faults", "url": f"{F}/panne/erreur-serveur.html", "kind": "http_error", "http_status": 500,
     "stage": "fetch", "what": "always 500, also after retries"},
    {"source_id": "faults", "url": f"{F}/lent/alep-en-direct.html", "kind": "timeout", "http_status": None,
     "stage": "fetch", "what": "answers after SLOW_SECONDS (6 s), past the source's 2 s download_timeout"},
    {"source_id": "faults", "url": f"{F}/boucle/a.html", "kind": "redirect_loop", "http_status": None,
     "stage": "fetch", "what": "302 a.html -> b.html -> a.html ... past REDIRECT_MAX_TIMES"},
    {"source_id": "faults", "url": f"{F}/tronque/perte-de-donnees.html", "kind": "truncated", "http_status": None,
     "stage": "fetch", "what": "Content-Length 16384 declared, about 300 bytes sent, then the connection closes"},
    {"source_id": "faults", "url": f"{F}/articles/page-coupee.html", "kind": "truncated", "http_status": 200,
     "stage": "parse", "what": "a complete HTTP answer whose HTML stops mid-word: no </p>, </article>, </body>, </html>"},
    {"source_id": "faults", "url": f"{F}/enorme/archives-completes.html", "kind": "too_large", "http_status": None,
     "stage": "fetch", "what": "3 MiB (OVERSIZED_BYTES) announced in Content-Length, over the 2 MiB DOWNLOAD_MAXSIZE"},
    {"source_id": "faults", "url": f"{F}/prive/note-interne.html", "kind": "robots_disallowed", "http_status": None,
     "stage": "fetch", "what": "robots.txt of faults.newsroom.test disallows /prive/; nothing may be fetched"},
    {"source_id": "faults-malformed", "url": f"{F}/malformed.xml", "kind": "malformed_xml", "http_status": 200,
     "stage": "parse", "what": "bare &, mismatched </titel>, document cut before </channel>"},
    {"source_id": "faults-empty", "url": f"{F}/empty.xml", "kind": "empty_feed", "http_status": 200,
     "stage": "parse", "what": "well-formed RSS 2.0 channel with zero items"},
    {"source_id": "faults-dupguid", "url": f"{F}/articles/doublon-second.html", "kind": "duplicate_guid",
     "http_status": None, "stage": "parse",
     "what": "second item repeats guid gazette-20161220-fouaa; the first item (doublon-premier) is kept"},
    {"source_id": "faults-bomb", "url": f"{F}/bomb.xml", "kind": "hostile_xml", "http_status": 200,
     "stage": "parse", "what": "billion-laughs entity expansion in a NewsML-G2 newsItem; refuse unparsed"},
    {"source_id": "faults-xxe", "url": f"{F}/xxe.xml", "kind": "hostile_xml", "http_status": 200,
     "stage": "parse", "in_sources_toml": False,
     "what": "external entities (a file:// secret and a canary URL on the live server); refuse unparsed; "
             "GET /_admin/hits must show no faults.newsroom.test/_canary/xxe hit"},
]
