-- Every figure of every article version, attributed (outlet, time, claimant) and grouped (event,
-- comparison key, syndication). lower_bound/upper_bound are the interval the figure allows: exact ->
-- the value, approx -> value +/- 10 %, more than / at least -> from low, less than / at most -> up to
-- high, ranges and vague quantities -> their bounds; null means unbounded.
with figures as (
    select * from stg_figures
),

versions as (
    select * from int_article_versions
),

current_articles as (
    select article_id from int_articles_current
),

groups as (
    select * from int_article_groups
),

keys as (
    select * from int_comparison_keys
),

final as (
    select
        figures.figure_id,
        figures.article_id,
        versions.story_id,
        versions.revision,
        figures.article_id in (select article_id from current_articles) as is_current_revision,
        versions.outlet,
        versions.source_id,
        versions.lang,
        versions.published_at,
        versions.reported_at,
        groups.event_id,
        keys.comparison_key,
        keys.counted_noun,
        keys.place,
        groups.is_syndicated_copy,
        groups.original_article_id,
        figures.category,
        figures.counted,
        figures.value,
        figures.qualifier,
        figures.low,
        figures.high,
        case
            when figures.qualifier = 'exact' then coalesce(figures.low, figures.value)
            when figures.qualifier = 'approx' then coalesce(figures.low, figures.value * 0.9)
            when figures.qualifier in ('more_than', 'at_least', 'range', 'vague') then figures.low
        end as lower_bound,
        case
            when figures.qualifier = 'exact' then coalesce(figures.high, figures.value)
            when figures.qualifier = 'approx' then coalesce(figures.high, figures.value * 1.1)
            when figures.qualifier in ('less_than', 'at_most', 'range', 'vague') then figures.high
        end as upper_bound,
        figures.claimant,
        keys.claimant_name,
        figures.via,
        figures.surface,
        substring(versions.article_text, figures.sentence_start_offset + 1,
                  figures.sentence_end_offset - figures.sentence_start_offset) as sentence,
        figures.sentence_index,
        figures.sentence_start_offset,
        figures.sentence_end_offset,
        figures.start_offset,
        figures.end_offset,
        figures.extractor_version
    from figures
    inner join versions on versions.article_id = figures.article_id
    left join groups on groups.article_id = figures.article_id
    left join keys on keys.figure_id = figures.figure_id
)

select * from final
