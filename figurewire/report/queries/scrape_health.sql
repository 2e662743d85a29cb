-- Scrape health over time: one row per run and outlet (its sources added up) from the monitoring mart's
-- per-run series, with the run's status as the health rules see it: failed when a source's crawl failed,
-- degraded when a source broke a per-run rule (items, error ratio, parse failures, timeouts, yield),
-- else ok. (Staleness is judged against now, not per run: see scrape_health_now.)
with runs as (
    select * from mart_scrape_health_runs
),

judged as (
    select
        *,
        list_filter([
            case when breaks_min_items then 'min_items' end,
            case when breaks_error_ratio then 'error_ratio' end,
            case when breaks_parse_failures then 'parse_failures' end,
            case when breaks_timeouts then 'timeouts' end,
            case when breaks_yield_drop then 'yield_drop' end
        ], lambda r: r is not null) as rules_broken
    from runs
),

final as (
    select
        run_id,
        outlet,
        min(started_at) as started_at,
        max(finished_at) as finished_at,
        count(*) as sources,
        sum(requests) as requests,
        sum(items_scraped) as items_scraped,
        sum(articles_loaded) as articles_loaded,
        sum(fetch_errors) as fetch_errors,
        count(*) filter (where run_status <> 'ok') as sources_failed,
        list_sort(list_distinct(flatten(list(rules_broken)))) as rules_broken,
        case
            when bool_or(run_status <> 'ok') then 'failed'
            when bool_or(len(rules_broken) > 0) then 'degraded'
            else 'ok'
        end as status
    from judged
    group by run_id, outlet
)

select * from final
order by started_at, run_id, outlet
