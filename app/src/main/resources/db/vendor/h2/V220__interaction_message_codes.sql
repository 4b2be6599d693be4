-- The values of a text the application wrote hold what a person typed (a complaint's description),
-- so they are as long as it: unbounded, like the summary (V106).
alter table crm_interaction alter column summary_args set data type character varying;

-- Rows written before V120 are recognised by their English, which the application wrote the same
-- way every time; the values are lifted out of it. What is not recognised stays as it was written.
-- (REGEXP_SUBSTR's last argument is the group; flag n lets a dot match a line break.)
update crm_interaction
   set summary_code = 'interaction.complaintRecorded',
       summary_args = cast(json_array(regexp_substr(summary, '^Complaint #([0-9]+) ', 1, 1, 'n', 1),
           json_object('label': 'complaints.category.'
               || upper(replace(regexp_substr(summary, '^Complaint #[0-9]+ \(([a-z ]+)\): ', 1, 1, 'n', 1), ' ', '_'))),
           regexp_substr(summary, '^Complaint #[0-9]+ \([a-z ]+\): (.*)$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Complaint #[0-9]+ \([a-z ]+\): ', 'n');

update crm_interaction
   set summary_code = 'interaction.leadCapturedWithNotes',
       summary_args = cast(json_array(regexp_substr(summary, '^Lead #([0-9]+) ', 1, 1, 'n', 1),
           json_object('label': 'leads.source.' || upper(regexp_substr(summary, '^Lead #[0-9]+ captured from ([a-z]+): ', 1, 1, 'n', 1))),
           regexp_substr(summary, '^Lead #[0-9]+ captured from [a-z]+: (.*)$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Lead #[0-9]+ captured from [a-z]+: ', 'n');

update crm_interaction
   set summary_code = 'interaction.leadCaptured',
       summary_args = cast(json_array(regexp_substr(summary, '^Lead #([0-9]+) ', 1, 1, 'n', 1),
           json_object('label': 'leads.source.' || upper(regexp_substr(summary, '^Lead #[0-9]+ captured from ([a-z]+)$', 1, 1, 'n', 1)))) as varchar)
 where summary_code is null and regexp_like(summary, '^Lead #[0-9]+ captured from [a-z]+$', 'n');

update crm_interaction
   set summary_code = 'interaction.dealWon',
       summary_args = cast(json_array(regexp_substr(summary, '^Deal won \(lead #([0-9]+), ', 1, 1, 'n', 1),
           json_object('amount': regexp_substr(summary, '^Deal won \(lead #[0-9]+, ([0-9.]+)\)', 1, 1, 'n', 1))) as varchar)
 where summary_code is null
   and regexp_like(summary, '^Deal won \(lead #[0-9]+, [0-9.]+\): handed over to service for the welcome call$', 'n');

update crm_interaction
   set summary_code = 'interaction.dealWon',
       summary_args = cast(json_array(regexp_substr(summary, '^Deal won \(lead #([0-9]+), ', 1, 1, 'n', 1), '—') as varchar)
 where summary_code is null
   and regexp_like(summary, '^Deal won \(lead #[0-9]+, null\): handed over to service for the welcome call$', 'n');

update crm_interaction
   set summary_code = 'interaction.merged',
       summary_args = cast(json_array(regexp_substr(summary, '^Merged customer #([0-9]+) ', 1, 1, 'n', 1),
           regexp_substr(summary, '^Merged customer #[0-9]+ \((.*)\) into this customer$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Merged customer #[0-9]+ \(.*\) into this customer$', 'n');

update crm_interaction
   set summary_code = 'interaction.resolutionByPhoneWithComment',
       summary_args = cast(json_array(regexp_substr(summary, '^Resolution of complaint #([0-9]+) ', 1, 1, 'n', 1),
           regexp_substr(summary, '^Resolution of complaint #[0-9]+ told by phone: (.*)$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Resolution of complaint #[0-9]+ told by phone: ', 'n');

update crm_interaction
   set summary_code = 'interaction.resolutionByPhone',
       summary_args = cast(json_array(regexp_substr(summary, '^Resolution of complaint #([0-9]+) ', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Resolution of complaint #[0-9]+ told by phone$', 'n');

update crm_interaction
   set summary_code = 'interaction.resolution',
       summary_args = cast(json_array(regexp_substr(summary, '^Resolution of complaint #([0-9]+): ', 1, 1, 'n', 1),
           regexp_substr(summary, '^Resolution of complaint #[0-9]+: (.*)$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^Resolution of complaint #[0-9]+: ', 'n');

update crm_interaction
   set summary_code = 'interaction.firstResponse',
       summary_args = cast(json_array(regexp_substr(summary, '^First response to complaint #([0-9]+): ', 1, 1, 'n', 1),
           regexp_substr(summary, '^First response to complaint #[0-9]+: (.*)$', 1, 1, 'n', 1)) as varchar)
 where summary_code is null and regexp_like(summary, '^First response to complaint #[0-9]+: ', 'n');

update crm_interaction
   set outcome_code = 'outcome.confirmedWithScore',
       outcome_args = cast(json_array(regexp_substr(outcome, '^confirmed, satisfaction ([0-9])/5$', 1, 1, 'n', 1)) as varchar)
 where outcome_code is null and regexp_like(outcome, '^confirmed, satisfaction [0-9]/5$', 'n');
