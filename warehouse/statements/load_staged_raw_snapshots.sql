-- The raw.jsonl of every batch of a grouped load in one read (load_staged_scrape_runs says why and how).
create or replace temp table staged_raw_snapshots as
select *, $positions[file_index::bigint + 1] as position
from read_json($paths, format = 'newline_delimited', columns = $columns);
delete from raw_snapshots where raw_id in (select raw_id from staged_raw_snapshots);
insert into raw_snapshots by name
select * exclude (position) from staged_raw_snapshots
qualify row_number() over (partition by raw_id order by position desc) = 1;
select position, count(distinct raw_id) from staged_raw_snapshots group by position;
