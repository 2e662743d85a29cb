"""What the fuzzers feed and what they check: the number parser, the figure extractor, the feed, wire
and sitemap parsers and the page parser.

Each target takes arbitrary input and either returns normally with results that keep the stage's
promises (offsets point at their surface, values are finite, kinds come from the vocabulary) or, for
the byte parsers, raises ``ParseFault`` (the recorded, expected refusal). Anything else is a crash.
Shared by the quick hypothesis tests (``test_fuzz_quick.py``, part of ``make test``), the long runs
(``python -m tests.fuzz.run``) and atheris.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from figurewire.records import CATEGORIES, ERROR_KINDS, QUALIFIERS

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = {
    "feed": [REPO / "tests/scrapers/fixtures/feeds", REPO / "figurewire/newsroom/site/faults.newsroom.test"],
    "wire": [REPO / "tests/scrapers/fixtures/wire", REPO / "figurewire/newsroom/site/afp-drop"],
    "sitemap": [REPO / "tests/scrapers/fixtures/sitemaps"],
    "page": [REPO / "tests/scrapers/fixtures/pages"],
}
LANGS = ("fr", "en", "auto")


def check_number(text: str, lang: str = "fr") -> None:
    from transforms.numbers import parse_number

    value = parse_number(text, lang)
    assert value is None or (isinstance(value, float) and math.isfinite(value)), (text, value)


def check_extract(text: str, lang: str = "fr") -> None:
    from transforms.extract import extract_figures

    for figure in extract_figures(text, lang, "fuzz"):
        assert 0 <= figure.start < figure.end <= len(text), figure
        assert text[figure.start:figure.end] == figure.surface, figure
        assert figure.category in CATEGORIES and figure.qualifier in QUALIFIERS, figure
        for number in (figure.value, figure.low, figure.high):
            assert number is None or math.isfinite(number), figure


def _refusal_is_recorded_kind(fault) -> None:
    assert fault.kind in ERROR_KINDS, fault.kind


def check_feed(body: bytes) -> None:
    from scrapers.parsers.faults import ParseFault
    from scrapers.parsers.feeds import parse_feed

    try:
        feed = parse_feed(body, "http://fuzz.test/feed.xml")
    except ParseFault as fault:
        return _refusal_is_recorded_kind(fault)
    keys = [e.key for e in feed.entries if e.key]
    assert len(keys) == len(set(keys)), "a repeated guid survived"


def check_wire(body: bytes) -> None:
    from scrapers.parsers.faults import ParseFault
    from scrapers.parsers.wire import read_wire

    try:
        document = read_wire(body, "http://fuzz.test/wire/item.xml")
    except ParseFault as fault:
        return _refusal_is_recorded_kind(fault)
    assert not (document.items and document.links)
    for item in document.items:
        assert isinstance(item.revision, int) and item.story_key


def check_sitemap(body: bytes) -> None:
    from scrapers.parsers.faults import ParseFault
    from scrapers.parsers.sitemaps import parse_sitemap

    try:
        parse_sitemap(body, "http://fuzz.test/sitemap.xml")
    except ParseFault as fault:
        _refusal_is_recorded_kind(fault)


def check_page(body: bytes) -> None:
    from scrapers.parsers.article_html import GenericArticleParser
    from scrapers.parsers.faults import ParseFault

    try:
        page = GenericArticleParser().parse(body, "http://fuzz.test/article.html", "text/html")
    except ParseFault as fault:
        return _refusal_is_recorded_kind(fault)
    assert "\x00" not in page.body and "\x00" not in (page.title or "")


TEXT_TARGETS: dict[str, Callable[[str, str], None]] = {"number": check_number, "extract": check_extract}
BYTES_TARGETS: dict[str, Callable[[bytes], None]] = {
    "feed": check_feed, "wire": check_wire, "sitemap": check_sitemap, "page": check_page}
ALL_TARGETS = [*TEXT_TARGETS, *BYTES_TARGETS]


def seeds(target: str) -> list[bytes]:
    """Real inputs to start mutating from: the parser fixtures and the sample newsroom's files."""
    found = []
    for folder in SEED_DIRS.get(target, []):
        if folder.exists():
            found += [p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
                      and p.suffix in (".xml", ".html", ".rss", ".atom") and p.stat().st_size < 200_000]
    return found


def run_bytes(target: str, data: bytes) -> None:
    """One input of either kind: text targets read the bytes as UTF-8 (lossy) with a language byte."""
    if target in TEXT_TARGETS:
        lang = LANGS[data[0] % len(LANGS)] if data else "fr"
        TEXT_TARGETS[target](data[1:].decode("utf-8", "replace"), lang)
    else:
        BYTES_TARGETS[target](data)
