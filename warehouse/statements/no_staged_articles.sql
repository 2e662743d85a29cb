create or replace temp table staged_articles as select * from articles limit 0;
