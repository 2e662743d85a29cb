"""The Scrapy project: generic feed spiders, article parsing, pipelines that keep raw responses and stage items."""
