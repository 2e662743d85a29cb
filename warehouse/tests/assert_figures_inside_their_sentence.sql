-- Every figure lies inside the sentence its sentence offsets point at (the sentence models show is cut
-- from the article's text at those offsets).
with figures as (
    select * from stg_figures
),

final as (
    select
        figure_id,
        article_id,
        sentence_start_offset,
        start_offset,
        end_offset,
        sentence_end_offset
    from figures
    where sentence_start_offset > start_offset
        or sentence_end_offset < end_offset
        or sentence_start_offset > sentence_end_offset
)

select * from final
