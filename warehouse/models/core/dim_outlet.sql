-- One row per outlet: the sources that feed it and what it delivered.
with runs as (
    select * from stg_scrape_runs
),

articles as (
    select * from dim_articles
),

outlets_from_runs as (
    select
        outlet,
        list(distinct source_id order by source_id) as source_ids,
        count(distinct run_id) as runs,
        max(finished_at) as last_run_at
    from runs
    group by outlet
),

outlets_from_articles as (
    select
        outlet,
        count(*) as stories,
        count(*) filter (where is_syndicated_copy) as syndicated_copies,
        min(published_at) as first_published_at,
        max(published_at) as last_published_at
    from articles
    group by outlet
),

final as (
    select
        coalesce(outlets_from_runs.outlet, outlets_from_articles.outlet) as outlet,
        coalesce(outlets_from_runs.source_ids, []) as source_ids,
        coalesce(outlets_from_runs.runs, 0) as runs,
        outlets_from_runs.last_run_at,
        coalesce(outlets_from_articles.stories, 0) as stories,
        coalesce(outlets_from_articles.syndicated_copies, 0) as syndicated_copies,
        outlets_from_articles.first_published_at,
        outlets_from_articles.last_published_at
    from outlets_from_runs
    full outer join outlets_from_articles on outlets_from_articles.outlet = outlets_from_runs.outlet
)

select * from final
