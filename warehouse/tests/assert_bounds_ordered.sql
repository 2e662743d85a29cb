-- A figure's low bound never exceeds its high bound.
with final as (
    select figure_id, article_id, surface, low, high
    from stg_figures
    where low > high
)

select * from final
