-- One customer per e-mail address and per phone number, also when two people capture the same
-- person at the same moment: each normalised contact key (MatchKeys: the e-mail lower-cased and
-- trimmed, the phone's last ten digits) belongs to one customer, and the primary key makes the
-- second claim of a key fail, so the second capture links to the first one's customer
-- (CustomerService.createOrLink) instead of making a twin.
create table crm_customer_key (
    kind         varchar(8)   not null,
    key_value    varchar(320) not null,
    customer_id  bigint       not null references crm_customer (id),
    created_at   timestamp with time zone not null,
    constraint crm_customer_key_pk primary key (kind, key_value)
);

create index crm_customer_key_customer on crm_customer_key (customer_id);

-- Existing data: each key goes to the oldest active customer that has it, first from the
-- customers' own keys, then from their contacts'.
insert into crm_customer_key (kind, key_value, customer_id, created_at)
select 'email', email_key, min(id), current_timestamp
from crm_customer
where merged_into_id is null and email_key is not null
group by email_key;

insert into crm_customer_key (kind, key_value, customer_id, created_at)
select 'phone', phone_key, min(id), current_timestamp
from crm_customer
where merged_into_id is null and phone_key is not null
group by phone_key;

insert into crm_customer_key (kind, key_value, customer_id, created_at)
select 'email', k.email_key, min(k.customer_id), current_timestamp
from crm_contact k join crm_customer c on c.id = k.customer_id
where c.merged_into_id is null and k.email_key is not null
  and not exists (select 1 from crm_customer_key x where x.kind = 'email' and x.key_value = k.email_key)
group by k.email_key;

insert into crm_customer_key (kind, key_value, customer_id, created_at)
select 'phone', k.phone_key, min(k.customer_id), current_timestamp
from crm_contact k join crm_customer c on c.id = k.customer_id
where c.merged_into_id is null and k.phone_key is not null
  and not exists (select 1 from crm_customer_key x where x.kind = 'phone' and x.key_value = k.phone_key)
group by k.phone_key;

-- Twins made before this migration are not merged behind anybody's back: each active customer
-- whose own e-mail or phone key belongs to an older customer is marked as a possible duplicate
-- of it, for a person to merge or confirm on the customer's page (as with similar names).
insert into crm_customer_duplicate (customer_id, candidate_id, reasons, status, created_at)
select c.id, x.customer_id, min(x.kind), 'OPEN', current_timestamp
from crm_customer c
join crm_customer_key x on (x.kind = 'email' and x.key_value = c.email_key)
                        or (x.kind = 'phone' and x.key_value = c.phone_key)
where c.merged_into_id is null and c.id <> x.customer_id
  and not exists (select 1 from crm_customer_duplicate d
                  where d.status = 'OPEN'
                    and ((d.customer_id = c.id and d.candidate_id = x.customer_id)
                      or (d.customer_id = x.customer_id and d.candidate_id = c.id)))
group by c.id, x.customer_id;
