"""The one exception parsers raise for a body they refuse or cannot use."""

from __future__ import annotations


class ParseFault(Exception):
    """A recorded, expected failure: ``kind`` is a key of ``records.ERROR_KINDS``.

    Parsers raise it instead of returning half-built results, so the caller records one
    FetchError with the right kind and stage and goes on with the next URL.
    """

    def __init__(self, kind: str, message: str, stage: str = "parse"):
        super().__init__(message)
        self.kind = kind
        self.stage = stage
        self.message = message
