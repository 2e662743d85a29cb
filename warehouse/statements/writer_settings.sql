-- The loader commits one transaction per batch; checkpoint once when the session ends (writer_session
-- does), not after every commit that pushes the WAL past DuckDB's 16 MB default.
set TimeZone = 'UTC';
set checkpoint_threshold = '4GB';
