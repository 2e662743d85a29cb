-- The loader upserts by key: a duplicate key means a load was doubled.
with duplicates as (
    select 'articles' as raw_table, article_id as raw_key, count(*) as copies from articles group by article_id
    union all
    select 'figures', figure_id, count(*) from figures group by figure_id
    union all
    select 'fetch_errors', error_id, count(*) from fetch_errors group by error_id
    union all
    select 'raw_snapshots', raw_id, count(*) from raw_snapshots group by raw_id
    union all
    select 'scrape_runs', run_id || '/' || source_id, count(*) from scrape_runs group by run_id, source_id
),

final as (
    select * from duplicates where copies > 1
)

select * from final
