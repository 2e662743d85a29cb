-- A build commits one transaction per model; checkpoint once when the session ends (writer_session
-- does), not after every commit that pushes the WAL past DuckDB's 16 MB default. The loader, which
-- commits once per group of batches, sets it back (load_settings).
set TimeZone = 'UTC';
set checkpoint_threshold = '4GB';
