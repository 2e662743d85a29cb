-- A wire item's later revision replaces the earlier one: each story appears once.
with final as (
    select story_id, count(*) as rows_for_story
    from dim_articles
    group by story_id
    having count(*) > 1
)

select * from final
