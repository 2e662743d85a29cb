-- One stored raw response (rename/cast only).
with source as (
    select * from raw_snapshots
),

final as (
    select
        raw_id,
        run_id,
        source_id,
        url,
        cast(status as integer) as http_status,
        headers,
        fetched_at,
        path as raw_path,
        size as raw_bytes
    from source
)

select * from final
