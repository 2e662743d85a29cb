-- Every row of mart_claimants: who is cited for which figures, by which outlet.
select * from mart_claimants
order by claimant_name, outlet, via nulls first, event_id, comparison_key
