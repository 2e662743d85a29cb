-- The errors.jsonl and extract_errors.jsonl of every batch of a grouped load in one read
-- (load_staged_scrape_runs says why and how).
create or replace temp table staged_fetch_errors as
select *, $positions[file_index::bigint + 1] as position
from read_json($paths, format = 'newline_delimited', columns = $columns);
delete from fetch_errors where error_id in (select error_id from staged_fetch_errors);
insert into fetch_errors by name
select * exclude (position) from staged_fetch_errors
qualify row_number() over (partition by error_id order by position desc) = 1;
select position, count(distinct error_id) from staged_fetch_errors group by position;
