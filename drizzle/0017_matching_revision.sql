-- The matching data revision (src/lib/server/jobs/matching/matching-cache.ts): bumped once per writing
-- statement on every table a ranked list of candidates reads — profiles (with their consent, places,
-- languages, skills, availability), people's names and e-mails (shown to counsellors), offers,
-- applications (the "applied" mark) and occupations (titles in the explanations) — inside the writer's
-- transaction, so a list cached under a revision never shows what was withdrawn before it. A counter, not
-- data: in the `cache` schema, out of backups (see 0015).
CREATE SCHEMA IF NOT EXISTS "cache";--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."matching_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "cache"."matching_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION matching_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache.matching_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER matching_revision_seeker_profile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "seeker_profile" FOR EACH STATEMENT EXECUTE FUNCTION matching_bump_revision();--> statement-breakpoint
CREATE TRIGGER matching_revision_user AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user" FOR EACH STATEMENT EXECUTE FUNCTION matching_bump_revision();--> statement-breakpoint
CREATE TRIGGER matching_revision_job_offer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_offer" FOR EACH STATEMENT EXECUTE FUNCTION matching_bump_revision();--> statement-breakpoint
CREATE TRIGGER matching_revision_job_application AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_application" FOR EACH STATEMENT EXECUTE FUNCTION matching_bump_revision();--> statement-breakpoint
CREATE TRIGGER matching_revision_occupation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "occupation" FOR EACH STATEMENT EXECUTE FUNCTION matching_bump_revision();
