-- One row per crawl of one source, with the errors and articles it produced: the base facts of
-- scrape health (minimum items, error ratio, consecutive failures, staleness, parser yield).
with runs as (
    select * from stg_scrape_runs
),

errors as (
    select * from stg_fetch_errors
),

articles as (
    select * from int_article_versions
),

figures as (
    select * from stg_figures
),

errors_per_run as (
    select
        run_id,
        source_id,
        count(*) as fetch_errors,
        count(*) filter (where stage = 'parse' or stage = 'validate') as parse_errors,
        count(*) filter (where stage = 'extract') as extract_errors,
        first(error_kind order by occurred_at desc, error_id desc) as last_error_kind,
        first(message order by occurred_at desc, error_id desc) as last_error_message,
        max(occurred_at) as last_error_at
    from errors
    group by run_id, source_id
),

figures_per_article as (
    select article_id, count(*) as figures from figures group by article_id
),

articles_per_run as (
    select
        articles.run_id,
        articles.source_id,
        count(*) as articles_loaded,
        count(*) filter (where coalesce(figures_per_article.figures, 0) > 0) as articles_with_figures,
        coalesce(sum(figures_per_article.figures), 0) as figures_loaded,
        max(articles.published_at) as newest_article_published_at
    from articles
    left join figures_per_article on figures_per_article.article_id = articles.article_id
    group by articles.run_id, articles.source_id
),

final as (
    select
        runs.*,
        runs.finished_at - runs.started_at as duration,
        coalesce(errors_per_run.fetch_errors, 0) as fetch_errors,
        coalesce(errors_per_run.parse_errors, 0) as parse_errors,
        coalesce(errors_per_run.extract_errors, 0) as extract_errors,
        errors_per_run.last_error_kind,
        errors_per_run.last_error_message,
        errors_per_run.last_error_at,
        coalesce(articles_per_run.articles_loaded, 0) as articles_loaded,
        coalesce(articles_per_run.articles_with_figures, 0) as articles_with_figures,
        coalesce(articles_per_run.figures_loaded, 0) as figures_loaded,
        articles_per_run.newest_article_published_at,
        coalesce(errors_per_run.fetch_errors, 0) / greatest(runs.requests, 1) as error_ratio
    from runs
    left join errors_per_run
        on errors_per_run.run_id = runs.run_id and errors_per_run.source_id = runs.source_id
    left join articles_per_run
        on articles_per_run.run_id = runs.run_id and articles_per_run.source_id = runs.source_id
)

select * from final
