"""The one definition of every record figurewire moves between layers.

Spiders emit these, transforms produce them, the loader writes them, and the
warehouse schema is checked against them by a contract test. Nothing here
imports the rest of figurewire, so every layer can depend on it.

Times are timezone-aware UTC ``datetime`` values in memory and ISO 8601
strings (``2016-12-22T10:15:00+00:00``) in staged JSON files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

FeedKind = Literal["rss", "newsml", "sitemap"]
ErrorStage = Literal["fetch", "decode", "parse", "validate", "extract", "load"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "vague"]
Category = Literal[
    "strikes", "sorties", "killed", "wounded", "evacuated", "displaced",
    "arrested", "destroyed", "vehicles", "people", "other",
]
QUALIFIERS: tuple[str, ...] = typing.get_args(Qualifier)
CATEGORIES: tuple[str, ...] = typing.get_args(Category)
FEED_KINDS: tuple[str, ...] = typing.get_args(FeedKind)

# FetchError.kind vocabulary: what went wrong, independent of the stage it went wrong in.
ERROR_KINDS: dict[str, str] = {
    "http_error": "the server answered 4xx/5xx (http_status says which), after retries for 5xx",
    "timeout": "no complete answer within the download timeout, after retries",
    "redirect_loop": "redirections went round past the limit",
    "too_large": "the response exceeded DOWNLOAD_MAXSIZE and was dropped",
    "connection": "DNS failure, refused or reset connection",
    "truncated": "the body ended early (data loss) or the HTML stops mid-document",
    "robots_disallowed": "robots.txt forbids the URL; nothing was fetched",
    "malformed_xml": "a feed or wire item that is not well-formed XML",
    "hostile_xml": "XML with entity declarations (expansion bomb, external entity): refused unparsed",
    "empty_feed": "a well-formed feed with no items",
    "duplicate_guid": "a feed repeats a guid; the first item is kept",
    "decode": "bytes that cannot be decoded in any declared or detected encoding",
    "invalid_article": "parsed, but no title, empty body, no date or a date in the future",
    "crawl_failed": "the crawl of a source died or delivered nothing although it normally does",
    "extract_failed": "the figure extractor raised on this article; its other figures and articles go on",
}
ERROR_STAGES: tuple[str, ...] = typing.get_args(ErrorStage)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, deterministic id so re-runs produce the same keys (idempotent loads)."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Record:
    """JSON round-trip shared by all records (staged files are JSON lines)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = value.isoformat() if isinstance(value, datetime) else value
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            if value is not None and _is_datetime(hints[f.name]) and isinstance(value, str):
                value = datetime.fromisoformat(value)
            kwargs[f.name] = value
        return cls(**kwargs)

    @classmethod
    def column_types(cls) -> dict[str, type]:
        """Python type of each column, with Optional unwrapped; the contract test compares these to DuckDB."""
        hints = typing.get_type_hints(cls)
        return {f.name: _base_type(hints[f.name]) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]


def _is_datetime(hint: Any) -> bool:
    return _base_type(hint) is datetime


def _base_type(hint: Any) -> type:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _base_type(args[0])
    if origin is Literal:
        return type(typing.get_args(hint)[0])
    if origin is not None:
        return origin
    return hint


@dataclass
class Source(Record):
    """One outlet feed, as written in a sources file (``scrapers/sources.toml``)."""

    id: str
    name: str
    outlet: str
    kind: FeedKind
    url: str
    language: str
    enabled: bool = True
    parser: str | None = None
    download_timeout: float | None = None
    expect_items: bool = True
    health: dict[str, float] | None = None


@dataclass
class Article(Record):
    """One version of one article as parsed from a page or a wire item.

    ``story_id`` groups the revisions of one story (wire RevisionId, or a web
    page re-published with changes); ``article_id`` names this very version.
    """

    article_id: str
    story_id: str
    revision: int
    source_id: str
    outlet: str
    feed_kind: str
    url: str
    canonical_url: str | None
    guid: str | None
    title: str
    body: str
    summary: str | None
    lang: str | None
    published_at: datetime | None
    updated_at: datetime | None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    is_alert: bool = False
    content_hash: str = ""
    raw_id: str | None = None
    fetched_at: datetime | None = None
    run_id: str = ""
    parser: str = ""


@dataclass
class Figure(Record):
    """One figure an article reports, with the offsets that prove where it came from.

    ``text`` for offsets is the article's ``title + "\\n\\n" + body`` (see
    ``article_text``), so ``article_text(a)[start:end] == surface``, and
    ``article_text(a)[sentence_start:sentence_end]`` is the sentence it was read in
    (``sentence_in``). The sentence's text is not stored: the warehouse cuts it from the article.
    """

    figure_id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    surface: str
    value: float | None
    qualifier: Qualifier
    low: float | None
    high: float | None
    counted: str | None
    category: Category
    claimant: str | None
    via: str | None
    lang: str | None
    extractor_version: str
    sentence_start: int | None = None
    sentence_end: int | None = None

    def sentence_in(self, text: str) -> str | None:
        """The figure's sentence, cut from its article's ``article_text``."""
        if self.sentence_start is None or self.sentence_end is None:
            return None
        return text[self.sentence_start:self.sentence_end]


@dataclass
class RawSnapshot(Record):
    """Pointer to one stored raw response, kept before any parsing.

    The body is the gzip member of ``gzip_length`` bytes at ``gzip_offset`` in ``path``, the one file a
    crawl of a source appends every response to (``data/raw/<source_id>/<run_id>.gz``): a file per
    response cost a file creation per page, the crawl's largest own cost. Snapshots kept before packs
    have no offsets, and ``path`` is then the body's own gzip file. ``size`` is the body's length.
    """

    raw_id: str
    run_id: str
    source_id: str
    url: str
    status: int
    headers: dict[str, str]
    fetched_at: datetime
    path: str
    size: int
    gzip_offset: int | None = None
    gzip_length: int | None = None


@dataclass
class ScrapeRun(Record):
    """What one crawl of one source did, taken from Scrapy's own stats."""

    run_id: str
    source_id: str
    outlet: str
    started_at: datetime | None
    finished_at: datetime | None
    finish_reason: str | None
    requests: int = 0
    responses_2xx: int = 0
    responses_3xx: int = 0
    responses_4xx: int = 0
    responses_5xx: int = 0
    items_scraped: int = 0
    items_dropped: int = 0
    bytes_received: int = 0
    retries: int = 0
    robots_refused: int = 0
    timeouts: int = 0
    parse_failures: int = 0
    errors: int = 0
    articles_new: int = 0
    articles_seen_skipped: int = 0
    feed_not_modified: int = 0
    status: str = "ok"


@dataclass
class FetchError(Record):
    """One URL that failed somewhere between fetch and load; the run goes on without it."""

    error_id: str
    run_id: str
    source_id: str
    outlet: str
    url: str
    stage: ErrorStage
    kind: str
    http_status: int | None
    message: str
    occurred_at: datetime


def article_text(article: Article) -> str:
    """The text figures are extracted from and their offsets point into."""
    return f"{article.title}\n\n{article.body}" if article.title else article.body


def load_sources(path: str | Path, **placeholders: str) -> list[Source]:
    """Read a sources file; ``{name}`` placeholders in URLs are filled from ``placeholders``."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    sources = []
    for entry in data.get("source", []):
        entry = dict(entry)
        entry["url"] = entry["url"].format(**placeholders) if placeholders else entry["url"]
        sources.append(Source.from_dict(entry))
    return sources


def sources_file_settings(path: str | Path) -> dict[str, Any]:
    """The non-source tables of a sources file (e.g. ``[newsroom] serve = true``)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k != "source"}
