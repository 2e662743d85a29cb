"""Article parser classes by name: ``Source.parser`` picks one, the generic parser is the default."""

from __future__ import annotations

from scrapers.parsers.article_html import GenericArticleParser

PARSERS: dict[str, type[GenericArticleParser]] = {}


def register(cls: type[GenericArticleParser]) -> type[GenericArticleParser]:
    PARSERS[cls.__name__] = cls
    return cls


register(GenericArticleParser)


def parser_for(name: str | None) -> GenericArticleParser:
    """An instance of the named parser class; unknown names are a configuration error, raised at once."""
    from scrapers.parsers import outlets  # noqa: F401  (registers the outlet parsers)

    if not name:
        return GenericArticleParser()
    try:
        return PARSERS[name]()
    except KeyError:
        raise ValueError(f"unknown article parser {name!r}; known: {', '.join(sorted(PARSERS))}") from None
