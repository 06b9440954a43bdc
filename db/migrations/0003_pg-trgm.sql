-- Trigram search over instruction text (the corpus browser), needed before its GIN index.
create extension if not exists pg_trgm;
