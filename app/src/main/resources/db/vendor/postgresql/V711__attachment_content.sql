-- The attachment's bytes (V710): PostgreSQL's binary type.
alter table crm_attachment add column content bytea not null;
