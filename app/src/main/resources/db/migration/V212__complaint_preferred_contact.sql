-- How the caller wants the resolution: EMAIL (a confirmation link by mail) or PHONE (an agent
-- calls). Recorded at intake; older complaints (null) reply by e-mail when they have one.
alter table crm_complaint add column preferred_contact varchar(10);
