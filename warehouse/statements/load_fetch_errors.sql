create or replace temp table staged_fetch_errors as
select distinct on (error_id) *
from read_json($paths, format = 'newline_delimited', columns = $columns);
delete from fetch_errors where error_id in (select error_id from staged_fetch_errors);
insert into fetch_errors by name select * from staged_fetch_errors;
