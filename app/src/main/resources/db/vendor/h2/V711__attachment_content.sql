-- The attachment's bytes (V710): H2's binary type, up to its limit of 1 GB.
alter table crm_attachment add column content varbinary not null;
