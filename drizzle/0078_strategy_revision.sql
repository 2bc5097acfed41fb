-- The Strategy module's data revision (src/modules/strategy/strategy-read-model.ts): bumped once per
-- writing statement on every table of the `strategy` schema and on `organisation` (the names of lead and
-- partner bodies), inside the writer's transaction, so a strategy's tree, counts and budget totals kept
-- in memory under a revision are never older than what is committed — whichever process wrote. The budget
-- totals (cache.strategy_budget_total) are written in the same transaction as the budget lines they sum.
-- A table added to the schema later needs its own trigger (strategy-read-model.test.ts checks every one).
CREATE SCHEMA IF NOT EXISTS "cache";--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."strategy_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "cache"."strategy_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION strategy_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache.strategy_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE
  tbl text;
BEGIN
  FOR tbl IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'strategy' AND table_type = 'BASE TABLE' LOOP
    EXECUTE format('CREATE TRIGGER strategy_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON strategy.%I FOR EACH STATEMENT EXECUTE FUNCTION strategy_bump_revision()', tbl);
  END LOOP;
END $$;--> statement-breakpoint
CREATE TRIGGER strategy_revision_organisation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation" FOR EACH STATEMENT EXECUTE FUNCTION strategy_bump_revision();
