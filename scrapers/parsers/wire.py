"""Wire agency XML: IPTC NewsML-G2 ``newsItem`` and NewsML 1.2 ``NewsML/NewsItem`` with NITF bodies.

A wire URL can hold items (one or many) or be an index (Atom, RSS, sitemap or any XML listing) that
links to item files; ``read_wire`` tells which. The story key is the item's guid without its
revision, so a revision, or the same item fetched from the HTTP index and from the drop folder,
maps to the same story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from scrapers.parsers.faults import ParseFault
from scrapers.parsers.safexml import child, children, descendants, local_name, parse_xml, text_of
from scrapers.parsers.text import absolute_url, paragraphs_to_body, primary_language, squash, to_utc

PARSER_VERSION = "1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ALERT_WORDS = re.compile(r"\b(flash|alert|alerte|urgent)\b", re.IGNORECASE)
_NEWSML_URN = re.compile(r"^urn:newsml:[^:]+:[^:]+:[^:]+:(\d+)$", re.IGNORECASE)


@dataclass
class WireItem:
    """``guid`` is the item's id without revision (NewsML 1.2 public identifiers lose their ``:N``)."""

    guid: str
    story_key: str
    revision: int
    title: str | None
    body: str
    summary: str | None = None
    lang: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    urgency: int | None = None
    is_alert: bool = False
    wire_format: str = ""


@dataclass
class IndexEntry:
    url: str
    guid: str | None = None
    updated: datetime | None = None


@dataclass
class WireDocument:
    """Either items or links to item files (an index), never both."""

    url: str
    items: list[WireItem] = field(default_factory=list)
    links: list[IndexEntry] = field(default_factory=list)


def story_key_of(guid: str, revision: int) -> str:
    """The guid without a trailing ``:<revision>`` (NewsML 1.2 public identifiers carry it)."""
    match = _NEWSML_URN.match(guid)
    if match and int(match.group(1)) == revision:
        return guid[: match.start(1) - 1]
    return guid


def read_wire(body: bytes, url: str) -> WireDocument:
    """Items or index links of a wire body; ``ParseFault`` for hostile, malformed or empty documents."""
    root = parse_xml(body)
    item_nodes = _g2_items(root)
    items = [_parse_g2(n) for n in item_nodes]
    items += [_parse_newsml12(n) for n in _newsml12_items(root)]
    if items:
        return WireDocument(url=url, items=items)
    if local_name(root) in {"newsItem", "newsMessage", "NewsML"}:
        raise ParseFault("empty_feed", f"<{local_name(root)}> holds no news item")
    links = parse_wire_index(root, url)
    if not links:
        raise ParseFault("empty_feed", "the wire index links to no item")
    return WireDocument(url=url, links=links)


# ------------------------------------------------------------------ NewsML-G2


def _g2_items(root: etree._Element) -> list[etree._Element]:
    if local_name(root) == "newsItem":
        return [root]
    if local_name(root) == "newsMessage":
        return descendants(root, "newsItem")
    return []


def _int(text: str | None) -> int | None:
    try:
        return int(text.strip()) if text else None
    except ValueError:
        return None


def _parse_g2(item: etree._Element) -> WireItem:
    guid = squash(item.get("guid"))
    if not guid:
        raise ParseFault("malformed_xml", "NewsML-G2 newsItem without a guid")
    meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    revision = _int(item.get("version")) or _int(text_of(child(meta, "version"))) or 1
    language = child(content_meta, "language")
    lang = primary_language(item.get(XML_LANG) or (language.get("tag") if language is not None else None))
    urgency = _int(text_of(child(content_meta, "urgency")))
    genres = [g.get("qcode", "") + " " + (text_of(g) or "") for g in children(content_meta, "genre")] if content_meta is not None else []
    signals = [s.get("qcode", "") for s in children(meta, "signal")] if meta is not None else []
    headline = text_of(child(content_meta, "headline"))
    paragraphs, nitf_title, nitf_authors = _content_set(child(item, "contentSet"))
    authors = []
    if content_meta is not None:
        authors = [text_of(child(c, "name")) or c.get("literal") for c in children(content_meta, "creator")]
        authors += [text_of(b) for b in children(content_meta, "by")]
    subjects = [text_of(child(s, "name")) for s in children(content_meta, "subject")] if content_meta is not None else []
    keywords = [text_of(k) for k in children(content_meta, "keyword")] if content_meta is not None else []
    description = text_of(child(content_meta, "description"))
    title = headline or nitf_title
    return WireItem(
        guid=story_key_of(guid, revision),
        story_key=story_key_of(guid, revision),
        revision=revision,
        title=title,
        body=paragraphs_to_body(paragraphs),
        summary=description,
        lang=lang,
        published=to_utc(text_of(child(meta, "firstCreated")) or text_of(child(content_meta, "contentCreated"))),
        updated=to_utc(text_of(child(meta, "versionCreated"))),
        authors=[a for a in authors if a] or nitf_authors,
        section=text_of(child(content_meta, "slugline")),
        tags=[t for t in subjects + keywords if t],
        urgency=urgency,
        is_alert=urgency == 1 or any(_ALERT_WORDS.search(g) for g in genres + signals),
        wire_format="newsml-g2",
    )


def _content_set(content_set: etree._Element | None) -> tuple[list[str], str | None, list[str]]:
    """Paragraphs, NITF headline and NITF bylines of the first usable rendition."""
    if content_set is None:
        return [], None, []
    for rendition in content_set:
        name = local_name(rendition)
        if name == "inlineXML":
            nitf = next(iter(descendants(rendition, "nitf")), None)
            if nitf is not None:
                return _nitf(nitf)
            return [text_of(p) or "" for p in descendants(rendition, "p")], None, []
        if name == "inlineData":
            text = "".join(rendition.itertext())
            return [p for p in re.split(r"\n\s*\n", text)], None, []
    return [], None, []


def _nitf(nitf: etree._Element) -> tuple[list[str], str | None, list[str]]:
    content = next(iter(descendants(nitf, "body.content")), None)
    paragraphs = [text_of(p) or "" for p in descendants(content, "p")] if content is not None else []
    if content is not None and not any(paragraphs):
        paragraphs = [text_of(content) or ""]
    hedline = next(iter(descendants(nitf, "hl1")), None)
    title = text_of(hedline) or text_of(child(nitf, "head", "title"))
    bylines = []
    for byline in descendants(nitf, "byline"):
        person = next(iter(descendants(byline, "person")), None)
        name = text_of(person) or text_of(byline)
        if name:
            bylines.append(re.sub(r"^(by|par)\s+", "", name, flags=re.IGNORECASE))
    return paragraphs, title, bylines


# ------------------------------------------------------------------ NewsML 1.2


def _newsml12_items(root: etree._Element) -> list[etree._Element]:
    if local_name(root) == "NewsItem":
        return [root]
    if local_name(root) == "NewsML":
        return descendants(root, "NewsItem")
    return []


def _formal(node: etree._Element | None) -> str | None:
    return squash(node.get("FormalName")) or None if node is not None else None


def _parse_newsml12(item: etree._Element) -> WireItem:
    ident = child(item, "Identification", "NewsIdentifier")
    if ident is None:
        raise ParseFault("malformed_xml", "NewsML 1.2 NewsItem without Identification/NewsIdentifier")
    revision = _int(text_of(child(ident, "RevisionId"))) or 1
    public = text_of(child(ident, "PublicIdentifier"))
    provider, date_id, item_id = (text_of(child(ident, n)) for n in ("ProviderId", "DateId", "NewsItemId"))
    if public:
        story_key = story_key_of(public, revision)
    elif item_id:
        story_key = f"urn:newsml:{provider}:{date_id}:{item_id}"
    else:
        raise ParseFault("malformed_xml", "NewsML 1.2 NewsItem without PublicIdentifier or NewsItemId")
    management = child(item, "NewsManagement")
    urgency = _int(_formal(child(management, "Urgency")))
    item_type = _formal(child(management, "NewsItemType")) or ""
    component = child(item, "NewsComponent")
    lines = next(iter(descendants(item, "NewsLines")), None)
    nitf = next(iter(descendants(item, "nitf")), None)
    paragraphs, nitf_title, nitf_authors = _nitf(nitf) if nitf is not None else ([], None, [])
    if nitf is None:
        paragraphs = [text_of(d) or "" for d in descendants(item, "DataContent")]
    language = next(iter(descendants(item, "Language")), None)
    byline = text_of(child(lines, "ByLine"))
    keywords = [p.get("Value") for p in descendants(item, "Property") if p.get("FormalName") == "Keyword"]
    return WireItem(
        guid=story_key,
        story_key=story_key,
        revision=revision,
        title=text_of(child(lines, "HeadLine")) or nitf_title,
        body=paragraphs_to_body(paragraphs),
        summary=text_of(child(lines, "SubHeadLine")),
        lang=primary_language(_formal(language) or item.get(XML_LANG)
                              or (component.get(XML_LANG) if component is not None else None)),
        published=to_utc(text_of(child(management, "FirstCreated"))),
        updated=to_utc(text_of(child(management, "ThisRevisionCreated"))),
        authors=[re.sub(r"^(by|par)\s+", "", byline, flags=re.IGNORECASE)] if byline else nitf_authors,
        section=text_of(child(lines, "SlugLine")),
        tags=[k for k in keywords if k],
        urgency=urgency,
        is_alert=urgency == 1 or bool(_ALERT_WORDS.search(item_type)),
        wire_format="newsml-1.2",
    )


# ------------------------------------------------------------------ indexes


def parse_wire_index(root: etree._Element, url: str) -> list[IndexEntry]:
    """Links to item files from an Atom feed, an RSS feed, a sitemap or a plain XML listing, in order."""
    entries: list[IndexEntry] = []
    name = local_name(root)
    if name == "feed":
        for entry in children(root, "entry"):
            links = children(entry, "link")
            preferred = [link for link in links if link.get("rel") in (None, "alternate", "enclosure")] or links
            if preferred and (target := absolute_url(url, preferred[0].get("href"))):
                entries.append(IndexEntry(url=target,
                                          guid=text_of(child(entry, "id")),
                                          updated=to_utc(text_of(child(entry, "updated")))))
    elif name == "rss":
        for item in descendants(root, "item"):
            enclosure = child(item, "enclosure")
            link = text_of(child(item, "link")) or (enclosure.get("url") if enclosure is not None else None)
            if target := absolute_url(url, link):
                entries.append(IndexEntry(url=target, guid=text_of(child(item, "guid")),
                                          updated=to_utc(text_of(child(item, "pubDate")))))
    elif name == "urlset":
        for node in children(root, "url"):
            loc = text_of(child(node, "loc"))
            if target := absolute_url(url, loc):
                entries.append(IndexEntry(url=target, updated=to_utc(text_of(child(node, "lastmod")))))
    else:
        for node in root.iter():
            href = node.get("href") or node.get("url") or node.get("src")
            if target := absolute_url(url, href):
                entries.append(IndexEntry(url=target, guid=node.get("guid") or node.get("id")))
    unique: dict[str, IndexEntry] = {}
    for entry in entries:
        unique.setdefault(entry.url, entry)
    return list(unique.values())
