"""Find a kept raw response by its id or URL, for `figurewire raw`: bodies share one file per crawl of a
source, so a person paged about a page needs the pointer to read it back."""

from __future__ import annotations

from collections.abc import Iterator

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.pipeline import read_records
from figurewire.records import RawSnapshot


def kept_snapshots(data: DataLayout) -> Iterator[RawSnapshot]:
    """Every staged snapshot pointer, batch by batch (oldest run first), as each crawl wrote them."""
    for batch in data.batches():
        yield from read_records(batch / L.RAW, RawSnapshot)


def latest_snapshot(data: DataLayout, key: str) -> RawSnapshot | None:
    """The newest snapshot whose URL is ``key`` or whose raw id starts with it (at least 8 characters)."""
    found = None
    by_id = len(key) >= 8
    for snapshot in kept_snapshots(data):
        if snapshot.url == key or (by_id and snapshot.raw_id.startswith(key)):
            if found is None or snapshot.fetched_at >= found.fetched_at:
                found = snapshot
    return found
