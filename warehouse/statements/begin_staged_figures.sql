-- Articles whose figures a grouped load replaces, with the position of the staging batch's figures file.
create or replace temp table staged_figure_articles (article_id varchar not null, position integer not null);
