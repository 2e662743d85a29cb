-- Scrape health per source and per outlet: status (ok / degraded / stale / failing), the rules that fired
-- and why, last success, last error, and counts over the last 7 days. Each per-run rule is read from the
-- latest run it applies to (a 304 run says nothing about the feed's item count, so the latest run that
-- counted it does); the time rules compare with the moment of judging, `health_now` when a caller sets it.
-- Severity: consecutive_failures -> failing; stale, feed_unchanged -> stale; any other rule -> degraded.
with runs as (
    select * from mart_scrape_health_runs
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

clock as (
    select coalesce(getvariable('health_now')::timestamptz, now()) as judged_at
),

latest as (
    select * from runs qualify row_number() over (partition by source_id order by run_number desc) = 1
),

latest_counted as (
    select * from runs where items_seen is not null
    qualify row_number() over (partition by source_id order by run_number desc) = 1
),

latest_with_items as (
    select * from runs where items_seen > 0
    qualify row_number() over (partition by source_id order by run_number desc) = 1
),

latest_parsed as (
    select * from runs where articles_parsed > 0
    qualify row_number() over (partition by source_id order by run_number desc) = 1
),

history as (
    select
        runs.source_id,
        min(runs.started_at) as first_run_at,
        max(runs.finished_at) filter (where runs.run_status = 'ok') as last_success_at,
        max(runs.finished_at) filter (where runs.articles_new > 0 or runs.items_scraped > 0) as last_new_article_at,
        max(runs.finished_at) filter (where runs.run_status = 'ok' and not runs.feed_not_modified)
            as last_feed_change_at,
        count(*) as runs,
        count(*) filter (where runs.run_status <> 'ok') as failed_runs,
        count(*) filter (where runs.started_at >= clock.judged_at - interval 7 days) as runs_7d,
        count(*) filter (where runs.started_at >= clock.judged_at - interval 7 days and runs.run_status <> 'ok')
            as failed_runs_7d,
        coalesce(sum(runs.items_scraped) filter (where runs.started_at >= clock.judged_at - interval 7 days), 0)
            as items_7d,
        coalesce(sum(runs.fetch_errors) filter (where runs.started_at >= clock.judged_at - interval 7 days), 0)
            as errors_7d,
        coalesce(sum(runs.figures_loaded) filter (where runs.started_at >= clock.judged_at - interval 7 days), 0)
            as figures_7d
    from runs
    cross join clock
    group by runs.source_id
),

-- The newest error of the newest run that had one; the pipeline's summary `crawl_failed` only when alone.
last_error as (
    select source_id, run_id, url, stage, error_kind, http_status, message, occurred_at
    from errors
    qualify row_number() over (
        partition by source_id
        order by run_id desc, (error_kind = 'crawl_failed'), occurred_at desc, error_id desc) = 1
),

thresholds as (
    select
        latest.source_id,
        coalesce(own.max_consecutive_failures, defaults.max_consecutive_failures) as max_consecutive_failures,
        coalesce(own.max_staleness_hours, defaults.max_staleness_hours) as max_staleness_hours,
        coalesce(own.max_unchanged_hours, defaults.max_unchanged_hours) as max_unchanged_hours,
        coalesce(own.max_error_ratio, defaults.max_error_ratio) as max_error_ratio,
        coalesce(own.max_parse_failure_ratio, defaults.max_parse_failure_ratio) as max_parse_failure_ratio,
        coalesce(own.max_timeouts, defaults.max_timeouts) as max_timeouts,
        coalesce(own.min_items_ratio, defaults.min_items_ratio) as min_items_ratio,
        coalesce(own.min_yield_ratio, defaults.min_yield_ratio) as min_yield_ratio,
        coalesce(own.silenced, defaults.silenced) > 0 as silenced
    from latest
    cross join defaults
    left join rules as own on own.source_id = latest.source_id
),

measures as (
    select
        latest.source_id,
        latest.outlet,
        latest.run_id as last_run_id,
        latest.finished_at as last_run_at,
        latest.run_status as last_run_status,
        latest.consecutive_failures,
        latest.error_ratio,
        latest.url_errors,
        latest.urls_attempted,
        latest.timeouts,
        latest_counted.items_seen,
        latest_counted.trailing_median_items,
        latest_with_items.parse_failures,
        latest_with_items.parse_failure_ratio,
        latest_parsed.figure_yield,
        latest_parsed.trailing_median_yield,
        history.*  exclude (source_id),
        date_diff('second', coalesce(history.last_new_article_at, history.first_run_at), clock.judged_at) / 3600.0
            as hours_since_new_article,
        date_diff('second', coalesce(history.last_feed_change_at, history.first_run_at), clock.judged_at) / 3600.0
            as hours_since_feed_change,
        clock.judged_at,
        thresholds.* exclude (source_id),
        thresholds.max_consecutive_failures >= 0
            and latest.consecutive_failures > thresholds.max_consecutive_failures as fires_consecutive_failures,
        coalesce(latest_counted.breaks_min_items, false) as fires_min_items,
        latest.breaks_error_ratio as fires_error_ratio,
        coalesce(latest_with_items.breaks_parse_failures, false) as fires_parse_failures,
        latest.breaks_timeouts as fires_timeouts,
        coalesce(latest_parsed.breaks_yield_drop, false) as fires_yield_drop
    from latest
    cross join clock
    join history on history.source_id = latest.source_id
    join thresholds on thresholds.source_id = latest.source_id
    left join latest_counted on latest_counted.source_id = latest.source_id
    left join latest_with_items on latest_with_items.source_id = latest.source_id
    left join latest_parsed on latest_parsed.source_id = latest.source_id
),

fired as (
    select
        measures.*,
        max_staleness_hours >= 0 and hours_since_new_article > max_staleness_hours as fires_stale,
        max_unchanged_hours >= 0 and hours_since_feed_change > max_unchanged_hours as fires_feed_unchanged
    from measures
),

source_health as (
    select
        'source' as level,
        fired.outlet,
        fired.source_id,
        case
            when fires_consecutive_failures then 'failing'
            when fires_stale or fires_feed_unchanged then 'stale'
            when fires_min_items or fires_error_ratio or fires_parse_failures or fires_timeouts or fires_yield_drop
                then 'degraded'
            else 'ok'
        end as status,
        list_filter([
            case when fires_consecutive_failures then 'consecutive_failures' end,
            case when fires_min_items then 'min_items' end,
            case when fires_error_ratio then 'error_ratio' end,
            case when fires_parse_failures then 'parse_failures' end,
            case when fires_timeouts then 'timeouts' end,
            case when fires_yield_drop then 'yield_drop' end,
            case when fires_stale then 'stale' end,
            case when fires_feed_unchanged then 'feed_unchanged' end
        ], lambda r: r is not null) as rules_fired,
        list_filter([
            case when fires_consecutive_failures then format('consecutive_failures: {} failed runs in a row (max {})',
                consecutive_failures, max_consecutive_failures::bigint) end,
            case when fires_min_items then format('min_items: {} items, trailing median {} (min {}%)',
                items_seen, trailing_median_items, round(min_items_ratio * 100)::bigint) end,
            case when fires_error_ratio then format('error_ratio: {} of {} URLs failed (max {}%)',
                url_errors, urls_attempted, round(max_error_ratio * 100)::bigint) end,
            case when fires_parse_failures then format('parse_failures: {} of {} items failed to parse (max {}%)',
                parse_failures, round(parse_failures / parse_failure_ratio)::bigint,
                round(max_parse_failure_ratio * 100)::bigint) end,
            case when fires_timeouts then format('timeouts: {} timed out (max {})',
                timeouts, max_timeouts::bigint) end,
            case when fires_yield_drop then format('yield_drop: {}% of parsed articles have figures, trailing median {}% (min {}%)',
                round(figure_yield * 100)::bigint, round(trailing_median_yield * 100)::bigint,
                round(min_yield_ratio * 100)::bigint) end,
            case when fires_stale then format('stale: no new article for {} h (max {} h)',
                round(hours_since_new_article, 1), max_staleness_hours) end,
            case when fires_feed_unchanged then format('feed_unchanged: feed unchanged for {} h (max {} h)',
                round(hours_since_feed_change, 1), max_unchanged_hours) end
        ], lambda r: r is not null) as rule_details,
        silenced,
        runs,
        failed_runs,
        consecutive_failures,
        last_run_id,
        last_run_at,
        last_run_status,
        last_success_at,
        last_new_article_at,
        last_feed_change_at,
        last_error.run_id as last_error_run_id,
        last_error.error_kind as last_error_kind,
        last_error.stage as last_error_stage,
        last_error.http_status as last_error_http_status,
        last_error.message as last_error_message,
        last_error.url as last_error_url,
        last_error.occurred_at as last_error_at,
        runs_7d,
        failed_runs_7d,
        items_7d,
        errors_7d,
        figures_7d,
        judged_at
    from fired
    left join last_error on last_error.source_id = fired.source_id
),

status_rank as (
    select * from (values ('ok', 0), ('degraded', 1), ('stale', 2), ('failing', 3)) as t(status, rank)
),

ranked as (
    select
        source_health.*,
        status_rank.rank,
        -- An outlet is judged by its sources that are not silenced, unless all of them are.
        (not source_health.silenced) or bool_and(source_health.silenced) over (partition by source_health.outlet)
            as counts_for_outlet
    from source_health
    join status_rank using (status)
),

outlet_health as (
    select
        'outlet' as level,
        outlet,
        null::varchar as source_id,
        arg_max(status, rank) filter (where counts_for_outlet) as status,
        list_filter(
            ['consecutive_failures', 'min_items', 'error_ratio', 'parse_failures', 'timeouts', 'yield_drop',
             'stale', 'feed_unchanged'],
            lambda r: list_contains(flatten(list(rules_fired) filter (where counts_for_outlet)), r)) as rules_fired,
        flatten(list(list_transform(rule_details, lambda d: source_id || ' ' || d) order by source_id)
            filter (where counts_for_outlet)) as rule_details,
        bool_and(silenced) as silenced,
        sum(runs)::bigint as runs,
        sum(failed_runs)::bigint as failed_runs,
        max(consecutive_failures) as consecutive_failures,
        arg_max(last_run_id, last_run_at) as last_run_id,
        max(last_run_at) as last_run_at,
        arg_max(last_run_status, last_run_at) as last_run_status,
        max(last_success_at) as last_success_at,
        max(last_new_article_at) as last_new_article_at,
        max(last_feed_change_at) as last_feed_change_at,
        arg_max(last_error_run_id, last_error_at) as last_error_run_id,
        arg_max(last_error_kind, last_error_at) as last_error_kind,
        arg_max(last_error_stage, last_error_at) as last_error_stage,
        arg_max(last_error_http_status, last_error_at) as last_error_http_status,
        arg_max(last_error_message, last_error_at) as last_error_message,
        arg_max(last_error_url, last_error_at) as last_error_url,
        max(last_error_at) as last_error_at,
        sum(runs_7d)::bigint as runs_7d,
        sum(failed_runs_7d)::bigint as failed_runs_7d,
        sum(items_7d)::bigint as items_7d,
        sum(errors_7d)::bigint as errors_7d,
        sum(figures_7d)::bigint as figures_7d,
        max(judged_at) as judged_at
    from ranked
    group by outlet
),

final as (
    select * from outlet_health
    union all by name
    select * exclude (rank, counts_for_outlet) from ranked
)

select * from final
