-- A grouped load (warehouse/load.py) inserts the articles and the figures of all its batches with one insert
-- each, at the end; a later batch's rows win, as if the batches had committed one after another.
-- Articles each batch stages, with the batch's position in the group (stage_articles).
create or replace temp table staged_article_batches (article_id varchar not null, position integer not null,
                                                     from_file boolean not null);
-- Articles whose figures a grouped load replaces, with the position of the staging batch's figures file.
create or replace temp table staged_figure_articles (article_id varchar not null, position integer not null);
