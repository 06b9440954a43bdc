-- Exact trajectory counts by status x category x split, maintained by
-- statement-level triggers over transition tables: one upsert per distinct
-- key per statement (a 200k-row COPY costs one aggregate, not 200k upserts),
-- so the dashboard reads a handful of rows instead of a GROUP BY over the
-- whole table. Keys are applied in sorted order so concurrent writers lock
-- count rows in the same order and cannot deadlock.
CREATE OR REPLACE FUNCTION corpus_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO corpus_counts (status, category, split, n)
      SELECT status, category, split, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (status, category, split) DO UPDATE SET n = corpus_counts.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO corpus_counts (status, category, split, n)
      SELECT status, category, split, -count(*) FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (status, category, split) DO UPDATE SET n = corpus_counts.n + excluded.n;
  ELSE
    INSERT INTO corpus_counts (status, category, split, n)
      SELECT status, category, split, sum(d) FROM (
        SELECT status, category, split, 1 AS d FROM new_rows
        UNION ALL
        SELECT status, category, split, -1 AS d FROM old_rows
      ) changes GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (status, category, split) DO UPDATE SET n = corpus_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER corpus_counts_insert AFTER INSERT ON trajectories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION corpus_counts_apply();
--> statement-breakpoint
CREATE TRIGGER corpus_counts_update AFTER UPDATE ON trajectories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION corpus_counts_apply();
--> statement-breakpoint
CREATE TRIGGER corpus_counts_delete AFTER DELETE ON trajectories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION corpus_counts_apply();
--> statement-breakpoint
-- Rows that existed before this migration.
INSERT INTO corpus_counts (status, category, split, n)
  SELECT status, category, split, count(*) FROM trajectories GROUP BY 1, 2, 3
  ON CONFLICT (status, category, split) DO UPDATE SET n = excluded.n;
