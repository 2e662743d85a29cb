"""End-anchored searches started where a match can begin.

``rx.search(window)`` for a pattern that must end at the window's end still tries every position of the
window; when the pattern's longest match is bounded, starting the search ``longest + 1`` characters from
the end (``$`` also matches before a final newline) finds the same match. ``\\b`` and lookbehinds still see
the characters before the start position, so nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as _c
from re import _parser as _p


def _ends_at_end(items) -> bool:
    if not len(items):
        return False
    op, av = items[-1]
    if op is _c.AT:
        return av is _c.AT_END
    if op is _c.SUBPATTERN:
        return _ends_at_end(av[3])
    if op is _c.BRANCH:
        return all(_ends_at_end(b) for b in av[1])
    return False


def longest_match(rx: re.Pattern[str]) -> int | None:
    """The longest a match of ``rx`` can be if every match must end at the string's end, else None."""
    parsed = _p.parse(rx.pattern, rx.flags)
    if not _ends_at_end(parsed):
        return None
    width = parsed.getwidth()[1]
    return None if width >= _c.MAXREPEAT else width


def tail_search(rx: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """``rx.search`` for end-anchored patterns, started where a match can begin (``rx.search`` otherwise)."""
    longest = longest_match(rx)
    if longest is None:
        return rx.search
    reach = longest + 1
    search = rx.search

    def tail(s: str) -> re.Match[str] | None:
        return search(s, len(s) - reach) if len(s) > reach else search(s)

    return tail
