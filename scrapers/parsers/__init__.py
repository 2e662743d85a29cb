"""Parsing that never imports Scrapy: pure functions and classes over bytes/str and a URL.

Spiders select and request; everything that turns a body into fields lives here, so it can be
tested on stored fixtures and reused when raw snapshots are re-parsed.
"""
