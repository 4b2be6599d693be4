-- An ADKAR assessment's notes are kept twice: on the stakeholder (widened by V340) and in the
-- assessment's history row, which still held 2,000 characters: a 4,000-character note the form
-- accepts failed deep in the step (a 500). Both hold what the form lets a person type.
alter table crm_stakeholder_assessment alter column notes set data type character varying;
