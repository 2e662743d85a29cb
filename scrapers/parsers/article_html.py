"""Article pages to fields: JSON-LD ``NewsArticle`` first, then OpenGraph/meta tags, then the DOM.

One BeautifulSoup/lxml parse per page. The generic parser works on any reasonably built news page;
an outlet whose pages need it gets a subclass that only sets the selector constants (see
``parsers/outlets``), and ``Source.parser`` names it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from scrapers.parsers.decoding import decode_html
from scrapers.parsers.faults import ParseFault
from scrapers.parsers.text import absolute_url, paragraphs_to_body, primary_language, squash, to_utc

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BackgroundNewsArticle",
                 "OpinionNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting", "Report"}
BOILERPLATE = re.compile(
    r"(^|[-_ ])(share|sharing|social|related|newsletter|subscribe|cookie|comments?|promo|advert|ads?|"
    r"breadcrumbs?|footer|nav|navigation|menu|sidebar|popular|most-read|read-more|also|paywall|banner|"
    r"credits?|byline|caption)($|[-_ ])",
    re.IGNORECASE)
_END_OF_DOCUMENT = re.compile(r"</(html|body)\s*>", re.IGNORECASE)
# A block whose class/id also names the article itself ("content-with-sidebar", "entry-content-read-more",
# "l-article-body-segment") holds the text, whatever boilerplate word its name contains.
ARTICLE_MARKER = re.compile(r"(^|[-_ ])(article|body|content|entry|main|post|story|text)", re.IGNORECASE)
# Readers' comments are often marked up as <article>s of their own, ahead of the story's.
_COMMENT = re.compile(r"comment", re.IGNORECASE)
PAGE_ELEMENTS = {"html", "body", "[document]"}
# Below this many characters the chosen container most likely held a teaser, not the article.
SHORT_BODY = 500
# Elements that end a run of text; everything else (a, b, span, font...) continues it.
BLOCK_ELEMENTS = {"address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figure", "h1", "h2", "h3",
                  "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr",
                  "ul"}


@dataclass
class PageArticle:
    url: str
    title: str | None
    body: str
    summary: str | None = None
    lang: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    encoding: str | None = None
    parser: str = ""


class GenericArticleParser:
    """Heuristic article parser; subclasses override the selector constants, nothing else."""

    VERSION = "1"
    TITLE_SELECTOR: str | None = None
    BODY_SELECTOR: str | None = None
    PARAGRAPH_SELECTOR = "p"
    DATE_SELECTOR: str | None = None
    AUTHOR_SELECTOR: str | None = None
    DROP_SELECTOR = "nav, header, footer, aside, form, script, style, noscript, iframe, button, figcaption"

    @classmethod
    def name(cls) -> str:
        return f"{cls.__name__}/{cls.VERSION}"

    def parse(self, body: bytes, url: str, content_type: str | None = None) -> PageArticle:
        """Fields of one page; ``ParseFault`` for undecodable or truncated pages."""
        text, encoding = decode_html(body, content_type)
        if not _END_OF_DOCUMENT.search(text[-2048:]):
            raise ParseFault("truncated", "the HTML stops before </body></html>")
        soup = BeautifulSoup(text, "lxml")
        ld = _json_ld_article(soup)
        meta = _meta_tags(soup)
        head_lang = soup.html.get("lang") if soup.html else None
        canonical = _canonical(soup, meta, ld, url)
        article = PageArticle(
            url=url,
            title=self.title(soup, ld, meta),
            body="",
            summary=squash(_first(ld.get("description"), meta.get("og:description"), meta.get("description"))) or None,
            lang=primary_language(_first(_ld_text(ld.get("inLanguage")), head_lang, meta.get("og:locale"),
                                         meta.get("content-language"))),
            published=self.published(soup, ld, meta),
            updated=to_utc(_first(ld.get("dateModified"), meta.get("article:modified_time"),
                                  meta.get("og:updated_time"))),
            authors=self.authors(soup, ld, meta),
            canonical_url=canonical,
            section=squash(_first(_ld_text(ld.get("articleSection")), meta.get("article:section"))) or None,
            tags=_tags(ld, meta),
            encoding=encoding,
            parser=self.name(),
        )
        article.body = self.body(soup, ld)
        return article

    # --- one method per field, so an outlet parser can replace a single one when selectors are not enough

    def title(self, soup: BeautifulSoup, ld: dict, meta: dict) -> str | None:
        if self.TITLE_SELECTOR:
            node = soup.select_one(self.TITLE_SELECTOR)
            if node:
                return squash(node.get_text(" "))
        h1 = soup.select_one("article h1") or soup.find("h1")
        found = _first(_ld_text(ld.get("headline")), meta.get("og:title"), h1.get_text(" ") if h1 else None)
        if not found and soup.title and soup.title.string:
            found = re.split(r"\s[|–—]\s", soup.title.string)[0]
        return squash(found) or None

    def published(self, soup: BeautifulSoup, ld: dict, meta: dict) -> datetime | None:
        if self.DATE_SELECTOR:
            node = soup.select_one(self.DATE_SELECTOR)
            if node:
                return to_utc(node.get("datetime") or node.get("content") or node.get_text(" "))
        time_tag = soup.select_one("article time[datetime], time[itemprop=datePublished], time[datetime]")
        return to_utc(_first(ld.get("datePublished"), meta.get("article:published_time"), meta.get("date"),
                             meta.get("dc.date.issued"), meta.get("pubdate"),
                             time_tag.get("datetime") if time_tag else None))

    def authors(self, soup: BeautifulSoup, ld: dict, meta: dict) -> list[str]:
        names: list[str] = []
        if self.AUTHOR_SELECTOR:
            names = [n.get_text(" ") for n in soup.select(self.AUTHOR_SELECTOR)]
        if not names:
            names = _ld_names(ld.get("author"))
        if not names:
            names = [v for v in meta.get_all("author") + meta.get_all("article:author") if not v.startswith("http")]
        if not names:
            names = [n.get_text(" ") for n in soup.select("[itemprop=author], [rel=author], .byline .author")]
        out: list[str] = []
        for name in names:
            name = re.sub(r"^(by|par)\s+", "", squash(name), flags=re.IGNORECASE)
            if name and name not in out:
                out.append(name)
        return out

    def body(self, soup: BeautifulSoup, ld: dict) -> str:
        """Paragraphs of the marked-up article container, else JSON-LD ``articleBody``, else the
        element holding the most paragraph text (boilerplate blocks never count)."""
        body = self._paragraphs(self._container(soup))
        if not body:
            body = paragraphs_to_body(re.split(r"\n\s*\n", _ld_text(ld.get("articleBody")) or ""))
        if not body and not self.BODY_SELECTOR:
            body = self._paragraphs(_densest_paragraph_parent(soup))
        if len(body) < SHORT_BODY and not self.BODY_SELECTOR:
            blocks = _densest_text_blocks(soup, self.DROP_SELECTOR)
            if len(blocks) >= (SHORT_BODY if body else SHORT_BODY // 4) and len(blocks) > 2 * len(body):
                body = blocks
        return body

    def _paragraphs(self, container: Tag | None) -> str:
        if container is None:
            return ""
        for node in container.select(self.DROP_SELECTOR):
            node.decompose()
        return paragraphs_to_body([node.get_text(" ") for node in container.select(self.PARAGRAPH_SELECTOR)
                                   if not _inside_boilerplate(node, container)])

    def _container(self, soup: BeautifulSoup) -> Tag | None:
        if self.BODY_SELECTOR:
            return soup.select_one(self.BODY_SELECTOR)
        for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
            for node in soup.select(selector):
                if not _COMMENT.search(" ".join(node.get("class") or []) + " " + (node.get("id") or "")):
                    break
            else:
                continue
            if node.find("p"):
                return node
        return None


class MetaTags(dict):
    """First value of each meta name/property (lower-cased keys), plus all values on demand."""

    def __init__(self) -> None:
        super().__init__()
        self.multi: dict[str, list[str]] = {}

    def add(self, key: str, value: str) -> None:
        self.setdefault(key, value)
        self.multi.setdefault(key, []).append(value)

    def get_all(self, key: str) -> list[str]:
        return self.multi.get(key, [])


def _meta_tags(soup: BeautifulSoup) -> MetaTags:
    tags = MetaTags()
    for node in soup.find_all("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv")
        value = node.get("content")
        if key and value and value.strip():
            tags.add(key.strip().lower(), value.strip())
    return tags


def _json_ld_article(soup: BeautifulSoup) -> dict[str, Any]:
    """The first JSON-LD object typed as an article; blocks that are not JSON are skipped."""
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.IGNORECASE)):
        raw = script.string or script.get_text()
        raw = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", raw or "")
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        for obj in _walk_ld(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in ARTICLE_TYPES for t in types if isinstance(t, str)):
                return obj
    return {}


def _walk_ld(data: Any):
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_ld(data["@graph"])


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("@id")
    return value if isinstance(value, str) else None


def _ld_names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip():
            names.append(name)
    return names


def _first(*values: str | None) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value
    return None


def _canonical(soup: BeautifulSoup, meta: MetaTags, ld: dict, url: str) -> str | None:
    link = soup.find("link", rel=lambda r: r and "canonical" in (r if isinstance(r, list) else [r]))
    main_entity = ld.get("mainEntityOfPage")
    found = _first(link.get("href") if link else None, meta.get("og:url"), _ld_text(ld.get("url")),
                   main_entity.get("@id") if isinstance(main_entity, dict) else _ld_text(main_entity))
    return absolute_url(url, found)


def _tags(ld: dict, meta: MetaTags) -> list[str]:
    keywords = ld.get("keywords")
    if isinstance(keywords, str):
        values = keywords.split(",")
    elif isinstance(keywords, list):
        values = [k for k in keywords if isinstance(k, str)]
    else:
        values = meta.get_all("article:tag") or (meta.get("keywords") or "").split(",")
    return list(dict.fromkeys(t for t in (squash(v) for v in values) if t))


def _inside_boilerplate(node: Tag, container: Tag | None) -> bool:
    """Inside a block named like boilerplate, below ``container``; ``<body>``/``<html>`` classes describe the
    whole page ("one-sidebar", "has-ads") and never count."""
    for parent in [node, *node.parents]:
        if parent is container or parent is None or parent.name in PAGE_ELEMENTS:
            return False
        marker = " ".join(parent.get("class") or []) + " " + (parent.get("id") or "")
        if marker.strip() and BOILERPLATE.search(marker) and not ARTICLE_MARKER.search(marker):
            return True
    return False


def _densest_paragraph_parent(soup: BeautifulSoup) -> Tag | None:
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None or _inside_boilerplate(p, None):
            continue
        length = len(p.get_text())
        score, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (score + length, parent)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[0])[1]


def _densest_text_blocks(soup: BeautifulSoup, drop_selector: str) -> str:
    """Text blocks of the element holding the most paragraph-like text: ``<p>``s and ``div[class*=paragraph]``
    count for their parent, text between ``<br>``s for the element it sits in. Pages whose article is
    written as ``<br>``-separated text in ``<div>``s, or in paragraph ``<div>``s, have no usable ``<p>``."""
    dropped = {id(node) for node in soup.select(drop_selector)}
    scores: dict[int, list] = {}

    def credit(node: Tag, length: int) -> None:
        entry = scores.setdefault(id(node), [0, node])
        entry[0] += length

    for p in soup.find_all("p"):
        if p.parent is not None and not _inside_boilerplate(p, None):
            credit(p.parent, len(p.get_text()))
    for div in soup.find_all("div", class_=re.compile("paragraph", re.IGNORECASE)):
        if div.parent is not None and not _inside_boilerplate(div, None):
            credit(div.parent, len(div.get_text()))
    seen: set[int] = set()
    for br in soup.find_all("br"):
        parent = br.parent
        if parent is None or id(parent) in seen or parent.name in PAGE_ELEMENTS:
            continue
        seen.add(id(parent))
        if _inside_boilerplate(parent, None):
            continue
        length = sum(len(child) if isinstance(child, str) else len(child.get_text())
                     for child in parent.children
                     if isinstance(child, str) or (isinstance(child, Tag) and child.name not in BLOCK_ELEMENTS))
        credit(parent, length)
    if not scores:
        return ""
    container = max(scores.values(), key=lambda pair: pair[0])[1]
    blocks: list[str] = []
    _text_blocks(container, blocks, [], dropped)
    return paragraphs_to_body(blocks)


def _text_blocks(node: Tag, blocks: list[str], run: list[str], dropped: set[int], depth: int = 0) -> None:
    """Append the runs of text of ``node`` to ``blocks``, a new block at every block element."""
    for child in node.children:
        if isinstance(child, Tag):
            if id(child) in dropped or child.name in ("script", "style", "noscript", "template"):
                continue
            marker = " ".join(child.get("class") or []) + " " + (child.get("id") or "")
            if marker.strip() and BOILERPLATE.search(marker) and not ARTICLE_MARKER.search(marker):
                continue
            if child.name in BLOCK_ELEMENTS:
                _flush(blocks, run)
                if depth < 200:
                    _text_blocks(child, blocks, run, dropped, depth + 1)
                _flush(blocks, run)
            elif depth < 200:
                _text_blocks(child, blocks, run, dropped, depth + 1)
        elif type(child) is NavigableString:
            run.append(str(child))


def _flush(blocks: list[str], run: list[str]) -> None:
    if run:
        blocks.append(" ".join(run))
        run.clear()
