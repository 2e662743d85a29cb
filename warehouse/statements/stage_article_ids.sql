-- A batch whose articles.parquet is a current copy of its JSON lines (figurewire/staged_articles.py): only
-- the article ids are read into staged_articles (columnar: the bodies are not touched), which is all the
-- figures statements use. Returns whether they are unique; extract writes them so, and if a hand-made file
-- repeats one the loader goes back to the JSON lines (load_articles), whose last line wins.
create or replace temp table staged_articles as select article_id from read_parquet($path);
select count(*) = count(distinct article_id) from staged_articles;
