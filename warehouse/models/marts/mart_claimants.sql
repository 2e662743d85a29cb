-- Who is cited for which figures, by which outlet and through which channel (via). claimant_name
-- merges spellings of one body (CICR, ICRC, Red Cross); claimant_spellings keeps them as written.
-- Syndicated copies are left out: a copy is not a second citation.
with figures as (
    select * from fct_figures
    where claimant is not null and not coalesce(is_syndicated_copy, false)
),

final as (
    select
        claimant_name,
        outlet,
        via,
        event_id,
        comparison_key,
        list(distinct claimant order by claimant) as claimant_spellings,
        count(*) as figures,
        count(distinct article_id) as articles,
        min(value) as min_value,
        max(value) as max_value,
        list(distinct value order by value) filter (where value is not null) as values_cited,
        min(reported_at) as first_cited_at,
        max(reported_at) as last_cited_at
    from figures
    group by claimant_name, outlet, via, event_id, comparison_key
)

select * from final
