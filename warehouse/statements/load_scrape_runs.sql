create or replace temp table staged_scrape_runs as
select distinct on (run_id, source_id) *
from read_json($path, format = 'auto', columns = $columns);
delete from scrape_runs using staged_scrape_runs as s
where scrape_runs.run_id = s.run_id and scrape_runs.source_id = s.source_id;
insert into scrape_runs by name select * from staged_scrape_runs;
