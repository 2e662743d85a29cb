-- Per outlet: for the keys other independent outlets also reported, how often and how far its latest
-- value differs from theirs (relative to the median of the others).
with comparison as (
    select * from mart_figure_comparison
    where is_independent and independent_outlets >= 2 and value is not null
),

against_others as (
    select
        mine.outlet,
        mine.event_id,
        mine.comparison_key,
        mine.value,
        mine.bounds_consistent,
        median(others.value) as others_median,
        min(others.value) as others_min,
        max(others.value) as others_max
    from comparison as mine
    inner join comparison as others
        on others.event_id = mine.event_id
        and others.comparison_key = mine.comparison_key
        and others.outlet <> mine.outlet
    group by all
),

per_outlet as (
    select
        outlet,
        count(*) as keys_compared,
        count(*) filter (where value <> others_min or value <> others_max) as keys_differing,
        count(*) filter (where value > others_max) as keys_highest,
        count(*) filter (where value < others_min) as keys_lowest,
        count(*) filter (where not bounds_consistent) as keys_with_inconsistent_bounds,
        round(avg(abs(value - others_median) / nullif(others_median, 0)), 4) as mean_relative_gap,
        round(max(abs(value - others_median) / nullif(others_median, 0)), 4) as max_relative_gap
    from against_others
    group by outlet
),

outlets as (
    select outlet from dim_outlet
),

final as (
    select
        outlets.outlet,
        coalesce(per_outlet.keys_compared, 0) as keys_compared,
        coalesce(per_outlet.keys_differing, 0) as keys_differing,
        round(coalesce(per_outlet.keys_differing, 0) / nullif(per_outlet.keys_compared, 0), 4) as share_differing,
        coalesce(per_outlet.keys_highest, 0) as keys_highest,
        coalesce(per_outlet.keys_lowest, 0) as keys_lowest,
        coalesce(per_outlet.keys_with_inconsistent_bounds, 0) as keys_with_inconsistent_bounds,
        per_outlet.mean_relative_gap,
        per_outlet.max_relative_gap
    from outlets
    left join per_outlet on per_outlet.outlet = outlets.outlet
)

select * from final
