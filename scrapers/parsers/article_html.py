"""Article pages to fields: JSON-LD ``NewsArticle`` first, then OpenGraph/meta tags, then the DOM.

One lxml parse per page. The generic parser works on any reasonably built news page;
an outlet whose pages need it gets a subclass that only sets the selector constants (see
``parsers/outlets``), and ``Source.parser`` names it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector

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
PAGE_ELEMENTS = {"html", "body"}
_LD_JSON = re.compile(r"ld\+json", re.IGNORECASE)
_PARAGRAPH_CLASS = re.compile("paragraph", re.IGNORECASE)
_NO_TEXT = {"script", "style", "noscript", "template", "rt", "rp"}
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
    PARAGRAPH_SELECTOR = "p, h2, h3, h4, li"
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
        root = _parse_tree(text)
        ld = _json_ld_article(root)
        meta = _meta_tags(root)
        head_lang = root.get("lang") if root.tag == "html" else None
        canonical = _canonical(root, meta, ld, url)
        article = PageArticle(
            url=url,
            title=self.title(root, ld, meta),
            body="",
            summary=squash(_first(ld.get("description"), meta.get("og:description"), meta.get("description"))) or None,
            lang=primary_language(_first(_ld_text(ld.get("inLanguage")), head_lang, meta.get("og:locale"),
                                         meta.get("content-language"))),
            published=self.published(root, ld, meta),
            updated=to_utc(_first(ld.get("dateModified"), meta.get("article:modified_time"),
                                  meta.get("og:updated_time"))),
            authors=self.authors(root, ld, meta),
            canonical_url=canonical,
            section=squash(_first(_ld_text(ld.get("articleSection")), meta.get("article:section"))) or None,
            tags=_tags(ld, meta),
            encoding=encoding,
            parser=self.name(),
        )
        article.body = self.body(root, ld)
        return article

    # --- one method per field, so an outlet parser can replace a single one when selectors are not enough.
    # ``root`` is the page's lxml ``<html>`` element.

    def title(self, root: HtmlNode, ld: dict, meta: dict) -> str | None:
        if self.TITLE_SELECTOR:
            node = _select_one(root, self.TITLE_SELECTOR)
            if node is not None:
                return squash(_text(node, " "))
        h1 = _select_one(root, "article h1")
        if h1 is None:
            h1 = _select_one(root, "h1")
        found = _first(_ld_text(ld.get("headline")), meta.get("og:title"), _text(h1, " ") if h1 is not None else None)
        if not found:
            title = _select_one(root, "title")
            string = _only_string(title) if title is not None else None
            if string:
                found = re.split(r"\s[|–—]\s", string)[0]
        return squash(found) or None

    def published(self, root: HtmlNode, ld: dict, meta: dict) -> datetime | None:
        if self.DATE_SELECTOR:
            node = _select_one(root, self.DATE_SELECTOR)
            if node is not None:
                return to_utc(node.get("datetime") or node.get("content") or _text(node, " "))
        time_tag = _select_one(root, "article time[datetime], time[itemprop=datePublished], time[datetime]")
        return to_utc(_first(ld.get("datePublished"), meta.get("article:published_time"), meta.get("date"),
                             meta.get("dc.date.issued"), meta.get("pubdate"),
                             time_tag.get("datetime") if time_tag is not None else None))

    def authors(self, root: HtmlNode, ld: dict, meta: dict) -> list[str]:
        names: list[str] = []
        if self.AUTHOR_SELECTOR:
            names = [_text(n, " ") for n in _select(root, self.AUTHOR_SELECTOR)]
        if not names:
            names = _ld_names(ld.get("author"))
        if not names:
            names = [v for v in meta.get_all("author") + meta.get_all("article:author") if not v.startswith("http")]
        if not names:
            names = [_text(n, " ") for n in _select(root, "[itemprop=author], [rel=author], .byline .author")]
        out: list[str] = []
        for name in names:
            name = re.sub(r"^(by|par)\s+", "", squash(name), flags=re.IGNORECASE)
            if name and name not in out:
                out.append(name)
        return out

    def body(self, root: HtmlNode, ld: dict) -> str:
        """Paragraphs of the marked-up article container, else JSON-LD ``articleBody``, else the
        element holding the most paragraph text (boilerplate blocks never count). The text blocks of the
        densest text element replace it when more than twice as long (the container held a teaser or a
        fraction of the article), or when it is under ``SHORT_BODY`` characters and they reach that length."""
        body = self._paragraphs(self._container(root))
        if not body:
            body = paragraphs_to_body(re.split(r"\n\s*\n", _ld_text(ld.get("articleBody")) or ""))
        if not body and not self.BODY_SELECTOR:
            body = self._paragraphs(_densest_paragraph_parent(root))
        if not self.BODY_SELECTOR:
            blocks = _densest_text_blocks(root, self.DROP_SELECTOR)
            if len(body) < SHORT_BODY:
                if len(blocks) >= (SHORT_BODY if body else SHORT_BODY // 4) and len(blocks) > 2 * len(body):
                    body = blocks
            elif len(blocks) > 2 * len(body):
                body = blocks
        return body

    def _paragraphs(self, container: HtmlNode | None) -> str:
        if container is None:
            return ""
        for node in _select(container, self.DROP_SELECTOR):
            _drop(node)
        return paragraphs_to_body([_text(node, " ") for node in _select(container, self.PARAGRAPH_SELECTOR)
                                   if _is_article_block(node) and not _inside_boilerplate(node, container)])

    def _container(self, root: HtmlNode) -> HtmlNode | None:
        if self.BODY_SELECTOR:
            return _select_one(root, self.BODY_SELECTOR)
        for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
            for node in _select(root, selector):
                if not _COMMENT.search(_marker(node)):
                    break
            else:
                continue
            if _has_descendant(node, "p"):
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


def _meta_tags(root: HtmlNode) -> MetaTags:
    tags = MetaTags()
    for node in root.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv")
        value = node.get("content")
        if key and value and value.strip():
            tags.add(key.strip().lower(), value.strip())
    return tags


def _json_ld_article(root: HtmlNode) -> dict[str, Any]:
    """The first JSON-LD object typed as an article; blocks that are not JSON are skipped."""
    for script in root.iter("script"):
        if not _LD_JSON.search(script.get("type") or ""):
            continue
        raw = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", script.text or "")
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


def _canonical(root: HtmlNode, meta: MetaTags, ld: dict, url: str) -> str | None:
    link = next((node for node in root.iter("link") if "canonical" in (node.get("rel") or "").split()), None)
    main_entity = ld.get("mainEntityOfPage")
    found = _first(link.get("href") if link is not None else None, meta.get("og:url"), _ld_text(ld.get("url")),
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


def _inside_boilerplate(node: HtmlNode, container: HtmlNode | None) -> bool:
    """Inside a block named like boilerplate, below ``container``; ``<body>``/``<html>`` classes describe the
    whole page ("one-sidebar", "has-ads") and never count."""
    parent = node
    while parent is not None:
        if parent is container or parent.tag in PAGE_ELEMENTS:
            return False
        marker = _marker(parent)
        if marker.strip() and BOILERPLATE.search(marker) and not ARTICLE_MARKER.search(marker):
            return True
        parent = parent.getparent()
    return False


def _is_article_block(node: HtmlNode) -> bool:
    """Whether a paragraph-like element is article text: a list item only when it holds no ``<p>`` (those
    count on their own), no image (gallery captions) and is not mostly a link (share buttons, related
    stories); a heading only when text follows it (a section title, not a teaser's)."""
    if node.tag == "li":
        if _has_descendant(node, "p") or _has_descendant(node, "img"):
            return False
        text = squash(_text(node))
        links = sum(len(squash(_text(a))) for a in node.iter("a"))
        return not text or links < 0.8 * len(text)
    if node.tag in ("h2", "h3", "h4"):
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        return following is not None and following.tag in ("p", "ul", "ol")
    return True


def _densest_paragraph_parent(root: HtmlNode) -> HtmlNode | None:
    scores: dict[HtmlNode, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is None or _inside_boilerplate(p, None):
            continue
        scores[parent] = scores.get(parent, 0) + len(_text(p))
    if not scores:
        return None
    return max(scores.items(), key=lambda pair: pair[1])[0]


def _densest_text_blocks(root: HtmlNode, drop_selector: str) -> str:
    """Text blocks of the element holding the most paragraph-like text: ``<p>``s and ``div[class*=paragraph]``
    count for their parent, text between ``<br>``s for the element it sits in. Pages whose article is
    written as ``<br>``-separated text in ``<div>``s, or in paragraph ``<div>``s, have no usable ``<p>``."""
    scores: dict[HtmlNode, int] = {}
    memo: dict[HtmlNode, bool] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None and not _in_boilerplate_block(p, memo):
            scores[parent] = scores.get(parent, 0) + len(_text(p))
    for div in root.iter("div"):
        parent = div.getparent()
        if (parent is not None and _PARAGRAPH_CLASS.search(div.get("class") or "")
                and not _in_boilerplate_block(div, memo)):
            scores[parent] = scores.get(parent, 0) + len(_text(div))
    seen: set[HtmlNode] = set()
    for br in root.iter("br"):
        parent = br.getparent()
        if parent is None or parent in seen or parent.tag in PAGE_ELEMENTS:
            continue
        seen.add(parent)
        if _in_boilerplate_block(parent, memo):
            continue
        length = len(parent.text or "")
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in BLOCK_ELEMENTS:
                length += len(_text(child))
            length += len(child.tail or "")
        scores[parent] = scores.get(parent, 0) + length
    if not scores:
        return ""
    container = max(scores.items(), key=lambda pair: pair[1])[0]
    blocks: list[str] = []
    _text_blocks(container, blocks, [], set(_select(container, drop_selector)))
    return paragraphs_to_body(blocks)


def _in_boilerplate_block(node: HtmlNode, memo: dict[HtmlNode, bool]) -> bool:
    """``_inside_boilerplate(node, None)``, remembering the verdict of every element on the way up."""
    chain: list[HtmlNode] = []
    verdict = False
    while node is not None:
        if node in memo:
            verdict = memo[node]
            break
        if node.tag in PAGE_ELEMENTS:
            break
        if _boilerplate_marker(_marker(node)):
            verdict = True
            break
        chain.append(node)
        node = node.getparent()
    for seen in chain:
        memo[seen] = verdict
    return verdict


def _text_blocks(node: HtmlNode, blocks: list[str], run: list[str], dropped: set, depth: int = 0) -> None:
    """Append the runs of text of ``node`` to ``blocks``, a new block at every block element."""
    if node.text and isinstance(node.tag, str):
        run.append(node.text)
    for child in node:
        if (isinstance(child.tag, str) and child not in dropped and child.tag not in _NO_TEXT
                and not _boilerplate_marker(_marker(child))):
            if child.tag in BLOCK_ELEMENTS:
                _flush(blocks, run)
                if depth < 200:
                    _text_blocks(child, blocks, run, dropped, depth + 1)
                _flush(blocks, run)
            elif depth < 200:
                _text_blocks(child, blocks, run, dropped, depth + 1)
        if child.tail:
            run.append(child.tail)


def _flush(blocks: list[str], run: list[str]) -> None:
    if run:
        blocks.append(" ".join(run))
        run.clear()


# --- lxml tree access, with the semantics BeautifulSoup gave this parser before

HtmlNode = etree._Element
_TEXT = etree.XPath("descendant::text()[not(ancestor::script or ancestor::style or ancestor::template "
                    "or ancestor::rt or ancestor::rp)]", smart_strings=False)


def _parse_tree(text: str) -> HtmlNode:
    """The page's ``<html>`` element, parsed by libxml2's push parser as BeautifulSoup's lxml builder did."""
    parser = etree.HTMLParser()
    try:
        parser.feed(text)
        root = parser.close()
    except etree.XMLSyntaxError:
        root = None
    return root if root is not None else etree.Element("html")


@lru_cache(maxsize=64)
def _css(selector: str) -> etree.XPath:
    return CSSSelector(selector, translator="html")


def _select(node: HtmlNode, selector: str) -> list[HtmlNode]:
    """Elements below ``node`` matching a CSS selector, in document order (``node`` itself only when it is
    the page's root, which stands for the whole document)."""
    found = _css(selector)(node)
    if node.getparent() is None:
        return found
    return [n for n in found if n is not node]


def _select_one(node: HtmlNode, selector: str) -> HtmlNode | None:
    found = _select(node, selector)
    return found[0] if found else None


def _text(node: HtmlNode, separator: str = "") -> str:
    """The node's text outside scripts, styles, templates and ruby annotations; comments never count."""
    return separator.join(_TEXT(node))


def _only_string(node: HtmlNode) -> str | None:
    """The node's text when it is its only content (BeautifulSoup's ``.string``)."""
    while True:
        children = list(node)
        if not children:
            return node.text or None
        if len(children) > 1 or node.text or children[0].tail or not isinstance(children[0].tag, str):
            return None
        node = children[0]


def _drop(node: HtmlNode) -> None:
    """Take ``node`` out of the tree, leaving the text after it as a text run of its own."""
    parent = node.getparent()
    if parent is None:
        return
    stub = etree.Comment("")
    stub.tail, node.tail = node.tail, None
    parent.replace(node, stub)


def _marker(node: HtmlNode) -> str:
    return " ".join((node.get("class") or "").split()) + " " + (node.get("id") or "")


def _has_descendant(node: HtmlNode, tag: str) -> bool:
    return next(node.iterdescendants(tag), None) is not None


def _boilerplate_marker(marker: str) -> bool:
    return bool(marker.strip()) and bool(BOILERPLATE.search(marker)) and not ARTICLE_MARKER.search(marker)
