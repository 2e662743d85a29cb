-- One crawl of one source (rename/cast only).
with source as (
    select * from scrape_runs
),

final as (
    select
        run_id,
        source_id,
        outlet,
        started_at,
        finished_at,
        finish_reason,
        requests,
        responses_2xx,
        responses_3xx,
        responses_4xx,
        responses_5xx,
        items_scraped,
        items_dropped,
        bytes_received,
        retries,
        robots_refused,
        timeouts,
        parse_failures,
        errors,
        articles_new,
        articles_seen_skipped,
        feed_not_modified,
        status as run_status
    from source
)

select * from final
