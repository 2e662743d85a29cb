-- One row per crawl of one source, with the measures the health rules read and the per-run rules it broke.
-- items_seen: feed entries the crawl saw (staged, dropped or skipped as already seen); NULL when nothing was
-- counted: the feed answered 304 (same as the last 200), or nothing was seen because a fetch failed (that
-- is the error rules' business, and a 304 after it still means the last feed that was read).
-- articles_parsed: pages parsed into articles plus pages that failed to parse or validate (feed-level
-- errors excluded), the denominator of figure_yield. Trailing medians come from earlier healthy runs only, so an
-- outage does not lower the bar it is judged by.
with runs as (
    select * from fct_scrape_runs
),

errors as (
    select * from fct_fetch_errors
),

rules as (
    select * from int_health_rules
),

defaults as (
    select * from rules where source_id = '*'
),

errors_per_run as (
    select
        run_id,
        source_id,
        count(*) filter (where error_kind <> 'crawl_failed') as url_errors,
        count(*) filter (where error_kind = 'timeout') as timeout_errors,
        count(*) filter (where stage = 'fetch' and error_kind <> 'crawl_failed') as fetch_stage_errors,
        count(*) filter (where stage in ('parse', 'validate')
                         and error_kind not in ('empty_feed', 'malformed_xml', 'hostile_xml', 'duplicate_guid'))
            as article_failures
    from errors
    group by run_id, source_id
),

measured as (
    select
        runs.run_id,
        runs.source_id,
        runs.outlet,
        runs.started_at,
        runs.finished_at,
        runs.finish_reason,
        runs.run_status,
        runs.feed_not_modified > 0 as feed_not_modified,
        case when runs.feed_not_modified > 0 then null
             when runs.items_scraped + runs.items_dropped + runs.articles_seen_skipped = 0
                  and coalesce(errors_per_run.fetch_stage_errors, 0) > 0 then null
             else runs.items_scraped + runs.items_dropped + runs.articles_seen_skipped end as items_seen,
        runs.items_scraped,
        runs.articles_new,
        runs.requests,
        runs.retries,
        greatest(runs.requests - runs.retries, 1) as urls_attempted,
        coalesce(errors_per_run.url_errors, 0) as url_errors,
        runs.fetch_errors,
        runs.parse_failures,
        greatest(runs.timeouts, coalesce(errors_per_run.timeout_errors, 0)) as timeouts,
        runs.articles_loaded,
        runs.articles_with_figures,
        runs.figures_loaded,
        runs.articles_loaded + coalesce(errors_per_run.article_failures, 0) as articles_parsed,
        runs.last_error_kind,
        runs.last_error_message,
        row_number() over (partition by runs.source_id order by runs.started_at, runs.run_id) as run_number
    from runs
    left join errors_per_run
        on errors_per_run.run_id = runs.run_id and errors_per_run.source_id = runs.source_id
),

with_rules as (
    select
        measured.*,
        coalesce(own.min_items_ratio, defaults.min_items_ratio) as min_items_ratio,
        coalesce(own.trailing_runs, defaults.trailing_runs) as trailing_runs,
        coalesce(own.max_error_ratio, defaults.max_error_ratio) as max_error_ratio,
        coalesce(own.max_parse_failure_ratio, defaults.max_parse_failure_ratio) as max_parse_failure_ratio,
        coalesce(own.max_timeouts, defaults.max_timeouts) as max_timeouts,
        coalesce(own.min_yield_ratio, defaults.min_yield_ratio) as min_yield_ratio
    from measured
    cross join defaults
    left join rules as own on own.source_id = measured.source_id
),

-- Healthy runs that counted the feed: the baseline for the item count.
item_baseline as (
    select source_id, items_seen,
           row_number() over (partition by source_id order by run_number) as baseline_number
    from with_rules
    where run_status = 'ok' and items_seen is not null
),

-- Healthy runs that parsed pages: the baseline for the share of articles with figures.
yield_baseline as (
    select source_id, articles_with_figures / articles_parsed as figure_yield,
           row_number() over (partition by source_id order by run_number) as baseline_number
    from with_rules
    where run_status = 'ok' and articles_parsed > 0
),

baselines_before as (
    select
        run_id,
        source_id,
        trailing_runs,
        coalesce(count(*) filter (where run_status = 'ok' and items_seen is not null) over earlier, 0)
            as item_baselines_before,
        coalesce(count(*) filter (where run_status = 'ok' and articles_parsed > 0) over earlier, 0)
            as yield_baselines_before
    from with_rules
    window earlier as (partition by source_id order by run_number rows between unbounded preceding and 1 preceding)
),

trailing_items as (
    select baselines_before.run_id, baselines_before.source_id, median(item_baseline.items_seen) as median_items
    from baselines_before
    join item_baseline
        on item_baseline.source_id = baselines_before.source_id
        and item_baseline.baseline_number <= baselines_before.item_baselines_before
        and item_baseline.baseline_number > baselines_before.item_baselines_before - baselines_before.trailing_runs
    group by baselines_before.run_id, baselines_before.source_id
),

trailing_yield as (
    select baselines_before.run_id, baselines_before.source_id, median(yield_baseline.figure_yield) as median_yield
    from baselines_before
    join yield_baseline
        on yield_baseline.source_id = baselines_before.source_id
        and yield_baseline.baseline_number <= baselines_before.yield_baselines_before
        and yield_baseline.baseline_number > baselines_before.yield_baselines_before - baselines_before.trailing_runs
    group by baselines_before.run_id, baselines_before.source_id
),

judged as (
    select
        with_rules.*,
        trailing_items.median_items as trailing_median_items,
        trailing_yield.median_yield as trailing_median_yield,
        with_rules.url_errors / with_rules.urls_attempted as error_ratio,
        case when with_rules.items_seen > 0 then with_rules.parse_failures / with_rules.items_seen end
            as parse_failure_ratio,
        case when with_rules.articles_parsed > 0
             then with_rules.articles_with_figures / with_rules.articles_parsed end as figure_yield
    from with_rules
    left join trailing_items
        on trailing_items.run_id = with_rules.run_id and trailing_items.source_id = with_rules.source_id
    left join trailing_yield
        on trailing_yield.run_id = with_rules.run_id and trailing_yield.source_id = with_rules.source_id
),

-- A run of consecutive failed runs ends at each run; the counter restarts after every healthy run.
streaks as (
    select
        judged.*,
        sum(case when run_status = 'ok' then 1 else 0 end)
            over (partition by source_id order by run_number rows unbounded preceding) as healthy_so_far
    from judged
),

final as (
    select
        run_id,
        source_id,
        outlet,
        run_number,
        started_at,
        finished_at,
        finish_reason,
        run_status,
        feed_not_modified,
        items_seen,
        items_scraped,
        articles_new,
        trailing_median_items,
        requests,
        urls_attempted,
        url_errors,
        fetch_errors,
        error_ratio,
        parse_failures,
        parse_failure_ratio,
        timeouts,
        articles_parsed,
        articles_loaded,
        articles_with_figures,
        figures_loaded,
        figure_yield,
        trailing_median_yield,
        case when run_status = 'ok' then 0
             else count(*) filter (where run_status <> 'ok')
                  over (partition by source_id, healthy_so_far order by run_number rows unbounded preceding)
        end as consecutive_failures,
        last_error_kind,
        last_error_message,
        coalesce(min_items_ratio >= 0 and trailing_median_items > 0
            and items_seen < min_items_ratio * trailing_median_items, false) as breaks_min_items,
        coalesce(max_error_ratio >= 0 and error_ratio > max_error_ratio, false) as breaks_error_ratio,
        coalesce(max_parse_failure_ratio >= 0 and parse_failure_ratio > max_parse_failure_ratio, false)
            as breaks_parse_failures,
        coalesce(max_timeouts >= 0 and timeouts > max_timeouts, false) as breaks_timeouts,
        coalesce(min_yield_ratio >= 0 and trailing_median_yield > 0
            and figure_yield < min_yield_ratio * trailing_median_yield, false) as breaks_yield_drop
    from streaks
)

select * from final
