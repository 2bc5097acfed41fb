CREATE TABLE "atlas_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "title_document" text GENERATED ALWAYS AS (search_normalise(coalesce(title->>'fr', '') || ' ' || coalesce(title->>'ar', '') || ' ' || coalesce(title->>'en', ''))) STORED NOT NULL;--> statement-breakpoint
-- The Atlas's data revision (src/lib/server/atlas/atlas-cache.ts): bumped once per writing statement on
-- every table the public Atlas reads, inside the writer's transaction, so a cached read keyed by the
-- revision is never older than what is committed — whichever process (server, CLI) wrote.
INSERT INTO "atlas_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION atlas_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.atlas_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER atlas_revision_initiative AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
--> statement-breakpoint
CREATE TRIGGER atlas_revision_initiative_region AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_region" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
--> statement-breakpoint
CREATE TRIGGER atlas_revision_initiative_province AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_province" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
--> statement-breakpoint
CREATE TRIGGER atlas_revision_initiative_organisation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_organisation" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
--> statement-breakpoint
CREATE TRIGGER atlas_revision_exchange_rate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "atlas_exchange_rate" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
--> statement-breakpoint
CREATE TRIGGER atlas_revision_organisation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation" FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_revision();
