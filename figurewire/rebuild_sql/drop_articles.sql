-- Articles a re-parse no longer produces, with their figures.
delete from figures where article_id in (select unnest($ids));
delete from articles where article_id in (select unnest($ids));
