-- Figures are derived from the batch's articles: re-extracting an article replaces all of its figures.
delete from figures where article_id in (select article_id from staged_articles);
insert into figures by name
select * from read_json($path, format = 'newline_delimited', columns = $columns);
