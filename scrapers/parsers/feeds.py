"""RSS 2.0 and Atom feeds to ``FeedEntry`` values, via feedparser, after the safe-XML gate.

feedparser is lenient and would read a broken or hostile document; it only ever sees bodies that
``safexml.parse_xml`` accepted. Repeated guids are reported, and only the first item is kept.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser

from scrapers.parsers.faults import ParseFault
from scrapers.parsers.safexml import parse_xml
from scrapers.parsers.text import absolute_url, primary_language, squash

PARSER_VERSION = "1"


@dataclass
class FeedEntry:
    guid: str | None
    link: str | None
    title: str | None
    summary: str | None = None
    content: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lang: str | None = None
    media: list[str] = field(default_factory=list)

    @property
    def key(self) -> str | None:
        """What identifies the item within its feed: the guid, else the link."""
        return self.guid or self.link


@dataclass
class Feed:
    url: str
    title: str | None
    lang: str | None
    entries: list[FeedEntry]
    duplicates: list[FeedEntry] = field(default_factory=list)


def html_to_text(fragment: str | None) -> str | None:
    """Plain text of an HTML fragment (CDATA descriptions, content:encoded), paragraphs kept apart."""
    if not fragment:
        return None
    if "<" not in fragment:
        return squash(fragment) or None
    # imported on first use: a crawl whose feeds are all unchanged never needs it
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, "lxml")
    blocks = [squash(p.get_text(" ")) for p in soup.find_all(["p", "li", "h2", "h3", "blockquote"])]
    blocks = [b for b in blocks if b]
    text = "\n\n".join(blocks) if blocks else squash(soup.get_text(" "))
    return text or None


def _struct_to_utc(value) -> datetime | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _authors(entry) -> list[str]:
    names = [squash(a.get("name")) for a in entry.get("authors", []) if a.get("name")]
    if not names and entry.get("author"):
        names = [squash(entry["author"])]
    out: list[str] = []
    for name in names:
        for part in (p.strip() for p in name.split(",")):
            if part and part not in out:
                out.append(part)
    return out


def _media(entry) -> list[str]:
    urls = [m.get("url") for m in entry.get("media_content", []) if m.get("url")]
    urls += [e.get("href") for e in entry.get("enclosures", []) if e.get("href")]
    return list(dict.fromkeys(urls))


def parse_feed(body: bytes, url: str) -> Feed:
    """Entries of an RSS/Atom body in feed order; ``ParseFault`` for hostile, malformed or empty feeds."""
    root = parse_xml(body)
    parsed = feedparser.parse(body)
    meta = parsed.get("feed", {})
    feed_lang = primary_language(meta.get("language") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    entries: list[FeedEntry] = []
    duplicates: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.get("entries", []):
        link = raw.get("link")
        link = absolute_url(url, link)
        content = raw.get("content")
        published = _struct_to_utc(raw.get("published_parsed"))
        updated = _struct_to_utc(dict.get(raw, "updated_parsed"))
        entry = FeedEntry(
            guid=squash(raw.get("id")) or None,
            link=link,
            title=squash(raw.get("title")) or None,
            summary=html_to_text(raw.get("summary")),
            content=html_to_text(content[0].get("value")) if content else None,
            published=published,
            updated=updated if updated != published else None,
            authors=_authors(raw),
            tags=[squash(t.get("term")) for t in raw.get("tags", []) if t.get("term")],
            lang=primary_language(raw.get("language")) or feed_lang,
            media=_media(raw),
        )
        key = entry.key
        if key is None:
            continue
        if key in seen:
            duplicates.append(entry)
            continue
        seen.add(key)
        entries.append(entry)
    if not entries:
        raise ParseFault("empty_feed", "the feed is well-formed but has no items")
    return Feed(url=url, title=squash(meta.get("title")) or None, lang=feed_lang, entries=entries,
                duplicates=duplicates)
