-- A batch is re-staged when its articles are re-parsed or its figures re-extracted (`figurewire rebuild`,
-- an improved extractor): the fingerprint of its staged files tells the loader to load it again.
-- Batches loaded before this migration have no fingerprint and are loaded once more (loads are idempotent).
alter table loaded_batches add column fingerprint varchar;

-- Health checks (issue 6) read errors per source over time.
create index fetch_errors_source_time on fetch_errors (source_id, occurred_at);
