ALTER TABLE "knowledge"."document" ADD COLUMN "text_stems" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "document_text_stems_idx" ON "knowledge"."document" USING gin ("text_stems");--> statement-breakpoint
-- The rest is written by hand (search-index.ts, ADR 0014).
-- A document's text_stems: each stem of its pages with, as positions, the pages that hold it (the first 256,
-- numbers above 16383 counted as 16383) — a vector as small as the document's vocabulary, however many pages.
CREATE OR REPLACE FUNCTION "knowledge"."document_text_stems"(document uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
	SELECT coalesce(string_agg(
		'''' || replace(replace(s.lexeme, '\', '\\'), '''', '''''') || ''':' || array_to_string((s.pages)[1:256], ','),
		' '), '')::tsvector
	FROM (
		SELECT u.lexeme, array_agg(DISTINCT least(p.page, 16383)) AS pages
		FROM "knowledge"."document_page" p, unnest(p.stems) u
		WHERE p.document_id = document
		GROUP BY u.lexeme
	) s
$$;--> statement-breakpoint
-- Kept by the database whichever process writes pages (the extraction job, the sample generator, a restore).
CREATE OR REPLACE FUNCTION "knowledge"."document_page_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		UPDATE "knowledge"."document" d SET text_stems = "knowledge"."document_text_stems"(d.id)
		WHERE d.id IN (SELECT DISTINCT document_id FROM new_pages);
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		UPDATE "knowledge"."document" d SET text_stems = "knowledge"."document_text_stems"(d.id)
		WHERE d.id IN (SELECT DISTINCT document_id FROM old_pages);
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER document_page_inserted AFTER INSERT ON "knowledge"."document_page" REFERENCING NEW TABLE AS new_pages FOR EACH STATEMENT EXECUTE FUNCTION "knowledge"."document_page_changed"();--> statement-breakpoint
CREATE TRIGGER document_page_updated AFTER UPDATE ON "knowledge"."document_page" REFERENCING OLD TABLE AS old_pages NEW TABLE AS new_pages FOR EACH STATEMENT EXECUTE FUNCTION "knowledge"."document_page_changed"();--> statement-breakpoint
CREATE TRIGGER document_page_deleted AFTER DELETE ON "knowledge"."document_page" REFERENCING OLD TABLE AS old_pages FOR EACH STATEMENT EXECUTE FUNCTION "knowledge"."document_page_changed"();--> statement-breakpoint
UPDATE "knowledge"."document" d SET text_stems = "knowledge"."document_text_stems"(d.id) WHERE EXISTS (SELECT 1 FROM "knowledge"."document_page" p WHERE p.document_id = d.id);--> statement-breakpoint
-- The library's data revision, for the search index of each instance of the app (see 0015): bumped once per
-- writing statement on the documents (pages' changes reach them through text_stems), out of backups.
CREATE SCHEMA IF NOT EXISTS "cache";--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."knowledge_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "cache"."knowledge_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "knowledge"."bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE cache.knowledge_revision SET revision = revision + 1 WHERE id = 1;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER knowledge_revision_document AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "knowledge"."document" FOR EACH STATEMENT EXECUTE FUNCTION "knowledge"."bump_revision"();
