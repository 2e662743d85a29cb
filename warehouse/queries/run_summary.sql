-- Articles and errors per outlet: in one run ($run_id, NULL for the latest run) and over all runs.
with runs as (
    select * from fct_scrape_runs
),

chosen_run as (
    select coalesce(cast($run_id as varchar), max(run_id)) as run_id from runs
),

per_outlet as (
    select
        runs.outlet,
        sum(runs.articles_loaded) filter (where runs.run_id = chosen_run.run_id) as run_articles,
        sum(runs.fetch_errors) filter (where runs.run_id = chosen_run.run_id) as run_errors,
        sum(runs.articles_loaded) as all_articles,
        sum(runs.fetch_errors) as all_errors,
        count(distinct runs.run_id) as runs
    from runs
    cross join chosen_run
    group by runs.outlet
),

final as (
    select
        (select run_id from chosen_run) as run_id,
        outlet,
        coalesce(run_articles, 0) as run_articles,
        coalesce(run_errors, 0) as run_errors,
        all_articles,
        all_errors,
        runs
    from per_outlet
    order by outlet
)

select * from final
