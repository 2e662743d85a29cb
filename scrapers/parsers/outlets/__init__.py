"""Per-outlet article parsers: only for pages the generic parser gets wrong. Importing registers them."""
