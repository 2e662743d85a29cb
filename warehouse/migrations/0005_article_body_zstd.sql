-- Article bodies are compressed with zstd instead of the dictionary/FSST compression DuckDB picks by
-- itself. A load's commit checkpoints the new rows, and compressing the bodies was most of it: with
-- zstd, 50,000 bench articles (140 MB of bodies) checkpoint in ~0.37 s instead of ~0.55 s, and the
-- file is smaller (their articles table 21 MB instead of 36 MB). A full scan of the bodies costs a
-- little more (LIKE over all of them: 0.07 s instead of 0.02 s), which the model build does not notice.
-- DuckDB cannot change a column's compression in place (no ALTER ... SET COMPRESSION), so the table
-- is rebuilt with the same columns, order and constraints, and its rows copied over.
create table articles_0005 (
    article_id      varchar not null,
    story_id        varchar not null,
    revision        bigint not null,
    source_id       varchar not null,
    outlet          varchar not null,
    feed_kind       varchar,
    url             varchar,
    canonical_url   varchar,
    guid            varchar,
    title           varchar,
    body            varchar using compression zstd,
    summary         varchar,
    lang            varchar,
    published_at    timestamp with time zone,
    updated_at      timestamp with time zone,
    authors         varchar[],
    section         varchar,
    tags            varchar[],
    is_alert        boolean,
    content_hash    varchar,
    raw_id          varchar,
    fetched_at      timestamp with time zone,
    run_id          varchar,
    parser          varchar
);
insert into articles_0005 select * from articles;
drop table articles;
alter table articles_0005 rename to articles;
