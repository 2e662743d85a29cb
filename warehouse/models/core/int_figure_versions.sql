-- Figures of every article version, with what grouping needs to know about their article.
with figures as (
    select * from stg_figures
),

versions as (
    select * from int_article_versions
),

current_articles as (
    select article_id from int_articles_current
),

final as (
    select
        figures.figure_id,
        figures.article_id,
        versions.story_id,
        figures.category,
        figures.value,
        figures.counted,
        figures.claimant,
        substring(versions.article_text, figures.sentence_start_offset + 1,
                  figures.sentence_end_offset - figures.sentence_start_offset) as sentence,
        trim(regexp_replace(strip_accents(lower(sentence)), '[^\pL\pN]+', ' ', 'g')) as sentence_normalised,
        figures.article_id in (select article_id from current_articles) as is_current_revision
    from figures
    inner join versions on versions.article_id = figures.article_id
)

select * from final
