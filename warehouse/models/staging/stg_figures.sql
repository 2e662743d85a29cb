-- One figure as extracted (rename/cast only); offsets (the figure's and its sentence's) point into
-- title || '\n\n' || body, from which int_figure_versions and fct_figure_reports cut the sentence.
with source as (
    select * from figures
),

final as (
    select
        figure_id,
        article_id,
        cast(sentence_index as integer) as sentence_index,
        cast("start" as integer) as start_offset,
        cast("end" as integer) as end_offset,
        surface,
        value,
        qualifier,
        low,
        high,
        counted,
        category,
        claimant,
        via,
        lang,
        extractor_version,
        cast(sentence_start as integer) as sentence_start_offset,
        cast(sentence_end as integer) as sentence_end_offset
    from source
)

select * from final
