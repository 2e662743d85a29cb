"""Downloader and spider middlewares of the figurewire crawl."""
