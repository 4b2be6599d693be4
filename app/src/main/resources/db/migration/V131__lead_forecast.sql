-- The weighted forecast (issue 24): when a lead is expected to close and how likely it is, the
-- likelihood of each pipeline stage, and what each owner is to sell per month.
-- expected_close: set by the lead's owner; without it the forecast reads the capture day plus
-- lodestar.lead.default-close-days. probability: the owner's own percentage; without it the stage's.
alter table crm_lead add column expected_close date;
alter table crm_lead add column probability integer;

-- How likely a lead at each open stage of the board is to be won, in percent (README: "Forecast").
create table crm_stage_probability (
    stage               varchar(24) primary key,
    probability_percent integer not null,
    constraint crm_stage_probability_range check (probability_percent between 0 and 100)
);

insert into crm_stage_probability (stage, probability_percent) values ('NEW', 5);
insert into crm_stage_probability (stage, probability_percent) values ('DUPLICATE_REVIEW', 5);
insert into crm_stage_probability (stage, probability_percent) values ('QUALIFYING', 10);
insert into crm_stage_probability (stage, probability_percent) values ('PROPOSAL', 30);
insert into crm_stage_probability (stage, probability_percent) values ('DISCOUNT_APPROVAL', 50);
insert into crm_stage_probability (stage, probability_percent) values ('NEGOTIATION', 70);

-- A sales target per owner and month (the first day of the month); a month without a row has
-- lodestar.lead.monthly-target.
create table crm_sales_target (
    owner        varchar(64)    not null,
    target_month date           not null,
    amount       numeric(15, 2) not null,
    constraint pk_crm_sales_target primary key (owner, target_month)
);
