-- H2 serves LIKE 'prefix%' from the plain index crm_customer_name_key (V100); PostgreSQL needs a
-- pattern index for it (db/vendor/postgresql/V602). Kept as a migration so both databases carry
-- the same version history.
select 1;
