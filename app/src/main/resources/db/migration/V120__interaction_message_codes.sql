-- What the application writes on a customer's interaction log by itself (a complaint recorded, a
-- deal won, a merge) is kept as a message code with its values (JSON), so that every reader reads
-- it in her language (SystemTexts). The summary and outcome columns keep the English text for
-- older readers of the table and hold what people type. Rows written before are recognised where
-- their English says plainly what they were (see the vendor migrations V220); the rest stay as typed.
alter table crm_interaction add column summary_code varchar(80);
alter table crm_interaction add column summary_args varchar(8000);
alter table crm_interaction add column outcome_code varchar(80);
alter table crm_interaction add column outcome_args varchar(1000);

update crm_interaction set outcome_code = 'outcome.recorded', outcome_args = '[]' where outcome = 'recorded';
update crm_interaction set outcome_code = 'outcome.won', outcome_args = '[]' where outcome = 'won';
update crm_interaction set outcome_code = 'outcome.onboarded', outcome_args = '[]' where outcome = 'onboarded';
update crm_interaction set outcome_code = 'outcome.rejected', outcome_args = '[]' where outcome = 'rejected';
update crm_interaction set outcome_code = 'outcome.confirmed', outcome_args = '[]' where outcome = 'confirmed';
update crm_interaction set outcome_code = 'outcome.awaitingConfirmation', outcome_args = '[]'
    where outcome = 'awaiting the customer''s confirmation';
update crm_interaction set outcome_code = 'outcome.agentCalls', outcome_args = '[]'
    where outcome = 'by phone: an agent calls the customer';
update crm_interaction set summary_code = 'interaction.welcomeCall', summary_args = '[]'
    where summary = 'Welcome call after the sale';
