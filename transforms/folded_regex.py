"""Case-insensitive patterns run faster as case-sensitive ones over lowercased text, where that is exact.

re skips an alternative on its first letter only when matching case-sensitively, so a long IGNORECASE
alternation (verb cues, verbs of saying) is about 4x slower than the same pattern without IGNORECASE run
on ``text.lower()``. The two agree whenever every character is in FOLD_SAFE: each lowercases to one
character, and matching it case-insensitively against the patterns' lowercase literals and classes is
the same as matching its lowercase case-sensitively (tests/transforms/test_prefilters.py checks each).
Text with any other character (dotless i, long s, Kelvin sign, Greek...) keeps the original pattern.
"""

from __future__ import annotations

import re

FOLD_SAFE = ("".join(chr(c) for c in range(0x20, 0x7f)) + "\t\n\r\u00a0\u202f\u2009"
             "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ’‘“”«»–—…°€£")
FOLD_UNSAFE_RE = re.compile("[^" + re.escape(FOLD_SAFE) + "]")


def case_sensitive_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without IGNORECASE, for lowercased fold-safe text; its literals must all be lowercase."""
    bare = re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", "", rx.pattern)
    if any(c.isupper() for c in bare):
        raise ValueError("pattern has uppercase literals")
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def fold_safe(s: str) -> bool:
    return FOLD_UNSAFE_RE.search(s) is None
