-- Every row of mart_figure_timeline (one step per article version reporting a quantity), plus the
-- article's URL, the sentence and a link that opens the article at the words quoted.
with timeline as (
    select * from mart_figure_timeline
),

reports as (
    select * from int_key_reports
),

articles as (
    select * from int_article_versions
),

final as (
    select
        timeline.*,
        articles.url,
        reports.sentence,
        articles.url || '#:~:text=' || replace(url_encode(timeline.surface), '-', '%2D') as source_link
    from timeline
    left join reports
        on reports.event_id = timeline.event_id
        and reports.comparison_key = timeline.comparison_key
        and reports.article_id = timeline.article_id
    left join articles on articles.article_id = timeline.article_id
)

select * from final
order by event_id, comparison_key, outlet, step
