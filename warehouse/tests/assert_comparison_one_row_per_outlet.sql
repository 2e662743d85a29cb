-- mart_figure_comparison has exactly one row per event, comparison key and outlet.
with final as (
    select event_id, comparison_key, outlet, count(*) as rows_for_outlet
    from mart_figure_comparison
    group by event_id, comparison_key, outlet
    having count(*) > 1
)

select * from final
