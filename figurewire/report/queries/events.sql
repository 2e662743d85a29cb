-- One row per event that has a compared figure: a label (the title of its earliest independent
-- article), its time span, how many stories and outlets, and how many quantities outlets reported.
with articles as (
    select * from dim_articles
),

comparison as (
    select * from mart_figure_comparison
),

keys_per_event as (
    select
        event_id,
        count(distinct comparison_key) as quantities,
        count(distinct comparison_key) filter (where outlets >= 2) as compared_quantities
    from comparison
    group by event_id
),

final as (
    select
        articles.event_id,
        arg_min(articles.title, (coalesce(articles.is_syndicated_copy, false), articles.reported_at, articles.article_id))
            as label,
        min(articles.reported_at) as first_reported_at,
        max(articles.reported_at) as last_reported_at,
        count(*) as stories,
        list(distinct articles.outlet order by articles.outlet) as outlets,
        keys_per_event.quantities,
        keys_per_event.compared_quantities
    from articles
    inner join keys_per_event on keys_per_event.event_id = articles.event_id
    group by articles.event_id, keys_per_event.quantities, keys_per_event.compared_quantities
)

select * from final
order by compared_quantities desc, quantities desc, first_reported_at, event_id
