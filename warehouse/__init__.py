"""The DuckDB warehouse: migrated raw tables written by one loader, layered SQL models, published read-only."""
