-- A grouped load's figures (warehouse/load.py): an article staged by a batch of the group loses every figure
-- it had, as re-extracting it replaces them all. Then one insert of the group's figures files follows
-- (insert_staged_figures, or insert_latest_staged_figures when the group stages an article twice).
-- Returns whether it does.
delete from figures where article_id in (select article_id from staged_figure_articles);
select count(*) > count(distinct article_id) from staged_figure_articles;
