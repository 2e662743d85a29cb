-- One failed URL (rename/cast only).
with source as (
    select * from fetch_errors
),

final as (
    select
        error_id,
        run_id,
        source_id,
        outlet,
        url,
        stage,
        kind as error_kind,
        cast(http_status as integer) as http_status,
        message,
        occurred_at
    from source
)

select * from final
