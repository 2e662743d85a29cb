-- The latest revision of each story: a wire item's later revision replaces the earlier one.
with versions as (
    select * from int_article_versions
),

ranked as (
    select
        *,
        count(*) over (partition by story_id) as revisions_seen,
        row_number() over (
            partition by story_id order by revision desc, reported_at desc nulls last, article_id
        ) as revision_rank
    from versions
),

final as (
    select * exclude (revision_rank)
    from ranked
    where revision_rank = 1
)

select * from final
