-- Customer matching looks up longer names by prefix ("acme %"). A plain b-tree serves LIKE
-- only under the C collation; this one serves it under any (C.UTF-8, en_US.UTF-8, ...).
create index crm_customer_name_key_prefix on crm_customer (name_key varchar_pattern_ops);
