"""One generic spider per feed kind; outlets are sources, never spiders."""
