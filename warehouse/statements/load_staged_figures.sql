-- Every figures file of a group of batches in one insert. One statement, not one per batch: each insert
-- leaves the table's last row group part-filled, and the checkpoint rewrote those fragments (1M figures in
-- 8 batches: checkpoint 1.6-2.3 s -> 0.5 s). The result is what loading the batches one after another gives:
-- an article staged by a batch loses the figures it had before, and a file's figures of an article that a
-- later batch of the group stages again are dropped (file_index is the file's position in $paths).
delete from figures where article_id in (select article_id from staged_figure_articles);
insert into figures by name
select staged.*
from read_parquet($paths) as staged
where not exists (
    select 1
    from staged_figure_articles as later
    where later.article_id = staged.article_id and later.position > staged.file_index
);
