"""A generated newsroom of N articles for the benchmarks, and a small fast server for it on loopback.

The sample newsroom has a few dozen pages; crawl and end-to-end speed need thousands. This module
writes a site folder (under ``bench/out/``, git-ignored) with outlets in French and English, each
with RSS feeds (links relative to the feed) or a news sitemap index, article pages built like real
news pages (header, nav, breadcrumbs, JSON-LD, the article, related links, newsletter box, footer),
and a ``robots.txt``. The texts come from templates written for this benchmark; each paragraph
carries figures so the extract step has work to do.

    python -m bench.newsroom_gen generate --out bench/out/newsroom --articles 10000
    python -m bench.newsroom_gen serve --site bench/out/newsroom [--port 0]   # prints the base URL

The server is aiohttp in its own process (the crawler under test must not share its GIL), keeps
every file in memory and answers ``If-None-Match`` with 304 like the sample newsroom does, so an
incremental run sees what it would see on a real outlet.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "bench" / "out"


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    lang: str
    kind: str  # "rss" (one feed per section) or "sitemap" (a news sitemap index)
    sections: tuple[str, ...]


OUTLETS = (
    Outlet("gazette-oronte", "La Gazette de l'Oronte", "fr", "rss", ("monde", "syrie")),
    Outlet("harbor-ledger", "The Harbor Ledger", "en", "rss", ("world", "middle-east")),
    Outlet("echo-plaines", "L'Écho des Plaines", "fr", "rss", ("international", "defense")),
    Outlet("meridian-daily", "Meridian Daily", "en", "rss", ("news", "conflicts")),
    Outlet("relais-est", "Le Relais de l'Est", "fr", "rss", ("actualite", "proche-orient")),
    Outlet("sentinel-news", "Sentinel News", "en", "sitemap", ("news",)),
)

PLACES = ("Alep", "Idleb", "Homs", "Hama", "Deir ez-Zor", "Raqqa", "Palmyre", "Lattaquié", "Daraa", "Qamichli",
          "Manbij", "Tartous", "Kobané", "Douma", "Jisr al-Choughour")
CLAIMANTS_FR = ("le ministère de la Défense", "l'Observatoire syrien des droits de l'homme", "le Croissant-Rouge",
                "un porte-parole de l'ONU", "le gouverneur de la province", "des secouristes sur place")
CLAIMANTS_EN = ("the defence ministry", "a monitoring group based in London", "the Red Crescent",
                "a United Nations spokesman", "the provincial governor", "rescue workers at the scene")

FR_TITLES = (
    "{place} : {n1} personnes évacuées en une nuit",
    "{place} : au moins {n2} morts après des frappes, selon {claimant}",
    "Nouveaux convois à {place}, {n3} bus mobilisés",
    "{place} : {n4} frappes en trois jours, affirme {claimant}",
    "Près de {n1} civils ont quitté {place}",
)
EN_TITLES = (
    "{place}: {n1} people evacuated overnight",
    "At least {n2} killed in strikes on {place}, says {claimant}",
    "{n3} buses sent to {place} as evacuation resumes",
    "{place}: {n4} air strikes in three days, {claimant} says",
    "Nearly {n1} civilians leave {place}",
)
FR_PARAGRAPHS = (
    "Selon {claimant}, {n1} personnes ont été évacuées de {place} depuis lundi, dont une majorité de femmes "
    "et d'enfants. Les départs se sont poursuivis sous la pluie jusque tard dans la soirée.",
    "Au moins {n2} civils ont été tués et {n5} autres blessés lors des bombardements de la nuit, a indiqué "
    "{claimant}, qui redoute un bilan plus lourd dans les prochaines heures.",
    "Une colonne de {n3} bus et d'une vingtaine d'ambulances a quitté le quartier est de {place} peu après "
    "l'aube, escortée par des véhicules de la police militaire.",
    "{claimant_cap} affirme que {n4} frappes ont visé des positions rebelles au cours des trois derniers "
    "jours, un chiffre que les groupes armés contestent.",
    "Plus de {n6} familles attendent encore au point de rassemblement, sans eau courante ni électricité, "
    "d'après les équipes humanitaires présentes sur place.",
    "Les autorités locales disent avoir recensé près de {n7} déplacés dans les villages voisins, où les "
    "écoles ont été transformées en abris provisoires.",
    "Quelque {n8} combattants auraient accepté de rendre leurs armes lourdes en échange d'un passage vers "
    "le nord, selon une source proche des négociations.",
    "Les convois avancent lentement : il a fallu près de {n9} heures pour parcourir une trentaine de "
    "kilomètres, en raison des contrôles successifs.",
)
EN_PARAGRAPHS = (
    "According to {claimant}, {n1} people have been evacuated from {place} since Monday, most of them women "
    "and children. Departures went on in the rain until late in the evening.",
    "At least {n2} civilians were killed and {n5} others wounded in overnight shelling, {claimant} said, "
    "warning that the toll could rise in the coming hours.",
    "A column of {n3} buses and about twenty ambulances left the eastern districts of {place} shortly after "
    "dawn, escorted by military police vehicles.",
    "{claimant_cap} said {n4} strikes had hit rebel positions over the past three days, a figure the armed "
    "groups dispute.",
    "More than {n6} families were still waiting at the gathering point without running water or power, "
    "aid teams on the ground said.",
    "Local officials say they have counted nearly {n7} displaced people in nearby villages, where schools "
    "have been turned into makeshift shelters.",
    "Some {n8} fighters reportedly agreed to hand over heavy weapons in exchange for safe passage north, "
    "according to a source close to the talks.",
    "The convoys crawl along: it took almost {n9} hours to cover some thirty kilometres because of repeated "
    "checkpoints.",
)
BOILERPLATE = {
    "fr": {"home": "Accueil", "related": "À lire aussi", "newsletter": "Recevez chaque matin l'essentiel de "
           "l'actualité internationale dans votre boîte aux lettres.", "subscribe": "S'abonner",
           "footer": "Tous droits réservés. Reproduction interdite sans autorisation.",
           "cookies": "Ce site utilise des cookies pour mesurer l'audience et personnaliser les contenus.",
           "share": "Partager", "nav": ("International", "Politique", "Économie", "Culture", "Sport")},
    "en": {"home": "Home", "related": "Read more", "newsletter": "Get the day's world news in your inbox "
           "every morning, free of charge.", "subscribe": "Subscribe",
           "footer": "All rights reserved. No reproduction without permission.",
           "cookies": "This site uses cookies to measure audience and tailor content.",
           "share": "Share", "nav": ("World", "Politics", "Business", "Culture", "Sport")},
}
EPOCH = datetime(2017, 3, 1, tzinfo=UTC)


def _number(rng: random.Random, lang: str, low: int, high: int) -> str:
    value = rng.randrange(low, high)
    if value < 1000:
        return str(value)
    return f"{value:,}".replace(",", "\u00a0" if lang == "fr" else ",")


def _article(rng: random.Random, outlet: Outlet, index: int, nth: int) -> dict:
    lang = outlet.lang
    place = rng.choice(PLACES)
    claimant = rng.choice(CLAIMANTS_FR if lang == "fr" else CLAIMANTS_EN)
    values = {"place": place, "claimant": claimant, "claimant_cap": claimant[0].upper() + claimant[1:],
              "n1": _number(rng, lang, 200, 40000), "n2": _number(rng, lang, 3, 400),
              "n3": _number(rng, lang, 10, 300), "n4": _number(rng, lang, 20, 2000),
              "n5": _number(rng, lang, 5, 900), "n6": _number(rng, lang, 50, 5000),
              "n7": _number(rng, lang, 500, 90000), "n8": _number(rng, lang, 100, 3000),
              "n9": str(rng.randrange(3, 20))}
    titles, paragraphs = (FR_TITLES, FR_PARAGRAPHS) if lang == "fr" else (EN_TITLES, EN_PARAGRAPHS)
    count = rng.randrange(5, 9)
    chosen = rng.sample(range(len(paragraphs)), count)
    published = EPOCH - timedelta(minutes=7 * index + rng.randrange(7))
    section = outlet.sections[nth % len(outlet.sections)]
    slug = f"{index:05d}-{place.lower().replace(' ', '-')}"
    return {
        "id": index, "section": section, "lang": lang, "place": place,
        "title": rng.choice(titles).format(**values),
        "paragraphs": [paragraphs[i].format(**values) for i in chosen],
        "published": published,
        "author": rng.choice(("Nadia Saleh", "Karim Haddad", "Lena Fischer", "Tom Reyes", "Inès Morel")),
        "path": f"/{outlet.slug}/{section}/{published:%Y/%m/%d}/{slug}.html",
    }


def _page(outlet: Outlet, art: dict, related: list[dict]) -> str:
    words = BOILERPLATE[art["lang"]]
    esc = html.escape
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
          "datePublished": art["published"].isoformat(), "inLanguage": art["lang"],
          "author": [{"@type": "Person", "name": art["author"]}],
          "publisher": {"@type": "Organization", "name": outlet.name}, "articleSection": art["section"]}
    nav = "".join(f'<li><a href="/{outlet.slug}/{n.lower()}/">{esc(n)}</a></li>' for n in words["nav"])
    rel = "".join(f'<li><a href="{r["path"]}">{esc(r["title"])}</a></li>' for r in related)
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in art["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="{art['lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(art['title'])} | {esc(outlet.name)}</title>
<link rel="canonical" href="{art['path']}">
<meta name="description" content="{esc(art['paragraphs'][0][:150])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:site_name" content="{esc(outlet.name)}">
<meta property="article:published_time" content="{art['published'].isoformat()}">
<meta property="article:section" content="{art['section']}">
<meta name="author" content="{esc(art['author'])}">
<link rel="stylesheet" href="/{outlet.slug}/static/site.css">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"page": "article", "id": {art['id']}}});</script>
</head>
<body class="article-page">
<div class="cookie-notice" id="cookie-notice"><p>{esc(words['cookies'])}</p><button type="button">OK</button></div>
<header class="site-header"><a class="logo" href="/{outlet.slug}/">{esc(outlet.name)}</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
<form class="search" action="/{outlet.slug}/search"><input name="q" type="search"></form></header>
<main id="content">
<div class="breadcrumbs"><a href="/{outlet.slug}/">{esc(words['home'])}</a> › <a href="/{outlet.slug}/{art['section']}/">{esc(art['section'])}</a></div>
<article class="story">
<h1 class="story-title">{esc(art['title'])}</h1>
<div class="story-meta"><span class="byline">{esc(art['author'])}</span> <time datetime="{art['published'].isoformat()}">{art['published']:%d/%m/%Y %H:%M}</time></div>
<figure class="story-image"><img src="/{outlet.slug}/img/{art['id']}.jpg" alt=""><figcaption>{esc(art['place'])}</figcaption></figure>
<div class="story-body">
{paras}
</div>
<div class="share-tools"><a href="#">{esc(words['share'])}</a></div>
</article>
<aside class="related"><h2>{esc(words['related'])}</h2><ul>{rel}</ul></aside>
<section class="newsletter-box"><p>{esc(words['newsletter'])}</p><button>{esc(words['subscribe'])}</button></section>
</main>
<footer class="site-footer"><p>© 2017 {esc(outlet.name)}. {esc(words['footer'])}</p></footer>
<script src="/{outlet.slug}/static/app.js" defer></script>
</body>
</html>
"""


def _rss(outlet: Outlet, section: str, items: list[dict]) -> str:
    entries = []
    for art in items:
        entries.append(
            f"<item><title>{xml_escape(art['title'])}</title><link>{art['path']}</link>"
            f"<guid isPermaLink=\"false\">{outlet.slug}-{art['id']}</guid>"
            f"<pubDate>{art['published']:%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
            f"<description>{xml_escape(art['paragraphs'][0][:150])}</description>"
            f"<category>{section}</category></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{xml_escape(outlet.name)} – {section}</title><link>/{outlet.slug}/</link>"
            f"<language>{outlet.lang}</language>\n" + "\n".join(entries) + "\n</channel></rss>\n")


def _sitemap(outlet: Outlet, items: list[dict]) -> str:
    urls = []
    for art in items:
        urls.append(
            f"<url><loc>{art['path']}</loc><lastmod>{art['published'].isoformat()}</lastmod><news:news>"
            f"<news:publication><news:name>{xml_escape(outlet.name)}</news:name>"
            f"<news:language>{outlet.lang}</news:language></news:publication>"
            f"<news:publication_date>{art['published'].isoformat()}</news:publication_date>"
            f"<news:title>{xml_escape(art['title'])}</news:title></news:news></url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n")


SITEMAP_CHUNK = 1000


def generate(out: str | Path, articles: int = 10_000, seed: int = 2017) -> dict:
    """Write the site folder and ``manifest.json`` (feed paths per source, page paths); returns the manifest.

    Articles are dealt to outlets in turn, so each outlet gets about ``articles / len(OUTLETS)``.
    Regenerating with the same arguments gives byte-identical files.
    """
    out = Path(out)
    rng = random.Random(seed)
    per_outlet: dict[str, list[dict]] = {o.slug: [] for o in OUTLETS}
    for i in range(articles):
        outlet = OUTLETS[i % len(OUTLETS)]
        per_outlet[outlet.slug].append(_article(rng, outlet, i, len(per_outlet[outlet.slug])))
    out.mkdir(parents=True, exist_ok=True)
    (out / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    sources, pages = [], []
    for outlet in OUTLETS:
        items = per_outlet[outlet.slug]
        for k, art in enumerate(items):
            related = [items[(k + d) % len(items)] for d in (1, 2, 3)]
            target = out / art["path"].lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_page(outlet, art, related), encoding="utf-8")
            pages.append(art["path"])
        if outlet.kind == "rss":
            for section in outlet.sections:
                path = f"/{outlet.slug}/{section}/rss.xml"
                (out / path.lstrip("/")).write_text(
                    _rss(outlet, section, [a for a in items if a["section"] == section]), encoding="utf-8")
                sources.append({"id": f"{outlet.slug}-{section}", "name": f"{outlet.name} ({section})",
                                "outlet": outlet.name, "kind": "rss", "path": path, "language": outlet.lang})
        else:
            children = []
            for c in range(0, len(items), SITEMAP_CHUNK):
                path = f"/{outlet.slug}/sitemap-news-{c // SITEMAP_CHUNK + 1}.xml"
                (out / path.lstrip("/")).write_text(_sitemap(outlet, items[c:c + SITEMAP_CHUNK]), encoding="utf-8")
                children.append(path)
            index = f"/{outlet.slug}/sitemap-index.xml"
            (out / index.lstrip("/")).write_text(
                '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                'sitemap/0.9">\n' + "\n".join(f"<sitemap><loc>{p}</loc></sitemap>" for p in children)
                + "\n</sitemapindex>\n", encoding="utf-8")
            sources.append({"id": f"{outlet.slug}", "name": outlet.name, "outlet": outlet.name, "kind": "sitemap",
                            "path": index, "language": outlet.lang})
    manifest = {"articles": articles, "seed": seed, "sources": sources, "pages": pages}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def ensure_generated(out: str | Path, articles: int, seed: int = 2017) -> dict:
    """Reuse an existing site folder generated with the same size and seed; generate it otherwise."""
    manifest_path = Path(out) / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("articles") == articles and manifest.get("seed") == seed:
            return manifest
    return generate(out, articles, seed)


def sources_for(manifest: dict, base_url: str) -> list[dict]:
    """Source dicts (``records.Source`` fields) pointing at the server at ``base_url``."""
    return [{"id": s["id"], "name": s["name"], "outlet": s["outlet"], "kind": s["kind"],
             "url": base_url + s["path"], "language": s["language"]} for s in manifest["sources"]]


def write_sources_toml(manifest: dict, base_url: str, path: str | Path) -> Path:
    """A sources file for ``figurewire run --sources``; the sample newsroom is not served."""
    lines = ["# Generated by bench/newsroom_gen.py: the benchmark newsroom on loopback.", "",
             "[newsroom]", "serve = false", ""]
    for s in sources_for(manifest, base_url):
        lines += ["[[source]]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in s.items()] + [""]
    path = Path(path)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------- server


def _content_type(name: str) -> str:
    if name.endswith(".html"):
        return "text/html; charset=utf-8"
    if name.endswith(".xml"):
        return "application/xml; charset=utf-8"
    return "text/plain; charset=utf-8"


def build_app(site: Path):
    from aiohttp import web

    files: dict[str, tuple[bytes, str, str]] = {}
    for file in site.rglob("*"):
        if file.is_file() and file.name != "manifest.json":
            body = file.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            files["/" + file.relative_to(site).as_posix()] = (body, _content_type(file.name), etag)
    last_modified = "Wed, 01 Mar 2017 00:00:00 GMT"

    async def handle(request: web.Request) -> web.Response:
        found = files.get(request.path)
        if found is None:
            return web.Response(status=404, text="not found\n")
        body, content_type, etag = found
        headers = {"ETag": etag, "Last-Modified": last_modified}
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers=headers)
        headers["Content-Type"] = content_type
        return web.Response(body=body, headers=headers)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    return app, len(files)


def serve(site: str | Path, port: int = 0) -> None:
    """Serve until SIGTERM; prints ``http://127.0.0.1:PORT`` on stdout once listening."""
    import asyncio

    from aiohttp import web

    try:
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass

    async def main() -> None:
        app, _ = build_app(Path(site))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
        await tcp.start()
        bound = runner.addresses[0][1]
        print(f"http://127.0.0.1:{bound}", flush=True)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        await runner.cleanup()

    asyncio.run(main())


class NewsroomProcess:
    """The benchmark newsroom served by a child process; ``with NewsroomProcess(site) as base_url:``."""

    def __init__(self, site: str | Path):
        self.site = Path(site)
        self.proc: subprocess.Popen | None = None
        self.base_url = ""

    def __enter__(self) -> str:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.newsroom_gen", "serve", "--site", str(self.site)],
                                     cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.proc.kill()
            raise RuntimeError(f"benchmark newsroom did not start (said {line!r})")
        self.base_url = line
        return line

    @property
    def pid(self) -> int:
        return self.proc.pid if self.proc else 0

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.newsroom_gen", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--out", default=str(OUT_DIR / "newsroom"))
    gen.add_argument("--articles", type=int, default=10_000)
    gen.add_argument("--seed", type=int, default=2017)
    srv = sub.add_parser("serve")
    srv.add_argument("--site", default=str(OUT_DIR / "newsroom"))
    srv.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "generate":
        started = time.perf_counter()
        manifest = generate(args.out, args.articles, args.seed)
        size = sum(f.stat().st_size for f in Path(args.out).rglob("*") if f.is_file())
        print(f"{len(manifest['pages'])} pages, {len(manifest['sources'])} feeds, {size / 1e6:.1f} MB in {args.out} "
              f"({time.perf_counter() - started:.1f} s)")
    else:
        serve(args.site, args.port)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
