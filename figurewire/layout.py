"""Where each stage of a run reads and writes on disk: the contract between crawl, extract and load.

    data/
      raw/<source_id>/<run_id>.gz           raw response bodies of one crawl of a source, one gzip member
                                             each, appended before any parsing (raw.jsonl holds each
                                             member's offset and length; ``zcat`` gives them all)
      staging/<run_id>/<source_id>/
          articles.jsonl                     Article records (one JSON object per line)
          errors.jsonl                       FetchError records
          raw.jsonl                          RawSnapshot records (pointers into raw/)
          scrape_run.json                    ScrapeRun record, written when the crawl of that source closes
          figures.parquet                    Figure records, written by the extract step: Parquet typed from
                                             records.Figure (figurewire/staged_figures.py), since the loader
                                             reads it several times faster than JSON; zero rows if the
                                             articles gave none; not written for a batch without articles
          articles.parquet                   the extract step's typed copy of articles.jsonl (one row per
                                             article_id), which the loader reads instead while it is current
                                             (figurewire/staged_articles.py); batches without one load from JSON
                                             (none is written for a batch without articles)
          extract_errors.jsonl               FetchError records (stage "extract") from the extract step
          state.pending/                     the source's seen-set and feed validators as this crawl left
                                             them; promoted to state/<source_id>/ only once the batch is
                                             loaded, so a failed, retried or killed crawl forgets nothing
          .loaded                            written after the loader committed this batch (for people;
                                             the warehouse's own ``loaded_batches`` table is the truth)
      staging/<run_id>/sources.json          the resolved sources the crawl ran with
      state/<source_id>/seen.json            canonical URLs and guids already fetched (incremental runs)
      state/<source_id>/http_validators.json ETag / Last-Modified per feed URL (conditional GET)
      figurewire.duckdb                      the warehouse (default)
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ARTICLES = "articles.jsonl"
ARTICLES_PARQUET = "articles.parquet"  # typed copy of ARTICLES written by extract (figurewire/staged_articles.py)
ERRORS = "errors.jsonl"
RAW = "raw.jsonl"
SCRAPE_RUN = "scrape_run.json"
FIGURES = "figures.parquet"
EXTRACT_ERRORS = "extract_errors.jsonl"
LOADED_MARKER = ".loaded"
PENDING_STATE = "state.pending"
SOURCES_JSON = "sources.json"


def has_lines(path: Path) -> bool:
    """Whether a staged JSON-lines file exists and holds anything: a crawl that found nothing leaves an
    empty one, which every later step can skip."""
    return path.exists() and path.stat().st_size > 0


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by time, unique across concurrent runs."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@dataclass(frozen=True)
class DataLayout:
    root: Path

    @classmethod
    def at(cls, root: str | Path) -> DataLayout:
        return cls(Path(root).resolve())

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    @property
    def staging_dir(self) -> Path:
        return self.root / "staging"

    @property
    def state_dir(self) -> Path:
        return self.root / "state"

    @property
    def default_warehouse(self) -> Path:
        return self.root / "figurewire.duckdb"

    def run_dir(self, run_id: str) -> Path:
        return self.staging_dir / run_id

    def batch_dir(self, run_id: str, source_id: str) -> Path:
        return self.run_dir(run_id) / source_id

    def raw_pack(self, run_id: str, source_id: str) -> Path:
        """The file one crawl of one source appends its response bodies to."""
        return self.raw_dir / source_id / f"{run_id}.gz"

    def source_state_dir(self, source_id: str) -> Path:
        return self.state_dir / source_id

    def batches(self) -> list[Path]:
        """Every staged batch (one per run and source), oldest run first."""
        if not self.staging_dir.exists():
            return []
        return sorted(p for p in self.staging_dir.glob("*/*") if p.is_dir())
