-- Long texts are kept whole: a note, a reason or a description is as long as the form lets a
-- person type (4,000 characters) plus what the app puts before it, never cut at the column.
-- PostgreSQL keeps them as text; H2 as an unbounded character varying (its text is a CLOB,
-- which H2 cannot compare). FieldLimitsTest holds every form and API field to its column.
alter table crm_lead alter column notes set data type character varying;
alter table crm_lead alter column need set data type character varying;
alter table crm_lead alter column disqualify_reason set data type character varying;
alter table crm_opportunity alter column proposal_summary set data type character varying;
alter table crm_opportunity alter column discount_comment set data type character varying;
alter table crm_opportunity alter column lost_reason set data type character varying;
