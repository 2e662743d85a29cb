-- The scrape_run.json of every batch of a grouped load in one read, instead of one read per batch: a run that
-- found nothing new loads a batch per source, and the per-batch statements of these small files were most of
-- its load. $positions[i] is the group position of the batch of $paths[i] (a batch loaded alone is position
-- 0); a later batch's row wins, as if the batches had been loaded one after another. Returns the rows each
-- position staged.
create or replace temp table staged_scrape_runs as
select *, $positions[file_index::bigint + 1] as position
from read_json($paths, format = 'auto', columns = $columns);
delete from scrape_runs using staged_scrape_runs as s
where scrape_runs.run_id = s.run_id and scrape_runs.source_id = s.source_id;
insert into scrape_runs by name
select * exclude (position) from staged_scrape_runs
qualify row_number() over (partition by run_id, source_id order by position desc) = 1;
select position, count(distinct (run_id, source_id)) from staged_scrape_runs group by position;
