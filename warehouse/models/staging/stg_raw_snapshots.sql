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
        gzip_offset as raw_gzip_offset,
        gzip_length as raw_gzip_length,
        size as raw_bytes
    from source
)

select * from final
