-- The customer's preferred language (en or zh-CN): every mail and page to the customer uses it.
-- Empty means not known yet: English.
alter table crm_customer add column preferred_language varchar(8);
