-- The batches of a grouped load, recorded with one statement (the lists are parallel, one entry per batch).
delete from loaded_batches where batch in (select unnest($batch));
insert into loaded_batches
    (batch, run_id, source_id, articles, figures, fetch_errors, raw_snapshots, scrape_runs, loaded_at, fingerprint)
select
    unnest($batch), unnest($run_id), unnest($source_id), unnest($articles), unnest($figures),
    unnest($fetch_errors), unnest($raw_snapshots), unnest($scrape_runs), now(), unnest($fingerprint);
