-- The figures of the current revision of each story: what an outlet says now.
with reports as (
    select * from fct_figure_reports
),

final as (
    select * exclude (is_current_revision)
    from reports
    where is_current_revision
)

select * from final
