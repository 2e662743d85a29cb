-- Every row of mart_figure_comparison, plus where it came from: the article's URL and title, the
-- sentence and offsets of the figure (first mention of the key in that article), and a link that
-- opens the article at the words quoted (a text fragment: its '-' and ',' are delimiters, so encoded).
with comparison as (
    select * from mart_figure_comparison
),

reports as (
    select * from int_key_reports
),

articles as (
    select * from int_article_versions
),

final as (
    select
        comparison.*,
        articles.url,
        articles.title as article_title,
        reports.lang,
        reports.sentence,
        reports.start_offset,
        reports.end_offset,
        articles.url || '#:~:text=' || replace(url_encode(comparison.surface), '-', '%2D') as source_link
    from comparison
    left join reports
        on reports.event_id = comparison.event_id
        and reports.comparison_key = comparison.comparison_key
        and reports.article_id = comparison.article_id
    left join articles on articles.article_id = comparison.article_id
)

select * from final
order by event_id, comparison_key, outlet
