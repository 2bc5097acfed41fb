ALTER TABLE "knowledge"."document" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "document_links_idx" ON "knowledge"."document" USING gin ("links");--> statement-breakpoint
-- ── Data migration: carry this block over when the migration is regenerated ─────────────────────────
-- Every Atlas initiative a document named by its bare slug becomes a platform link
-- (`atlas.initiative:<slug>`), in its order, each once. The DROP COLUMN of "initiatives"
-- is the next migration (0070), so this UPDATE still reads it.
-- The published versions (document_version.snapshot) keep "initiatives" as they were: the code reads both.
UPDATE "knowledge"."document" AS d SET "links" = (
	SELECT coalesce(jsonb_agg('atlas.initiative:' || kept.slug ORDER BY kept.first), '[]'::jsonb)
	FROM (
		SELECT item.slug, min(item.position) AS first
		FROM jsonb_array_elements_text(d."initiatives") WITH ORDINALITY AS item(slug, position)
		WHERE btrim(item.slug) <> ''
		GROUP BY item.slug
	) AS kept
)
WHERE jsonb_typeof(d."initiatives") = 'array' AND jsonb_array_length(d."initiatives") > 0;
