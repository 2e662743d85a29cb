-- A batch of a grouped load: the articles in staged_articles (from stage_article_ids, or from load_articles,
-- which has already written them) are noted at the batch's $position. $from_file says whether they are still
-- to come from the batch's articles.parquet in the group's one insert (load_staged_articles).
insert into staged_article_batches select article_id, $position, $from_file from staged_articles;
select count(*) from staged_articles;
