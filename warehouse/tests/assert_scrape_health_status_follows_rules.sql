-- A status is the most severe of the rules that fired (consecutive_failures -> failing; stale, feed_unchanged
-- -> stale; any other -> degraded), 'ok' when none fired, and each fired rule has its one-line detail.
with health as (
    select * from mart_scrape_health where level = 'source'
),

final as (
    select source_id, status, rules_fired, rule_details
    from health
    where status <> case
            when list_contains(rules_fired, 'consecutive_failures') then 'failing'
            when list_contains(rules_fired, 'stale') or list_contains(rules_fired, 'feed_unchanged') then 'stale'
            when len(rules_fired) > 0 then 'degraded'
            else 'ok'
        end
        or len(rules_fired) <> len(rule_details)
)

select * from final
