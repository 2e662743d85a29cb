-- Every source with a scrape run has exactly one health row, every outlet one outlet row.
with runs as (
    select distinct outlet, source_id from stg_scrape_runs
),

health as (
    select * from mart_scrape_health
),

expected as (
    select 'source' as level, outlet, source_id from runs
    union all
    select distinct 'outlet', outlet, null from runs
),

final as (
    select expected.level, expected.outlet, expected.source_id, count(health.status) as health_rows
    from expected
    left join health
        on health.level = expected.level and health.outlet = expected.outlet
        and health.source_id is not distinct from expected.source_id
    group by all
    having count(health.status) <> 1
)

select * from final
