select table_name as name, 'table' as kind
from duckdb_tables()
where schema_name = 'main' and not temporary
union all
select view_name, 'view'
from duckdb_views()
where schema_name = 'main' and not internal and not temporary;
