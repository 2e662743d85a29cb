-- One article version as loaded (rename/cast only).
with source as (
    select * from articles
),

final as (
    select
        article_id,
        story_id,
        cast(revision as integer) as revision,
        source_id,
        outlet,
        feed_kind,
        url,
        canonical_url,
        guid,
        title,
        body,
        summary,
        lang,
        published_at,
        updated_at,
        fetched_at,
        authors,
        section,
        tags,
        is_alert,
        content_hash,
        raw_id,
        run_id,
        parser as parser_name
    from source
)

select * from final
