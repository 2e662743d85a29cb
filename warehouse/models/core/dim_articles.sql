-- One row per story (its current revision), with its event and, for a syndicated copy, its original.
with current_articles as (
    select * from int_articles_current
),

groups as (
    select * from int_article_groups
),

originals as (
    select article_id, outlet from int_article_versions
),

figure_counts as (
    select article_id, count(*) as figures from stg_figures group by article_id
),

final as (
    select
        current_articles.article_id,
        current_articles.story_id,
        current_articles.revision,
        current_articles.revisions_seen,
        current_articles.outlet,
        current_articles.source_id,
        current_articles.feed_kind,
        current_articles.lang,
        current_articles.title,
        current_articles.url,
        current_articles.canonical_url,
        current_articles.published_at,
        current_articles.updated_at,
        current_articles.reported_at,
        current_articles.fetched_at,
        current_articles.authors,
        current_articles.section,
        current_articles.is_alert,
        groups.event_id,
        groups.is_syndicated_copy,
        groups.original_article_id,
        originals.outlet as original_outlet,
        groups.copy_similarity,
        coalesce(figure_counts.figures, 0) as figures
    from current_articles
    left join groups on groups.article_id = current_articles.article_id
    left join originals on originals.article_id = groups.original_article_id
    left join figure_counts on figure_counts.article_id = current_articles.article_id
)

select * from final
