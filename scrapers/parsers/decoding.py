"""Bytes of an HTML page to text, trusting what the page and the server declare, in that order.

Order: byte-order mark, then the HTTP ``Content-Type`` charset, then a ``<meta>`` charset in the
first bytes, then UTF-8. A body that does not decode strictly in the declared encoding is handed to
charset-normalizer, unless only a few stray bytes are bad (those become U+FFFD and the
article is kept); when nothing decodes it the page is refused as ``decode``.
"""

from __future__ import annotations

import codecs

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from scrapers.parsers.faults import ParseFault


def declared_encoding(body: bytes, content_type: str | None) -> str | None:
    bom_encoding, _ = read_bom(body)
    if bom_encoding:
        return bom_encoding
    if content_type:
        from_header = http_content_type_encoding(content_type)
        if from_header:
            return from_header
    from_meta = html_body_declared_encoding(body[:4096])
    return resolve_encoding(from_meta) if from_meta else None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` without NUL characters; ``ParseFault('decode')`` when no encoding fits."""
    text, encoding = _decode(body, content_type)
    return text.replace("\x00", ""), encoding


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    encoding = declared_encoding(body, content_type) or "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        codec = None
    if codec:
        try:
            text = body.decode(codec)
            return text.lstrip("\ufeff"), codec
        except UnicodeDecodeError:
            text = body.decode(codec, errors="replace")
            if text.count("\ufffd") <= max(3, len(text) // 200):
                return text.lstrip("\ufeff"), codec
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is None:
        raise ParseFault("decode", f"bytes do not decode as declared {encoding!r} nor as any detected encoding",
                         stage="decode")
    return str(best), best.encoding
