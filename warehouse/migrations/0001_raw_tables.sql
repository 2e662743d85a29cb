-- Raw tables: one per record type in figurewire/records.py, written only by warehouse/load.py.
-- Column names and types are checked against the dataclasses by tests/warehouse/test_contract.py.
-- Keys are enforced by the loader (delete by key, then bulk insert in one transaction per batch)
-- rather than by PRIMARY KEY indexes, which would slow million-row bulk loads.

create table articles (
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
    body            varchar,
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

create table figures (
    figure_id           varchar not null,
    article_id          varchar not null,
    sentence_index      bigint,
    "start"             bigint,
    "end"               bigint,
    surface             varchar,
    value               double,
    qualifier           varchar,
    low                 double,
    high                double,
    counted             varchar,
    category            varchar,
    claimant            varchar,
    via                 varchar,
    lang                varchar,
    extractor_version   varchar,
    sentence            varchar
);

create table raw_snapshots (
    raw_id      varchar not null,
    run_id      varchar,
    source_id   varchar,
    url         varchar,
    status      bigint,
    headers     map(varchar, varchar),
    fetched_at  timestamp with time zone,
    path        varchar,
    size        bigint
);

create table scrape_runs (
    run_id                  varchar not null,
    source_id               varchar not null,
    outlet                  varchar,
    started_at              timestamp with time zone,
    finished_at             timestamp with time zone,
    finish_reason           varchar,
    requests                bigint,
    responses_2xx           bigint,
    responses_3xx           bigint,
    responses_4xx           bigint,
    responses_5xx           bigint,
    items_scraped           bigint,
    items_dropped           bigint,
    bytes_received          bigint,
    retries                 bigint,
    robots_refused          bigint,
    timeouts                bigint,
    parse_failures          bigint,
    errors                  bigint,
    articles_new            bigint,
    articles_seen_skipped   bigint,
    feed_not_modified       bigint,
    status                  varchar
);

create table fetch_errors (
    error_id        varchar not null,
    run_id          varchar,
    source_id       varchar,
    outlet          varchar,
    url             varchar,
    stage           varchar,
    kind            varchar,
    http_status     bigint,
    message         varchar,
    occurred_at     timestamp with time zone
);

-- One row per staged batch (data/staging/<run_id>/<source_id>/) committed into the raw tables.
create table loaded_batches (
    batch           varchar not null,
    run_id          varchar not null,
    source_id       varchar not null,
    articles        bigint not null,
    figures         bigint not null,
    fetch_errors    bigint not null,
    raw_snapshots   bigint not null,
    scrape_runs     bigint not null,
    loaded_at       timestamp with time zone not null
);
