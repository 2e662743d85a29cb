-- One report per article version and comparison key: the first figure of that key in the article.
-- An article that repeats its figure (title and body) counts once.
with figures as (
    select * from fct_figure_reports
),

ranked as (
    select
        *,
        row_number() over (
            partition by event_id, comparison_key, article_id order by sentence_index, start_offset
        ) as mention_rank
    from figures
),

final as (
    select * exclude (mention_rank)
    from ranked
    where mention_rank = 1
)

select * from final
