-- Name-fragment search on Chinese employer names: trigram GIN indexes (pg_trgm works on CJK text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX employer_name_trgm_idx ON employer USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX employer_uscc_trgm_idx ON employer USING gin (uscc gin_trgm_ops);
