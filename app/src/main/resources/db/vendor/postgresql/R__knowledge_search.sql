-- The knowledge base's search ranks by PostgreSQL's full-text search: title words weigh more
-- than body words (weights A and B), every query word matches as a word prefix ("deliv:*").
-- The column follows the text by itself; H2 ranks with LIKE over the term table instead
-- (ArticleSearch). Repeatable (R__) and idempotent, because it must run after the knowledge
-- base's own migrations (V2xx) on a new database too.
alter table crm_kb_article add column if not exists search_vector tsvector
    generated always as (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored;

create index if not exists crm_kb_article_search_vector on crm_kb_article using gin (search_vector);

-- the list without a query: by status, newest first
create index if not exists crm_kb_article_status_updated on crm_kb_article (status, updated_at);
