-- PostgreSQL ranks knowledge search by full-text search (db/vendor/postgresql/R__knowledge_search);
-- H2 ranks with LIKE over the term table (ArticleSearch). Both list by status, newest first.
-- Repeatable (R__) and idempotent: it runs after the knowledge base's own migrations (V2xx).
create index if not exists crm_kb_article_status_updated on crm_kb_article (status, updated_at);
