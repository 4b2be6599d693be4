-- The customer list searches one column: the customer's name (as written and as its match key),
-- e-mail and phone key, and those of its contacts, lower-cased (Customer.searchText keeps it).
-- "Contains" search (LIKE '%text%') is served by a trigram index where pg_trgm can be had (a
-- trusted extension since PostgreSQL 13: the database's owner may create it); without it the
-- search still works, by scanning.
alter table crm_customer add column search_text text;

update crm_customer c set search_text = lower(concat_ws(' | ', c.name, c.name_key, c.email_key, c.phone_key,
    (select string_agg(concat_ws(' | ', k.name, k.email_key, k.phone_key), ' | ' order by k.id)
     from crm_contact k where k.customer_id = c.id)));

do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
        create index crm_customer_search_text on crm_customer using gin (search_text gin_trgm_ops);
    end if;
exception when insufficient_privilege then
    raise notice 'pg_trgm not installed (%): customer search scans instead of using an index', sqlerrm;
end
$$;

-- the list's default order (by name), and its order by "customer since"
create index crm_customer_name on crm_customer (name);
create index crm_customer_created_at on crm_customer (created_at);
