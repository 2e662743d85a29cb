-- One figure as extracted (rename/cast only); offsets point into title || '\n\n' || body.
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
        sentence
    from source
)

select * from final
