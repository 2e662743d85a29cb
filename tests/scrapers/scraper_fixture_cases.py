"""Stored parser fixtures and how to run each one: ``<name>.<ext>`` beside ``<name>.expected.json``.

The folder decides the parser (feeds, wire, sitemaps, pages); the expected file gives the URL (and
for pages the Content-Type header and parser name) plus either ``result`` or ``fault``. A new outlet
or feed style needs a fixture pair, not new test code.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapers.parsers.faults import ParseFault
from scrapers.parsers.feeds import parse_feed
from scrapers.parsers.registry import parser_for
from scrapers.parsers.sitemaps import parse_sitemap
from scrapers.parsers.wire import read_wire

FIXTURES = Path(__file__).parent / "fixtures"


def plain(value: Any) -> Any:
    """Dataclasses, lists and datetimes to JSON-ready values (datetimes as ISO 8601 strings)."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def run_parser(folder: str, body: bytes, spec: dict) -> Any:
    url = spec["url"]
    if folder == "feeds":
        return parse_feed(body, url)
    if folder == "wire":
        return read_wire(body, url)
    if folder == "sitemaps":
        return parse_sitemap(body, url)
    if folder == "pages":
        return parser_for(spec.get("parser")).parse(body, url, spec.get("content_type"))
    raise ValueError(f"no parser for fixture folder {folder!r}")


def outcome(path: Path, spec: dict) -> dict:
    """What the parser makes of one fixture, in the shape of the expected file."""
    try:
        return {"result": plain(run_parser(path.parent.name, path.read_bytes(), spec))}
    except ParseFault as fault:
        return {"fault": {"kind": fault.kind, "stage": fault.stage}}


def cases() -> list[tuple[Path, Path]]:
    pairs = []
    for expected in sorted(FIXTURES.glob("*/*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        inputs = [p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".expected.json")]
        assert len(inputs) == 1, f"{expected}: expected exactly one input file, found {inputs}"
        pairs.append((inputs[0], expected))
    return pairs


def load_spec(expected: Path) -> dict:
    return json.loads(expected.read_text(encoding="utf-8"))


def write_expected(expected: Path) -> None:
    """Rewrite an expected file from what the parser does now: review the diff before committing it."""
    spec = load_spec(expected)
    inputs = [i for i, e in cases() if e == expected]
    fresh = {k: v for k, v in spec.items() if k not in ("result", "fault")}
    fresh.update(outcome(inputs[0], fresh))
    expected.write_text(json.dumps(fresh, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    for name in sys.argv[1:]:
        write_expected(Path(name).resolve())
