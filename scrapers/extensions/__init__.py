"""Scrapy extensions of the figurewire crawl."""
