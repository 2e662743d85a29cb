-- Every recorded error, one row per error id, with the run it belongs to.
with errors as (
    select * from stg_fetch_errors
),

final as (
    select
        error_id,
        run_id,
        source_id,
        outlet,
        url,
        stage,
        error_kind,
        http_status,
        message,
        occurred_at,
        cast(occurred_at as date) as occurred_on
    from errors
)

select * from final
