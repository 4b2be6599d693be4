-- One truth for training progress (issue 21): a record carries when its knowledge check was
-- scored (passing is judged against the wave's pass score at that moment), and the trainer's
-- own changes to the audience: a person added by name, a person taken out of the wave.
alter table crm_training_record add column scored_at timestamp with time zone;
alter table crm_training_record add column added_by varchar(64);
alter table crm_training_record add column removed_at timestamp with time zone;
alter table crm_training_record add column removed_by varchar(64);
update crm_training_record set scored_at = coalesce(check_taken_at, completed_at, invited_at) where score is not null;
