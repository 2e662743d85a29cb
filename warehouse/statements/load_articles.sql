create or replace temp table staged_articles as
select *
from read_json($path, format = 'newline_delimited', columns = $columns);
-- An article staged twice in one file: its last line wins. Found on the narrow (rowid, article_id) rather
-- than with distinct on over every column, which copied every body through a hash aggregate.
delete from staged_articles where rowid in (
    select rowid from staged_articles
    qualify row_number() over (partition by article_id order by rowid desc) > 1
);
delete from articles where article_id in (select article_id from staged_articles);
insert into articles by name select * from staged_articles;
