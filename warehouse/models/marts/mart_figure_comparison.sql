-- For each event and comparison key, one row per outlet: its latest value (latest revision of its
-- latest article), qualifier, bounds, claimant, first and last time it reported the quantity; and,
-- across the independent outlets (syndicated copies excluded), min, max, spread and whether all their
-- bounds admit one common value.
with reports as (
    select * from int_key_reports
),

per_outlet as (
    select
        event_id,
        comparison_key,
        outlet,
        min(reported_at) as first_reported_at,
        max(reported_at) as last_reported_at,
        count(distinct story_id) as stories,
        count(*) as reports,
        bool_and(is_syndicated_copy) as only_copies
    from reports
    group by event_id, comparison_key, outlet
),

latest as (
    select *
    from reports
    where is_current_revision
    qualify row_number() over (
        partition by event_id, comparison_key, outlet
        order by is_syndicated_copy, reported_at desc nulls last, article_id
    ) = 1
),

outlet_rows as (
    select
        latest.event_id,
        latest.comparison_key,
        latest.category,
        latest.counted_noun,
        latest.place,
        latest.outlet,
        latest.value,
        latest.qualifier,
        latest.low,
        latest.high,
        latest.lower_bound,
        latest.upper_bound,
        latest.claimant,
        latest.via,
        latest.surface,
        latest.article_id,
        per_outlet.first_reported_at,
        per_outlet.last_reported_at,
        per_outlet.reports,
        not per_outlet.only_copies as is_independent,
        case when per_outlet.only_copies then originals.outlet end as copied_from_outlet
    from latest
    inner join per_outlet using (event_id, comparison_key, outlet)
    left join int_article_versions as originals on originals.article_id = latest.original_article_id
),

across_outlets as (
    select
        event_id,
        comparison_key,
        count(*) as outlets,
        count(*) filter (where is_independent) as independent_outlets,
        min(value) filter (where is_independent) as min_value,
        max(value) filter (where is_independent) as max_value,
        max(lower_bound) filter (where is_independent) as common_lower,
        min(upper_bound) filter (where is_independent) as common_upper
    from outlet_rows
    group by event_id, comparison_key
),

final as (
    select
        outlet_rows.*,
        across_outlets.outlets,
        across_outlets.independent_outlets,
        across_outlets.min_value,
        across_outlets.max_value,
        across_outlets.max_value - across_outlets.min_value as spread,
        coalesce(across_outlets.common_lower <= across_outlets.common_upper, true) as bounds_consistent
    from outlet_rows
    inner join across_outlets using (event_id, comparison_key)
)

select * from final
