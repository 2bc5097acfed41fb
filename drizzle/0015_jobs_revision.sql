-- The public job offers' data revision (src/lib/server/jobs/offer-search-cache.ts): bumped once per
-- writing statement on every table the offer search reads, inside the writer's transaction, so a
-- search cached under a revision is never older than what is committed — whichever process (server,
-- CLI such as jobs:expire, a restore) wrote. In its own schema, out of the Drizzle schema and of
-- backups (a counter, not data: a restore's own writes bump it).
CREATE SCHEMA IF NOT EXISTS "cache";--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."jobs_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "cache"."jobs_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobs_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache.jobs_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER jobs_revision_job_offer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_offer" FOR EACH STATEMENT EXECUTE FUNCTION jobs_bump_revision();--> statement-breakpoint
CREATE TRIGGER jobs_revision_job_employer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_employer" FOR EACH STATEMENT EXECUTE FUNCTION jobs_bump_revision();--> statement-breakpoint
CREATE TRIGGER jobs_revision_organisation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation" FOR EACH STATEMENT EXECUTE FUNCTION jobs_bump_revision();--> statement-breakpoint
CREATE TRIGGER jobs_revision_occupation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "occupation" FOR EACH STATEMENT EXECUTE FUNCTION jobs_bump_revision();
