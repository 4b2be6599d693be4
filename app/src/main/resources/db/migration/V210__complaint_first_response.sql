-- The first response to a complaint: what the agent told the customer, who, when. The
-- investigation goes back to that agent, and the note shows in the case.
alter table crm_complaint add column first_response_note varchar(4000);
alter table crm_complaint add column first_response_by varchar(64);
alter table crm_complaint add column first_response_at timestamp with time zone;
