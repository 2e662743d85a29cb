-- Every figure's offsets point at its surface in title || '\n\n' || body of its article.
with figures as (
    select * from stg_figures
),

articles as (
    select * from int_article_versions
),

final as (
    select
        figures.figure_id,
        figures.article_id,
        figures.start_offset,
        figures.end_offset,
        figures.surface,
        substring(articles.article_text, figures.start_offset + 1, figures.end_offset - figures.start_offset)
            as text_at_offsets
    from figures
    inner join articles on articles.article_id = figures.article_id
    where text_at_offsets is distinct from figures.surface
)

select * from final
