-- Long texts are kept whole: a note, a reason or a description is as long as the form lets a
-- person type (4,000 characters) plus what the app puts before it, never cut at the column.
-- PostgreSQL keeps them as text; H2 as an unbounded character varying (its text is a CLOB,
-- which H2 cannot compare). FieldLimitsTest holds every form and API field to its column.
alter table crm_rollout alter column strategy set data type text;
alter table crm_rollout_phase alter column quality_target set data type text;
alter table crm_rollout_phase alter column quality_result set data type text;
alter table crm_stakeholder alter column assessment_notes set data type text;
alter table crm_barrier_point alter column mitigation set data type text;
alter table crm_rollout_phase alter column planned_cost set data type numeric(15, 2);
alter table crm_rollout_phase alter column actual_cost set data type numeric(15, 2);
