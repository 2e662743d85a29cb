-- One row per article version (article_id), whichever source delivered it (the AFP HTTP index and
-- drop folder share ids), with the time it was reported: its update time, else publication, else fetch,
-- and its text normalised for grouping (lowercase, no accents, words separated by single spaces).
with articles as (
    select * from stg_articles
),

ranked as (
    select
        *,
        row_number() over (
            partition by article_id order by fetched_at desc nulls last, source_id
        ) as copy_rank
    from articles
),

texts as (
    select
        * exclude (copy_rank),
        coalesce(updated_at, published_at, fetched_at) as reported_at,
        case when title is not null and title <> '' then title || chr(10) || chr(10) || body else body end
            as article_text
    from ranked
    where copy_rank = 1
),

final as (
    select
        *,
        trim(regexp_replace(strip_accents(lower(article_text)), '[^\pL\pN]+', ' ', 'g')) as normalised_text
    from texts
)

select * from final
