"""Hand-written scrape histories, staged exactly as a crawl stages them (scrape_run.json, errors, articles,
figures), so the health rules are tested through the real loader, model build and SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from figurewire import layout as L
from figurewire.layout import DataLayout
from figurewire.records import Article, FetchError, Figure, ScrapeRun, article_text, stable_id
from figurewire.staged_figures import write_figures

T0 = datetime(2016, 12, 20, 6, 0, tzinfo=UTC)


def hour(n: float) -> datetime:
    return T0 + timedelta(hours=n)


def run_id_at(when: datetime) -> str:
    return f"{when:%Y%m%dT%H%M%SZ}-health"


@dataclass
class Crawl:
    """One crawl of one source: what the spider saw and what went wrong."""

    at: float
    items: int = 0
    with_figures: int | None = None
    dropped: int = 0
    parse_failures: int = 0
    not_modified: bool = False
    failed: bool = False
    requests: int | None = None
    retries: int = 0
    timeouts: int = 0
    errors: list[tuple[str, str, str, int | None, str]] = field(default_factory=list)  # stage, kind, url, status, msg


def stage(data: DataLayout, source_id: str, outlet: str, crawls: list[Crawl]) -> None:
    for crawl in crawls:
        _stage_one(data, source_id, outlet, crawl)


def _stage_one(data: DataLayout, source_id: str, outlet: str, crawl: Crawl) -> None:
    started = hour(crawl.at)
    run_id = run_id_at(started)
    batch = data.batch_dir(run_id, source_id)
    batch.mkdir(parents=True, exist_ok=True)
    feed = f"http://{source_id}.health.test/feed.xml"
    articles, figures = [], []
    with_figures = crawl.items if crawl.with_figures is None else crawl.with_figures
    for n in range(crawl.items):
        key = f"{source_id}-{run_id}-{n}"
        body = (f"Le convoi {n} a quitté le quartier au petit matin. Il transportait 120 personnes selon "
                f"les secouristes." if n < with_figures else
                f"Le convoi {n} a quitté le quartier au petit matin sans incident signalé.")
        art = Article(
            article_id=stable_id(outlet, key, 1), story_id=stable_id(outlet, key), revision=1,
            source_id=source_id, outlet=outlet, feed_kind="rss", url=f"http://{source_id}.health.test/{key}",
            canonical_url=None, guid=key, title=f"Convoi {n} ({source_id}, {run_id})", body=body, summary=None,
            lang="fr", published_at=started - timedelta(minutes=30), updated_at=None, content_hash=key,
            fetched_at=started, run_id=run_id, parser="hand")
        articles.append(art)
        if n < with_figures:
            text = article_text(art)
            start = text.index("120 personnes")
            figures.append(Figure(
                figure_id=stable_id(art.article_id, start), article_id=art.article_id, sentence_index=1,
                start=start, end=start + len("120 personnes"), surface="120 personnes", value=120.0,
                qualifier="exact", low=None, high=None, counted="personnes", category="evacuated",
                claimant="les secouristes", via=None, lang="fr", extractor_version="hand-1",
                sentence_start=text.index("Il transportait"),
                sentence_end=text.index("secouristes.") + len("secouristes.")))
    errors = [FetchError(error_id=stable_id(run_id, source_id, i), run_id=run_id, source_id=source_id,
                         outlet=outlet, url=url, stage=stage_, kind=kind, http_status=status, message=message,
                         occurred_at=started + timedelta(seconds=10 + i))
              for i, (stage_, kind, url, status, message) in enumerate(crawl.errors)]
    if crawl.failed:
        errors.append(FetchError(
            error_id=stable_id(run_id, source_id, "crawl"), run_id=run_id, source_id=source_id, outlet=outlet,
            url=feed, stage="fetch", kind="crawl_failed", http_status=None,
            message="no items from a source that normally delivers", occurred_at=started + timedelta(minutes=1)))
    run = ScrapeRun(
        run_id=run_id, source_id=source_id, outlet=outlet, started_at=started,
        finished_at=started + timedelta(seconds=50), finish_reason="finished",
        requests=crawl.requests if crawl.requests is not None else 2 + crawl.items + crawl.dropped,
        responses_2xx=crawl.items + crawl.dropped + (0 if crawl.not_modified else 1),
        responses_3xx=1 if crawl.not_modified else 0, items_scraped=crawl.items, items_dropped=crawl.dropped,
        bytes_received=1000 * crawl.items, retries=crawl.retries, timeouts=crawl.timeouts,
        parse_failures=crawl.parse_failures, errors=len(errors), articles_new=crawl.items,
        feed_not_modified=1 if crawl.not_modified else 0, status="failed" if crawl.failed else "ok")
    _write(batch / L.ARTICLES, [a.to_json() for a in articles])
    write_figures(batch / L.FIGURES, figures)
    _write(batch / L.ERRORS, [e.to_json() for e in errors])
    (batch / L.SCRAPE_RUN).write_text(run.to_json(), encoding="utf-8")


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def sources_file(path: Path, entries: dict[str, tuple[str, str]], health: str = "",
                 per_source: dict[str, str] | None = None, disabled: tuple[str, ...] = ()) -> Path:
    """A sources file naming ``entries`` (id -> (outlet, url)), with optional [health] and per-source rules."""
    per_source = per_source or {}
    parts = [f"[health]\n{health}\n" if health else ""]
    for source_id, (outlet, url) in entries.items():
        parts.append(f'[[source]]\nid = "{source_id}"\nname = "{source_id}"\noutlet = "{outlet}"\nkind = "rss"\n'
                     f'url = "{url}"\nlanguage = "fr"\n'
                     + (f"health = {{ {per_source[source_id]} }}\n" if source_id in per_source else "")
                     + ("enabled = false\n" if source_id in disabled else ""))
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def dump(report) -> str:
    return json.dumps([o.to_dict() for o in report], indent=1, default=str)
