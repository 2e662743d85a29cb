-- The articles.parquet files of a group of batches in one insert, instead of one per batch: rows inserted by
-- one statement fill DuckDB's row groups and are written on both threads as they go, where eight inserts of a
-- few thousand rows each left the commit to compress the bodies on one thread (1M-figure bench: articles
-- 0.50 s -> 0.25 s). A row is kept only from the last batch that stages its article ($positions[i] is the
-- position in the group of the batch of $paths[i]); an article last staged by a batch loaded from its JSON
-- lines was written by load_articles already and stays.
delete from articles where article_id in (
    select article_id from staged_article_batches group by article_id having arg_max(from_file, position)
);
insert into articles by name
select staged.*
from read_parquet($paths) as staged
where not exists (
    select 1
    from staged_article_batches as later
    where later.article_id = staged.article_id and later.position > $positions[staged.file_index::bigint + 1]
);
