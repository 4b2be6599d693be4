-- The values of a text the application wrote hold what a person typed (a complaint's description),
-- so they are as long as it: unbounded, like the summary (V106).
alter table crm_interaction alter column summary_args set data type text;

-- Rows written before V120 are recognised by their English, which the application wrote the same
-- way every time; the values are lifted out of it. What is not recognised stays as it was written.
update crm_interaction
   set summary_code = 'interaction.complaintRecorded',
       summary_args = json_build_array(substring(summary from '^Complaint #([0-9]+) '),
           json_build_object('label', 'complaints.category.'
               || upper(replace(substring(summary from '^Complaint #[0-9]+ \(([a-z ]+)\): '), ' ', '_'))),
           substring(summary from '^Complaint #[0-9]+ \([a-z ]+\): (.*)$'))::text
 where summary_code is null and summary ~ '^Complaint #[0-9]+ \([a-z ]+\): ';

update crm_interaction
   set summary_code = 'interaction.leadCapturedWithNotes',
       summary_args = json_build_array(substring(summary from '^Lead #([0-9]+) '),
           json_build_object('label', 'leads.source.' || upper(substring(summary from '^Lead #[0-9]+ captured from ([a-z]+): '))),
           substring(summary from '^Lead #[0-9]+ captured from [a-z]+: (.*)$'))::text
 where summary_code is null and summary ~ '^Lead #[0-9]+ captured from [a-z]+: ';

update crm_interaction
   set summary_code = 'interaction.leadCaptured',
       summary_args = json_build_array(substring(summary from '^Lead #([0-9]+) '),
           json_build_object('label', 'leads.source.' || upper(substring(summary from '^Lead #[0-9]+ captured from ([a-z]+)$'))))::text
 where summary_code is null and summary ~ '^Lead #[0-9]+ captured from [a-z]+$';

update crm_interaction
   set summary_code = 'interaction.dealWon',
       summary_args = json_build_array(substring(summary from '^Deal won \(lead #([0-9]+), '),
           json_build_object('amount', substring(summary from '^Deal won \(lead #[0-9]+, ([0-9.]+)\)')))::text
 where summary_code is null
   and summary ~ '^Deal won \(lead #[0-9]+, [0-9.]+\): handed over to service for the welcome call$';

update crm_interaction
   set summary_code = 'interaction.dealWon',
       summary_args = json_build_array(substring(summary from '^Deal won \(lead #([0-9]+), '), '—')::text
 where summary_code is null
   and summary ~ '^Deal won \(lead #[0-9]+, null\): handed over to service for the welcome call$';

update crm_interaction
   set summary_code = 'interaction.merged',
       summary_args = json_build_array(substring(summary from '^Merged customer #([0-9]+) '),
           substring(summary from '^Merged customer #[0-9]+ \((.*)\) into this customer$'))::text
 where summary_code is null and summary ~ '^Merged customer #[0-9]+ \(.*\) into this customer$';

update crm_interaction
   set summary_code = 'interaction.resolutionByPhoneWithComment',
       summary_args = json_build_array(substring(summary from '^Resolution of complaint #([0-9]+) '),
           substring(summary from '^Resolution of complaint #[0-9]+ told by phone: (.*)$'))::text
 where summary_code is null and summary ~ '^Resolution of complaint #[0-9]+ told by phone: ';

update crm_interaction
   set summary_code = 'interaction.resolutionByPhone',
       summary_args = json_build_array(substring(summary from '^Resolution of complaint #([0-9]+) '))::text
 where summary_code is null and summary ~ '^Resolution of complaint #[0-9]+ told by phone$';

update crm_interaction
   set summary_code = 'interaction.resolution',
       summary_args = json_build_array(substring(summary from '^Resolution of complaint #([0-9]+): '),
           substring(summary from '^Resolution of complaint #[0-9]+: (.*)$'))::text
 where summary_code is null and summary ~ '^Resolution of complaint #[0-9]+: ';

update crm_interaction
   set summary_code = 'interaction.firstResponse',
       summary_args = json_build_array(substring(summary from '^First response to complaint #([0-9]+): '),
           substring(summary from '^First response to complaint #[0-9]+: (.*)$'))::text
 where summary_code is null and summary ~ '^First response to complaint #[0-9]+: ';

update crm_interaction
   set outcome_code = 'outcome.confirmedWithScore',
       outcome_args = json_build_array(substring(outcome from '^confirmed, satisfaction ([0-9])/5$'))::text
 where outcome_code is null and outcome ~ '^confirmed, satisfaction [0-9]/5$';
