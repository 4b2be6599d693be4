-- What the application sends itself (a training wave's invitation or reminder) is logged with its
-- kind and wave, so that the rollout page names it in the reader's language. Older rows keep their
-- English subject and are shown as they are.
alter table crm_rollout_message add column subject_code varchar(40);
alter table crm_rollout_message add column wave_kind varchar(40);
