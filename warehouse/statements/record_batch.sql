delete from loaded_batches where batch = $batch;
insert into loaded_batches
    (batch, run_id, source_id, articles, figures, fetch_errors, raw_snapshots, scrape_runs, loaded_at, fingerprint)
values
    ($batch, $run_id, $source_id, $articles, $figures, $fetch_errors, $raw_snapshots, $scrape_runs, now(), $fingerprint);
