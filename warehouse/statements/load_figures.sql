-- Figures are derived from the batch's articles: re-extracting an article replaces all of its figures.
-- The staged file is Parquet typed from records.Figure (figurewire/staged_figures.py); insert by name casts
-- to the table's types, so a file never decides a column's type.
delete from figures where article_id in (select article_id from staged_articles);
insert into figures by name
select * from read_parquet($path);
