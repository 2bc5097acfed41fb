-- The Atlas's data revision moves beside the jobs' one, into the `cache` schema (0015): a counter, not
-- data — out of backups, so a restore's own writes bump it past any value a running server cached
-- (src/lib/server/cache/revision-cache.ts). Its triggers (0008) stay; the function now names the new place.
CREATE SCHEMA IF NOT EXISTS "cache";--> statement-breakpoint
ALTER TABLE "atlas_revision" SET SCHEMA "cache";--> statement-breakpoint
CREATE OR REPLACE FUNCTION atlas_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache.atlas_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;
