-- A syndicated copy points at an original from another outlet, reported no later than the copy, and
-- that original is not itself a copy.
with copies as (
    select * from dim_articles where is_syndicated_copy
),

versions as (
    select * from int_article_versions
),

groups as (
    select * from int_article_groups
),

final as (
    select
        copies.article_id,
        copies.outlet,
        copies.reported_at,
        copies.original_article_id,
        versions.outlet as original_outlet,
        versions.reported_at as original_reported_at
    from copies
    left join versions on versions.article_id = copies.original_article_id
    left join groups on groups.article_id = copies.original_article_id
    where versions.article_id is null
        or versions.outlet = copies.outlet
        or versions.reported_at > copies.reported_at
        or groups.is_syndicated_copy
)

select * from final
