-- A figure without its article cannot be traced or attributed.
with figures as (
    select * from stg_figures
),

final as (
    select figure_id, article_id, surface
    from figures
    where article_id not in (select article_id from stg_articles)
)

select * from final
