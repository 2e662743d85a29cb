"""Builders for newsrooms staged by hand in tests: articles and figures whose offsets are found in
their own text, so ``article_text(article)[start:end] == surface`` always holds."""

from __future__ import annotations

from datetime import UTC, datetime

from figurewire.records import Article, Figure, article_text, stable_id


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def article(source_id, outlet, story_key, revision, title, body, published, *, run_id, updated=None,
            lang="fr", fetched=None) -> Article:
    return Article(
        article_id=stable_id(outlet, story_key, revision), story_id=stable_id(outlet, story_key),
        revision=revision, source_id=source_id, outlet=outlet,
        feed_kind="newsml" if outlet == "AFP" else "rss", url=f"http://{source_id}.newsroom.test/{story_key}",
        canonical_url=None, guid=story_key, title=title, body=body, summary=None, lang=lang,
        published_at=utc(published), updated_at=utc(updated) if updated else None,
        authors=["Rédaction"], tags=["Syrie"], content_hash=stable_id(title, body),
        fetched_at=fetched or utc(updated or published), run_id=run_id, parser="hand")


def figure(art: Article, surface: str, value, qualifier, counted, category, claimant=None, via=None,
           low=None, high=None, occurrence: int = 1, sentence_end: str = ".") -> Figure:
    """``sentence_end`` is the mark that closes the figure's sentence (". " skips decimal points)."""
    text = article_text(art)
    start = -1
    for _ in range(occurrence):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stop = text.find(sentence_end, end)
    return Figure(
        figure_id=stable_id(art.article_id, start), article_id=art.article_id,
        sentence_index=text[:start].count(". ") + text[:start].count("\n\n"), start=start, end=end,
        surface=surface, value=value, qualifier=qualifier, low=low, high=high, counted=counted,
        category=category, claimant=claimant, via=via, lang=art.lang, extractor_version="hand-1",
        sentence_start=sentence_start, sentence_end=stop + 1 if stop >= 0 else len(text))
