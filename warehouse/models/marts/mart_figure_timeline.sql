-- How each outlet's figure for a quantity evolved: one row per article version reporting it, in time
-- order, with the previous value. A revision is a step in this timeline, not a conflict.
with reports as (
    select * from int_key_reports
),

final as (
    select
        event_id,
        comparison_key,
        outlet,
        reported_at,
        article_id,
        story_id,
        revision,
        is_current_revision,
        is_syndicated_copy,
        value,
        qualifier,
        low,
        high,
        claimant,
        via,
        surface,
        lag(value) over outlet_key as previous_value,
        value - lag(value) over outlet_key as change,
        row_number() over outlet_key as step
    from reports
    window outlet_key as (
        partition by event_id, comparison_key, outlet order by reported_at nulls last, revision, article_id
    )
)

select * from final
