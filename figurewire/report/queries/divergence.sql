-- Every row of mart_outlet_divergence: who deviates from the other outlets, how often and how far.
select * from mart_outlet_divergence
order by outlet
