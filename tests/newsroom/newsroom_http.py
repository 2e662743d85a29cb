"""Small real-HTTP clients for the sample newsroom (proxy-style or direct requests)."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(base: str, target: str, headers: dict | None = None, method: str = "GET", timeout: float = 5.0) -> Reply:
    """Send one request to the newsroom at ``base``; ``target`` is an absolute URI (proxy style) or a path."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, target, headers=headers or {})
        resp = conn.getresponse()
        return Reply(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


def admin(base: str, path: str, method: str = "GET") -> dict:
    reply = fetch(base, path, method=method)
    assert reply.status == 200, reply.body
    return json.loads(reply.body)
