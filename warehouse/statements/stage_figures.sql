-- A batch of a grouped load (warehouse/load.py): its figures file joins the group's one insert
-- (insert_staged_figures), at list index $position. The articles it stages replace their figures as a whole,
-- so they are noted with that position. Returns the file's row count, read from its footer (which also
-- checks that the file is Parquet before the group's insert relies on it).
insert into staged_figure_articles select article_id, $position from staged_articles;
select count(*) from read_parquet($path);
