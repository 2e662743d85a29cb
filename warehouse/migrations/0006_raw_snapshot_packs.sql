-- Raw bodies are appended, one gzip member each, to one file per crawl of a source; a snapshot points at
-- its member's byte range. Rows loaded before keep null offsets: their path is the body's own file.
alter table raw_snapshots add column gzip_offset bigint;
alter table raw_snapshots add column gzip_length bigint;
