-- The customer list searches one column: the customer's name (as written and as its match key),
-- e-mail and phone key, and those of its contacts, lower-cased (Customer.searchText keeps it).
-- PostgreSQL serves "contains" search with a trigram index (db/vendor/postgresql/V130); H2 scans.
alter table crm_customer add column search_text character varying;

update crm_customer c set search_text = lower(concat_ws(' | ', c.name, c.name_key, c.email_key, c.phone_key,
    (select listagg(concat_ws(' | ', k.name, k.email_key, k.phone_key), ' | ') within group (order by k.id)
     from crm_contact k where k.customer_id = c.id)));

-- the list's default order (by name), and its order by "customer since"
create index crm_customer_name on crm_customer (name);
create index crm_customer_created_at on crm_customer (created_at);
