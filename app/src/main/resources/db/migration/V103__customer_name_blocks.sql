-- Duplicate detection by similar names (customer.NameSimilarity): a new customer's name is
-- compared with the customers that share a block with it (the first three letters of a word, or
-- two neighbouring Chinese characters), never with all customers. The blocks of existing
-- customers, and their name keys as MatchKeys now writes them, are filled by V104 (in Java:
-- CustomerNameBlocksMigration), since the normalisation lives in Java.
create table crm_customer_name_block (
    customer_id  bigint      not null references crm_customer (id),
    block        varchar(32) not null,
    constraint crm_customer_name_block_pk primary key (customer_id, block)
);

create index crm_customer_name_block_block on crm_customer_name_block (block, customer_id);
