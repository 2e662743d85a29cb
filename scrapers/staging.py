"""The files one crawl of one source writes (see ``figurewire.layout``), appended line by line.

Every line is flushed as it is written, so the number of staged articles equals the number of
items the crawl counted even when the process dies right after.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, RawSnapshot, ScrapeRun, Source, stable_id, utc_now


def raw_id_for(url: str, body: bytes) -> str:
    """Same URL and same bytes give the same id, so a re-fetched unchanged page is stored once."""
    digest = hashlib.sha256(url.encode("utf-8"))
    digest.update(b"\x1f")
    digest.update(body)
    return digest.hexdigest()


class StagingBatch:
    def __init__(self, data: DataLayout, run_id: str, source: Source):
        self.data = data
        self.run_id = run_id
        self.source = source
        self.dir = data.batch_dir(run_id, source.id)
        self.raw_pack_path = data.raw_pack(run_id, source.id)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.raw_pack_path.parent.mkdir(parents=True, exist_ok=True)
        self._articles = (self.dir / L.ARTICLES).open("a", encoding="utf-8")
        self._errors = (self.dir / L.ERRORS).open("a", encoding="utf-8")
        self._raw = (self.dir / L.RAW).open("a", encoding="utf-8")
        self._error_keys: set[tuple[str, str, str]] = set()
        self._raw_pack: BinaryIO | None = None
        self._raw_members: dict[str, tuple[int, int]] = {}
        self.articles_written = 0
        self.errors_written = 0

    def add_article(self, article: Article) -> None:
        self._articles.write(article.to_json() + "\n")
        self._articles.flush()
        self.articles_written += 1

    def add_error(self, url: str, stage: str, kind: str, message: str, http_status: int | None = None,
                  key: str | None = None) -> FetchError | None:
        """Record a fault once per (stage, kind, key-or-URL); returns None when it was already recorded."""
        dedupe_key = (stage, kind, key or url)
        if dedupe_key in self._error_keys:
            return None
        self._error_keys.add(dedupe_key)
        error = FetchError(
            error_id=stable_id(self.run_id, self.source.id, stage, kind, key or url),
            run_id=self.run_id, source_id=self.source.id, outlet=self.source.outlet, url=url, stage=stage,
            kind=kind, http_status=http_status, message=message[:1000], occurred_at=utc_now())
        self._errors.write(error.to_json() + "\n")
        self._errors.flush()
        self.errors_written += 1
        return error

    def add_raw(self, url: str, status: int, headers: dict[str, str], body: bytes,
                fetched_at: datetime) -> RawSnapshot:
        """Append a response body (one gzip member) to this crawl's raw file, then its pointer line.

        The pointer is written only once its bytes are flushed, so a crash leaves at most unreferenced
        bytes at the file's end. A body fetched twice in one crawl is stored once.
        """
        raw_id = raw_id_for(url, body)
        stored = self._raw_members.get(raw_id)
        if stored is None:
            if self._raw_pack is None:
                self._raw_pack = self.raw_pack_path.open("ab")
                self._raw_pack.seek(0, os.SEEK_END)
            member = gzip.compress(body, compresslevel=6, mtime=0)
            offset = self._raw_pack.tell()
            self._raw_pack.write(member)
            self._raw_pack.flush()
            stored = self._raw_members[raw_id] = (offset, len(member))
        snapshot = RawSnapshot(raw_id=raw_id, run_id=self.run_id, source_id=self.source.id, url=url,
                               status=status, headers=headers, fetched_at=fetched_at,
                               path=str(self.raw_pack_path.relative_to(self.data.root)), size=len(body),
                               gzip_offset=stored[0], gzip_length=stored[1])
        self._raw.write(snapshot.to_json() + "\n")
        self._raw.flush()
        return snapshot

    def write_scrape_run(self, run: ScrapeRun) -> None:
        tmp = self.dir / (L.SCRAPE_RUN + ".tmp")
        tmp.write_text(run.to_json(), encoding="utf-8")
        os.replace(tmp, self.dir / L.SCRAPE_RUN)

    def close(self) -> None:
        for fh in (self._articles, self._errors, self._raw, self._raw_pack):
            if fh is not None:
                fh.close()


def read_raw_body(data: DataLayout, snapshot: RawSnapshot) -> bytes:
    """The stored bytes of a snapshot, for re-parsing without fetching again (OSError, EOFError or
    zlib.error when its file is gone, cut short or damaged)."""
    path = data.root / snapshot.path
    if snapshot.gzip_offset is None or snapshot.gzip_length is None:
        return gzip.decompress(path.read_bytes())
    with path.open("rb") as fh:
        fh.seek(snapshot.gzip_offset)
        member = fh.read(snapshot.gzip_length)
    if len(member) != snapshot.gzip_length:
        raise EOFError(f"{snapshot.path} ends before the {snapshot.gzip_length} bytes at {snapshot.gzip_offset}")
    return gzip.decompress(member)


def load_json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return default
