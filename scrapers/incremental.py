"""What earlier runs already fetched, per source: the seen-set and the feeds' HTTP validators.

``data/state/<source_id>/seen.json`` holds canonical URLs, page URLs and guids of staged articles;
a listed page whose guid or URL is in it is not requested again. ``http_validators.json`` holds the
ETag / Last-Modified of each feed URL so the next run can ask "changed since?" and get a 304.
When the crawl closes both are written atomically into the batch's ``state.pending/`` folder, not
over the live state: ``promote_pending`` moves them into place once the batch is loaded. Until then a
retried or re-run crawl of the same run starts from the same state and stages the same items.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from figurewire.layout import DataLayout
from scrapers.staging import load_json

SEEN = "seen.json"
VALIDATORS = "http_validators.json"


class IncrementalState:
    def __init__(self, data: DataLayout, source_id: str):
        self.dir = data.source_state_dir(source_id)
        self.seen: set[str] = set(load_json(self.dir / SEEN, []))
        self.validators: dict[str, dict[str, str]] = load_json(self.dir / VALIDATORS, {})
        self._new_validators: dict[str, dict[str, str]] = {}
        self._unsettled_feeds: set[str] = set()

    def is_seen(self, *keys: str | None) -> bool:
        return any(k in self.seen for k in keys if k)

    def remember(self, *keys: str | None) -> None:
        self.seen.update(k for k in keys if k)

    def conditional_headers(self, feed_url: str) -> dict[str, str]:
        known = self.validators.get(feed_url, {})
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def feed_fetched(self, feed_url: str, etag: str | None, last_modified: str | None) -> None:
        """Validators of a feed read in full; kept only if every page it listed was settled."""
        if etag or last_modified:
            self._new_validators[feed_url] = {k: v for k, v in
                                              (("etag", etag), ("last_modified", last_modified)) if v}

    def feed_unsettled(self, feed_url: str) -> None:
        """A page of this feed failed in a way a later run may fix: ask for the whole feed next time."""
        self._unsettled_feeds.add(feed_url)

    def save(self, into: Path | None = None) -> None:
        """Write the state as this crawl leaves it, into ``into`` (a batch's pending folder) or in place."""
        target = into or self.dir
        target.mkdir(parents=True, exist_ok=True)
        validators = dict(self.validators)
        for url, values in self._new_validators.items():
            if url not in self._unsettled_feeds:
                validators[url] = values
        for url in self._unsettled_feeds:
            validators.pop(url, None)
        _write_json(target / SEEN, sorted(self.seen))
        _write_json(target / VALIDATORS, validators)


def promote_pending(pending_dir: Path, state_dir: Path) -> bool:
    """Make a loaded batch's state the live one: seen keys accumulate, validators are the crawl's.

    Seen keys are united (another batch of the same source may have been promoted meanwhile);
    validators are replaced, since the crawl already dropped those of feeds it must read again.
    """
    if not (pending_dir / SEEN).exists():
        return False
    state_dir.mkdir(parents=True, exist_ok=True)
    seen = set(load_json(state_dir / SEEN, [])) | set(load_json(pending_dir / SEEN, []))
    _write_json(state_dir / SEEN, sorted(seen))
    _write_json(state_dir / VALIDATORS, load_json(pending_dir / VALIDATORS, {}))
    for name in (SEEN, VALIDATORS):
        (pending_dir / name).unlink(missing_ok=True)
    pending_dir.rmdir()
    return True


def _write_json(path: Path, value) -> None:
    tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
