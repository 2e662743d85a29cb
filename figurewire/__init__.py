"""figurewire: scrape news feeds, extract the figures they report, compare outlets in DuckDB."""

__version__ = "0.1.0"
