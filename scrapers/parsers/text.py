"""Whitespace and date normalisation shared by every parser.

Only ASCII whitespace is collapsed: no-break and thin spaces (U+00A0, U+202F, U+2009) are kept
verbatim because French and Russian outlets use them as digit-group separators ("1 200") and
figure extraction must see the number exactly as printed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin

from dateutil import parser as dateutil_parser

_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


def absolute_url(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``; None for a link that does not parse (``http://[bad/``),
    so one broken link costs only its own entry, not the feed or page around it."""
    if not href:
        return None
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return None


def squash(text: str | None) -> str:
    """Collapse runs of ASCII whitespace to one space and strip the ends; drops NUL bytes."""
    if not text:
        return ""
    return _ASCII_SPACE.sub(" ", text.replace("\x00", "")).strip()


def paragraphs_to_body(paragraphs: list[str]) -> str:
    """Body text as stored: paragraphs separated by a blank line, empty ones dropped."""
    return "\n\n".join(p for p in (squash(p) for p in paragraphs) if p)


def to_utc(value: str | datetime | None) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601, RFC 822, NewsML basic format or a datetime.

    Times without an offset are taken as UTC (feeds that omit the zone are almost always UTC);
    unparseable values and dates before 1900 give None rather than a wrong date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        text = value.strip()
        if not text:
            return None
        try:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                dt = dateutil_parser.parse(text)
            except (ValueError, OverflowError):
                dt = _parse_with_dateparser(text)
                if dt is None:
                    return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    if dt < _EARLIEST:
        return None
    return dt


def _parse_with_dateparser(text: str) -> datetime | None:
    """Last resort for human dates such as "22 décembre 2016 à 10h15" (slow, so only on failure)."""
    import dateparser

    return dateparser.parse(text, settings={"TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True})


def primary_language(tag: str | None) -> str | None:
    """``fr-FR`` / ``fr_FR`` / ``FR`` -> ``fr``; None for empty tags."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
