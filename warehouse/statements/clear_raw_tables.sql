delete from figures;
delete from articles;
delete from raw_snapshots;
delete from scrape_runs;
delete from fetch_errors;
delete from loaded_batches;
