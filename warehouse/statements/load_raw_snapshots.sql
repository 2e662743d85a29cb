create or replace temp table staged_raw_snapshots as
select distinct on (raw_id) *
from read_json($path, format = 'newline_delimited', columns = $columns);
delete from raw_snapshots where raw_id in (select raw_id from staged_raw_snapshots);
insert into raw_snapshots by name select * from staged_raw_snapshots;
