-- Row count and an order-independent hash of every row of one table or view.
select count(*)::varchar || ':' || coalesce(bit_xor(hash(t))::varchar, '-') from query_table($name) as t;
