"""Parse XML without ever expanding entities or fetching anything the document points to.

Every feed, index, sitemap and wire item goes through ``parse_xml`` first; only bodies it accepts
are handed to feedparser or read further. A document that declares entities (expansion bombs,
external entities) is refused as ``hostile_xml`` before any expansion can happen.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.faults import ParseFault
from scrapers.parsers.text import squash

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def check_not_hostile(body: bytes) -> None:
    """Refuse a body whose DOCTYPE declares entities; looks at bytes only, expands nothing."""
    doctype = _DOCTYPE.search(body, 0, 65536)
    if doctype and _ENTITY_DECL.search(body, doctype.start()):
        raise ParseFault("hostile_xml", "XML declares entities in its DOCTYPE; refused without expanding")


def parse_xml(body: bytes) -> etree._Element:
    """The root element of a well-formed, entity-free XML body, or ``ParseFault``."""
    check_not_hostile(body)
    stripped = body.lstrip()
    if not stripped:
        raise ParseFault("malformed_xml", "empty body where XML was expected")
    try:
        root = etree.fromstring(stripped, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ParseFault("malformed_xml", f"not well-formed XML: {exc}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseFault("hostile_xml", "XML declares entities in its DOCTYPE; refused without expanding")
    return root


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with this local name, whatever their namespace."""
    return [c for c in element if local_name(c) == name]


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """Follow local names down the tree, first match at each step."""
    node = element
    for name in path:
        if node is None:
            return None
        found = children(node, name)
        node = found[0] if found else None
    return node


def descendants(element: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in element.iter() if local_name(e) == name]


def text_of(element: etree._Element | None) -> str | None:
    """All text inside an element with whitespace collapsed, or None when empty."""
    if element is None:
        return None
    return squash("".join(element.itertext())) or None
