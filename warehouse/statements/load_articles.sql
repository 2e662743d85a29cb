create or replace temp table staged_articles as
select distinct on (article_id) *
from read_json($path, format = 'newline_delimited', columns = $columns);
delete from articles where article_id in (select article_id from staged_articles);
insert into articles by name select * from staged_articles;
