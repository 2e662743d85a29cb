"""Render the sample newsroom's static files and its expected-data manifest from ``stories.py``.

The site under ``site/`` is committed so spiders and people can read it as plain files; it is
generated rather than hand-kept so that five formats of the same story, the feeds listing them and
``expected.json`` can never drift apart (a test re-renders and compares byte for byte).
Run ``python -m figurewire.newsroom.sitegen`` after editing ``stories.py``.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

from figurewire.newsroom import server
from figurewire.newsroom.faults import FAULT_STORIES, FAULTS, PLAIN_FILES
from figurewire.newsroom.stories import STORIES, Story

HERE = Path(__file__).resolve().parent
EXPECTED_JSON = HERE / "expected.json"
DROP = "afp-drop"

OUTLETS = {
    "afp-wire": ("AFP", "newsml"), "afp-drop": ("AFP", "newsml"),
    "rt-fr": ("RT", "rss"), "rt-en": ("RT", "rss"),
    "sputnik-fr": ("Sputnik", "rss"), "sputnik-sitemap": ("Sputnik", "sitemap"),
    "levant-post": ("Levant Post", "rss"),
    "faults": ("Fault Gazette", "rss"), "faults-dupguid": ("Fault Gazette", "rss"),
}
GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
       b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def x(text: str) -> str:
    return escape(text, quote=True)


def when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def utc_iso(stamp: str | None) -> str | None:
    return when(stamp).astimezone(UTC).isoformat() if stamp else None


def rfc822(stamp: str) -> str:
    return format_datetime(when(stamp))


def basic_iso(stamp: str) -> str:
    """NewsML 1.2 dates: ISO 8601 basic format, 20161222T101500+0100."""
    d = when(stamp)
    return d.strftime("%Y%m%dT%H%M%S") + ("Z" if d.utcoffset().total_seconds() == 0 else d.strftime("%z"))


# ------------------------------------------------------------------ identities


def wire_guid(s: Story) -> str:
    return f"urn:newsml:afp.com:{when(s.published):%Y%m%d}:{s.wire_id}"


def url_of(s: Story, source_id: str | None = None) -> str:
    source_id = source_id or s.source_id
    if s.fmt in ("g2", "nml12"):
        if source_id == DROP:
            return f"file://{{newsroom_dir}}/{DROP}/{s.slug}.xml"
        return f"http://afp.newsroom.test/wire/items/{s.slug}.xml"
    if s.fmt == "rt":
        return f"http://rt.newsroom.test/{s.lang}/{s.section}/{s.slug}/"
    if s.fmt == "sputnik":
        return f"http://sputnik.newsroom.test/{s.lang}/{when(s.published):%Y%m%d}/{s.slug}.html"
    if s.fmt == "levant":
        return f"http://levantpost.newsroom.test/{when(s.published):%Y/%m/%d}/{s.slug}/"
    if s.fmt == "gazette":
        return f"http://faults.newsroom.test/{s.slug}"
    raise ValueError(s.fmt)


def site_path(url: str) -> str:
    """Where a URL's file lives under site/ (directory URLs are served from index.html)."""
    if url.startswith("file://{newsroom_dir}/"):
        return url.removeprefix("file://{newsroom_dir}/")
    path = url.removeprefix("http://")
    return path + "index.html" if path.endswith("/") else path


def story_key(s: Story) -> str:
    return wire_guid(s) if s.fmt in ("g2", "nml12") else url_of(s)


def feed_link(s: Story) -> str:
    """RT tags feed links for its analytics; the guid and the canonical link stay clean."""
    return url_of(s) + "?utm_source=rss&utm_medium=feed" if s.fmt == "rt" else url_of(s)


# ------------------------------------------------------------------ wire formats


def render_g2(s: Story) -> str:
    first = s.published
    version_created = s.updated or s.published
    alert = s.urgency == 1
    paras = "".join(f"<p>{x(p)}</p>" for p in s.paragraphs)
    if s.body_format == "nitf":
        body = (f'<inlineXML contenttype="application/nitf+xml">\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
                f"<body><body.head><hedline><hl1>{x(s.title)}</hl1></hedline></body.head>"
                f"<body.content>{paras}</body.content></body></nitf>\n</inlineXML>")
    else:
        body = (f'<inlineXML contenttype="application/xhtml+xml">\n<html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>{x(s.title)}</title></head><body>{paras}</body></html>\n</inlineXML>")
    subjects = "".join(
        f'\n    <subject type="cpnat:abstract" qcode="medtop:{code}"><name xml:lang="en">{x(name)}</name></subject>'
        for code, name in SUBJECTS.get(s.section or "conflict", SUBJECTS["conflict"]))
    ednote = f"\n    <edNote>{x(s.extra['ednote'])}</edNote>" if "ednote" in s.extra else ""
    by = f"\n    <by>{x(', '.join(s.authors))}</by>" if s.authors else ""
    located = f'\n    <located type="cptype:city"><name>{x(s.extra["city"])}</name></located>' if "city" in s.extra else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{wire_guid(s)}" version="{s.revision}"
    standard="NewsML-G2" standardversion="2.25" conformance="power" xml:lang="{s.lang}">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"/>
  <rightsInfo>
    <copyrightHolder literal="AFP"/>
    <copyrightNotice>Copyright 2016 AFP (sample newsroom, text written for figurewire).</copyrightNotice>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="AFP"/>
    <versionCreated>{version_created}</versionCreated>
    <firstCreated>{first}</firstCreated>
    <pubStatus qcode="stat:usable"/>
    <signal qcode="{'sig:alert' if alert else 'sig:update' if s.revision > 1 else 'sig:new'}"/>{ednote}
  </itemMeta>
  <contentMeta>
    <urgency>{s.urgency}</urgency>
    <contentCreated>{first}</contentCreated>
    <contentModified>{version_created}</contentModified>{located}{by}
    <language tag="{s.lang}"/>{subjects}
    <genre qcode="genre:{'Alert' if alert else 'Current'}"/>
    <slugline>{x(s.extra.get('slugline', 'Syrie-conflit'))}</slugline>
    <headline>{x(s.title)}</headline>
    <description role="drol:summary">{x(s.summary)}</description>
  </contentMeta>
  <contentSet>
    {body}
  </contentSet>
</newsItem>
"""


def render_nml12(s: Story) -> str:
    first = s.published
    this_rev = s.updated or s.published
    public_id = f"{wire_guid(s)}:{s.revision}"
    paras = "".join(f"<p>{x(p)}</p>" for p in s.paragraphs)
    byline = f"\n          <ByLine>{x(', '.join(s.authors))}</ByLine>" if s.authors else ""
    dateline = f"\n          <DateLine>{x(s.dateline)}</DateLine>" if s.dateline else ""
    prev = f' PreviousRevision="{s.revision - 1}" Update="N"' if s.revision > 1 else ' PreviousRevision="0" Update="N"'
    item_type = "Alert" if s.urgency == 1 else "News"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<NewsML Version="1.2">
  <Catalog Href="http://www.afp.com/dtd/AFPCatalog.xml"/>
  <NewsEnvelope>
    <TransmissionId>{s.wire_id}-{s.revision}</TransmissionId>
    <DateAndTime>{basic_iso(this_rev)}</DateAndTime>
    <NewsService FormalName="AFP{s.lang.upper()}"/>
    <Priority FormalName="{s.urgency}"/>
  </NewsEnvelope>
  <NewsItem xml:lang="{s.lang}">
    <Identification>
      <NewsIdentifier>
        <ProviderId>afp.com</ProviderId>
        <DateId>{when(first):%Y%m%d}</DateId>
        <NewsItemId>{s.wire_id}</NewsItemId>
        <RevisionId{prev}>{s.revision}</RevisionId>
        <PublicIdentifier>{public_id}</PublicIdentifier>
      </NewsIdentifier>
      <NameLabel>{x(s.extra.get('slugline', 'Syrie-conflit'))}</NameLabel>
    </Identification>
    <NewsManagement>
      <NewsItemType FormalName="{item_type}"/>
      <FirstCreated>{basic_iso(first)}</FirstCreated>
      <ThisRevisionCreated>{basic_iso(this_rev)}</ThisRevisionCreated>
      <Status FormalName="Usable"/>
      <Urgency FormalName="{s.urgency}"/>
    </NewsManagement>
    <NewsComponent>
      <NewsLines>
        <HeadLine>{x(s.title)}</HeadLine>{byline}{dateline}
        <CopyrightLine>Copyright 2016 AFP (sample newsroom)</CopyrightLine>
        <SlugLine>{x(s.extra.get('slugline', 'Syrie-conflit'))}</SlugLine>
      </NewsLines>
      <AdministrativeMetadata>
        <Provider><Party FormalName="AFP"/></Provider>
      </AdministrativeMetadata>
      <DescriptiveMetadata>
        <Language FormalName="{s.lang}"/>
        <SubjectCode><Subject FormalName="16009000"/></SubjectCode>
      </DescriptiveMetadata>
      <ContentItem>
        <MediaType FormalName="Text"/>
        <Format FormalName="NITF"/>
        <MimeType FormalName="text/vnd.IPTC.NITF"/>
        <DataContent>
          <nitf>
            <head>
              <title>{x(s.title)}</title>
              <docdata>
                <doc-id id-string="{public_id}"/>
                <urgency ed-urg="{s.urgency}"/>
                <date.issue norm="{basic_iso(this_rev)}"/>
              </docdata>
            </head>
            <body>
              <body.head>
                <hedline><hl1>{x(s.title)}</hl1></hedline>
                <abstract><p>{x(s.summary)}</p></abstract>
              </body.head>
              <body.content>{paras}</body.content>
            </body>
          </nitf>
        </DataContent>
      </ContentItem>
    </NewsComponent>
  </NewsItem>
</NewsML>
"""


SUBJECTS = {
    "conflict": [("16009000", "war"), ("16000000", "conflict, war and peace")],
    "politics": [("11000000", "politics")],
    "humanitarian": [("14024000", "humanitarian aid"), ("16009000", "war")],
}


def render_wire_index(items: list[Story]) -> str:
    entries = []
    for s in items:
        kind = "application/vnd.iptc.g2.newsitem+xml" if s.fmt == "g2" else "application/vnd.iptc.newsml+xml"
        entries.append(f"""  <entry>
    <id>{url_of(s)}</id>
    <title>{x(s.title)}</title>
    <published>{s.published}</published>
    <updated>{s.updated or s.published}</updated>
    <link rel="alternate" type="{kind}" href="{url_of(s)}"/>
    <summary>{x(s.summary)}</summary>
  </entry>
""")
    newest = max(s.updated or s.published for s in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>AFP - fil de dépêches (échantillon figurewire)</title>
  <id>http://afp.newsroom.test/wire/index.xml</id>
  <link rel="self" href="http://afp.newsroom.test/wire/index.xml"/>
  <updated>{newest}</updated>
  <author><name>AFP</name></author>
{''.join(entries)}</feed>
"""


# ------------------------------------------------------------------ web pages


def _meta_common(s: Story, site_name: str, image: str) -> str:
    tags = "".join(f'\n<meta property="article:tag" content="{x(t)}">' for t in s.tags)
    modified = f'\n<meta property="article:modified_time" content="{s.updated}">' if s.updated else ""
    authors = "".join(f'\n<meta name="author" content="{x(a)}">' for a in s.authors)
    locale = {"fr": "fr_FR", "en": "en_US", "es": "es_ES", "de": "de_DE"}.get(s.lang, s.lang)
    return f"""<link rel="canonical" href="{url_of(s)}">
<meta name="description" content="{x(s.summary)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{x(site_name)}">
<meta property="og:locale" content="{locale}">
<meta property="og:title" content="{x(s.title)}">
<meta property="og:description" content="{x(s.summary)}">
<meta property="og:url" content="{url_of(s)}">
<meta property="og:image" content="{image}">
<meta property="article:published_time" content="{s.published}">{modified}
<meta property="article:section" content="{x(s.section)}">{tags}{authors}"""


RT_TEXT = {
    "fr": dict(site="RT en français", home="Accueil", cookie="Ce site utilise des cookies pour mesurer l'audience. "
               "En poursuivant votre navigation, vous acceptez leur utilisation.", accept="J'accepte",
               nav=["International", "France", "Économie", "Opinions", "Vidéos"], related="Lire aussi",
               share="Partager", rights="Tous droits réservés.", legal="Mentions légales", read="Temps de lecture : 2 min"),
    "en": dict(site="RT International", home="Home", cookie="This website uses cookies. Read our privacy policy for "
               "details; by continuing you agree to their use.", accept="Accept",
               nav=["World News", "Russia", "Business", "Op-ed", "Shows"], related="Read more",
               share="Share", rights="All rights reserved.", legal="Terms of use", read="Reading time: 2 min"),
}


def render_rt(s: Story, related: list[Story]) -> str:
    t = RT_TEXT[s.lang]
    nav = "".join(f'<li><a href="/{s.lang}/{n.lower()}/">{x(n)}</a></li>' for n in t["nav"])
    rel = "".join(f'<li><a href="{url_of(r)}">{x(r.title)}</a></li>' for r in related)
    paras = "\n".join(f"<p>{x(p)}</p>" for p in s.paragraphs)
    shown = when(s.published).strftime("%d.%m.%Y %H:%M")
    author = f'<span class="article__author">{x(", ".join(s.authors))}</span>' if s.authors else ""
    enc = f"http://rt.newsroom.test/static/img/{s.slug.split('-')[0]}.gif"
    share_url = url_of(s)
    return f"""<!DOCTYPE html>
<html lang="{s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{x(s.title)} — {t['site']}</title>
{_meta_common(s, t['site'], enc)}
<link rel="alternate" type="application/rss+xml" href="http://rt.newsroom.test/{s.lang}/rss.xml">
</head>
<body class="page-article">
<div class="cookie-banner" id="cookie-banner"><p>{x(t['cookie'])}</p><button type="button">{t['accept']}</button></div>
<header class="site-header">
<a class="site-header__logo" href="/{s.lang}/">{t['site']}</a>
<nav class="site-nav"><ul>{nav}</ul></nav>
<form class="search" action="/{s.lang}/recherche/"><input name="q"></form>
</header>
<main class="layout">
<div class="breadcrumbs"><a href="/{s.lang}/">{t['home']}</a> › <a href="/{s.lang}/{s.section}/">{x(s.section.capitalize())}</a></div>
<article class="article" itemscope>
<h1 class="article__heading">{x(s.title)}</h1>
<div class="article__meta">{author}<time class="article__date" datetime="{s.published}">{shown}</time><span class="article__reading">{t['read']}</span></div>
<figure class="article__cover"><img src="{enc}" alt=""><figcaption>Illustration</figcaption></figure>
<div class="article__summary">{x(s.summary)}</div>
<div class="article__text">
{paras}
</div>
<div class="article__share"><span>{t['share']}</span> <a href="https://twitter.com/intent/tweet?url={share_url}">Twitter</a> <a href="https://www.facebook.com/sharer.php?u={share_url}">Facebook</a> <a href="https://t.me/share/url?url={share_url}">Telegram</a></div>
<div class="article__tags">{''.join(f'<a class="tag" href="/{s.lang}/tag/{x(tg.lower())}/">{x(tg)}</a>' for tg in s.tags)}</div>
</article>
<aside class="related"><h2>{t['related']}</h2><ul>{rel}</ul></aside>
</main>
<footer class="site-footer">
<p>© 2016 {t['site']}. {t['rights']}</p>
<nav><a href="/{s.lang}/mentions-legales/">{t['legal']}</a> · <a href="/{s.lang}/rss.xml">RSS</a></nav>
</footer>
</body>
</html>
"""


def sputnik_jsonld(s: Story) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url_of(s)},
        "url": url_of(s),
        "headline": s.title,
        "description": s.summary,
        "articleBody": "\n\n".join(s.paragraphs),
        "datePublished": s.published,
        "dateModified": s.updated or s.published,
        "inLanguage": s.lang,
        "articleSection": s.section,
        "keywords": ", ".join(s.tags),
        "author": [{"@type": "Person", "name": a} for a in s.authors] or {"@type": "Organization", "name": "Sputnik"},
        "publisher": {"@type": "Organization", "name": "Sputnik",
                      "logo": {"@type": "ImageObject", "url": "http://sputnik.newsroom.test/static/img/logo.gif"}},
        "image": {"@type": "ImageObject", "url": "http://sputnik.newsroom.test/static/img/cover.gif"},
    }
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


SPUTNIK_TEXT = {
    "fr": dict(site="Sputnik Afrique", cookie="Nous utilisons des cookies. En restant sur ce site, vous en acceptez "
               "l'usage.", more="Sur le même sujet", subscribe="Abonnez-vous à notre chaîne Telegram pour ne rien manquer.",
               nav=["Actualités", "International", "Défense", "Société"], rights="Tous droits réservés"),
    "en": dict(site="Sputnik International", cookie="We use cookies. By staying on this site you accept our cookie "
               "policy.", more="Related", subscribe="Follow us on Telegram to stay up to date.",
               nav=["World", "Military", "Russia", "Society"], rights="All rights reserved"),
}


def render_sputnik(s: Story, related: list[Story]) -> str:
    t = SPUTNIK_TEXT[s.lang]
    blocks = "\n".join(f'<div class="article__block" data-type="text"><div class="article__text">{x(p)}</div></div>'
                       for p in s.paragraphs)
    nav = "".join(f'<a href="/{s.lang}/{n.lower()}/">{x(n)}</a>' for n in t["nav"])
    rel = "".join(f'<li><a href="{url_of(r)}">{x(r.title)}</a></li>' for r in related)
    shown = when(s.published).strftime("%H:%M %d.%m.%Y")
    updated = (f' (mis à jour: {when(s.updated).strftime("%H:%M %d.%m.%Y")})' if s.updated and s.lang == "fr"
               else f' (updated: {when(s.updated).strftime("%H:%M %d.%m.%Y")})' if s.updated else "")
    return f"""<!DOCTYPE html>
<html lang="{s.lang}">
<head>
<meta charset="utf-8">
<title>{x(s.title)} - {t['site']}</title>
{_meta_common(s, t['site'], "http://sputnik.newsroom.test/static/img/cover.gif")}
<script type="application/ld+json">{sputnik_jsonld(s)}</script>
</head>
<body>
<div class="cookie-notice"><p>{x(t['cookie'])}</p></div>
<header class="header"><a class="header__logo" href="/{s.lang}/">{t['site']}</a><nav class="header__nav">{nav}</nav></header>
<div class="layout-article">
<div class="article" data-id="{s.slug}">
<div class="article__header">
<h1 class="article__title">{x(s.title)}</h1>
<div class="article__info"><span class="article__info-date"><a href="/{s.lang}/{when(s.published):%Y%m%d}/">{shown}</a>{updated}</span></div>
<div class="article__announce-text">{x(s.summary)}</div>
</div>
<div class="article__body">
{blocks}
</div>
<div class="article__footer"><div class="article__tags">{''.join(f'<a href="/{s.lang}/keyword_{x(tg.lower())}/">{x(tg)}</a>' for tg in s.tags)}</div>
<div class="article__subscribe"><p>{x(t['subscribe'])}</p></div></div>
</div>
<div class="related"><div class="related__title">{t['more']}</div><ul>{rel}</ul></div>
</div>
<footer class="footer"><p>© 2016 Sputnik. {t['rights']}</p></footer>
</body>
</html>
"""


def render_levant(s: Story, related: list[Story]) -> str:
    paras = "\n".join(f"<p>{x(p)}</p>" for p in s.paragraphs)
    rel = "".join(f'<li><a href="{url_of(r)}">{x(r.title)}</a></li>' for r in related)
    credit = f'<p class="credit">{x(s.extra["credit"])}</p>' if "credit" in s.extra else ""
    shown = when(s.published).strftime("%B %d, %Y %I:%M %p")
    by = x(", ".join(s.authors)) if s.authors else "Staff"
    return f"""<!DOCTYPE html>
<html lang="{s.lang}">
<head>
<meta charset="utf-8">
<title>{x(s.title)} | The Levant Post</title>
{_meta_common(s, "The Levant Post", "http://levantpost.newsroom.test/wp-content/uploads/cover.gif")}
</head>
<body class="single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">The Levant Post</a></p>
<p class="site-description">News from Beirut, Damascus and beyond</p>
<nav id="site-navigation"><ul><li><a href="/category/syria/">Syria</a></li><li><a href="/category/lebanon/">Lebanon</a></li><li><a href="/category/region/">Region</a></li></ul></nav></header>
<div id="content" class="site-content">
<article id="post-{s.slug[:12]}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{x(s.title)}</h1>
<div class="entry-meta">By <span class="author vcard">{by}</span> · <time class="entry-date published" datetime="{s.published}">{shown}</time></div></header>
<div class="entry-content">
{paras}
{credit}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/{s.section}/">{x(s.section.capitalize())}</a></span></footer>
</article>
<section class="jp-relatedposts"><h3>Related</h3><ul>{rel}</ul></section>
<div id="comments"><p class="no-comments">Comments are closed.</p></div>
</div>
<footer id="colophon"><p>Proudly powered by WordPress · © 2016 The Levant Post</p></footer>
</div>
</body>
</html>
"""


def render_gazette(s: Story) -> str:
    charset = s.extra.get("charset", "utf-8")
    meta_charset = f'<meta charset="{charset}">\n' if s.extra.get("declare", "meta") == "meta" else ""
    paras = "\n".join(f"<p>{x(p)}</p>" for p in s.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{s.lang}">
<head>
{meta_charset}<title>{x(s.title)} - La Gazette des pannes</title>
<link rel="canonical" href="{url_of(s)}">
<meta property="og:title" content="{x(s.title)}">
<meta property="article:published_time" content="{s.published}">
</head>
<body>
<nav><a href="/">La Gazette des pannes</a></nav>
<article>
<h1>{x(s.title)}</h1>
<time datetime="{s.published}">{s.published[:10]}</time>
{paras}
</article>
<footer><p>La Gazette des pannes, journal d'essai.</p></footer>
</body>
</html>
"""


# ------------------------------------------------------------------ feeds


def rss_item(s: Story, creator: bool = True, media: bool = True) -> str:
    cats = "".join(f"\n      <category>{x(c)}</category>" for c in ([s.section] if s.section else []) + list(s.tags))
    dc = "".join(f"\n      <dc:creator>{x(a)}</dc:creator>" for a in s.authors) if creator else ""
    img = {"rt": f"http://rt.newsroom.test/static/img/{s.slug.split('-')[0]}.gif",
           "sputnik": "http://sputnik.newsroom.test/static/img/cover.gif"}.get(s.fmt)
    enclosure = (f'\n      <enclosure url="{img}" length="{len(GIF)}" type="image/gif"/>'
                 f'\n      <media:content url="{img}" medium="image" type="image/gif" width="1" height="1"/>'
                 if media and img else "")
    return f"""    <item>
      <title>{x(s.title)}</title>
      <link>{x(feed_link(s))}</link>
      <guid isPermaLink="true">{url_of(s)}</guid>
      <pubDate>{rfc822(s.published)}</pubDate>{dc}{cats}
      <description><![CDATA[<p>{s.summary}</p>]]></description>{enclosure}
    </item>
"""


def render_rss(title: str, link: str, self_url: str, lang: str, items: list[str], description: str,
               last_build: str | None) -> str:
    build = f"\n    <lastBuildDate>{rfc822(last_build)}</lastBuildDate>" if last_build else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{x(title)}</title>
    <link>{link}</link>
    <description>{x(description)}</description>
    <language>{lang}</language>{build}
    <atom:link href="{self_url}" rel="self" type="application/rss+xml"/>
{''.join(items)}  </channel>
</rss>
"""


def render_news_sitemap(items: list[Story]) -> str:
    urls = "".join(f"""  <url>
    <loc>{url_of(s)}</loc>
    <lastmod>{s.updated or s.published}</lastmod>
    <news:news>
      <news:publication>
        <news:name>Sputnik International</news:name>
        <news:language>{s.lang}</news:language>
      </news:publication>
      <news:publication_date>{s.published}</news:publication_date>
      <news:title>{x(s.title)}</news:title>
      <news:keywords>{x(', '.join(s.tags))}</news:keywords>
    </news:news>
  </url>
""" for s in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}</urlset>
"""


ROBOTS = {
    "afp.newsroom.test": "User-agent: *\nDisallow: /wire/embargo/\n",
    "rt.newsroom.test": "User-agent: *\nDisallow: /fr/recherche/\nDisallow: /en/search/\n",
    "sputnik.newsroom.test": ("User-agent: *\nDisallow: /fr/search/\nDisallow: /en/search/\n\n"
                              "Sitemap: http://sputnik.newsroom.test/sitemap-news.xml\n"),
    "levantpost.newsroom.test": "User-agent: *\nDisallow: /wp-admin/\n",
    "faults.newsroom.test": "User-agent: *\nDisallow: /prive/\n",
}


# ------------------------------------------------------------------ the whole site


def by_source(source_id: str) -> list[Story]:
    """Stories of one source, newest first (as feeds list them)."""
    items = [s for s in STORIES if s.source_id == source_id or source_id in s.also_in]
    return sorted(items, key=lambda s: (when(s.updated or s.published), s.key), reverse=True)


def _related(s: Story) -> list[Story]:
    same = [o for o in by_source(s.source_id) if o.key != s.key]
    return same[:3]


def render_site() -> dict[str, bytes]:
    """Every file under site/, by path relative to it."""
    files: dict[str, str | bytes] = {}
    wire = by_source("afp-wire")
    for s in STORIES:
        render = {"g2": render_g2, "nml12": render_nml12}.get(s.fmt)
        if render:
            for source_id in (s.source_id, *s.also_in):
                files[site_path(url_of(s, source_id))] = render(s)
        elif s.fmt == "rt":
            files[site_path(url_of(s))] = render_rt(s, _related(s))
        elif s.fmt == "sputnik":
            files[site_path(url_of(s))] = render_sputnik(s, _related(s))
        elif s.fmt == "levant":
            files[site_path(url_of(s))] = render_levant(s, _related(s))
    for s in FAULT_STORIES:
        page = render_gazette(s)
        files[site_path(url_of(s))] = page.encode(s.extra.get("charset", "utf-8"))
    files["afp.newsroom.test/wire/index.xml"] = render_wire_index(wire)
    for lang in ("fr", "en"):
        items = by_source(f"rt-{lang}")
        title = {"fr": "RT en français", "en": "RT International"}[lang]
        files[f"rt.newsroom.test/{lang}/rss.xml"] = render_rss(
            title, f"http://rt.newsroom.test/{lang}/", f"http://rt.newsroom.test/{lang}/rss.xml", lang,
            [rss_item(s) for s in items], f"{title} : l'actualité internationale" if lang == "fr"
            else f"{title}: world news", items[0].published if items else None)
    sp = by_source("sputnik-fr")
    files["sputnik.newsroom.test/fr/rss.xml"] = render_rss(
        "Sputnik Afrique", "http://sputnik.newsroom.test/fr/", "http://sputnik.newsroom.test/fr/rss.xml", "fr",
        [rss_item(s, creator=False) for s in sp], "Sputnik Afrique : actualités", sp[0].published if sp else None)
    files["sputnik.newsroom.test/sitemap-news.xml"] = render_news_sitemap(by_source("sputnik-sitemap"))
    lp = by_source("levant-post")
    files["levantpost.newsroom.test/feed.xml"] = render_rss(
        "The Levant Post", "http://levantpost.newsroom.test/", "http://levantpost.newsroom.test/feed.xml", "en",
        [rss_item(s, media=False) for s in lp], "News from Beirut, Damascus and beyond",
        lp[0].published if lp else None)
    for host, robots in ROBOTS.items():
        files[f"{host}/robots.txt"] = robots
    for host in ("rt.newsroom.test",):
        for s in STORIES:
            if s.fmt == "rt":
                files[f"{host}/static/img/{s.slug.split('-')[0]}.gif"] = GIF
    files["sputnik.newsroom.test/static/img/cover.gif"] = GIF
    files.update(PLAIN_FILES)
    return {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in sorted(files.items())}


def expected_manifest() -> dict:
    """What a correct crawl of the sample must produce (Fundus-style expected data)."""
    articles = []
    for s in STORIES + [f for f in FAULT_STORIES if f.extra.get("lands", True)]:
        for source_id in (s.source_id, *s.also_in):
            outlet, kind = OUTLETS[source_id]
            url = url_of(s, source_id)
            articles.append({
                "source_id": source_id, "outlet": outlet, "feed_kind": kind, "format": s.fmt,
                "url": url, "site_path": site_path(url),
                "guid": s.extra.get("guid") or (wire_guid(s) if s.fmt in ("g2", "nml12") else url_of(s)),
                "canonical_url": None if s.fmt in ("g2", "nml12") else url_of(s),
                "story_key": story_key(s), "revision": s.revision,
                "title": s.title, "lang": s.lang,
                "published_at": utc_iso(s.published), "updated_at": utc_iso(s.updated),
                "authors": list(s.authors), "is_alert": s.urgency == 1,
                "first_paragraph": s.paragraphs[0], "paragraphs": len(s.paragraphs),
            })
    by_key: dict[str, list[Story]] = {}
    for s in STORIES:
        by_key.setdefault(story_key(s), []).append(s)
    revisions = [{"story_key": k, "outlet": "AFP", "revisions": sorted(s.revision for s in v),
                  "winner": max(s.revision for s in v)} for k, v in sorted(by_key.items()) if len(v) > 1]
    keys = {s.key: s for s in STORIES}
    syndicated = [{"copy": {"source_id": s.source_id, "story_key": story_key(s), "url": url_of(s)},
                   "original": {"source_id": keys[s.syndicated_from].source_id,
                                "story_key": story_key(keys[s.syndicated_from])}}
                  for s in STORIES if s.syndicated_from]
    same_item = [{"story_key": story_key(s), "revision": s.revision, "sources": [s.source_id, *s.also_in],
                  "note": "one article: the same wire item from the HTTP index and the drop folder"}
                 for s in STORIES if s.also_in]
    by_source_count: dict[str, int] = {}
    for a in articles:
        by_source_count[a["source_id"]] = by_source_count.get(a["source_id"], 0) + 1
    return {
        "about": "Expected results of crawling the sample newsroom; generated by figurewire.newsroom.sitegen.",
        "sample_download_maxsize": server.SAMPLE_DOWNLOAD_MAXSIZE,
        "oversized_bytes": server.OVERSIZED_BYTES,
        "article_count": len(articles),
        "distinct_articles": len({(a["outlet"], a["story_key"], a["revision"]) for a in articles}),
        "articles_per_source": dict(sorted(by_source_count.items())),
        "articles": articles,
        "revisions": revisions,
        "syndicated": syndicated,
        "same_item_two_sources": same_item,
        "faults": FAULTS,
        "encoding_pages": [{"url": url_of(s), "charset": s.extra["charset"], "declared_in": s.extra["declare"],
                            "title": s.title, "lang": s.lang} for s in FAULT_STORIES if "charset" in s.extra],
    }


def write(site: Path | None = None, expected_path: Path | None = None) -> list[str]:
    """Write the site (removing files it no longer has) and expected.json; returns changed paths."""
    site = site or server.site_dir()
    expected_path = expected_path or EXPECTED_JSON
    changed = []
    files = render_site()
    for rel, data in files.items():
        path = site / rel
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed.append(rel)
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.relative_to(site).as_posix() not in files:
            path.unlink()
            changed.append(path.relative_to(site).as_posix())
    manifest = json.dumps(expected_manifest(), ensure_ascii=False, indent=1) + "\n"
    if not expected_path.exists() or expected_path.read_text(encoding="utf-8") != manifest:
        expected_path.write_text(manifest, encoding="utf-8")
        changed.append(expected_path.name)
    return changed


if __name__ == "__main__":
    for rel in write():
        print("wrote", rel)
    sys.exit(0)
